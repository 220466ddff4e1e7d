"""The data types that pass between pipeline stages (a "record" elsewhere is a whole paper: not these).

load -> Document -> chunk -> Chunk -> (embed, index) -> retrieve -> Passage (with its Citation) -> answer -> Answer.
Stages take and return these; nothing reaches into another stage's internals.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# What a document is, for filters and for choosing the richer of two copies of one paper.
SOURCE_TYPES = ("fulltext", "abstract", "trial", "nci")


@dataclass
class Section:
    """A span of Document.text under one heading (and, for PDFs, on one page)."""

    heading: str
    start: int
    end: int
    page: int | None = None


@dataclass
class Document:
    """One paper, abstract, trial record or web page, as its loader read it.

    ``text`` is the canonical plain text; sections and chunk offsets point into it, so a citation
    can name the exact span. Only text under ``sections`` is evidence (a references list is not).
    """

    doc_id: str
    source_type: str
    text: str
    sections: list[Section]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    pmid: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    nct_id: str | None = None
    url: str | None = None
    source_path: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Chunk:
    """A token-bounded piece of one document's text, cut at sentence boundaries where possible."""

    doc_id: str
    ordinal: int
    text: str
    char_start: int
    char_end: int
    section: str = ""
    page: int | None = None
    page_end: int | None = None
    n_tokens: int = 0


@dataclass
class Citation:
    """Everything a reader needs to find and check the source of a passage."""

    title: str | None
    authors: list[str]
    year: int | None
    journal: str | None
    pmid: str | None
    doi: str | None
    pmcid: str | None
    nct_id: str | None
    url: str | None
    source_type: str
    section: str = ""
    page: int | None = None
    source_path: str = ""  # the file in the corpus folder (a local PDF without a URL is opened from it)
    # The kind of study and the weight of its evidence (rag/study_type/): "level 1".."level 5", "guidance",
    # "preclinical", "registration", "unrated"; where the label came from; a notice such as "retracted".
    study_type: str = ""
    evidence: str = ""
    evidence_basis: str = ""
    notice: str | None = None

    def short(self) -> str:
        """A one-line reference: 'Rosenberg SA et al. (2014) J Immunol. PMID 24907378'."""
        parts = []
        if self.authors:
            parts.append(self.authors[0] + (" et al." if len(self.authors) > 1 else ""))
        if self.year:
            parts.append(f"({self.year})")
        if self.journal:
            parts.append(self.journal + ".")
        ident = (
            f"PMID {self.pmid}" if self.pmid else f"doi:{self.doi}" if self.doi
            else self.pmcid or self.nct_id or ""
        )
        if ident:
            parts.append(ident)
        if self.page:
            parts.append(f"p. {self.page}")
        return " ".join(parts) or (self.title or "")


@dataclass
class Passage:
    """A retrieved span of text with its score and citation; best-first lists of these are retrieval's output."""

    doc_id: str
    chunk_id: int
    text: str
    score: float
    citation: Citation
    char_start: int = 0
    char_end: int = 0
    # Other matching spans of the same paper, merged into this hit: (chunk_id, char_start, char_end, text).
    more_spans: list[dict[str, Any]] = field(default_factory=list)
    # Per-method ranks and scores, for explaining and evaluating the fusion.
    signals: dict[str, float] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.citation.title

    @property
    def url(self) -> str | None:
        return self.citation.url

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON object that `rag search --json` prints."""
        c = self.citation
        return {
            "doc_id": self.doc_id,
            "title": c.title,
            "authors": c.authors,
            "year": c.year,
            "journal": c.journal,
            "pmid": c.pmid,
            "doi": c.doi,
            "pmcid": c.pmcid,
            "nct_id": c.nct_id,
            "url": c.url,
            "source_type": c.source_type,
            "page": c.page,
            "section": c.section,
            "text": self.text,
            "score": round(float(self.score), 6),
            "chunk_id": self.chunk_id,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "more_spans": self.more_spans,
            "citation": c.short(),
            "study_type": c.study_type,
            "evidence": c.evidence,
            "evidence_basis": c.evidence_basis,
            "notice": c.notice,
        }

    def __str__(self) -> str:
        return (f"[{self.score:.3f}] {self.citation.title or self.doc_id} ({self.citation.short()})\n"
                f"    {self.citation.url or ''}\n    {self.text[:300]}")


@dataclass
class CitationCheck:
    """What the citation checker found in one answer."""

    dangling: list[int] = field(default_factory=list)  # markers that point at no passage (removed)
    unsupported: list[str] = field(default_factory=list)  # answer sentences with no marker
    cited: list[int] = field(default_factory=list)  # passage numbers the answer cites
    # Per cited sentence (rag/answer/support_check/): {sentence, cited, status: supported | partly supported |
    # unsupported, reasons: ["72% not in [3]", ...]}.
    support: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """An answer with the passages it cites, numbered as its [n] markers."""

    question: str
    text: str
    passages: list[Passage]
    abstained: bool = False
    mode: str = "extractive"  # or "llm"
    search_query: str = ""  # the query actually searched (a rewritten follow-up, say)
    check: CitationCheck = field(default_factory=CitationCheck)
    notes: list[str] = field(default_factory=list)
    generation: str = ""  # the index generation every passage and check of this answer came from
    # The studies table (rag/outcomes/table.py StudyTable.to_json()) under an answer about efficacy or safety.
    table: dict[str, Any] | None = None
    # Lines of ``text`` composed from extracted values (rag/answer/numbers.py), not quoted from a source.
    composed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "composed": self.composed,
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "search_query": self.search_query,
            "passages": [dict(p.to_dict(), n=i + 1) for i, p in enumerate(self.passages)],
            "citation_check": self.check.to_dict(),
            "notes": self.notes,
            "generation": self.generation,
        }
