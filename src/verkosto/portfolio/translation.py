"""fi/sv/en fields and change history of the portfolio models (see registry/translation.py:
history is registered after the translation fields so the history tables carry them)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from verkosto.portfolio import models as m


@register(m.Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("title",)


@register(m.Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name",)


HISTORY_MODELS = (
    m.CostLine,
    m.Outcome,
    m.Indicator,
    m.IndicatorValue,
    m.Review,
    m.Evaluation,
    m.FollowUp,
    m.ScoringWeights,
)

for _model in HISTORY_MODELS:
    register_history(_model, app=__package__, m2m_fields=["goals"] if _model is m.Outcome else [])
