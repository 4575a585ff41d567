"""The flow the layout promises (docs/development.md), held by reading every import in the package.

Data flows one way: file → document → case → engine → determination → view → renderer.
An import that points against it fails here, wherever it stands in a module (inside a
function or under TYPE_CHECKING alike).
"""

import ast

import pytest
from conftest import ROOT

PACKAGE = ROOT / "zgrongcuo"


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path) -> set[str]:
    """Every zgrongcuo module ``path`` imports, by its full name (``from x import y`` counts x and x.y)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else _module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package up
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "zgrongcuo" or name.startswith("zgrongcuo.")}


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _in(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _problems(rule) -> list[str]:
    out = []
    for name, path in MODULES.items():
        for imported in sorted(imports_of(path)):
            if imported in MODULES or imported.rsplit(".", 1)[0] in MODULES or imported == "zgrongcuo":
                target = imported if imported in MODULES or imported == "zgrongcuo" else imported.rsplit(".", 1)[0]
                if not rule(name, target):
                    out.append(f"{name} imports {imported}")
    return out


def test_the_scan_sees_imports_inside_functions_and_type_checking_blocks():
    found = imports_of(PACKAGE / "__init__.py")
    assert "zgrongcuo.engine.evaluation" in found  # imported inside a function
    assert "zgrongcuo.model.criteria" in found  # imported under TYPE_CHECKING
    assert not _problems(lambda importer, target: True)
    assert _problems(lambda importer, target: not (importer == "zgrongcuo.batch" and _in(target, "zgrongcuo.engine")))


RULES = {
    "nothing in model/ imports outside it": lambda importer, target: (
        not _in(importer, "zgrongcuo.model") or _in(target, "zgrongcuo.model")
    ),
    "engine/ imports only model/": lambda importer, target: (
        not _in(importer, "zgrongcuo.engine") or _in(target, "zgrongcuo.model", "zgrongcuo.engine")
    ),
    "errors and text import no renderer": lambda importer, target: (
        not _in(importer, "zgrongcuo.errors", "zgrongcuo.text") or not _in(target, "zgrongcuo.render")
    ),
    "renderers import no engine": lambda importer, target: (
        not _in(importer, "zgrongcuo.render") or not _in(target, "zgrongcuo.engine")
    ),
    "text imports neither the engine nor files": lambda importer, target: (
        not _in(importer, "zgrongcuo.text") or not _in(target, "zgrongcuo.engine", "zgrongcuo.io", "zgrongcuo.batch")
    ),
}


@pytest.mark.parametrize("rule", RULES, ids=list(RULES))
def test_the_flow_holds(rule):
    assert _problems(RULES[rule]) == []
