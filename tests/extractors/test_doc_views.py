"""The shared word lists say exactly what the Doc's tokens say (they replace Token reads)."""

from __future__ import annotations

import pytest

from pipeline.extractors import doc_views

TEXTS = [
    "",
    "Minister Ana Ruiz met the mayor of Baku.  Talks went on\n\nuntil 9 p.m. on Monday!",
    "HEADLINE ON A LINE\n   \nThe 12-km railway (its second) runs from A-town to “B”.",
]


def _token_lists(doc):
    return {
        "texts": [t.text for t in doc],
        "starts": [t.idx for t in doc],
        "puncts": [t.is_punct for t in doc],
        "spaces": [t.is_space for t in doc],
        "trailing_spaces": [t.whitespace_ for t in doc],
        "coarse_tags": [t.pos_ for t in doc],
        "head_indices": [t.head.i for t in doc],
        "dependencies": [t.dep_ for t in doc],
        "fine_tags": [t.tag_ for t in doc],
        "lowers": [t.lower_ for t in doc],
    }


@pytest.mark.parametrize("number", range(len(TEXTS) + 1))
def test_doc_views_match_the_tokens(annotate, seed_text, number):
    doc = annotate((TEXTS + [seed_text])[number])
    # the pipeline's last component released them: the Doc keeps no views of its own
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("news_")]
    for name, expected in _token_lists(doc).items():
        assert getattr(doc_views, name)(doc) == expected, name
