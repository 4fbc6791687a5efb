"""The frame every importer shares: read, check every row, write all or nothing.

A subclass names its columns and source, and implements ``process(line, row)``, which
returns what happened to the row or raises ``RowRejected`` / ``RowSkipped``. ``run``
does the rest: the file checks, the transaction, the progress bar, the summary, and the
rule that one rejected row rolls the whole import back (unless the caller accepts a
partial import). A dry run does everything and then rolls back.
"""

import abc
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from tqdm import tqdm

from verkosto.accounts.permissions import SYSTEM, Actor, history_user
from verkosto.registry.importers.csvfile import check_file, read_rows
from verkosto.registry.importers.errors import FileRejected, RowIssue, RowRejected, RowSkipped
from verkosto.registry.models import Source
from verkosto.registry.services.common import save_validated

# Reports list this many rejected or skipped rows in full; the counts are always exact.
MAX_LISTED = 200


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class ImportSummary:
    kind: str
    path: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    committed: bool = False
    rejections: list[RowIssue] = field(default_factory=list)
    skips: list[RowIssue] = field(default_factory=list)
    source_id: int | None = None

    def counts(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
        }

    def as_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind,
                **self.counts(),
                "committed": self.committed,
                "dry_run": self.dry_run,
                "rejections": [i.as_dict() for i in self.rejections],
                "skips": [i.as_dict() for i in self.skips],
            },
            ensure_ascii=False,
        )

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def reject(self, issue: RowIssue) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_LISTED:
            self.rejections.append(issue)

    def add_counted_skips(self, counts: "Counter[tuple[str, str]]") -> None:
        """Rows skipped without a line each (out of scope, repeats): one entry per reason,
        listed first."""
        entries = [
            RowIssue(0, field, f"{count} rows {reason} (not listed)")
            for (field, reason), count in counts.items()
            if count
        ]
        self.skipped += sum(counts.values())
        self.skips[0:0] = entries

    def skip(self, issue: RowIssue) -> None:
        self.skipped += 1
        if len(self.skips) < MAX_LISTED:
            self.skips.append(issue)


