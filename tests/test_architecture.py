"""The layers' imports, read from the source (ast): no import circles in ui/, reports/, models/ or endpoints/;
nothing below ui/ imports ui; endpoints/ imports neither Qt nor SQLAlchemy.

Every import counts: at module level, inside functions, and under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ui", "reports", "models", "endpoints")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of PACKAGES (migrations scripts left out: Alembic runs them)."""
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    }


def imported_names(path: Path, name: str) -> Iterator[str]:
    """Every module name `path` imports (absolute, relative resolved; `from a import b` yields a and a.b)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of PACKAGES it imports."""
    modules = source_modules()
    return {name: {target for target in imported_names(path, name) if target in modules and target != name}
            for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def all_imports(package: str) -> Iterator[tuple[str, str]]:
    """(module, imported name) for every import in `package`."""
    for name, path in source_modules().items():
        if name == package or name.startswith(f"{package}."):
            yield from ((name, target) for target in imported_names(path, name))


def test_graph_is_read() -> None:
    graph = import_graph()
    assert "models.database" in graph["models.subjects"]
    assert len(graph) > 100


def test_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    found = circles(import_graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("package", ["endpoints", "models", "reports"])
def test_nothing_below_ui_imports_ui(package: str) -> None:
    offenders = [(m, t) for m, t in all_imports(package) if t == "ui" or t.startswith("ui.")]
    assert not offenders


def test_endpoints_import_no_qt_and_no_sqlalchemy() -> None:
    forbidden = ("PySide6", "sqlalchemy", "models", "ui", "reports")
    offenders = [(m, t) for m, t in all_imports("endpoints") if t.split(".")[0] in forbidden]
    assert not offenders


def test_ui_is_laid_out_by_feature() -> None:
    """At most 10 modules directly in ui/; every subpackage opens with a docstring saying what it shows."""
    assert len(list((ROOT / "ui").glob("*.py"))) <= 10
    packages = [p for p in (ROOT / "ui").rglob("*") if p.is_dir() and p.name != "__pycache__"]
    assert len(packages) >= 7
    for package in packages:
        init = package / "__init__.py"
        assert init.exists() and ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), package


def test_features_do_not_import_the_main_window() -> None:
    offenders = [(m, t) for m, t in all_imports("ui")
                 if t == "ui.shell.main_window" and m not in ("ui.app", "ui.shell.main_window")]
    assert not offenders
