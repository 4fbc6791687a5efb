"""The leadership report of an organisation with 200 memberships and 5 years of history
(fees, staff time and travel every year, outcomes, 10 indicators with 5 years of monthly
values, goals on 12 of 40 themes and an open review): the PDF must take at most 5 s.

Measured end to end (reading, scoring, drawing, WeasyPrint) with WeasyPrint already
imported, as in a running task worker; the baselines are the same report as HTML (all
but the PDF layout) and as XLSX, and the reading and scoring alone, in the same run.
"""

import datetime as dt
import random
import time
from decimal import Decimal

from bench.rows import Row, best_ms
from verkosto.accounts.models import Workspace
from verkosto.common.text import fold
from verkosto.portfolio import models as pm
from verkosto.portfolio.report.assemble import report_assemble
from verkosto.portfolio.report.render import report_render
from verkosto.registry import models as m

MEMBERSHIPS = 200
YEAR = 2025
YEARS = range(YEAR - 4, YEAR + 1)
THEMES = 40
INDICATORS = 10
TARGET_MS = 5000


def _populate() -> tuple[Workspace, m.Organisation]:
    existing = Workspace.objects.filter(slug="bench-report").select_related("organisation").first()
    if existing:
        return existing, existing.organisation
    rng = random.Random(6)
    source = m.Source.objects.create(title="benchmark: report")
    city = m.Organisation.objects.create(
        kind="municipality",
        name="Benchmark City",
        name_fi="Benchmark City",
        country="FI",
        source=source,
        search_key="|benchmark city|",
    )
    workspace = Workspace.objects.create(name="Bench", slug="bench-report", organisation=city)
    roots = m.Theme.objects.bulk_create(
        [m.Theme(code=f"bench-root-{i}", label=f"Theme {i}") for i in range(THEMES // 4)]
    )
    children = m.Theme.objects.bulk_create(
        [
            m.Theme(code=f"bench-theme-{i}", label=f"Subtheme {i}", parent=roots[i % len(roots)])
            for i in range(THEMES - len(roots))
        ]
    )
    themes = roots + children
    for g in range(6):
        goal = m.StrategicGoal.objects.create(
            organisation=city, title=f"Goal {g}", source=source, priority=1 + g % 3
        )
        goal.themes.set(rng.sample(themes, 2))
    networks = m.Organisation.objects.bulk_create(
        [
            m.Organisation(
                kind="network",
                name=f"Network {i:03}",
                name_fi=f"Verkosto {i:03}",
                name_en=f"Network {i:03}",
                country="FI",
                source=source,
                search_key=f"|{fold(f'Network {i:03}')}|",
            )
            for i in range(MEMBERSHIPS)
        ]
    )
    memberships = m.Membership.objects.bulk_create(
        [
            m.Membership(
                member=city,
                organisation=n,
                source=source,
                start=dt.date(2005 + i % 20, 1, 1),
            )
            for i, n in enumerate(networks)
        ]
    )
    through = m.Membership.themes.through
    through.objects.bulk_create(
        [
            through(membership_id=ms.pk, theme_id=t.pk)
            for ms in memberships
            for t in rng.sample(themes, rng.randint(1, 4))
        ]
    )
    fees, lines, outcomes, events = [], [], [], []
    for ms in memberships:
        base = Decimal(rng.randint(500, 60_000))
        for year in YEARS:
            fees.append(
                m.MembershipFee(
                    workspace=workspace, membership=ms, year=year, amount=base, source=source
                )
            )
            hours = Decimal(rng.randint(10, 300))
            lines.append(
                pm.CostLine(
                    workspace=workspace,
                    membership=ms,
                    year=year,
                    kind="staff",
                    amount=hours * 55,
                    staff_hours=hours,
                    hourly_rate=Decimal(55),
                )
            )
            lines.append(
                pm.CostLine(
                    workspace=workspace,
                    membership=ms,
                    year=year,
                    kind="travel",
                    amount=Decimal(rng.randint(0, 8000)),
                )
            )
            for _ in range(rng.choice((0, 0, 1, 2))):
                outcomes.append(
                    pm.Outcome(
                        workspace=workspace,
                        membership=ms,
                        type=rng.choice(pm.OutcomeType.values),
                        title=f"Outcome of {ms.pk} in {year}",
                        title_fi=f"Tulos {ms.pk} {year}",
                        date=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        value_estimate=Decimal(rng.randint(0, 200_000))
                        if rng.random() < 0.5
                        else None,
                    )
                )
            if rng.random() < 0.6:
                events.append(
                    m.Event(
                        title=f"Event {ms.pk} {year}",
                        kind="conference",
                        network_id=ms.organisation_id,
                        start_date=dt.date(year, 6, 1),
                        source=source,
                    )
                )
    m.MembershipFee.objects.bulk_create(fees, batch_size=2000)
    pm.CostLine.objects.bulk_create(lines, batch_size=2000)
    pm.Outcome.objects.bulk_create(outcomes, batch_size=2000)
    events = m.Event.objects.bulk_create(events, batch_size=2000)
    m.Event.participants.through.objects.bulk_create(
        [m.Event.participants.through(event_id=e.pk, organisation_id=city.pk) for e in events],
        batch_size=2000,
    )
    for i in range(INDICATORS):
        indicator = pm.Indicator.objects.create(
            workspace=workspace,
            name=f"Indicator {i}",
            owner=city,
            unit="%",
            target=Decimal(80),
            target_year=2030,
            organisation=city if i % 2 else None,
            membership=None if i % 2 else memberships[i],
        )
        pm.IndicatorValue.objects.bulk_create(
            [
                pm.IndicatorValue(
                    indicator=indicator,
                    date=dt.date(year, month, 1),
                    value=Decimal(rng.randint(20, 90)),
                )
                for year in YEARS
                for month in range(1, 13)
            ]
        )
    pm.Review.objects.create(
        workspace=workspace,
        organisation=city,
        year=YEAR,
        opened_at=dt.datetime(YEAR, 11, 1, tzinfo=dt.UTC),
    )
    return workspace, city


def _best_cpu_ms(fn, repeat: int = 3) -> float:
    """Best CPU time of this process: on a machine shared with other jobs, wall-clock
    time measures the neighbours too, CPU time only the report."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def run() -> list[Row]:
    import weasyprint  # noqa: F401  (a worker has it loaded: its import is not the report's)

    workspace, city = _populate()

    def assemble():
        return report_assemble(workspace=workspace, organisation=city, year=YEAR, language="fi")

    def pdf():
        return report_render(assemble(), "pdf")

    def html():
        return report_render(assemble(), "html")

    report = assemble()
    assert len(report.memberships) == MEMBERSHIPS, len(report.memberships)
    pdf()  # warm fonts and templates
    pdf_wall, html_wall = best_ms(pdf, repeat=3), best_ms(html, repeat=3)
    pdf_cpu, html_cpu = _best_cpu_ms(pdf), _best_cpu_ms(html)
    xlsx = best_ms(lambda: report_render(assemble(), "xlsx"), repeat=3)
    reading = best_ms(assemble, repeat=3)
    verdict = "≤" if pdf_wall <= TARGET_MS else ">"
    return [
        Row(
            f"report PDF, {MEMBERSHIPS} memberships, wall ({verdict} 5 s)",
            pdf_wall,
            html_wall,
            "ms",
            "the same report as HTML",
        ),
        Row(
            f"report PDF, {MEMBERSHIPS} memberships, CPU time",
            pdf_cpu,
            html_cpu,
            "ms",
            "the same report as HTML",
        ),
        Row(
            f"report XLSX, {MEMBERSHIPS} memberships",
            xlsx,
            reading,
            "ms",
            "reading + scoring alone",
        ),
    ]
