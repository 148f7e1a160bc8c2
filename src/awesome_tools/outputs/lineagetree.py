"""The lineage tree of the page: the entries that `based_on` joins, laid out in layers by depth
and drawn as inline SVG at build time, each model a link to its card."""

from __future__ import annotations

import bisect
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from awesome_tools.core.lineage import based_on_edges
from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import sort_key
from awesome_tools.core.schema import Entry

# The drawing's measures, in CSS pixels: a node's height, the space between nodes and layers,
# a character's width at the font size the stylesheet gives a node's text, the longest label.
NODE_HEIGHT = 32
GAP = 24
LAYER_GAP = 56
CHAR = 7.5
PADDING = 12
LONGEST = 28
# Barycentre sweeps (down, up, down ...) that order each layer to cut edge crossings.
SWEEPS = 4


@dataclass(frozen=True)
class Node:
    """One model in the tree: its card's slug, its name, its layer and place in it."""

    slug: str
    name: str
    layer: int
    x: float  # the left edge
    y: float  # the top edge
    width: float


@dataclass(frozen=True)
class Tree:
    """The laid-out tree: its nodes layer by layer, its edges (parent, child) by slug."""

    nodes: list[Node]
    edges: list[tuple[str, str]]
    width: float
    height: float


def _links(entries: Sequence[Entry]) -> tuple[list[Entry], dict[int, list[Entry]]]:
    """The entries some `based_on` joins (by name order), and each one's parents in the list."""
    parents: dict[int, list[Entry]] = {id(entry): [] for entry in entries}
    joined: set[int] = set()
    for parent, child in based_on_edges(entries):
        parents[id(child)].append(parent)
        joined.update((id(parent), id(child)))
    return sorted((e for e in entries if id(e) in joined), key=sort_key), parents


