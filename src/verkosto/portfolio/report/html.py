"""The report as HTML: the body shared by the on-screen page and the printed (PDF) page."""

from django.template.loader import render_to_string
from django.utils import translation

from verkosto.portfolio.models import Recommendation
from verkosto.portfolio.reasons import join_names
from verkosto.portfolio.report.data import COST_KINDS, Report
from verkosto.portfolio.report.figures import report_charts
from verkosto.portfolio.report.labels import labels

OUTCOMES_SHOWN = 20
# Dates as each language writes them; English as in Europe ("2 Nov 2025"), not US m/d/Y.
DATE_FORMATS = {"fi": "j.n.Y", "sv": "Y-m-d", "en": "j M Y"}
COSTLIEST_SHOWN = 15  # the summary's table; the recommendations list every membership
NETWORKS_NAMED = 3  # per overlapping membership, as the reasons name them
OVERLAPPING_SHOWN = 25  # the least unique; in a large portfolio nearly all share a theme


def report_context(report: Report) -> dict:
    """Template context for ``portfolio/report/_body.html`` (call in the report's language)."""
    L = labels()
    charts = report_charts(report, L)
    cost_rows = []
    for year in report.cost_years:
        row = [report.cost_history[year][k] for k in COST_KINDS]
        cost_rows.append((year, row, sum(row)))
    overlapping = [
        (
            m,
            join_names(
                [f"{name} ({shared})" for name, shared in m.overlaps[:NETWORKS_NAMED]],
                max(0, len(m.overlaps) - NETWORKS_NAMED),
            ),
        )
        for m in report.overlapping[:OVERLAPPING_SHOWN]
    ]
    costliest = sorted(report.memberships, key=lambda m: -(m.year_cost or 0))[:COSTLIEST_SHOWN]
    return {
        "report": report,
        "date_format": DATE_FORMATS.get(report.language, "Y-m-d"),
        "overlapping": overlapping,
        "more_overlapping": len(report.overlapping) > OVERLAPPING_SHOWN,
        "costliest": costliest,
        "all_shown": len(costliest) == len(report.memberships),
        "L": L,
        "labels_rec": {r.value: str(r.label) for r in Recommendation},
        "charts": charts,
        "kinds": [(k, report.kind_labels[k]) for k in COST_KINDS],
        "cost_rows": cost_rows,
        "indicator_rows": list(zip(report.indicators, charts["indicators"], strict=True)),
        "outcomes_shown": report.outcomes[:OUTCOMES_SHOWN],
        "more_outcomes": len(report.outcomes) > OUTCOMES_SHOWN,
    }


def report_html_document(report: Report, *, stylesheet: str, inline_css: str = "") -> str:
    """A whole HTML document (for the PDF, or to save as a file): ``stylesheet`` is the
    address of report.css, or ``inline_css`` its text for a file that stands alone."""
    with translation.override(report.language):
        context = report_context(report)
        context["stylesheet"] = stylesheet
        context["inline_css"] = inline_css
        return render_to_string("portfolio/report/print.html", context)
