"""The code's floors: each module imports only from the floors below it (imports inside functions count), so
there is no import circle and a reader can follow a document upwards, floor by floor."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. A module belongs to the first floor whose prefix it has; within a floor, modules may import
# each other as long as there is no circle.
FLOORS = [
    ("ingest",),
    ("tracker.ids", "tracker.ical", "tracker.ministries", "tracker.filenames", "tracker.params", "tracker.roles",
     "tracker.passwords", "tracker.excerpt", "tracker.spreadsheet", "tracker.folders", "tracker.converters",
     "tracker.store_behind"),
    ("tracker.models",),
    ("tracker.workflow", "tracker.search", "tracker.overviews", "tracker.learning"),
    ("tracker.analysis", "tracker.corrections"),
    ("tracker.tasks",),
    ("tracker.intake",),
    ("tracker.sync",),
    # Read-side modules beside the views: models and below.
    ("tracker.display", "tracker.templatetags", "tracker.periods", "tracker.forms",
     "tracker.filters", "tracker.timeline", "tracker.timeline_list", "tracker.charts", "tracker.bar_chart",
     "tracker.document_text", "tracker.document_list", "tracker.register", "tracker.dashboard", "tracker.reminders",
     "tracker.rappel", "tracker.suggestions", "tracker.admin", "tracker.upload_handlers", "tracker.apps"),
    ("tracker.views", "tracker.middleware", "tracker.urls", "tracker.management"),
]


def modules():
    for package in ("ingest", "tracker"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts == ("tracker", "__init__"):
                continue  # the app's package itself holds nothing
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


MODULES = dict(modules())


def floor(name: str) -> int:
    for level, prefixes in enumerate(FLOORS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return level
    raise AssertionError(f"{name} is on no floor: add it to FLOORS")


def imported(name: str, path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
    known = set()
    for target in found:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            known.add(target)
    return known


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def test_every_module_is_on_a_floor():
    for name in MODULES:
        floor(name)


def test_no_module_imports_from_a_floor_above_it():
    upwards = [f"{name} -> {target}" for name, targets in GRAPH.items() for target in targets
               if floor(target) > floor(name)]
    assert upwards == []


def test_there_is_no_import_circle():
    done, path = set(), []

    def visit(name):
        if name in path:
            raise AssertionError("import circle: " + " -> ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        path.append(name)
        for target in GRAPH[name]:
            # A package importing its own submodules (tracker.sync -> tracker.sync.tk) is how it names them.
            if not target.startswith(name + "."):
                visit(target)
        path.pop()
        done.add(name)

    for name in GRAPH:
        visit(name)
