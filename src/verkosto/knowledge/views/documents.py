"""Documents: the list, a document's page with its extracted text, the file itself, the
upload form (with a progress bar when JavaScript runs) and the form for its metadata.

An upload goes to ``services.document_upload``, which reads the text first: a damaged or
password-protected file is refused with the reason and nothing is stored.
"""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from verkosto.accounts.permissions import require_editor_anywhere
from verkosto.accounts.workspaces import current_workspace
from verkosto.common.forms import add_service_errors
from verkosto.knowledge import services
from verkosto.knowledge.extract import ExtractionError
from verkosto.knowledge.forms import DocumentEditForm, DocumentUploadForm
from verkosto.knowledge.messages import extraction_message
from verkosto.knowledge.models import Document, DocumentFormat, ItemKind
from verkosto.knowledge.views import access
from verkosto.knowledge.views.items import HISTORY_SHOWN, list_context, may_write
from verkosto.registry.selectors.history import record_history

CONTENT_TYPES = {
    DocumentFormat.TXT: "text/plain; charset=utf-8",
    DocumentFormat.HTML: "text/html; charset=utf-8",
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}


@require_GET
@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    context = {"title": _("Documents"), **list_context(request, ItemKind.DOCUMENT)}
    return render(request, "knowledge/document/list.html", context)


@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.item_or_404(ItemKind.DOCUMENT, request.user, pk)
    writable = may_write(request.user, document)
    context = {
        "object": document,
        "edit_url": reverse("knowledge:document-edit", args=[pk]) if writable else None,
        "delete_url": reverse("knowledge:document-delete", args=[pk]) if writable else None,
        "practices": list(
            access.practices(request.user).filter(attachments=document).order_by("title", "pk")
        ),
        "history": record_history(actor=request.user, obj=document, limit=HISTORY_SHOWN),
    }
    return render(request, "knowledge/document/detail.html", context)


def _update(request: HttpRequest, form: DocumentEditForm, pk: int) -> Document | None:
    """The metadata the form validated, saved by ``services.document_update`` onto the
    document as stored (the form has changed its own copy)."""
    data = form.cleaned_data
    document = Document.objects.get(pk=pk)
    try:
        services.document_update(
            actor=request.user,
            document=document,
            title=data["title"],
            summary=data["summary"],
            language=data["language"],
            organisation=data["organisation"],
            workspace=form.chosen_workspace(),
            themes=data["themes"],
        )
        return document
    except ValidationError as error:
        add_service_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You may not make this change."))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The metadata of a document: what its file cannot tell, and who sees it. The file
    and the text read from it stay as they are."""
    stored = access.item_or_404(ItemKind.DOCUMENT, request.user, pk)
    services.require_item_write(request.user, stored)  # 403 before any form
    posted = request.method == "POST"
    form = DocumentEditForm(
        request.POST if posted else None,
        instance=Document.objects.select_related("workspace").get(pk=pk),
        actor=request.user,
        workspace=current_workspace(request),
    )
    if posted and form.is_valid():
        document = _update(request, form, pk)
        if document is not None:
            messages.success(request, _("Saved: %(record)s.") % {"record": document})
            return redirect("knowledge:document-detail", pk=pk)
    context = {
        "form": form,
        "object": stored,
        "verbose_name": Document._meta.verbose_name,
        "cancel_url": reverse("knowledge:document-detail", args=[pk]),
    }
    return render(request, "knowledge/form.html", context, status=400 if posted else 200)


@require_GET
@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The stored file, always as an attachment: an uploaded HTML page is never shown
    (and run) inside the site."""
    document = access.item_or_404(ItemKind.DOCUMENT, request.user, pk)
    if not document.file:
        raise Http404("The document has no stored file.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePath(document.file.name).name,
        content_type=CONTENT_TYPES.get(document.format, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _upload(request: HttpRequest, form: DocumentUploadForm) -> Document | None:
    upload = form.cleaned_data["upload"]
    try:
        return services.document_upload(
            actor=request.user,
            name=upload.name,
            content=upload.read(),
            workspace=form.instance.workspace,
            organisation=form.cleaned_data.get("organisation"),
            title=form.cleaned_data.get("title") or "",
            themes=form.cleaned_data.get("themes") or (),
            language=form.cleaned_data.get("language") or "",
        )
    except ExtractionError as error:
        form.add_error(
            "upload",
            _("%(name)s cannot be read: %(reason)s")
            % {"name": upload.name[:100], "reason": extraction_message(error)},
        )
    except ValidationError as error:
        add_service_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You may not make this change."))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    require_editor_anywhere(request.user)
    posted = request.method == "POST"
    form = DocumentUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=Document(),
        actor=request.user,
        workspace=current_workspace(request),
    )
    if posted and form.is_valid():
        document = _upload(request, form)
        if document is not None:
            messages.success(request, _("Uploaded: %(record)s.") % {"record": document})
            url = reverse("knowledge:document-detail", args=[document.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    context = {"form": form, "cancel_url": reverse("knowledge:document-list")}
    # htmx posts get the form alone back (errors included) for the upload region.
    template = (
        "knowledge/document/_upload_form.html" if request.htmx else "knowledge/document/upload.html"
    )
    return render(request, template, context, status=400 if posted else 200)
