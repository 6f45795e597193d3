"""``tongban token --as NAME`` against the running mesh: a shell gets a person's, a clerk's and a system's token
(issue 19 failure 16: the login flow needs PKCE, so there was no way to get a token from the command line)."""

from __future__ import annotations

import subprocess
import sys

import httpx
import jwt
import pytest

from tongban.mesh import Mesh

pytestmark = pytest.mark.e2e


def _token(mesh: Mesh, who: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tongban.cli", "token", "--as", who, "--var", str(mesh.config.var_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("who", "kind", "scope"),
    [
        ("陈晓梅", "person", None),
        ("clerk.zwfwzx", "staff", None),
        ("catalog-editor", "system", "catalog:write"),
    ],
)
async def test_tongban_token_prints_a_token_that_the_mesh_accepts(
    mesh: Mesh, gateway_url: str, who: str, kind: str, scope: str | None
) -> None:
    done = _token(mesh, who)
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip()
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["tb_kind"] == kind
    if scope is not None:
        assert scope in claims["scope"].split()
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as client:
        answer = await client.get("/identity/userinfo", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code in (200, 403), answer.text  # verified by the mesh: never 401
    if kind != "system":
        assert answer.status_code == 200


def test_an_unknown_name_is_refused_with_the_known_ones(mesh: Mesh) -> None:
    done = _token(mesh, "陈小梅")
    assert done.returncode == 2
    assert "陈晓梅" in done.stderr
    assert done.stdout == ""
