"""Good practices, event and visit reports, documents, and the search index over them.

Each item is shared with every workspace (``workspace`` empty) or private to one; the
index row (``SearchEntry``) copies the item's visibility so a search never has to join
back to the three item tables to decide what a workspace may see.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import Visibility


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class ItemKind(models.TextChoices):
    PRACTICE = "practice", _("Good practice")
    REPORT = "report", _("Event or visit report")
    DOCUMENT = "document", _("Document")


def validate_sdgs(value: object) -> None:
    """A list of distinct UN Sustainable Development Goal numbers, 1–17."""
    if not isinstance(value, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    ):
        raise ValidationError(_("SDGs are a list of whole numbers from 1 to 17."))
    wrong = [n for n in value if not 1 <= n <= 17]
    if wrong:
        raise ValidationError(
            _("%(numbers)s: an SDG number is between 1 and 17."),
            params={"numbers": ", ".join(str(n) for n in wrong)},
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each SDG may be given only once."))


def validate_links(value: str) -> None:
    """One web address per line."""
    check = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(value.splitlines(), start=1):
        if line.strip():
            try:
                check(line.strip())
            except ValidationError:
                raise ValidationError(
                    _("Line %(line)s is not a web address: %(text)s"),
                    params={"line": number, "text": line.strip()[:100]},
                ) from None


class KnowledgeItem(Visibility):
    """What practices, reports and documents share: text in one language, themes, dates."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FINNISH
    )
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class GoodPractice(KnowledgeItem):
    """A way of working one organisation has tried and others may reuse."""

    body = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.PROTECT,
        related_name="good_practices",
        verbose_name=_("organisation"),
        help_text=_("The organisation whose practice this is."),
    )
    network = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_practices",
        verbose_name=_("shared through network"),
    )
    event = models.ForeignKey(
        "registry.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("presented at event"),
    )
    sdgs = models.JSONField(
        _("SDGs"),
        default=list,
        blank=True,
        validators=[validate_sdgs],
        help_text=_("UN Sustainable Development Goals the practice serves, 1–17."),
    )
    results = models.TextField(_("results"), blank=True)
    contacts = models.TextField(_("contacts"), blank=True)
    links = models.TextField(
        _("links"), blank=True, validators=[validate_links], help_text=_("One address per line.")
    )
    attachments = models.ManyToManyField(
        "knowledge.Document",
        blank=True,
        related_name="practices",
        verbose_name=_("attachments"),
    )

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-updated_at", "pk"]


class ReportKind(models.TextChoices):
    EVENT = "event", _("Event report")
    VISIT = "visit", _("Visit report")


class Report(KnowledgeItem):
    """What someone brought home from an event or a visit."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=ReportKind.choices, default=ReportKind.EVENT
    )
    body = models.TextField(_("report"), blank=True)
    date = models.DateField(_("date"))
    event = models.ForeignKey(
        "registry.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_reports",
        verbose_name=_("event or visit"),
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_reports",
        verbose_name=_("reporting organisation"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-date", "pk"]


class DocumentFormat(models.TextChoices):
    TXT = "txt", _("Text")
    HTML = "html", _("HTML")
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (DOCX)")


class Document(KnowledgeItem):
    """An uploaded or imported file, kept in media storage, with the text read from it."""

    file = models.FileField(_("file"), upload_to="knowledge/documents/%Y/%m/", max_length=300)
    format = models.CharField(_("format"), max_length=4, choices=DocumentFormat.choices)
    text = models.TextField(_("text"), blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_documents",
        verbose_name=_("organisation"),
    )
    # Imports set data_source + origin_id (the file name), so importing a folder again
    # updates its documents instead of adding copies.
    data_source = models.CharField(_("data source"), max_length=50, blank=True)
    origin_id = models.CharField(_("origin id"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["data_source", "origin_id"],
                condition=~Q(origin_id=""),
                name="knowledge_document_origin_unique",
                violation_error_message=_(
                    "A document from this source with this origin id exists."
                ),
            ),
        ]


class SearchEntry(models.Model):
    """One searchable item: what search filters, counts and checks visibility by.

    Kept narrow (no text) so that counting facets over tens of thousands of matches reads
    few pages; the words are in ``SearchText``.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    object_id = models.PositiveBigIntegerField(_("item id"))
    workspace = models.ForeignKey(
        "accounts.Workspace", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    themes = models.ManyToManyField("registry.Theme", blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="knowledge_searchentry_once_per_item"
            ),
        ]
        indexes = [
            models.Index(fields=["workspace"], name="knowledge_entry_workspace"),
            models.Index(fields=["organisation"], name="knowledge_entry_org"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchText(models.Model):
    """The words of a SearchEntry: as written (for highlighting) and as lemmas.

    The full-text index over the ``*_lemmas`` columns is not a model field: migration
    0002 adds it per database (on PostgreSQL a GIN-indexed ``tsvector`` column of
    SearchEntry, on SQLite an FTS5 table, both kept in step by triggers on this table);
    see search/backends.
    """

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="words"
    )
    title = models.CharField(_("title"), max_length=300)
    origin_id = models.CharField(_("origin id"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    title_lemmas = models.TextField(blank=True)
    summary_lemmas = models.TextField(blank=True)
    body_lemmas = models.TextField(blank=True)
    # Compound parts, other readings and surface forms: found, but weighted least.
    extra_lemmas = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self) -> str:
        return self.title


class ItemVector(models.Model):
    """The sentence embedding of an item's title and opening text (knowledge.embeddings),
    for finding items similar in meaning across languages.

    Keyed by the item (kind, id), not by its SearchEntry: rebuilding the index keeps
    the vectors, which take a fraction of a second each to compute, and ``digest`` tells
    which of them the item's text has outdated. Derived data: no history.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    object_id = models.PositiveBigIntegerField(_("item id"))
    digest = models.CharField(max_length=64)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("item vector")
        verbose_name_plural = _("item vectors")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="knowledge_itemvector_once_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"
