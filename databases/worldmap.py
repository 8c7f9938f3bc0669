"""The world's countries as SVG paths, from Natural Earth's 1:110m outlines.

``taxonomy_data/world_map.json`` (built by ``make world-map``, see its builder) keeps each
country's rings in degrees; here they are projected with the Equal Earth projection (equal-area,
so a country's colour covers its true share of the map) into a viewBox ``WIDTH`` wide, rounded
to whole units, simplified (Douglas–Peucker within ``TOLERANCE`` units) and written as relative
path commands. The result depends on nothing but the file: it is computed once per process.
"""

import json
import math
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "taxonomy_data" / "world_map.json"
WIDTH = 960
TOLERANCE = 0.9
# Rings smaller than this (in square units) are islands too small to see or to click.
MIN_AREA = 4
# Equal Earth (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = math.pi / (M * A1)  # at the equator, longitude 180°


def _equal_earth(lon, lat):
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def _simplified(points):
    """Douglas–Peucker: the fewest points within TOLERANCE of the line."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, TOLERANCE
        for index in range(first + 1, last):
            x, y = points[index]
            if length:
                away = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                away = math.hypot(x - x1, y - y1)
            if away > distance:
                farthest, distance = index, away
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _area(points):
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
            )
        )
        / 2
    )


def _unwrapped(ring):
    """A ring that crosses the antimeridian (Chukotka, Fiji) with its western longitudes moved
    past 180°: drawn whole off the map's right edge rather than as a stroke across the world."""
    if max(lon for lon, _lat in ring) - min(lon for lon, _lat in ring) <= 180:
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


def _path(rings, scale, top):
    commands = []
    for ring in rings:
        points = []
        for x, y in ring:
            point = (round(WIDTH / 2 + x * scale), round(top - y * scale))
            if not points or points[-1] != point:
                points.append(point)
        points = _simplified(points)
        if len(points) < 3 or _area(points) < MIN_AREA:
            continue
        (x0, y0), rest = points[0], points[1:]
        steps, (px, py) = [], (x0, y0)
        for x, y in rest:
            steps.append(f"{x - px} {y - py}")
            px, py = x, y
        commands.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(commands)


@cache
def world():
    """``(width, height, {iso2: path data})`` of every country on the map."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    precision = data["precision"]
    projected = {
        code: [
            [
                _equal_earth(lon, lat)
                for lon, lat in _unwrapped([(x / precision, y / precision) for x, y in ring])
            ]
            for ring in rings
        ]
        for code, rings in data["countries"].items()
    }
    ys = [y for rings in projected.values() for ring in rings for _x, y in ring]
    scale = WIDTH / (2 * X_MAX)
    top, bottom = max(ys) * scale, min(ys) * scale
    paths = {code: _path(rings, scale, top) for code, rings in projected.items()}
    return WIDTH, math.ceil(top - bottom), {code: path for code, path in paths.items() if path}
