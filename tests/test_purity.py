"""The document package stays pure: no ORM, no HTTP.

import-linter cannot forbid submodules of an external package, so this test does.
"""

import ast
from pathlib import Path

import mijnduo.aanvraag

ALLOWED_DJANGO = ("django.utils", "django.core.validators", "django.core.exceptions")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_the_validator_package_imports_no_orm_and_no_http() -> None:
    package = Path(mijnduo.aanvraag.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) >= 6
    offending = {
        f"{path.name}: {name}"
        for path in modules
        for name in _imports(path)
        if (name.startswith("django") and not name.startswith(ALLOWED_DJANGO))
        or name.startswith(("rest_framework", "mijnduo."))
    }
    assert offending == set()
