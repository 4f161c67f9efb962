"""Web input: saved HTML pages and WARC archives become articles, boilerplate left out."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import pipeline
from pipeline.inputs.readers import read_articles
from pipeline.inputs.web import html_to_article

ARTICLE_EN = [
    "Transport Minister Oskar Brandt opened the Kestrel Valley bridge on Monday, ending a "
    "decade of delays on the northern road corridor.",
    "The 900-metre crossing links the towns of Alder Ford and Millbrook and was financed "
    "jointly by the regional government and a development bank loan.",
    "Brandt told reporters that the bridge would cut the journey between the two towns from "
    "forty minutes to twelve, and that no tolls would be charged in its first year.",
    "Engineers said the final inspection found no defects in the steel deck, and the "
    "contractor will maintain the structure for the next five years.",
]
ARTICLE_DE = [
    "Verkehrsminister Oskar Brandt hat am Montag die neue Brücke über das Kestreltal eröffnet.",
    "Die Brücke verbindet die Städte Erlenfurt und Mühlbach und wurde gemeinsam von der "
    "Landesregierung und einer Entwicklungsbank finanziert.",
    "Nach Angaben der Ingenieure hat die letzte Prüfung keine Mängel am Stahlüberbau ergeben, "
    "und die Baufirma wird das Bauwerk in den nächsten fünf Jahren warten.",
]
ARTICLE_FR = [
    "Le ministre des Transports a inauguré lundi le nouveau pont de la vallée, après dix ans "
    "de retards sur la route du nord.",
    "Le pont relie les villes d'Aulnay et de Moulinbrook et a été financé conjointement par "
    "le gouvernement régional et une banque de développement.",
    "Selon les ingénieurs, la dernière inspection n'a révélé aucun défaut dans le tablier en "
    "acier, et l'entreprise assurera l'entretien de l'ouvrage pendant cinq ans.",
]
BOILERPLATE = {
    "menu": "Weather forecasts",
    "cookie banner": "We use cookies to improve your experience",
    "share widget": "Share on Twitter",
    "related links": "Council debates new parking charges downtown",
    "comments": "Who is paying for the maintenance after five years though",
    "footer": "All rights reserved",
}
TITLE = "Minister opens the Kestrel Valley bridge"
URL = "https://gazette.example/news/kestrel-bridge"


def make_page(
    paragraphs: list[str],
    *,
    lang: str | None = "en-GB",
    title: str = TITLE,
    head: str = (
        f'<meta property="og:url" content="{URL}">'
        '<meta name="author" content="Marta Lindqvist">'
        '<meta property="article:published_time" content="2022-03-14T09:30:00Z">'
    ),
    charset: str | None = "utf-8",
) -> str:
    """A news page: the article among a menu, cookie banner, share links, related links,
    comments and a footer (the footer's copyright year is not a publication date)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    lang_attr = f' lang="{lang}"' if lang else ""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html{lang_attr}><head>{meta_charset}<title>{title} | Harbour Gazette</title>
<meta property="og:title" content="{title}">{head}</head>
<body>
<div id="cookie-banner" class="cookie-consent">{BOILERPLATE["cookie banner"]}.
<button>Accept all cookies</button></div>
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/weather">{BOILERPLATE["menu"]}</a></li>
</ul></nav></header>
<main><article><h1>{title}</h1>{body}</article>
<div class="share-buttons"><a href="https://social.example/share">{BOILERPLATE["share widget"]}</a>
<a href="https://other.example/share">Share by email</a></div>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Ferry timetable changes announced for spring</a></li>
<li><a href="/b">{BOILERPLATE["related links"]}</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great news, finally the bridge is done after all these years!</p></div>
<div class="comment"><p>{BOILERPLATE["comments"]}?</p></div></section></main>
<footer><p>Copyright 2023 Harbour Gazette. {BOILERPLATE["footer"]}.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def read_one(path: Path):
    (article,) = list(read_articles(path))
    return article


@pytest.fixture()
def english_page(tmp_path) -> Path:
    path = tmp_path / "kestrel.html"
    path.write_text(make_page(ARTICLE_EN), encoding="utf-8")
    return path


def test_web_html_main_text_is_the_article(english_page):
    article = read_one(english_page)
    assert article.status == "ok", article.error
    for sentence in ARTICLE_EN:
        assert sentence in article.text
    assert article.text.startswith(ARTICLE_EN[0])  # the headline is the title, not the body


@pytest.mark.parametrize("kind", sorted(BOILERPLATE))
def test_web_html_boilerplate_left_out(english_page, kind):
    assert BOILERPLATE[kind] not in read_one(english_page).text


def test_web_html_metadata_from_page(english_page):
    article = read_one(english_page)
    assert article.source == "kestrel.html"
    assert article.title == TITLE
    assert article.author == "Marta Lindqvist"
    assert article.published == date(2022, 3, 14)
    assert article.url == URL
    assert article.language == "en"
    assert article.warnings == ()


@pytest.mark.parametrize("suffix", [".htm", ".HTML"])
def test_web_html_suffixes_read(tmp_path, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_text(make_page(ARTICLE_EN), encoding="utf-8")
    assert read_one(path).status == "ok"


@pytest.mark.parametrize(
    ("paragraphs", "lang", "head", "expected"),
    [
        (ARTICLE_DE, "de", "", "de"),  # declared on <html>
        (ARTICLE_DE, None, '<meta property="og:locale" content="de_DE">', "de"),  # og:locale
        (ARTICLE_FR, None, "", "fr"),  # nothing declared: detected from the text
        (ARTICLE_FR, "und", "", "fr"),  # "undetermined" declares nothing
        (ARTICLE_EN, None, "", "en"),
    ],
)
def test_web_html_language(tmp_path, paragraphs, lang, head, expected):
    path = tmp_path / "page.html"
    path.write_text(make_page(paragraphs, lang=lang, head=head), encoding="utf-8")
    article = read_one(path)
    assert article.status == "ok" and article.language == expected
    assert paragraphs[0] in article.text
    not_english = f"not English ({expected}): not extracted"
    assert (not_english in article.warnings) == (expected != "en")


def test_web_html_date_not_taken_from_footer_copyright(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(make_page(ARTICLE_EN, head=""), encoding="utf-8")
    article = read_one(path)
    assert article.status == "ok" and article.published is None


def test_web_html_date_from_time_element(tmp_path):
    dated = ['By Marta Lindqvist, <time datetime="2021-11-02">2 November 2021</time>']
    path = tmp_path / "dated.html"
    path.write_text(make_page(dated + ARTICLE_EN, head=""), encoding="utf-8")
    assert read_one(path).published == date(2021, 11, 2)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (make_page([], head="").encode(), "no extractable article text"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no extractable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "not an HTML document"),
        (b"   \n", "empty file"),
    ],
)
def test_web_html_without_article_is_error(tmp_path, content, problem):
    path = tmp_path / "broken.html"
    path.write_bytes(content)
    article = read_one(path)
    assert article.status == "error"
    assert article.error.startswith("broken.html: ") and problem in article.error


def test_web_html_to_article_from_bytes_with_declared_charset():
    page = make_page(ARTICLE_DE, lang="de", charset="iso-8859-1").encode("iso-8859-1")
    article = html_to_article(page, "page.html")
    assert "Brücke" in article.text and article.language == "de"


# --- WARC ------------------------------------------------------------------------------------


def add_response(writer, url, body: bytes, *, ctype="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2023-05-02T10:00:00Z"},
    )
    writer.write_record(record)


