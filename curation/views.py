"""Upload a committee report or a plenary verbatim record (text or PDF) in the admin: preview what ingesting it would do (a dry run, the same code as
`ingest_report --dry-run`), then ingest it on confirmation.

Between the two steps the uploaded bytes wait in the user's session, keyed by their SHA-256; the confirmation
names the checksum it saw and the bytes are checked against it again before they are ingested, so what is
ingested is exactly what was previewed.
"""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from parsing import ReportError
from votes.ingest import IngestRefused
from votes.plenary import ingest_document
from votes.models import Document

from .forms import ConfirmUploadForm, ReportUploadForm

SESSION_KEY = "curation.pending_uploads"
MAX_PENDING = 3  # uploads previewed but not yet confirmed, per session


def _pending(request) -> dict:
    return request.session.get(SESSION_KEY, {})


def _keep(request, sha256: str, file_name: str, source: bytes) -> None:
    pending = {k: v for k, v in _pending(request).items() if k != sha256}
    while len(pending) >= MAX_PENDING:
        pending.pop(next(iter(pending)))
    pending[sha256] = {"file_name": file_name, "data": base64.b64encode(source).decode("ascii")}
    request.session[SESSION_KEY] = pending


def _take(request, sha256: str) -> tuple[str, bytes] | None:
    """The pending upload with that checksum, if its bytes still have it."""
    entry = _pending(request).get(sha256)
    if entry is None:
        return None
    source = base64.b64decode(entry["data"])
    if hashlib.sha256(source).hexdigest() != sha256:
        return None
    return entry["file_name"], source


def _forget(request, sha256: str) -> None:
    pending = _pending(request)
    if pending.pop(sha256, None) is not None:
        request.session[SESSION_KEY] = pending


def _problems(error) -> list[str]:
    """The lines of a ReportError or IngestRefused, for the page."""
    problems = getattr(error, "problems", None)
    if problems:
        return [str(problem) for problem in problems]
    return [line for line in str(error).splitlines() if line.strip()] or [repr(error)]


def upload_report(request, model_admin):
    """GET: the upload form. POST with a file: the dry run's result and a confirmation form.
    POST with a checksum (`_confirm`): ingest the previewed bytes."""
    if not request.user.has_perm("votes.add_document"):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Upload a report",
        "form": ReportUploadForm(),
    }
    template = "admin/curation/upload_report.html"

    if request.method == "POST" and "_confirm" in request.POST:
        confirm = ConfirmUploadForm(request.POST)
        pending = _take(request, confirm.cleaned_data["sha256"]) if confirm.is_valid() else None
        if pending is None:
            messages.error(request, "That upload is no longer waiting for confirmation (or its bytes changed): upload the file again.")
            return redirect(reverse("admin:votes_document_upload"))
        file_name, source = pending
        try:
            result = ingest_document(source, file_name, user=request.user)
        except (ReportError, IngestRefused) as error:
            _forget(request, confirm.cleaned_data["sha256"])
            context.update(file_name=file_name, problems=_problems(error), title="The report was not ingested")
            return TemplateResponse(request, template, context)
        _forget(request, confirm.cleaned_data["sha256"])
        if result.already_ingested:
            # Someone else confirmed the same bytes first (ingests run one at a time): theirs is the record.
            messages.info(request, f"{file_name} was already ingested: nothing changed.")
        else:
            _log_addition(request, result)
            messages.success(request, f"Ingested {file_name}: {result.status}.")
        for conflict in result.conflicts:
            messages.warning(request, f"Hand correction kept: {conflict}")
        if result.document_id:
            return redirect(reverse("admin:votes_document_change", args=[result.document_id]))
        return redirect(reverse("admin:votes_document_changelist"))

    if request.method == "POST":
        form = ReportUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["report"]
            source = upload.read()
            sha256 = hashlib.sha256(source).hexdigest()
            context.update(file_name=upload.name, sha256=sha256)
            try:
                result = ingest_document(source, upload.name, dry_run=True, user=request.user)
            except (ReportError, IngestRefused) as error:
                context.update(problems=_problems(error), title="This report cannot be ingested")
                return TemplateResponse(request, template, context)
            writes = bool(result.created or result.updated)
            if writes:
                _keep(request, sha256, upload.name, source)
            context.update(
                result=result,
                summary=str(result),
                rows=_rows(result),
                writes=writes,
                confirm=ConfirmUploadForm(initial={"sha256": sha256}),
                title=f"Ingest {upload.name}?" if writes else f"Nothing to ingest from {upload.name}",
            )
    return TemplateResponse(request, template, context)


def _rows(result) -> list[dict]:
    """One row per kind of record: how many would be created, updated, left unchanged."""
    kinds = sorted(set(result.created) | set(result.updated) | set(result.unchanged))
    return [
        {
            "kind": kind.replace("_", " "),
            "created": result.created.get(kind, 0),
            "updated": result.updated.get(kind, 0),
            "unchanged": result.unchanged.get(kind, 0),
        }
        for kind in kinds
    ]


def _log_addition(request, result) -> None:
    document = Document.objects.filter(pk=result.document_id).first()
    if document is None:
        return
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[document],
        action_flag=ADDITION,
        change_message="Uploaded and ingested in the admin.",
        single_object=True,
    )
