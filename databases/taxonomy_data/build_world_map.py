"""Regenerate world_map.json, the country outlines of the statistics map (`make world-map`).

    python databases/taxonomy_data/build_world_map.py TOPOJSON ISO_3166_1 > world_map.json

TOPOJSON is world-atlas' ``countries-110m.json`` (Natural Earth 1:110m Admin 0 countries,
public domain, as TopoJSON by Mike Bostock under the ISC licence, pinned in package-lock.json);
ISO_3166_1 is Debian's iso-codes ``iso_3166-1.json``, which maps the numeric ids world-atlas
uses to the alpha-2 codes of our countries. The output keys each country's rings (longitude and
latitude in tenths of a degree, unprojected) by alpha-2 code; databases/worldmap.py projects
them. Antarctica is left out (no record is based there) and features without an ISO code
(Northern Cyprus, Somaliland, Kosovo at this scale) are skipped.
"""

import json
import sys

LEFT_OUT = {"AQ"}
# Tenths of a degree: finer than 1:110m's detail is not kept.
PRECISION = 10


def _arcs(topology):
    """The arcs in degrees, decoded from their quantized deltas."""
    (scale_x, scale_y), (origin_x, origin_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + origin_x, y * scale_y + origin_y))
        decoded.append(points)
    return decoded


def _ring(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    ring = []
    for lon, lat in points:
        point = [round(lon * PRECISION), round(lat * PRECISION)]
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring if len(ring) >= 4 else None


def build(topology, iso_codes):
    alpha2 = {entry["numeric"]: entry["alpha_2"] for entry in iso_codes["3166-1"]}
    arcs = _arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2.get(geometry.get("id", ""))
        if code is None or code in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        countries.setdefault(code, []).extend(ring for ring in rings if ring)
    return {"precision": PRECISION, "countries": dict(sorted(countries.items()))}


def main(topology_path, iso_codes_path):
    with (
        open(topology_path, encoding="utf-8") as topology,
        open(iso_codes_path, encoding="utf-8") as iso_codes,
    ):
        result = build(json.load(topology), json.load(iso_codes))
    json.dump(result, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