def write_warc(path: Path, gzip: bool) -> list[int]:
    """A small crawl; returns the byte offset where each record ends."""
    ends = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        ends.append(out.tell())
        request = StatusAndHeaders("GET /news/kestrel HTTP/1.1", [("Host", "gazette.example")])
        writer.write_record(
            writer.create_warc_record(
                "https://gazette.example/news/kestrel", "request", http_headers=request
            )
        )
        ends.append(out.tell())
        undated = make_page(ARTICLE_EN, head='<meta name="author" content="Marta Lindqvist">')
        add_response(writer, "https://gazette.example/news/kestrel", undated.encode())  # 3
        ends.append(out.tell())
        add_response(writer, "https://gazette.example/logo.png", b"\x89PNG\r\n", ctype="image/png")
        ends.append(out.tell())
        gone = b"<html>gone</html>"
        add_response(writer, "https://gazette.example/gone", gone, status="404 Not Found")
        ends.append(out.tell())
        german = make_page(ARTICLE_DE, lang="de", charset=None).encode("iso-8859-1")
        add_response(  # 6: the charset is only in the HTTP header
            writer, "https://zeitung.example/bruecke", german, ctype="text/html; charset=ISO-8859-1"
        )
        ends.append(out.tell())
        add_response(writer, "https://gazette.example/news/dated", make_page(ARTICLE_EN).encode())
        ends.append(out.tell())
    return ends


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc(request, tmp_path) -> tuple[Path, list[int]]:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    return path, write_warc(path, request.param)


