"""Answers that cite: every sentence points at the retrieved passage it rests on.

Without a language model (the default, offline) the answer is extractive: the retrieved sentences that best
match the question, de-duplicated, each followed by its [n]. With an OpenAI-compatible model the answer is
generated from numbered passages and then checked: markers that point at no passage are removed and reported,
sentences without a marker are marked unsupported. When the best passage is weak, the assistant abstains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator


from . import prompts
from .chunk import sentence_spans
from .cite import UNSUPPORTED, check_citations, renumber, strip_reference_markers
from .config import Settings
from .lexical import expand, named_in_query, tokenize
from .llm import ChatModel, LLMError
from .records import Answer, CitationCheck, Passage
from .retrieve import get_searcher

# Calibrated on the dev questions and a set of off-topic questions (see docs/benchmarks.md, "Abstaining"):
# the best passage's cosine similarity to the question.
ABSTAIN_BELOW = 0.40
WEAK_BELOW = 0.45

EXTRACTIVE_NOTE = "Extracted from the retrieved passages; no language model wrote this."
ABSTAIN_TEXT = ("The library has no passage that answers this question. The closest passages are listed below; "
                "they match the question only loosely.")

_YES_NO = re.compile(r"^(is|are|was|were|does|do|did|can|could|should|has|have|had|will|would|may)\b", re.I)
_NEGATIVE = re.compile(
    r"\b(no|not|nor|neither|failed to|fail to|did not|does not|was not|were not|without)\b.{0,60}?"
    r"\b(significant|improve|improved|benefit|effective|efficacy|prolong|prolonged|superior|differen\w*|associated|"
    r"increase\w*|reduce\w*|response|survival|met)\b|\b(ineffective|no benefit|no significant|did not meet|"
    r"was not associated|not associated|lack of (efficacy|benefit|response)|inferior|futility|detrimental)\b",
    re.I,
)
_FOLLOW_UP = re.compile(r"\b(it|its|it's|they|them|their|this|that|these|those|the drug|the therapy|the same|"
                        r"such|he|she|the latter|the former|there)\b|^\s*(and|also|what about|how about|but)\b", re.I)
# Words that name a subject (kept when a follow-up borrows the previous question's topic).
_TOPIC = re.compile(r"(mab|cel|leucel|nib|tinib|kin|cept|ept|tide|stat|platin|taxel|rubicin|cillin)$|"
                    r"(cancer|oma|emia|aemia|tumou?r|sarcoma|carcinoma|lymphocytes?|cells?)$", re.I)
# Outcome words name what is asked about, not the subject: a follow-up does not carry them over.
_NOT_TOPIC = {"objective", "response", "responses", "rate", "rates", "overall", "survival", "progression", "free",
              "complete", "adverse", "events", "event", "efficacy", "safety", "toxicity", "toxicities", "effect",
              "effects", "patients", "treatment", "therapy", "disease", "approval", "approved", "mechanism", "action"}
_QUESTION_WORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "does", "do", "did", "is",
                   "are", "was", "were", "can", "could", "should", "would", "will", "describe", "list", "name",
                   "tell", "explain", "about"}


# --- follow-up questions -----------------------------------------------------------------------------------


def previous_questions(history: Iterable[Any] | None) -> list[str]:
    """User turns of a chat history given as (user, assistant) pairs or as {'role', 'content'} messages, where
    content is a string or (Gradio 6) a list of parts like {'type': 'text', 'text': ...}."""
    out = []
    for turn in history or []:
        if isinstance(turn, dict):
            if turn.get("role") == "user":
                text = _message_text(turn.get("content"))
                if text:
                    out.append(text)
        elif isinstance(turn, (list, tuple)) and turn and isinstance(turn[0], str):
            out.append(turn[0])
    return out


def _message_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(t for t in (_message_text(part) for part in content) if t)
    return ""


def topic_terms(question: str) -> list[str]:
    """The words of a question that name its subject: drug, cell and disease names, acronyms, synonym-table names."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-+/]*", question)
    in_table = named_in_query(question)
    terms = []
    for i, w in enumerate(words):
        lower = w.lower()
        if lower in _QUESTION_WORDS or (lower in _NOT_TOPIC and not (i > 0 and words[i - 1] in terms)):
            continue
        subject = (
            (w.isupper() and len(w) > 1) or any(ch.isdigit() for ch in w) or "-" in w
            or _TOPIC.search(lower) is not None or (tokenize(w) and tokenize(w)[0] in in_table)
        )
        # "TIL therapy", "CAR T cells": the noun after a subject word belongs to it.
        after_subject = i > 0 and words[i - 1] in terms and lower in {"therapy", "therapies", "cells", "cell",
                                                                       "transfer", "treatment", "inhibitors", "inhibitor",
                                                                       "vaccine", "vaccines", "blockade"}
        if (subject or after_subject) and w not in terms:
            terms.append(w)
    return terms


