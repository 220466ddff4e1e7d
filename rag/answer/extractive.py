"""The answer without a language model: chosen sentences of the retrieved papers, shaped by the question's type.

1. **Decide whether to answer** from lexical and dense evidence together: a question is answered when a retrieved
   passage is close to it in meaning (cosine), or, for a question that names something (a drug, gene, trial or
   acronym: names a general-domain embedding model barely knows), when one paper holds every name and enough of
   the question's other words; otherwise it is declined, with the reason.
2. **Score every candidate sentence** (rag/answer/sentences.py) on several signals: the share of the question's
   idf mass it holds (synonyms count), the same for the sentence before it (the answer often follows the sentence
   that matches), its cosine to the question, its paper's retrieval rank, its role in the paper (findings and
   conclusions over aims and methods), a penalty for restating the question; a paper that mentions none of the
   question's key terms has its sentences demoted.
3. **Shape**: a lead sentence, then the supporting sentences grouped by paper (factoid, list, summary); for yes/no
   questions the evidence for and against, never a bare verdict. Near-duplicates are merged, a paper gives at most
   three sentences.

The weights were chosen on the project's own tuning questions (benchmarks/questions/tuning.jsonl, with
benchmarks/tune_answers.py), never on the evaluation questions; docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import numpy as np

from ..config import AnswerWeights
from ..lexical.tokens import normalize
from ..datatypes import Passage
from .question import (ASPECT_CUES, ASPECT_NAMES, ASPECT_SPECIFIC, QuestionTerms, Term, answer_kind, asked_aspect,
                       aspect_tokens, question_terms, question_type)
from .sentences import Sentence, has_answer_shape, opening_tokens, paper_sentences, title_tokens

FOR_HEADING = "Evidence for:"
AGAINST_HEADING = "Evidence against or qualifying it:"
SUPPORT_HEADING = "Supporting evidence, by paper:"
NO_SUPPORT = "No retrieved sentence supports it directly."
NO_AGAINST = "No retrieved sentence argues against it."
NOT_FINDINGS = ("aim", "method")

_NEGATIVE = re.compile(
    r"\b(no|not|nor|neither|failed to|fail to|did not|does not|was not|were not|without)\b.{0,60}?"
    r"\b(significant|improve|improved|benefit|effective|efficacy|prolong|prolonged|superior|differen\w*|associated|"
    r"increase\w*|reduce\w*|response|survival|met)\b|\b(ineffective|no benefit|no significant|did not meet|"
    r"was not associated|not associated|lack of (efficacy|benefit|response)|inferior|futility|detrimental|"
    r"limited (efficacy|benefit|activity)|modest (efficacy|benefit|activity))\b",
    re.I,
)


WEIGHTS = AnswerWeights()  # the shipped defaults (Settings.answer)


@dataclass
class Evidence:
    """How well the retrieved passages speak to the question, and the decision taken from it."""

    dense: float  # best cosine of a passage to the question
    lexical: float  # best share of the question's idf mass in one paper
    keys_in_one_paper: bool  # one paper holds every key term
    answer: bool
    reason: str = ""
    weak: str = ""


@dataclass
class Extract:
    text: str  # lines with [n] markers (n = passage index + 1), no framing note
    question_type: str
    evidence: Evidence
    chosen: list[Sentence] = field(default_factory=list)


def passage_cosines(passages: list[Passage], store, qvec: np.ndarray) -> list[float]:
    """Each passage's cosine to the question: from retrieval when it computed one, else from the stored vectors
    (retrieval by BM25 alone computes none)."""
    missing = [p.chunk_id for p in passages if "cosine" not in (p.signals or {})]
    computed = dict(zip(missing, (store.vectors(missing) @ qvec).tolist(), strict=True)) if missing else {}
    out = []
    for p in passages:
        c = (p.signals or {}).get("cosine")
        if c is None:
            c = float(computed.get(p.chunk_id, 0.0))
            p.signals["cosine"] = c
        out.append(float(c))
    return out


def decide(terms: QuestionTerms, cosines: list[float], paper_tokens: list[set[str]], w: AnswerWeights,
           heads: list[set[str]] | None = None) -> Evidence:
    """``heads``: each paper's title and opening sentence, as index tokens (where a paper names what it is about)."""
    dense = max(cosines, default=0.0)
    lexical, keys_together = 0.0, False
    for tokens in paper_tokens:
        cov = terms.coverage(tokens)
        together = bool(terms.key) and terms.key_coverage(tokens) >= 1.0
        if (together, cov) > (keys_together, lexical):
            lexical, keys_together = cov, together
    if not cosines:
        return Evidence(dense, lexical, keys_together, False, "no passage was retrieved")
    key_names = ", ".join(t.token for t in terms.key) or "none"
    if dense >= w.dense_answer:
        weak = f"The evidence is weak: the best passage matches the question only loosely (similarity {dense:.2f})." \
            if dense < w.weak_below and not (keys_together and lexical >= w.lexical_answer) else ""
        return Evidence(dense, lexical, keys_together, True, weak=weak)
    # Names are what a general-domain embedding model misses; a question without one is judged by meaning alone.
    if terms.named and dense >= w.dense_floor and keys_together and lexical >= w.lexical_answer:
        return Evidence(dense, lexical, keys_together, True,
                        weak=f"Answered because one paper holds every key term of the question ({key_names}); its "
                             f"similarity in meaning is low ({dense:.2f}), so check the cited passages.")
    # A rare word the model does not know ("Describe nextNEOpi"), named exactly in a paper's title or opening
    # sentence, in a paper that holds nearly all of the question's words: what the paper is about.
    rare = [t for t in terms.key if t.idf >= w.key_idf]
    # No heads (a caller without the papers' openings): no paper can name the rare word exactly.
    exact = [cov for tokens, head in zip(paper_tokens, heads or [], strict=False)
             if rare and all(t.found_in(head) for t in rare) and (cov := terms.coverage(tokens)) >= w.exact_answer]
    if exact and dense >= w.dense_floor:
        rare_names = ", ".join(t.token for t in rare)
        return Evidence(dense, max(exact), True, True,
                        weak=f"Answered because a paper's title or opening names the question's rare terms "
                             f"({rare_names}); its similarity in meaning is low ({dense:.2f}), so check the cited "
                             f"passages.")
    why = f"best passage similarity {dense:.2f} < {w.dense_answer:.2f}"
    if not terms.named:
        why += ", and the question names no drug, gene or trial to look for by name"
    elif not keys_together:
        why += f", and no paper mentions all of the question's key terms ({key_names})"
    else:
        why += f", and the best paper holds only {lexical:.0%} of the question's terms"
    return Evidence(dense, lexical, keys_together, False, why)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def sentence_features(sentences: list[Sentence], terms: QuestionTerms, question_tokens: set[str],
                      paper_key: list[float], kind: str = "", aspect: str = "") -> None:
    """The signals of every sentence but the dense one, into ``features`` (``aspect``: 1 for a finding that says
    what the question's aspect asks for, side effects or their management)."""
    cue, specific = ASPECT_CUES.get(aspect), ASPECT_SPECIFIC.get(aspect)
    for s in sentences:
        content = [t for t in s.tokens if not t.isdigit()]
        novelty = sum(1 for t in content if t not in question_tokens) / max(1, len(content))
        s.features = {
            "lexical": terms.coverage(s.tokens),
            "previous": terms.coverage(s.previous.tokens) if s.previous is not None else 0.0,
            "echo": 1.0 if novelty < 0.4 else 0.0,
            "key": paper_key[s.passage],
            "shape": 1.0 if has_answer_shape(s.text, kind, question_tokens) else 0.0,
            "aspect": 1.0 if cue is not None and s.role not in NOT_FINDINGS and cue.search(s.text) else 0.0,
        }
        if s.features["aspect"] and specific.search(s.text):
            s.features["shape"] = 1.0  # what a question on side effects asks for: which ones, how they are managed


