"""Reading a query: words, "phrases" and -exclusions, each widened into the forms an
item may contain, and written out for FTS5 or for PostgreSQL's tsquery. Pure Python.

A clause (a word, a phrase or a run of words naming a concept) becomes an OR of
*alternatives*; each alternative remembers how it was derived, so a hit can say why it
matched ("verkostojen → verkosto", "vänorter → vänort, ystävyyskaupunki (theme Twin
towns)"). Matching uses folded tokens (lower case, no diacritics); what a person reads
keeps the letters: the base forms are written as the analysers give them (Voikko's
"yhteistyö", simplemma's "vänort"), places and concepts as the vocabulary spells them.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from verkosto.common.text import fold
from verkosto.knowledge.language import is_stopword
from verkosto.knowledge.lemmatise import WORD, query_readings, written_forms

# --- expressions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class All:
    """Every part, anywhere in the item."""

    parts: tuple


@dataclass(frozen=True)
class Adjacent:
    """The tokens next to each other, in order (a phrase)."""

    tokens: tuple[str, ...]


Expr = Token | All | Adjacent


def tokens_of(expr: Expr) -> set[str]:
    if isinstance(expr, Token):
        return {expr.text}
    if isinstance(expr, Adjacent):
        return set(expr.tokens)
    return set().union(*(tokens_of(p) for p in expr.parts))


def holds(expr: Expr, present: set[str]) -> bool:
    """Whether an item with these tokens matches ``expr`` (adjacency not checked)."""
    if isinstance(expr, Token):
        return expr.text in present
    if isinstance(expr, Adjacent):
        return all(t in present for t in expr.tokens)
    return all(holds(p, present) for p in expr.parts)


def sequence(tokens: Iterable[str]) -> Expr:
    tokens = tuple(tokens)
    return Token(tokens[0]) if len(tokens) == 1 else All(tuple(Token(t) for t in tokens))


@dataclass
class Alternative:
    expr: Expr
    note: str  # how it was derived, shown in `why` (written with its letters)
    # For a place's other name or a concept's label: the base form of the typed word
    # that led to it ("vänort" for "vänorter"), shown before the note.
    base: str = ""


@dataclass
class Clause:
    text: str  # as the user typed it
    alternatives: list[Alternative] = field(default_factory=list)
    negated: bool = False
    # folded token → the same token as written ("yhteistyo" → "yhteistyö")
    written: dict[str, str] = field(default_factory=dict)

    def add(self, expr: Expr, note: str, base: str = "") -> None:
        if all(a.expr != expr for a in self.alternatives):
            self.alternatives.append(Alternative(expr, note, base))

    def remember(self, tokens: Sequence[str], written: Sequence[str]) -> None:
        for token, shown in zip(tokens, written, strict=True):
            self.written.setdefault(token, shown)

    def shown(self, tokens: Iterable[str]) -> str:
        return " ".join(self.written.get(t, t) for t in tokens)


@dataclass
class ParsedQuery:
    clauses: list[Clause]

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated and c.alternatives]

    @property
    def negative(self) -> list[Clause]:
        return [c for c in self.clauses if c.negated and c.alternatives]

    def highlight_tokens(self) -> set[str]:
        return set().union(*(tokens_in(a.expr) for c in self.positive for a in c.alternatives))


# --- vocabulary the parser expands with ---------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """A theme or glossary entry: its labels per language as lemma-token tuples."""

    # shown in `why`, e.g. "theme Twin towns"; may be lazy, rendered in the language of
    # the query being read (the vocabulary is shared by every language)
    name: str
    labels: tuple[tuple[str, tuple[str, ...], str], ...]  # (language, tokens, as written)
    theme_id: int | None = None


@dataclass
class Vocabulary:
    concepts: list[Concept] = field(default_factory=list)
    # folded place-name token tuple → the other names of the same place
    aliases: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    # folded place-name token tuple → the name as written ("abo",) → "Åbo"
    names: dict[tuple[str, ...], str] = field(default_factory=dict)

    def place_name(self, tokens: tuple[str, ...]) -> str:
        return self.names.get(tokens) or " ".join(tokens)

    def index(self) -> dict[str, list[tuple[Concept, tuple[str, ...]]]]:
        """First label token → (concept, label tokens), for matching spans quickly."""
        by_first: dict[str, list[tuple[Concept, tuple[str, ...]]]] = {}
        for concept in self.concepts:
            for _lang, tokens, _shown in concept.labels:
                if tokens:
                    by_first.setdefault(tokens[0], []).append((concept, tokens))
        return by_first


# --- parsing -------------------------------------------------------------------------------

# Notes in `why` that the engine translates (this module has no Django).
PLACE_NOTE = "other name of the place"
THEME_NOTE = "theme"

_PIECE = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


# --- written forms ----------------------------------------------------------------------


def unfold(token: str, forms: Iterable[str]) -> str:
    """The folded ``token`` with the letters it has in the first of ``forms`` holding it
    ("yhteistyo" in "yhteistyö" → "yhteistyö"); the token itself if none does."""
    for given in forms:
        # Composed first: a letter typed as base + combining mark folds as one.
        form = unicodedata.normalize("NFC", given)
        folded: list[str] = []
        origin: list[int] = []  # for each folded character, its character in ``form``
        for index, char in enumerate(form):
            piece = fold(char) or " "
            folded.append(piece)
            origin.extend([index] * len(piece))
        at = "".join(folded).find(token)
        if at >= 0 and token:
            return form[origin[at] : origin[at + len(token) - 1] + 1]
    return token


def _written(word: str, language: str, tokens: Sequence[str]) -> list[str]:
    forms = written_forms(word, language)
    return [unfold(t, forms) for t in tokens]


def _word_clause(word: str, languages: tuple[str, ...] | None = None) -> Clause:
    clause = Clause(word)
    readings = query_readings(word)
    for lang, analysis in readings.items():
        if languages and lang not in languages:
            continue
        if not analysis.lemmas:
            continue
        lemmas = _written(word, lang, analysis.lemmas)
        clause.remember(analysis.lemmas, lemmas)
        clause.add(sequence(analysis.lemmas), " ".join(lemmas))
        if len(analysis.parts) >= 2:
            parts = _written(word, lang, analysis.parts)
            clause.remember(analysis.parts, parts)
            clause.add(sequence(analysis.parts), " + ".join(parts))
    return clause


def _lemma_options(clause: Clause) -> set[str]:
    return {a.expr.text for a in clause.alternatives if isinstance(a.expr, Token)}


def parse(
    text: str,
    vocabulary: Vocabulary | None = None,
    languages: tuple[str, ...] | None = None,
) -> ParsedQuery:
    """``text`` as clauses; ``vocabulary`` adds place aliases and concept labels."""
    vocabulary = vocabulary or Vocabulary()
    clauses: list[Clause] = []
    loose: list[Clause] = []  # the run of plain positive words, for concept matching

    def flush() -> None:
        clauses.extend(_with_concepts(loose, vocabulary))
        loose.clear()

    for match in _PIECE.finditer(text):
        neg_phrase, phrase, neg_word, word = match.groups()
        if phrase is not None:
            flush()
            words = WORD.findall(phrase)
            if not words:
                continue
            clauses.append(_phrase_clause(phrase, words, bool(neg_phrase), languages))
            continue
        negated = bool(neg_word)
        for piece in WORD.findall(word or ""):
            if is_stopword(piece.lower()) and not negated:
                continue
            clause = _word_clause(piece, languages)
            _add_aliases(clause, vocabulary)
            if negated:
                flush()
                clause.negated = True
                clauses.append(clause)
            else:
                loose.append(clause)
    flush()
    return ParsedQuery(clauses)


def _phrase_clause(
    text: str, words: list[str], negated: bool, languages: tuple[str, ...] | None
) -> Clause:
    """A phrase: the words' main lemmas next to each other, read in each language."""
    clause = Clause(f'"{text}"', negated=negated)
    for lang in languages or ("fi", "sv", "en"):
        tokens: list[str] = []
        shown: list[str] = []
        for word in words:
            lemmas = query_readings(word)[lang].lemmas
            tokens.extend(lemmas)
            shown.extend(_written(word, lang, lemmas))
        if tokens:
            clause.remember(tokens, shown)
            clause.add(
                Adjacent(tuple(tokens)) if len(tokens) > 1 else Token(tokens[0]),
                " ".join(shown),
            )
    return clause


