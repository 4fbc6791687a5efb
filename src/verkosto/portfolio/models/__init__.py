from verkosto.portfolio.models.costs import COST_LINE_KINDS, CostKind, CostLine
from verkosto.portfolio.models.indicators import Direction, Indicator, IndicatorValue
from verkosto.portfolio.models.outcomes import Outcome, OutcomeType
from verkosto.portfolio.models.report_job import ReportJob  # noqa: F401
from verkosto.portfolio.models.reviews import (
    Decision,
    Evaluation,
    FollowUp,
    Recommendation,
    Review,
    ReviewStatus,
)
from verkosto.portfolio.models.weights import ScoringWeights

__all__ = [
    "COST_LINE_KINDS",
    "CostKind",
    "CostLine",
    "Decision",
    "Direction",
    "Evaluation",
    "FollowUp",
    "Indicator",
    "IndicatorValue",
    "Outcome",
    "OutcomeType",
    "Recommendation",
    "Review",
    "ReviewStatus",
    "ScoringWeights",
]