def test_web_warc_html_responses_become_articles(warc):
    path, _ = warc
    articles = list(read_articles(path))
    assert [a.source for a in articles] == [f"{path.name}#{n}" for n in (3, 6, 7)]
    assert [a.status for a in articles] == ["ok"] * 3
    assert [a.url for a in articles] == [
        "https://gazette.example/news/kestrel",
        "https://zeitung.example/bruecke",
        "https://gazette.example/news/dated",
    ]
    assert [a.language for a in articles] == ["en", "de", "en"]
    assert ARTICLE_DE[0] in articles[1].text
    assert "not English (de): not extracted" in articles[1].warnings


def test_web_warc_capture_date_is_not_publication_date(warc):
    path, _ = warc
    undated, _, dated = read_articles(path)
    assert undated.published is None and "captured 2023-05-02" in undated.warnings
    assert undated.author == "Marta Lindqvist" and ARTICLE_EN[2] in undated.text
    assert dated.published == date(2022, 3, 14)
    assert not any(w.startswith("captured") for w in dated.warnings)


@pytest.mark.parametrize("cut", ["inside content", "inside headers"])
def test_web_warc_truncated_record_is_error_and_earlier_records_kept(warc, cut):
    path, ends = warc
    data = path.read_bytes()
    last_start = ends[-2]
    keep = last_start + (40 if cut == "inside headers" else (ends[-1] - last_start) // 2)
    path.write_bytes(data[:keep])
    articles = list(read_articles(path))
    assert [a.source for a in articles] == [f"{path.name}#{n}" for n in (3, 6, 7)]
    assert [a.status for a in articles] == ["ok", "ok", "error"]
    assert articles[-1].error.startswith(f"{path.name}#7: ")
    assert "truncated" in articles[-1].error or "corrupt" in articles[-1].error


def test_web_warc_not_an_archive_is_error(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not a crawl\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.status == "error" and article.error.startswith("notes.warc#1: ")


def test_web_warc_streams_without_loading_the_file(tmp_path):
    import tracemalloc

    path = tmp_path / "big.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for n in range(150):
            add_response(writer, f"https://img.example/{n}.png", bytes(64_000), ctype="image/png")
        add_response(writer, URL, make_page(ARTICLE_EN).encode())
    size = path.stat().st_size
    tracemalloc.start()
    try:
        articles = list(read_articles(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.source for a in articles] == ["big.warc#151"]
    assert peak < size / 4, f"peak {peak} bytes for a {size}-byte file"


# --- the run ---------------------------------------------------------------------------------


def test_web_run_documents_rows(tmp_path, nlp):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "kestrel.html").write_text(make_page(ARTICLE_EN), encoding="utf-8")
    (raw / "bruecke.htm").write_text(make_page(ARTICLE_DE, lang="de"), encoding="utf-8")
    (raw / "empty.html").write_text(make_page([], head=""), encoding="utf-8")
    write_warc(raw / "crawl.warc.gz", gzip=True)
    out = tmp_path / "out"
    pipeline.run(raw, out)
    tables = pipeline.read_tables(out)
    docs = tables["documents"].set_index("source")
    languages = docs["language"].astype(object).where(docs["language"].notna(), None)
    expected = {
        "bruecke.htm": ("ok", "de"),
        "crawl.warc.gz#3": ("ok", "en"),
        "crawl.warc.gz#6": ("ok", "de"),
        "crawl.warc.gz#7": ("ok", "en"),
        "empty.html": ("error", None),
        "kestrel.html": ("ok", "en"),
    }
    assert sorted(docs.index) == sorted(expected)
    for source, (status, language) in expected.items():
        assert docs.loc[source, "status"] == status
        assert languages[source] == language
    assert docs.loc["crawl.warc.gz#3", "url"] == "https://gazette.example/news/kestrel"
    assert docs.loc["kestrel.html", "published"] == pd.Timestamp("2022-03-14")
    german_ids = set(docs.loc[["bruecke.htm", "crawl.warc.gz#6"], "doc_id"])
    for name, table in tables.items():
        if name not in ("documents", "entities") and "doc_id" in table.columns:
            assert not german_ids & set(table["doc_id"]), f"{name} has rows for a German page"
