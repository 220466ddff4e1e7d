"""Does each answer sentence say what its cited passages say? A deterministic check of the facts a reader
would check first: numbers, names, negation and the direction of a claim.

For every sentence with [n] markers, against the passages it cites (and the cited papers' titles; for names, the
whole paper when the passage is a chunk of it):

- **numbers** are compared as numbers, in digits or in words ("twenty-eight", "Seventy-two percent", "half"),
  with thousands separators and thin spaces ("1,034", "11 502"), "·" as a decimal point ("7·7"), ranges ("49–72%"
  and "49% to 72%"), "x of y" and percentages of each other ("8 of 9" for "89%"), a rounded value for a precise
  one ("24%" for "23.7%"); each must be in a passage sentence that speaks of the same thing (shares its rarer words
  with the answer sentence), not just anywhere in a long passage;
- **names** (drugs by the one name rule of rag/lexical/names.py, genes, codes, trials such as "CheckMate 057",
  MeSH diseases and chemicals such as "follicular lymphoma", outcomes such as "overall survival", designs such as
  "randomised") must be in the passage, by any name the synonym table or MeSH gives, or as the words an
  abbreviation stands for ("HR" for "hazard ratio"); else in the cited paper's title or elsewhere in the paper,
  which the verdict notes ("KEYNOTE-010: in the title of [1]");
- **negation** must agree with the passage clause the answer clause follows ("did not improve" against
  "improved"; "a few patients" against "no patient"), read clause by clause, not anywhere in the passage sentence;
- **claims**: a direction or comparison ("higher", "similar", "independent of", "persisted") must not be the
  opposite of what the matched passage clause says, and "all" or "only" must be said there too;
- **wording** (wording.py, figures.py): quantifiers against counts and shares in words ("most" for "one-fourth"),
  causal and certain words against "associated", "may", "potential", "preliminary"; "significantly" against "no
  significant difference"; a recommendation where the evidence is "insufficient"; "in patients" where the passage
  speaks of mice; an intervention ("blocking X") the passage never made; a result from a passage that only plans a
  study (a trial record); "primary" against "secondary" end points; "after" against "prior to"; "fully" against
  "partially"; a word said bare where the passage has "non"/"un" before it; a number with another unit ("every 6
  hours" where the passage's 6 is months); a range with one end changed; a drug given the figures of another arm.

The verdict is supported (everything found), partly supported (some facts missing, at most half) or unsupported,
and every flag names the word or number that is not supported ("72% not in [3]"). An extractive answer copies its
sentences, so it must always be supported: a test of the check itself.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable

from ...chunk.sentences import sentence_spans
from ...cite import MARKER, insert_before_stop, strip_reference_markers
from ...lexical.tokens import normalize
from .comparisons import comparison_flags, with_without_flags
from .claims import _OPPOSITE, _STRICT, _WEAK_NEGATION, _claim_word, _claims, _claims_of_words, _denied, _neg
from .claims import _NEGATION as _NEGATION  # re-exported: benchmarks/support_check.py reads it from here
from .names import names
from .numbers import _IDENTIFIER, _quantities, _supports_number, numbers
from .numbers import _NUMBER as _NUMBER  # re-exported: benchmarks/support_check.py reads it from here
from .passages import _Check, _clauses, _content, _Passages, _tok
from .name_flags import _name_flags
from .number_flags import _number_flags
from .results import (arm_figure_flags, best_other_flags, clarity_flags, comparator_flags,
                      insignificant_outcome_flags, null_outcome_flags, opposite_flags,
                      uncompared_ratio_flags, untested_flags)
from .figures import ratio_flags, superlative_flags
from .certainty import (causal_flags, certainty_flags, hedge_flags, insufficient_flags, plan_flags, significance_flags,
                        strength_flags)
from .wording import (alone_flags, design_flags, endpoint_flags, intervention_flags, order_flags, pairing_flags,
                      prefix_flags, preposition_flags, quantifier_flags, site_flags, sole_flags, species_flags)

__all__ = ["SUPPORTED", "PARTLY", "UNSUPPORTED", "SentenceSupport", "check_sentence", "check_answer",
           "mark_unverified", "names", "numbers"]

SUPPORTED, PARTLY, UNSUPPORTED = "supported", "partly supported", "unsupported"
# The share of an answer clause's (rarity-weighted) words a passage clause must hold to be the one it follows.
COVERAGE = 0.5
CLAIM_COVERAGE = 0.25

_MARKERS = re.compile(r"\s*" + MARKER.pattern)  # with the space before them
_LEADING_MARKERS = re.compile(r"\s*(?:" + MARKER.pattern + r"\s*)+")


@dataclass
class SentenceSupport:
    sentence: str  # without its markers
    cited: list[int]
    status: str
    reasons: list[str] = field(default_factory=list)
    original: str = field(default="", repr=False)  # as written in the answer, markers included
    # Names found outside the cited passage: in the paper's title or elsewhere in the paper ("KEYNOTE-010: in the
    # title of [1]").
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("original")
        return out


# --- the check ----------------------------------------------------------------------------------------------------


def check_sentence(sentence: str, cited: list[int], passage_texts: dict[int, str],
                   titles: dict[int, str] | None = None, papers: dict[int, str] | None = None,
                   values: dict[int, list[str]] | None = None) -> SentenceSupport:
    """The verdict on one answer sentence against the passages it cites (number -> text); ``titles`` the cited
    papers' titles, ``papers`` their whole text where the passage is a chunk of it (number -> text), ``values`` the
    spans the outcomes stage read values from (number -> span texts: a value there is the passage's own)."""
    plain = _MARKERS.sub("", sentence).strip()
    where = "".join(f"[{n}]" for n in cited)
    shown_plain = plain
    plain = _IDENTIFIER.sub(" ", plain)  # "PMID:37459873": which paper, not what it says
    texts = [passage_texts[n] for n in cited if n in passage_texts]
    if not texts:
        return SentenceSupport(plain, cited, UNSUPPORTED, [f"cites no passage that exists: {where or 'none'}"])
    # A sentence quoted word for word from a cited passage says what the passage says.
    if _verbatim(shown_plain, texts):
        return SentenceSupport(shown_plain, cited, SUPPORTED)
    titles = {n: t for n, t in (titles or {}).items() if n in cited and t}
    value_spans = [v for n in cited for v in (values or {}).get(n, []) if v]
    papers = {n: t for n, t in (papers or {}).items() if n in cited and t}
    passages = _Passages.of(texts + list(titles.values()))  # a title is what its paper says too
    answer_words = _content(plain) | _spelled_out(plain)
    ranked = sorted(passages.sentences, key=lambda s: -passages.overlap(answer_words, s))
    ctx = _Check(plain, where, texts, titles, papers, value_spans, passages, answer_words, ranked)

    number_facts, missing = _number_flags(ctx)
    name_facts, name_missing, notes = _name_flags(ctx)
    facts = number_facts + name_facts
    missing += name_missing + pairing_flags(plain, texts, list(titles.values()), where)
    missing += site_flags(plain, texts, list(titles.values()), where)
    missing += prefix_flags(plain, texts, list(titles.values()), where)
    said_negation, source_negation, claim_flags = _clause_flags(ctx)
    if said_negation or source_negation:
        facts += 1
        if said_negation:
            missing.append(f'"{said_negation[0]}" is not said in {where}')
        else:
            missing.append(f'{where} says "{source_negation[0]}", the sentence does not')
    if claim_flags:
        facts += len(claim_flags)
        missing.extend(claim_flags)
    if not missing:
        return SentenceSupport(shown_plain, cited, SUPPORTED, notes=notes)
    status = PARTLY if len(missing) * 2 <= facts and facts > 1 else UNSUPPORTED
    return SentenceSupport(shown_plain, cited, status, missing, notes=notes)


# Outcome abbreviations an answer uses where a passage may spell them out: their words count as the answer's.
_ABBREVIATIONS = {"PFS": "progression-free survival", "OS": "overall survival", "ORR": "objective response rate",
                  "DFS": "disease-free survival", "EFS": "event-free survival", "RFS": "recurrence-free survival",
                  "DCR": "disease control rate", "AEs": "adverse events", "AE": "adverse event",
                  "irAEs": "immune-related adverse events", "TRAEs": "treatment-related adverse events",
                  "MTD": "maximum tolerated dose", "DLT": "dose-limiting toxicity", "DOR": "duration of response"}
_ABBREVIATED = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b")


def _spelled_out(text: str) -> set[str]:
    """The words of the outcome abbreviations a text uses ("PFS": progression, free, survival)."""
    return set().union(*(_content(_ABBREVIATIONS[m.group(1)]) for m in _ABBREVIATED.finditer(text))) \
        if _ABBREVIATED.search(text) else set()


def _clause_flags(ctx: _Check) -> tuple[list[str], list[str], list[str]]:
    """Negation and claims, clause by clause: each answer clause against the passage clauses it follows most closely.
    (negations the passage does not say, negations the sentence does not say, claim flags)."""
    passages = ctx.passages
    said_negation, source_negation, claim_flags = [], [], []
    for clause in _clauses(ctx.plain) or [ctx.plain]:
        clause_words = _content(clause)
        if len(clause_words) < 2:
            continue
        reported = _quantities(clause, sentence=True)
        if ctx.value_spans and reported and all(any(_supports_number(q, v) for v in ctx.value_spans) for q in reported):
            continue  # it reports the values the outcomes stage read from the passage, and claims nothing else
        total = math.fsum(passages.weight.get(t, math.log(2)) for t in clause_words)
        ranked_clauses = sorted(passages.clauses, key=lambda c: (-passages.overlap(clause_words, c),
                                                                 len(_content(c) - clause_words)))
        # The passage clauses the answer clause follows: each holds at least half of its (rarity-weighted) words.
        matched = [c for c in ranked_clauses[:3] if passages.overlap(clause_words, c) >= max(1.0, COVERAGE * total)]
        neg = _neg(clause)
        if neg:
            # The passage clause it follows must deny something too (there "without" and "absence of" count).
            # (of clauses it follows as closely, any: "X held for A" and "X held for A, but not B" alike)
            against = [c for c in matched if passages.overlap(clause_words, c) >= 0.9 * passages.overlap(
                clause_words, matched[0])] or [c for s in ctx.ranked[:3] for c in _clauses(s)]
            # "did not depend on X" where the passage says "independent of X": the same claim.
            same = _NEGATED_LINK.search(clause) is not None and any(
                "same" in _claims(c) and not _claims(c) & {"up", "down", "differ"} for c in against + ranked_clauses[:2]
                if passages.overlap(clause_words, c) >= COVERAGE * total)
            if not same and not any(_neg(c) or _WEAK_NEGATION.search(c) for c in against) \
                    and not _insignificant_by_p(clause, against) and not _denied_in_scope(ctx, clause, neg):
                said_negation.append(neg.group(0))
        else:
            cue = _denial_not_said(ctx, clause, clause_words, matched, total)
            if cue:
                source_negation.append(cue)
        claim_flags += _claim_flags(ctx, clause, clause_words, ranked_clauses, matched, total)
        claim_flags += comparison_flags(clause, ctx.texts, ctx.where)
        claim_flags += with_without_flags(clause, ctx.texts, ctx.where)
        claim_flags += design_flags(clause, ctx.texts, ctx.where) + plan_flags(clause, ctx.texts, ctx.where)
        claim_flags += endpoint_flags(clause, ctx.texts, ctx.where) + species_flags(clause, ctx.ranked, ctx.where)
        claim_flags += intervention_flags(clause, ctx.texts, ctx.where) + insufficient_flags(clause, ctx.ranked[:3],
                                                                                              ctx.where)
        followed = [c for c in ranked_clauses[:1]
                    if passages.overlap(clause_words, c) >= max(1.0, CLAIM_COVERAGE * total)]
        claim_flags += hedge_flags(clause, followed, ctx.where) + significance_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += quantifier_flags(clause, matched, ctx.where, ctx.ranked)
        claim_flags += causal_flags(clause, ctx.ranked[:4], ctx.where) + certainty_flags(clause, ctx.ranked, ctx.where)
        claim_flags += ratio_flags(clause, ctx.ranked[:3], ctx.where) + alone_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += preposition_flags(clause, ctx.ranked[:3], ctx.where) + order_flags(clause, ctx.ranked[:3],
                                                                                          ctx.where)
        claim_flags += sole_flags(clause, ctx.ranked[:3], ctx.where) + strength_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += superlative_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += null_outcome_flags(clause, passages.clauses, ctx.texts, ctx.where)
        claim_flags += untested_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += insignificant_outcome_flags(clause, passages.sentences, ctx.where)
        claim_flags += comparator_flags(clause, ctx.texts + list(ctx.titles.values()) + list(ctx.papers.values()),
                                        ctx.where)
        claim_flags += opposite_flags(clause, ctx.texts + list(ctx.titles.values()), ctx.where)
        claim_flags += arm_figure_flags(clause, ctx.ranked[:3], ctx.where)
        claim_flags += uncompared_ratio_flags(clause, ctx.texts, ctx.where)
        claim_flags += best_other_flags(clause, ctx.texts, ctx.where)
        claim_flags += clarity_flags(clause, ctx.ranked[:3], ctx.where)
    return said_negation, source_negation, claim_flags


def _denied_in_scope(ctx: _Check, clause: str, neg: re.Match) -> bool:
    """The answer's negation read over its own scope (the words it denies, up to the next comma): the passage clause
    that holds most of those words denies them too ("Labelling ... did not affect DC viability or function" where
    the clause that follows the answer's first half describes the labelling, and "(ii) Labeling does not affect cell
    viability and function" another)."""
    scope = re.split(r"[,;:()]|\s[–—]\s", clause[neg.end():])[0]
    words = _content(scope)
    if len(words) < 2:
        return False
    passages = ctx.passages
    total = math.fsum(passages.weight.get(t, math.log(2)) for t in words)
    ranked = sorted(passages.clauses, key=lambda c: -passages.overlap(words, c))
    if not ranked or passages.overlap(words, ranked[0]) < max(1.0, 0.6 * total):
        return False
    top = passages.overlap(words, ranked[0])
    best = [c for c in ranked[:3] if passages.overlap(words, c) >= 0.95 * top]
    return all(_neg(c) or _WEAK_NEGATION.search(c) for c in best)


# "not significant" in words, and a P value of .05 or more: the same finding.
_NOT_SIGNIFICANT_WORDS = re.compile(r"\b(?:not|no|nor)\s+(?:statistically\s+)?significant\w*|"
                                    r"\bnot\s+reach\w*\s+(?:statistical\s+)?significance", re.I)
_P_VALUE = re.compile(r"\bP\s*(?:=|>|≥)\s*(0?\.\d+)", re.I)


def _insignificant_by_p(clause: str, against: list[str]) -> bool:
    """"a difference that was not significant" where the passage clause gives "P = .077" (no words for it)."""
    return _NOT_SIGNIFICANT_WORDS.search(clause) is not None and any(
        float(m.group(1)) >= 0.05 for c in against for m in _P_VALUE.finditer(c))


# A denied link or difference ("did not depend on", "was not associated with"): what "independent of" says.
_NEGATED_LINK = re.compile(r"\b(?:not|no|never)\s+(?:\w+\s+){0,2}(?:depend\w*|differ\w*|associat\w*|correlat\w*|"
                           r"linked|vary|varied|predict\w*)\b"
                           r"(?!\s+(?:with\s+|to\s+)?(?:similar|comparable|the same))", re.I)


def _denial_not_said(ctx: _Check, clause: str, clause_words: set[str], matched: list[str], total: float) -> str | None:
    """The answer says what a passage clause it follows denies ("improved" where it says "did not improve"): the
    passage's negation cue, or None. A sentence that only reports the numbers denies nothing."""
    passages = ctx.passages
    said = set(_tok(clause))
    # (not when the clause it follows nearly word for word denies nothing)
    followed = matched[:1] if matched and not _neg(matched[0]) and \
        passages.overlap(clause_words, matched[0]) >= 0.9 * total else matched[:2]
    for c in followed:
        cue = _neg(c)
        denied = _denied(c) if cue else set()
        # What it denies is said; or the sentence, with no numbers of its own, follows it nearly word for word.
        # (and says something of what follows the passage's negation)
        close = (passages.overlap(clause_words, c) >= 0.75 * total
                 and all(_supports_number(q, c) for q in _quantities(clause, sentence=True))
                 and bool(cue and _content(c[cue.end():cue.end() + 60]) & clause_words))
        if denied and (denied & said or _claims_of_words(denied) & _claims(clause) - {"some", "all"} or close):
            lacks = _WEAK_NEGATION.search(clause)
            if lacks and _first_stem(clause[lacks.end():]) is not None \
                    and _first_stem(clause[lacks.end():]) == _first_stem(c[cue.end():]):
                continue  # "without progression" for "who do not have progressive disease": the same denial
            return cue.group(0)
    return None


def _first_stem(text: str) -> str | None:
    """The first five letters of the word a denial is about ("have progressive disease" -> "progr"; none after
    "not without")."""
    for w in re.findall(r"[A-Za-z][\w-]*", text[:60]):
        lw = w.lower()
        if lw in ("without", "absence", "absent", "lack", "lacked", "lacking", "free"):
            return None
        if lw in ("have", "has", "had", "any", "a", "an", "the", "of", "be", "been", "evidence", "signs"):
            continue
        return lw[:5]
    return None


def _claim_flags(ctx: _Check, clause: str, clause_words: set[str], ranked_clauses: list[str], matched: list[str],
                 total: float) -> list[str]:
    """The claims of an answer clause ("higher", "all") that the passage clauses it follows contradict or, for
    "all" and "only", do not say."""
    mine = _claims(clause)
    if not mine:
        return []
    passages, where, ranked = ctx.passages, ctx.where, ctx.ranked
    # Claims are read against the clauses that hold at least a quarter of the answer clause's words.
    near = [c for c in ranked_clauses[:3] if passages.overlap(clause_words, c) >= max(1.0, CLAIM_COVERAGE * total)]
    if matched:  # a clause that holds half the answer clause's words: the one it follows
        near = matched[:1]
    elif len(near) > 1 and passages.overlap(clause_words, near[0]) >= 1.3 * passages.overlap(clause_words, near[1]):
        near = near[:1]  # one clause it follows clearly more than any other
    theirs = set().union(*(_claims(c) for c in near)) if near else set()
    # A claim said by any passage clause the answer clause follows nearly as closely is said.
    also = [c for c in ranked_clauses[:3] if passages.overlap(clause_words, c) >= max(1.0, COVERAGE * total)]
    said_nearby = set().union(*(_claims(c) for c in also)) if also else set()
    near_claims = set().union(*(_claims(c) for s in ranked[:3] for c in _clauses(s))) if ranked else set()
    flags = []
    for kind in sorted(mine):
        if kind in theirs or kind == "none" or kind in said_nearby and kind not in _STRICT:
            continue
        against = (_OPPOSITE.get(kind, set()) & theirs) - mine
        if against:
            other = sorted(against)[0]
            text = next(c for c in near if other in _claims(c))
            if _compares(clause, _claim_word(clause, kind)) and not _compares(text, _claim_word(text, other)) \
                    and re.fullmatch(r"(?i)\w+(?:ed|es|ing)", _claim_word(text, other)):
                continue  # "reduced growth by 70%, more than the combination": one's effect, the other's comparison
            flags.append(f'"{_claim_word(clause, kind)}": {where} says "{_claim_word(text, other)}"')
        elif kind in _STRICT and kind not in theirs and (kind not in near_claims or matched and kind == "all"):
            flags.append(f'"{_claim_word(clause, kind)}" is not said in {where}')
    return flags


def _compares(text: str, word: str) -> bool:
    """Is the word a comparison with "than" ("more than the free drug combination", "higher in A than in B")?"""
    return re.search(rf"(?i)\b{re.escape(word)}\b(?:\s+[\w-]+){{0,4}}\s+than\b", text) is not None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w%.,;:()\-–/ ]", " ", normalize(text))).strip().lower()


