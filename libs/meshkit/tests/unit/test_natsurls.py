"""NATS_URL naming the nodes of a cluster (issue 20: services connect to all three nodes of the cluster test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meshkit.embedded import EmbeddedNats
from meshkit.natsurls import nats_login, nats_servers, without_credentials

pytestmark = pytest.mark.unit


def test_a_comma_separated_nats_url_is_a_list_of_servers() -> None:
    url = "nats://cases:s3cret@127.0.0.1:4222, nats://cases:s3cret@127.0.0.1:4223,,nats://127.0.0.1:4224"
    assert nats_servers(url) == [
        "nats://cases:s3cret@127.0.0.1:4222",
        "nats://cases:s3cret@127.0.0.1:4223",
        "nats://127.0.0.1:4224",
    ]
    assert nats_login(url) == "cases"
    assert without_credentials(url) == "nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224"
    assert nats_servers("nats://127.0.0.1:4222") == ["nats://127.0.0.1:4222"]
    assert nats_login("nats://127.0.0.1:4222") is None


def test_an_empty_nats_url_is_refused() -> None:
    with pytest.raises(ValueError, match="no server"):
        nats_servers(" , ")


def test_a_cluster_node_routes_to_the_others() -> None:
    node = EmbeddedNats(Path("var/n1"), 4222, server_name="n1", cluster_port=6222, routes=(6223, 6224))
    text = node.config_text()
    assert 'server_name: "n1"' in text
    assert "listen: 127.0.0.1:6222" in text
    assert "routes: [nats-route://127.0.0.1:6223, nats-route://127.0.0.1:6224]" in text
    assert "cluster" not in EmbeddedNats(Path("var/n0"), 4222).config_text()
    with pytest.raises(ValueError, match="server_name"):
        EmbeddedNats(Path("var/n2"), 4222, cluster_port=6222).config_text()


def test_a_node_in_a_network_namespace_listens_and_routes_on_its_link_addresses() -> None:
    """The cluster test's partitioned node: it listens on its namespace's address, routes to host:port, and runs
    under the namespace's launcher."""
    node = EmbeddedNats(
        Path("var/n1"),
        4222,
        server_name="n1",
        cluster_port=6222,
        routes=("10.231.0.1:6223", 6224),
        host="10.231.0.2",
        launcher=("ip", "netns", "exec", "tb-x"),
    )
    text = node.config_text()
    assert "listen: 10.231.0.2:4222" in text
    assert "listen: 10.231.0.2:6222" in text
    assert "routes: [nats-route://10.231.0.1:6223, nats-route://127.0.0.1:6224]" in text
    assert node.url == "nats://10.231.0.2:4222"
