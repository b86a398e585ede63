"""Build the offline communes directory (resources/communes/) from the shared open data.

Usage (from the repository root)::

    .venv/bin/python scripts/build_communes.py [--data ../shared/data] [--out resources/communes]
        [--package etalab-decoupage-administratif-X.Y.Z.tgz --year YYYY]

Inputs (see ../shared/data/README.md): the npm package ``@etalab/decoupage-administratif``
as a .tgz (read in place, never unpacked or committed; ``npm pack
@etalab/decoupage-administratif@X.Y.Z`` fetches a new vintage), La Poste's postal-code base
with coordinates, and the CGET 2019 list of tiers-lieux. Outputs: gzip'd tab-separated and
CSV files and ``attribution.json``. Deterministic: two runs give identical bytes. The counts
printed (coordinates found by name, through a delegated commune, etc.) also go into
``attribution.json``.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import gzip
import io
import json
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import insee_tables  # noqa: E402  (beside this script: the INSEE census and zonings)

from reports import communes, textnorm  # noqa: E402  (the reader and folding used at run time)

# The same names are folded many times over: remember them.
fold = functools.cache(textnorm.fold)
fold_words = functools.cache(textnorm.fold_words)

TGZ_NAME = "etalab-decoupage-administratif-6.0.0.tgz"
COG_YEAR = "2026"  # the package's vintage (its README maps versions to years)
LAPOSTE_NAME = "communes-coordonnees-laposte.csv"
CGET_NAME = "cget-tiers-lieux-2019.csv"
# Collectivités d'outre-mer: in the COG, absent from La Poste's coordinates.
COM_CODES = {"975", "977", "978", "984", "986", "987", "988", "989"}
# The files' names, headers and kind letters are the reader's (reports.communes): one format.
KINDS = {kind: letter for letter, kind in communes.KINDS.items()}


# ---------------------------------------------------------------- reading the inputs

def read_package(tgz: Path) -> dict[str, object]:
    """The JSON files of the npm package, read straight from the archive."""
    wanted = ("communes", "epci", "departements", "regions")
    out: dict[str, object] = {}
    with tarfile.open(tgz, "r:gz") as archive:
        for name in wanted:
            out[name] = json.load(archive.extractfile(f"package/data/{name}.json"))
        out["package"] = json.load(archive.extractfile("package/package.json"))
    return out


def read_laposte(path: Path) -> list[dict[str, object]]:
    """La Poste rows that have coordinates: postal code, département, folded name, lat, lon."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.reader(handle, delimiter=";"):
            cp, _label, lat, lon, _short, full, dep = rec[:7]
            if not lat or not lon:
                continue
            dep = dep.zfill(2) if dep.isdigit() and len(dep) < 2 else dep
            rows.append({"cp": cp.zfill(5), "dep": dep, "key": fold_words(full),
                         "lat": float(lat), "lon": float(lon)})
    return rows


# ---------------------------------------------------------------- coordinates

def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of a few nearby points (plain average of latitudes and longitudes)."""
    unique = sorted(set(points))
    return (sum(p[0] for p in unique) / len(unique), sum(p[1] for p in unique) / len(unique))


class Locator:
    """Finds a commune's approximate centre in La Poste's base."""

    def __init__(self, rows: list[dict[str, object]]):
        self.by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.by_cp: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            self.by_name[(row["dep"], row["key"].replace(" ", ""))].append(row)
            self.by_cp[row["cp"]].append(row)

    def by_dep_name(self, dep: str, name: str, postal_codes: list[str]) -> tuple | None:
        """Match on département + folded name; homonyms are told apart by postal code."""
        rows = self.by_name.get((dep, fold(name)), [])
        points = {(r["lat"], r["lon"]) for r in rows}
        if len(points) > 1 and postal_codes:
            rows = [r for r in rows if r["cp"] in postal_codes] or rows
            points = {(r["lat"], r["lon"]) for r in rows}
        if not points or (len(points) > 1 and _spread_km(points) > 5):
            return None
        return _mean(list(points))

    def by_districts(self, dep: str, name: str, postal_codes: list[str]) -> tuple | None:
        """Paris, Lyon, Marseille: La Poste lists "Lyon 01"…; take the districts' centre."""
        prefix = fold_words(name) + " "
        points = [(r["lat"], r["lon"]) for cp in postal_codes for r in self.by_cp.get(cp, [])
                  if r["dep"] == dep and r["key"].startswith(prefix)
                  and r["key"][len(prefix):].isdigit()]
        return _mean(points) if points else None

    def by_similar_name(self, dep: str, name: str, postal_codes: list[str]) -> tuple | None:
        """A renamed commune ("Céreste" → "Céreste-en-Luberon"), a merger named after its
        parts ("Chassal-Molinges") or a spelling change, among its postal codes' communes."""
        key = fold_words(name)
        rows = [r for cp in postal_codes for r in self.by_cp.get(cp, []) if r["dep"] == dep]
        scored = sorted((_similarity(key, r["key"]), r["key"], r["lat"], r["lon"]) for r in rows)
        if not scored or scored[-1][0] < 0.85:
            return None
        return scored[-1][2], scored[-1][3]

    def by_postal_code(self, dep: str, postal_codes: list[str]) -> tuple | None:
        """Last resort: the centre of the communes sharing the commune's postal codes."""
        points = [(r["lat"], r["lon"]) for cp in postal_codes for r in self.by_cp.get(cp, [])
                  if r["dep"] == dep]
        return _mean(points) if points else None


