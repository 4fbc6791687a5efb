"""Sample data for trying verkosto out — NOT facts.

Helsinki's workspace gets a few memberships in international networks with annual fees, a
contact person, cooperation agreements in different states, and two events. Every record
here carries the sample source (``is_sample=True``) and is private to the Helsinki
workspace, so none of it ever shows in the public registry as if it were true.
"""

from decimal import Decimal

from verkosto.registry.demo.data.sources import SAMPLE
from verkosto.registry.demo.spec import (
    EventSpec,
    FeeSpec,
    MembershipSpec,
    NameSpec,
    NetworkSpec,
    OrganisationSpec,
    PersonSpec,
    Texts,
    TwinningSpec,
    WorkspaceSpec,
)

T = Texts
WS = "helsinki"
HELSINKI = "fi-helsinki"

WORKSPACES: tuple[WorkspaceSpec, ...] = (
    WorkspaceSpec(slug="helsinki", name="Helsinki", organisation=HELSINKI),
    WorkspaceSpec(slug="norrkoping", name="Norrköping", organisation="se-norrkoping"),
)

# Organisations needed only by the samples; the real importers merge into them by name.
SAMPLE_ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="network-eurocities",
        kind="network",
        name=T("Eurocities", "Eurocities", "Eurocities"),
        country="",
        source=SAMPLE,
        network=NetworkSpec("international", "general", ("urban-policy",)),
    ),
    OrganisationSpec(
        key="network-ubc",
        kind="network",
        name=T(
            "Itämeren kaupunkien liitto", "Östersjöstädernas förbund", "Union of the Baltic Cities"
        ),
        country="",
        source=SAMPLE,
        other_names=(NameSpec("UBC", "abbreviation"),),
        network=NetworkSpec("international", "general", ("sustainable-urban-development",)),
    ),
    OrganisationSpec(
        key="network-covenant-of-mayors",
        kind="network",
        name=T(
            "Kaupunginjohtajien ilmasto- ja energiasopimus",
            "Borgmästaravtalet för klimat och energi",
            "Covenant of Mayors for Climate & Energy",
        ),
        country="",
        source=SAMPLE,
        other_names=(NameSpec("Covenant of Mayors", "alias", "en"),),
        network=NetworkSpec("eu", "thematic", ("climate-mitigation",)),
    ),
    OrganisationSpec(
        key="ee-tallinn",
        kind="municipality",
        name=T("Tallinna", "Tallinn", "Tallinn"),
        country="EE",
        source=SAMPLE,
    ),
    OrganisationSpec(
        key="ru-saint-petersburg",
        kind="municipality",
        name=T("Pietari", "Sankt Petersburg", "Saint Petersburg"),
        country="RU",
        source=SAMPLE,
    ),
    OrganisationSpec(
        key="is-reykjavik",
        kind="municipality",
        name=T("Reykjavík", "Reykjavik", "Reykjavík"),
        country="IS",
        source=SAMPLE,
    ),
)

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        key="person-sample-contact",
        name="Maija Esimerkki",
        email="maija.esimerkki@example.org",
        source=SAMPLE,
        workspace=WS,
        roles=((HELSINKI, "Kansainvälisten asioiden asiantuntija (esimerkki)"),),
    ),
)

SAMPLE_MEMBERSHIPS: tuple[MembershipSpec, ...] = (
    MembershipSpec(
        key="sample-membership-helsinki-eurocities",
        member=HELSINKI,
        organisation="network-eurocities",
        source=SAMPLE,
        workspace=WS,
        themes=("urban-policy", "digitalisation"),
        start="1995",
        note="Sample: used for benchmarking and EU urban policy dialogue.",
        fees=(
            FeeSpec(2024, Decimal("21800.00"), "Sample fee."),
            FeeSpec(2025, Decimal("22500.00"), "Sample fee."),
        ),
        contacts=(("person-sample-contact", "Eurocities contact"),),
    ),
    MembershipSpec(
        key="sample-membership-helsinki-ubc",
        member=HELSINKI,
        organisation="network-ubc",
        source=SAMPLE,
        workspace=WS,
        themes=("sustainable-urban-development",),
        start="1991",
        note="Sample: to be reviewed in the yearly network review.",
        fees=(FeeSpec(2025, Decimal("6400.00"), "Sample fee."),),
        contacts=(("person-sample-contact", "UBC contact"),),
    ),
    MembershipSpec(
        key="sample-membership-helsinki-covenant",
        member=HELSINKI,
        organisation="network-covenant-of-mayors",
        source=SAMPLE,
        workspace=WS,
        role="signatory",
        themes=("climate-mitigation",),
        commitments="CoM 2030",
        start="2009",
        fees=(FeeSpec(2025, Decimal("0.00"), "Sample: signing the Covenant costs no fee."),),
    ),
)

TWINNINGS: tuple[TwinningSpec, ...] = (
    TwinningSpec(
        key="sample-twinning-helsinki-tallinn",
        a=HELSINKI,
        b="ee-tallinn",
        source=SAMPLE,
        workspace=WS,
        kind="cooperation_agreement",
        status="active",
        start="1993",
        note="Sample: joint work on digital services and the twin-city region.",
    ),
    TwinningSpec(
        key="sample-twinning-helsinki-saint-petersburg",
        a=HELSINKI,
        b="ru-saint-petersburg",
        source=SAMPLE,
        workspace=WS,
        kind="cooperation_agreement",
        status="suspended",
        start="1997",
        status_reason=(
            "Sample: cooperation suspended in March 2022 after Russia's full-scale invasion "
            "of Ukraine."
        ),
    ),
    TwinningSpec(
        key="sample-twinning-helsinki-reykjavik",
        a=HELSINKI,
        b="is-reykjavik",
        source=SAMPLE,
        workspace=WS,
        kind="friendship_city",
        status="dormant",
        note="Sample: no joint activity since 2019.",
    ),
)

EVENTS: tuple[EventSpec, ...] = (
    EventSpec(
        key="sample-event-eurocities-agm-2025",
        title=T(
            "Eurocities-vuosikokous 2025",
            "Eurocities årsmöte 2025",
            "Eurocities Annual General Meeting 2025",
        ),
        kind="conference",
        start_date="2025-06-11",
        end_date="2025-06-13",
        place="Bryssel",
        source=SAMPLE,
        workspace=WS,
        organiser="network-eurocities",
        network="network-eurocities",
        participants=(HELSINKI,),
        themes=("urban-policy", "networks"),
        report=(
            "Sample report: two Helsinki delegates; contacts made for an EU project on "
            "digital public services."
        ),
    ),
    EventSpec(
        key="sample-event-tallinn-visit-2025",
        title=T(
            "Tallinnan delegaation vierailu Helsinkiin",
            "Tallinns delegation besöker Helsingfors",
            "Tallinn delegation visits Helsinki",
        ),
        kind="visit",
        start_date="2025-03-12",
        place="Helsinki",
        source=SAMPLE,
        workspace=WS,
        organiser=HELSINKI,
        participants=(HELSINKI, "ee-tallinn"),
        themes=("twinning", "digitalisation"),
        report="Sample report: agreed to compare the cities' digital service roadmaps.",
    ),
)
