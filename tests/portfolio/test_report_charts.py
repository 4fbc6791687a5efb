"""The report's pure parts: the SVG charts and the gap rule (no database)."""

import xml.etree.ElementTree as ET

from verkosto.portfolio.report import charts
from verkosto.portfolio.report.gaps import unserved_goal_themes

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output; parsing proves it well-formed)


def test_scatter_is_valid_svg_with_escaped_names_and_points_inside_the_plot():
    points = [
        charts.Point(x=0, y=0, label="A & B <network>", kind="drop"),
        charts.Point(x=38_000, y=100, label="HINKU", kind="retain"),
        charts.Point(x=12_000, y=140, label="Over the top", kind="review"),  # clamped
    ]
    svg = charts.scatter(points, title="Cost & value", x_label="cost", y_label="value")
    root = _parse(svg)  # escaping kept it well-formed
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 3
    assert all(15 <= float(c.get("cy")) <= 320 - 60 for c in circles)
    assert {c.get("fill") for c in circles} == set(charts.RECOMMENDATION_COLOURS.values())
    assert "A &amp; B &lt;network&gt;" in svg


def test_stacked_bars_put_the_total_above_each_bar():
    svg = charts.stacked_bars(
        ["2024", "2025"],
        [("fee", [1000, 2000]), ("staff", [500, 0])],
        title="Costs",
        format_value=lambda v: f"{v:.0f} €",
    )
    texts = [t.text for t in _parse(svg).iter(f"{SVG}text")]
    assert "1500 €" in texts and "2000 €" in texts
    assert charts._nice_max(1500) == 2000 and charts._nice_max(38_000) == 50_000


def test_trend_line_draws_the_target_dashed_and_copes_with_one_value():
    svg = charts.trend_line([(2023.0, 90), (2025.0, 70)], title="Päästöt", target=60)
    root = _parse(svg)
    assert root.find(f"{SVG}line").get("stroke-dasharray")
    assert _parse(charts.trend_line([(2025.0, 5)], title="one")) is not None
    assert _parse(charts.trend_line([], title="none")) is not None


def test_a_goal_theme_is_served_by_the_same_a_broader_or_a_narrower_theme():
    lineage = {2: frozenset({1}), 3: frozenset()}  # 2 is a narrower theme of 1
    assert unserved_goal_themes([1, 3], [frozenset({2})], lineage) == [3]
    assert unserved_goal_themes([2], [frozenset({1})], lineage) == []
    assert unserved_goal_themes([1, 3], [], lineage) == [1, 3]