def weighted(s: Sentence, w: AnswerWeights, dense: bool = True) -> float:
    f = s.features
    gate = w.off_topic_paper + (1 - w.off_topic_paper) * f["key"]
    paper = 1.0 - s.passage / max(1, w.pool)
    return gate * (w.lexical * f["lexical"] + w.previous * f["previous"] + w.paper * paper
                   + (w.dense * f.get("dense", 0.0) if dense else 0.0) + w.answer_shape * f.get("shape", 0.0)
                   - w.echo * f["echo"] + w.role_weight(s.role))


def add_dense(sentences: list[Sentence], embedder, qvec: np.ndarray, w: AnswerWeights,
              first: list[Sentence] | None = None) -> list[Sentence]:
    """The best ``w.dense_candidates`` sentences by the other signals (those of ``first`` before the others),
    with their cosine to the question added, best first."""
    for s in sentences:
        s.score = weighted(s, w, dense=False)
    preferred = {id(s) for s in first or []}
    best = sorted(sentences, key=lambda s: (id(s) not in preferred, -s.score))[:w.dense_candidates]
    if best:
        vectors = embedder.encode([s.text for s in best], batch_size=64)
        for s, c in zip(best, vectors @ qvec, strict=True):
            s.features["dense"] = float(c)
            s.score = weighted(s, w)
    return sorted(best, key=lambda s: -s.score)


