"""Portfolio review: costs, outcomes, indicators, evaluations, yearly review, report."""
