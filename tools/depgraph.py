"""What each page of the book depends on, found from the code with ``ast``.

A page depends on its own source, on every ``analysis`` module its code cells import (transitively:
the imports of those modules, relative imports and module names given to ``importlib`` as strings
included, with the ``__init__`` of every package on the way) and on the data files those modules
declare (a string constant naming a file of ``analysis/data``). The execution cache hashes exactly
these files, so an edit to one module re-executes only the pages that import it.
"""

from __future__ import annotations

import ast
import hashlib
import re
from functools import lru_cache
from pathlib import Path

PACKAGE = "analysis"
_MODULE_NAME = re.compile(r"^analysis(\.[A-Za-z_]\w*)+$")
_CLAIM_ID = re.compile(r"^[A-Z]{1,4}-\d+[a-z]?$")
#: The ledger package: its ``CLAIM_MODULES`` registry names the module of each chapter's claims
#: (``analysis.<chapter>.claims``). A page showing claim "SL-1" depends on the module defining it (and what
#: that imports), not on the registry of every claim module.
CLAIMS_PACKAGE = "analysis.ledger"


def _registry_constants(tree: ast.AST) -> set[int]:
    """ids of the string constants of a registry (``X_MODULES = ("analysis.a", ...)``): modules a
    function imports on demand (the ledger imports them all; a page only the ones it names)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id.endswith("_MODULES") for t in targets) and node.value:
                found |= {id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
    return found


def module_file(root: Path, name: str) -> Path | None:
    """The file of module ``name`` (``analysis.x.y``) under ``root``, or None if there is none."""
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(root: Path, path: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_from(root: Path, base: str, names: list[str]) -> set[str]:
    """Modules named by ``from base import a, b``: ``base.a`` where that is a module, else ``base``."""
    found = {base}
    for alias in names:
        sub = f"{base}.{alias}"
        if module_file(root, sub) is not None:
            found.add(sub)
    return found


def imports_of(root: Path, tree: ast.AST, current: str | None = None, is_package: bool = False,
               registries: bool = False) -> set[str]:
    """``analysis`` modules that the code ``tree`` imports (``current``: the module the code belongs to,
    for relative imports; ``registries``: also the modules named in ``*_MODULES`` registries)."""
    found: set[str] = set()
    skip = set() if registries else _registry_constants(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == PACKAGE}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if current is None:
                    continue
                parts = current.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(parts[:keep] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] == PACKAGE:
                found |= _resolve_from(root, base, [a.name for a in node.names])
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and _MODULE_NAME.match(node.value)
              and id(node) not in skip):
            if module_file(root, node.value) is not None:  # importlib.import_module("analysis.ledger.x")
                found.add(node.value)
    # Importing a.b.c runs a/__init__ and a/b/__init__ too.
    for name in list(found):
        parts = name.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts))}
    return {m for m in found if module_file(root, m) is not None}


def data_files_of(root: Path, tree: ast.AST) -> set[Path]:
    """Files of ``analysis/data`` whose name appears as a string constant in ``tree``."""
    data_dir = root / PACKAGE / "data"
    names = {p.name: p for p in data_dir.rglob("*") if p.is_file()} if data_dir.is_dir() else {}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            tail = node.value.rsplit("/", 1)[-1]
            if tail in names:
                found.add(names[tail])
    return found


@lru_cache(maxsize=None)
def _module_edges(root: Path, path: Path, mtime_ns: int, registries: bool) -> tuple[frozenset[str], frozenset[Path]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    name = _module_name(root, path)
    mods = imports_of(root, tree, name, path.name == "__init__.py", registries)
    return frozenset(mods), frozenset(data_files_of(root, tree))


def claim_ids_of(tree: ast.AST) -> set[str]:
    """Claim ids that ``tree`` defines: the first argument (or ``id=``) of a ``Claim(...)`` or
    ``not_testable(...)`` call."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("Claim", "not_testable"):
            args = list(node.args[:1]) + [k.value for k in node.keywords if k.arg == "id"]
            ids |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return ids


def registered_claim_modules(root: Path) -> list[str]:
    """The claim modules named by the ``CLAIM_MODULES`` registry of :data:`CLAIMS_PACKAGE` (read with ast)."""
    path = module_file(root, CLAIMS_PACKAGE)
    if path is None:
        return []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "CLAIM_MODULES" for t in node.targets):
            return [c.value for c in node.value.elts if isinstance(c, ast.Constant)]
    return []


def claim_modules(root: Path) -> dict[str, str]:
    """Claim id -> the registered claim module that defines it (kept while no claim module changes: a build
    asks once per page)."""
    files = [(name, module_file(root, name)) for name in registered_claim_modules(root)]
    key = tuple((name, str(path), path.stat().st_mtime_ns, path.stat().st_size) if path else (name,)
                for name, path in files)
    return dict(_claim_modules(root, key))


@lru_cache(maxsize=None)
def _claim_modules(root: Path, key: tuple) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for entry in key:
        if len(entry) == 1:
            continue
        name, path = entry[0], Path(entry[1])
        try:
            tree = ast.parse(path.read_text())
        except SyntaxError:
            continue
        for cid in claim_ids_of(tree):
            out.setdefault(cid, name)
    return tuple(out.items())


def claims_named(root: Path, tree: ast.AST) -> set[str]:
    """Modules defining the claims whose ids appear as string constants in ``tree`` (``ledger.card("SL-1")``)."""
    owners = claim_modules(root)
    return {owners[n.value] for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in owners}


def closure(root: Path, modules: set[str], registries: bool = False) -> set[Path]:
    """Files (modules and data) that importing ``modules`` depends on, transitively (``registries``: follow
    the on-demand imports of ``*_MODULES`` registries too, as the ledger does)."""
    seen: set[str] = set()
    files: set[Path] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = module_file(root, name)
        if path is None:
            continue
        files.add(path)
        mods, data = _module_edges(root, path, path.stat().st_mtime_ns, registries)
        files |= data
        todo.extend(mods - seen)
    return files


def code_cells_tree(sources: list[str]) -> ast.Module:
    """One ``ast.Module`` of a notebook's code cells (IPython magics and shell lines dropped; a cell that
    does not parse is skipped)."""
    body = []
    for src in sources:
        lines = [ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        try:
            body.extend(ast.parse("\n".join(lines)).body)
        except SyntaxError:
            continue
    return ast.Module(body=body, type_ignores=[])


def page_dependencies(root: Path, code_sources: list[str]) -> set[Path]:
    """Every file of ``analysis`` (code and data) that a page with these code cells depends on."""
    tree = code_cells_tree(code_sources)
    modules = imports_of(root, tree) | claims_named(root, tree)
    return closure(root, modules) | data_files_of(root, tree)


def ledger_dependencies(root: Path) -> set[Path]:
    """Every file the ledger artefact (``python -m analysis.ledger``) depends on: the claims package and
    every claim module it registers, with all they import."""
    return closure(root, {CLAIMS_PACKAGE, f"{CLAIMS_PACKAGE}.__main__"}, registries=True)


def digest(root: Path, files: set[Path] | list[Path], *extra: bytes) -> str:
    """SHA-256 over ``extra`` and the relative path and bytes of each file, in sorted order."""
    h = hashlib.sha256()
    for chunk in extra:
        h.update(hashlib.sha256(chunk).digest())
    for f in sorted(set(files)):
        name = f.relative_to(root) if f.is_relative_to(root) else f
        h.update(str(name).encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()
