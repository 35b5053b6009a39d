"""Ruled table regions of a page: clusters of crossing ruling lines, read by pdfplumber's table finder.

A region is a connected group of ruling lines with more than four crossings (a single box is not a
table), as camelot's vector engine clusters them (image_processing._cluster_lines). Its outer border is
implied, as camelot's lattice does (Table.set_border): budget books often leave a table's left and right
sides open (Taiwan 歲出計畫提要), and without the border pdfplumber would find only the fully closed middle
columns while camelot reads the whole table. The finder gets the region's lines plus the four border sides.

A column rule that crosses no row rule belongs to the region it runs beside when it spans the region's
whole height: on a page a table runs on to, the left columns are merged cells (vertical labels such as
年度绩效指标, a level-1 label) whose row rules are on other pages, so their rules meet nothing on this page
(Xi'an 附表14/15 pp.35-45). Without them the region would start at the first crossed rule and the labels
would be read as text outside the table.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import pdfplumber
from pdfplumber.table import TableFinder, cells_to_tables, edges_to_intersections, merge_edges
from pdfplumber.table import TableSettings as FinderSettings
from pdfplumber.utils import obj_to_bbox

from extractor.locate.ruling import Edge, _h, _v
from extractor.locate.settings import TableSettings
from extractor.locate.text_columns import text_column_edges
from extractor.model import BBox, Char

IMPLIED_EDGE = "implied_h_edge"  # a border side the page does not draw (with_full_height_columns)
_TILE_SLACK = 0.01  # share of a region's area its cells may miss or overlap (rounding)
_MIN_CROSSINGS = 4  # camelot's _MIN_JOINTS: a cluster needs more crossings than one box has


@dataclass
class FoundTable:
    bbox: BBox
    cells: list[BBox]
    # edges the grid needs that the page does not draw: columns inferred from text (no column rules), the
    # border sides of columns whose row rules are on other pages (with_full_height_columns)
    implied_edges: list[Edge] = field(default_factory=list)


def finder_settings(edges: list[Edge], settings: TableSettings) -> dict:
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
        "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"],
        "snap_tolerance": settings.snap_tolerance,
        "join_tolerance": settings.join_tolerance,
        "intersection_tolerance": settings.intersection_tolerance,
        "edge_min_length": settings.edge_min_length,
    }


def clean_edges(edges: list[Edge], settings: TableSettings) -> list[Edge]:
    """Edges snapped and joined the way pdfplumber's finder will see them; short ones dropped."""
    merged = merge_edges(edges, settings.snap_tolerance, settings.snap_tolerance, settings.join_tolerance,
                         settings.join_tolerance)
    return [e for e in merged
            if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= settings.edge_min_length]


def ruling_clusters(edges: list[Edge], tol: float) -> list[list[Edge]]:
    """Groups of crossing horizontal and vertical edges with more than four crossings, top to bottom."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    crossings = [0] * len(parent)
    # Vertical edges sorted by x, so each horizontal edge visits only those within its x-range: thousands
    # of tiny ruling rectangles cost n log n, not n² (6,000 rectangles took 18 s a page).
    by_x = sorted(range(len(vs)), key=lambda j: vs[j]["x0"])
    xs = [vs[j]["x0"] for j in by_x]
    for i, h in enumerate(hs):
        for k in range(bisect_left(xs, h["x0"] - tol), bisect_right(xs, h["x1"] + tol)):
            j = by_x[k]
            v = vs[j]
            if v["top"] - tol <= h["top"] <= v["bottom"] + tol:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
                    crossings[b] += crossings[a]
                crossings[b] += 1
    groups: dict[int, list[Edge]] = {}
    for i, e in enumerate(hs + vs):
        groups.setdefault(find(i), []).append(e)
    clusters = [g for root, g in groups.items() if crossings[root] > _MIN_CROSSINGS]
    clusters.sort(key=lambda g: (min(e["top"] for e in g), min(e["x0"] for e in g)))
    return clusters


def tiles(cells: list[BBox], bbox: BBox) -> bool:
    """Do the cells cover the box once, without gaps or overlaps (a grid, not an org chart)?"""
    x0, top, x1, bottom = bbox
    area = (x1 - x0) * (bottom - top)
    covered = sum((c[2] - c[0]) * (c[3] - c[1]) for c in cells)
    return area > 0 and abs(covered - area) <= _TILE_SLACK * area


def lines_are_cell_sides(group: list[Edge], cells: list[BBox], tol: float) -> bool:
    """Does every ruling line of the cluster lie on some cell's side? Lines inside cells (boxes and
    connectors of an org chart) mean the ruling is a drawing, not a grid; engines would read it apart."""
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
    return all(any(abs((e["x0"] if e["orientation"] == "v" else e["top"]) - v) <= tol
                   for v in (xs if e["orientation"] == "v" else ys))
               for e in group)


def with_full_height_columns(clusters: list[list[Edge]], edges: list[Edge],
                             tol: float) -> list[tuple[list[Edge], list[Edge]]]:
    """(cluster, border) for each cluster, the cluster joined by the loose vertical edges (in no cluster)
    whose ends lie within `tol` of its top and bottom: column rules of merged cells with no row rule on
    this page (with the loose row rules that cross them: a short rule between two such columns). `border`
    is the top and bottom side across the joined cluster when it took any (else empty): the rules those
    columns' cells end on, which camelot needs to see them as columns."""
    taken = {id(e) for g in clusters for e in g}
    loose = [e for e in edges if e["orientation"] == "v" and id(e) not in taken]
    loose_h = [e for e in edges if e["orientation"] == "h" and id(e) not in taken]
    out = []
    for g in clusters:
        top, bottom = min(e["top"] for e in g), max(e["bottom"] for e in g)
        extra = [v for v in loose if abs(v["top"] - top) <= tol and abs(v["bottom"] - bottom) <= tol]
        if not extra:
            out.append((g, []))
            continue
        extra += [h for h in loose_h if any(h["x0"] - tol <= v["x0"] <= h["x1"] + tol
                                            and v["top"] - tol <= h["top"] <= v["bottom"] + tol for v in extra)]
        g = g + extra
        x0, x1 = min(e["x0"] for e in g), max(e["x1"] for e in g)
        border = [_h(x0, x1, top), _h(x0, x1, bottom)]
        for e in border:
            e["object_type"] = IMPLIED_EDGE
        out.append((g, border))
    return out


