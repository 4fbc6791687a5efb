"""The scoring model's structured reasons as sentences in the reader's language.

``portfolio.scoring`` returns reasons as codes with parameters (ids, counts, amounts), so a
closed review stores them once and reads in Finnish, Swedish or English alike. Names are
looked up when rendering (``reason_labels``), in the active language.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language, gettext, ngettext, pgettext

from verkosto.portfolio.money import format_money
from verkosto.registry.models import Organisation, Theme


@dataclass(frozen=True)
class Labels:
    themes: Mapping[int, str] = field(default_factory=dict)
    networks: Mapping[int, str] = field(default_factory=dict)


def reason_labels(reason_lists: Iterable[Iterable[Mapping]]) -> Labels:
    """The names the reasons refer to, in two queries whatever their number."""
    theme_ids: set[int] = set()
    network_ids: set[int] = set()
    for reasons in reason_lists:
        for r in reasons:
            params = r.get("params", {})
            theme_ids.update(params.get("themes", ()))
            network_ids.update(params.get("networks", ()))
    themes = {t.pk: str(t) for t in Theme.objects.filter(pk__in=theme_ids)} if theme_ids else {}
    networks = (
        {o.pk: str(o) for o in Organisation.objects.filter(pk__in=network_ids)}
        if network_ids
        else {}
    )
    return Labels(themes, networks)


def language() -> str:
    return (get_language() or "fi").split("-")[0]


def money(amount: str | Decimal | None, currency: str) -> str:
    return format_money(Decimal(str(amount or 0)), currency, language())


def join_names(names: list[str], more: int = 0) -> str:
    """ "A, B and C" in the active language; "A, B and 2 others" when ``more`` are left out."""
    if more:
        rest = ngettext("%(count)s other", "%(count)s others", more) % {"count": more}
        names = [*names, rest]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return pgettext("list of names", "%(first)s and %(last)s") % {
        "first": ", ".join(names[:-1]),
        "last": names[-1],
    }


def _common_noun(label: str) -> str:
    """A theme label mid-sentence: "serves your goals on urban policy", but "on EU affairs"."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def render_reason(reason: Mapping, labels: Labels) -> str:
    code, p = reason["code"], reason.get("params", {})
    match code:
        case "cost":
            return gettext("costs %(amount)s a year") % {
                "amount": money(p["amount"], p.get("currency", "EUR"))
            }
        case "no_cost_data":
            return gettext("no cost recorded")
        case "outcomes" if p.get("value"):
            return ngettext(
                "%(count)s outcome since %(year)s, worth %(value)s",
                "%(count)s outcomes since %(year)s, worth %(value)s",
                p["count"],
            ) % {
                "count": p["count"],
                "year": p["since"],
                "value": money(p["value"], p.get("currency", "EUR")),
            }
        case "outcomes":
            return ngettext(
                "%(count)s outcome since %(year)s",
                "%(count)s outcomes since %(year)s",
                p["count"],
            ) % {"count": p["count"], "year": p["since"]}
        case "no_outcome_since":
            return gettext("no outcome recorded since %(year)s") % {"year": p["year"]}
        case "no_outcome":
            return gettext("no outcome recorded")
        case "no_goals":
            return gettext("no current strategic goals to compare it with")
        case "no_themes":
            return gettext("no themes recorded for it")
        case "fit":
            names = [_common_noun(labels.themes.get(t, "?")) for t in p.get("themes", [])]
            return gettext("serves your goals on %(themes)s") % {"themes": join_names(names)}
        case "no_fit":
            return gettext("none of its themes serves a current goal")
        case "events":
            return ngettext(
                "you took part in %(count)s of its events since %(year)s",
                "you took part in %(count)s of its events since %(year)s",
                p["count"],
            ) % {"count": p["count"], "year": p["since"]}
        case "no_events_since":
            return gettext("no part in its events since %(year)s") % {"year": p["year"]}
        case "no_events":
            return gettext("no part in its events recorded")
        case "overlap":
            ids = p.get("networks", [])
            names = join_names([labels.networks.get(i, "?") for i in ids], p.get("more", 0))
            count = len(ids) + p.get("more", 0)
            if p.get("share", 1) >= 0.99:
                text = ngettext(
                    "its themes are also covered by %(networks)s, which you belong to",
                    "its themes are also covered by %(networks)s, which you belong to",
                    count,
                )
            else:
                text = ngettext(
                    "some of its themes are also covered by %(networks)s, which you belong to",
                    "some of its themes are also covered by %(networks)s, which you belong to",
                    count,
                )
            return text % {"networks": names}
        case "unique":
            return gettext("no other membership covers its themes")
        case "new":
            return gettext("joined in %(year)s: too early to expect outcomes") % {"year": p["year"]}
        case "thin_data":
            return gettext("too little data for a firm recommendation")
    return code


def render_reasons(reasons: Iterable[Mapping], labels: Labels) -> str:
    """The reasons as one sentence: "Costs €38,000 a year, no outcome recorded since 2023"."""
    text = ", ".join(render_reason(r, labels) for r in reasons)
    return text[:1].upper() + text[1:] if text else ""
