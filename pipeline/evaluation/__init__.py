"""Scoring of predicted tables against gold annotations, split by job."""