def _similarity(key: str, other: str) -> float:
    """1 when `other` is a whole-word part of `key` (the first part best), else difflib's ratio."""
    padded, part = f" {key} ", f" {other} "
    if len(other) >= 3 and part in padded:
        return 1.0 - padded.index(part) / (10 * len(padded))
    return difflib.SequenceMatcher(None, key, other).ratio()


def _spread_km(points: set[tuple[float, float]]) -> float:
    """Largest distance between any two of a few points."""
    pts = sorted(points)
    return max(distance_km(a, b) for a in pts for b in pts)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    return communes.distance_km(a[0], a[1], b[0], b[1])


def locate_communes(current: list[dict], old_by_current: dict[str, list[dict]],
                    locator: Locator, stats: Counter) -> dict[str, tuple[float, float]]:
    """Approximate centre of every current commune, counting how each was found."""
    coords: dict[str, tuple[float, float]] = {}
    for com in current:
        code, dep, cps = com["code"], com["departement"], com.get("codesPostaux", [])
        point, how = locator.by_dep_name(dep, com["nom"], cps), "nom"
        if point is None:
            point, how = _from_delegated(com, old_by_current.get(code, []), locator), "déléguée"
        if point is None:
            point, how = locator.by_districts(dep, com["nom"], cps), "arrondissements"
        if point is None:
            point, how = locator.by_similar_name(dep, com["nom"], cps), "nom voisin"
        if point is None:
            point, how = locator.by_postal_code(dep, cps), "code postal"
        if point is None:
            stats[f"sans coordonnées ({com['departement']})"] += 1
            continue
        stats[f"trouvées par {how}"] += 1
        coords[code] = point
    return coords


def _from_delegated(com: dict, olds: list[dict], locator: Locator) -> tuple | None:
    """A commune created by merger: its chef-lieu delegated commune (same code) first."""
    cps = com.get("codesPostaux", [])
    ordered = sorted(olds, key=lambda o: (o["code"] != com["code"], o["code"], o["nom"]))
    for old in ordered:
        point = locator.by_dep_name(old["departement"], old["nom"], cps)
        if point is not None:
            return point
    return None


# ---------------------------------------------------------------- tiers-lieux

def read_third_places(path: Path, codes: CodeResolver, stats: Counter) -> list[list[str]]:
    """The CGET 2019 list: name, current INSEE code, typology, coordinates (no contacts)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            point = (float(rec["LAT"]), float(rec["LONG"]))
            code, how = codes.place_code(rec, point)
            stats[how] += 1
            rows.append([rec["NOM_TL"].strip(), code or "", rec["TYPO"].strip(),
                         f"{point[0]:.5f}", f"{point[1]:.5f}"])
    rows.sort(key=lambda r: (r[1], fold(r[0]), r[0], r[3], r[4]))
    return rows


class CodeResolver:
    """Turns a 2019 INSEE code or commune name into today's commune code."""

    MAX_KM = 25  # a place farther than this from its commune's centre has a wrong code

    def __init__(self, current: list[dict], olds: list[dict],
                 coords: dict[str, tuple[float, float]]):
        self.current = {c["code"] for c in current}
        self.coords = coords
        self.old_codes = {code: c["code"] for c in current for code in c.get("anciensCodes", [])}
        self.old_codes.update({o["code"]: o["chefLieu"] for o in olds
                               if o["code"] not in self.current})
        self.names = {(c["departement"], fold(c["nom"])): c["code"] for c in current}
        for old in olds:
            self.names.setdefault((old["departement"], fold(old["nom"])), old["chefLieu"])

    def current_code(self, code: str) -> str | None:
        """Today's code for a code that may have disappeared in a merger."""
        code = code.strip()
        return code if code in self.current else self.old_codes.get(code)

    def place_code(self, rec: dict, point: tuple[float, float]) -> tuple[str | None, str]:
        """The first of the row's own code, metro code, or commune names that lies near it;
        else the commune whose centre is nearest (a few overseas rows carry a wrong code)."""
        dep = rec["INSEEDEP"].strip().zfill(2)
        candidates = [self.current_code(rec["INSEECOM"]), self.current_code(rec["INSEEMETRO"])]
        candidates += [self.names.get((dep, fold(rec[field])))
                       for field in ("NOMCOM", "COMINIT", "NOMCOMMETRO") if rec[field].strip()]
        for code in candidates:
            if code and (code not in self.coords
                         or distance_km(self.coords[code], point) <= self.MAX_KM):
                return code, "commune par code ou nom CGET"
        near = [c for c, xy in self.coords.items() if abs(xy[0] - point[0]) < 0.5]
        nearest = min(near, key=lambda c: distance_km(self.coords[c], point), default=None)
        if nearest and distance_km(self.coords[nearest], point) <= self.MAX_KM:
            return nearest, "commune au centre le plus proche (code CGET erroné)"
        return None, "sans commune retrouvée"


