"""Long articles are processed in pieces with offsets mapped back to the whole text."""

from __future__ import annotations

import pytest

from pipeline.orchestration.annotate import process_batch
from pipeline.orchestration.chunks import split_text
from pipeline.records import Article

PARAGRAPH = "Prime Minister Elena Marin visited Tbilisi on 3 March 2019 to open the Tbilisi bypass road."


@pytest.mark.parametrize("limit", [50, 120, 400])
def test_chunks_split_text_covers_the_text_under_the_limit(limit):
    text = "\n\n".join(f"{PARAGRAPH} Paragraph {i}." for i in range(12))
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= limit for _, piece in pieces)


def test_chunks_split_prefers_paragraph_boundaries():
    text = "\n\n".join([PARAGRAPH] * 6)
    for _, piece in split_text(text, 2 * len(PARAGRAPH) + 10)[:-1]:
        assert piece.endswith("\n\n")


def test_chunks_long_article_offsets_point_at_their_text(nlp):
    text = "\n\n".join([PARAGRAPH] * 8)
    article = Article(doc_id="long", source="long.txt", text=text)
    whole = process_batch(nlp, [article], "m", "v")
    pieces = process_batch(nlp, [article], "m", "v", chunk_chars=3 * len(PARAGRAPH))
    for table in ("mentions", "dates"):
        assert pieces[table], table
        for row in pieces[table]:
            assert text[row["start_char"] : row["end_char"]] == row["text"]
    # one row per entity for the whole article, as without splitting
    for table in ("officials", "regions", "projects"):
        assert sorted(r["name"] for r in pieces[table]) == sorted(r["name"] for r in whole[table])
    assert len(pieces["dates"]) == len(whole["dates"])
