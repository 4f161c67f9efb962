"""Property-based: arbitrary text and headers never crash ingest or extract."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.inputs.files import decode_bytes, split_header
from pipeline.inputs.readers import read_articles

header_lines = st.lists(
    st.tuples(st.sampled_from(["url", "date", "title", "author", "license", "x"]), st.text(max_size=30)),
    max_size=4,
).map(lambda pairs: "".join(f"{k}: {v}\n".replace("\r", "") for k, v in pairs))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_any_bytes_become_an_article_or_an_error(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "a.txt").write_bytes(data)
    (article,) = read_articles(folder)
    assert article.status in ("ok", "error")
    if article.status == "error":
        assert "a.txt" in article.error


@settings(max_examples=200, deadline=None)
@given(header_lines, st.text(max_size=300))
def test_fuzz_headers_split_without_crash(header, body):
    fields, rest = split_header(header + "\n" + body)
    assert isinstance(fields, dict) and isinstance(rest, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_decode_gives_text_or_value_error(data):
    try:
        text, warnings = decode_bytes(data)
    except ValueError:
        return
    assert isinstance(text, str) and isinstance(warnings, list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)),
        min_size=1,
        max_size=400,
    ),
    st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
)
def test_fuzz_extract_never_crashes(nlp, text, published):
    try:
        result = pipeline.extract(text, published=published)
    except ValueError as err:  # only an empty article is refused
        assert "empty" in str(err)
        return
    for table in result.tables.values():
        if "start_char" in table:
            assert ((table["start_char"] >= 0) & (table["end_char"] <= len(result.article.text))).all()
