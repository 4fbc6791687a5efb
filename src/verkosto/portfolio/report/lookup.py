"""Which organisation and workspace a report from the command line is about.

Unlike the analytics lookup, which takes the best match, a report names one organisation
exactly: an identifier code, or a name in any language; when a name fits several, the
operator is told which, rather than getting some city's private figures by chance.
"""

from django.db.models import Count

from verkosto.accounts.models import Workspace
from verkosto.registry.models import Identifier, Organisation
from verkosto.registry.selectors.organisations import organisation_search

SHOWN = 8


class LookupFailed(LookupError):
    """Nothing, or more than one thing, matches; the message says which."""


def _describe(orgs: list[Organisation]) -> str:
    return "; ".join(f"{o} ({o.get_kind_display()}, {o.country}, id {o.pk})" for o in orgs[:SHOWN])


def _one(candidates: list[Organisation], text: str) -> Organisation | None:
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        # Only organisations with a workspace have a portfolio to report on.
        with_workspace = [o for o in candidates if o.workspace_count]
        if len(with_workspace) == 1:
            return with_workspace[0]
        raise LookupFailed(
            f"{text!r} is ambiguous: it matches {_describe(with_workspace or candidates)}. "
            "Give an identifier code or the id."
        )
    return None


def organisation_for_report(text: str) -> Organisation:
    text = (text or "").strip()
    if not text:
        raise LookupFailed("name the organisation (a name or an identifier code)")
    base = Organisation.objects.annotate(workspace_count=Count("workspaces"))
    if text.isdigit():
        by_id = list(base.filter(pk=int(text)))
        by_code = list(
            base.filter(
                pk__in=Identifier.objects.filter(value__iexact=text).values("organisation_id")
            )
        )
        found = _one(by_code, text) or _one(by_id, text)
        if found:
            return found
    by_code = list(
        base.filter(pk__in=Identifier.objects.filter(value__iexact=text).values("organisation_id"))
    )
    found = _one(by_code, text)
    if found:
        return found
    ranked = list(organisation_search(text=text, queryset=base)[:50])
    exact = [o for o in ranked if o.match_rank == 0]
    found = _one(exact, text) or _one(ranked, text)
    if found is None:
        raise LookupFailed(f"no organisation is called {text!r} or has it as a code")
    return found


def workspace_for_report(organisation: Organisation, slug: str | None = None) -> Workspace:
    workspaces = list(Workspace.objects.filter(organisation=organisation).order_by("slug"))
    if slug:
        chosen = [w for w in workspaces if w.slug == slug]
        if not chosen:
            raise LookupFailed(f"{organisation} has no workspace {slug!r}")
        return chosen[0]
    if not workspaces:
        raise LookupFailed(
            f"{organisation} has no workspace, so it has no costs or reviews to report on"
        )
    if len(workspaces) > 1:
        slugs = ", ".join(w.slug for w in workspaces)
        raise LookupFailed(
            f"{organisation} has several workspaces ({slugs}); pick one with --workspace"
        )
    return workspaces[0]