def _layers(members: list[Entry], parents: dict[int, list[Entry]]) -> list[list[Entry]]:
    """Each entry one layer below its deepest parent (the longest path from a root). A cycle,
    which `check` refuses, cannot hang this: its entries go one layer below all others."""
    depth: dict[int, int] = {}
    waiting = list(members)
    while waiting:
        ready = [e for e in waiting if all(id(p) in depth for p in parents[id(e)])]
        if not ready:
            bottom = max(depth.values(), default=-1) + 1
            depth.update((id(e), bottom) for e in waiting)
            break
        for entry in ready:
            depth[id(entry)] = 1 + max((depth[id(p)] for p in parents[id(entry)]), default=-1)
        waiting = [e for e in waiting if id(e) not in depth]
    layers: list[list[Entry]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for entry in members:
        layers[depth[id(entry)]].append(entry)
    return layers


def _centre(near: list[int], here: int) -> float:
    """The mean place of an entry's neighbours, or its own place without any."""
    return sum(near) / len(near) if near else here


def _crossings(layers: list[list[Entry]], parents: dict[int, list[Entry]]) -> int:
    """How many pairs of edges between the same two layers cross, for an order of the layers."""
    layer_of = {id(e): (d, n) for d, layer in enumerate(layers) for n, e in enumerate(layer)}
    between: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for entry, (depth, place) in ((e, layer_of[id(e)]) for layer in layers for e in layer):
        for parent in parents[id(entry)]:
            above, spot = layer_of[id(parent)]
            between.setdefault((above, depth), []).append((spot, place))
    count = 0
    for edges in between.values():
        seen: list[int] = []
        # Sorted by the upper end, an edge crosses each earlier one whose lower end lies right.
        for _, lower in sorted(edges):
            count += len(seen) - bisect.bisect_right(seen, lower)
            bisect.insort(seen, lower)
    return count


def _ordered(layers: list[list[Entry]], parents: dict[int, list[Entry]]) -> list[list[Entry]]:
    """The layers ordered by barycentre sweeps, down then up: each entry at the mean place of
    its neighbours in the layer swept from (those without any keep theirs); the order with
    the fewest crossings met."""
    children: dict[int, list[Entry]] = {}
    for layer in layers:
        for entry in layer:
            for parent in parents[id(entry)]:
                children.setdefault(id(parent), []).append(entry)
    best, fewest = [list(layer) for layer in layers], _crossings(layers, parents)
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        place = {id(e): n for layer in layers for n, e in enumerate(layer)}
        neighbours = parents if down else children
        for layer in layers[1:] if down else layers[-2::-1]:
            ranked = sorted(
                (_centre([place[id(o)] for o in neighbours.get(id(e), [])], n), n, e)
                for n, e in enumerate(layer)
            )
            layer[:] = [e for *_, e in ranked]
            place.update((id(e), n) for n, e in enumerate(layer))
        crossings = _crossings(layers, parents)
        if crossings < fewest:
            best, fewest = [list(layer) for layer in layers], crossings
    return best


def label(name: str) -> str:
    """A node's text: the name, cut with an ellipsis past LONGEST characters."""
    return name if len(name) <= LONGEST else name[: LONGEST - 1] + "…"


def lay_out(entries: Sequence[Entry]) -> Tree:
    """The tree of the entries `based_on` joins: layered by depth, each layer centred."""
    members, parents = _links(entries)
    layers = _ordered(_layers(members, parents), parents)
    widths = [[len(label(e.name)) * CHAR + 2 * PADDING for e in layer] for layer in layers]
    spans = [sum(ws) + GAP * (len(ws) - 1) for ws in widths]
    width = max(spans, default=0.0)
    nodes: list[Node] = []
    for depth, (layer, ws, span) in enumerate(zip(layers, widths, spans, strict=True)):
        x = (width - span) / 2
        for entry, w in zip(layer, ws, strict=True):
            y = depth * (NODE_HEIGHT + LAYER_GAP)
            nodes.append(Node(slugify(entry.name), entry.name, depth, x, y, w))
            x += w + GAP
    edges = [
        (slugify(parent.name), slugify(entry.name))
        for layer in layers
        for entry in layer
        for parent in parents[id(entry)]
    ]
    height = len(layers) * (NODE_HEIGHT + LAYER_GAP) - LAYER_GAP if layers else 0
    return Tree(nodes, edges, width, height)


def _edge(parent: Node, child: Node) -> str:
    """A curve from the bottom of the parent to the top of the child."""
    x1, y1 = parent.x + parent.width / 2, parent.y + NODE_HEIGHT
    x2, y2 = child.x + child.width / 2, child.y
    bend = (y2 - y1) / 2
    return f"M{x1:g},{y1:g} C{x1:g},{y1 + bend:g} {x2:g},{y2 - bend:g} {x2:g},{y2:g}"


def tree_svg(entries: Sequence[Entry]) -> str:
    """The lineage tree as an inline <svg>, "" when no entry names another in `based_on`.

    Each node is an <a href="#slug"> to its card (in the tab order, layer by layer); the text
    is escaped by ElementTree, so a name is only ever text.
    """
    tree = lay_out(entries)
    if not tree.nodes:
        return ""
    svg = ET.Element(
        "svg",
        {
            "class": "tree",
            "role": "group",
            "aria-label": "Lineage tree: each model below the models it is based on",
            "width": f"{tree.width:g}",
            "height": f"{tree.height:g}",
            "viewBox": f"0 0 {tree.width:g} {tree.height:g}",
        },
    )
    at = {node.slug: node for node in tree.nodes}
    edges = ET.SubElement(svg, "g", {"class": "edges", "aria-hidden": "true"})
    for parent, child in tree.edges:
        ET.SubElement(edges, "path", {"d": _edge(at[parent], at[child])})
    for node in tree.nodes:
        link = ET.SubElement(svg, "a", {"href": f"#{node.slug}", "data-node": node.slug})
        ET.SubElement(link, "title").text = node.name
        box = {"x": f"{node.x:g}", "y": f"{node.y:g}", "width": f"{node.width:g}"}
        ET.SubElement(link, "rect", {**box, "height": str(NODE_HEIGHT), "rx": "6"})
        middle = {"x": f"{node.x + node.width / 2:g}", "y": f"{node.y + NODE_HEIGHT / 2:g}"}
        ET.SubElement(link, "text", middle).text = label(node.name)
    return ET.tostring(svg, encoding="unicode")
