"""Trainable spaCy components: their pipe classes, thinc models and features.

They are trained by `pipeline.training` (the `train` command) and their weights live under
`models/trained/<component>/`; `pipeline.nlp.load_nlp` adds them to the rule pipeline.
"""
