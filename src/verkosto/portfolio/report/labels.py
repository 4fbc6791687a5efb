"""Every heading and column label of the report, in one place, so that the HTML page, the
PDF and the XLSX name things alike in each language."""

from django.utils.translation import pgettext_lazy

# One context for every label: short words such as "Type" or "Open" already have other
# meanings in the catalogue (a network type, the verb), which a report must not inherit.
# (Written out in each call: makemessages only extracts a literal context.)

LABELS = {
    "title": pgettext_lazy("leadership report", "Leadership report"),
    "summary": pgettext_lazy("leadership report", "Portfolio summary"),
    "cost_value": pgettext_lazy("leadership report", "Cost against value"),
    "overlaps_gaps": pgettext_lazy("leadership report", "Overlaps and gaps"),
    "overlaps": pgettext_lazy("leadership report", "Overlapping memberships"),
    "gaps": pgettext_lazy("leadership report", "Goal themes no membership serves"),
    "idle": pgettext_lazy("leadership report", "Memberships that serve no current goal"),
    "decisions": pgettext_lazy("leadership report", "Recommendations and decisions"),
    "indicators": pgettext_lazy("leadership report", "Indicator trends"),
    "memberships": pgettext_lazy("leadership report", "Memberships"),
    "costliest": pgettext_lazy("leadership report", "The costliest memberships"),
    "cost_history": pgettext_lazy("leadership report", "Costs by year"),
    "outcomes": pgettext_lazy("leadership report", "Outcomes"),
    "network": pgettext_lazy("leadership report", "Network"),
    "role": pgettext_lazy("leadership report", "Role"),
    "since": pgettext_lazy("leadership report", "Member since"),
    "year_cost": pgettext_lazy("leadership report", "Cost this year"),
    "yearly_cost": pgettext_lazy("leadership report", "Yearly cost (mean)"),
    "outcome_count": pgettext_lazy("leadership report", "Outcomes (3 years)"),
    "outcome_value": pgettext_lazy("leadership report", "Value of outcomes (3 years)"),
    "score": pgettext_lazy("leadership report", "Score"),
    "recommendation": pgettext_lazy("leadership report", "Recommendation"),
    "decision": pgettext_lazy("leadership report", "Decision"),
    "reasons": pgettext_lazy("leadership report", "Reasons"),
    "uniqueness": pgettext_lazy("leadership report", "Uniqueness"),
    "also_covered_by": pgettext_lazy("leadership report", "Also covered by"),
    "theme": pgettext_lazy("leadership report", "Theme"),
    "goals": pgettext_lazy("leadership report", "Goals"),
    "priority": pgettext_lazy("leadership report", "Priority"),
    "rationale": pgettext_lazy("leadership report", "Rationale"),
    "decided_by": pgettext_lazy("leadership report", "Decided by"),
    "decided_at": pgettext_lazy("leadership report", "Decided on"),
    "follow_up": pgettext_lazy("leadership report", "Follow-up"),
    "due_date": pgettext_lazy("leadership report", "Due"),
    "indicator": pgettext_lazy("leadership report", "Indicator"),
    "unit": pgettext_lazy("leadership report", "Unit"),
    "attached_to": pgettext_lazy("leadership report", "Attached to"),
    "owner": pgettext_lazy("leadership report", "Owner"),
    "direction": pgettext_lazy("leadership report", "Direction"),
    "baseline": pgettext_lazy("leadership report", "Baseline"),
    "target": pgettext_lazy("leadership report", "Target"),
    "latest": pgettext_lazy("leadership report", "Latest value"),
    "on_track": pgettext_lazy("leadership report", "Target reached"),
    "trend": pgettext_lazy("leadership report", "Trend"),
    "year": pgettext_lazy("leadership report", "Year"),
    "total": pgettext_lazy("leadership report", "Total"),
    "kind": pgettext_lazy("leadership report", "Kind"),
    "count": pgettext_lazy("leadership report", "Count"),
    "value": pgettext_lazy("leadership report", "Value"),
    "date": pgettext_lazy("leadership report", "Date"),
    "title_col": pgettext_lazy("leadership report", "Title"),
    "type": pgettext_lazy("leadership report", "Type"),
    "yes": pgettext_lazy("leadership report", "yes"),
    "no": pgettext_lazy("leadership report", "no"),
    "figure": pgettext_lazy("leadership report", "Figure"),
    "memberships_count": pgettext_lazy("leadership report", "Current memberships"),
    "total_cost": pgettext_lazy("leadership report", "Total cost"),
    "outcomes_year": pgettext_lazy("leadership report", "Outcomes recorded this year"),
    "outcome_value_year": pgettext_lazy("leadership report", "Value of this year's outcomes"),
    "recommended": pgettext_lazy("leadership report", "Recommended"),
    "review_status": pgettext_lazy("leadership report", "Review"),
    "review_open": pgettext_lazy("leadership report", "In progress"),
    "review_closed": pgettext_lazy("leadership report", "Closed"),
    "no_review": pgettext_lazy(
        "leadership report",
        "No review for this year: the recommendations are computed, no decisions are recorded.",
    ),
    "no_decisions": pgettext_lazy("leadership report", "No decisions recorded."),
    "no_gaps": pgettext_lazy(
        "leadership report", "Every goal theme is served by at least one membership."
    ),
    "no_goals": pgettext_lazy(
        "leadership report", "No current strategic goals are recorded, so gaps cannot be judged."
    ),
    "no_overlaps": pgettext_lazy("leadership report", "No two memberships share a theme."),
    "no_indicators": pgettext_lazy("leadership report", "No indicators are recorded."),
    "no_outcomes": pgettext_lazy("leadership report", "No outcomes recorded this year."),
    "cost_axis": pgettext_lazy("leadership report", "Yearly cost"),
    "value_axis": pgettext_lazy("leadership report", "Value score (0–100)"),
    "sample": pgettext_lazy(
        "leadership report", "Contains sample figures (illustrative), not facts."
    ),
    "generated": pgettext_lazy("leadership report", "Generated"),
    "more_outcomes": pgettext_lazy("leadership report", "The XLSX version lists every outcome."),
    "more_overlaps": pgettext_lazy(
        "leadership report",
        "The least unique memberships are shown; the XLSX version lists every overlap.",
    ),
}


def labels() -> dict[str, str]:
    """The labels in the active language."""
    return {key: str(value) for key, value in LABELS.items()}
