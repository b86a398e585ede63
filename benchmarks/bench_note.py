"""Benchmark: the full note (analysis + PDF) for each example profile, and WeasyPrint as reference.

Run: ``.venv/bin/python benchmarks/bench_note.py [--runs 10] [--weasy-runs 10]``.
For each shipped example profile: one warm-up, then the median of `--runs` timings of
``analyse(profile)`` + ``render_note(result, path)`` (target under 300 ms on the 2-core
machine), with the two parts shown apart and the CPU time (the machine is shared: CPU
time varies less than wall time). Then the examples in turn, as a consultant's batch
meets them (target ≲ 200 ms of CPU per note). Then, in the same run, the same content of the
default example is rendered through an HTML template with WeasyPrint (a benchmark-only
extra, ``pip install weasyprint``; skipped with a message when missing, or with
``--weasy-runs 0``) and the ratio WeasyPrint / reportlab is printed.

The HTML path reuses the note's own section templates: their small XML vocabulary is
mapped to HTML elements and the charts are drawn as SVG, so both engines lay out the
same words, tables and charts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.analysis import analyse
from reports.commands.example import DEFAULT_EXAMPLE, SUFFIX, examples
from reports.note import render_note
from reports.note.sections import sections
from reports.note.story import NoteInfo, context
from reports.note.text import para, render
from reports.paths import resource_path
from reports.profile import read_profile

CSS = """
@page { size: A4; margin: 20mm 18mm 17mm 18mm;
        @bottom-right { content: "page " counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Sans"; font-size: 8.8pt; line-height: 1.36; color: #1a1a1a; }
h1 { font-size: 16pt; color: #3B4A5A; break-before: page; }
h2 { font-size: 11.5pt; color: #3B4A5A; break-after: avoid; }
h3 { font-size: 9.5pt; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.2pt; margin-bottom: 6pt; }
th { background: #3B4A5A; color: white; text-align: left; }
td, th { padding: 2pt 4pt; vertical-align: top; }
tr:nth-child(even) td { background: #EEF1F3; }
.figs { display: flex; flex-wrap: wrap; }
.figs div { width: 30%; border-left: 2pt solid #3B4A5A; padding: 0 6pt 6pt 6pt; }
.badge { border: 1.2pt solid #1a1a1a; padding: 6pt; font-weight: bold; width: 60%; }
.columns { column-count: 2; column-gap: 10pt; }
.small { font-size: 8pt; color: #5f6368; }
ul.check { list-style: "☐ "; }
"""

TAGS = {"checklist": "ul", "item": "li", "figs": "div", "fig": "div", "badge": "div",
        "box": "section", "keep": "div", "columns": "div", "lines": "hr", "hr": "hr",
        "spacer": "br"}


def _to_html(el: ET.Element, charts: dict[str, str]) -> None:
    """Rewrite the note's markup in place into HTML elements (charts as inline SVG)."""
    for child in list(el):
        if child.tag == "chart":
            svg = charts.get(child.get("name", ""))
            index = list(el).index(child)
            el.remove(child)
            if svg:
                el.insert(index, ET.fromstring(svg))
            continue
        if child.tag in ("condbreak", "pagebreak"):
            el.remove(child)
            continue
        if child.tag == "box":
            title = ET.Element("h3")
            title.text = child.get("title", "")
            child.insert(0, title)
        if child.tag == "fig":
            label = ET.SubElement(child, "p", {"class": "small"})
            label.text = child.get("label", "")
        style = child.get("style")
        child.attrib = {"class": {"checklist": "check", "figs": "figs", "badge": "badge",
                                  "columns": "columns"}.get(child.tag, style or "")}
        child.tag = TAGS.get(child.tag, child.tag)
        _to_html(child, charts)


def _svg_charts(result) -> dict[str, str]:
    """The two charts as SVG text, drawn by the same reportlab.graphics code."""
    from reportlab.graphics import renderSVG

    from reports.note import charts
    from reports.note.styles import build_styles

    styles = build_styles()
    be = result.finance.break_even
    drawings = {
        "typologies": charts.similarity_chart([t.name for t in result.typologies],
                                              [t.score for t in result.typologies], 480,
                                              styles.main, "proximité"),
        "break_even": charts.break_even_chart(
            monthly_charges=be.monthly_charges_eur, price=be.price_eur,
            users_expected=be.users_expected, users_needed=be.users_needed, width=480,
            labels={"revenue": "recettes", "charges": "charges", "x": "usagers"}),
    }
    out = {}
    for name, drawing in drawings.items():
        text = renderSVG.drawToString(drawing)
        out[name] = text[text.index("<svg"):]
    return out


def html_note(result) -> str:
    """The note's content as one HTML document (same templates, same words)."""
    ctx = context(result, NoteInfo())
    charts = _svg_charts(result)
    parts = []
    for section in sections():
        markup = render(section.template, section=section, **ctx)
        root = ET.fromstring(f"<div>{markup}</div>")
        _to_html(root, charts)
        parts.append(f"<h1>{para(section.heading)}</h1>")
        parts.append(ET.tostring(root, encoding="unicode"))
    body = "\n".join(parts)
    return f"<html lang='fr'><head><meta charset='utf-8'><style>{CSS}</style></head>" \
           f"<body>{body}</body></html>"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _profile(name: str):
    with resource_path("examples", name + SUFFIX) as path:
        return read_profile(path)[0]


def bench_reportlab(name: str, runs: int, folder: Path) -> tuple[float, ...]:
    """Median full / analysis / PDF wall times and full CPU time in ms, after a warm-up."""
    profile = _profile(name)
    target = folder / f"{name}.pdf"
    render_note(analyse(profile), target)  # warm-up: caches, fonts, templates
    full, part_a, part_p, cpu = [], [], [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = analyse(profile)
        t1 = time.perf_counter()
        render_note(result, target)
        t2 = time.perf_counter()
        cpu.append(time.process_time() - c0)
        full.append(t2 - t0)
        part_a.append(t1 - t0)
        part_p.append(t2 - t1)
    return (_median_ms(full), _median_ms(part_a), _median_ms(part_p), _median_ms(cpu),
            result)


def bench_mixed(names: list[str], rounds: int, folder: Path) -> float:
    """Mean CPU ms per note when the examples come in turn, as in a consultant's batch."""
    profiles = [_profile(name) for name in names]
    start = time.process_time()
    for _ in range(rounds):
        for profile in profiles:
            render_note(analyse(profile), folder / "mixed.pdf")
    return (time.process_time() - start) / (rounds * len(profiles)) * 1000


def bench_weasyprint(result, runs: int, folder: Path) -> float | None:
    """Median ms of HTML building + WeasyPrint rendering, or None when it is missing."""
    try:
        import weasyprint
    except ImportError:
        print("WeasyPrint non installé : comparaison ignorée (pip install weasyprint).")
        return None
    target = folder / "weasy.pdf"
    weasyprint.HTML(string=html_note(result)).write_pdf(target)  # warm-up
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        weasyprint.HTML(string=html_note(result)).write_pdf(target)
        samples.append(time.perf_counter() - t0)
    from pypdf import PdfReader

    print(f"  (WeasyPrint : {len(PdfReader(str(target)).pages)} pages)")
    return _median_ms(samples)


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--weasy-runs", type=int, default=10)
    args = parser.parse_args()
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"Note complète (analyse + PDF), médiane de {args.runs} après une chauffe :")
        default = None
        for name in examples():
            full, ana, pdf, cpu, result = bench_reportlab(name, args.runs, folder)
            pages = len(PdfReader(str(folder / f"{name}.pdf")).pages)
            flag = "OK" if full < 300 else "AU-DESSUS DE 300 ms"
            print(f"  {name:<15} {full:7.1f} ms  (analyse {ana:5.1f} ms, PDF {pdf:6.1f} ms, "
                  f"CPU {cpu:6.1f} ms, {pages} pages)  {flag}")
            if name == DEFAULT_EXAMPLE:
                default = (pdf, result)
        mixed = bench_mixed(examples(), max(1, args.runs // 2), folder)
        print(f"Exemples en alternance (comme un lot) : {mixed:.1f} ms de CPU par note "
              "(objectif du lot : ≲ 200 ms)")
        if default is None or args.weasy_runs < 1:
            return 0
        pdf_ms, result = default
        weasy = bench_weasyprint(result, args.weasy_runs, folder)
        if weasy is not None:
            print(f"Même contenu, exemple « {DEFAULT_EXAMPLE} », médiane de {args.weasy_runs} :")
            print(f"  reportlab {pdf_ms:7.1f} ms · WeasyPrint (HTML + PDF) {weasy:7.1f} ms · "
                  f"rapport WeasyPrint / reportlab = {weasy / pdf_ms:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
