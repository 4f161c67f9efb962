"""Dates: time expressions found in the Doc, valued as TIMEX3 by `normalize.timex`."""
