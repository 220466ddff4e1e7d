"""Follow-up questions: what to search for when a question leans on the conversation before it.

"and what about its toxicity?" after a TIL question searches for TIL toxicity; "What about atezolizumab?" after
"What are the side effects of aldesleukin?" searches for atezolizumab's side effects (the new subject replaces
the old one, the aspect asked about carries over); "and how is it managed?" after a question on CAR T-cell side
effects keeps both the subject and the side effects. With a language model the question is rewritten by it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..lexical.names import name_shaped
from ..lexical.synonyms import named_in_query
from ..lexical.tokens import tokenize
from . import prompts
from .llm import ChatModel, LLMError

_FOLLOW_UP = re.compile(r"\b(it|its|it's|they|them|their|this|that|these|those|the drug|the therapy|the same|"
                        r"such|he|she|the latter|the former|there)\b|^\s*(and|also|what about|how about|but)\b", re.I)
# Words that name a subject (kept when a follow-up borrows the previous question's topic): drug names by the one
# rule in rag/lexical/names.py, and diseases and cells by their endings.
_TOPIC = re.compile(r"(cancer|oma|emia|aemia|tumou?r|sarcoma|carcinoma|lymphocytes?|cells?)$", re.I)
# Outcome words name what is asked about, not the subject: a follow-up does not carry them as the subject.
_NOT_TOPIC = {"objective", "response", "responses", "rate", "rates", "overall", "survival", "progression", "free",
              "complete", "adverse", "events", "event", "efficacy", "safety", "toxicity", "toxicities", "effect",
              "effects", "patients", "treatment", "therapy", "disease", "approval", "approved", "mechanism", "action",
              "side"}
_QUESTION_WORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "does", "do", "did", "is",
                   "are", "was", "were", "can", "could", "should", "would", "will", "describe", "list", "name",
                   "tell", "explain", "about", "and", "also", "but", "the", "a", "an", "of", "for", "in", "on", "to",
                   "with", "it", "its", "they", "them", "their", "this", "that", "these", "those", "be", "there",
                   "me", "any", "some", "known", "used", "use", "main"}
_FOLLOWING_NOUNS = {"therapy", "therapies", "cells", "cell", "transfer", "treatment", "inhibitors", "inhibitor",
                    "vaccine", "vaccines", "blockade"}


def chat_messages(history: Iterable[Any] | None) -> list[dict[str, str]]:
    """A chat history as {'role', 'content': str} messages. Accepted: messages whose content is a string or
    (Gradio 6) a list of parts like {'type': 'text', 'text': ...}, and (question, answer) pairs; anything else is
    a ValueError naming the item."""
    if history is None:
        return []
    if isinstance(history, (str, bytes, dict)):
        raise ValueError("history must be a list of messages {'role', 'content'} or (question, answer) pairs")
    out = []
    for i, turn in enumerate(history, start=1):
        if isinstance(turn, dict) and turn.get("role") in ("user", "assistant", "system"):
            text = _message_text(turn.get("content"))
            if text:
                out.append({"role": turn["role"], "content": text})
        elif isinstance(turn, (list, tuple)) and len(turn) == 2 and all(x is None or isinstance(x, str) for x in turn):
            out += [{"role": role, "content": text}
                    for role, text in zip(("user", "assistant"), turn, strict=True) if text]
        else:
            raise ValueError(f"history item {i} is neither a message {{'role', 'content'}} nor a (question, answer) "
                             f"pair: {str(turn)[:80]!r}")
    return out


def previous_questions(history: Iterable[Any] | None) -> list[str]:
    """The user turns of a chat history (any shape chat_messages accepts)."""
    return [m["content"] for m in chat_messages(history) if m["role"] == "user"]


def _message_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, (list, tuple)):
        return " ".join(t for t in (_message_text(part) for part in content) if t)
    return ""


def _words(question: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9\-+/]*", question)


def topic_terms(question: str) -> list[str]:
    """The words of a question that name its subject: drug, cell and disease names, acronyms, synonym-table names."""
    words = _words(question)
    in_table = named_in_query(question)
    terms: list[str] = []
    for i, w in enumerate(words):
        lower = w.lower()
        if lower in _QUESTION_WORDS or (lower in _NOT_TOPIC and not (i > 0 and words[i - 1] in terms)):
            continue
        subject = (
            (w.isupper() and len(w) > 1) or any(ch.isdigit() for ch in w) or "-" in w
            or name_shaped(lower) or _TOPIC.search(lower) is not None or (tokenize(w) and tokenize(w)[0] in in_table)
        )
        # "TIL therapy", "CAR T cells": the noun after a subject word belongs to it.
        after_subject = i > 0 and words[i - 1] in terms and lower in _FOLLOWING_NOUNS
        if (subject or after_subject) and w not in terms:
            terms.append(w)
    return terms


def aspect_terms(question: str) -> list[str]:
    """The words of a question that say what is asked about its subject ('side effects', 'response rates'):
    content words that are neither question words nor subject words."""
    subject = {t.lower() for t in topic_terms(question)}
    return [w for w in _words(question) if w.lower() not in _QUESTION_WORDS and w.lower() not in subject
            and len(w) > 2 and tokenize(w)]


def is_follow_up(question: str, history: Iterable[Any] | None) -> bool:
    return bool(previous_questions(history)) and (bool(_FOLLOW_UP.search(question)) or not topic_terms(question))


def standalone_question(question: str, history: Iterable[Any] | None, llm: ChatModel | None = None) -> str:
    """The question to search for: a follow-up gets its conversation's subject (by the LLM when there is one,
    else by carrying the previous question's subject words, and its aspect when the follow-up names a new subject)."""
    history = chat_messages(history)  # a generator would be used up by the first look
    if not is_follow_up(question, history):
        return question
    previous = previous_questions(history)
    if llm is not None:
        try:
            convo = "\n".join(f"User: {q}" for q in previous[-3:])
            prompt = prompts.REWRITE.format(history=convo, question=question)
            rewritten = llm.complete([{"role": "user", "content": prompt}], max_tokens=60)
            rewritten = rewritten.strip().strip('"').splitlines()[0] if rewritten.strip() else ""
            if len(rewritten) > 8:
                return rewritten
        except LLMError:
            pass
    source = next((q for q in reversed(previous) if topic_terms(q)), previous[-1])
    present = {w.lower() for w in _words(question)}
    # "and what about its toxicity?" names a new aspect (toxicity) of the old subject; "and how are they managed?"
    # and "What about atezolizumab?" name none, so the aspect asked about before carries over (what is managed is
    # the side effects asked about before).
    new_aspect = any(w.lower() in _NOT_TOPIC for w in aspect_terms(question))
    subjects, aspects = phrases(source)
    carried = [] if topic_terms(question) else subjects
    if not new_aspect:
        carried += aspects
    extra: list[str] = []
    for phrase in carried:
        kept = _trim([w for w in phrase.split() if w.lower() not in present or w.lower() in _CONNECTORS])
        if kept and " ".join(kept) not in extra:
            extra.append(" ".join(kept))
    return f"{question} ({' '.join(extra)})" if extra else question


