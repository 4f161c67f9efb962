"""The Doc extensions through which the project's components pass their records on.

Each component (`components.py`) runs one extractor over the Doc and stores its records on a
Doc extension (`doc._.regions`, `doc._.projects`, ...); later components read the earlier
ones' records.
The publication date travels in `doc._.published`, set before the Doc enters the pipeline.
"""

from spacy.tokens import Doc

EXTENSIONS = ("published", "regions", "projects", "officials", "persons", "dates", "relations")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
