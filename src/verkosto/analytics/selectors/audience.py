"""Whose private facts an analysis may include.

Public facts always count; private ones only of the workspace the analysis is run for —
the current workspace on a page, the ``workspace`` parameter (or the current one) in the
API, ``--workspace`` on the command line. A user never gets another workspace's private
facts: the workspace must be one they have a role in.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from verkosto.accounts.models import Workspace
from verkosto.accounts.workspaces import current_workspace, workspace_choices


@dataclass(frozen=True)
class Audience:
    """The workspace whose private facts are included (None: public facts only)."""

    workspace: Workspace | None = None

    @property
    def workspace_ids(self) -> frozenset[int]:
        return frozenset() if self.workspace is None else frozenset({self.workspace.pk})


PUBLIC = Audience()


class UnknownWorkspace(LookupError):
    """The user has no role in a workspace with that slug (or it does not exist)."""


def audience_for_request(request: HttpRequest, slug: str | None = None) -> Audience:
    """The current workspace, or the one named by ``slug`` if the user is in it."""
    if slug:
        for choice in workspace_choices(request):
            if choice.workspace.slug == slug:
                return Audience(choice.workspace)
        raise UnknownWorkspace(slug)
    return Audience(current_workspace(request))


def audience_for_slug(slug: str | None) -> Audience:
    """For the command line (whoever has shell access may read any workspace)."""
    if not slug:
        return PUBLIC
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is None:
        raise UnknownWorkspace(slug)
    return Audience(workspace)
