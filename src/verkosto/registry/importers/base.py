"""The frame every importer shares: read, check every item, write all or nothing.

``BaseImporter.run`` is the frame: the permission check, the transaction, the progress
bar, the summary, and the rule that one rejected item rolls the whole import back
(unless the caller accepts a partial import); a dry run does everything and then rolls
back. What an item is comes from the two kinds of importer built on it:

- ``Importer`` reads the rows of one CSV (or other) file: a subclass names its columns
  and source and implements ``process(line, row)``;
- ``FileImporter`` reads the files of a folder (or one file): a subclass names the file
  endings it reads and implements ``process_file(number, path)``.

Either returns what happened to its item or raises ``RowRejected`` / ``RowSkipped``.
Messages are translatable and rendered in the reader's language when shown (``errors``).
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
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history
from tqdm import tqdm

from verkosto.accounts.permissions import SYSTEM, Actor, history_user
from verkosto.registry.importers.csvfile import check_file, read_rows
from verkosto.registry.importers.errors import (
    FileRejected,
    Message,
    RowIssue,
    RowRejected,
    RowSkipped,
)
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

    def add_counted_skips(self, counts: "Counter[tuple[str, Promise]]") -> None:
        """Rows skipped without a line each (out of scope, repeats): one entry per reason,
        listed first. A reason is a lazy translation with a ``%(count)d`` placeholder."""
        entries = [
            RowIssue(0, field, Message(reason, count=count))
            for (field, reason), count in counts.items()
            if count
        ]
        self.skipped += sum(counts.values())
        self.skips[0:0] = entries

    def skip(self, issue: RowIssue) -> None:
        self.skipped += 1
        if len(self.skips) < MAX_LISTED:
            self.skips.append(issue)


class BaseImporter(abc.ABC):
    """The frame; see the module docstring. Subclass ``Importer`` or ``FileImporter``."""

    kind: ClassVar[str]
    help: ClassVar[str] = ""
    # The Source recorded for each imported file (licence and attribution are required
    # by CC BY, which most of these files are under).
    source_title: ClassVar[str]
    source_publisher: ClassVar[str] = ""
    source_url: ClassVar[str] = ""
    source_licence: ClassVar[str] = ""
    source_attribution: ClassVar[str] = ""
    # Names of the --option KEY=VALUE settings this importer understands.
    allowed_options: ClassVar[set[str]] = set()
    # What the progress bar counts.
    unit: ClassVar[str] = " rows"

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
                Message(
                    _("%(kind)s does not understand option(s) %(unknown)s; it takes: %(known)s"),
                    kind=self.kind,
                    unknown=", ".join(unknown),
                    known=", ".join(sorted(self.allowed_options)) or Message(_("none")),
                )
            )
        self.actor = actor
        self.dry_run = dry_run
        self.allow_rejects = allow_rejects
        self.progress = progress
        self.source: Source | None = None
        self._seen: dict[Any, int] = {}

    # --- for the two kinds of importer ------------------------------------------------
    def check(self, path: Path) -> None:  # noqa: B027 - an optional hook
        """Raise FileRejected if ``path`` cannot be imported at all (before anything else)."""

    @abc.abstractmethod
    def read(self, path: Path) -> Iterable[tuple[int, Any]]:
        """``(number, item)`` pairs; a RowIssue in an item's place is reported as it is."""

    @abc.abstractmethod
    def handle(self, number: int, item: Any) -> Outcome:
        """What happened to one item; raise RowRejected or RowSkipped instead."""

    def issue(self, number: int, item: Any, field_name: str, message: str) -> RowIssue:
        """Where a problem with an item is reported: its line, by default."""
        return RowIssue(number, field_name, message)

    # --- for subclasses -------------------------------------------------------------
    def prepare(self) -> None:  # noqa: B027 - an optional hook
        """Load what items are matched against (inside the transaction)."""

    def finish(self) -> None:  # noqa: B027 - an optional hook
        """Work after the last item (bulk writes, search keys), inside the transaction."""

    def skip_quietly(self, field_name: str, reason: Promise) -> None:
        """Count a row this import leaves aside without listing it (thousands of rows out of
        scope would drown the report); the summary gives one line per reason. ``reason``
        is a lazy translation with a ``%(count)d`` placeholder for the number of rows."""
        self._quiet[(field_name, reason)] += 1

    def once(self, key: Any, line: int, field_name: str) -> None:
        """Reject a row whose key an earlier row of the same file already had."""
        first = self._seen.setdefault(key, line)
        if first != line:
            raise RowRejected(
                field_name,
                _("%(key)s was already given on line %(first)d"),
                key=repr(key),
                first=first,
            )

    def source_for(self, path: Path) -> Source | None:
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

    # --- the frame --------------------------------------------------------------------
    def run(self, path: Path | str) -> ImportSummary:
        path = Path(path)
        if not (self.actor is SYSTEM or getattr(self.actor, "is_superuser", False)):
            raise PermissionDenied(gettext("Only registry stewards (superusers) may import data."))
        summary = ImportSummary(kind=self.kind, path=str(path), dry_run=self.dry_run)
        self._quiet: Counter[tuple[str, Promise]] = Counter()
        try:
            self.check(path)  # before hashing it for the source
            with transaction.atomic():
                items = self.read(path)
                self.source = self.source_for(path)
                summary.source_id = self.source.pk if self.source else None
                self.prepare()
                self._process_all(items, summary)
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
        except RowRejected as exc:
            summary.reject(RowIssue(0, exc.field, exc.message))
        except ValidationError as exc:
            summary.reject(RowIssue(0, "", Message(exc)))
        except DatabaseError as exc:
            # Only reached if an importer's own checks missed a rule the database keeps;
            # the import is rolled back either way.
            message = Message(_("database refused the import: %(error)s"), error=str(exc))
            summary.reject(RowIssue(0, "", message))

    def _process_all(self, items: Iterable, summary: ImportSummary) -> None:
        for number, item in tqdm(items, disable=not self.progress, unit=self.unit, desc=self.kind):
            if isinstance(item, RowIssue):
                summary.reject(item)
                continue
            try:
                summary.add(self.handle(number, item))
            except RowRejected as exc:
                summary.reject(self.issue(number, item, exc.field, exc.message))
            except RowSkipped as exc:
                summary.skip(self.issue(number, item, exc.field, exc.message))
            except ValidationError as exc:
                for field_name, errors in _validation_items(exc):
                    summary.reject(self.issue(number, item, field_name, Message(errors)))
            except DatabaseError as exc:
                # The transaction is broken (PostgreSQL); report and stop reading.
                message = Message(_("database refused the row: %(error)s"), error=str(exc))
                summary.reject(self.issue(number, item, "", message))
                break

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


