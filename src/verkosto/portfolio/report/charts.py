"""Small charts as inline SVG, drawn in plain Python (no Django).

WeasyPrint runs no JavaScript, so the PDF cannot use ECharts; the same SVG serves the
HTML page, the PDF and (as the numbers behind it) the XLSX, so the three never disagree.
Every text is escaped here; callers may mark the result safe.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = "font-family='sans-serif'"
# Colours chosen to stay apart in greyscale print as well (dark → light).
COLOURS = ("#1f4e79", "#4f81bd", "#9bbb59", "#f79646")
RECOMMENDATION_COLOURS = {"retain": "#2e7d32", "review": "#f9a825", "drop": "#c62828"}


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str = ""
    kind: str = ""  # picks the colour (a recommendation)


def _nice_max(value: float) -> float:
    """The axis end: 1, 2, 2.5 or 5 × a power of ten at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img' aria-label='{escape(title, quote=True)}'>"
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    format_value=lambda v: f"{v:,.0f}",
    width: int = 640,
    height: int = 240,
) -> str:
    """Vertical bars, one per category (a year), stacked by series (a cost kind), with
    the total above each bar and a legend below."""
    left, right, top, bottom = 70, 10, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    top_value = _nice_max(max(totals, default=0))
    body = []
    for tick in range(5):
        value = top_value * tick / 4
        y = top + plot_h - plot_h * tick / 4
        body.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' stroke='#ddd'/>"
            f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' font-size='10' {FONT}>"
            f"{escape(format_value(value))}</text>"
        )
    slot = plot_w / max(len(categories), 1)
    bar_w = slot * 0.6
    for i, category in enumerate(categories):
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h
        for s, (_name, values) in enumerate(series):
            h = plot_h * values[i] / top_value if top_value else 0
            if h > 0:
                y -= h
                body.append(
                    f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w:.1f}' height='{h:.1f}' "
                    f"fill='{COLOURS[s % len(COLOURS)]}'/>"
                )
        body.append(
            f"<text x='{x + bar_w / 2:.1f}' y='{top + plot_h + 14}' text-anchor='middle' "
            f"font-size='11' {FONT}>{escape(category)}</text>"
        )
        if totals[i]:
            body.append(
                f"<text x='{x + bar_w / 2:.1f}' y='{y - 4:.1f}' text-anchor='middle' "
                f"font-size='10' {FONT}>{escape(format_value(totals[i]))}</text>"
            )
    x = left
    for s, (name, _values) in enumerate(series):
        body.append(
            f"<rect x='{x}' y='{height - 16}' width='10' height='10' "
            f"fill='{COLOURS[s % len(COLOURS)]}'/>"
            f"<text x='{x + 14}' y='{height - 7}' font-size='10' {FONT}>{escape(name)}</text>"
        )
        x += 24 + 6 * len(name)
    return _svg(width, height, title, body)


def scatter(
    points: Sequence[Point],
    *,
    title: str,
    x_label: str,
    y_label: str,
    legend: Sequence[tuple[str, str]] = (),
    format_x=lambda v: f"{v:,.0f}",
    y_max: float = 100.0,
    labelled: int = 12,
    width: int = 640,
    height: int = 320,
) -> str:
    """Points of (cost, value); the ``labelled`` costliest carry their name so that a
    reader finds the big items, the rest stay unlabelled to keep 200 points legible."""
    left, right, top, bottom = 70, 20, 15, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    x_max = _nice_max(max((p.x for p in points), default=0))
    body = [
        f"<rect x='{left}' y='{top}' width='{plot_w}' height='{plot_h}' fill='none' stroke='#999'/>"
    ]
    for tick in range(5):
        xv, yv = x_max * tick / 4, y_max * tick / 4
        x = left + plot_w * tick / 4
        y = top + plot_h - plot_h * tick / 4
        body.append(
            f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{top}' y2='{top + plot_h}' stroke='#eee'/>"
            f"<line x1='{left}' x2='{left + plot_w}' y1='{y:.1f}' y2='{y:.1f}' stroke='#eee'/>"
            f"<text x='{x:.1f}' y='{top + plot_h + 14}' text-anchor='middle' font-size='10' "
            f"{FONT}>{escape(format_x(xv))}</text>"
            f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' font-size='10' {FONT}>"
            f"{yv:.0f}</text>"
        )
    body.append(
        f"<text x='{left + plot_w / 2:.1f}' y='{top + plot_h + 30}' text-anchor='middle' "
        f"font-size='11' {FONT}>{escape(x_label)}</text>"
        f"<text transform='translate(14 {top + plot_h / 2:.1f}) rotate(-90)' "
        f"text-anchor='middle' font-size='11' {FONT}>{escape(y_label)}</text>"
    )
    named = {id(p) for p in sorted(points, key=lambda p: -p.x)[:labelled]}
    for p in points:
        x = left + plot_w * p.x / x_max
        y = top + plot_h - plot_h * min(max(p.y, 0), y_max) / y_max
        colour = RECOMMENDATION_COLOURS.get(p.kind, "#555")
        body.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='4' fill='{colour}' fill-opacity='0.8'>"
            f"<title>{escape(p.label)}</title></circle>"
        )
        if id(p) in named and p.label:
            # Names near the right edge go to the left of their point, to stay inside.
            right_side = x < left + plot_w * 0.7
            body.append(
                f"<text x='{x + 6 if right_side else x - 6:.1f}' y='{y - 5:.1f}' font-size='9' "
                f"text-anchor='{'start' if right_side else 'end'}' {FONT}>"
                f"{escape(p.label[:28])}</text>"
            )
    x = left
    for kind, name in legend:
        body.append(
            f"<circle cx='{x + 5}' cy='{height - 11}' r='5' "
            f"fill='{RECOMMENDATION_COLOURS.get(kind, '#555')}'/>"
            f"<text x='{x + 14}' y='{height - 7}' font-size='10' {FONT}>{escape(name)}</text>"
        )
        x += 30 + 6 * len(name)
    return _svg(width, height, title, body)


def trend_line(
    points: Sequence[tuple[float, float]],
    *,
    title: str,
    target: float | None = None,
    width: int = 220,
    height: int = 60,
) -> str:
    """A sparkline of (year as a fraction, value) with the target as a dashed line."""
    pad = 6
    if not points:
        return _svg(width, height, title, [])
    xs = [x for x, _ in points]
    ys = [y for _, y in points] + ([target] if target is not None else [])
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    if x1 == x0:
        x0, x1 = x0 - 0.5, x1 + 0.5
    if y1 == y0:
        y0, y1 = y0 - 1, y1 + 1

    def at(x: float, y: float) -> tuple[float, float]:
        return (
            pad + (width - 2 * pad) * (x - x0) / (x1 - x0),
            height - pad - (height - 2 * pad) * (y - y0) / (y1 - y0),
        )

    body = []
    if target is not None:
        _, ty = at(x0, target)
        body.append(
            f"<line x1='{pad}' x2='{width - pad}' y1='{ty:.1f}' y2='{ty:.1f}' "
            f"stroke='#c62828' stroke-dasharray='4 3'/>"
        )
    coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in (at(x, y) for x, y in points))
    body.append(f"<polyline points='{coords}' fill='none' stroke='#1f4e79' stroke-width='2'/>")
    lx, ly = at(*points[-1])
    body.append(f"<circle cx='{lx:.1f}' cy='{ly:.1f}' r='3' fill='#1f4e79'/>")
    return _svg(width, height, title, body)
