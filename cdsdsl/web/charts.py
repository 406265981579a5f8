"""The cohort page's charts, drawn on the server as inline SVG: nothing to fetch, nothing to run.

Takes: a scored cohort (`CohortResult`, with its ruleset's sections) and the language.
Returns: SVG markup (`markupsafe.Markup`) for the total points per unit (bars), each unit's section profile
against the cohort mean (grouped bars, % of the section maximum) and the distribution of points per
indicator (one dot per unit, % of the maximum).  Every label passes `markupsafe.escape`; each mark has a
``<title>`` (its exact value) for a tooltip.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from markupsafe import Markup, escape

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.numbers import format_number

#: a palette that stays apart in grey print (units beyond it repeat the colours)
COLOURS = ("#1b6ca8", "#e07b00", "#2e8b57", "#b22222", "#6a5acd", "#8b6914", "#c71585", "#2f4f4f")


def _pct(part: Fraction | None, whole: Fraction | None) -> float:
    if part is None or not whole:
        return 0.0
    return float(Fraction(part) / Fraction(whole) * 100)


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
                  f'xmlns="http://www.w3.org/2000/svg">{"".join(body)}</svg>')


def totals_bar(cohort: Any, lang: str) -> Markup:
    """One horizontal bar per unit (ranking order), its length the total against the set's maximum."""
    results = cohort.ranking()
    row, left, width = 26, 190, 640
    height = row * len(results) + 30
    body = []
    for i, r in enumerate(results):
        y = 10 + i * row
        w = (width - left - 70) * _pct(r.total_exact, r.max_points) / 100
        value = format_number(r.total, lang, as_given=True)
        shown = r.unit if len(r.unit) <= 28 else r.unit[:27] + "…"
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" class="label">{escape(shown)}'
                    f'<title>{escape(r.unit)}</title></text>'
                    f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{row - 8}" fill="{COLOURS[0]}">'
                    f'<title>{escape(r.unit)}: {escape(value)}</title></rect>'
                    f'<text x="{left + w + 6:.1f}" y="{y + 15}" class="value">{escape(value)}</text>')
    return _svg(width, height, body, i18n.text("web.chart.totals", lang))


def _section_keys(cohort: Any) -> list[str]:
    first = cohort.results[0] if cohort.results else None
    return list(first.sections) if first is not None else []


def section_profile(cohort: Any, lang: str) -> Markup:
    """Grouped bars: per section, each unit's points as % of the section maximum; a line for the mean."""
    keys, results = _section_keys(cohort), cohort.ranking()
    n = max(1, len(results))
    group = max(60, n * 10 + 20)
    width, height, top, base = 60 + group * len(keys), 260, 20, 220
    body = [f'<line x1="50" y1="{base}" x2="{width}" y2="{base}" class="axis"/>']
    for pct in (0, 50, 100):
        y = base - (base - top) * pct / 100
        body.append(f'<text x="44" y="{y + 4:.1f}" text-anchor="end" class="tick">{pct}%</text>'
                    f'<line x1="50" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" class="grid"/>')
    bar = (group - 20) / n
    for g, key in enumerate(keys):
        x0 = 60 + g * group
        values = [_pct(r.sections[key].exact, r.sections[key].max_points) for r in results if key in r.sections]
        for u, (r, v) in enumerate(zip(results, values, strict=False)):
            h = (base - top) * v / 100
            body.append(f'<rect x="{x0 + u * bar:.1f}" y="{base - h:.1f}" width="{max(bar - 1, 1):.1f}" '
                        f'height="{h:.1f}" fill="{COLOURS[u % len(COLOURS)]}"><title>{escape(r.unit)}, '
                        f'{escape(key)}: {v:.1f}%</title></rect>')
        mean = sum(values) / len(values) if values else 0.0
        y = base - (base - top) * mean / 100
        body.append(f'<line x1="{x0 - 2}" y1="{y:.1f}" x2="{x0 + group - 18}" y2="{y:.1f}" class="mean">'
                    f'<title>{escape(i18n.text("web.chart.mean", lang))} {escape(key)}: {mean:.1f}%</title></line>'
                    f'<text x="{x0 + (group - 20) / 2:.1f}" y="{base + 16}" text-anchor="middle" class="label">'
                    f'{escape(key)}</text>')
    legend = "".join(f'<tspan fill="{COLOURS[u % len(COLOURS)]}">■ </tspan><tspan>{escape(r.unit)}  </tspan>'
                     for u, r in enumerate(results[:8]))
    body.append(f'<text x="50" y="{height - 4}" class="legend">{legend}</text>')
    return _svg(width, height, body, i18n.text("web.chart.profile", lang))


def distribution(cohort: Any, lang: str) -> Markup:
    """Per indicator (a column), one dot per unit at its points as % of the indicator's maximum."""
    results = cohort.ranking()
    keys = [k for k, ir in (results[0].indicators.items() if results else ()) if ir.max_points]
    step = 22
    width, height, top, base = 60 + step * len(keys), 240, 20, 190
    body = [f'<line x1="50" y1="{base}" x2="{width}" y2="{base}" class="axis"/>']
    for pct in (0, 50, 100):
        y = base - (base - top) * pct / 100
        body.append(f'<text x="44" y="{y + 4:.1f}" text-anchor="end" class="tick">{pct}%</text>'
                    f'<line x1="50" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" class="grid"/>')
    for k, key in enumerate(keys):
        x = 60 + k * step
        for u, r in enumerate(results):
            ir = r.indicators.get(key)
            if ir is None or ir.exact is None:
                continue
            y = base - (base - top) * _pct(ir.exact, ir.max_points) / 100
            body.append(f'<circle cx="{x + (u % 3) * 3}" cy="{y:.1f}" r="3.5" fill="{COLOURS[u % len(COLOURS)]}" '
                        f'fill-opacity="0.75"><title>{escape(r.unit)}, {escape(key)}: '
                        f'{escape(format_number(ir.exact, lang, as_given=True))}/'
                        f'{escape(format_number(ir.max_points, lang, as_given=True))}</title></circle>')
        body.append(f'<text x="{x}" y="{base + 12}" transform="rotate(60 {x} {base + 12})" class="tick">'
                    f'{escape(key)}</text>')
    return _svg(width, height, body, i18n.text("web.chart.distribution", lang))
