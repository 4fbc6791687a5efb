"""Reasons into words: each structured ``core.results.Reason`` becomes one sentence in
the active language (fi/sv/en), naming the organisations and themes it is about.

The core knows no language; everything a person reads is written here, so that the page,
the API and the command line say the same thing in the same words.
"""

from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from verkosto.analytics.core.results import Reason
from verkosto.analytics.selectors.landscape import LoadedLandscape
from verkosto.registry.models import NetworkScope, NetworkType

# Long lists in a sentence are cut; the full list is in the structured data beside it.
MAX_NAMES = 5


def percent(share: float) -> str:
    return pgettext("percentage", "%(value)d%%") % {"value": round(share * 100)}


def decimal(value: float) -> str:
    return f"{value:.2f}"


def name_list(names: Sequence[str]) -> str:
    """'A, B and 3 more' (at most MAX_NAMES names)."""
    names = list(names)
    if len(names) <= MAX_NAMES:
        return ", ".join(names)
    rest = len(names) - MAX_NAMES
    more = ngettext("%(count)d more", "%(count)d more", rest) % {"count": rest}
    return ", ".join(names[:MAX_NAMES]) + ", " + more


def _orgs(loaded: LoadedLandscape, positions: Sequence[int]) -> list[str]:
    return [loaded.org_name(int(p)) for p in positions]


def _themes(loaded: LoadedLandscape, positions: Sequence[int]) -> str:
    return name_list([loaded.theme_label(int(p)) for p in positions])


def _shared_members(r: Reason, loaded: LoadedLandscape) -> str:
    a, b = _orgs(loaded, r.orgs[:2]) if len(r.orgs) >= 2 else ("?", "?")
    return ngettext(
        "%(a)s and %(b)s share %(count)d member: %(percent)s of the smaller network "
        "(Jaccard %(jaccard)s).",
        "%(a)s and %(b)s share %(count)d members: %(percent)s of the smaller network "
        "(Jaccard %(jaccard)s).",
        r.count,
    ) % {
        "a": a,
        "b": b,
        "count": r.count,
        "percent": percent(r.share),
        "jaccard": decimal(r.jaccard),
    }


def _contained_in(r: Reason, loaded: LoadedLandscape) -> str:
    a, b = _orgs(loaded, r.orgs[:2]) if len(r.orgs) >= 2 else ("?", "?")
    return ngettext(
        "The only member of %(a)s is also a member of %(b)s (%(total)d members).",
        "All %(count)d members of %(a)s are also members of %(b)s (%(total)d members).",
        r.count,
    ) % {"a": a, "b": b, "count": r.count, "total": r.total}


def _shared_themes(r: Reason, loaded: LoadedLandscape) -> str:
    return ngettext(
        "%(count)d theme in common (%(percent)s similar): %(themes)s.",
        "%(count)d themes in common (%(percent)s similar): %(themes)s.",
        r.count,
    ) % {"count": r.count, "percent": percent(r.share), "themes": _themes(loaded, r.themes)}


def _same_type(r: Reason, loaded: LoadedLandscape) -> str:
    value = str(loaded.landscape.network_type[r.orgs[0]]) if r.orgs else ""
    label = NetworkType(value).label if value in NetworkType.values else value
    return _("Both networks are of the same type: %(type)s.") % {"type": label}


def _same_scope(r: Reason, loaded: LoadedLandscape) -> str:
    value = str(loaded.landscape.network_scope[r.orgs[0]]) if r.orgs else ""
    label = NetworkScope(value).label if value in NetworkScope.values else value
    return _("Both networks work at the same level: %(scope)s.") % {"scope": label}


def _shared_networks(r: Reason, loaded: LoadedLandscape) -> str:
    return ngettext(
        "They meet in %(count)d network: %(networks)s.",
        "They meet in %(count)d networks: %(networks)s.",
        r.count,
    ) % {"count": r.count, "networks": name_list(_orgs(loaded, r.orgs))}


def _twinned(r: Reason, loaded: LoadedLandscape) -> str:
    a, b = _orgs(loaded, r.orgs[:2]) if len(r.orgs) >= 2 else ("?", "?")
    return _("%(a)s and %(b)s are twin towns.") % {"a": a, "b": b}


def _serves_no_goal(r: Reason, loaded: LoadedLandscape) -> str:
    network = _orgs(loaded, r.orgs[:1])[0] if r.orgs else "?"
    return ngettext(
        "The theme of the membership in %(network)s (%(themes)s) meets none of the current "
        "strategic goals.",
        "None of the %(count)d themes of the membership in %(network)s (%(themes)s) meets a "
        "current strategic goal.",
        r.count,
    ) % {"network": network, "count": r.count, "themes": _themes(loaded, r.themes)}


def _no_themes(r: Reason, loaded: LoadedLandscape) -> str:
    network = _orgs(loaded, r.orgs[:1])[0] if r.orgs else "?"
    return _(
        "Neither the membership nor %(network)s has any themes, so it cannot be matched to a goal."
    ) % {"network": network}


def _peers_are_members(r: Reason, loaded: LoadedLandscape) -> str:
    return ngettext(
        "%(count)d of the closest peers is a member (%(percent)s of the peer weight): %(peers)s.",
        "%(count)d of the closest peers are members (%(percent)s of the peer weight): %(peers)s.",
        r.count,
    ) % {"count": r.count, "percent": percent(r.share), "peers": name_list(_orgs(loaded, r.orgs))}


def _covers_gap_themes(r: Reason, loaded: LoadedLandscape) -> str:
    return ngettext(
        "It serves %(count)d of the %(total)d goal themes no membership serves: %(themes)s.",
        "It serves %(count)d of the %(total)d goal themes no membership serves: %(themes)s.",
        r.count,
    ) % {"count": r.count, "total": r.total, "themes": _themes(loaded, r.themes)}


SENTENCES: dict[str, Callable[[Reason, LoadedLandscape], str]] = {
    "shared_members": _shared_members,
    "contained_in": _contained_in,
    "shared_themes": _shared_themes,
    "same_type": _same_type,
    "same_scope": _same_scope,
    "shared_networks": _shared_networks,
    "twinned": _twinned,
    "serves_no_goal": _serves_no_goal,
    "no_themes": _no_themes,
    "peers_are_members": _peers_are_members,
    "covers_gap_themes": _covers_gap_themes,
}


def reason_text(reason: Reason, loaded: LoadedLandscape) -> str:
    """One sentence for ``reason`` in the active language."""
    sentence = SENTENCES.get(reason.code)
    if sentence is None:  # a code added to the core later: say so rather than fail
        return _("Reason: %(code)s.") % {"code": reason.code}
    return sentence(reason, loaded)


def betweenness_note(*, exact: bool, sources: int, nodes: int) -> str:
    if exact:
        return _("Betweenness is computed exactly.")
    return ngettext(
        "Betweenness is estimated from %(sources)d randomly chosen starting point, since "
        "computing it exactly for %(nodes)d organisations would take too long.",
        "Betweenness is estimated from %(sources)d randomly chosen starting points, since "
        "computing it exactly for %(nodes)d organisations would take too long.",
        sources,
    ) % {"sources": sources, "nodes": nodes}


def left_out_note(count: int) -> str:
    if not count:
        return ""
    return ngettext(
        "%(count)d network is left out of the community graph: it is so large that it "
        "would tie almost everyone together.",
        "%(count)d networks are left out of the community graph: they are so large that "
        "they would tie almost everyone together.",
        count,
    ) % {"count": count}
