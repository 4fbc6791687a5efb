"""Template context every page's frame needs: the workspace switch."""

from django.http import HttpRequest

from verkosto.accounts.workspaces import current_workspace, workspace_choices


def workspaces(request: HttpRequest) -> dict:
    # Lazy: pages that never render the frame (exports, htmx partials) run no query.
    def choices():
        return workspace_choices(request)

    def current():
        return current_workspace(request)

    return {"workspace_choices": choices, "current_workspace": current}
