"""Infrastructure projects: project names (grammar), their lexicon, places and name links."""
