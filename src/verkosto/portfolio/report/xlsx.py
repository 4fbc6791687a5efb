"""The report's tables as an XLSX workbook (openpyxl): one sheet per table, a bold frozen
header row, real numbers and dates with formats in the report's language, so a reader can
sort, sum and chart them further."""

import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from verkosto.portfolio.models import Recommendation
from verkosto.portfolio.money import SYMBOLS
from verkosto.portfolio.report.data import COST_KINDS, Report
from verkosto.portfolio.report.labels import labels

DATE_FORMATS = {"fi": "d.m.yyyy", "sv": "yyyy-mm-dd", "en": "d mmm yyyy"}
SCORE_FORMAT = "0"
PERCENT_FORMAT = "0 %"
DECIMAL_FORMAT = "#,##0.0"
INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")


def money_format(currency: str, language: str) -> str:
    symbol = SYMBOLS.get(currency, currency)
    if language == "en" and currency in ("EUR", "USD", "GBP"):
        return f'"{symbol}"#,##0'
    return f'#,##0\\ "{symbol}"'


def _cell(value):
    """openpyxl writes Decimal as a number; lazy strings and aware datetimes it refuses."""
    if isinstance(value, Promise):
        return str(value)
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _sheet(
    workbook: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    formats: dict[int, str] | None = None,
) -> None:
    sheet = workbook.create_sheet(INVALID_TITLE.sub(" ", title)[:31])
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in headers]
    for row in rows:
        sheet.append([_cell(v) for v in row])
        for i, v in enumerate(row):
            widths[i] = max(widths[i], min(len(str(v)) if v is not None else 0, 60))
    for column, number_format in (formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
            cell.number_format = number_format
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(10, width + 2)
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions


def report_xlsx(report: Report) -> bytes:
    with translation.override(report.language):
        return _workbook(report, labels())


def _workbook(report: Report, L: dict[str, str]) -> bytes:
    money = money_format(report.currency, report.language)
    date = DATE_FORMATS.get(report.language, "yyyy-mm-dd")
    workbook = Workbook()
    workbook.remove(workbook.active)
    counts = report.recommendation_counts
    summary = [
        (L["memberships_count"], len(report.memberships)),
        (f"{L['total_cost']} {report.year}", report.total_cost),
        (L["outcomes_year"], report.outcome_count),
        (L["outcome_value_year"], report.outcome_value),
        *((f"{L['recommended']}: {r.label}", counts[r.value]) for r in Recommendation),
        (f"{L['review_status']} {report.year}", report.review_status_label or "–"),
    ]
    _sheet(workbook, L["summary"], [L["figure"], L["value"]], summary)
    sheet = workbook[INVALID_TITLE.sub(" ", L["summary"])[:31]]
    for row in (3, 5):  # the two amounts of money
        sheet.cell(row=row, column=2).number_format = money

    kinds = [report.kind_labels[k] for k in COST_KINDS]
    _sheet(
        workbook,
        L["cost_history"],
        [L["year"], *kinds, L["total"]],
        (
            [
                y,
                *(report.cost_history[y][k] for k in COST_KINDS),
                sum(report.cost_history[y].values()),
            ]
            for y in report.cost_years
        ),
        {i: money for i in range(1, len(kinds) + 2)},
    )
    _sheet(
        workbook,
        L["memberships"],
        [
            L["network"],
            L["role"],
            L["since"],
            *kinds,
            L["year_cost"],
            L["yearly_cost"],
            L["outcome_count"],
            L["outcome_value"],
            L["score"],
            L["recommendation"],
            L["decision"],
            L["reasons"],
        ],
        (
            [
                m.network,
                m.role,
                m.since,
                *(m.cost_by_kind.get(k, Decimal(0)) for k in COST_KINDS),
                m.year_cost,
                m.yearly_cost,
                m.outcome_count,
                m.outcome_value,
                m.score,
                m.recommendation_label,
                m.decision_label,
                m.reasons,
            ]
            for m in report.memberships
        ),
        {**{i: money for i in range(3, 3 + len(kinds) + 2)}, 10: money, 11: SCORE_FORMAT},
    )
    _sheet(
        workbook,
        L["overlaps"],
        [L["network"], L["uniqueness"], L["also_covered_by"]],
        (
            [m.network, m.uniqueness, ", ".join(f"{n} ({c})" for n, c in m.overlaps)]
            for m in report.overlapping
        ),
        {1: PERCENT_FORMAT},
    )
    _sheet(
        workbook,
        L["gaps"],
        [L["theme"], L["goals"], L["priority"]],
        ([g.theme, g.goals, g.priority] for g in report.gaps),
    )
    _sheet(
        workbook,
        L["decisions"],
        [
            L["network"],
            L["score"],
            L["recommendation"],
            L["decision"],
            L["rationale"],
            L["decided_by"],
            L["decided_at"],
            L["follow_up"],
            L["due_date"],
        ],
        (
            [
                d.network,
                d.score,
                d.recommendation_label,
                d.decision_label,
                d.rationale,
                d.decided_by,
                d.decided_at,
                d.follow_up,
                d.due_date,
            ]
            for d in report.decisions
        ),
        {1: SCORE_FORMAT, 6: date, 8: date},
    )
    _sheet(
        workbook,
        L["indicators"],
        [
            L["indicator"],
            L["unit"],
            L["attached_to"],
            L["owner"],
            L["direction"],
            L["baseline"],
            L["target"],
            L["latest"],
            L["date"],
            L["on_track"],
        ],
        (
            [
                i.name,
                i.unit,
                i.attached_to,
                i.owner,
                i.direction_label,
                i.baseline,
                i.target,
                i.latest,
                i.latest_date,
                "" if i.on_track is None else L["yes"] if i.on_track else L["no"],
            ]
            for i in report.indicators
        ),
        {5: DECIMAL_FORMAT, 6: DECIMAL_FORMAT, 7: DECIMAL_FORMAT, 8: date},
    )
    _sheet(
        workbook,
        L["outcomes"],
        [L["date"], L["title_col"], L["type"], L["network"], L["value"]],
        ([o.date, o.title, o.type_label, o.network, o.value] for o in report.outcomes),
        {0: date, 4: money},
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
