"""The code's shape, checked: no import circle inside records/, modules and functions of a readable size."""
import ast
from pathlib import Path

from tests.conftest import PROJECT

PACKAGE = PROJECT / "records"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules():
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def module_name(path):
    parts = list(path.relative_to(PROJECT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path, known):
    """The records modules `path` imports, anywhere in it (inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found.update(name for name in names if name in known)
    return found


def test_no_import_circles():
    paths = modules()
    known = {module_name(p) for p in paths}
    graph = {module_name(p): imports(p, known) - {module_name(p)} for p in paths}
    # A package's __init__ re-exporting its own modules is not a circle of the design: leave those out.
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not (t.startswith(name + ".") or name.startswith(t + "."))}
    state, circles = {}, []

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                circles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_modules_and_functions_are_small():
    too_long = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PROJECT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PROJECT)}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []
