"""What a sentence says of its values beyond their endpoint (their roles): the study's own or cited from another,
a result or only planned, in patients or in animals, for the main population or for a subgroup or a cohort."""

from __future__ import annotations

import functools
import re

from .numbers import NUMBER_WORDS
from .values import _Value


_CITED = re.compile(r"\b(?:previous(?:ly)?|earlier|prior) (?:\w+ ){0,2}(?:stud(?:y|ies)|trials?|reports?|"
                    r"analys[ie]s)\b|"
                    r"\bhas been (?:shown|reported)\b|\bhave (?:shown|reported|demonstrated)\b|\bwas reported\b", re.I)


_SUBGROUP = re.compile(r"\b(?:among|in|for) (?:the )?(?:\d+ )?(?:patients?|those|subgroups?|cohorts?|participants)"
                       # (up to the clause's next verb: "in the cohort with X but were 2.2 months" is "... with X")
                       r"(?: who| with| whose)[^,;.()]{3,70}?(?=\s+(?:but|were|was|had|has|have|achieved|showed|"
                       r"experienced|compared|versus|vs)\b|[,;.()]|$)|\bPD-?L1[^,;.()]{0,30}?(?:[≥>≤<]=?|of at least|"
                       r"of ≥)\s*\d+\s*%|"
                       r"\b(?:CPS|TPS|combined positive score|tumou?r proportion score)\s*(?:of\s*)?(?:[≥>≤<]=?\s*)?\d+"
                       r"\s*%?(?: or (?:higher|more|greater|above))?|"
                       # "in the intention-to-treat population" is the main population, not a subgroup
                       r"\b(?:in|among) (?:the )?(?!the\b)(?!(?:intention|intent)-to-treat|ITT|overall|whole|entire|"
                       r"total|study|full|safety|per-protocol|modified)[\w-]+(?: [\w-]+)? "
                       r"(?:subgroup|cohort|population)\b", re.I)


# What a sentence says of the study's own patients: "105 of 140 patients", "in the standard group", "(N=158)", "at
# the data cutoff". Values there are the paper's own even when its design is not stated (an excerpt).
_OWN = re.compile(rf"\b(?:\d+|{NUMBER_WORDS}) (?:of|/) (?:the )?\d+ (?:\w+ )?(?:patients|participants|subjects)|"
                  r"\b(?:in|for) the [\w-]+(?: [\w-]+)? (?:group|arm)\b|\([Nn] ?= ?\d+\)|data cut-?off|"
                  r"intention-to-treat|intent-to-treat|"
                  # the study's own analysis ("only PD-L1 remained associated with pCR in the multivariate analysis")
                  r"\b(?:in|on) the (?:multivariate|multivariable|univariate|adjusted)(?: \w+){0,2}? analys[ie]s\b",
                  re.I)


# A paper that says it did a study of its own ("We have now expanded this study", "we treated 20 patients") reports
# its own values even when no design word says which study.
_OWN_STUDY = re.compile(r"\bwe (?:have )?(?:now )?(?:expanded|evaluated|treated|enrolled|conducted|performed|"
                        r"studied|report (?:the|our|on)|present (?:the|our))\b", re.I)


@functools.lru_cache(maxsize=64)
def _own_study(text: str) -> bool:
    return bool(_OWN_STUDY.search(text))


_PLANNED = re.compile(r"\b(?:we (?:will |would )?(?:expect|assume|hypothesi[sz]e|anticipate)|assumed\b|"
                      r"(?:is|are|was|were) (?:expected|assumed|hypothesi[sz]ed|anticipated)|sample size|"
                      r"(?:statistical )?(?<!not )power(?:ed)? to|\bbenchmark\b|"
                      r"will be (?:enrolled|randomi[sz]ed|treated)|to detect (?:an?|the) |assuming\b|"
                      r"(?:null|alternative) hypothes[ie]s\b|\d+\s?% power\b|\bpower of \d|\b[pP][01]\s*=|"
                      r"\bH[01]\s*:|\bSimon\b|\btwo-stage design\b|\btargeted to be\b|"
                      r"\bwould (?:be )?(?:indicate|warrant))", re.I)


_ANIMALS = re.compile(r"\b(?:mice|rats|rodents?|xenografts?|in vitro|cell lines?)\b", re.I)


_COHORT = re.compile(r"[\s)\]]*(?:of (?:the |those )?(?:\d+ )?(?:patients?|participants)?\s*)?(?:with|in) (?:the )?"
                     r"(?:metastatic |advanced |unresectable |recurrent |refractory |relapsed |previously treated )*"
                     r"(?P<d>melanoma|NSCLC|SCLC|RCC|HCC|[\w-]+(?: [\w-]+){0,3}? (?:cancer|carcinoma|melanoma|lymphoma|"
                     r"leuka?emia|myeloma|sarcoma|glioma|glioblastoma|mesothelioma|NSCLC|SCLC|RCC|HCC|tumou?rs?|"
                     r"disease))(?: (?:cohort|group|patients))?\b", re.I)


def cohort_of(text: str, v: _Value) -> str | None:
    """The disease cohort a value is given for, when the words right after it name one: "Nine patients (7%) with
    metastatic melanoma achieved...", "29% of the patients with renal cell cancer"."""
    m = _COHORT.match(text, v.tail, min(len(text), v.tail + 110))
    return m.group("d") if m else None


def _population(text: str, v: _Value, s: int, e: int) -> str | None:
    """The subgroup a value is for, when the clause around it names one ("among patients with PD-L1 ≥50%")."""
    clause_start = max(s, text.rfind(";", s, v.start) + 1, text.rfind(", whereas", s, v.start) + 1,
                       text.rfind("\n", s, v.start) + 1)  # (a list's bullet is a clause of its own)
    window_start, window_end = max(clause_start, v.start - 110), min(e, v.tail + 140)
    best = None
    for m in _SUBGROUP.finditer(text, window_start, window_end):
        # (after the value across no comma but "..., respectively,"; before it, not across "but": "not reached in
        # the cohort with X but were 2.2 and 5.0 months, respectively, in the cohort with Y" are Y's)
        gap = text[v.tail:m.start()]
        if m.start() >= v.tail and (re.sub(r",\s*respectively\s*,", " ", gap).count(",") > 0
                                    or len(gap) > 60 and "respectively" not in gap):
            continue
        if m.end() <= v.start and re.search(r"\b(?:but|whereas|while)\b", text[m.end():v.start]):
            continue
        if re.search(r"\bwho (?:were |did not )?(?:received?|receiving|treated|given|randomly|assigned)", m.group(0),
                     re.I):
            continue  # "for patients who received FCR": an arm, not a subgroup
        best = m.group(0).strip() if best is None or m.start() < v.start else best
    return best
