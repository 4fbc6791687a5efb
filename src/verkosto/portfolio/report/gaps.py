"""Gaps of a portfolio (no Django): strategic themes no current membership serves, and
memberships that serve no goal.

A goal theme counts as served when a membership theme is the same theme or a broader or
narrower one — the matching rule of the scoring model's strategic fit, so the report's
gaps and the cards' fit never contradict each other.
"""

from collections.abc import Iterable, Mapping


def _related(a: int, b: int, lineage: Mapping[int, frozenset[int]]) -> bool:
    return a == b or b in lineage.get(a, ()) or a in lineage.get(b, ())


def unserved_goal_themes(
    goal_themes: Iterable[int],
    membership_themes: Iterable[frozenset[int]],
    lineage: Mapping[int, frozenset[int]],
) -> list[int]:
    """Goal themes (ids) that no membership theme matches, in the order given."""
    served = set().union(*membership_themes) if membership_themes else set()
    return [g for g in goal_themes if not any(_related(g, t, lineage) for t in served)]
