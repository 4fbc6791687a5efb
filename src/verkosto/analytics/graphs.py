"""The network view of an analysis: nodes and edges in the shape the network map's
script (``static/verkosto/maps/network-map.js``) draws, built from the summaries."""

from collections.abc import Callable
from typing import Any

UrlFor = Callable[[int], str]


def _node(org: dict[str, Any], ring: str, url_for: UrlFor) -> dict[str, Any]:
    return {
        "id": f"o{org['id']}",
        "pk": org["id"],
        "label": org["name"],
        "kind": org["kind"],
        "ring": ring,
        "url": url_for(org["id"]),
    }


def _edge(n: int, source: int, target: int, kind: str, **data: Any) -> dict[str, Any]:
    return {
        "id": f"e{n}",
        "source": f"o{source}",
        "target": f"o{target}",
        "kind": kind,
        "current": True,
        "weight": 1,
        "label": "",
        **data,
    }


def city_graph(overlap: dict, peers: dict, twin_towns: list, url_for: UrlFor) -> dict[str, Any]:
    """The city in the centre, its networks and twin towns around it, its closest peers
    outside, each peer tied to the networks where they meet."""
    subject = overlap["subject"]
    nodes = {subject["id"]: _node(subject, "centre", url_for)}
    edges: list[dict] = []
    for network in overlap["networks"]:
        nodes.setdefault(network["id"], _node(network, "near", url_for))
        edges.append(_edge(len(edges), subject["id"], network["id"], "membership"))
    for town in twin_towns:
        nodes.setdefault(town["id"], _node(town, "near", url_for))
        edges.append(_edge(len(edges), subject["id"], town["id"], "twinning", status="active"))
    for peer in peers["peers"]:
        org = peer["organisation"]
        nodes.setdefault(org["id"], _node(org, "far", url_for))
        for network in peer["shared_networks"]:
            if network["id"] in nodes:
                edges.append(_edge(len(edges), org["id"], network["id"], "membership"))
    return {"nodes": list(nodes.values()), "edges": edges, "mode": "organisation"}


def network_graph(overlap: dict, url_for: UrlFor) -> dict[str, Any]:
    """The network in the centre and the networks it overlaps with, each line as wide as
    the members they share."""
    subject = overlap["subject"]
    nodes = {subject["id"]: _node(subject, "centre", url_for)}
    edges: list[dict] = []
    for pair in overlap["pairs"]:
        other = pair["b"]
        nodes.setdefault(other["id"], _node(other, "near", url_for))
        edges.append(
            _edge(
                len(edges),
                subject["id"],
                other["id"],
                "shared",
                label=str(pair["shared_members"]),
                weight=max(pair["shared_members"], 1),
            )
        )
    return {"nodes": list(nodes.values()), "edges": edges, "mode": "network"}