# Words that join two subject words into one subject ("nivolumab plus ipilimumab"), and words that qualify what
# was asked ("most common") rather than name it: neither is carried alone.
_CONNECTORS = {"plus", "and", "with", "or", "versus", "vs", "+", "combined"}
_QUALIFIERS = {"most", "common", "commonly", "frequent", "frequently", "main", "major", "often", "usual", "usually",
               "typical", "typically", "important", "key", "likely", "reported", "seen", "observed", "associated"}
# Outcome words: an aspect even where topic_terms counts them into a subject ("immune-related adverse events").
_ASPECT_WORDS = _NOT_TOPIC - {"patients", "treatment", "therapy", "disease"}
# "immune-related", "treatment-related": a modifier of the aspect that follows it.
_MODIFIER = re.compile(r"-(related|associated|induced|mediated|emergent)$", re.I)


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    return words


def phrases(question: str) -> tuple[list[str], list[str]]:
    """(subject phrases, aspect phrases) of a question, as written and in order: "Which immune-related adverse
    events are most common with nivolumab plus ipilimumab?" -> (["nivolumab plus ipilimumab"],
    ["immune-related adverse events"]). Qualifiers ("most common") belong to neither."""
    words = _words(question)
    topic = set(topic_terms(question))
    aspect = {w for w in aspect_terms(question) if w.lower() not in _QUALIFIERS}
    labels = []
    for w in words:
        lower = w.lower()
        if lower in _CONNECTORS:
            labels.append("C")
        elif lower in _ASPECT_WORDS or (w in aspect and w not in topic):
            labels.append("A")
        elif w in topic:
            labels.append("S")
        else:
            labels.append("")
    for i in range(len(words) - 2, -1, -1):  # a modifier joins the aspect it qualifies
        if labels[i] == "S" and labels[i + 1] == "A" and _MODIFIER.search(words[i]):
            labels[i] = "A"
    subjects: list[str] = []
    aspects: list[str] = []
    run: list[str] = []
    kind = ""
    for i, (w, label) in enumerate(zip(words, labels, strict=True)):
        bridge = label == "C" and kind == "S" and i + 1 < len(words) and labels[i + 1] == "S"
        if label in ("S", "A") and label == kind or bridge:
            run.append(w)
            continue
        if run:
            (subjects if kind == "S" else aspects).append(" ".join(_trim(run)))
        run, kind = ([w], label) if label in ("S", "A") else ([], "")
    if run:
        (subjects if kind == "S" else aspects).append(" ".join(_trim(run)))
    return [p for p in subjects if p], [p for p in aspects if p]
