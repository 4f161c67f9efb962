"""Corpus linking: local entity ids that name the same thing across articles become one id."""
