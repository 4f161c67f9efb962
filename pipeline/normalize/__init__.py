"""Normalization that knows nothing of spaCy: ISO codes and places, role names, TIMEX3 values, person names."""
