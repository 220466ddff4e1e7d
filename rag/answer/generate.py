"""The answer a language model writes from the numbered passages, streamed, then checked: every marker must point
at a passage, every sentence must cite one, and what a sentence says (numbers, names, negation) must be in the
passages it cites (rag/cite.py, support_check/)."""

from __future__ import annotations

from typing import Any, Callable, Generator

from ..cite import UNSUPPORTED, check_citations, cited_numbers, notices_said, renumber
from ..datatypes import CitationCheck, Passage
from . import prompts
from .llm import ChatModel, LLMError
from .support_check import SUPPORTED, check_answer, mark_unverified


def write(llm: ChatModel, question: str, passages: list[Passage], notes: list[str],
          paper: Callable[[str], Any] | None = None,
          ) -> Generator[tuple[str, None], None, tuple[str, list[Passage], CitationCheck] | None]:
    """Yields (text so far, None) while the model writes; returns (checked text, passages in citation order, the
    check), or None when the model failed or wrote nothing (``notes`` then says why). ``paper(doc_id)`` gives a cited
    paper's whole text to the support check (names in it count, noted)."""
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
        return None
    if not text.strip():
        # llama.cpp's server answers a prompt longer than its context with an empty stream: say so.
        notes.append("The language model returned no text (the passages may exceed its context); showing an "
                     "extractive answer instead.")
        return None
    checked, check = check_citations(text, len(passages))
    if check.dangling:
        notes.append(f"Removed citation markers that point at no passage: {check.dangling}")
    if check.unsupported:
        notes.append(f"{len(check.unsupported)} sentence(s) cite no passage and are marked {UNSUPPORTED}.")
    checked, ordered = renumber(checked, passages)
    check.cited = cited_numbers(checked)
    verdicts = check_answer(checked, ordered, paper=paper)
    check.support = [v.to_dict() for v in verdicts]
    doubtful = [v for v in verdicts if v.status != SUPPORTED]
    if doubtful:
        notes.append(f"{len(doubtful)} sentence(s) say something their cited passages do not (numbers, names "
                     f"or negation): marked ⚠ in the answer.")
        checked = mark_unverified(checked, verdicts)
    checked += notices_said(ordered, check.cited)
    return checked, ordered, check

