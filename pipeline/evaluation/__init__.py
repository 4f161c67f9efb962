"""Evaluation against gold annotations (`python -m pipeline evaluate`), split by job.

`gold` loads gold files and a run's predictions, `matching` pairs rows, `scoring` counts,
`report` formats; `relation_status` says why a relation was missed; `cv` cross-validates the
trained components.
"""