# ---------------------------------------------------------------- writing

def gzip_write(path: Path, text: str) -> None:
    """Write gzip'd UTF-8 whose bytes depend only on the text (mtime 0, no file name)."""
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(raw.getvalue())


def gzip_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """A small table as gzip'd CSV."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    gzip_write(path, text.getvalue())


def gzip_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """The big table as gzip'd tab-separated lines: read with str.split, no quoting."""
    if any("\t" in v or "\n" in v for row in rows for v in row):
        raise ValueError("tab or newline in a value")
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    gzip_write(path, "\n".join(lines) + "\n")


def _fmt_coord(value: float | None) -> str:
    """Four decimals: about 10 m, far finer than an approximate commune centre."""
    return "" if value is None else f"{value:.4f}"


def commune_rows(current: list[dict], olds: list[dict], epci_of: dict[str, str],
                 coords: dict[str, tuple[float, float]]) -> list[list[str]]:
    """Rows in search order: current communes by population, then old names; the fourth
    value is the folded name, written to its own file (the search text)."""
    pop = {c["code"]: c.get("population") or 0 for c in current}
    rows = []
    for com in sorted(current, key=lambda c: (-pop[c["code"]], c["code"])):
        lat, lon = coords.get(com["code"], (None, None))
        rows.append(["A", com["code"], com["nom"], fold_words(com["nom"]), com["departement"],
                     str(com["population"]) if "population" in com else "",
                     "|".join(sorted(com.get("codesPostaux", []))),
                     epci_of.get(com["code"], ""), _fmt_coord(lat), _fmt_coord(lon), ""])
    for old in sorted(olds, key=lambda o: (-pop[o["chefLieu"]], o["chefLieu"], o["code"],
                                           o["nom"])):
        rows.append([KINDS[old["type"]], old["code"], old["nom"], fold_words(old["nom"]),
                     old["departement"], "", "", "", "", "", old["chefLieu"]])
    return rows


def attribution(package: dict, stats: dict[str, Counter], unlocated: list[str],
                year: str) -> dict:
    """Sources, vintages and licences shown by the About box and the note, plus build counts;
    `unlocated` names the communes of France and the DROM that have no coordinates."""
    version = package["version"]
    missing = (f" Sans coordonnées dans la base de La Poste : {', '.join(unlocated)}."
               if unlocated else "")
    return {
        "vintage": f"COG {year}",
        "sources": [
            {"producer": "Etalab d'après l'INSEE (COG, populations légales) et la DGCL",
             "dataset": f"Découpage administratif (@etalab/decoupage-administratif {version})",
             "vintage": year, "licence": "Licence Ouverte 2.0",
             "use": "communes, populations légales, codes postaux, EPCI"},
            {"producer": "La Poste",
             "dataset": "Base officielle des codes postaux, avec coordonnées (data.gouv.fr)",
             "vintage": "2022 environ", "licence": "Licence Ouverte 2.0",
             "use": "centres approximatifs des communes, pour les distances"},
            {"producer": "CGET (aujourd'hui ANCT)",
             "dataset": ("Mission Coworking : Territoires, Travail, Numérique — "
                         "liste des tiers-lieux"),
             "vintage": "2019", "licence": "Licence Ouverte 2.0",
             "use": "tiers-lieux existants à proximité"},
            *insee_tables.SOURCES,
        ],
        "coverage": (
            "France métropolitaine et départements d'outre-mer (Guadeloupe, Martinique, Guyane, "
            "La Réunion, Mayotte). Les collectivités d'outre-mer (Saint-Pierre-et-Miquelon, "
            "Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, Polynésie française, "
            "Nouvelle-Calédonie, TAAF) sont dans l'annuaire mais sans coordonnées : pas de "
            "calcul de voisinage pour elles." + missing
        ),
        "insee": insee_tables.insee_meta(year),
        "build": {name: dict(sorted(counter.items())) for name, counter in sorted(stats.items())},
    }


