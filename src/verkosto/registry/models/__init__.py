from verkosto.registry.models.event import Event, EventKind
from verkosto.registry.models.goal import GoalLevel, StrategicGoal
from verkosto.registry.models.membership import (
    Membership,
    MembershipContact,
    MembershipFee,
    MembershipRole,
    MembershipStatus,
)
from verkosto.registry.models.network import NetworkProfile, NetworkScope, NetworkType
from verkosto.registry.models.note import PrivateNote
from verkosto.registry.models.organisation import (
    Identifier,
    IdentifierScheme,
    NameKind,
    Organisation,
    OrganisationKind,
    OrganisationName,
)
from verkosto.registry.models.partnership import (
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartyRole,
)
from verkosto.registry.models.person import Person, PersonRole
from verkosto.registry.models.source import Source
from verkosto.registry.models.theme import Theme
from verkosto.registry.models.twinning import Twinning, TwinningKind, TwinningStatus

__all__ = [
    "Event",
    "EventKind",
    "GoalLevel",
    "Identifier",
    "IdentifierScheme",
    "Membership",
    "MembershipContact",
    "MembershipFee",
    "MembershipRole",
    "MembershipStatus",
    "NameKind",
    "NetworkProfile",
    "NetworkScope",
    "NetworkType",
    "Organisation",
    "OrganisationKind",
    "OrganisationName",
    "Partnership",
    "PartnershipKind",
    "PartnershipParty",
    "PartyRole",
    "Person",
    "PersonRole",
    "PrivateNote",
    "Source",
    "StrategicGoal",
    "Theme",
    "Twinning",
    "TwinningKind",
    "TwinningStatus",
]
