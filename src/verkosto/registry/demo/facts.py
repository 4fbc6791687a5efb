"""Writing the demo's partnerships, goals, memberships, people, twinnings and events.

Each record is found again by its key (``origin_id`` with ``data_source="demo"``), or by
its natural key where the model has one (a party, a fee, a contact), and brought to the
demo values with as few writes as possible.
"""

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.demo.spec import (
    EventSpec,
    GoalSpec,
    MembershipSpec,
    PartnershipSpec,
    PersonSpec,
    TwinningSpec,
)
from verkosto.registry.demo.sync import (
    Outcome,
    Tally,
    demo_owned,
    iso_date,
    origin,
    period,
    save_changes,
    tag,
)
from verkosto.registry.models import (
    Event,
    Membership,
    MembershipContact,
    MembershipFee,
    Organisation,
    Partnership,
    PartnershipParty,
    Person,
    PersonRole,
    Source,
    StrategicGoal,
    Theme,
    Twinning,
)
from verkosto.registry.services.goals import (
    event_create,
    goal_create,
    person_create,
    person_role_add,
)
from verkosto.registry.services.memberships import (
    membership_contact_add,
    membership_create,
    membership_fee_set,
    membership_update,
)
from verkosto.registry.services.partnerships import partnership_create, partnership_party_add
from verkosto.registry.services.twinnings import twinning_create, twinning_find, twinning_update


