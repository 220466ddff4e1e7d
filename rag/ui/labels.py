"""The words the app uses for an answer's mode and a source's kind."""

from __future__ import annotations

EXTRACTIVE_LABEL = "Extracted answer (no language model)"
LLM_LABEL = "Answer written by a language model"
ABSTAIN_LABEL = "No answer"

SOURCE_LABELS = {"abstract": "PubMed abstract", "fulltext": "Full text", "trial": "Clinical trial", "nci": "NCI page"}
KIND_PLURALS = {"abstract": ("PubMed abstract", "PubMed abstracts"),
                "fulltext": ("full-text article", "full-text articles"),
                "trial": ("clinical trial", "clinical trials"), "nci": ("NCI page", "NCI pages")}


def mode_label(mode: str, abstained: bool, llm_model: str | None = None) -> str:
    if abstained or mode == "abstain":
        return ABSTAIN_LABEL
    if mode == "llm":
        return LLM_LABEL + (f" ({llm_model})" if llm_model else "")
    return EXTRACTIVE_LABEL