def _add_aliases(clause: Clause, vocabulary: Vocabulary) -> None:
    for lemma in sorted(_lemma_options(clause)):
        for other in vocabulary.aliases.get((lemma,), []):
            note = f"{vocabulary.place_name(other)} ({PLACE_NOTE})"
            clause.add(sequence(other), note, base=clause.shown((lemma,)))


def _with_concepts(words: list[Clause], vocabulary: Vocabulary) -> list[Clause]:
    """Merge runs of words that name a concept into one clause that also matches the
    concept's labels in the other languages; the longest label wins."""
    if not vocabulary.concepts or not words:
        return list(words)
    by_first = vocabulary.index()
    out: list[Clause] = []
    i = 0
    while i < len(words):
        best: tuple[int, list[tuple[Concept, tuple[str, ...]]]] = (0, [])
        for lemma in _lemma_options(words[i]):
            for concept, tokens in by_first.get(lemma, []):
                n = len(tokens)
                if i + n > len(words) or n < best[0]:
                    continue
                if all(tokens[k] in _lemma_options(words[i + k]) for k in range(n)):
                    best = (
                        (n, [(concept, tokens)])
                        if n > best[0]
                        else (n, best[1] + [(concept, tokens)])
                    )
        n, found = best
        if not n:
            _add_part_concepts(words[i], by_first)
            out.append(words[i])
            i += 1
            continue
        span = words[i : i + n]
        merged = Clause(" ".join(c.text for c in span))
        for clause in span:
            merged.written = {**clause.written, **merged.written}
        if n == 1:
            # the word's own readings first, so `why` names the one that matched
            for alt in span[0].alternatives:
                merged.add(alt.expr, alt.note, alt.base)
        else:
            merged.add(
                All(tuple(_clause_expr(c) for c in span)),
                " ".join(c.alternatives[0].note for c in span),
            )
        for concept, tokens in found:
            # the reading of the typed words that names the concept ("vänort")
            base = " ".join(c.shown((t,)) for c, t in zip(span, tokens, strict=True))
            for _lang, label, shown in concept.labels:
                merged.add(sequence(label), f"{shown} ({concept.name})", base=base)
        out.append(merged)
        i += n
    return out


