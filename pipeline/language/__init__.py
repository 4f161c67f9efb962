"""The spaCy Language: the statistical model plus the project's components and Doc extensions."""
