"""What kind of study a document is, and how much weight that kind of evidence carries.

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

from .datatypes import Document
from .notices import NOTICE_SAYS, NOTICES, RETRACTED, _as_list, _notice

__all__ = ["STUDY_TYPES", "EVIDENCE_LEVELS", "NOTICES", "RETRACTED", "NOTICE_SAYS", "Evidence", "evidence_of",
           "classify", "classifier_fingerprint", "counts"]

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
        return _make("animal study", "MeSH", 'MeSH "Animals" without "Humans"', notice)
    study, reason = _from_text(text, [sec.heading for sec in doc.sections])
    return _make(study, "text", reason, notice)


def _make(study: str, basis: str, reason: str, notice: str | None) -> Evidence:
    return Evidence(study, STUDY_TYPES[study], basis, reason, notice)



# --- text --------------------------------------------------------------------------------------------------
#
# In order: the title's own words (phase, randomised, meta-analysis, guideline, case report, consensus), then the
# design of the study the abstract itself reports (a design word next to "we", "this", "our", "the present" or in
# a passive methods sentence: not the trials it mentions), then the rest. When the reading is unclear the lower
# level wins: a trial the text only mentions is not the paper's design, and an untitled excerpt with no design of
# its own is "other" (unrated), never a review or a trial.

_I = re.I
_PHASE = r"phase[- ]?(?:I{1,3}V?|IV|[1-4])[ab]?(?:\s*/\s*(?:I{1,3}|[1-3])[ab]?)?"
# The paper itself: "this", "our", "the present" study; "we" did something; "here(in)".
_OWN = r"(?:\bthis\b|\bour\b|\bthe present\b|\bthe current\b|\bpresent\b|\bhere(?:in)?\b|\bwe\b)"
_DESIGN = r"(?:trial|study|analysis|report|series|cohort|investigation)"

# Title words. A title states what the paper is; a design word in it is the paper's own.
_T_OPINION = re.compile(r"^\s*(editorial|comment(ary)?|letter|reply|response to|in reply|correspondence|viewpoint|"
                        r"point[- ]counterpoint|debate|con:|pro:)\b|\b(commentary|editorial|a reply|"
                        r"letter to the editor|viewpoint)\b|^\s*FDA approves\b|\bFDA approves\b", _I)
_T_APPROVAL = re.compile(r"\b(FDA|EMA|regulatory) (approval summary|benefit[- ]risk summary)\b|"
                         r"\bapproval summary\b", _I)
_T_GUIDELINE = re.compile(r"\b(practice )?guidelines?\b|\bconsensus\b|\brecommendations\b|"
                          r"\bposition (paper|statement)\b|\bexpert panel\b|\bstatement (of|from|by) the\b", _I)
_T_META = re.compile(r"\bmeta-?analys[ie]s\b|\bmeta-?regression\b|\bpooled analysis of (\w+ ){0,3}(trials|"
                     r"studies)\b", _I)
_T_SYSTEMATIC = re.compile(r"\bsystematic (literature )?review\b|\bumbrella review\b", _I)
_T_SCOPING = re.compile(r"\bscoping review\b", _I)
_T_CASE = re.compile(r"\bcase (report|series|study of a|presentation)\b|\ba case of\b|\b(in|of) an? (\w+[- ]){0,3}"
                     r"(patient|man|woman|boy|girl|child|infant)\b|\b\d{1,3}-year-old\b|"
                     r"\b(two|three|four|\d) cases\b", _I)
_T_RANDOMISED = re.compile(r"\brandomi[sz]ed\b(?!\s+(\w+[- ]){0,3}trials\b)|\bplacebo-controlled\b|"
                           r"\bdouble-blind\b", _I)
_T_TRIAL = re.compile(rf"\b{_PHASE}\b|\bsingle[- ]arm\b|\bopen[- ]label\b|\bfirst[- ]in[- ]human\b|"
                      rf"\bdose[- ](escalation|finding)\b|"
                      r"\b(pilot|feasibility) (trial|study)\b|\bclinical trial\b(?!s)|\bnon-?randomi[sz]ed\b", _I)
_T_OBSERVATIONAL = re.compile(r"\bretrospective\b|\bcohort\b|\breal[- ](world|life)\b|\bpopulation-based\b|"
                              r"\bregistry\b|"
                              r"\bcase[- ]control\b|\bcross[- ]sectional\b|\bpharmacovigilance\b|\bobservational\b|"
                              r"\bmulticent(er|re|ric) (study|experience|analysis)\b|\b(single|multi)[- ]?(institution|"
                              r"cent(er|re))(al)? (experience|study|analysis)\b|"
                              r"\bexperience (of|at|from|with) (a|an|the|our)\b|"
                              r"\bconsecutive (patients|cases|series)\b", _I)
_T_ANIMAL = re.compile(r"\b(in|of) (mice|a mouse|mouse|murine|rats|dogs|primates|zebrafish)\b|\bmurine\b|\bmouse model|"
                       r"\bpreclinical\b|\bxenograft", _I)
_T_IN_VITRO = re.compile(r"\bin vitro\b|\bcell lines?\b|\bbioinformatic|\bin silico\b|\bsignature\b|\bTCGA\b|"
                         r"\bimmunohistochemi\w* (assay|staining)|\bassays?\b", _I)
_T_REVIEW = re.compile(r"\breview\b|\boverview\b|\badvances\b|\bprogress\b|\blandscape\b|\bperspectives?\b|"
                       r"\bupdate on\b|"
                       r"\bchallenges\b|\bstate of the art\b|\bcurrent (status|concepts|role|evidence|state)\b|"
                       r"\bemerging\b|"
                       r"\bfuture (directions|perspectives)\b|\bhistory\b|\bwhere (are|do) we\b|\bwhat'?s next\b|"
                       r"\bnew era\b|"
                       r"\brevisited\b|\bprimer\b|\bstrategies\b|^[^:]{2,60}: (a|an|the) (novel|new|first|promising|"
                       r"emerging)\b|"
                       r"\bmechanisms? (of|and)\b|\bopportunities\b|\broles? of\b|"
                       r"\btherapeutic (potential|implications)\b", _I)

# The abstract's own design.
_META_OWN = re.compile(r"\b(we|this|our|present|current)\b[^.]{0,80}\bmeta-?analys[ie]s|\bmeta-?analys[ie]s\b[^.]{0,40}"
                       r"\b(was|were) (performed|conducted|carried out)|\b(random|fixed)[- ]effects? model|"
                       r"\bpooled (hazard|odds|risk) ratio|\bpooled (HR|OR|RR)\b|\bmeta-?analysis software\b", _I)
_META = re.compile(r"\bmeta-?analys[ie]s\b|\bmeta-?analytic|\bnetwork meta", _I)
# A search described (a narrative review also says "we systematically review").
_SYSTEMATIC = re.compile(r"\bsystematic(ally)? (literature |electronic )?(search|searched)|\bPRISMA\b|"
                         r"\b(electronic|comprehensive|systematic) (literature |database )?search\b|"
                         r"\b(searched|search of|searches of) (the )?(\w+ ){0,2}(PubMed|MEDLINE|Embase|Cochrane|"
                         r"Web of Science|"
                         r"Scopus|databases)|\b(the )?included \d+ (studies|trials|articles|publications)\b", _I)
_GUIDELINE = re.compile(r"\b(practice )?guidelines?\b|\bconsensus (statement|guideline|recommendation|conference|"
                        r"panel|meeting)s?\b|\bexpert (consensus|panel)\b|\brecommendations (for|on)\b|\bposition "
                        r"(paper|statement)\b", _I)
_GUIDELINE_OWN = re.compile(rf"{_OWN}[^.]{{0,60}}\b(guidelines?|consensus|recommendations)\b|\b(panel|committee|"
                            r"task force|working group|expert group) (\w+ ){0,3}(developed|reviewed|convened|"
                            r"made|issued|"
                            r"provides?|formulated|generated|updated|recommends?)\b|"
                            r"\bselection from the\b[^.]{0,40}\bguidelines\b|"
                            r"\b(these|the) (guidelines?|recommendations) (\w+ ){0,2}(provide|address|are|were|"
                            r"focus|cover)", _I)
# Randomisation anywhere in the text (refines a PubMed "phase III" tag).
_RANDOMISED = re.compile(r"\b(were|was|are|be|been) randomi[sz]ed\b|\brandomly (assigned|allocated)\b|"
                         r"\brandomi[sz]ed,? (\w+[- ,]+){0,5}(phase|trial|study)\b|"
                         r"\brandomi[sz]ed (in a|at a|\(?\d:\d)|"
                         r"\brandomi[sz]ation\b|\bplacebo-controlled\b|\b\d:\d randomi", _I)
_RANDOMISED_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,80}}?\brandomi[sz]ed\b(?!\s+(\w+[- ]){{0,3}}(trials|studies)\b)|"
    r"\brandomi[sz]ed\b[^.;]{0,100}\bwe (assigned|enrolled|conducted|did|performed|randomly|recruited|compared)\b|"
    r"\b(resulted in|led to|improved|prolonged|longer|shorter|better)\b[^.;]{0,80}\b(than|versus|vs\.?|"
    r"compared (with|to)) (the )?(control (therapy|treatment|group|arm)|placebo)\b|"
    r"\b(were|was|being) (randomly )?randomi[sz]ed\b|"
    r"\b(were|was) randomly (assigned|allocated)\b|\bwe randomly\b|\brandomly (assigned|allocated) (\(?\d|patients|"
    r"participants)\b|\brandomi[sz]ed (\(?\d:\d|in a \d)|\b\d:\d randomi|"
    rf"{_OWN}[^.;]{{0,60}}\b(placebo-controlled|double-blind)\b|\bintention[- ]to[- ]treat\b", _I)
# A review about trials says "randomized controlled trials" in the plural or "of randomized trials".
_RANDOMISED_OF_OTHERS = re.compile(r"\b(of|from|in|include[sd]?|including|across|several|\d+) (\w+ ){0,2}randomi[sz]ed "
                                   r"(controlled )?(clinical )?trials\b", _I)
_CASE_OWN = re.compile(r"\bwe (report|describe|present|discuss)( here)? (on )?(a|an|the case of an?|the first|one|two|"
                       r"three|four)\b"
                       r"(\s+[\w,-]+){0,6}?\s+(cases?|patient|patients|man|woman|boy|girl|child|male|female|infant)\b|"
                       r"\b\d{1,3}[- ]year[- ]old\b|"
                       r"\b(in|by) (our|this) (present )?(report|case)\b|\bcase (report|presentation)\b|\ba case of\b|"
                       r"\bwe (report|describe|present) (a|the) (rare|unique|first|novel|unusual)\b|"
                       r"\b(this|our) patient\b|\ball (two|three|four) patients\b", _I)
_TRIAL_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,60}}\b({_PHASE}|single[- ]arm|open[- ]label|pilot|feasibility|dose[- ](escalation|expansion|"
    rf"finding)|"
    rf"first[- ]in[- ]human|prospective|interventional|multicent(er|re)|clinical)\b[^.;]{{0,60}}\b(trial|study)\b|"
    rf"\bwe (conducted|performed|report|present|did|undertook|initiated|designed|carried out|assessed|evaluated|"
    rf"investigated|tested)\b[^.;]{{0,150}}\b({_PHASE}|single[- ]arm|open[- ]label|pilot|trial)\b|"
    r"\b(this|our|the present) (\w+[ ,-]+){0,4}trial\b|\b(this|our|the present) study (evaluated|assessed|investigated|"
    r"examined|tested) the (safety|efficacy|feasibility|tolerability|activity)\b|"
    rf"\b(enrolled|accrued|entered) (in|into|onto) (this|the|our|a) (\w+[ ,-]+){{0,4}}({_PHASE}|trial)\b|"
    rf"\b(this|our|the present|the first) ({_DESIGN}) to (evaluate|assess|test|investigate)\b|"
    r"\bwe (treated|vaccinated|infused|administered|gave)\b[^.;]{0,40}\b(\d+|[a-z]+teen|twenty|thirty|forty|"
    r"fifty) (patients|"
    r"participants|subjects)\b|\bmaximum tolerated dose\b|\bdose-limiting toxicit|\b(recommended phase 2|phase II "
    r"recommended) dose\b|"
    r"\b(patients|participants|subjects) (\w+ ){0,3}(were|was) (enrolled|accrued|treated|vaccinated|infused|given)\b|"
    r"\b(patients|participants) (enrolled|received)\b|\bthe patients were treated\b|\bwe (enrolled|accrued)\b", _I)
_OBSERVATIONAL_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,60}}\b(retrospective(ly)?|case[- ]control|cross[- ]sectional|population-based|registry|"
    r"real[- ](world|life)|observational|database|chart review|pharmacovigilance|consecutive|cohort study)\b|"
    r"\bretrospective(ly)? (\w+ ){0,2}(analy[sz]ed|reviewed|collected|studied|identified|evaluated|analysis|review|"
    r"study|cohort|data)\b|\b(data|records|charts) (\w+ ){0,2}(were|was) (collected|reviewed|extracted|retrieved|"
    r"obtained|analy[sz]ed)\b|\bconsecutive (series|patients)\b|\b(FAERS|VigiBase|SEER|EudraVigilance)\b|"
    r"\bwe (\w+ ){0,1}(analy[sz]ed|reviewed|identified|collected|compared|estimated)\b[^.;]{0,80}\b(patients|cases|"
    r"subjects|individuals|records|data)\b|\b(this|the present) study (estimated|compared|examined|analy[sz]ed)\b|"
    r"\bwere (included|identified) (in|from) (this|the|our)\b|\bmatched controls\b|\bpropensity[- ]score\b|"
    r"\bprospective(ly)? (collected|followed|cohort|observational)\b|\bindirect (treatment )?comparisons?\b|"
    r"\bmatching-adjusted\b|\bsurvey\b[^.]{0,40}\b(respon|participants|oncologists|physicians)", _I)
_REVIEW_OWN = re.compile(r"\b(this|the present|our|current) (\w+ ){0,2}(mini-?)?(review|overview|chapter)\b|"
                         r"\b(this|the present|our) (article|paper)\b[^.]{0,60}\b(summari[sz]|discuss|describ|"
                         r"highlight|focus|provid|outlin|explor|examin|address|review)|"
                         r"\bin this (mini-?)?(review|overview|perspective)\b|"
                         r"\bin this (article|paper),? we (review|summari[sz]e|"
                         r"discuss|highlight|outline|provide an overview|describe the (current|recent))\b|"
                         r"\bwe (then |also |further |first |here )?(review|summari[sz]e|"
                         r"discuss|highlight|outline|provide an overview|describe the (current|recent))\b|"
                         r"\bhere,? we (review|"
                         r"summari[sz]e|discuss|highlight)\b|\breview (of|on) (the )?(recent|current|latest)\b|"
                         r"\bthe purpose (of this \w+ )?is to (review|summari[sz]e|discuss)\b|"
                         r"\bwe have (reviewed|summari[sz]ed)\b|\bwill (be )?(review|discuss|"
                         r"summari[sz]|emphasi[sz]e)|\bis reviewed\b|\bare reviewed\b|\bare discussed\b|"
                         r"\bis discussed\b", _I)
_OPINION_OWN = re.compile(r"\b(this|the present|our) (commentary|editorial|viewpoint|perspective piece|letter)\b", _I)
_ANIMAL = re.compile(r"\b(mice|mouse|murine|rats|rodents?|xenografts?|syngeneic|non-?human primates?|"
                     r"macaques?|canine|dogs|zebrafish|tumou?r-bearing)\b|\brat\b(?! sarcoma)", _I)
_IN_VITRO = re.compile(r"\bin vitro\b|\bcell lines?\b|\bcultured\b|\bco-?culture|\borganoids?\b|\bex vivo\b|"
                       r"\bTCGA\b|\bbioinformatic|\bsingle-cell RNA|\btranscriptom|\bGEO (database|datasets?)\b|"
                       r"\bin silico\b|\bmolecular docking\b|\bimmunohistochemi|\bflow cytometr|\bwestern blot", _I)
# Laboratory work on cells or samples.
_LAB = re.compile(r"\b(stimulated|co-?cultured|cultured|purified|transfected|knock(ed)?[- ]?down|silenc(ed|ing)|"
                  r"western blot|ELISA|flow cytometry|qPCR|RT-PCR|immunohistochemi\w*|immunofluorescence|"
                  r"cell lines?|in vitro|ex vivo|organoids?|sequencing|TCGA|GEO)\b", _I)
# Results a study reports of its own: percentages, p values, counts of patients or samples, hazard ratios.
_OWN_RESULTS = re.compile(r"\d+(\.\d+)? ?%|\bp ?[<=>] ?0?\.\d|\b(n|N) ?= ?\d|\b\d+ (patients|participants|subjects|"
                          r"samples|cases|mice)\b|\b(HR|OR|RR)\b ?[=,:]? ?\d|\b95% CI\b|\bwe (found|observed|show|"
                          r"demonstrate|identified|observe|observed|report|developed|generated|established|"
                          r"demonstrated|showed)\b|"
                          r"\b(RESULTS|Results):", _I)
_HUMAN_SUBJECTS = re.compile(r"\bpatients? (were|was) (treated|enrolled|randomi[sz]ed|given|included)\b|"
                             r"\b(we|were) (enrolled|treated|"
                             r"recruited)\b|\b\d+ (consecutive )?patients (with|who)\b", _I)
# The headings of a structured abstract that only original research has.
_RESEARCH_HEADINGS = re.compile(r"^(methods?|materials and methods|patients and methods|design|setting|participants|"
                                r"results|findings|measurements|interventions?|main outcome)", _I)


def _hit(pattern: re.Pattern, text: str, where: str = "text") -> str:
    m = pattern.search(text)
    return f'{where}: "{m.group(0).strip()}"' if m else ""


def _embedded_title(body: str) -> str:
    """The title of an untitled record when its text starts with it ("Overall Survival Benefit with Tebentafusp in
    Metastatic Uveal Melanoma. CONCLUSIONS: ..."): a first sentence in title case, or a short one with a colon."""
    m = re.match(r"\s*(.{12,220}?)\.(?:\s*(?=[A-Z(])|\s*$)", body)
    if not m:
        return ""
    first = m.group(1)
    long_words = [w for w in re.findall(r"[A-Za-z][\w-]*", first) if len(w) > 3]
    title_case = (long_words and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6
                  and len(long_words) >= 3)
    colon = ": " in first and len(first) <= 160 and not re.search(r"[A-Z]{4,}:", first)
    return first if title_case or colon else ""


def _from_text(text: str, headings: Iterable[str] = ()) -> tuple[str, str]:
    """A study type from the title (the first line) and the start of the text: the title's words first, then the
    design of the study the text reports, then the rest; when unclear, the lower level."""
    title, _, body = text.partition("\n")
    title = title.strip()
    excerpt = False
    if not title:
        title = _embedded_title(body)
        excerpt = not title
    found = _by_title(title)
    if found:
        return found
    return _by_design(title, body, excerpt, research=any(_RESEARCH_HEADINGS.match(h or "") for h in headings))


def _by_title(title: str) -> tuple[str, str] | None:
    if not title:
        return None
    if _T_APPROVAL.search(title):
        return "other", _hit(_T_APPROVAL, title, "title")
    if _T_OPINION.search(title):
        return "opinion", _hit(_T_OPINION, title, "title")
    if _T_META.search(title):
        return "meta-analysis", _hit(_T_META, title, "title")
    if _T_GUIDELINE.search(title) and not _T_SYSTEMATIC.search(title):
        return "guideline", _hit(_T_GUIDELINE, title, "title")
    if _T_SYSTEMATIC.search(title):
        return "systematic review", _hit(_T_SYSTEMATIC, title, "title")
    if _T_SCOPING.search(title):
        return "review", _hit(_T_SCOPING, title, "title")
    if _T_CASE.search(title):
        return "case report", _hit(_T_CASE, title, "title")
    if _T_RANDOMISED.search(title):
        return "randomised trial", _hit(_T_RANDOMISED, title, "title")
    if _T_TRIAL.search(title) and not re.search(r"\btrials\b|\breview\b|\boverview\b", title, _I):
        return "non-randomised trial", _hit(_T_TRIAL, title, "title")
    if _T_OBSERVATIONAL.search(title) and not re.search(r"\breview\b", title, _I):
        return "observational study", _hit(_T_OBSERVATIONAL, title, "title")
    if _T_REVIEW.search(title) and re.search(r"\breview\b|\boverview\b", title, _I):
        return "review", _hit(_T_REVIEW, title, "title")
    if _T_ANIMAL.search(title):
        return "animal study", _hit(_T_ANIMAL, title, "title")
    if _T_IN_VITRO.search(title):
        return "in vitro study", _hit(_T_IN_VITRO, title, "title")
    return None


def _by_design(title: str, body: str, excerpt: bool, research: bool) -> tuple[str, str]:
    text = f"{title}\n{body}"
    if _META.search(body) and _META_OWN.search(body):
        return "meta-analysis", _hit(_META_OWN, body)
    if _SYSTEMATIC.search(body) and not _HUMAN_SUBJECTS.search(body):
        return "systematic review", _hit(_SYSTEMATIC, body)
    if _GUIDELINE_OWN.search(body):
        return "guideline", _hit(_GUIDELINE_OWN, body)
    own_review = _REVIEW_OWN.search(body)
    if own_review:
        return "review", _hit(_REVIEW_OWN, body)
    if _OPINION_OWN.search(body):
        return "opinion", _hit(_OPINION_OWN, body)
    randomised = _RANDOMISED_OWN.search(body)
    if randomised and not (_RANDOMISED_OF_OTHERS.search(body) and not _HUMAN_SUBJECTS.search(body)):
        return "randomised trial", _hit(_RANDOMISED_OWN, body)
    case = _CASE_OWN.search(body)
    trial = _TRIAL_OWN.search(body)
    observational = _OBSERVATIONAL_OWN.search(body)
    animal = len(_ANIMAL.findall(text))
    if case and not observational and not re.search(r"\b\d{2,} patients\b", body, _I):
        return "case report", _hit(_CASE_OWN, body)
    lab = len(set(m.group(0).lower() for m in _LAB.finditer(text)))
    if lab >= 2 and not trial and not re.search(r"retrospective|\bconsecutive\b", body, _I) and animal < 2:
        return "in vitro study", _hit(_LAB, text)
    if observational and (not trial or re.search(r"retrospective|\bconsecutive\b", body, _I)) and animal < 2:
        return "observational study", _hit(_OBSERVATIONAL_OWN, body)
    if trial and animal < 2:
        return "non-randomised trial", _hit(_TRIAL_OWN, body)
    in_vitro = _IN_VITRO.search(text)
    if animal >= 2 or (animal and not _HUMAN_SUBJECTS.search(text) and (_OWN_RESULTS.search(body) or excerpt)):
        return "animal study", _hit(_ANIMAL, text)
    if in_vitro and not _HUMAN_SUBJECTS.search(text) and (_OWN_RESULTS.search(body) or research):
        return "in vitro study", _hit(_IN_VITRO, text)
    if title and _T_REVIEW.search(title):
        return "review", _hit(_T_REVIEW, title, "title")
    if excerpt:
        # An excerpt without a title, design or method of its own: not enough to rate it.
        return "other", "an untitled excerpt that states no study design"
    if research:
        return "other", "a structured abstract that states no study design"
    if not _OWN_RESULTS.search(body):
        # Neither a design nor results of its own: background and synthesis, as a narrative review writes.
        return "review", "no study design or results of its own stated"
    return "other", "no study design stated"


@functools.lru_cache(maxsize=1)
def classifier_fingerprint() -> str:
    """Recorded in each index's shape: a change of these rules relabels the library on the next build. The rules
    are the text of this module and of rag/notices.py without their import statements: moving a module, or renaming
    one it imports, relabels nothing."""
    h = hashlib.sha256()
    for path in (Path(__file__), Path(__file__).with_name("notices.py")):
        source = path.read_text(encoding="utf-8")
        imports = {n for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))
                   for n in range(node.lineno, node.end_lineno + 1)}
        rules = "".join(line for n, line in enumerate(source.splitlines(keepends=True), 1) if n not in imports)
        h.update(rules.encode())
    return h.hexdigest()[:12]


def counts(levels: Iterable[str]) -> dict[str, int]:
    """Documents per evidence level, in the order of EVIDENCE_LEVELS (levels absent are left out)."""
    seen: dict[str, int] = {}
    for level in levels:
        seen[level] = seen.get(level, 0) + 1
    return {level: seen[level] for level in EVIDENCE_LEVELS if level in seen}
