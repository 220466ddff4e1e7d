"""What kind of study a document is, and how much weight that kind of evidence carries.

The package: this module (the metadata's say, `classify`), levels.py (the vocabulary and the ladder of levels),
text.py (a title and abstract read when the metadata is silent), title_cues.py (the words of a title), cues.py (the
words of an abstract's own design) and trained.py (a trained reader for titled abstracts whose design no rule
reads).

Every document gets a study type, an evidence level and the basis of the label: the record's own metadata
where it has some (PubMed publication types and MeSH check tags, a JATS article-type, the kind of record: a
ClinicalTrials.gov registration, a cancer.gov page), else a rule-based reading of its title and abstract,
marked "text". Notices that change how a paper may be cited (retracted, withdrawn, expression of concern, a
retraction notice, erratum) come from the publication types, the title ("RETRACTED ARTICLE:", "[Retracted]" before
or after it, "Retraction Note:", "Notice of Retraction:", "WITHDRAWN:", "Expression of Concern:") and an abstract
that reads "This article has been retracted".

Levels follow the usual hierarchy of clinical evidence (Oxford CEBM, simplified): 1 systematic reviews and
meta-analyses, 2 randomised trials, 3 non-randomised trials and observational studies, 4 case reports,
5 narrative reviews and opinion; beside it, guidance (guidelines, expert summaries), preclinical (animal and
laboratory studies), trial registrations (protocols without results) and unrated.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from ..datatypes import Document
from ..notices import NOTICE_SAYS, NOTICES, RETRACTED, _as_list, _notice
from .cues import _ANIMAL, _I, _LAB, _RANDOMISED, _SYSTEMATIC
from .levels import EVIDENCE_LEVELS, STUDY_TYPES
from .text import _from_text

__all__ = ["STUDY_TYPES", "EVIDENCE_LEVELS", "NOTICES", "RETRACTED", "NOTICE_SAYS", "Evidence", "evidence_of",
           "classify", "classifier_fingerprint", "counts"]

@dataclass(frozen=True)
class Evidence:
    study_type: str
    level: str
    basis: str  # "publication type", "article type", "record type", "MeSH", "text"
    reason: str  # what decided, e.g. 'publication type "Randomized Controlled Trial"' or 'text: "randomly assigned"'
    notice: str | None = None  # one of NOTICES

    def to_extra(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def evidence_of(extra: dict[str, Any] | None) -> dict[str, Any]:
    """The evidence fields a document's extra holds (as stored): study_type, level, basis, reason, notice."""
    e = (extra or {}).get("evidence") or {}
    return e if isinstance(e, dict) else {}


# --- metadata ------------------------------------------------------------------------------------------------

# PubMed publication types, most specific first.
_PUBLICATION_TYPES: list[tuple[str, str]] = [
    ("meta-analysis", "meta-analysis"),
    ("systematic review", "systematic review"),
    ("network meta-analysis", "meta-analysis"),
    ("randomized controlled trial", "randomised trial"),
    ("pragmatic clinical trial", "randomised trial"),
    ("equivalence trial", "randomised trial"),
    ("practice guideline", "guideline"),
    ("guideline", "guideline"),
    ("consensus development conference", "guideline"),
    ("consensus development conference, nih", "guideline"),
    ("clinical trial, phase iii", "non-randomised trial"),
    ("clinical trial, phase ii", "non-randomised trial"),
    ("clinical trial, phase i", "non-randomised trial"),
    ("clinical trial, phase iv", "non-randomised trial"),
    ("controlled clinical trial", "non-randomised trial"),
    ("clinical trial", "non-randomised trial"),
    ("observational study", "observational study"),
    ("case reports", "case report"),
    ("review", "review"),
    ("scoping review", "review"),
    ("editorial", "opinion"),
    ("comment", "opinion"),
    ("letter", "opinion"),
    ("news", "opinion"),
    ("congress", "opinion"),
]
# JATS article-type values (NLM/JATS vocabulary).
_ARTICLE_TYPES = {
    "review-article": "review", "systematic-review": "systematic review", "meta-analysis": "meta-analysis",
    "case-report": "case report", "editorial": "opinion", "letter": "opinion", "commentary": "opinion",
    "article-commentary": "opinion", "reply": "opinion", "guideline": "guideline", "practice-guideline": "guideline",
    "retraction": "opinion", "correction": "other", "expression-of-concern": "opinion",
}


