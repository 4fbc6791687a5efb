"""The registry's facts as plain records, between the database and the file formats.

Pure Python, no Django: ``popolo`` and ``ftm`` turn a ``Dataset`` into their format and
back, the selectors fill a ``Dataset`` from the registry and the importers write one.
Dates of periods are partial-date strings ("2019", "2019-05", "2019-05-17").
"""

from dataclasses import dataclass, field

LANGUAGES = ("fi", "sv", "en")


class ExchangeError(ValueError):
    """Input that cannot be read; names where: the entity (index and id) and the field."""

    def __init__(self, where: str, field: str, message: str, *, line: int = 0):
        super().__init__(f"{where}, {field}: {message}" if field else f"{where}: {message}")
        self.where = where
        self.field = field
        self.message = message
        self.line = line


@dataclass(frozen=True)
class OtherName:
    name: str
    kind: str
    language: str = ""
    start: str | None = None
    end: str | None = None


@dataclass
class OrganisationRecord:
    id: str
    kind: str
    names: dict[str, str]  # language → name, only languages that have one
    country: str = ""
    parent_id: str | None = None
    founded: str | None = None  # a full ISO date
    dissolved: str | None = None
    website: str = ""
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (scheme, value)
    other_names: list[OtherName] = field(default_factory=list)
    # Where it was read from ("organizations[3] (id 'x')"), and the line of a JSON-lines
    # file, for error messages.
    where: str = ""
    line: int = 0

    def display_name(self) -> str:
        return next((self.names[lang] for lang in LANGUAGES if self.names.get(lang)), "")


@dataclass
class MembershipRecord:
    id: str
    organisation_id: str
    member_id: str
    role: str = "member"
    status: str | None = None  # None: derived from the end date on import
    start: str | None = None
    end: str | None = None
    private: bool = False
    where: str = ""
    line: int = 0


@dataclass
class Dataset:
    organisations: list[OrganisationRecord] = field(default_factory=list)
    memberships: list[MembershipRecord] = field(default_factory=list)


def membership_key(m: MembershipRecord) -> str:
    """An id for a membership given without one: who, in what, as what, since when."""
    return f"{m.member_id}~{m.organisation_id}~{m.role}~{m.start or ''}"


def text_value(value: object, where: str, field_name: str, *, required: bool = False) -> str:
    """A string field of an entity, or ExchangeError naming the entity and field."""
    if value is None or value == "":
        if required:
            raise ExchangeError(where, field_name, "a value is required")
        return ""
    if not isinstance(value, str):
        raise ExchangeError(where, field_name, f"expected text, got {type(value).__name__}")
    return value.strip()