def is_follow_up(question: str, history: Iterable[Any] | None) -> bool:
    return bool(previous_questions(history)) and (bool(_FOLLOW_UP.search(question)) or not topic_terms(question))


def standalone_question(question: str, history: Iterable[Any] | None, llm: ChatModel | None = None) -> str:
    """The question to search for: a follow-up gets its conversation's subject (by the LLM when there is one,
    else by carrying the previous question's subject words)."""
    if not is_follow_up(question, history):
        return question
    previous = previous_questions(history)
    if llm is not None:
        try:
            convo = "\n".join(f"User: {q}" for q in previous[-3:])
            rewritten = llm.complete([{"role": "user", "content": prompts.REWRITE.format(history=convo, question=question)}],
                                     max_tokens=60)
            rewritten = rewritten.strip().strip('"').splitlines()[0] if rewritten.strip() else ""
            if len(rewritten) > 8:
                return rewritten
        except LLMError:
            pass
    carried = []
    for q in reversed(previous):
        carried = topic_terms(q)
        if carried:
            break
    present = {w.lower() for w in re.findall(r"[A-Za-z0-9\-]+", question)}
    extra = [t for t in carried if t.lower() not in present]
    return f"{question} ({' '.join(extra)})" if extra else question


# --- extractive answers ------------------------------------------------------------------------------------


@dataclass
class _Sentence:
    passage: int  # 0-based index into the passages
    text: str
    order: int
    score: float = 0.0


def is_yes_no(question: str) -> bool:
    return bool(_YES_NO.match(question.strip())) and question.strip().endswith("?")


def evidence_strength(passages: list[Passage]) -> float:
    """The best cosine similarity between the question and a retrieved passage (0 when unknown)."""
    return max((p.signals.get("cosine", 0.0) for p in passages), default=0.0)


def _candidate_sentences(passages: list[Passage]) -> list[_Sentence]:
    out = []
    for i, p in enumerate(passages):
        for span_text in [p.text] + [s["text"] for s in p.more_spans[:1]]:
            for a, b in sentence_spans(span_text):
                s = span_text[a:b].strip()
                # Headings ("Side effects:") and questions ("What are the risks?") answer nothing.
                if len(re.findall(r"[A-Za-z]{2,}", s)) >= 6 and not s.endswith((":", "?")):
                    out.append(_Sentence(i, strip_reference_markers(" ".join(s.split())), len(out)))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def extractive_answer(question: str, passages: list[Passage], embedder, max_sentences: int = 4) -> str:
    sentences = _candidate_sentences(passages)[:120]
    if not sentences:
        return ""
    q_tokens = set(tokenize(question)) | set(expand(question))
    qvec = embedder.encode_query(question)
    vectors = embedder.encode([s.text for s in sentences], batch_size=64)
    cos = vectors @ qvec
    for s, c in zip(sentences, cos):
        tokens = set(tokenize(s.text))
        coverage = len(q_tokens & tokens) / max(1, len(q_tokens))
        # Rank of the passage matters a little: the retriever's order already weighs the whole passage.
        s.score = 0.6 * float(c) + 0.4 * coverage - 0.01 * s.passage
    chosen: list[_Sentence] = []
    per_passage: dict[int, int] = {}
    best = max(s.score for s in sentences)
    for s in sorted(sentences, key=lambda s: -s.score):
        if len(chosen) >= max_sentences or s.score < 0.6 * best:
            break
        tokens = set(tokenize(s.text))
        if per_passage.get(s.passage, 0) >= 2 or any(_jaccard(tokens, set(tokenize(c.text))) > 0.5 for c in chosen):
            continue
        chosen.append(s)
        per_passage[s.passage] = per_passage.get(s.passage, 0) + 1
    if is_yes_no(question):
        return _for_and_against(chosen)
    return "\n".join(f"- {s.text} [{s.passage + 1}]" for s in chosen)


