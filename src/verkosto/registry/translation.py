"""fi/sv/en fields (django-modeltranslation) and change history (django-simple-history).

History is registered here, *after* the translation fields exist, so that the historical
tables record name_fi/name_sv/name_en too; registering it on the models would make the
two libraries break each other.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from verkosto.registry import models as m


@register(m.Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name",)


@register(m.Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("label",)


@register(m.Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("name", "description")


@register(m.StrategicGoal)
class StrategicGoalTranslation(TranslationOptions):
    fields = ("title", "description")


@register(m.Event)
class EventTranslation(TranslationOptions):
    fields = ("title",)


HISTORY_MODELS = (
    m.Source,
    m.Organisation,
    m.OrganisationName,
    m.Identifier,
    m.NetworkProfile,
    m.Theme,
    m.Membership,
    m.MembershipFee,
    m.MembershipContact,
    m.Twinning,
    m.Partnership,
    m.PartnershipParty,
    m.StrategicGoal,
    m.Person,
    m.PersonRole,
    m.Event,
    m.PrivateNote,
)

for _model in HISTORY_MODELS:
    # m2m_fields keeps theme changes in history too.
    _m2m = [f for f in ("themes", "participants") if hasattr(_model, f)]
    register_history(_model, app=__package__, m2m_fields=_m2m)