def intersections_to_cells(intersections: dict) -> list[BBox]:
    """pdfplumber.table.intersections_to_cells, the same cells in the same order, with its searches indexed:
    pdfplumber looks through every later crossing for those below and right of each one (quadratic: 60 %
    of locating a page of a big table); here each crossing's column and row are listed once."""
    points = sorted(intersections)
    v_sets = {p: set(map(obj_to_bbox, d["v"])) for p, d in intersections.items()}
    h_sets = {p: set(map(obj_to_bbox, d["h"])) for p, d in intersections.items()}
    columns: dict[float, list] = {}  # points in sorted order: each column top to bottom, each row left to right
    rows: dict[float, list] = {}
    at: dict = {}  # point -> (its index in its column, its index in its row)
    for p in points:
        col, row = columns.setdefault(p[0], []), rows.setdefault(p[1], [])
        at[p] = (len(col), len(row))
        col.append(p)
        row.append(p)

    def edge_connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    cells = []
    for pt in points:
        i_col, i_row = at[pt]
        right = rows[pt[1]][i_row + 1:]
        for below_pt in columns[pt[0]][i_col + 1:]:
            if not edge_connects(pt, below_pt):
                continue
            found = None
            for right_pt in right:
                if not edge_connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if bottom_right in intersections and edge_connects(bottom_right, right_pt) \
                        and edge_connects(bottom_right, below_pt):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found is not None:
                cells.append(found)
                break
    return cells


class IndexedTableFinder(TableFinder):
    """pdfplumber's TableFinder, its cells found by the indexed intersections_to_cells above."""

    def __init__(self, page: pdfplumber.page.Page, settings: dict):
        self.page = page
        self.settings = FinderSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(self.edges, self.settings.intersection_x_tolerance,
                                                    self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [pdfplumber.table.Table(self.page, group) for group in cells_to_tables(self.cells)]


def _table(page: pdfplumber.page.Page, group: list[Edge], settings: TableSettings) -> FoundTable | None:
    """The table the finder reads from one cluster of edges with its border implied, or None."""
    x0, top = min(e["x0"] for e in group), min(e["top"] for e in group)
    x1, bottom = max(e["x1"] for e in group), max(e["bottom"] for e in group)
    border = [_h(x0, x1, top), _h(x0, x1, bottom), _v(x0, top, bottom), _v(x1, top, bottom)]
    cells = [tuple(c) for t in IndexedTableFinder(page, finder_settings(group + border, settings)).tables
             for c in t.cells]
    if not cells:
        return None
    # the cells' extent, not the lines': lines overhang their crossings by up to a line width
    bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    if not tiles(cells, bbox) or not lines_are_cell_sides(group, cells, settings.snap_tolerance):
        return None
    if bbox[2] - bbox[0] < settings.min_table_size or bbox[3] - bbox[1] < settings.min_table_size:
        return None
    return FoundTable(bbox=bbox, cells=cells)


def find_tables(page: pdfplumber.page.Page, edges: list[Edge], settings: TableSettings,
                chars: list[Char] | None = None) -> list[FoundTable]:
    """Tables top to bottom; regions smaller than `min_table_size` (underlines, stamps) are dropped.

    A cluster whose cells, with the border implied, do not tile it (boxes joined by connector lines: an
    org chart) or whose lines are not all cell sides is not a table; its text stays in the text lines.
    Given the page's characters, row rules without column rules are read as a table too, its columns
    from the text (locate.text_columns); such a table's inferred edges are in `implied_edges`.
    """
    cleaned = clean_edges(edges, settings)
    tol = settings.intersection_tolerance
    found = []
    for group, border in with_full_height_columns(ruling_clusters(cleaned, tol), cleaned, tol):
        t = _table(page, group, settings)
        if t is not None:
            t.implied_edges = border
            found.append(t)
    if chars:
        for rules, cols in text_column_edges(cleaned, chars, [t.bbox for t in found], settings):
            t = _table(page, rules + cols, settings)
            if t is not None:
                t.implied_edges = cols
                found.append(t)
    found.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return found