class Importer(BaseImporter):
    """An import of the rows of one file; a subclass implements ``process(line, row)``."""

    required_columns: ClassVar[set[str]] = set()
    delimiter: ClassVar[str] = ","
    header: ClassVar[list[str] | None] = None

    def rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        return read_rows(
            path, required=self.required_columns, delimiter=self.delimiter, header=self.header
        )

    @abc.abstractmethod
    def process(self, line: int, row: dict[str, str]) -> Outcome:
        """What happened to the row; raise RowRejected or RowSkipped instead."""

    def check(self, path: Path) -> None:
        check_file(path)

    def read(self, path: Path) -> Iterable[tuple[int, Any]]:
        return self.rows(path)

    def handle(self, number: int, item: Any) -> Outcome:
        return self.process(number, item)


class FileImporter(BaseImporter):
    """An import of the files of a folder, each file one item; a subclass names the
    ``suffixes`` it reads and implements ``process_file(number, path)``. One file may be
    given instead of a folder (the admin's import page uploads one file).

    A problem with a file is reported under the file's name. No Source is recorded for
    the folder: each file records where it came from itself.
    """

    suffixes: ClassVar[frozenset[str]]
    unit = " files"

    @abc.abstractmethod
    def process_file(self, number: int, path: Path) -> Outcome:
        """What happened to the file; raise RowRejected or RowSkipped instead."""

    def files(self, path: Path) -> list[Path]:
        """The files to import, in name order; FileRejected if there are none."""
        endings = ", ".join(sorted(self.suffixes))
        if path.is_file():
            if path.suffix.lower() not in self.suffixes:
                message = Message(_("only %(endings)s files are read"), endings=endings)
                raise FileRejected([RowIssue(0, path.name, message)])
            return [path]
        if not path.is_dir():
            message = Message(_("no such file or folder: %(path)s"), path=str(path))
            raise FileRejected([RowIssue(0, "", message)])
        files = sorted(
            p for p in path.iterdir() if p.is_file() and p.suffix.lower() in self.suffixes
        )
        if not files:
            message = Message(
                _("%(folder)s has no %(endings)s files"), folder=str(path), endings=endings
            )
            raise FileRejected([RowIssue(0, "", message)])
        return files

    def check(self, path: Path) -> None:
        self.files(path)  # a wrong path is reported before a transaction is opened

    def read(self, path: Path) -> Iterable[tuple[int, Any]]:
        return enumerate(self.files(path), start=1)

    def handle(self, number: int, item: Any) -> Outcome:
        return self.process_file(number, item)

    def issue(self, number: int, item: Any, field_name: str, message: str) -> RowIssue:
        return RowIssue(0, f"{item.name}: {field_name}" if field_name else item.name, message)

    def source_for(self, path: Path) -> Source | None:
        return None


def _fk(model: type[models.Model]) -> list[str]:
    """Foreign keys are resolved by the importer itself; validating them costs a query."""
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


def _validation_items(exc: ValidationError) -> list[tuple[str, ValidationError]]:
    """The errors per field; each stays a ValidationError, translated when shown."""
    if hasattr(exc, "error_dict"):
        return [(name, ValidationError(errors)) for name, errors in exc.error_dict.items()]
    return [("", exc)]