class Importer(abc.ABC):
    """Base class; see the module docstring."""

    kind: ClassVar[str]
    help: ClassVar[str] = ""
    # The Source recorded for each imported file (licence and attribution are required
    # by CC BY, which most of these files are under).
    source_title: ClassVar[str]
    source_publisher: ClassVar[str] = ""
    source_url: ClassVar[str] = ""
    source_licence: ClassVar[str] = ""
    source_attribution: ClassVar[str] = ""
    required_columns: ClassVar[set[str]] = set()
    delimiter: ClassVar[str] = ","
    header: ClassVar[list[str] | None] = None
    # Names of the --option KEY=VALUE settings this importer understands.
    allowed_options: ClassVar[set[str]] = set()

    def __init__(
        self,
        *,
        actor: Actor = SYSTEM,
        dry_run: bool = False,
        allow_rejects: bool = False,
        progress: bool = False,
        options: dict[str, list[str]] | None = None,
    ):
        self.options = options or {}
        unknown = sorted(set(self.options) - self.allowed_options)
        if unknown:
            raise ValueError(
                f"{self.kind} does not understand option(s) {', '.join(unknown)}; it takes: "
                + (", ".join(sorted(self.allowed_options)) or "none")
            )
        self.actor = actor
        self.dry_run = dry_run
        self.allow_rejects = allow_rejects
        self.progress = progress
        self.source: Source | None = None
        self._seen: dict[Any, int] = {}

    # --- for subclasses -------------------------------------------------------------
    def rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        return read_rows(
            path, required=self.required_columns, delimiter=self.delimiter, header=self.header
        )

    def prepare(self) -> None:  # noqa: B027 - an optional hook
        """Load what rows are matched against (inside the transaction)."""

    @abc.abstractmethod
    def process(self, line: int, row: dict[str, str]) -> Outcome:
        """What happened to the row; raise RowRejected or RowSkipped instead."""

    def finish(self) -> None:  # noqa: B027 - an optional hook
        """Work after the last row (bulk writes, search keys), inside the transaction."""

    def skip_quietly(self, field_name: str, reason: str) -> None:
        """Count a row this import leaves aside without listing it (thousands of rows out of
        scope would drown the report); the summary gives one line per reason."""
        self._quiet[(field_name, reason)] += 1

    def once(self, key: Any, line: int, field_name: str) -> None:
        """Reject a row whose key an earlier row of the same file already had."""
        first = self._seen.setdefault(key, line)
        if first != line:
            raise RowRejected(field_name, f"{key!r} was already given on line {first}")

    # --- the frame --------------------------------------------------------------------
    def run(self, path: Path | str) -> ImportSummary:
        path = Path(path)
        if not (self.actor is SYSTEM or getattr(self.actor, "is_superuser", False)):
            raise PermissionDenied(_("Only registry stewards (superusers) may import data."))
        summary = ImportSummary(kind=self.kind, path=str(path), dry_run=self.dry_run)
        self._quiet: Counter[tuple[str, str]] = Counter()
        try:
            check_file(path)  # before hashing it for the source
            with transaction.atomic():
                rows = self.rows(path)
                self.source = self._source_for(path)
                summary.source_id = self.source.pk
                self.prepare()
                self._process_all(rows, summary)
                if not summary.rejected or self.allow_rejects:
                    self._finish(summary)
                if self.dry_run or (summary.rejected and not self.allow_rejects):
                    transaction.set_rollback(True)
                else:
                    summary.committed = True
        except FileRejected as exc:
            for issue in exc.issues:
                summary.reject(issue)
            summary.committed = False
        summary.add_counted_skips(self._quiet)
        return summary

    def _finish(self, summary: ImportSummary) -> None:
        try:
            self.finish()
        except ValidationError as exc:
            summary.reject(RowIssue(0, "", "; ".join(exc.messages)))
        except DatabaseError as exc:
            # Only reached if an importer's own checks missed a rule the database keeps;
            # the import is rolled back either way.
            summary.reject(RowIssue(0, "", f"database refused the import: {exc}"))

    def _process_all(self, rows: Iterable, summary: ImportSummary) -> None:
        for line, row in tqdm(rows, disable=not self.progress, unit=" rows", desc=self.kind):
            if isinstance(row, RowIssue):
                summary.reject(row)
                continue
            try:
                summary.add(self.process(line, row))
            except RowRejected as exc:
                summary.reject(RowIssue(line, exc.field, exc.message))
            except RowSkipped as exc:
                summary.skip(RowIssue(line, exc.field, exc.message))
            except ValidationError as exc:
                for field_name, messages in _validation_items(exc):
                    summary.reject(RowIssue(line, field_name, "; ".join(messages)))
            except DatabaseError as exc:
                # The transaction is broken (PostgreSQL); report and stop reading.
                summary.reject(RowIssue(line, "", f"database refused the row: {exc}"))
                break

    def _source_for(self, path: Path) -> Source:
        """One Source per distinct file content: importing the same file again reuses it."""
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        source, _created = Source.objects.get_or_create(
            key=f"import-{self.kind}-{digest[:16]}"[:100],
            defaults={
                "title": f"{self.source_title} ({path.name})"[:500],
                "publisher": self.source_publisher,
                "url": self.source_url,
                "licence": self.source_licence,
                "attribution": self.source_attribution,
                "locator": path.name[:300],
            },
        )
        return source

    # --- writing helpers ----------------------------------------------------------------
    def upsert(
        self, model: type[models.Model], existing: models.Model | None, values: dict[str, Any]
    ) -> tuple[models.Model, Outcome]:
        """Create a record or update ``existing`` with ``values``; history records the
        import's source. Unchanged records are not written at all."""
        if existing is None:
            obj = model(**values, source=self.source, data_source=self.kind)
            save_validated(obj, actor=self.actor, reason=f"import {self.kind}")
            return obj, Outcome.CREATED
        changed = [k for k, v in values.items() if getattr(existing, k) != v]
        if not changed:
            return existing, Outcome.UNCHANGED
        for key in changed:
            setattr(existing, key, values[key])
        existing.source = self.source
        save_validated(existing, actor=self.actor, reason=f"import {self.kind}")
        return existing, Outcome.UPDATED

    def bulk_create(self, model: type[models.Model], objs: list[models.Model]) -> list:
        """Validate fields (no queries) and create in batches, with history."""
        for obj in objs:
            obj.full_clean(validate_unique=False, validate_constraints=False, exclude=_fk(model))
        return bulk_create_with_history(
            objs,
            model,
            batch_size=500,
            default_user=history_user(self.actor),
            default_change_reason=f"import {self.kind}",
        )

    def bulk_update(self, model: type[models.Model], objs: list[models.Model], fields: list[str]):
        for obj in objs:
            obj.full_clean(validate_unique=False, validate_constraints=False, exclude=_fk(model))
        if objs:
            bulk_update_with_history(
                objs,
                model,
                fields,
                batch_size=500,
                default_user=history_user(self.actor),
                default_change_reason=f"import {self.kind}",
            )


def _fk(model: type[models.Model]) -> list[str]:
    """Foreign keys are resolved by the importer itself; validating them costs a query."""
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


def _validation_items(exc: ValidationError) -> list[tuple[str, list[str]]]:
    if hasattr(exc, "error_dict"):
        return [
            (name, [m for e in errs for m in e.messages]) for name, errs in exc.error_dict.items()
        ]
    return [("", exc.messages)]
