"""Twinning from Wikidata's "twinned administrative body" (P190).

Two inputs, told apart by their first character:

* SPARQL JSON results, as query.wikidata.org downloads them (``{"head": {"vars": …},
  "results": {"bindings": […]}}``). The pair is in the variables ``item`` and ``twin``
  (or ``city`` and ``twin_city``); entity URIs or bare QIDs are accepted. Optional:
  ``<var>Label`` (e.g. ``itemLabel``) and ``<var>Country`` (a country entity such as
  ``wd:Q33`` Finland, ``wd:Q34`` Sweden, or an ISO code or English name). A binding's
  number (1, 2, …) is its "line" in reports.
* A tab-separated QID pair per line, no header (the 2016 extract
  ``wikidata_p190_2016_relations.tsv``); its columns are called ``item`` and ``twin``.
  Labels come from ``…names.tsv`` next to it (the file name with "relations" replaced
  by "names") or from ``--option names=PATH``, and only make messages readable.

Both sides are found by their Wikidata QID (Identifier scheme ``wikidata``); nothing is
created. An unknown QID skips the pair. In SPARQL results a Finnish or Swedish side
whose QID is not yet recorded is matched by its label among that country's
municipalities when the binding gives its country (or ``--option item_country=FI``
says every ``item`` is Finnish): a unique match gets the QID as an Identifier, a name
that fits several organisations is skipped. Labels without a country are never
matched: Mora, Minnesota is twinned with Mora, Sweden.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from verkosto.common.countries import country_code
from verkosto.registry.importers import values
from verkosto.registry.importers.base import Importer, ImportSummary, Outcome
from verkosto.registry.importers.csvfile import read_rows, read_text
from verkosto.registry.importers.errors import (
    FileRejected,
    Message,
    RowIssue,
    RowRejected,
    RowSkipped,
)
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.importers.twin_towns import (
    HOME_COUNTRIES,
    TwinningBatch,
)
from verkosto.registry.models import Identifier, IdentifierScheme, OrganisationKind
from verkosto.registry.services.organisations import organisation_refresh_search_key

WIKIDATA = IdentifierScheme.WIKIDATA
# The variable pairs a SPARQL result may use, in order of preference.
VARIABLE_PAIRS = (("item", "twin"), ("city", "twin_city"))
_ENTITY = re.compile(r"https?://www\.wikidata\.org/entity/(.*)")
_QID = re.compile(r"Q[1-9]\d*")
# Country entities as SPARQL results give them (P17): Finland, Sweden.
_COUNTRY_QIDS = {"Q33": "FI", "Q34": "SE"}
REPEATED = (
    "",
    _(
        "%(count)d rows repeat a pair given earlier in the file, in either direction; "
        "counted once (not listed)"
    ),
)


def _entity_id(value: str) -> str:
    match = _ENTITY.fullmatch(value)
    return match.group(1) if match else value


def _qid(row: dict[str, str], var: str) -> str:
    qid = _entity_id(row[var])
    if not _QID.fullmatch(qid):
        raise RowRejected(
            var, _("%(value)r is not a Wikidata QID (expected e.g. Q1757)"), value=row[var][:60]
        )
    return qid


def _country(value: str) -> str | None:
    if not value:
        return None
    entity = _entity_id(value)
    if _QID.fullmatch(entity):
        return _COUNTRY_QIDS.get(entity, "")  # "" = some other country
    if re.fullmatch(r"[A-Z]{2}", value):
        return value
    return country_code(value) or ""


def _cell(binding: dict, var: str) -> str:
    cell = binding.get(var)
    if isinstance(cell, dict) and isinstance(cell.get("value"), str):
        return cell["value"].strip()
    return ""


def _parse_sparql(text: str) -> tuple[tuple[str, str], list]:
    """The variable pair and the bindings of SPARQL JSON results; FileRejected if the
    text is not JSON or not such results."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = Message(
            _("not valid JSON: %(error)s (column %(column)d)"), error=exc.msg, column=exc.colno
        )
        raise FileRejected([RowIssue(exc.lineno, "", message)]) from None
    results = data.get("results") if isinstance(data, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        message = Message(_('not SPARQL JSON results: expected {"results": {"bindings": […]}}'))
        raise FileRejected([RowIssue(0, "", message)])
    head = data.get("head") if isinstance(data.get("head"), dict) else {}
    variables = set(head.get("vars") or [])
    if not variables:
        variables = {k for binding in bindings if isinstance(binding, dict) for k in binding}
    pair = next((p for p in VARIABLE_PAIRS if set(p) <= variables), None)
    if pair is None:
        accepted = [
            Message(_("?%(first)s and ?%(second)s"), first=a, second=b) for a, b in VARIABLE_PAIRS
        ]
        message = Message(
            _("the results need the variables %(accepted)s; they have: %(have)s"),
            accepted=Message(_("%(first)s or %(second)s"), first=accepted[0], second=accepted[1]),
            have=", ".join(sorted(map(str, variables))) or Message(_("none")),
        )
        raise FileRejected([RowIssue(0, "", message)])
    return pair, bindings


def _binding_rows(
    pair: tuple[str, str], bindings: list
) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
    """Each binding as a flat row; its number (from 1) stands for the line."""
    for number, binding in enumerate(bindings, start=1):
        if not isinstance(binding, dict):
            message = Message(_("binding %(number)d is not a JSON object"), number=number)
            yield number, RowIssue(number, "", message)
            continue
        missing = [var for var in pair if not _cell(binding, var)]
        if missing:
            message = Message(
                _("binding %(number)d has no value for %(variables)s"),
                number=number,
                variables=", ".join(f"?{var}" for var in missing),
            )
            yield number, RowIssue(number, ", ".join(missing), message)
            continue
        row = {}
        for var in pair:
            row[var] = _cell(binding, var)
            row[f"{var}Label"] = _cell(binding, f"{var}Label")
            row[f"{var}Country"] = _cell(binding, f"{var}Country")
        yield number, row


class WikidataTwinningImporter(Importer):
    kind = "wikidata-twinning"
    help = "Twinning from Wikidata P190: SPARQL JSON results or a QID-pair TSV"
    source_title = "Wikidata: twinned administrative body (P190)"
    source_publisher = "Wikidata (Wikimedia Foundation)"
    source_url = "https://www.wikidata.org/wiki/Property:P190"
    source_licence = "CC0 1.0"
    source_attribution = (
        "Wikidata contributors, property P190 (CC0); the 2016 extract from "
        "github.com/L3viathan/sister-cities"
    )
    allowed_options = {"names", "item_country"}

    def run(self, path: Path | str) -> ImportSummary:
        self._vars = VARIABLE_PAIRS[0]
        return super().run(path)

    # --- reading ------------------------------------------------------------------------
    def rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        """(number, row) with the two QID variables, their labels and countries; a pair
        already given, in either direction, is only counted."""
        text = read_text(path)
        if text.lstrip().startswith("{"):
            self._vars, bindings = _parse_sparql(text)
            raw = _binding_rows(self._vars, bindings)
        else:
            raw = self._tsv_rows(path)
        seen: set[frozenset] = set()
        a, b = self._vars
        for number, row in raw:
            if not isinstance(row, RowIssue):
                key = frozenset((_entity_id(row[a]), _entity_id(row[b])))
                if key in seen:
                    self.skip_quietly(*REPEATED)
                    continue
                seen.add(key)
            yield number, row

    def _tsv_rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        labels = self._labels(path)
        a, b = self._vars
        for line, row in read_rows(path, required={a, b}, delimiter="\t", header=[a, b]):
            if not isinstance(row, RowIssue):
                row[f"{a}Label"] = labels.get(row[a], "")
                row[f"{b}Label"] = labels.get(row[b], "")
            yield line, row

    def _labels(self, path: Path) -> dict[str, str]:
        """QID → label from the names file, if there is one. Used in messages only, so
        lines that are not "QID<tab>label" are passed over."""
        given = self.options.get("names")
        names = (
            Path(given[-1]) if given else path.with_name(path.name.replace("relations", "names"))
        )
        if names == path or not names.is_file():
            if given:
                message = Message(_("no names file %(path)s"), path=str(names))
                raise FileRejected([RowIssue(0, "", message)])
            return {}
        labels = {}
        for line in read_text(names).splitlines():
            qid, sep, label = line.partition("\t")
            if sep and _QID.fullmatch(qid):
                try:
                    labels[qid] = values.text({"label": label.strip()}, "label", max_length=300)
                except RowRejected:
                    continue  # a label that is not clean text is left out of messages
        return labels

    # --- matching -----------------------------------------------------------------------
    def prepare(self) -> None:
        self.resolver = OrganisationResolver()
        # Labels are matched among municipalities only: a county and a municipality
        # may share a name (Gotland).
        self.municipalities = OrganisationResolver(kinds=(OrganisationKind.MUNICIPALITY,))
        self.batch = TwinningBatch(self)
        self._qids_of: dict[int, set[str]] = {}
        for pk, value in Identifier.objects.filter(scheme=WIKIDATA).values_list(
            "organisation_id", "value"
        ):
            self._qids_of.setdefault(pk, set()).add(value)
        self._new_identifiers: dict[str, int] = {}
        option = self.options.get("item_country")
        self._item_country = _country(option[-1].strip()) if option else None

    def process(self, line: int, row: dict[str, str]) -> Outcome:
        a, b = self._vars
        qids = {var: _qid(row, var) for var in (a, b)}
        labels = {
            var: values.text(row, f"{var}Label", max_length=300, required=False) for var in (a, b)
        }
        if qids[a] == qids[b]:
            raise RowSkipped(b, _("%(qid)s is twinned with itself"), qid=qids[a])
        found: dict[str, int] = {}
        learnt: dict[str, tuple[int, str]] = {}  # QID → (organisation, country) by label
        for var in (a, b):
            pk = self.resolver.by_identifier(WIKIDATA, qids[var])
            if pk is None:
                match = self._by_label(row, var, qids[var], labels[var])
                if match is not None:
                    learnt[qids[var]] = match
                    pk = match[0]
            if pk is not None:
                found[var] = pk
        unknown = [var for var in (a, b) if var not in found]
        if unknown:
            described = ", ".join(
                f"{qids[v]} ({labels[v]})" if labels[v] else qids[v] for v in unknown
            )
            raise RowSkipped(", ".join(unknown), _("unknown QID %(qids)s"), qids=described)
        origin_id = "|".join(sorted(qids.values(), key=lambda q: int(q[1:])))
        outcome = self.batch.add(line, found[a], found[b], origin_id, b)
        # Only a pair that is taken records the QIDs its labels matched.
        for qid, (pk, country) in learnt.items():
            self._new_identifiers[qid] = pk
            self._qids_of.setdefault(pk, set()).add(qid)
            self.resolver.remember(pk, country=country, identifiers=[(WIKIDATA, qid)])
        return Outcome.UPDATED if learnt and outcome is Outcome.UNCHANGED else outcome

    def _by_label(
        self, row: dict[str, str], var: str, qid: str, label: str
    ) -> tuple[int, str] | None:
        """A Finnish or Swedish municipality named ``label``, when the row says the place
        is in Finland or Sweden and the match is unique; skips the row on ambiguity."""
        country = _country(row.get(f"{var}Country", ""))
        if country is None and var == self._vars[0]:
            country = self._item_country
        if not label or country not in HOME_COUNTRIES:
            return None
        try:
            pk = self.municipalities.by_name(country, label)
        except Ambiguous as exc:
            raise RowSkipped(var, _("%(qid)s: %(reason)s"), qid=qid, reason=exc.message) from None
        if pk is None:
            return None
        recorded = self._qids_of.get(pk, set()) - {qid}
        if recorded:
            raise RowSkipped(
                var,
                _(
                    "%(qid)s (%(label)s) names organisation %(id)d, which has Wikidata QID "
                    "%(recorded)s; not guessing which is right"
                ),
                qid=qid,
                label=label,
                id=pk,
                recorded=", ".join(sorted(recorded)),
            )
        return pk, country

    def finish(self) -> None:
        identifiers = [
            Identifier(
                organisation_id=pk,
                scheme=WIKIDATA,
                value=qid,
                source=self.source,
                data_source=self.kind,
            )
            for qid, pk in self._new_identifiers.items()
        ]
        if identifiers:
            self.bulk_create(Identifier, identifiers)
        self.batch.write()
        organisation_refresh_search_key(organisation_ids=set(self._new_identifiers.values()))