def _add_part_concepts(clause: Clause, by_first: dict) -> None:
    """A compound whose parts name concepts (ilmasto + verkosto) also matches the parts
    in the other languages (klimat/climate + nätverk/network), part by part."""
    for alt in list(clause.alternatives):
        if not isinstance(alt.expr, All) or not all(isinstance(p, Token) for p in alt.expr.parts):
            continue
        widened, notes, any_concept = [], [], False
        for part in alt.expr.parts:
            # label tokens → the label as written, the part itself first
            options = {(part.text,): clause.shown((part.text,))}
            for concept, tokens in by_first.get(part.text, []):
                if len(tokens) == 1:
                    for _lang, label_tokens, label in concept.labels:
                        options.setdefault(label_tokens, label)
            any_concept = any_concept or len(options) > 1
            widened.append(AnyOf(tuple(sequence(o) for o in options)) if len(options) > 1 else part)
            notes.append("/".join(options.values()))
        if any_concept:
            clause.add(All(tuple(widened)), " + ".join(notes))


@dataclass(frozen=True)
class AnyOf:
    """One of the alternatives (the OR a clause makes)."""

    parts: tuple


def _clause_expr(clause: Clause):
    exprs = tuple(a.expr for a in clause.alternatives)
    return exprs[0] if len(exprs) == 1 else AnyOf(exprs)


def clause_expr(clause: Clause):
    return _clause_expr(clause)


# --- writing out --------------------------------------------------------------------------


def to_fts5(parsed: ParsedQuery, relaxed: bool = False) -> str:
    """The FTS5 MATCH string; '' when the query has no positive clause."""
    positive = [_fts5(clause_expr(c)) for c in parsed.positive]
    if not positive:
        return ""
    out = f"({' OR '.join(positive)})" if relaxed else " AND ".join(positive)
    for clause in parsed.negative:
        out = f"({out}) NOT {_fts5(clause_expr(clause))}"
    return out


def _fts5(expr) -> str:
    if isinstance(expr, Token):
        return f'"{expr.text}"'
    if isinstance(expr, Adjacent):
        return '"' + " ".join(expr.tokens) + '"'
    if isinstance(expr, All):
        return "(" + " AND ".join(_fts5(p) for p in expr.parts) + ")"
    return "(" + " OR ".join(_fts5(p) for p in expr.parts) + ")"


def to_tsquery(parsed: ParsedQuery, relaxed: bool = False) -> str:
    """The to_tsquery('simple', …) string; '' when the query has no positive clause."""
    positive = [_ts(clause_expr(c)) for c in parsed.positive]
    if not positive:
        return ""
    out = f"({' | '.join(positive)})" if relaxed else " & ".join(positive)
    for clause in parsed.negative:
        out = f"({out}) & !{_ts(clause_expr(clause))}"
    return out


def _ts(expr) -> str:
    if isinstance(expr, Token):
        return f"'{expr.text}'"
    if isinstance(expr, Adjacent):
        return "(" + " <-> ".join(f"'{t}'" for t in expr.tokens) + ")"
    if isinstance(expr, All):
        return "(" + " & ".join(_ts(p) for p in expr.parts) + ")"
    return "(" + " | ".join(_ts(p) for p in expr.parts) + ")"


def holds_any(expr, present: set[str]) -> bool:
    if isinstance(expr, AnyOf):
        return any(holds_any(p, present) for p in expr.parts)
    if isinstance(expr, All):
        return all(holds_any(p, present) for p in expr.parts)
    return holds(expr, present)


def why(parsed: ParsedQuery, present: set[str]) -> list[str]:
    """For each positive clause, how an item with these tokens matched it: the words as
    typed, then the base form, place name or concept label that matched, written with
    their letters ("verkostojen → verkosto", "vänorter → vänort, ystävyyskaupunki
    (twin towns)")."""
    out: list[str] = []
    for clause in parsed.positive:
        for alt in clause.alternatives:
            if holds_any(alt.expr, present):
                note = alt.note
                if alt.base and fold(alt.base) != fold(clause.text):
                    note = f"{alt.base}, {note}"
                same = fold(note) == fold(clause.text)
                out.append(clause.text if same else f"{clause.text} → {note}")
                break
    return out


def tokens_in(expr) -> set[str]:
    if isinstance(expr, AnyOf | All):
        return set().union(*(tokens_in(p) for p in expr.parts))
    return tokens_of(expr)
