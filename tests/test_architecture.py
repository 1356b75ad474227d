"""The shape of the code: no import cycles, and each layer imports only what it may.

Read from the source with ``ast`` (nothing is imported), so a test fails
naming the module and the line, not with an import error elsewhere. Imports
inside functions count (they hide a cycle, they do not remove it); imports
under ``if TYPE_CHECKING:`` do not (they never run).
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("secretariat", "db", "ui")
DEVELOPER_ONLY = ("tools", "tests", "bench")

# The one import of a developer tool from what ships: `main.py --screenshots`
# in a source checkout, inside a try block that reports a missing `tools/`.
ALLOWED_DEVELOPER_IMPORTS = {("ui.app", "tools.screenshots.screenshots")}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # the full dotted name as written, resolved if relative
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts  # Alembic loads these by path
    }


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(nodes: list[ast.stmt], *, for_types: bool = False) -> Iterator[ast.stmt]:
    """Every statement, in functions and classes too; under ``if TYPE_CHECKING:`` only ``for_types``."""
    for node in nodes:
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test) and not for_types:
            yield from _statements(node.orelse)
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, field, None) or []
            for child in children:
                if isinstance(child, ast.stmt):
                    yield from _statements([child], for_types=for_types)
                else:  # an except handler or a match case holds statements
                    yield from _statements(child.body, for_types=for_types)


def imports_of(name: str, path: Path, *, for_types: bool = False) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _statements(tree.body, for_types=for_types):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            for alias in node.names:
                # `from a import b` imports the module a.b if there is one, else a name of a.
                yield Import(name, f"{stem}.{alias.name}", node.lineno)


def _known_module(dotted: str, modules: set[str]) -> str | None:
    while dotted:
        if dotted in modules:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def all_imports(*, for_types: bool = False) -> list[Import]:
    return [
        found
        for name, path in source_files().items()
        for found in imports_of(name, path, for_types=for_types)
    ]


def import_graph(*, for_types: bool = False) -> dict[str, dict[str, int]]:
    """Module -> the modules of ours it imports, each with the line of the first import."""
    modules = set(source_files())
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for found in all_imports(for_types=for_types):
        target = _known_module(found.imported, modules)
        if target is not None and target != found.importer:
            graph[found.importer].setdefault(target, found.line)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """Tarjan's components of more than one module, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)
    return components


def shortest_cycle(graph: dict[str, dict[str, int]], component: set[str]) -> list[str]:
    """One shortest way round the component, from its first module back to it."""
    start = min(component)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node]):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child in component and child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle through {start}")


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    steps = [f"{a} (line {graph[a][b]})" for a, b in pairwise(cycle)]
    return " -> ".join([*steps, cycle[-1]])


def cycles(graph: dict[str, dict[str, int]]) -> list[tuple[set[str], str]]:
    return [(c, describe(graph, shortest_cycle(graph, c))) for c in strongly_connected(graph)]


# -- the checker checks --------------------------------------------------------------------------------


def test_a_cycle_is_found_and_named():
    graph = {"a": {"b": 3}, "b": {"c": 7}, "c": {"a": 1, "d": 2}, "d": {}}
    assert cycles(graph) == [({"a", "b", "c"}, "a (line 3) -> b (line 7) -> c (line 1) -> a")]


def test_imports_in_functions_count_and_type_checking_ones_do_not(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    import hidden\n"
        "else:\n"
        "    import shown_else\n"
        "def f():\n"
        "    try:\n"
        "        from . import sibling\n"
        "    except ImportError:\n"
        "        import fallback\n"
        "class C:\n"
        "    def g(self):\n"
        "        from ..up import thing\n",
        encoding="utf-8",
    )
    found = {i.imported for i in imports_of("pkg.sub.example", source)}
    assert found == {"typing.TYPE_CHECKING", "shown_else", "pkg.sub.sibling", "fallback", "pkg.up.thing"}
    assert "hidden" in {i.imported for i in imports_of("pkg.sub.example", source, for_types=True)}


# -- the code ------------------------------------------------------------------------------------------------


def test_no_import_cycle():
    found = [text for _, text in cycles(import_graph())]
    assert not found, "import cycles:\n" + "\n".join(found)


def test_no_import_cycle_even_for_types():
    """A circle through ``if TYPE_CHECKING:`` imports runs, but it still ties two modules into one
    to read and to change: name what is needed as a Protocol on the importing side instead."""
    found = [text for _, text in cycles(import_graph(for_types=True))]
    assert not found, "import cycles, counting the imports for types:\n" + "\n".join(found)


def _violations(packages: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{i.importer} (line {i.line}) imports {i.imported}"
        for i in all_imports()
        if i.importer.split(".")[0] in packages and i.imported.split(".")[0] in forbidden and not _allowed(i)
    ]


def _allowed(found: Import) -> bool:
    return any(
        found.importer == importer and (found.imported + ".").startswith(module + ".")
        for importer, module in ALLOWED_DEVELOPER_IMPORTS
    )


@pytest.mark.parametrize(
    ("packages", "forbidden", "why"),
    [
        (("secretariat", "db"), ("PySide6", "shiboken6", "ui"), "the core runs without Qt"),
        (("db",), ("secretariat", "ui"), "the models and migrations stand below the core"),
        (("ui",), ("sqlalchemy",), "the window never opens a session nor writes SQL"),
        (PACKAGES, DEVELOPER_ONLY, "developer tools and tests do not ship"),
    ],
    ids=["core-without-qt", "db-at-the-bottom", "ui-without-sql", "no-developer-tools"],
)
def test_layers(packages, forbidden, why):
    found = _violations(packages, forbidden)
    assert not found, f"{why}:\n" + "\n".join(found)


@pytest.mark.parametrize("package", ["secretariat.cli", "secretariat.reports"])
def test_the_command_line_and_the_reports_read_through_the_services(package):
    """They take what they show from the core's services (``secretariat.core``), never from SQL."""
    found = [
        f"{i.importer} (line {i.line}) imports {i.imported}"
        for i in all_imports()
        if (i.importer + ".").startswith(package + ".") and i.imported.split(".")[0] in ("sqlalchemy", "db")
    ]
    assert not found, "\n".join(found)


def test_the_allowed_developer_import_is_still_there():
    """When `ui.app` stops importing the screenshots tool, the exception goes too."""
    for importer, module in ALLOWED_DEVELOPER_IMPORTS:
        assert any(_allowed(i) and i.importer == importer for i in all_imports()), (importer, module)


def test_every_file_dialog_opens_through_the_one_helper():
    """``ui.widgets.file_choice`` opens file dialogs in Documents or the last folder, in Persian:
    a file dialog made anywhere else would open in the program's folder, half in English."""
    found = [
        f"{i.importer} (line {i.line}) imports {i.imported}"
        for i in all_imports()
        if i.imported == "PySide6.QtWidgets.QFileDialog" and i.importer != "ui.widgets.file_choice"
    ]
    assert not found, "\n".join(found)