def classify(doc: Document) -> Evidence:
    """The study type, level and notice of one document (see the module's docstring for the order of sources)."""
    extra = doc.extra or {}
    text = f"{doc.title or ''}\n{doc.text[:4000]}"
    notice = _notice(extra, doc.title or "", doc.text)
    if notice in ("retraction notice", "erratum") and doc.source_type not in ("trial", "nci"):
        # The record is the notice itself, not a study.
        return _make("other", "record type", f"a {notice}", notice)
    if doc.source_type == "trial":
        return _make("trial registration", "record type", "a ClinicalTrials.gov record", notice)
    if doc.source_type == "nci":
        return _make("expert summary", "record type", "a cancer.gov page", notice)
    types = [t.strip().lower() for t in _as_list(extra.get("publication_types"))]
    for wanted, study in _PUBLICATION_TYPES:
        if wanted in types:
            if study == "non-randomised trial" and _RANDOMISED.search(text):
                study = "randomised trial"  # a phase III with "randomly assigned": PubMed tagged only the phase
            if study == "review" and _SYSTEMATIC.search(text):
                study = "systematic review"
            original = next(t for t in _as_list(extra.get("publication_types")) if t.strip().lower() == wanted)
            return _make(study, "publication type", f'publication type "{original}"', notice)
    article_type = str(extra.get("article_type") or "").lower()
    if article_type in _ARTICLE_TYPES:
        study = _ARTICLE_TYPES[article_type]
        if study == "review":
            refined = _from_text(text)
            if refined[0] in ("meta-analysis", "systematic review"):
                return _make(refined[0], "text", refined[1], notice)
        return _make(study, "article type", f'article-type "{article_type}"', notice)
    mesh = {m.strip().lower() for m in _as_list(extra.get("mesh"))}
    if "animals" in mesh and "humans" not in mesh:
        if not _animals_treated(text) and len({m.group(0).lower() for m in _LAB.finditer(text)}) >= 2:
            # Cells of an animal (a murine cell line) in culture, no animal treated: laboratory work.
            return _make("in vitro study", "MeSH", 'MeSH "Animals" without "Humans"; text: cells, no animals', notice)
        return _make("animal study", "MeSH", 'MeSH "Animals" without "Humans"', notice)
    study, reason = _from_text(text, [sec.heading for sec in doc.sections])
    return _make(study, "text", reason, notice)


def _animals_treated(text: str) -> bool:
    """An animal word that names animals, not only the source of cells ("murine melanoma cells", "mouse
    macrophages")."""
    cells = re.compile(r"(\s+[\w-]+){0,2}\s+(cells?|cell lines?|macrophages|fibroblasts|splenocytes|neurons|"
                       r"hepatocytes|cardiomyocytes|organoids)\b", _I)
    return any(not cells.match(text, m.end()) for m in _ANIMAL.finditer(text))


def _make(study: str, basis: str, reason: str, notice: str | None) -> Evidence:
    return Evidence(study, STUDY_TYPES[study], basis, reason, notice)




@functools.lru_cache(maxsize=1)
def classifier_fingerprint() -> str:
    """Recorded in each index's shape: a change of these rules relabels the library on the next build. The rules
    are the text of this package's modules and of rag/notices.py without their import statements (moving a module,
    or renaming one it imports, relabels nothing) and the trained reader's weights."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    for path in (*sorted(here.glob("*.py")), here.parent / "notices.py"):
        source = path.read_text(encoding="utf-8")
        imports = {n for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))
                   for n in range(node.lineno, node.end_lineno + 1)}
        rules = "".join(line for n, line in enumerate(source.splitlines(keepends=True), 1) if n not in imports)
        h.update(rules.encode())
    h.update((here / "trained_reader.npz").read_bytes())  # the trained reader's weights are rules too
    return h.hexdigest()[:12]


def counts(levels: Iterable[str]) -> dict[str, int]:
    """Documents per evidence level, in the order of EVIDENCE_LEVELS (levels absent are left out)."""
    seen: dict[str, int] = {}
    for level in levels:
        seen[level] = seen.get(level, 0) + 1
    return {level: seen[level] for level in EVIDENCE_LEVELS if level in seen}