def _for_and_against(chosen: list[_Sentence]) -> str:
    against = [s for s in chosen if _NEGATIVE.search(s.text)]
    support = [s for s in chosen if s not in against]
    lines = ["Evidence for:"]
    lines += [f"- {s.text} [{s.passage + 1}]" for s in support] or ["- No retrieved sentence supports it directly."]
    lines.append("Evidence against or qualifying it:")
    lines += [f"- {s.text} [{s.passage + 1}]" for s in against] or ["- No retrieved sentence argues against it."]
    return "\n".join(lines)


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
    question = " ".join((question or "").split())
    if not question:
        raise ValueError("the question is empty")
    llm = ChatModel.from_settings(s) if use_llm is not False else None
    if use_llm and llm is None:
        raise ValueError("no language model is configured: set RAG_LLM_BASE_URL (an OpenAI-compatible endpoint)")
    notes: list[str] = []
    search_query = standalone_question(question, history, llm)
    if search_query != question:
        notes.append(f"Searched for: {search_query}")
    searcher = get_searcher(s)
    passages = searcher.search(search_query, k=k or s.k, filters=filters)
    strength = evidence_strength(passages)
    threshold = s.abstain_below or ABSTAIN_BELOW
    if not passages or strength < threshold:
        result = Answer(question, ABSTAIN_TEXT, passages, abstained=True, mode="abstain", search_query=search_query,
                        notes=notes + [f"best passage similarity {strength:.2f} < {threshold:.2f}"])
        yield result.text, result
        return
    if strength < WEAK_BELOW:
        notes.append(f"The evidence is weak: the best passage matches the question only loosely "
                     f"(similarity {strength:.2f}).")

    if llm is not None:
        messages = [{"role": "system", "content": prompts.SYSTEM},
                    {"role": "user", "content": prompts.ANSWER.format(passages=prompts.format_passages(passages),
                                                                      question=question)}]
        text = ""
        try:
            for token in llm.stream(messages):
                text += token
                yield text, None
        except LLMError as err:
            notes.append(f"{err}; showing an extractive answer instead.")
            text = ""
        if text.strip():
            checked, check = check_citations(text, len(passages))
            if check.dangling:
                notes.append(f"Removed citation markers that point at no passage: {check.dangling}")
            if check.unsupported:
                notes.append(f"{len(check.unsupported)} sentence(s) cite no passage and are marked {UNSUPPORTED}.")
            checked, ordered = renumber(checked, passages)
            check.cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", checked)})
            result = Answer(question, checked, ordered, mode="llm", search_query=search_query, check=check, notes=notes)
            yield result.text, result
            return

    body = extractive_answer(question, passages, searcher.embedder)
    body, ordered = renumber(body, passages)  # built from the passages: every sentence carries its marker
    check = CitationCheck(cited=sorted({int(n) for n in re.findall(r"\[(\d+)\]", body)}))
    if is_yes_no(question):
        notes.append("A yes/no question: the cited sentences for and against are shown, not a verdict.")
    text = f"{EXTRACTIVE_NOTE}\n\n{body}" if body else ABSTAIN_TEXT
    result = Answer(question, text, ordered, abstained=not body, mode="extractive", search_query=search_query,
                    check=check, notes=notes)
    yield result.text, result


def answer(question: str, history: Iterable[Any] | None = None, **kwargs: Any) -> Answer:
    """The checked answer with its numbered passages (see answer_stream for the arguments)."""
    final = None
    for _, final in answer_stream(question, history, **kwargs):
        pass
    assert final is not None
    return final
