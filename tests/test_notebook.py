"""The analyst notebook runs top to bottom on a fresh run's tables and draws its plots."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "analyst_tour.ipynb"
PLOTS = 6  # bar chart, meeting network, mentions per month, timeline, map, office holders


def images(notebook) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def errors(notebook) -> list[str]:
    return [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def text_outputs(notebook) -> str:
    return "\n".join(
        output.get("data", {}).get("text/plain", "") + output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


@pytest.fixture(scope="module")
def executed(seed_path, tmp_path_factory):
    """The notebook executed against a run of the pipeline on the seed article."""
    import pipeline

    out = tmp_path_factory.mktemp("notebook-run")
    pipeline.run(seed_path, out)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # one more cell tells which Python ran the kernel: it must be this environment's
    notebook.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.prefix)"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSX_OUT", str(out))
        client = nbclient.NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            allow_errors=True,  # errors are collected and reported by the tests below
            resources={"metadata": {"path": str(ROOT)}},
        )
        client.execute()
    return notebook


def check(notebook, what: str) -> None:
    if what == "no errors":
        assert errors(notebook) == []
    else:
        assert images(notebook) >= PLOTS


@pytest.mark.parametrize("what", ["no errors", "plots"])
def test_notebook_runs_on_a_fresh_run(executed, what):
    check(executed, what)


@pytest.mark.parametrize(
    "name", ["Bunyad Huseynov", "Bahram Behnamjoo", "Jeyhun Bayramov", "Hassan Rouhani"]
)
def test_notebook_answers_with_seed_officials(executed, name):
    assert name in text_outputs(executed)


@pytest.mark.parametrize("answer", ["who held foreign minister for AZ on 2021-01-06: Jeyhun Bayramov"])
def test_notebook_answers_who_held_an_office(executed, answer):
    assert answer in text_outputs(executed)


@pytest.mark.parametrize("expected", [sys.prefix])
def test_notebook_kernel_is_this_environment(executed, expected):
    assert executed.cells[-1].outputs[-1]["text"].strip() == expected


@pytest.mark.parametrize("what", ["no errors", "plots"])
def test_notebook_committed_with_outputs(what):
    check(nbformat.read(NOTEBOOK, as_version=4), what)
