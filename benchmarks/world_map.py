"""Convert Natural Earth's country outlines (the npm package world-atlas 2.0.2, TopoJSON in degrees) once into
the projected SVG paths the vote map draws: static/vendor/world-atlas/world-110m.json.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m benchmarks.world_map package/countries-110m.json package/countries-50m.json

Shapes come from the 1:110m file; States too small for it (island States, micro-States) become dots at the
centre of their largest polygon in the 1:50m file. Projection: Equal Earth (Šavrič, Patterson and Jenny 2018),
960 wide. Antarctica is left out. Plain Python, no dependencies; keyed by ISO 3166 numeric = UN M49 code.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

WIDTH = 960
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
OUT = Path(__file__).resolve().parent.parent / "static" / "vendor" / "world-atlas" / "world-110m.json"
LEFT_OUT = {"010"}  # Antarctica
# Dots placed by hand (lon, lat of the capital): Tuvalu (798) is in neither file at these scales; former States
# that shared an outline with a State still voting (GDR, Democratic Yemen, Zanzibar) are keyed by their ISO3.
PLACED = {"798": (179.2, -8.5), "DDR": (13.4, 52.5), "YMD": (45.0, 12.8), "XZN": (39.3, -6.1)}


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE * 0.83)  # the far south (below −60°) is not drawn
TOP = Y_MAX * SCALE


def to_svg(lon, lat):
    x, y = equal_earth(lon, lat)
    return round(x * SCALE + WIDTH / 2, 1), round(TOP - y * SCALE, 1)


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def unwrapped(points):
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) made continuous, then clamped to ±180°:
    drawn as it is, it would streak across the whole map."""
    out, shift = [], 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return [(min(180.0, max(-180.0, lon)), lat) for lon, lat in out]


def path_of(arcs, geometry) -> str:
    parts = []
    for polygon in polygons(geometry):
        for indexes in polygon:
            projected = [to_svg(lon, lat) for lon, lat in unwrapped(ring(arcs, indexes))]
            cleaned = [p for i, p in enumerate(projected) if i == 0 or p != projected[i - 1]]
            if len(cleaned) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in cleaned) + "Z")
    return "".join(parts)


def centre_of_largest(arcs, geometry) -> tuple[float, float]:
    best, best_area = None, -1.0
    for polygon in polygons(geometry):
        points = ring(arcs, polygon[0])
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        area = (max(lons) - min(lons)) * (max(lats) - min(lats))
        if area > best_area:
            best, best_area = ((max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2), area
    return to_svg(*best)


def main(small: str, medium: str) -> None:
    coarse, fine = json.loads(Path(small).read_text()), json.loads(Path(medium).read_text())
    coarse_arcs, fine_arcs = decode_arcs(coarse), decode_arcs(fine)
    shapes = {}
    for geometry in coarse["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if code and code not in LEFT_OUT:
            d = path_of(coarse_arcs, geometry)
            if d:
                shapes[code] = d
    dots = {}
    for geometry in fine["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if code and code not in shapes and code not in LEFT_OUT and polygons(geometry):
            dots[code] = centre_of_largest(fine_arcs, geometry)
    for key, (lon, lat) in PLACED.items():
        dots.setdefault(key, to_svg(lon, lat))
    data = {
        "source": "Natural Earth 1:110m and 1:50m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC); "
        "Equal Earth projection; converted by benchmarks/world_map.py",
        "width": WIDTH, "height": HEIGHT, "shapes": shapes, "dots": dots,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{len(shapes)} shapes, {len(dots)} dots, {OUT.stat().st_size:,} bytes → {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:])
