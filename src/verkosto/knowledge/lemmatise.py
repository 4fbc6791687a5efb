"""Words to base forms, for indexing and for queries. Pure Python, no Django.

Stemmers alone miss *Helsingin* → *Helsinki* and cannot split *ilmastoverkostot* into
*ilmasto* + *verkosto*, so Finnish goes through Voikko (base form and compound parts);
words Voikko does not know, and Swedish, go through simplemma; English gets simplemma's
lemma and then a light Porter stem. Every form is folded (lower case, no diacritics) so
*Jyvaskyla* typed without dots still matches.

A word yields one main lemma, which keeps the word's place in the text (phrase search
needs it), and *extras*: compound parts, other readings and the folded surface form,
indexed in a separate, least-weighted column.
"""

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from verkosto.common.text import fold
from verkosto.knowledge.stemmer import stem

log = logging.getLogger(__name__)

# A word: letters and digits, hyphenated compounds (EU-edunvalvonta) kept whole.
WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)

_voikko = None
_voikko_lock = threading.Lock()
_voikko_checked = False
VOIKKO_MISSING = (
    "Voikko (libvoikko with the Finnish dictionary voikko-fi) is not installed: Finnish "
    "words are reduced with simplemma only, which misses many inflected forms and "
    "compound parts."
)


def _get_voikko():
    """The shared Voikko handle, or None (logged once) when Voikko is missing."""
    global _voikko, _voikko_checked
    if _voikko_checked:
        return _voikko
    with _voikko_lock:
        if not _voikko_checked:
            try:
                import libvoikko

                _voikko = libvoikko.Voikko("fi")
            except (ImportError, OSError) as exc:
                log.warning("%s (%s)", VOIKKO_MISSING, exc)
                _voikko = None
            _voikko_checked = True
    return _voikko


def voikko_available() -> bool:
    return _get_voikko() is not None


@dataclass(frozen=True)
class Analysis:
    """One word's folded main lemma tokens and its extra forms."""

    lemmas: tuple[str, ...]
    extras: tuple[str, ...] = ()
    # Compound parts of the main lemma (also among extras), for query expansion.
    parts: tuple[str, ...] = ()


# '+osa(osata)+a+ja(+ja)': a surface piece and, in parentheses, its base form.
_SEGMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")


def _compound_parts(baseform: str, wordbases: str) -> list[str]:
    """Split Voikko's WORDBASES ('+ilmasto(ilmasto)+verkosto(verkosto)') into parts.

    A part starts at a segment that names its own base form; derivational segments
    ('n', 'ta(+ta)') belong to the part before them. The last part is read off the end
    of the base form, since its segments are inflected away in the surface.
    """
    groups: list[list[tuple[str, str]]] = []
    for surface, base in _SEGMENT.findall(wordbases):
        if not surface and not base:
            continue
        if not groups or (base and not base.startswith("+")):
            groups.append([])
        groups[-1].append((surface, base))
    if len(groups) < 2:
        return []
    parts: list[str] = []
    consumed = 0
    for group in groups[:-1]:
        surface = "".join(s for s, _b in group)
        consumed += len(surface)
        lone = len(group) == 1 and group[0][1] and not group[0][1].startswith("+")
        parts.append(group[0][1] if lone else surface)
    rest = baseform[consumed:]
    if not rest:
        rest = "".join(s for s, _b in groups[-1])
    parts.append(rest)
    return [p for p in (fold(p).replace(" ", "") for p in parts) if len(p) >= 2]


def _finnish_voikko(word: str) -> Analysis | None:
    voikko = _get_voikko()
    if voikko is None:
        return None
    with _voikko_lock:
        analyses = voikko.analyze(word)
    if not analyses:
        return None
    first = analyses[0]
    baseform = first.get("BASEFORM") or word
    lemmas = tuple(fold(baseform).split())
    parts = tuple(_compound_parts(baseform, first.get("WORDBASES", "")))
    extras = list(parts)
    for other in analyses[1:]:
        alt = fold(other.get("BASEFORM") or "")
        if alt and alt not in lemmas and alt not in extras:
            extras.extend(alt.split())
    return Analysis(lemmas, tuple(extras), parts)


def _simplemma(word: str, lang: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=lang)
    except ValueError:  # simplemma refuses some odd tokens
        return word


def _sv_known(word: str) -> bool:
    try:
        return simplemma.is_known(word, lang="sv")
    except ValueError:
        return False


@lru_cache(maxsize=100_000)
def _swedish_split(word: str) -> tuple[str, ...]:
    """Compound parts of an unknown Swedish word (klimatnätverket → klimat, nätverket):
    the longest known tail whose head is a known word, or one with the linking -s
    (vänortssamarbete → vänort, samarbete); the head may itself be a compound."""
    if len(word) < 7 or _sv_known(word):
        return ()
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if not _sv_known(tail):
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else ""):
            if len(candidate) >= 3 and _sv_known(candidate):
                return (candidate, tail)
            if len(candidate) >= 7 and (inner := _swedish_split(candidate)):
                return (*inner, tail)
    return ()


