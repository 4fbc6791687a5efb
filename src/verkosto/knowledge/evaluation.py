"""Judging a search against labelled queries: pure functions, no Django.

``verkosto searcheval`` uses them on a user's own folder and queries file; they are kept
apart from the database so they can be checked on hand-computed cases.

Metrics (every ranking is a list of document names, best first; a name listed twice
counts once, at its first place):

- nDCG@k with graded gains: DCG = Σ grade(d_i) / log2(i + 1) over the first k places,
  divided by the DCG of the ideal order of the judged grades (linear gains, as
  trec_eval's ``ndcg_cut`` and scikit-learn's ``ndcg_score``); binary labels are grade 1.
- recall@k: the share of the relevant documents (grade > 0) in the first k places.
- reciprocal rank: 1 / the place of the first relevant document, 0 when none is
  ranked; its mean over the queries is the MRR.

Queries file formats (see ``read_queries``): a JSON array of objects, JSON Lines, or
TSV. bench/search has its own binary nDCG/recall for the project's corpus; these are
written separately (graded, with MRR and the query file) rather than moved from there.
"""

import json
import math
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from verkosto.common.text import fold
from verkosto.knowledge.language import is_stopword
from verkosto.knowledge.lemmatise import WORD

# --- metrics ------------------------------------------------------------------------------


def _unique(ranked: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ranked))


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain of gains in rank order (rank 1 first)."""
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k of ``ranked`` given each relevant document's grade (0 or absent: not
    relevant). 0.0 when no document is relevant."""
    ideal = dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if not ideal:
        return 0.0
    return dcg([max(grades.get(name, 0), 0) for name in _unique(ranked)[:k]]) / ideal


