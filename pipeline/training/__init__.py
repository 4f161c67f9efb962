"""Training: the train command and the conversion of gold annotations into spaCy training data.

The trained components (their code and configs) land here; nothing in the run path imports this
package until they do.
"""
