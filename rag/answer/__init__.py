"""Answers that cite: every sentence points at the retrieved passage it rests on.

Without a language model (the default, offline) the answer is extractive (rag/answer/extractive.py): a lead
sentence and supporting sentences of the retrieved papers, chosen by the question's type and terms, each followed
by its [n]. With an OpenAI-compatible model the answer is generated from numbered passages and then checked
(rag/answer/generate.py): markers that point at no passage are removed and reported, sentences without a marker are
marked unsupported.
Either way the question is declined when the passages do not speak to it (by meaning and by its key terms).
Follow-up questions are resolved against the conversation first (rag/answer/followup.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable, Iterator

from ..cite import cited_numbers, notices_said, renumber
from ..config import MAX_QUESTION_CHARS, Settings, check_k
from ..datatypes import Answer, CitationCheck, Passage
from ..retrieve import check_filters, check_text, get_searcher
from .extractive import (AGAINST_HEADING, FOR_HEADING, NO_AGAINST, NO_SUPPORT, SUPPORT_HEADING, WEIGHTS,
                         AnswerWeights, extract)
from .followup import chat_messages, is_follow_up, previous_questions, standalone_question, topic_terms
from .generate import write
from .llm import ChatModel
from .numbers import add_value_spans, asks_quantity, number_lead
from .question import question_type
from .support_check import check_answer

# The cosine at or above which a passage answers by its meaning alone, and below which the evidence is called
# weak (see AnswerWeights for the lexical route; docs/benchmarks.md, "Answers", for how they were chosen).
ABSTAIN_BELOW = WEIGHTS.dense_answer
WEAK_BELOW = WEIGHTS.weak_below

# Said with every answer from an index whose vectors are still being embedded (built lexical-first).
KEYWORD_ONLY_NOTE = ("Semantic search is not ready yet (the library's passages are still being embedded): this "
                     "answer rests on keyword search alone.")
EXTRACTIVE_NOTE = "Extracted from the retrieved passages; no language model wrote this."
ABSTAIN_TEXT = ("The library has no passage that answers this question. The closest passages are listed below; "
                "they match the question only loosely.")
# Lines of an answer that frame it rather than say something (the evaluation leaves them out).
FRAMING = (EXTRACTIVE_NOTE, SUPPORT_HEADING, FOR_HEADING, AGAINST_HEADING, NO_SUPPORT, NO_AGAINST)

__all__ = ["answer", "answer_stream", "chat_messages", "is_follow_up", "standalone_question", "topic_terms",
           "previous_questions", "question_type", "evidence_strength", "is_yes_no", "AnswerWeights", "EXTRACTIVE_NOTE",
           "ABSTAIN_TEXT", "FRAMING"]


def is_yes_no(question: str) -> bool:
    return question_type(question) == "yesno"


def evidence_strength(passages: list[Passage]) -> float:
    """The best cosine similarity between the question and a retrieved passage (0 when unknown)."""
    return max((p.signals.get("cosine", 0.0) for p in passages), default=0.0)


# --- the answer --------------------------------------------------------------------------------------------


def answer_stream(
    question: str,
    history: Iterable[Any] | None = None,
    *,
    k: int | None = None,
    settings: Settings | None = None,
    filters: dict[str, Any] | None = None,
    use_llm: bool | None = None,
) -> Iterator[tuple[str, Answer | None]]:
    """Yields (text so far, None) while an LLM writes, then (final text, Answer) once the answer is checked."""
    s = settings or Settings.load()
    if question is not None and not isinstance(question, str):
        raise ValueError(f"the question must be text, got {type(question).__name__}")
    question = check_text(" ".join((question or "").split()))
    if not question:
        raise ValueError("the question is empty")
    k = check_k(k, default=s.k)  # not given (None, or the 0 a form sends): the k setting
    filters = check_filters(filters)
    llm = ChatModel.from_settings(s) if use_llm is not False else None
    if use_llm and llm is None:
        raise ValueError("no language model is configured: set RAG_LLM_BASE_URL (an OpenAI-compatible endpoint)")
    if llm is not None:
        llm.start_answer()  # the timeout holds for all this answer asks of the model
    notes: list[str] = []
    history = chat_messages(history)  # pairs or messages; a generator would be used up by the first look
    for m in history:  # the earlier questions are read for a follow-up's subject: the same limit
        if m["role"] == "user" and len(m["content"]) > MAX_QUESTION_CHARS:
            raise ValueError(f"a question in the history is too long ({len(m['content'])} characters, at most "
                             f"{MAX_QUESTION_CHARS})")
    search_query = standalone_question(question, history, llm)
    if len(search_query) > MAX_QUESTION_CHARS:  # a rewrite that grew past the limit: search the question as asked
        search_query = question
    if search_query != question:
        notes.append(f"Searched for: {search_query}")
    searcher = get_searcher(s)
    # One generation of the index for the whole answer: a build publishing meanwhile changes nothing here.
    store = searcher.store
    here = {"generation": store.generation_name()}
    if not store.dense_ready:
        notes.append(KEYWORD_ONLY_NOTE)
    if not store.size:
        result = Answer(question, "The library is empty: add papers (the Library tab, `rag add`) and ask again.", [],
                        abstained=True, mode="abstain", search_query=search_query, notes=notes, **here)
        yield result.text, result
        return
    weights = dataclasses.replace(s.answer, dense_answer=s.abstain_below) if s.abstain_below else s.answer
    # The extractive answer reads a few more papers than it shows; the k shown are the cited ones, then the best
    # of the rest.
    extractive_reads = max(k, weights.pool)
    reads = extractive_reads if llm is None else k
    weights = dataclasses.replace(weights, pool=reads)
    passages = searcher.search(search_query, k=reads, filters=filters, store=store)
    # The decision (and, without a language model, the answer) rests on the question as asked, plus what a
    # follow-up carried over from the conversation.
    found = extract(search_query, passages, store, searcher.embedder, weights, compose=llm is None)
    if not found.evidence.answer:
        closest = " The closest passages are listed below; they match the question only loosely." if passages else ""
        none = ("No passage in the library matches the search filters (years, source types): widen them and ask "
                "again." if filters else "The library has no passage that answers this question.")
        # The closest passages by meaning, best first (retrieval ranks by words and meaning together).
        closest_first = sorted(passages, key=lambda p: -float(p.signals.get("cosine", 0.0)))
        result = Answer(question, ABSTAIN_TEXT if passages else none,
                        closest_first[:k], abstained=True, mode="abstain", search_query=search_query,
                        notes=notes + [f"Declined: {found.evidence.reason}.{closest}"], **here)
        yield result.text, result
        return
    if found.evidence.weak:
        notes.append(found.evidence.weak)

    if llm is not None:
        # The model answers the standalone question: "and its toxicity?" alone names nothing the passages hold.
        written = yield from write(llm, search_query, passages, notes, paper=store.document)
        if written is not None:
            checked, ordered, check = written
            result = Answer(question, checked, ordered, mode="llm", search_query=search_query, check=check,
                            notes=notes, table=_table(search_query, ordered, store), **here)
            yield result.text, result
            return

    if llm is not None:  # the model failed: the extractive answer, reading as many papers as without a model
        weights = dataclasses.replace(weights, pool=extractive_reads)
        passages = searcher.search(search_query, k=extractive_reads, filters=filters, store=store)
        found = extract(search_query, passages, store, searcher.embedder, weights)
    def further() -> list[Passage]:
        # A quantity asked by name: the studies a little further down may report it, or match the question better
        # than those the answer reads; they are read for the lead only (and shown only when it cites them).
        if not asks_quantity(search_query) or weights.number_pool <= len(passages):
            return []
        have = {p.chunk_id for p in passages}
        return [p for p in searcher.search(search_query, k=weights.number_pool, filters=filters, store=store)
                if p.chunk_id not in have]

    result = _extractive_answer(question, search_query, found, passages, store, k, notes, here, further)
    yield result.text, result


def _extractive_answer(question: str, search_query: str, found, passages: list[Passage], store, k: int,
                       notes: list[str], here: dict[str, Any],
                       further: Callable[[], list[Passage]] = list) -> Answer:
    """The answer of sentences copied from the passages (the extracted values first, for a quantitative question),
    renumbered by citation and checked against its passages; ``further`` passages may give the values when those
    read give none."""
    text = found.text
    lead = number_lead(search_query, passages, store)  # a rate, a median, a ratio: the extracted values lead
    more = further()
    if more:
        # (the sentences' markers number the first passages: unchanged). Read on copies: the lead adds the spans of
        # its values to the passages it cites, and this one may not be taken.
        copies = [dataclasses.replace(p, more_spans=list(p.more_spans)) for p in passages]
        wider = number_lead(search_query, [*copies, *more], store)
        # A study further down leads when none read reports the value asked, or when it matches the question
        # clearly better than the one that does (names its tumour, or more of its words).
        if wider is not None and (lead is None or wider.match.passage > len(passages)
                                  and wider.match.clearly_better_than(lead.match)):
            passages, lead = [*copies, *more], wider
    if lead and text:
        text = f"{lead[0]}\n\n{text}"
        if lead[2]:
            notes.append(lead[2])
    body, ordered = renumber(text, passages)  # built from the passages: every sentence carries its marker
    check = CitationCheck(cited=cited_numbers(body))
    ordered = ordered[:max(k, len(check.cited))]
    table = _table(search_query, ordered, store)
    # (after the table adds its spans; names are also read in the whole cited paper) copied sentences: all supported
    check.support = [v.to_dict() for v in check_answer(body, ordered, paper=store.document, table=table)]
    if found.question_type == "yesno":
        notes.append("A yes/no question: the cited sentences for and against are shown, not a verdict.")
    text = f"{EXTRACTIVE_NOTE}\n\n{body}{notices_said(ordered, check.cited)}" if body else ABSTAIN_TEXT
    composed = [line for line in body.splitlines()[:len(lead[0].splitlines())]] if lead and body else []
    return Answer(question, text, ordered, abstained=not body, mode="extractive" if body else "abstain",
                  search_query=search_query, check=check, notes=notes, table=table if body else None,
                  composed=composed, **here)


def _table(question: str, passages: list[Passage], store) -> dict[str, Any] | None:
    """The studies table of an answer about efficacy or safety (None when no cited study reports its endpoints);
    each cell's span joins its passage's spans so the sources panel can mark it."""
    from ..outcomes.table import asked_endpoints, table_for_passages

    if not asked_endpoints(question):
        return None
    table = table_for_passages(question, passages, store)
    if not table.rows:
        return None
    add_value_spans(passages, table)
    return table.to_json()


def answer(question: str, history: Iterable[Any] | None = None, **kwargs: Any) -> Answer:
    """The checked answer with its numbered passages (see answer_stream for the arguments)."""
    final = None
    for _, update in answer_stream(question, history, **kwargs):
        final = update
    assert final is not None
    return final