def select(ranked: list[Sentence], n: int, w: AnswerWeights) -> list[Sentence]:
    if not ranked:
        return []
    if not w.aim_leads:  # aims and methods are not findings: the best sentence that is neither leads
        first = next((s for s in ranked if s.role not in NOT_FINDINGS), None)
        if first is not None and first is not ranked[0]:
            ranked = [first] + [s for s in ranked if s is not first]
    chosen: list[Sentence] = []
    per_paper: dict[int, int] = {}
    lead = ranked[0].score
    for s in ranked:
        if len(chosen) >= n:
            break
        if chosen and s.score < w.keep_ratio * lead:
            break
        if per_paper.get(s.passage, 0) >= w.max_per_paper:
            continue
        if any(_jaccard(s.tokens, c.tokens) > 0.5 or s.text in c.text or c.text in s.text for c in chosen):
            continue
        chosen.append(s)
        per_paper[s.passage] = per_paper.get(s.passage, 0) + 1
    return chosen


def _by_paper(sentences: list[Sentence]) -> list[str]:
    """One line per paper (papers in order of their best sentence), its sentences in reading order."""
    papers: dict[int, list[Sentence]] = {}
    for s in sentences:
        papers.setdefault(s.passage, []).append(s)
    return ["- " + " ".join(f"{s.text} [{s.passage + 1}]" for s in sorted(group, key=lambda s: s.start))
            for group in papers.values()]


def shape(qtype: str, chosen: list[Sentence]) -> str:
    if not chosen:
        return ""
    lead, rest = chosen[0], chosen[1:]
    lines = [f"{lead.text} [{lead.passage + 1}]"]
    if qtype == "yesno":
        rest = [s for s in rest if s.role not in NOT_FINDINGS]  # what a study set out to do is evidence neither way
        against = [s for s in rest if _NEGATIVE.search(s.text)]
        support = [s for s in rest if s not in against]
        lines += ["", FOR_HEADING] + (_by_paper(support) or [f"- {NO_SUPPORT}"])
        lines += [AGAINST_HEADING] + (_by_paper(against) or [f"- {NO_AGAINST}"])
    else:
        rest = [s for s in rest if s.role not in NOT_FINDINGS]  # a registration's objectives support nothing
        if rest:
            lines += ["", SUPPORT_HEADING] + _by_paper(rest)
    return "\n".join(lines)


def show_in_passage(passages: list[Passage], chosen: list[Sentence]) -> None:
    """A quoted sentence outside the passage's spans (the next sentence, the abstract's conclusion) is added to
    the passage's spans, so the sources panel shows and marks it."""
    for s in chosen:
        if not s.visible:
            p = passages[s.passage]
            p.more_spans.append({"chunk_id": None, "char_start": s.start, "char_end": s.end, "section": s.section,
                                 "page": p.citation.page, "text": s.text})
            s.visible = True


@dataclass
class Prepared:
    """Everything about one question and its passages that does not depend on the weights."""

    question_type: str
    terms: QuestionTerms
    passages: list[Passage]
    qvec: np.ndarray
    cosines: list[float]
    paper_tokens: list[set[str]]
    sentences: list[Sentence]
    heads: list[set[str]] = field(default_factory=list)  # each paper's title and opening sentence, as tokens
    aspect: str = ""  # asked_aspect(question): 'toxicity', 'management' or ''
    subject: list[Term] = field(default_factory=list)  # the key terms that name the subject, not the aspect


def prepare(question: str, passages: list[Passage], store, embedder, w: AnswerWeights = WEIGHTS,
            embed: int | None = None) -> Prepared:
    """The question's type and terms, the passages' cosines, the papers' candidate sentences with their signals;
    the dense signal for the best ``embed`` sentences (default ``w.dense_candidates``; 0: none yet, see embed())."""
    qtype = question_type(question)
    terms = question_terms(question, store.idf, w.key_idf)
    qvec = embedder.encode_query(" ".join(normalize(question).split()))  # as retrieval embeds it
    cosines = passage_cosines(passages, store, qvec)
    docs = {}
    for p in passages:
        if p.doc_id not in docs:
            docs[p.doc_id] = store.document(p.doc_id)
    per_paper = [paper_sentences(i, p, docs.get(p.doc_id)) for i, p in enumerate(passages)]
    paper_tokens = [title_tokens(p).union(*(s.tokens for s in group))
                    for p, group in zip(passages, per_paper, strict=True)]
    heads = [title_tokens(p) | opening_tokens(docs.get(p.doc_id)) for p in passages]
    question_tokens = {t.token for t in terms.terms} | {a for t in terms.terms for alt in t.alternatives for a in alt}
    sentences = [s for group in per_paper for s in group]
    aspect = asked_aspect(question)
    sentence_features(sentences, terms, question_tokens, [terms.key_coverage(t) for t in paper_tokens],
                      answer_kind(question, qtype), aspect)
    asked = aspect_tokens(question) if aspect else set()
    prep = Prepared(qtype, terms, passages, qvec, cosines, paper_tokens, sentences, heads, aspect,
                    [t for t in terms.key if t.token not in asked])
    return embed_sentences(prep, embedder, w, w.dense_candidates if embed is None else embed)


