"""Sample portfolio data for the demo — illustrative figures, NOT facts.

Costs, outcomes, indicators and reviews for Helsinki (its 2024 review closed with
decisions, its 2025 review open) and for Vaasa (a closed 2024 review), so that ``make demo``
shows a real review and report. Every portfolio record cites the source "Sample figures
(illustrative)" (``is_sample=True``); the few registry facts added here (one membership,
its fees, one event) carry the registry demo's own sample source and are private to
Helsinki's workspace, like the registry's other samples.

Called by ``registry.demo.load.demo_load`` inside its transaction, after the registry
facts. Loading again changes nothing: each record is found by its natural key and written
only when it differs.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.services import workspace_create
from verkosto.portfolio.models import (
    CostLine,
    Evaluation,
    Indicator,
    IndicatorValue,
    Outcome,
    Review,
)
from verkosto.portfolio.services import reviews
from verkosto.portfolio.services.costs import cost_line_create
from verkosto.portfolio.services.indicators import indicator_create, indicator_value_set
from verkosto.portfolio.services.outcomes import outcome_create
from verkosto.registry.demo.data.sources import SAMPLE
from verkosto.registry.demo.spec import EventSpec, FeeSpec, MembershipSpec, Texts
from verkosto.registry.demo.sync import REASON, demo_owned, save_changes
from verkosto.registry.demo.sync import Outcome as Tallied
from verkosto.registry.models import Membership, Source, StrategicGoal
from verkosto.registry.services.common import save_validated

T = Texts
SOURCE_KEY = "demo-portfolio-sample"
SOURCE_TITLE = (
    "Esimerkkiluvut (havainnollistavia) · Exempelsiffror (illustrativa) · "
    "Sample figures (illustrative)"
)
HELSINKI, VAASA = "helsinki", "vaasa"
EUROCITIES = "sample-membership-helsinki-eurocities"
UBC = "sample-membership-helsinki-ubc"
COVENANT = "sample-membership-helsinki-covenant"
C21 = "sample-membership-helsinki-c21"
VAASA_GROWTH = "membership-kasvukaupungit-fi-vaasa"


def _utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


# --- registry samples this module needs (private to Helsinki, registry's sample source) ----

MEMBERSHIPS = (
    MembershipSpec(
        key=C21,
        member="fi-helsinki",
        organisation="network-c21",
        source=SAMPLE,
        workspace=HELSINKI,
        themes=("advocacy", "urban-policy"),
        start="2013",
        note="Sample: national advocacy of the largest cities.",
        fees=(
            FeeSpec(2024, Decimal("14500.00"), "Sample fee."),
            FeeSpec(2025, Decimal("15000.00"), "Sample fee."),
        ),
    ),
)

EVENTS = (
    EventSpec(
        key="sample-event-c21-mayors-2025",
        title=T(
            "C21-kaupunkien pormestaritapaaminen 2025",
            "C21-städernas borgmästarmöte 2025",
            "C21 mayors' meeting 2025",
        ),
        kind="meeting",
        start_date="2025-09-18",
        place="Tampere",
        source=SAMPLE,
        workspace=HELSINKI,
        organiser="network-c21",
        network="network-c21",
        participants=("fi-helsinki",),
        themes=("urban-policy", "advocacy"),
        report="Sample report: joint position on the cities' financing for the next term.",
    ),
    EventSpec(
        key="sample-event-eurocities-forum-2024",
        title=T(
            "Eurocities-foorumi: digitaaliset palvelut 2024",
            "Eurocities-forum: digitala tjänster 2024",
            "Eurocities forum on digital services 2024",
        ),
        kind="conference",
        start_date="2024-11-06",
        place="Gent",
        source=SAMPLE,
        workspace=HELSINKI,
        organiser="network-eurocities",
        network="network-eurocities",
        participants=("fi-helsinki",),
        themes=("digitalisation",),
        report="Sample report: Helsinki presented its AI register.",
    ),
)


# --- portfolio samples ---------------------------------------------------------------------


@dataclass(frozen=True)
class CostSpec:
    workspace: str
    membership: str
    year: int
    kind: str
    amount: str = ""
    hours: str = ""
    rate: str = ""
    note: str = ""


@dataclass(frozen=True)
class OutcomeSpec:
    workspace: str
    membership: str
    type: str
    date: str
    title: Texts
    value: str = ""
    evidence: str = ""
    goals: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorSpec:
    workspace: str
    name: Texts
    owner: str
    unit: str
    direction: str
    attach: tuple[str, str]  # ("organisation" | "goal" | "membership", key)
    baseline: str = ""
    baseline_year: int | None = None
    target: str = ""
    target_year: int | None = None
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReviewSpec:
    workspace: str
    year: int
    opened: str
    closed: str = ""  # empty: stays open
    decisions: tuple[tuple[str, str, str], ...] = ()  # (membership key, decision, rationale)


RATE = "58"  # € an hour, staff cost with overheads (sample)

COSTS = (
    CostSpec(HELSINKI, EUROCITIES, 2024, "staff", hours="320", rate=RATE, note="Working groups."),
    CostSpec(HELSINKI, EUROCITIES, 2025, "staff", hours="340", rate=RATE, note="Working groups."),
    CostSpec(HELSINKI, EUROCITIES, 2024, "travel", "6200", note="AGM and two forums."),
    CostSpec(HELSINKI, EUROCITIES, 2025, "travel", "7400", note="AGM and three forums."),
    CostSpec(HELSINKI, UBC, 2024, "staff", hours="160", rate=RATE),
    CostSpec(HELSINKI, UBC, 2025, "staff", hours="150", rate=RATE),
    CostSpec(HELSINKI, UBC, 2024, "travel", "3100", note="General conference."),
    CostSpec(HELSINKI, UBC, 2025, "travel", "2800"),
    CostSpec(HELSINKI, UBC, 2025, "other", "21500", note="Commission secretariat share."),
    CostSpec(HELSINKI, COVENANT, 2024, "staff", hours="220", rate=RATE, note="Reporting."),
    CostSpec(HELSINKI, COVENANT, 2025, "staff", hours="200", rate=RATE, note="Reporting."),
    CostSpec(HELSINKI, C21, 2024, "staff", hours="120", rate=RATE),
    CostSpec(HELSINKI, C21, 2025, "staff", hours="110", rate=RATE),
    CostSpec(HELSINKI, C21, 2025, "travel", "900"),
    CostSpec(VAASA, VAASA_GROWTH, 2024, "staff", hours="90", rate="52"),
    CostSpec(VAASA, VAASA_GROWTH, 2024, "other", "8000", note="Network contribution."),
    CostSpec(VAASA, VAASA_GROWTH, 2025, "staff", hours="100", rate="52"),
    CostSpec(VAASA, VAASA_GROWTH, 2025, "other", "8000", note="Network contribution."),
)

OUTCOMES = (
    OutcomeSpec(
        HELSINKI,
        EUROCITIES,
        "funding",
        "2024-10-15",
        T(
            "Horizon Europe -rahoitus digitaalisten palvelujen hankkeelle",
            "Horisont Europa-finansiering för ett projekt om digitala tjänster",
            "Horizon Europe funding for a digital services project",
        ),
        value="420000",
        evidence="Sample: consortium formed through the Eurocities digital forum.",
        goals=("helsinki-goal-eu-funding", "helsinki-goal-eu-digitalisation"),
    ),
    OutcomeSpec(
        HELSINKI,
        EUROCITIES,
        "partnership",
        "2025-06-12",
        T(
            "Kumppanuus Gentin ja Tallinnan kanssa tekoälyrekisteristä",
            "Partnerskap med Gent och Tallinn om AI-registret",
            "Partnership with Ghent and Tallinn on the AI register",
        ),
        evidence="Sample: agreed at the Eurocities AGM 2025.",
        goals=("helsinki-goal-eu-digitalisation",),
    ),
    OutcomeSpec(
        HELSINKI,
        UBC,
        "practice",
        "2022-05-20",
        T(
            "Itämeren kaupunkien vesiensuojelun käytäntö otettu käyttöön",
            "Östersjöstädernas praxis för vattenskydd införd",
            "Baltic cities' water protection practice adopted",
        ),
        evidence="Sample: adopted from the UBC sustainable cities commission.",
    ),
    OutcomeSpec(
        HELSINKI,
        COVENANT,
        "practice",
        "2024-03-01",
        T(
            "Ilmasto-ohjelman seuranta Covenant-raportointimallilla",
            "Uppföljning av klimatprogrammet med Covenant-rapporteringen",
            "Climate programme monitored with the Covenant reporting framework",
        ),
        goals=("helsinki-goal-eu-climate",),
    ),
    OutcomeSpec(
        HELSINKI,
        C21,
        "advocacy",
        "2025-04-30",
        T(
            "Suurten kaupunkien yhteinen kanta hallitusohjelman kaupunkipolitiikkaan",
            "De stora städernas gemensamma ståndpunkt om stadspolitiken",
            "Large cities' joint position on urban policy adopted by the government",
        ),
        evidence="Sample: cited in the government's urban policy paper.",
        goals=("helsinki-goal-eu-urban-policy-dialogue",),
    ),
    OutcomeSpec(
        VAASA,
        VAASA_GROWTH,
        "advocacy",
        "2024-09-10",
        T(
            "Kasvukaupunkien yhteinen lausunto koulutuksen aloituspaikoista",
            "Tillväxtstädernas gemensamma utlåtande om utbildningsplatser",
            "Growth cities' joint statement on study places",
        ),
    ),
)

INDICATORS = (
    IndicatorSpec(
        HELSINKI,
        T(
            "Kasvihuonekaasupäästöt",
            "Växthusgasutsläpp",
            "Greenhouse gas emissions",
        ),
        owner="fi-helsinki",
        unit="kt CO₂e",
        direction="down",
        attach=("goal", "helsinki-goal-eu-climate"),
        baseline="3400",
        baseline_year=1990,
        target="680",
        target_year=2030,
        values=(
            ("2021-12-31", "2330"),
            ("2022-12-31", "2150"),
            ("2023-12-31", "2010"),
            ("2024-12-31", "1880"),
        ),
    ),
    IndicatorSpec(
        HELSINKI,
        T(
            "Verkostojen kautta saatu EU-rahoitus",
            "EU-finansiering via nätverk",
            "EU funding won through networks",
        ),
        owner="fi-helsinki",
        unit="€",
        direction="up",
        attach=("organisation", "fi-helsinki"),
        target="1000000",
        target_year=2027,
        values=(
            ("2023-12-31", "150000"),
            ("2024-12-31", "420000"),
            ("2025-12-31", "380000"),
        ),
    ),
    IndicatorSpec(
        HELSINKI,
        T(
            "Osallistuminen työryhmiin",
            "Deltagande i arbetsgrupper",
            "Working groups taken part in",
        ),
        owner="fi-helsinki",
        unit="kpl",
        direction="up",
        attach=("membership", EUROCITIES),
        baseline="3",
        baseline_year=2023,
        target="6",
        target_year=2026,
        values=(("2024-12-31", "4"), ("2025-12-31", "5")),
    ),
)

REVIEWS = (
    ReviewSpec(
        HELSINKI,
        2024,
        opened="2025-01-08T09:00:00",
        closed="2025-01-31T15:00:00",
        decisions=(
            (EUROCITIES, "retain", "Tuo EU-rahoitusta ja vertailutietoa digipalveluihin."),
            (COVENANT, "retain", "Ilmasto-ohjelman raportointi perustuu tähän."),
            (C21, "retain", "Kansallisen edunvalvonnan pääkanava."),
            (UBC, "review", "Ei tuloksia vuoden 2022 jälkeen; arvioidaan uudelleen 2025."),
        ),
    ),
    ReviewSpec(HELSINKI, 2025, opened="2026-01-12T09:00:00"),
    ReviewSpec(
        VAASA,
        2024,
        opened="2025-01-20T09:00:00",
        closed="2025-02-14T12:00:00",
        decisions=((VAASA_GROWTH, "retain", "Tärkein kanava valtion kumppanuuteen."),),
    ),
)


class PortfolioDemo:
    """Writes the samples above; ``facts`` is the registry demo's FactLoader."""

    def __init__(self, facts) -> None:
        self.facts = facts
        self.tally = facts.tally
        self.orgs = facts.orgs
        self.workspaces: dict[str, Workspace] = dict(facts.workspaces)
        self.memberships: dict[str, Membership] = {}

    def load(self) -> None:
        for spec in MEMBERSHIPS:
            self.facts.membership(spec)
        for spec in EVENTS:
            self.facts.event(spec)
        self.source = self._source()
        self._workspace(VAASA, "Vaasa", "fi-vaasa")
        for key in {c.membership for c in COSTS} | {o.membership for o in OUTCOMES}:
            self.memberships[key] = demo_owned(Membership, key)
        for spec in COSTS:
            self._cost(spec)
        for spec in OUTCOMES:
            self._outcome(spec)
        for spec in INDICATORS:
            self._indicator(spec)
        for spec in REVIEWS:
            self._review(spec)

    def _source(self) -> Source:
        values = {"title": SOURCE_TITLE, "publisher": "verkosto", "is_sample": True}
        source = Source.objects.filter(key=SOURCE_KEY).first()
        if source is None:
            source = Source(key=SOURCE_KEY, **values)
            save_validated(source, actor=SYSTEM, reason=REASON)
            self.tally.add(Source, Tallied.CREATED)
        else:
            self.tally.add(Source, save_changes(source, values))
        return source

    def _workspace(self, slug: str, name: str, org_key: str) -> None:
        workspace = Workspace.objects.filter(slug=slug).first()
        if workspace is None:
            workspace = workspace_create(
                actor=SYSTEM, name=name, slug=slug, organisation=self.orgs[org_key]
            )
            self.tally.add(Workspace, Tallied.CREATED)
        else:
            self.tally.add(Workspace, Tallied.UNCHANGED)
        self.workspaces[slug] = workspace

    def _cost(self, spec: CostSpec) -> None:
        ws, membership = self.workspaces[spec.workspace], self.memberships[spec.membership]
        found = CostLine.objects.filter(
            workspace=ws, membership=membership, year=spec.year, kind=spec.kind, source=self.source
        ).first()
        hours = Decimal(spec.hours) if spec.hours else None
        rate = Decimal(spec.rate) if spec.rate else None
        amount = hours * rate if hours is not None and rate is not None else Decimal(spec.amount)
        if found is not None:
            values = {
                "amount": amount,
                "staff_hours": hours,
                "hourly_rate": rate,
                "note": spec.note,
            }
            self.tally.add(CostLine, save_changes(found, values))
            return
        cost_line_create(
            actor=SYSTEM,
            workspace=ws,
            membership=membership,
            year=spec.year,
            kind=spec.kind,
            amount=amount,
            staff_hours=hours,
            hourly_rate=rate,
            note=spec.note,
            source=self.source,
        )
        self.tally.add(CostLine, Tallied.CREATED)

    def _goals(self, keys: tuple[str, ...]) -> list[StrategicGoal]:
        return [demo_owned(StrategicGoal, key) for key in keys]

    def _outcome(self, spec: OutcomeSpec) -> None:
        ws = self.workspaces[spec.workspace]
        found = Outcome.objects.filter(
            workspace=ws, source=self.source, title_en=spec.title.en
        ).first()
        fields = {
            "type": spec.type,
            "date": dt.date.fromisoformat(spec.date),
            "value_estimate": Decimal(spec.value) if spec.value else None,
            "evidence": spec.evidence,
        }
        if found is not None:
            values = {**fields, **spec.title.fields("title")}
            values["membership_id"] = self.memberships[spec.membership].pk
            m2m = {"goals": self._goals(spec.goals)}
            self.tally.add(Outcome, save_changes(found, values, m2m))
            return
        outcome_create(
            actor=SYSTEM,
            workspace=ws,
            titles={"fi": spec.title.fi, "sv": spec.title.sv, "en": spec.title.en},
            membership=self.memberships[spec.membership],
            goals=self._goals(spec.goals),
            source=self.source,
            **fields,
        )
        self.tally.add(Outcome, Tallied.CREATED)

    def _indicator(self, spec: IndicatorSpec) -> None:
        ws = self.workspaces[spec.workspace]
        kind, key = spec.attach
        target = {
            "organisation": lambda: self.orgs[key],
            "goal": lambda: demo_owned(StrategicGoal, key),
            "membership": lambda: demo_owned(Membership, key),
        }[kind]()
        fields = {
            "unit": spec.unit,
            "direction": spec.direction,
            "baseline": Decimal(spec.baseline) if spec.baseline else None,
            "baseline_year": spec.baseline_year,
            "target": Decimal(spec.target) if spec.target else None,
            "target_year": spec.target_year,
        }
        indicator = Indicator.objects.filter(
            workspace=ws, source=self.source, name_en=spec.name.en
        ).first()
        if indicator is None:
            indicator = indicator_create(
                actor=SYSTEM,
                workspace=ws,
                names={"fi": spec.name.fi, "sv": spec.name.sv, "en": spec.name.en},
                owner=self.orgs[spec.owner],
                source=self.source,
                **{kind: target},
                **fields,
            )
            self.tally.add(Indicator, Tallied.CREATED)
        else:
            self.tally.add(Indicator, save_changes(indicator, fields))
        have = dict(indicator.values.values_list("date", "value"))
        for day, value in spec.values:
            date, number = dt.date.fromisoformat(day), Decimal(value)
            if have.get(date) == number:
                self.tally.add(IndicatorValue, Tallied.UNCHANGED)
                continue
            indicator_value_set(
                actor=SYSTEM, indicator=indicator, date=date, value=number, source=self.source
            )
            self.tally.add(IndicatorValue, Tallied.UPDATED if date in have else Tallied.CREATED)

    def _review(self, spec: ReviewSpec) -> None:
        ws = self.workspaces[spec.workspace]
        found = Review.objects.filter(workspace=ws, organisation=ws.organisation, year=spec.year)
        if found.exists():
            # Reviews are people's work: once there, the demo never rewrites them.
            self.tally.add(Review, Tallied.UNCHANGED)
            return
        review = reviews.review_open(
            actor=SYSTEM, workspace=ws, year=spec.year, now=_utc(spec.opened)
        )
        for key, decision, rationale in spec.decisions:
            reviews.evaluation_decide(
                actor=SYSTEM,
                review=review,
                membership=self.memberships.get(key) or demo_owned(Membership, key),
                decision=decision,
                rationale=rationale,
                now=_utc(spec.opened) + dt.timedelta(days=7),
            )
            self.tally.add(Evaluation, Tallied.CREATED)
        if spec.closed:
            reviews.review_close(actor=SYSTEM, review=review, now=_utc(spec.closed))
        self.tally.add(Review, Tallied.CREATED)


def portfolio_demo_load(facts) -> None:
    """Load the portfolio samples (the registry demo's hook; see the module docstring)."""
    PortfolioDemo(facts).load()
