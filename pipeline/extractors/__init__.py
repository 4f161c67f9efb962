"""Extractors: pure functions that read an annotated Doc and return typed records."""