def _swedish(word: str) -> Analysis:
    lower = word.lower()
    parts = _swedish_split(lower) if word.isalpha() else ()
    if not parts:
        return Analysis(tuple(fold(_simplemma(word, "sv")).split()))
    lemmas = [fold(_simplemma(p, "sv")).replace(" ", "") for p in parts]
    # The compound's own lemma: its head as written, the last part in base form.
    main = fold(lower[: len(lower) - len(parts[-1])]).replace(" ", "") + lemmas[-1]
    return Analysis((main,), tuple(lemmas), tuple(lemmas))


# Finnish case endings a foreign name takes as it is (Eurocitiesin, Googlessa, Malmöstä);
# longest first, so "issa" is tried before "ssa" and "a".
_CASE_ENDINGS = tuple(
    sorted(
        [
            "in",
            "iin",
            "n",
            "ssa",
            "ssä",
            "sta",
            "stä",
            "lla",
            "llä",
            "lta",
            "ltä",
            "lle",
            "na",
            "nä",
            "ksi",
            "issa",
            "issä",
            "ista",
            "istä",
            "illa",
            "illä",
            "ilta",
            "iltä",
            "ille",
        ],
        key=len,
        reverse=True,
    )
)


def _foreign_name_stems(word: str) -> tuple[str, ...]:
    """The name inside an inflected foreign name Voikko does not know: "Eurocitiesin"
    → "eurocities" (and "eurocitie", from "-sin"; a stem no query asks for costs only a
    little index space). Capitalised words only: a name, not a typo of a common word."""
    if not word[:1].isupper() or not word.isalpha():
        return ()
    folded = fold(word)
    stems = []
    for ending in _CASE_ENDINGS:
        ending = fold(ending)
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            stem = folded[: -len(ending)]
            if stem not in stems:
                stems.append(stem)
    return tuple(stems[:2])


@lru_cache(maxsize=200_000)
def analyse_word(word: str, language: str) -> Analysis:
    """The lemmas of one word of a text in ``language`` ('fi', 'sv' or 'en')."""
    surface = fold(word).replace(" ", "")
    if not surface:
        return Analysis(())
    if word.isdigit():
        return Analysis((surface,))
    if language == "fi":
        found = _finnish_voikko(word)
        if found is None and "-" in word:
            # Voikko may know the pieces of an unknown hyphenated word (HINKU-kunnat).
            pieces = [analyse_word(p, "fi") for p in word.split("-") if p]
            lemmas = tuple(t for a in pieces for t in a.lemmas)
            extras = tuple(t for a in pieces for t in a.extras)
            found = Analysis(lemmas, extras)
        if found is None:
            found = Analysis(tuple(fold(_simplemma(word, "fi")).split()), _foreign_name_stems(word))
    elif language == "sv":
        found = _swedish(word)
    else:
        lemma = fold(_simplemma(word, "en"))
        found = Analysis(tuple(stem(t) for t in lemma.split()))
    if surface not in found.lemmas and surface not in found.extras and "-" not in word:
        found = Analysis(found.lemmas, (*found.extras, surface), found.parts)
    return found


@dataclass
class LemmaText:
    """A text as lemmas: ``lemmas`` in word order, ``extras`` for the extra column."""

    lemmas: str
    extras: str


def lemmatise_text(text: str, language: str) -> LemmaText:
    lemmas: list[str] = []
    extras: list[str] = []
    for word in WORD.findall(text):
        analysis = analyse_word(word, language)
        lemmas.extend(analysis.lemmas)
        extras.extend(analysis.extras)
    return LemmaText(" ".join(lemmas), " ".join(extras))


def lemmatise_fields(*, title: str, summary: str, body: str, language: str) -> dict[str, str]:
    """The four index columns of an item: title, summary and body lemmas, and extras."""
    out: dict[str, str] = {}
    extras: list[str] = []
    for name, text in (("title", title), ("summary", summary), ("body", body)):
        lemma_text = lemmatise_text(text, language)
        out[f"{name}_lemmas"] = lemma_text.lemmas
        if lemma_text.extras:
            extras.append(lemma_text.extras)
    out["extra_lemmas"] = " ".join(extras)
    return out


def query_readings(word: str) -> dict[str, Analysis]:
    """A query word read as Finnish, Swedish and English: the query's language is
    seldom knowable from two words, so a word matches an item in any of them."""
    return {lang: analyse_word(word, lang) for lang in ("fi", "sv", "en")}


@lru_cache(maxsize=20_000)
def written_forms(word: str, language: str) -> tuple[str, ...]:
    """Texts that hold the folded lemmas and parts of ``word`` with their letters, best
    first: the analyser's base form (Voikko's BASEFORM and WORDBASES for Finnish,
    simplemma's lemma of the word and of its compound parts), then the word as typed.
    ``lemmatise`` folds these away; a query has few words, so they are asked again."""
    forms: list[str] = []
    if language == "fi":
        voikko = _get_voikko()
        if voikko is not None:
            with _voikko_lock:
                analyses = voikko.analyze(word)
            if analyses:
                # The first analysis, as lemmatise reads it.
                forms += [analyses[0].get("BASEFORM") or "", analyses[0].get("WORDBASES") or ""]
    if language == "sv" and word.isalpha():
        parts = _swedish_split(word.lower())
        if parts:
            # lemmatise's compound lemma: the head as written, the last part's base form.
            head = word[: len(word) - len(parts[-1])]
            forms += [head + _simplemma(parts[-1], "sv"), *(_simplemma(p, "sv") for p in parts)]
    forms += [_simplemma(word, language), word]
    return tuple(f for f in forms if f)
