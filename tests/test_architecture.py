"""docs/ARCHITECTURE.md's module map names every module, and the pure core imports no shell.

The map is how a newcomer finds their way, so a module added, moved or removed without it
fails here. The layering is the design's promise (a pure core inside thin shells): checked
on the imports each module writes (parsed with ``ast``, nothing is imported).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "replydraft"
MAP = ROOT / "docs" / "ARCHITECTURE.md"

# Not in the map, as the map says: __main__.py only calls cli.main, and a package's __init__.py
# that holds only its docstring (cli/__init__.py holds code, so it is mapped).
UNMAPPED = {"__main__.py"}
PURE = ("message", "detection", "reply", "pipeline")
SHELLS = ("mail", "state", "auth", "app", "cli")
# Libraries only the shells may use: the network, the database, the keyring, the scheduler.
SHELL_LIBRARIES = ("imaplib", "imapclient", "socket", "ssl", "http", "urllib.request", "sqlite3", "psycopg", "keyring",
                   "apscheduler")
# (importing module, imported module) pairs that break the layering today and are to be
# removed; a new violation fails. None at present.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def modules() -> set[str]:
    """Every module's path relative to src/replydraft, e.g. ``detection/prefilter.py``."""
    return {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
            if p.name not in UNMAPPED and not _only_a_docstring(p)}


def _only_a_docstring(path: Path) -> bool:
    body = ast.parse(path.read_text()).body
    return path.name == "__init__.py" and all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)
                                              for n in body)


def mapped() -> list[str]:
    """The modules the map's tables name: the first cell of each row, a path in backquotes."""
    return re.findall(r"^\| `([\w/]+\.py)` \|", MAP.read_text(), re.MULTILINE)


def test_the_map_names_every_module_once() -> None:
    names = mapped()
    assert sorted(modules() - set(names)) == [], "add these modules to docs/ARCHITECTURE.md's module map"
    assert sorted(set(names) - modules()) == [], "docs/ARCHITECTURE.md's map names modules that don't exist"
    assert len(names) == len(set(names)), "a module is in the map twice"


def imports(path: Path) -> set[str]:
    """The absolute names of the modules this file imports (``replydraft.mail.imap``, ``sqlite3``)."""
    return imported(path.read_text(), ("replydraft", *path.relative_to(PACKAGE).parent.parts))


def imported(source: str, package: tuple[str, ...]) -> set[str]:
    """The modules ``source``, a module of ``package``, imports anywhere in it (also inside
    functions); ``from replydraft.reply import draft`` counts as ``replydraft.reply.draft`` too."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def is_shell(name: str) -> bool:
    return any(name == f"replydraft.{shell}" or name.startswith(f"replydraft.{shell}.") for shell in SHELLS)


def is_shell_library(name: str) -> bool:
    return any(name == lib or name.startswith(f"{lib}.") for lib in SHELL_LIBRARIES)


def pure_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if p.relative_to(PACKAGE).parts[0].removesuffix(".py") in PURE)


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_pure_core_imports_no_shell(path: Path) -> None:
    module = path.relative_to(PACKAGE).as_posix()
    found = {name for name in imports(path) if is_shell(name) or is_shell_library(name)}
    new = sorted(name for name in found if (module, name) not in KNOWN_VIOLATIONS)
    assert new == [], f"{module} is pure (docs/ARCHITECTURE.md) but imports {new}: pass the value in instead"


def test_the_import_parser_sees_what_the_layering_test_needs() -> None:
    """The check above is only as good as ``imported``: relative, aliased and nested forms."""
    source = ("import sqlite3 as db\nfrom ..mail import imap\nfrom . import draft\n"
              "def f():\n    from replydraft.state.store import Store\n")
    found = imported(source, ("replydraft", "reply"))
    assert {"sqlite3", "replydraft.mail.imap", "replydraft.reply.draft", "replydraft.state.store"} <= found
    assert is_shell("replydraft.mail.imap") and is_shell("replydraft.cli") and not is_shell("replydraft.config")
    assert not is_shell("replydraft.mailer") and is_shell_library("urllib.request")
    assert not is_shell_library("urllib.parse")
