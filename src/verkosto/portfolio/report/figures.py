"""The report's charts from its data (no Django): cost history, cost against value and
one trend line per indicator."""

from verkosto.portfolio.money import format_money
from verkosto.portfolio.report import charts
from verkosto.portfolio.report.data import COST_KINDS, Report


def report_charts(report: Report, labels: dict[str, str]) -> dict:
    """SVG strings: ``cost_history``, ``cost_value`` and ``indicators`` (a list, in the
    order of ``report.indicators``)."""

    def money(value: float) -> str:
        return format_money(value, report.currency, report.language)

    history = charts.stacked_bars(
        [str(y) for y in report.cost_years],
        [
            (report.kind_labels[k], [float(report.cost_history[y][k]) for y in report.cost_years])
            for k in COST_KINDS
        ],
        title=labels["cost_history"],
        format_value=money,
    )
    points = [
        charts.Point(
            x=float(m.yearly_cost),
            y=100 * m.criteria["value"],
            label=m.network,
            kind=m.recommendation,
        )
        for m in report.memberships
        if m.yearly_cost is not None and m.criteria.get("value") is not None
    ]
    legend = []
    for m in report.memberships:
        if m.recommendation and (m.recommendation, m.recommendation_label) not in legend:
            legend.append((m.recommendation, m.recommendation_label))
    order = {"retain": 0, "review": 1, "drop": 2}
    cost_value = charts.scatter(
        points,
        title=labels["cost_value"],
        x_label=labels["cost_axis"],
        y_label=labels["value_axis"],
        legend=sorted(legend, key=lambda kv: order.get(kv[0], 9)),
        format_x=money,
    )
    trends = [
        charts.trend_line(
            [(d.year + (d.timetuple().tm_yday - 1) / 366, float(v)) for d, v in i.values],
            title=i.name,
            target=float(i.target) if i.target is not None else None,
        )
        for i in report.indicators
    ]
    return {"cost_history": history, "cost_value": cost_value, "indicators": trends}
