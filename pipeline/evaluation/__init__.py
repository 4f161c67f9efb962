"""Scoring beyond one run's output: cross-validation of the trained components (`cv`)."""
