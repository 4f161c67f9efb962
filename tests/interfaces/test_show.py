"""The article view: `python -m pipeline show` writes one self-contained, escaped HTML page."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.interfaces.cli import app
from pipeline.interfaces.show import LABEL_COLOURS, show_article

SEED_OFFICIALS = ["Bunyad Huseynov", "Bahram Behnamjoo", "Jeyhun Bayramov", "Hassan Rouhani"]
VOID_TAGS = {"br", "meta", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class PageReader(HTMLParser):
    """Collects the highlighted marks (text, label), the table cells and any tag-nesting errors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.cells: dict[str, list[list[str]]] = {}
        self.external: list[str] = []
        self._mark: list[str] | None = None
        self._label: list[str] | None = None
        self._table: str | None = None
        self._section: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if attrs.get(name):
                self.external.append(attrs[name])
        if tag in ("script", "link", "iframe", "img"):
            self.external.append(tag)
        if tag == "h2":
            self._section = attrs.get("id")
        if tag == "table":
            self._table = self._section
            self.cells.setdefault(self._table, [])
        if tag == "tr" and self._table:
            self.cells[self._table].append([])
        if tag == "td" and self._table:
            self._cell = []
        if tag == "mark" and attrs.get("class") == "entity":
            self._mark, self._label = [], None
        elif tag == "span" and self._mark is not None:
            self._label = []
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "td" and self._cell is not None:
            self.cells[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        if tag == "table":
            self._table = None
        if tag == "mark" and self._mark is not None:
            self.marks.append(("".join(self._mark).strip(), "".join(self._label or []).strip()))
            self._mark = self._label = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._label is not None:
            self._label.append(data)
        elif self._mark is not None:
            self._mark.append(data)


def read_page(markup: str) -> PageReader:
    reader = PageReader()
    reader.feed(markup)
    reader.close()
    return reader


@pytest.fixture(scope="module")
def seed_page(seed_path, tmp_path_factory) -> Path:
    return show_article(seed_path, tmp_path_factory.mktemp("show") / "seed.html")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed with apt-get when it is missing."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.skip("chromium is missing and apt-get is not available to install it")
    install = [apt, "install", "-y", "--no-install-recommends", "chromium"]
    done = subprocess.run(install, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:  # stale package lists: refresh them once and retry
        subprocess.run([apt, "update"], capture_output=True, text=True, timeout=600)
        done = subprocess.run(install, capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not Path("/usr/bin/chromium").exists():
        pytest.skip(f"chromium missing; `apt-get install chromium` failed: {done.stderr[-300:]}")
    return "/usr/bin/chromium"


def run_chromium(chromium: str, page: Path, tmp_path: Path, *extra: str) -> str:
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra]
    done = subprocess.run(
        [chromium, *flags, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("name", SEED_OFFICIALS)
def test_show_seed_officials_marked_and_listed(seed_page, name):
    page = read_page(seed_page.read_text(encoding="utf-8"))
    assert (name, "OFFICIAL") in page.marks
    assert name in [row[0] for row in page.cells["officials"] if row]


@pytest.mark.parametrize(
    "table, cell",
    [("regions", "IR-24"), ("projects", "Rasht-Astara railway"), ("dates", "2020-11-10")],
)
def test_show_seed_rows_listed(seed_page, table, cell):
    page = read_page(seed_page.read_text(encoding="utf-8"))
    assert any(cell in row for row in page.cells[table])


@pytest.mark.parametrize("label", ["OFFICIAL", "REGION", "PROJECT", "DATE"])
def test_show_seed_labels_highlighted(seed_page, label):
    page = read_page(seed_page.read_text(encoding="utf-8"))
    assert any(mark_label == label for _, mark_label in page.marks)


@pytest.mark.parametrize("check", ["nesting", "self-contained"])
def test_show_page_well_formed_and_self_contained(seed_page, check):
    markup = seed_page.read_text(encoding="utf-8")
    page = read_page(markup)
    if check == "nesting":
        assert markup.startswith("<!DOCTYPE html>")
        assert page.errors == [] and page.stack == []
    else:
        assert page.external == []
        assert "url(" not in markup and "@import" not in markup


@pytest.mark.parametrize(
    "body",
    [
        'Foreign Minister Jeyhun Bayramov wrote <script>alert("x")</script> & left Baku in 2021.',
    ],
)
def test_show_escapes_article_text(tmp_path, body):
    article = tmp_path / "note.txt"
    article.write_text(f"title: <b>Bold</b> & more\ndate: 2021-03-04\n\n{body}\n", encoding="utf-8")
    markup = show_article(article, tmp_path / "note.html").read_text(encoding="utf-8")
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup and "&lt;b&gt;Bold&lt;/b&gt; &amp; more" in markup
    assert ("Jeyhun Bayramov", "OFFICIAL") in read_page(markup).marks


@pytest.mark.parametrize("index, title", [(0, "First piece"), (1, "Second piece")])
def test_show_cli_picks_article_of_multi_article_file(tmp_path, index, title):
    rows = [
        {"title": "First piece", "text": "President Ilham Aliyev spoke in Baku on Monday."},
        {"title": "Second piece", "text": "Prime Minister Nikol Pashinyan spoke in Yerevan."},
    ]
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "page.html"
    arguments = ["show", str(source), "--out", str(out), "--index", str(index)]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert f"<h1>{title}</h1>" in out.read_text(encoding="utf-8")


def test_show_cli_writes_seed_page(seed_path, tmp_path):
    out = tmp_path / "nested" / "seed.html"
    result = CliRunner().invoke(app, ["show", str(seed_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert ("Bunyad Huseynov", "OFFICIAL") in read_page(out.read_text(encoding="utf-8")).marks


@pytest.mark.parametrize("problem", ["missing file", "index past the end"])
def test_show_cli_reports_bad_input(seed_path, tmp_path, problem):
    source = tmp_path / "absent.txt" if problem == "missing file" else seed_path
    result = CliRunner().invoke(
        app, ["show", str(source), "--out", str(tmp_path / "x.html"), "--index", "5"]
    )
    assert result.exit_code == 2
    assert "error:" in result.output
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("name", SEED_OFFICIALS)
def test_show_chromium_renders_seed_officials(chromium, seed_page, tmp_path, name):
    dom = read_page(run_chromium(chromium, seed_page, tmp_path, "--dump-dom"))
    assert (name, "OFFICIAL") in dom.marks
    assert name in [row[0] for row in dom.cells["officials"] if row]


@pytest.mark.parametrize("label", ["OFFICIAL", "REGION"])
def test_show_chromium_paints_highlight_colours(chromium, seed_page, tmp_path, label):
    image = pytest.importorskip("PIL.Image")
    shot = tmp_path / "shot.png"
    run_chromium(chromium, seed_page, tmp_path, f"--screenshot={shot}", "--window-size=1200,900")
    colour = tuple(int(LABEL_COLOURS[label][i : i + 2], 16) for i in (1, 3, 5))
    counts = {rgb: n for n, rgb in image.open(shot).convert("RGB").getcolors(1 << 24)}
    # the legend's swatch alone paints about 2,000 pixels; the article's marks many more
    assert counts.get(colour, 0) > 6000