def recall_at(ranked: Sequence[str], relevant: Iterable[str], k: int = 20) -> float:
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(relevant.intersection(_unique(ranked)[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], relevant: Iterable[str]) -> float:
    relevant = set(relevant)
    for rank, name in enumerate(_unique(ranked), start=1):
        if name in relevant:
            return 1 / rank
    return 0.0


# --- queries ------------------------------------------------------------------------------


class QueryFileError(ValueError):
    """A queries file that cannot be used; ``line`` is 0 for the file as a whole."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class LabelledQuery:
    line: int  # where it is written in the queries file
    text: str
    grades: dict[str, int]  # document file name → grade (> 0 relevant, 0 judged not)
    label: str = ""  # the "id" given in JSON, else empty

    @property
    def relevant(self) -> set[str]:
        return {name for name, grade in self.grades.items() if grade > 0}

    @property
    def name(self) -> str:
        return self.label or f"line {self.line}"


FORMAT_HELP = """\
Queries file, one of:
  JSON   [{"query": "verkostojen yhteistyö", "relevant": ["a.txt", "b.pdf"]},
          {"query": "vänorter", "relevant": {"c.docx": 2, "a.txt": 1}, "id": "sv-1"}]
  JSON Lines (.jsonl): one such object per line.
  TSV    query<TAB>file[:grade]<TAB>file[:grade]…  ('#' comment lines, blank lines and a
         first line starting with 'query' are skipped)
Files are named by file name (the document's origin id); a grade is a whole number
(default 1; higher is more relevant; 0 = judged not relevant).
Metrics: nDCG@k with linear graded gains; recall@20; MRR over the top max(k, 20)."""


def read_queries(path: Path | str) -> list[LabelledQuery]:
    """The labelled queries of a file; QueryFileError with the line for any problem.

    The format follows the suffix (.json, .jsonl, .tsv/.txt); otherwise the content
    decides: '[' starts a JSON array, '{' JSON Lines, anything else is TSV.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QueryFileError(0, f"cannot read the queries file {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QueryFileError(line, "the queries file is not UTF-8 text") from None
    suffix = path.suffix.lower()
    start = text.lstrip()[:1]
    if suffix == ".jsonl" or (suffix not in (".json", ".tsv", ".txt") and start == "{"):
        queries = _json_lines(text)
    elif suffix == ".json" or (suffix not in (".tsv", ".txt") and start == "["):
        queries = _json_array(text)
    else:
        queries = _tsv(text)
    if not queries:
        raise QueryFileError(0, f"{path} has no queries")
    return queries


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _json_array(text: str) -> list[LabelledQuery]:
    """Each element decoded on its own, so an error names the line its object starts on."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    pos = ws.match(text).end()
    if text[pos : pos + 1] != "[":
        raise QueryFileError(_line_of(text, pos), "expected a JSON array ('[') of queries")
    pos = ws.match(text, pos + 1).end()
    queries: list[LabelledQuery] = []
    if text[pos : pos + 1] == "]":
        return queries
    while True:
        line = _line_of(text, pos)
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise QueryFileError(exc.lineno, f"not valid JSON: {exc.msg}") from None
        queries.append(_query(line, value))
        pos = ws.match(text, pos).end()
        if text[pos : pos + 1] == "]":
            break
        if text[pos : pos + 1] != ",":
            raise QueryFileError(_line_of(text, pos), "expected ',' or ']' after a query")
        pos = ws.match(text, pos + 1).end()
    if text[pos + 1 :].strip():
        raise QueryFileError(_line_of(text, pos + 1), "text after the closing ']'")
    return queries


def _json_lines(text: str) -> list[LabelledQuery]:
    queries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QueryFileError(number, f"not valid JSON: {exc.msg}") from None
        queries.append(_query(number, value))
    return queries


def _grade(line: int, name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryFileError(line, f"the grade of {name!r} must be a whole number ≥ 0")
    return value


def _query(line: int, value: object) -> LabelledQuery:
    if not isinstance(value, dict):
        raise QueryFileError(line, "each query is an object with 'query' and 'relevant'")
    unknown = sorted(set(value) - {"query", "relevant", "id"})
    if unknown:
        raise QueryFileError(line, f"unknown key(s) {', '.join(unknown)}")
    text = value.get("query")
    if not isinstance(text, str) or not text.strip():
        raise QueryFileError(line, "'query' must be a non-empty text")
    relevant = value.get("relevant")
    grades: dict[str, int] = {}
    if isinstance(relevant, list):
        for name in relevant:
            if not isinstance(name, str) or not name.strip():
                raise QueryFileError(line, "'relevant' lists file names (texts)")
            if name in grades:
                raise QueryFileError(line, f"{name!r} is listed twice")
            grades[name] = 1
    elif isinstance(relevant, dict):
        grades = {name: _grade(line, name, grade) for name, grade in relevant.items()}
    else:
        raise QueryFileError(
            line, "'relevant' must be a list of file names or an object {file name: grade}"
        )
    label = value.get("id", "")
    return _checked(LabelledQuery(line, text.strip(), grades, str(label)))


def _tsv(text: str) -> list[LabelledQuery]:
    queries = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [c.strip() for c in line.split("\t")]
        if not cells[0] or cells[0].startswith("#"):
            if any(cells[1:]):
                raise QueryFileError(number, "the first column (the query) is empty")
            continue
        if number == 1 and cells[0].lower().startswith("query"):
            continue  # a header
        grades: dict[str, int] = {}
        for cell in filter(None, cells[1:]):
            name, grade = cell, 1
            head, sep, tail = cell.rpartition(":")
            if sep and tail.strip().isdigit():
                name, grade = head.strip(), int(tail)
            if name in grades:
                raise QueryFileError(number, f"{name!r} is listed twice")
            grades[name] = grade
        queries.append(_checked(LabelledQuery(number, cells[0], grades)))
    return queries


def _checked(query: LabelledQuery) -> LabelledQuery:
    if not query.relevant:
        raise QueryFileError(query.line, f"query {query.text!r} names no relevant document")
    return query


def check_documents(queries: Iterable[LabelledQuery], available: Iterable[str]) -> None:
    """QueryFileError (with the line) for the first query naming a file not available."""
    names = set(available)
    folded = {name.casefold(): name for name in names}
    for query in queries:
        for name in query.grades:
            if name not in names:
                hint = folded.get(name.casefold())
                extra = f" (did you mean {hint!r}?)" if hint else ""
                raise QueryFileError(
                    query.line, f"query {query.text!r} names {name!r}, not in the folder{extra}"
                )


# --- baseline (a): substring matching -----------------------------------------------------


def query_words(query: str) -> list[str]:
    """The words of a query as the baselines read it: lower-case, stopwords dropped."""
    words = [w.casefold() for w in WORD.findall(query)]
    return [w for w in words if not is_stopword(w)]


def substring_ranking(query: str, texts: Mapping[str, str]) -> list[str]:
    """Names of the texts containing every query word as a substring (diacritics and case
    ignored), most occurrences first; when none has them all, those with any."""
    words = [f for f in (fold(w) for w in query_words(query)) if f]
    folded = {name: fold(text) for name, text in texts.items()}

    def rank(require_all: bool) -> list[str]:
        scored = []
        for name, text in folded.items():
            counts = [text.count(w) for w in words]
            if all(counts) if require_all else any(counts):
                scored.append((-sum(counts), name))
        return [name for _count, name in sorted(scored)]

    if not words:
        return []
    return rank(True) or rank(False)


# --- the whole evaluation -----------------------------------------------------------------


@dataclass
class QueryScore:
    query: LabelledQuery
    ndcg: float
    recall: float
    rr: float
    ranked: list[str]


@dataclass
class ModeScore:
    mode: str  # "a", "b", "c"
    label: str
    queries: list[QueryScore] = field(default_factory=list)

    def mean(self, metric: str) -> float:
        values = [getattr(q, metric) for q in self.queries]
        return statistics.fmean(values) if values else 0.0


RECALL_DEPTH = 20


def score_mode(
    mode: str,
    label: str,
    queries: Sequence[LabelledQuery],
    rankings: Sequence[Sequence[str]],
    k: int,
) -> ModeScore:
    """Scores of one mode; ``rankings[i]`` is its ranking for ``queries[i]``."""
    scored = ModeScore(mode, label)
    for query, ranked in zip(queries, rankings, strict=True):
        ranked = _unique(ranked)
        scored.queries.append(
            QueryScore(
                query=query,
                ndcg=ndcg_at(ranked, query.grades, k),
                recall=recall_at(ranked, query.relevant, RECALL_DEPTH),
                rr=reciprocal_rank(ranked, query.relevant),
                ranked=ranked[: max(k, RECALL_DEPTH)],
            )
        )
    return scored


def as_json(modes: Sequence[ModeScore], k: int, about: Mapping[str, object]) -> dict:
    return {
        **about,
        "k": k,
        "recall_depth": RECALL_DEPTH,
        "modes": {
            m.mode: {
                "label": m.label,
                "ndcg": round(m.mean("ndcg"), 4),
                "recall": round(m.mean("recall"), 4),
                "mrr": round(m.mean("rr"), 4),
                "queries": [
                    {
                        "line": q.query.line,
                        "id": q.query.label,
                        "query": q.query.text,
                        "ndcg": round(q.ndcg, 4),
                        "recall": round(q.recall, 4),
                        "rr": round(q.rr, 4),
                        "relevant": q.query.grades,
                        "top": q.ranked[:k],
                    }
                    for q in m.queries
                ],
            }
            for m in modes
        },
    }


def as_table(modes: Sequence[ModeScore], k: int) -> str:
    """The mean of each metric per mode, then each query's nDCG@k side by side."""
    width = max(len(m.label) for m in modes) + 4
    lines = [
        f"{'mode':<{width}}{f'nDCG@{k}':>9}{f'recall@{RECALL_DEPTH}':>11}{'MRR':>8}",
    ]
    for m in modes:
        lines.append(
            f"{f'({m.mode}) {m.label}':<{width}}"
            f"{m.mean('ndcg'):>9.3f}{m.mean('recall'):>11.3f}{m.mean('rr'):>8.3f}"
        )
    lines += ["", f"{f'nDCG@{k} per query':<{width}}" + "".join(f"{m.mode:>9}" for m in modes)]
    for i, query in enumerate(modes[0].queries):
        name = f"{query.query.line:>4}  {query.query.text}"
        if len(name) > width - 1:
            name = name[: width - 2] + "…"
        lines.append(f"{name:<{width}}" + "".join(f"{m.queries[i].ndcg:>9.3f}" for m in modes))
    return "\n".join(lines)