def _verbatim(sentence: str, texts: list[str]) -> bool:
    """Is the sentence (markers and the source's own reference numbers aside) word for word in a passage?"""
    s = _squash(sentence).rstrip(".")
    return len(s) >= 20 and any(s in _squash(strip_reference_markers(t)) for t in texts)


def check_answer(text: str, passages: Iterable[Any], paper: Callable[[str], Any] | None = None,
                 table: dict[str, Any] | None = None) -> list[SentenceSupport]:
    """The verdict on every sentence of an answer that carries [n] markers (passages numbered from 1). The cited
    papers' titles come with the passages; ``paper(doc_id)`` (e.g. an index store's ``document``) gives a paper's
    whole text, against which names are checked when the passage is a chunk of it; ``table`` (the answer's studies
    table, rag/outcomes/table.py) gives the spans its values were read from, a value there being the passage's own."""
    texts, titles, papers, values = {}, {}, {}, {}
    for n, p in enumerate(passages, 1):
        spans = [p.text] + [s.get("text", "") for s in (getattr(p, "more_spans", None) or [])]
        texts[n] = "\n".join(s for s in spans if s)
        # The spans of the studies table's values (rag/answer/numbers.py adds them without a chunk).
        values[n] = [s.get("text", "") for s in (getattr(p, "more_spans", None) or []) if s.get("chunk_id") is None]
        citation = getattr(p, "citation", None)
        if citation is not None and getattr(citation, "title", None):
            titles[n] = citation.title
        if paper is not None:
            try:
                doc = paper(p.doc_id)
            except Exception:  # a store that cannot say: the passage and the title still count
                doc = None
            body = getattr(doc, "text", None) if doc is not None else None
            if body and len(body) > len(texts[n]):
                papers[n] = body
    for row in (table or {}).get("rows", []):
        values.setdefault(row.get("passage"), []).extend(c.get("span", "") for cells in row.get("cells", {}).values()
                                                         for c in cells)
    sentences: list[tuple[str, list[int]]] = []
    for line in text.splitlines():
        first = len(sentences)
        for a, b in sentence_spans(line):
            sentence = line[a:b]
            # "First finding. [1] Second finding. [1]" (an extractive answer's line): a sentence splitter cuts after
            # the full stop, so markers that open a sentence are those of the sentence before (markers alone on a
            # line too).
            lead = _LEADING_MARKERS.match(sentence)
            if lead and sentences and (len(sentences) > first or not _MARKERS.sub("", sentence).strip()):
                sentences[-1][1].extend(n for n in map(int, MARKER.findall(lead.group(0))) if n not in sentences[-1][1])
                sentence = sentence[lead.end():]
            if not _MARKERS.sub("", sentence).strip():
                continue
            sentences.append((sentence, [int(n) for n in _MARKERS.findall(sentence)]))
    out = []
    for s, cited in sentences:
        if cited:
            verdict = check_sentence(s, cited, texts, titles, papers, values)
            verdict.original = s
            out.append(verdict)
    return out


_MARKER_RUN = re.compile(r"(?:\[\d+\])+")  # "[2][3][4]": the passages a reason names


def _passages_named(m: re.Match) -> str:
    """'[3]' -> 'passage 3'; '[2][3][4]' -> 'passages 2, 3 and 4'."""
    ns = MARKER.findall(m.group())
    if len(ns) == 1:
        return f"passage {ns[0]}"
    return f"passages {', '.join(ns[:-1])} and {ns[-1]}"


def mark_unverified(text: str, verdicts: list[SentenceSupport]) -> str:
    """The answer with each sentence that is not supported followed by what the check could not find."""
    for v in verdicts:
        if v.status != SUPPORTED and v.original and v.original in text:
            why = "; ".join(_MARKER_RUN.sub(_passages_named, r) for r in v.reasons)
            text = text.replace(v.original, insert_before_stop(v.original, f"⚠ ({v.status}: {why})"), 1)
    return text
