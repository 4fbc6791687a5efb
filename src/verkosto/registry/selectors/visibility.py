from django.db.models import Q, QuerySet

from verkosto.accounts.permissions import Actor, readable_workspace_ids


def visible_q(actor: Actor, prefix: str = "") -> Q:
    """Public facts, and private ones of the actor's workspaces."""
    ids = readable_workspace_ids(actor)
    if ids is None:
        return Q()
    return Q(**{f"{prefix}workspace__isnull": True}) | Q(**{f"{prefix}workspace__in": ids})


def private_q(actor: Actor, prefix: str = "") -> Q:
    """Always-private records (fees, contacts, notes): only the actor's workspaces."""
    ids = readable_workspace_ids(actor)
    if ids is None:
        return Q()
    return Q(**{f"{prefix}workspace__in": ids})


def visible(queryset: QuerySet, actor: Actor) -> QuerySet:
    return queryset.filter(visible_q(actor))
