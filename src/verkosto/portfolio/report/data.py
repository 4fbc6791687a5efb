"""The report as plain data (no Django): what every format renders.

Names and labels are already in the report's language; amounts stay numbers so each
format writes them its own way (38 000 € in the PDF, a number cell in the XLSX).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

COST_KINDS = ("fee", "staff", "travel", "other")
HISTORY_YEARS = 5


@dataclass(frozen=True)
class MembershipRow:
    network: str
    role: str
    since: int | None
    year_cost: Decimal | None  # the report year's cost, None when none is recorded
    cost_by_kind: dict[str, Decimal]
    yearly_cost: Decimal | None  # the scoring model's yearly cost (mean over its window)
    outcome_count: int  # in the scoring window
    outcome_value: Decimal
    score: float | None
    criteria: dict[str, float | None]
    recommendation: str  # code: retain / review / drop, "" when unknown
    recommendation_label: str
    decision: str  # code, "" when none
    decision_label: str
    reasons: str
    uniqueness: float | None
    overlaps: tuple[tuple[str, int], ...] = ()  # (network, shared themes)


@dataclass(frozen=True)
class OutcomeRow:
    date: dt.date
    type_label: str
    title: str
    network: str
    value: Decimal | None


@dataclass(frozen=True)
class GapRow:
    theme: str
    goals: str  # the goals having the theme, joined
    priority: int


@dataclass(frozen=True)
class DecisionRow:
    network: str
    recommendation_label: str
    score: float | None
    decision_label: str
    rationale: str
    decided_by: str
    decided_at: dt.datetime | None
    follow_up: str
    due_date: dt.date | None


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    unit: str
    attached_to: str
    owner: str
    direction_label: str
    baseline: Decimal | None
    baseline_year: int | None
    target: Decimal | None
    target_year: int | None
    latest: Decimal | None
    latest_date: dt.date | None
    on_track: bool | None  # latest value at or beyond the target in its direction
    values: tuple[tuple[dt.date, Decimal], ...] = ()


@dataclass
class Report:
    organisation: str
    workspace: str
    year: int
    language: str
    currency: str
    generated_at: dt.datetime
    review_status: str  # "" (no review), "open" or "closed"
    review_status_label: str
    kind_labels: dict[str, str]
    memberships: list[MembershipRow] = field(default_factory=list)
    cost_years: list[int] = field(default_factory=list)
    cost_history: dict[int, dict[str, Decimal]] = field(default_factory=dict)  # year → kind
    outcome_types: list[tuple[str, int, Decimal]] = field(default_factory=list)
    outcomes: list[OutcomeRow] = field(default_factory=list)
    gaps: list[GapRow] = field(default_factory=list)
    idle: list[str] = field(default_factory=list)  # memberships serving no goal
    has_goals: bool = False
    decisions: list[DecisionRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    sample: bool = False  # some figures come from the demo's sample set

    @property
    def total_cost(self) -> Decimal:
        return sum(self.year_costs.values(), Decimal(0))

    @property
    def year_costs(self) -> dict[str, Decimal]:
        return self.cost_history.get(self.year, {k: Decimal(0) for k in COST_KINDS})

    @property
    def recommendation_counts(self) -> dict[str, int]:
        counts = {"retain": 0, "review": 0, "drop": 0}
        for m in self.memberships:
            if m.recommendation in counts:
                counts[m.recommendation] += 1
        return counts

    @property
    def outcome_count(self) -> int:
        return sum(n for _label, n, _value in self.outcome_types)

    @property
    def outcome_value(self) -> Decimal:
        return sum((v for _label, _n, v in self.outcome_types), Decimal(0))

    @property
    def overlapping(self) -> list[MembershipRow]:
        """Memberships sharing themes with others, least unique first."""
        rows = [m for m in self.memberships if m.overlaps]
        return sorted(
            rows, key=lambda m: (m.uniqueness if m.uniqueness is not None else 1, m.network)
        )
