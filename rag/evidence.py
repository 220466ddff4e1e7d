"""What kind of study a document is, and how much weight that kind of evidence carries.

Every document gets a study type, an evidence level and the basis of the label: the record's own metadata
where it has some (PubMed publication types and MeSH check tags, a JATS article-type, the kind of record: a
ClinicalTrials.gov registration, a cancer.gov page), else a rule-based reading of its title and abstract,
marked "text". Notices that change how a paper may be cited (retracted, expression of concern, erratum) come
from the publication types, and a retraction also from the title ("Retracted: ...").

Levels follow the usual hierarchy of clinical evidence (Oxford CEBM, simplified): 1 systematic reviews and
meta-analyses, 2 randomised trials, 3 non-randomised trials and observational studies, 4 case reports,
5 narrative reviews and opinion; beside it, guidance (guidelines, expert summaries), preclinical (animal and
laboratory studies), trial registrations (protocols without results) and unrated.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from .records import Document

# study type -> evidence level
STUDY_TYPES: dict[str, str] = {
    "meta-analysis": "level 1",
    "systematic review": "level 1",
    "randomised trial": "level 2",
    "non-randomised trial": "level 3",
    "observational study": "level 3",
    "case report": "level 4",
    "review": "level 5",
    "opinion": "level 5",
    "guideline": "guidance",
    "expert summary": "guidance",
    "animal study": "preclinical",
    "in vitro study": "preclinical",
    "trial registration": "registration",
    "other": "unrated",
}
EVIDENCE_LEVELS: dict[str, str] = {
    "level 1": "systematic reviews and meta-analyses",
    "level 2": "randomised trials",
    "level 3": "non-randomised trials and observational studies",
    "level 4": "case reports",
    "level 5": "narrative reviews and opinion",
    "guidance": "guidelines and expert summaries",
    "preclinical": "animal and laboratory studies",
    "registration": "trial registrations (protocols, no results)",
    "unrated": "other or unknown",
}
NOTICES = ("retracted", "retraction notice", "expression of concern", "erratum")


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
_NOTICE_TYPES = {
    "retracted publication": "retracted",
    "retraction of publication": "retraction notice",
    "expression of concern": "expression of concern",
    "published erratum": "erratum",
}
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
    notice = _notice(extra, doc.title or "")
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
        return _make("animal study", "MeSH", 'MeSH "Animals" without "Humans"', notice)
    study, reason = _from_text(text)
    return _make(study, "text", reason, notice)


def _make(study: str, basis: str, reason: str, notice: str | None) -> Evidence:
    return Evidence(study, STUDY_TYPES[study], basis, reason, notice)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _notice(extra: dict[str, Any], title: str) -> str | None:
    for t in _as_list(extra.get("publication_types")):
        if t.strip().lower() in _NOTICE_TYPES:
            return _NOTICE_TYPES[t.strip().lower()]
    if re.match(r"\s*(retracted|retraction)\b\s*[:\-]", title, re.I):
        return "retracted" if title.strip().lower().startswith("retracted") else "retraction notice"
    if re.match(r"\s*expression of concern\b", title, re.I):
        return "expression of concern"
    return None


# --- text --------------------------------------------------------------------------------------------------

_I = re.I
_META = re.compile(r"\bmeta-?analys[ie]s\b|\bmeta-?analytic|\bnetwork meta|\bpooled analysis of (\w+ )?(randomi[sz]ed )?"
                   r"(controlled )?(trials|studies)", _I)
_META_OWN = re.compile(r"\b(we|this|our|present|current)\b[^.]{0,80}\bmeta-?analys[ie]s|\bmeta-?analys[ie]s\b[^.]{0,40}"
                       r"\b(was|were) (performed|conducted|carried out)|\b(random|fixed)[- ]effects? model|"
                       r"\bpooled (hazard|odds|risk) ratio|\bpooled (HR|OR|RR)\b", _I)
# A search described (a narrative review also says "we systematically review").
_SYSTEMATIC = re.compile(r"\bsystematic(ally)? (literature )?(search|searched)|\bPRISMA\b|"
                         r"\b(searched|search of|searches of) (the )?(PubMed|MEDLINE|Embase|Cochrane|Web of Science|Scopus)", _I)
_GUIDELINE = re.compile(r"\b(practice )?guidelines?\b|\bconsensus (statement|guideline|recommendation)s?\b|"
                        r"\bexpert (consensus|panel)\b|\brecommendations (for|on)\b|\bposition (paper|statement)\b", _I)
_CASE = re.compile(r"\bcase (report|series|presentation)\b|\ba case of\b|\bwe (report|describe|present) (a|an|the|two|three) "
                   r"(\w+ ){0,3}(case|patient)s?\b|\b\d{1,3}-year-old (man|woman|male|female|patient|boy|girl|child)\b", _I)
_RANDOMISED = re.compile(r"\b(were|was|are|be|been) randomi[sz]ed\b|\brandomly (assigned|allocated)\b|"
                         r"\brandomi[sz]ed,? (\w+[- ]){0,4}(phase|trial|study)\b|\brandomi[sz]ed (in a|at a|\(?\d:\d)|"
                         r"\brandomi[sz]ation\b|\bplacebo-controlled\b|\b\d:\d randomi", _I)
# A review about trials says "randomized controlled trials" in the plural or "of randomized trials".
_RANDOMISED_OF_OTHERS = re.compile(r"\b(of|from|in|include[sd]?|including|across|several|\d+) (\w+ ){0,2}randomi[sz]ed "
                                   r"(controlled )?(clinical )?trials\b", _I)
_REVIEW_OWN = re.compile(r"\b(this|the present|our|current) (mini-?)?(review|article|overview|paper|chapter)\b[^.]{0,60}"
                         r"\b(summari[sz]|discuss|describ|highlight|focus|provid|outlin|explor|examin|address|review)|"
                         r"\bin this (mini-?)?(review|article|overview|perspective)\b|\bwe (review|summari[sz]e|discuss|"
                         r"highlight|outline|provide an overview|describe the (current|recent))\b|\bhere,? we (review|summari[sz]e|"
                         r"discuss|highlight)\b|\breview (of|on) (the )?(recent|current|latest)\b|\bthis review\b", _I)
_REVIEW_TITLE = re.compile(r"\breview\b|\boverview\b|\badvances\b|\bprogress\b|\blandscape\b|\bperspectives?\b|"
                           r"\bchallenges and\b|\bstate of the art\b|\bupdate on\b|\bcurrent (status|concepts|role)\b|"
                           r"\bemerging\b|\bfuture directions\b", _I)
_OPINION_TITLE = re.compile(r"^\s*(editorial|comment(ary)?|letter|reply|response to|in reply|correspondence)\b", _I)
_TRIAL = re.compile(r"\bphase (I{1,3}|[123])([ab]|/I{1,3}|/[123])?\b[^.]{0,60}\b(trial|study)\b|\bsingle[- ]arm\b|"
                    r"\bdose[- ](escalation|expansion|finding)\b|\bfirst[- ]in[- ]human\b|\bopen[- ]label\b|"
                    r"\b(pilot|feasibility) (trial|study)\b|\bprospective(ly)? (\w+ ){0,2}(trial|study)\b[^.]{0,80}"
                    r"\b(received|treated|enrolled|administered)\b|\bpatients (were )?(enrolled|received)\b", _I)
_OBSERVATIONAL = re.compile(r"\bretrospective(ly)?\b|\bcohort\b|\bcase[- ]control\b|\bregistry\b|\breal[- ]world\b|"
                            r"\bchart review\b|\bcross[- ]sectional\b|\bpharmacovigilance\b|\bFAERS\b|\bVigiBase\b|\bSEER\b|"
                            r"\b(national|claims|electronic health|medical record) (\w+ )?(database|data|records)\b|"
                            r"\bpopulation-based\b|\bobservational\b", _I)
_ANIMAL = re.compile(r"\b(mice|mouse|murine|rats?|rodents?|xenografts?|syngeneic|in vivo|non-?human primates?|"
                     r"macaques?|canine|dogs|zebrafish|tumou?r-bearing)\b", _I)
_IN_VITRO = re.compile(r"\bin vitro\b|\bcell lines?\b|\bcultured\b|\bco-?culture|\borganoids?\b|\bex vivo\b|"
                       r"\bTCGA\b|\bbioinformatic|\bsingle-cell RNA|\btranscriptom|\bGEO (database|datasets?)\b|"
                       r"\bin silico\b|\bmolecular docking\b", _I)
# Results a study reports of its own: percentages, p values, counts of patients or samples, hazard ratios.
_OWN_RESULTS = re.compile(r"\d+(\.\d+)? ?%|\bp ?[<=>] ?0?\.\d|\b(n|N) ?= ?\d|\b\d+ (patients|participants|subjects|"
                          r"samples|cases|mice)\b|\b(HR|OR|RR)\b ?[=,:]? ?\d|\b95% CI\b|\bwe (found|observed|show|"
                          r"demonstrate|identified)\b|\b(RESULTS|Results):", _I)
_HUMAN_SUBJECTS = re.compile(r"\bpatients? (were|was) (treated|enrolled|randomi[sz]ed|given|included)\b|"
                             r"\b(we|were) (enrolled|treated|recruited)\b|\b\d+ (consecutive )?patients (with|who)\b", _I)


def _hit(pattern: re.Pattern, text: str) -> str:
    m = pattern.search(text)
    return f'text: "{m.group(0).strip()}"' if m else ""


def _from_text(text: str) -> tuple[str, str]:
    """A study type from the title and the start of the text, by the first rule that applies."""
    title, _, body = text.partition("\n")
    if _OPINION_TITLE.search(title):
        return "opinion", _hit(_OPINION_TITLE, title)
    if _META.search(title) or (_META.search(body) and _META_OWN.search(body)):
        return "meta-analysis", _hit(_META, title) or _hit(_META_OWN, body)
    if re.search(r"\bsystematic review\b|\bscoping review\b", title, _I) or \
            (_SYSTEMATIC.search(body) and not _HUMAN_SUBJECTS.search(body)):
        study = "review" if re.search(r"\bscoping review\b", title, _I) else "systematic review"
        return study, _hit(_SYSTEMATIC, text) or _hit(re.compile(r"systematic review|scoping review", _I), title)
    if _GUIDELINE.search(title):
        return "guideline", _hit(_GUIDELINE, title)
    if _CASE.search(title) or (_CASE.search(body) and not _TRIAL.search(body) and not _OBSERVATIONAL.search(body)):
        return "case report", _hit(_CASE, text)
    own_review = _REVIEW_OWN.search(text)
    randomised = _RANDOMISED.search(text)
    if randomised and not own_review and not (_RANDOMISED_OF_OTHERS.search(text) and not _HUMAN_SUBJECTS.search(text)):
        return "randomised trial", _hit(_RANDOMISED, text)
    if own_review:
        return "review", _hit(_REVIEW_OWN, text)
    animal, in_vitro = len(_ANIMAL.findall(text)), _IN_VITRO.search(text)
    if _TRIAL.search(text) and animal < 2:
        return "non-randomised trial", _hit(_TRIAL, text)
    if _OBSERVATIONAL.search(text) and animal < 2:
        return "observational study", _hit(_OBSERVATIONAL, text)
    if animal >= 2 or (animal and not _HUMAN_SUBJECTS.search(text)):
        return "animal study", _hit(_ANIMAL, text)
    if in_vitro and not _HUMAN_SUBJECTS.search(text):
        return "in vitro study", _hit(_IN_VITRO, text)
    if _REVIEW_TITLE.search(title):
        return "review", _hit(_REVIEW_TITLE, title)
    if _HUMAN_SUBJECTS.search(text):
        return "observational study", _hit(_HUMAN_SUBJECTS, text)
    if not _OWN_RESULTS.search(body):
        # Neither a design nor results of its own: background and synthesis, as a narrative review writes.
        return "review", "no study design or results of its own stated"
    return "other", "no study design stated"


@functools.lru_cache(maxsize=1)
def classifier_fingerprint() -> str:
    """Recorded in each index's shape: a change of these rules relabels the library on the next build."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def counts(levels: Iterable[str]) -> dict[str, int]:
    """Documents per evidence level, in the order of EVIDENCE_LEVELS (levels absent are left out)."""
    seen: dict[str, int] = {}
    for level in levels:
        seen[level] = seen.get(level, 0) + 1
    return {level: seen[level] for level in EVIDENCE_LEVELS if level in seen}
