"""``demo_load``: write the demo data through the services, as ``SYSTEM``, in one
transaction. Loading again changes nothing; loading after (or before) the real importers
merges with what they wrote instead of duplicating it."""

import sys
from typing import IO

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from verkosto.accounts.models import Role, Workspace, WorkspaceMember
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.services import workspace_create, workspace_member_set
from verkosto.registry.demo.data.goals import GOALS
from verkosto.registry.demo.data.organisations import ORGANISATIONS
from verkosto.registry.demo.data.partnerships import NETWORK_MEMBERSHIPS, PARTNERSHIPS
from verkosto.registry.demo.data.samples import (
    EVENTS,
    PEOPLE,
    SAMPLE_MEMBERSHIPS,
    SAMPLE_ORGANISATIONS,
    TWINNINGS,
    WORKSPACES,
)
from verkosto.registry.demo.data.sources import SOURCES
from verkosto.registry.demo.data.themes import THEMES
from verkosto.registry.demo.facts import FactLoader
from verkosto.registry.demo.organisations import OrganisationLoader
from verkosto.registry.demo.spec import DemoUserSpec
from verkosto.registry.demo.sync import (
    REASON,
    DemoConflict,
    Outcome,
    Tally,
    iso_date,
    save_changes,
)
from verkosto.registry.models import Organisation, Source, Theme
from verkosto.registry.services.common import save_validated
from verkosto.registry.services.goals import theme_create

# A known password on purpose: this user is for a local demo only (see WARNING).
DEMO_USER = DemoUserSpec(
    username="demo",
    password="demo",  # noqa: S106
    roles=(("helsinki", Role.EDITOR),),
)

WARNING = (
    "WARNING: the user 'demo' with the password 'demo' is for trying verkosto out on your "
    "own machine only. It must never exist on a shared server: delete it there "
    '(verkosto shell -c "from django.contrib.auth.models import User; '
    "User.objects.filter(username='demo').delete()\") or load the demo with --no-user."
)


def demo_load(*, stdout: IO[str] | None = None, with_user: bool = True) -> dict:
    """Load the demo data; return created/updated/unchanged counts per model.

    Raises DemoConflict (and writes nothing) when the database holds records the demo
    cannot merge with safely, e.g. two organisations that both fit one demo city.
    """
    out = stdout or sys.stdout
    tally = Tally()
    # Reading a translated field (``obj.name``) follows the active language; compare and
    # write in one fixed language whatever the caller has active.
    with translation.override("fi"), transaction.atomic():
        sources = _sources(tally)
        themes = _themes(tally)
        orgs = OrganisationLoader(sources=sources, themes=themes, tally=tally).load(
            (*ORGANISATIONS, *SAMPLE_ORGANISATIONS)
        )
        workspaces = _workspaces(orgs, tally)
        if with_user:
            _demo_user(workspaces, tally)
        facts = FactLoader(
            sources=sources, themes=themes, organisations=orgs, workspaces=workspaces, tally=tally
        )
        for partnership in PARTNERSHIPS:
            facts.partnership(partnership)
        for goal in GOALS:
            facts.goal(goal)
        for person in PEOPLE:
            facts.person(person)
        for membership in (*NETWORK_MEMBERSHIPS, *SAMPLE_MEMBERSHIPS):
            facts.membership(membership)
        for twinning in TWINNINGS:
            facts.twinning(twinning)
        for event in EVENTS:
            facts.event(event)
        # Sample costs, outcomes, indicators and reviews of the portfolio app.
        from verkosto.portfolio.demo import portfolio_demo_load

        portfolio_demo_load(facts)
        from verkosto.knowledge.demo import knowledge_demo_load

        knowledge_demo_load(facts)
    counts = tally.as_dict()
    _print_summary(out, counts, tally)
    if with_user:
        out.write(WARNING + "\n")
    return counts


def _sources(tally: Tally) -> dict[str, Source]:
    found = {s.key: s for s in Source.objects.filter(key__in=[spec.key for spec in SOURCES])}
    for spec in SOURCES:
        values = {
            "title": spec.title,
            "publisher": spec.publisher,
            "url": spec.url,
            "published": iso_date(spec.published),
            "locator": spec.locator,
            "licence": spec.licence,
            "attribution": spec.attribution,
            "is_sample": spec.is_sample,
        }
        source = found.get(spec.key)
        if source is None:
            source = Source(key=spec.key, **values)
            save_validated(source, actor=SYSTEM, reason=REASON)
            found[spec.key] = source
            tally.add(Source, Outcome.CREATED)
        else:
            tally.add(Source, save_changes(source, values))
    return found


def _themes(tally: Tally) -> dict[str, Theme]:
    found = {t.code: t for t in Theme.objects.filter(code__in=[spec.code for spec in THEMES])}
    for spec in THEMES:
        parent = found[spec.parent] if spec.parent else None
        theme = found.get(spec.code)
        if theme is None:
            found[spec.code] = theme_create(
                actor=SYSTEM,
                code=spec.code,
                labels=spec.label.fields("label"),
                parent=parent,
                sdg=spec.sdg,
            )
            tally.add(Theme, Outcome.CREATED)
        else:
            values = {
                **spec.label.fields("label"),
                "parent_id": parent.pk if parent else None,
                "sdg": spec.sdg,
            }
            tally.add(Theme, save_changes(theme, values))
    return found


def _workspaces(orgs: dict[str, Organisation], tally: Tally) -> dict[str, Workspace]:
    found: dict[str, Workspace] = {}
    for spec in WORKSPACES:
        org = orgs[spec.organisation]
        workspace = Workspace.objects.filter(slug=spec.slug).first()
        if workspace is None:
            workspace = workspace_create(
                actor=SYSTEM, name=spec.name, slug=spec.slug, organisation=org
            )
            tally.add(Workspace, Outcome.CREATED)
        elif workspace.organisation_id != org.pk:
            raise DemoConflict(
                f"workspace {spec.slug!r} exists for another organisation "
                f"({workspace.organisation_id}, not {org.pk})"
            )
        else:
            tally.add(Workspace, Outcome.UNCHANGED)
        found[spec.slug] = workspace
    return found


def _demo_user(workspaces: dict[str, Workspace], tally: Tally) -> None:
    user_model = get_user_model()
    user = user_model.objects.filter(username=DEMO_USER.username).first()
    if user is None:
        user = user_model.objects.create_user(DEMO_USER.username, password=DEMO_USER.password)
        tally.add("User", Outcome.CREATED)
    else:
        # An existing demo user keeps whatever password it was given since.
        tally.add("User", Outcome.UNCHANGED)
    for slug, role in DEMO_USER.roles:
        had = WorkspaceMember.objects.filter(
            workspace=workspaces[slug], user=user, role=role
        ).exists()
        workspace_member_set(actor=SYSTEM, workspace=workspaces[slug], user=user, role=role)
        tally.add(WorkspaceMember, Outcome.UNCHANGED if had else Outcome.CREATED)


def _print_summary(out: IO[str], counts: dict[str, dict[str, int]], tally: Tally) -> None:
    out.write("Demo data loaded:\n")
    width = max(len(name) for name in counts)
    for name in sorted(counts):
        c = counts[name]
        out.write(
            f"  {name:<{width}}  {c['created']:>3} created, {c['updated']:>3} updated, "
            f"{c['unchanged']:>3} unchanged\n"
        )
    out.write(
        f"  total: {tally.total(Outcome.CREATED)} created, {tally.total(Outcome.UPDATED)} "
        f"updated, {tally.total(Outcome.UNCHANGED)} unchanged\n"
    )
