"""Every problem ``code`` the mesh's code can send, found in its source, against the catalogue docs/problems.md.

Found in the syntax tree of every module under ``services/*/src``, ``libs/meshkit/src`` and ``gateway/src``:

- ``code="…"`` passed to any call (``ProblemError(…, code=…)``, ``problem_response(code=…)``, ``Denial(code=…)``);
- ``code = "…"`` in a class body (a :class:`meshkit.errors.ProblemError` subclass, ``HTTPException`` subclasses);
- ``status, code = 504, "…"``;
- the first argument of a domain refusal turned into a problem with its own code (``TransitionRefused("…", …)``,
  ``UploadRefused``, ``GrantProblem``, ``AuthorizationError``);
- the values of a ``…codes`` dictionary (meshkit's status → code defaults).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CATALOGUE", "Emission", "documented", "emitted", "undocumented"]

CATALOGUE = Path("docs/problems.md")
_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_REFUSALS = ("Refused", "Problem", "AuthorizationError")
_HEADING = re.compile(r"^### `([a-z0-9_]+)`", re.MULTILINE)


@dataclass
class Emission:
    """Where a code is sent from, and with which statuses (when the source says)."""

    statuses: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


def _roots(repo: Path) -> list[Path]:
    return [*sorted(repo.glob("services/*/src")), repo / "libs/meshkit/src", repo / "gateway/src"]


def _constant(node: ast.AST | None) -> str | int | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str | int) else None


def _codes_in(tree: ast.AST) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            code = _constant(keywords.get("code"))
            status = _constant(keywords.get("status"))
            if isinstance(code, str):
                found.append((code, status if isinstance(status, int) else None))
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            owner = getattr(getattr(node.func, "value", None), "id", "")
            if name == "get" and owner.endswith("codes") and len(node.args) == 2:
                default = _constant(node.args[1])
                if isinstance(default, str):
                    found.append((default, None))  # codes.get(status, "http_error")
            first = _constant(node.args[0]) if node.args else None
            if name.endswith(_REFUSALS) and isinstance(first, str) and "_" in first and len(node.args) >= 2:
                found.append((first, None))
        elif isinstance(node, ast.ClassDef):
            values = {
                target.id: _constant(statement.value)
                for statement in node.body
                if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None
                for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
                if isinstance(target, ast.Name)
            }
            status = values.get("status")
            if isinstance(values.get("code"), str):
                found.append((str(values["code"]), status if isinstance(status, int) else None))
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple | ast.Name):
            found.extend(_assigned(node))
    return found


def _assigned(node: ast.Assign) -> list[tuple[str, int | None]]:
    target = node.targets[0]
    if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
        names = [getattr(t, "id", None) for t in target.elts]
        if "code" in names:
            code = _constant(node.value.elts[names.index("code")])
            status = _constant(node.value.elts[names.index("status")]) if "status" in names else None
            if isinstance(code, str):
                return [(code, status if isinstance(status, int) else None)]
    if isinstance(target, ast.Name) and target.id.endswith("codes") and isinstance(node.value, ast.Dict):
        out: list[tuple[str, int | None]] = []
        for key, value in zip(node.value.keys, node.value.values, strict=True):
            code, status = _constant(value), _constant(key)
            if isinstance(code, str):
                out.append((code, status if isinstance(status, int) else None))
        return out
    return []


def emitted(repo: Path) -> dict[str, Emission]:
    """Code → where it is sent from, for every code in the mesh's source."""
    codes: dict[str, Emission] = {}
    for root in _roots(repo):
        for module in sorted(root.rglob("*.py")):
            for code, status in _codes_in(ast.parse(module.read_text(), str(module))):
                if not _CODE.match(code):
                    continue  # e.g. a matter code in an example
                emission = codes.setdefault(code, Emission())
                emission.places.add(str(module.relative_to(repo)))
                if status is not None:
                    emission.statuses.add(status)
    return dict(sorted(codes.items()))


def documented(text: str) -> list[str]:
    """The codes docs/problems.md has an entry for (a ``### `code``` heading each)."""
    return _HEADING.findall(text)


def undocumented(repo: Path) -> list[str]:
    known = set(documented((repo / CATALOGUE).read_text()))
    return [code for code in emitted(repo) if code not in known]
