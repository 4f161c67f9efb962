"""Training: gold reading and alignment, the corpus reader, the `train` command, CV folds.

The trainable components themselves live in `pipeline.trained`.
"""