def on_aspect(prep: Prepared, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that say what the question's aspect asks for (side effects, their management): from a paper
    that names every key term of the question, or from one about that aspect itself (its title or opening holds
    at least half of the question's other words: a guideline on managing immune-related adverse events, for a
    question on those of nivolumab plus ipilimumab). None when the question asks for no aspect."""
    if not prep.aspect:
        return []
    others = [t for t in prep.terms.terms if t not in prep.subject]
    total = sum(t.idf for t in others)

    def names_subject(i: int) -> bool:
        return all(t.found_in(prep.paper_tokens[i]) for t in prep.subject)

    def about_it(i: int) -> bool:
        head = prep.heads[i] if i < len(prep.heads) else set()
        return total > 0 and sum(t.idf for t in others if t.found_in(head)) >= 0.5 * total

    return [s for s in sentences if s.features.get("aspect") and (names_subject(s.passage) or about_it(s.passage))]


def embed_sentences(prep: Prepared, embedder, w: AnswerWeights, n: int) -> Prepared:
    """Add the dense signal to the best ``n`` sentences by the other signals (the rest are dropped); a question
    on side effects or their management keeps the sentences that say them, when its papers have any."""
    if n:
        said = on_aspect(prep, [s for s in prep.sentences if s.passage < w.pool])
        prep.sentences = add_dense(prep.sentences, embedder, prep.qvec, dataclasses.replace(w, dense_candidates=n),
                                   first=said)
    return prep


def finish(prep: Prepared, w: AnswerWeights = WEIGHTS, compose: bool = True) -> Extract:
    """Decide, and (when answering and ``compose``) choose and shape the sentences, by these weights."""
    evidence = decide(prep.terms, prep.cosines[:w.pool], prep.paper_tokens[:w.pool], w, prep.heads[:w.pool])
    if not evidence.answer or not compose:
        return Extract("", prep.question_type, evidence)
    pool = [s for s in prep.sentences if s.passage < w.pool]
    if prep.aspect:
        said = on_aspect(prep, pool)
        if not said:
            keys = ", ".join(t.token for t in prep.subject)
            evidence.weak = evidence.weak or (
                f"The evidence is weak: no retrieved sentence reports {ASPECT_NAMES[prep.aspect]}"
                f"{f' ({keys})' if keys else ''}; the closest sentences are shown.")
        else:
            pool = said
            best = max(said, key=lambda s: s.features["key"])
            missing = [t.token for t in prep.subject if not t.found_in(prep.paper_tokens[best.passage])]
            if missing:
                evidence.weak = evidence.weak or (
                    f"The evidence is weak: the sentences on {ASPECT_NAMES[prep.aspect]} come from papers that do "
                    f"not name {', '.join(missing)}.")
    for s in pool:
        s.score = weighted(s, w, dense=False)
    pool = sorted(pool, key=lambda s: -s.score)[:w.dense_candidates]  # those add_dense embedded
    for s in pool:
        s.score = weighted(s, w)
    ranked = sorted(pool, key=lambda s: -s.score)
    chosen = select(ranked, w.sentences_for(prep.question_type), w)
    return Extract(shape(prep.question_type, chosen), prep.question_type, evidence, chosen)


def extract(question: str, passages: list[Passage], store, embedder, w: AnswerWeights = WEIGHTS,
            compose: bool = True) -> Extract:
    """Decide whether the passages answer the question and, when they do and ``compose`` is set, write the
    extractive answer from them (sentences are embedded only then: a decline or an LLM answer needs none)."""
    prep = prepare(question, passages, store, embedder, w, embed=0)
    found = finish(prep, w, compose=False)
    if found.evidence.answer and compose:
        found = finish(embed_sentences(prep, embedder, w, w.dense_candidates), w)
        show_in_passage(passages, found.chosen)
    return found
