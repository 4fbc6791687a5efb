"""The shapes the demo data is written in: plain, frozen records that name each other by key.

Every record has a stable ``key``; the loader stores it as ``origin_id`` (with
``data_source="demo"``) or finds the record by its natural key, so loading again updates
the same rows instead of adding new ones.
"""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Texts:
    """One text in Finnish, Swedish and English."""

    fi: str
    sv: str
    en: str

    def fields(self, name: str) -> dict[str, str]:
        return {f"{name}_fi": self.fi, f"{name}_sv": self.sv, f"{name}_en": self.en}


@dataclass(frozen=True)
class SourceSpec:
    key: str
    title: str
    publisher: str = ""
    url: str = ""
    published: str = ""  # ISO date
    locator: str = ""
    licence: str = ""
    attribution: str = ""
    is_sample: bool = False


@dataclass(frozen=True)
class ThemeSpec:
    code: str
    label: Texts
    parent: str | None = None
    sdg: int | None = None


@dataclass(frozen=True)
class NameSpec:
    """Another name; ``source`` defaults to the organisation's source."""

    name: str
    kind: str
    language: str = ""
    source: str | None = None


@dataclass(frozen=True)
class IdentifierSpec:
    scheme: str
    value: str
    source: str


@dataclass(frozen=True)
class NetworkSpec:
    scope: str
    type: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    kind: str
    name: Texts
    country: str
    source: str
    identifiers: tuple[IdentifierSpec, ...] = ()
    other_names: tuple[NameSpec, ...] = ()
    parent: str | None = None
    network: NetworkSpec | None = None


@dataclass(frozen=True)
class PartnershipSpec:
    key: str
    kind: str
    source: str
    name: Texts
    description: Texts
    parties: tuple[tuple[str, str], ...]  # (organisation key, PartyRole)
    themes: tuple[str, ...] = ()
    coordinator: str | None = None
    start: str | None = None  # partial date: "2023", "2023-09", "2023-09-01"
    end: str | None = None


@dataclass(frozen=True)
class GoalSpec:
    key: str
    organisation: str
    source: str
    title: Texts
    description: Texts
    level: str
    themes: tuple[str, ...] = ()
    priority: int = 2
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class FeeSpec:
    year: int
    amount: Decimal
    note: str = ""


@dataclass(frozen=True)
class MembershipSpec:
    key: str
    member: str
    organisation: str
    source: str
    workspace: str | None = None  # workspace slug: private to it
    role: str = "member"
    status: str = "active"
    themes: tuple[str, ...] = ()
    commitments: str = ""
    note: str = ""
    start: str | None = None
    end: str | None = None
    fees: tuple[FeeSpec, ...] = ()
    contacts: tuple[tuple[str, str], ...] = ()  # (person key, role)


@dataclass(frozen=True)
class PersonSpec:
    key: str
    name: str
    source: str
    workspace: str | None = None
    email: str = ""
    phone: str = ""
    roles: tuple[tuple[str, str], ...] = ()  # (organisation key, title)


@dataclass(frozen=True)
class TwinningSpec:
    key: str
    a: str
    b: str
    source: str
    kind: str
    status: str
    workspace: str | None = None
    status_reason: str = ""
    note: str = ""
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class EventSpec:
    key: str
    title: Texts
    kind: str
    start_date: str  # ISO date
    source: str
    end_date: str = ""
    place: str = ""
    organiser: str | None = None
    network: str | None = None
    participants: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    report: str = ""
    workspace: str | None = None


@dataclass(frozen=True)
class WorkspaceSpec:
    slug: str
    name: str
    organisation: str


@dataclass(frozen=True)
class DemoUserSpec:
    username: str
    password: str
    roles: tuple[tuple[str, str], ...] = field(default=())  # (workspace slug, Role)