# ---------------------------------------------------------------- main

def build(data: Path, out: Path, tgz: str = TGZ_NAME, year: str = COG_YEAR) -> dict[str, Counter]:
    """Build every resource from `data` into `out`; return the counts printed to the user."""
    pkg = read_package(data / tgz)
    entries = pkg["communes"]
    current = [c for c in entries if c["type"] == "commune-actuelle"]
    by_code = {c["code"]: c for c in current}
    olds = [c for c in entries if c["type"] in ("commune-deleguee", "commune-associee")
            and c.get("chefLieu") in by_code]
    old_by_current: dict[str, list[dict]] = defaultdict(list)
    for old in olds:
        old_by_current[old["chefLieu"]].append(old)
    stats: dict[str, Counter] = {"coordonnées": Counter(), "tiers-lieux": Counter(),
                                 "INSEE": Counter()}

    coords = locate_communes(current, old_by_current, Locator(read_laposte(data / LAPOSTE_NAME)),
                             stats["coordonnées"])
    # Old names that only repeat their current commune's name add nothing to a search.
    listed_olds = [o for o in olds if fold(o["nom"]) != fold(by_code[o["chefLieu"]]["nom"])]

    epci_of, epci_rows = {}, []
    for epci in sorted(pkg["epci"], key=lambda e: e["code"]):
        members = [m["code"] for m in epci["membres"]]
        epci_of.update({code: epci["code"] for code in members})
        epci_rows.append([epci["code"], epci["nom"], epci["type"],
                          str(epci["populationMunicipale"]), str(len(members))])

    regions = {r["code"]: r["nom"] for r in pkg["regions"]}
    dep_rows = [[d["code"], d["nom"], regions.get(d["region"], "")]
                for d in sorted(pkg["departements"], key=lambda d: d["code"])]

    places = read_third_places(data / CGET_NAME, CodeResolver(current, olds, coords),
                              stats["tiers-lieux"])

    out.mkdir(parents=True, exist_ok=True)
    rows = commune_rows(current, listed_olds, epci_of, coords)
    gzip_tsv(out / communes.COMMUNES_FILE, communes.COMMUNE_COLUMNS,
             [r[:3] + r[4:] for r in rows])
    gzip_tsv(out / communes.KEYS_FILE, ["search_key"], [[r[3]] for r in rows])
    for name, table in (("epci.csv.gz", epci_rows), ("departements.csv.gz", dep_rows),
                        ("tiers_lieux.csv.gz", places)):
        gzip_csv(out / name, communes.SMALL_TABLES[name], table)
    groups = insee_tables.old_code_groups(current, olds)
    insee_rows, zoning_names = insee_tables.insee_rows(data, current, groups, stats["INSEE"])
    gzip_tsv(out / communes.INSEE_FILE, communes.INSEE_COLUMNS, insee_rows)
    gzip_tsv(out / communes.OLD_CODES_FILE, communes.OLD_CODES_COLUMNS,
             [[code, "|".join(olds_of)] for code, olds_of in groups.items()])
    gzip_csv(out / communes.ZONINGS_FILE, communes.ZONINGS_COLUMNS, zoning_names)
    stats["annuaire"] = Counter({"communes actuelles": len(current),
                                 "anciens noms (déléguées, associées)": len(listed_olds),
                                 "EPCI": len(epci_rows)})
    unlocated = [f"{c['nom']} ({c['departement']})" for c in current
                 if c["code"] not in coords and c["departement"] not in COM_CODES]
    text = json.dumps(attribution(pkg["package"], stats, unlocated, year), ensure_ascii=False,
                      indent=1)
    (out / "attribution.json").write_text(text + "\n", encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, build, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="folder holding the open-data files (and insee/)")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "communes",
                        help="where to write the resources")
    parser.add_argument("--package", default=TGZ_NAME,
                        help="the @etalab/decoupage-administratif .tgz inside --data")
    parser.add_argument("--year", default=COG_YEAR, help="the COG year of that package")
    args = parser.parse_args(argv)
    wanted = (args.package, LAPOSTE_NAME, CGET_NAME,
              *(f"{insee_tables.INSEE_DIR}/{name}" for name in insee_tables.FILES))
    missing = [n for n in wanted if not (args.data / n).is_file()]
    if missing:
        print(f"Fichiers absents de {args.data} : {', '.join(missing)}", file=sys.stderr)
        return 2
    stats = build(args.data, args.out, args.package, args.year)
    for section, counter in stats.items():
        print(f"{section} :")
        for key, value in sorted(counter.items()):
            print(f"  {key} : {value}")
    for path in sorted(args.out.iterdir()):
        if path.is_file():
            print(f"{path.name} : {path.stat().st_size} octets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
