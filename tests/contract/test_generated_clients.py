"""Issue 18, generated clients: clients/ is what `make contracts` generates from the contracts (CI fails on a
diff), and a contract the Python generator cannot read fully is refused instead of silently dropping operations."""

import json
from pathlib import Path

import pytest

from tongban.client_contract import client_view, committed_combined_openapi
from tongban.clients import ClientGenerationError, generate_clients, stale_clients
from tongban.contracts import generate

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def contract_files() -> dict[str, str]:
    return generate()


def test_issue18_committed_clients_are_current(contract_files: dict[str, str]) -> None:
    """`tongban contracts --check` fails when a contract changed and the clients were not regenerated."""
    problems = stale_clients(contract_files, ROOT / "clients")
    assert problems == [], "clients/ is stale: run `make contracts` and commit\n" + "\n".join(problems)


def test_issue18_client_view_names_classes_uniquely_and_in_english() -> None:
    document = committed_combined_openapi(ROOT / "contracts")
    view = client_view(document)
    schemas = view["components"]["schemas"]
    assert len({schema["title"] for schema in schemas.values()}) == len(schemas)
    tags = {
        tag for item in view["paths"].values() for op in item.values() if "tags" in op for tag in op["tags"]
    }
    assert tags
    assert all(tag.isascii() and tag.replace("_", "").isalnum() for tag in tags), tags
    assert view["paths"].keys() == document["paths"].keys()


def test_issue18_a_contract_mistake_breaks_client_generation(contract_files: dict[str, str]) -> None:
    """A dangling reference (a schema renamed in one place only) must fail `make contracts`, not leave the
    operation out of the Python client."""
    combined = json.loads(contract_files["openapi/tongban.json"])
    operation = combined["paths"]["/catalog/search"]["get"]
    operation["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Gone"
    }
    broken = {**contract_files, "openapi/tongban.json": json.dumps(combined)}
    with pytest.raises(ClientGenerationError, match=r"Gone|reference"):
        generate_clients(broken, ROOT / "clients")
