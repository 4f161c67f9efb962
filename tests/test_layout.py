"""The package layout: every module imports, imports point down the layers, no circles, no giants.

Layers, lowest first (a module may import its own package and any lower layer, never a higher
one nor another package of its own layer):

    0  records, resources          typed records and the models/ assets
    1  normalize                   ISO codes, roles, TIMEX3, names: knows nothing of spaCy
    2  inputs, extractors, tables  files -> Articles; Doc -> records; records -> rows, parquet
    3  trained                     the trainable spaCy components (relation scorer, spans)
    4  language                    the spaCy Language: its components call the extractors
    5  linking, evaluation         corpus linking; scoring against gold
    6  orchestration, training     a run over a corpus (local, processes, Dask); training
    7  evaluation.cv               cross-validation: trains on folds, so it sits above training
    8  interfaces                  CLI, library, `show`
    9  pipeline/__init__, __main__ the public names

The one exception: any module may read `pipeline.__version__`, which `__init__` sets before it
imports anything.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

LAYERS = {
    "records": 0,
    "resources": 0,
    "normalize": 1,
    "inputs": 2,
    "extractors": 2,
    "tables": 2,
    "trained": 3,
    "language": 4,
    "linking": 5,
    "evaluation": 5,
    "orchestration": 6,
    "training": 6,
    "evaluation.cv": 7,
    "interfaces": 8,
    "__init__": 9,
    "__main__": 9,
}
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, bool]]:
    """(imported pipeline module, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "pipeline" and all(alias.name == "__version__" for alias in node.names):
                continue  # the version string, set in __init__ before it imports anything
            targets = [target]
            # `from . import names`: the names may be modules themselves
            targets += [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in MODULES]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            if target == "pipeline" or target.startswith("pipeline."):
                found.append((target, id(node) in top_level))
    return found


def _layer(module: str) -> tuple[int, str]:
    """(layer number, package) of a module: `pipeline.extractors.officials.extract` -> (2, extractors)."""
    parts = module.split(".")
    if ".".join(parts[1:3]) in LAYERS:  # a module placed apart from its package
        key = ".".join(parts[1:3])
    else:
        key = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS[key], key


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"pipeline.__main__"}))
def test_layout_every_module_imports(module):
    importlib.import_module(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_module_has_a_layer(module):
    parts = module.split(".")
    assert len(parts) == 1 or parts[1] in LAYERS, f"{module}: add its folder to LAYERS in this test and the README"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_imports_point_down_the_layers(module):
    level, package = _layer(module)
    wrong = []
    for target, _ in _imports(module, MODULES[module]):
        target_level, target_package = _layer(target)
        if target_package == package or package in ("__init__", "__main__"):
            continue
        if target_level >= level:
            wrong.append(f"{target} (layer {target_level})")
    assert not wrong, f"{module} (layer {level}) imports a module of its own or a higher layer: {wrong}"


def test_layout_no_import_cycles():
    graph = {
        name: {t for t, top in _imports(name, path) if top and t in MODULES and t != name}
        for name, path in MODULES.items()
    }
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target] if target in path else [name, target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layout_long_module_says_why(module):
    path = MODULES[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert re.search(r"\b500 lines\b", docstring), (
        f"{path.relative_to(PACKAGE.parent)} has {lines} lines: split it, or say in its docstring why "
        f"it is over 500 lines"
    )


@pytest.mark.parametrize("name", ["extract", "run", "read_tables", "Extraction", "RunSummary", "__version__"])
def test_layout_public_names_stay_importable(name):
    import pipeline

    assert hasattr(pipeline, name) and name in pipeline.__all__
