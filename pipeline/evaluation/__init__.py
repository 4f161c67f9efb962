"""Evaluation against gold annotations (`python -m pipeline evaluate`), split by job."""