class FactLoader:
    def __init__(
        self,
        *,
        sources: dict[str, Source],
        themes: dict[str, Theme],
        organisations: dict[str, Organisation],
        workspaces: dict[str, Workspace],
        tally: Tally,
    ):
        self.sources = sources
        self.themes = themes
        self.orgs = organisations
        self.workspaces = workspaces
        self.tally = tally
        self.people: dict[str, Person] = {}

    def _themes(self, codes: tuple[str, ...]) -> list[Theme]:
        return [self.themes[code] for code in codes]

    def _workspace(self, slug: str | None) -> Workspace | None:
        return self.workspaces[slug] if slug else None

    # --- partnerships -----------------------------------------------------------------------
    def partnership(self, spec: PartnershipSpec) -> Partnership:
        source = self.sources[spec.source]
        coordinator = self.orgs[spec.coordinator] if spec.coordinator else None
        texts = {**spec.name.fields("name"), **spec.description.fields("description")}
        fields = {"kind": spec.kind, **period(spec.start, spec.end)}
        partnership = demo_owned(Partnership, spec.key)
        if partnership is None:
            partnership = partnership_create(
                actor=SYSTEM,
                source=source,
                names=texts,
                themes=self._themes(spec.themes),
                coordinator=coordinator,
                **fields,
                **origin(spec.key),
            )
            self.tally.add(Partnership, Outcome.CREATED)
        else:
            values = {
                **texts,
                **fields,
                "coordinator_id": coordinator.pk if coordinator else None,
                "source_id": source.pk,
            }
            outcome = save_changes(partnership, values, {"themes": self._themes(spec.themes)})
            self.tally.add(Partnership, outcome)
        have = set(partnership.party_links.values_list("organisation_id", "role"))
        for key, role in spec.parties:
            org = self.orgs[key]
            if (org.pk, role) in have:
                self.tally.add(PartnershipParty, Outcome.UNCHANGED)
                continue
            party = partnership_party_add(
                actor=SYSTEM, partnership=partnership, organisation=org, role=role, source=source
            )
            tag(party, f"{spec.key}/{key}/{role}")
            self.tally.add(PartnershipParty, Outcome.CREATED)
        return partnership

    # --- goals ------------------------------------------------------------------------------
    def goal(self, spec: GoalSpec) -> StrategicGoal:
        source = self.sources[spec.source]
        texts = {**spec.title.fields("title"), **spec.description.fields("description")}
        fields = {"level": spec.level, "priority": spec.priority, **period(spec.start, spec.end)}
        themes = self._themes(spec.themes)
        goal = demo_owned(StrategicGoal, spec.key)
        if goal is None:
            goal = goal_create(
                actor=SYSTEM,
                organisation=self.orgs[spec.organisation],
                source=source,
                texts=texts,
                themes=themes,
                **fields,
                **origin(spec.key),
            )
            self.tally.add(StrategicGoal, Outcome.CREATED)
            return goal
        values = {
            **texts,
            **fields,
            "organisation_id": self.orgs[spec.organisation].pk,
            "source_id": source.pk,
        }
        self.tally.add(StrategicGoal, save_changes(goal, values, {"themes": themes}))
        return goal

    # --- memberships, their fees and contacts -----------------------------------------------
    def membership(self, spec: MembershipSpec) -> Membership:
        source = self.sources[spec.source]
        workspace = self._workspace(spec.workspace)
        themes = self._themes(spec.themes)
        fields = {
            "role": spec.role,
            "status": spec.status,
            "commitments": spec.commitments,
            "note": spec.note,
            **period(spec.start, spec.end),
        }
        membership = demo_owned(Membership, spec.key)
        if membership is None:
            membership = membership_create(
                actor=SYSTEM,
                member=self.orgs[spec.member],
                organisation=self.orgs[spec.organisation],
                source=source,
                themes=themes,
                workspace=workspace,
                **fields,
                **origin(spec.key),
            )
            self.tally.add(Membership, Outcome.CREATED)
        else:
            changed = membership_update(
                actor=SYSTEM, membership=membership, source=source, themes=themes, **fields
            )
            self.tally.add(Membership, Outcome.UPDATED if changed else Outcome.UNCHANGED)
        if spec.fees or spec.contacts:
            assert workspace is not None, f"{spec.key}: fees and contacts are private"
            self._fees(spec, membership, workspace, source)
            self._contacts(spec, membership, workspace, source)
        return membership

    def _fees(
        self, spec: MembershipSpec, membership: Membership, workspace: Workspace, source: Source
    ) -> None:
        for fee_spec in spec.fees:
            fee = MembershipFee.objects.filter(
                workspace=workspace, membership=membership, year=fee_spec.year
            ).first()
            wanted = (fee_spec.amount, "EUR", fee_spec.note, source.pk)
            if fee is not None and (fee.amount, fee.currency, fee.note, fee.source_id) == wanted:
                self.tally.add(MembershipFee, Outcome.UNCHANGED)
                continue
            saved = membership_fee_set(
                actor=SYSTEM,
                workspace=workspace,
                membership=membership,
                year=fee_spec.year,
                amount=fee_spec.amount,
                note=fee_spec.note,
                source=source,
            )
            if fee is None:
                tag(saved, f"{spec.key}/fee/{fee_spec.year}")
            self.tally.add(MembershipFee, Outcome.CREATED if fee is None else Outcome.UPDATED)

    def _contacts(
        self, spec: MembershipSpec, membership: Membership, workspace: Workspace, source: Source
    ) -> None:
        for person_key, role in spec.contacts:
            person = self.people[person_key]
            contact = MembershipContact.objects.filter(
                workspace=workspace, membership=membership, person=person
            ).first()
            if contact is not None:
                outcome = save_changes(contact, {"role": role, "source_id": source.pk})
                self.tally.add(MembershipContact, outcome)
                continue
            contact = membership_contact_add(
                actor=SYSTEM,
                workspace=workspace,
                membership=membership,
                person=person,
                role=role,
                source=source,
            )
            tag(contact, f"{spec.key}/contact/{person_key}")
            self.tally.add(MembershipContact, Outcome.CREATED)

    # --- people -----------------------------------------------------------------------------
    def person(self, spec: PersonSpec) -> Person:
        source = self.sources[spec.source]
        values = {"name": spec.name, "email": spec.email, "phone": spec.phone}
        person = demo_owned(Person, spec.key)
        if person is None:
            person = person_create(
                actor=SYSTEM,
                source=source,
                workspace=self._workspace(spec.workspace),
                **values,
                **origin(spec.key),
            )
            self.tally.add(Person, Outcome.CREATED)
        else:
            self.tally.add(Person, save_changes(person, {**values, "source_id": source.pk}))
        have = set(person.roles.values_list("organisation_id", "title"))
        for org_key, title in spec.roles:
            org = self.orgs[org_key]
            if (org.pk, title) in have:
                self.tally.add(PersonRole, Outcome.UNCHANGED)
                continue
            person_role_add(
                actor=SYSTEM,
                person=person,
                organisation=org,
                title=title,
                source=source,
                **origin(f"{spec.key}/{org_key}"),
            )
            self.tally.add(PersonRole, Outcome.CREATED)
        self.people[spec.key] = person
        return person

    # --- twinnings --------------------------------------------------------------------------
    def twinning(self, spec: TwinningSpec) -> Twinning:
        source = self.sources[spec.source]
        fields = {
            "kind": spec.kind,
            "status": spec.status,
            "status_reason": spec.status_reason,
            "note": spec.note,
            **period(spec.start, spec.end),
        }
        a, b = self.orgs[spec.a], self.orgs[spec.b]
        twinning = demo_owned(Twinning, spec.key)
        if twinning is None:
            existing = twinning_find(a, b)
            if existing is not None:
                # A real record of this pair exists (an import): never cover it with a sample.
                self.tally.add(Twinning, Outcome.UNCHANGED)
                return existing
            twinning = twinning_create(
                actor=SYSTEM,
                a=a,
                b=b,
                source=source,
                workspace=self._workspace(spec.workspace),
                **fields,
                **origin(spec.key),
            )
            self.tally.add(Twinning, Outcome.CREATED)
            return twinning
        changed = twinning_update(actor=SYSTEM, twinning=twinning, source=source, **fields)
        self.tally.add(Twinning, Outcome.UPDATED if changed else Outcome.UNCHANGED)
        return twinning

    # --- events -----------------------------------------------------------------------------
    def event(self, spec: EventSpec) -> Event:
        source = self.sources[spec.source]
        organiser = self.orgs[spec.organiser] if spec.organiser else None
        network = self.orgs[spec.network] if spec.network else None
        participants = [self.orgs[key] for key in spec.participants]
        themes = self._themes(spec.themes)
        fields = {
            "kind": spec.kind,
            "start_date": iso_date(spec.start_date),
            "end_date": iso_date(spec.end_date),
            "place": spec.place,
            "report": spec.report,
        }
        event = demo_owned(Event, spec.key)
        if event is None:
            event = event_create(
                actor=SYSTEM,
                source=source,
                texts=spec.title.fields("title"),
                participants=participants,
                themes=themes,
                workspace=self._workspace(spec.workspace),
                organiser=organiser,
                network=network,
                **fields,
                **origin(spec.key),
            )
            self.tally.add(Event, Outcome.CREATED)
            return event
        values = {
            **spec.title.fields("title"),
            **fields,
            "organiser_id": organiser.pk if organiser else None,
            "network_id": network.pk if network else None,
            "source_id": source.pk,
        }
        m2m = {"participants": participants, "themes": themes}
        self.tally.add(Event, save_changes(event, values, m2m))
        return event
