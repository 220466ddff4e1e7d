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
                       r"(?: who| with| whose| aged| younger| older)[^,;.()]{3,70}?"
                       r"(?=\s+(?:but|were|was|had|has|have|achieved|showed|experienced|compared|versus|vs)\b|[,;.()]|$)|"
                       r"\bPD-?L1[^,;.()]{0,30}?(?:[≥>≤<]=?|of at least|"
                       r"of ≥)\s*\d+\s*%|"
                       r"\b(?:CPS|TPS|combined positive score|tumou?r proportion score)\s*(?:of\s*)?(?:[≥>≤<]=?\s*)?\d+"
                       r"\s*%?(?: or (?:higher|more|greater|above))?|"
                       # "in the intention-to-treat population" is the main population, not a subgroup
                       # ("in this cohort", "in our population": the study's own)
                       r"\b(?:in|among) (?:the )?(?!the\b|this\b|our\b|a\b|an\b)(?!(?:intention|intent)-to-treat|"
                       r"ITT|overall|whole|entire|total|study|full|safety|per-protocol|modified)[\w-]+(?: [\w-]+)? "
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


_DISEASE = (r"(?:metastatic |advanced |unresectable |recurrent |refractory |relapsed |previously treated )*"
            r"(?P<d>melanoma|NSCLC|SCLC|RCC|HCC|[\w-]+(?: [\w-]+){0,3}? (?:cancer|carcinoma|melanoma|lymphoma|"
            r"leuka?emia|myeloma|sarcoma|glioma|glioblastoma|mesothelioma|NSCLC|SCLC|RCC|HCC|tumou?rs?|disease))")
_COHORT = re.compile(r"[\s)\]]*(?:(?:of (?:the |those )?(?:\d+ )?)?(?:patients?|participants)?\s*)?(?:with|in) "
                     rf"(?:the )?{_DISEASE}(?: (?:cohort|group|patients))?\b", re.I)
# "six of 24 with biliary tract cancer (25.0%)": the cohort named inside the value, between its count and share.
_COHORT_WITHIN = re.compile(rf"(?:\d+|{NUMBER_WORDS}) (?:of|/) \d+ (?:patients? |participants )?(?:with|in) (?:the )?"
                            rf"{_DISEASE}\s*[(\[](?=[\d.]+\s*%)", re.I)
_COHORT_BEFORE = re.compile(_COHORT_WITHIN.pattern.replace("(?=[\\d.]+\\s*%)", "$"), re.I)


def cohort_of(text: str, v: _Value) -> str | None:
    """The disease cohort a value is given for, when the words right after it name one: "Nine patients (7%) with
    metastatic melanoma achieved...", "29% of the patients with renal cell cancer"; or its count does: "six of 24
    with biliary tract cancer (25.0%)"."""
    m = _COHORT.match(text, v.tail, min(len(text), v.tail + 110)) \
        or _COHORT_WITHIN.match(text, v.start, v.tail) \
        or _COHORT_BEFORE.search(text, max(0, v.start - 110), v.start)
    return m.group("d") if m else None


# A sentence that opens on a subgroup speaks of it throughout: "Among patients with a PD-L1 CPS of 20 or higher, the
# median OS was 14.7 months ... (HR, 0.60 ...)", "In the TC1/2/3 or IC1/2/3 population, ...", after a lead-in such as
# "At the final analysis," or "However,".
# The words of the study's whole population ("the intention-to-treat population", "the overall cohort").
_MAIN_POPULATION = (r"(?:(?:intention|intent)-to-treat|ITT|overall|whole|entire|total|study|full|safety|per-protocol|"
                    r"modified|matched|weighted|propensity|trial|randomi[sz]ed|evaluable|efficacy|primary)\b")
_PEOPLE = (r"(?:patients?|those|participants|subjects|children|adults|women|men|individuals|infants|recipients|"
           r"survivors|persons|people|neonates|girls|boys|population)")
# The words of people that make them the study's own, not a kind of them ("previously treated", "evaluable").
_OWN_PEOPLE = (r"(?!(?:[\w]+-)?(?:previously|newly|all|the|evaluable|eligible|assessable|treated|enrolled|included|"
               r"randomi[sz]ed|randomly|assigned|allocated|infused|analy[sz]ed|these|those|such|our|both|each|other|"
               r"remaining|responding)\b)")
_OPENING_SUBGROUP = re.compile(
    r"[\s\-•*]*(?:(?:At|In|On) (?:the )?[\w -]{0,30}?(?:analysis|follow-up|cut-?off),\s*|"
    r"(?:However|Likewise|Similarly|Moreover|Additionally|Furthermore|Notably|Importantly|In addition),\s*)?"
    r"(?P<who>(?i:among|in|for|of|within) (?!(?:all |the |these |those )*(?:\d+ )?(?:[\w-]+ )?"
    rf"{_MAIN_POPULATION})(?!(?:our|this|a|an|the present|the current)\b)"
    r"(?:all )?(?:the |these |those )?(?:\d+ )?(?:"
    # people with a qualifier ("patients previously exposed to BV", "recipients aged 65 years or older"), not
    # those of an arm ("patients who received X")
    rf"(?:{_OWN_PEOPLE}[\w-]+ )?{_PEOPLE} (?!{_PEOPLE}\b)(?!(?:who |that )?(?:were |had been |was )?(?:received?|"
    r"receiving|on|treated with|given|randomly|assigned|allocated|underwent|randomi[sz]ed|had (?:a |an )?(?:response|"
    r"objective)|responded|achieved|completed)\b|(?:enrolled|included|evaluable|assessable|eligible|analy[sz]ed|"
    r"assessed|studied)(?=\s*(?:,|in (?:the|this|our)\b|into\b)))"
    # (not those of an arm: "for patients in the nivolumab group")
    r"(?![^,;:.()]*\b(?:groups?|arms?)\b)"
    r"[^,;:.()]{2,90}?(?:\([^()]{0,40}\)[^,;:.()]{0,40}?)?|"
    # a numbered cohort or part ("In cohort 2,", "In Part B,"), a stratum, subgroup or subset
    r"(?:cohort|part|stratum) (?:[A-Z]|[IVX]+|\d+)(?=,)|"
    # people of a kind ("In trial-ineligible patients,", "For the 36 pediatric patients,", "In MGMT-methylated
    # tumours,")
    rf"{_OWN_PEOPLE}[A-Za-z][\w-]* (?:patients|tumou?rs|participants|children|adults|recipients)(?=,| it | they )|"
    r"(?:[\w-]+ ){0,2}(?:subgroup|subset|stratum|subpopulation)\b[^,;:.()]{0,90}?|"
    r"[^,;:.()]{2,60}? (?:subgroup|population|cohort|stratum|subset)(?: \([^()]{0,40}\))?))"
    r"(?:,|(?= (?:it|they) (?:was|were)\b))")


# A subgroup as the sentence's subject: "Patients with stage III or IV disease had a greater improvement in PFS (HR,
# 0.58 ...)", "Patients in the PD-L1 low subgroup (TC0 and IC0) also had improved survival".
_SUBJECT_SUBGROUP = re.compile(
    r"[\s\-•*]*(?P<who>(?i:patients|those|children|women|men|recipients|participants|infants|adults) "
    r"(?:with|in the|aged|whose|who had|older|younger)\b(?! (?:a |an )?(?:response|objective|complete|partial)\b)"
    # (not an arm or an exposure a cohort study compares: "in the pembrolizumab groups", "in the highest quartile")
    r"(?![^,;:.()]*\b(?:groups?|arms?|quartile|tertile|quintile|developed)\b)"
    r"[^,;:.()]{2,90}?(?:\([^()]{0,60}\)[^,;:.()]{0,30}?)?)"
    r"(?= (?:also |still |all )?(?:had|has|have|showed|achieved|experienced|derived|appeared)\b)")


# Where a sentence turns to another group: "..., whereas in unmethylated tumours it was 8.3 months", a semicolon
# outside brackets, a new line.
_CONTRAST = re.compile(r",\s*(?:whereas|while|but)\b|;|\bwhereas\b|\n")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _clause_opening(text: str, s: int, e: int, at: int, arms: tuple[str, ...] = ()) -> re.Match | None:
    """The subgroup the clause of a value at ``at`` opens on ("among patients with a PD-L1 CPS of 20 or higher,
    ..."; "..., whereas in those aged 80 years or older it was 0.98"), else the one the sentence opens on, unless the
    clause turns to another group ("whereas", "while", a new line)."""
    part = _BRACKETED.sub(lambda m: " " * len(m.group()), text[s:at])  # (a semicolon in "(HR 0.61; 95% CI ...)")
    turns = list(_CONTRAST.finditer(part))
    m = None
    if turns:
        clause = s + turns[-1].end()
        m = _OPENING_SUBGROUP.match(text, clause, e) or _SUBJECT_SUBGROUP.match(text, clause, e)
        if m is None and (re.search(r"whereas|while|\n", turns[-1].group())
                          or re.match(rf"\s*(?:the )?{_PEOPLE}\b", text[clause:e], re.I)):
            return None  # (a line is an item of its own: a list's bullet; "; patients younger than 65 had ...")
    m = m or _OPENING_SUBGROUP.match(text, s, e) or _SUBJECT_SUBGROUP.match(text, s, e)
    if not m or m.end() > at or re.search(
            rf"\b(?:in|among|for) the {_MAIN_POPULATION}(?: [\w-]+){{0,2}}? (?:population|cohort|set|patients)\b",
            text[m.end():at], re.I) or _enrolled(text, s, m.group("who")) or _an_arm(m.group("who"), arms):
        return None  # "..., survival in the whole trial population was 89.4%": the sentence says whose
    return m


def _an_arm(who: str, arms: tuple[str, ...]) -> bool:
    """Are the people an arm's, named by its treatment and nothing else ("patients with nivolumab", "In patients on
    nivolumab"; not "patients aged 80 years or older receiving fidaxomicin", a subgroup of the arm)?"""
    rest = who.lower()
    for arm in sorted(arms, key=len, reverse=True):
        if len(arm) >= 4:
            rest = rest.replace(arm.lower(), " ")
    if rest == who.lower():
        return False
    return not (set(re.findall(r"[a-z0-9≥≤<>]+", rest)) - _ARM_FRAME)


# The words around an arm's treatment when people are named by it alone.
_ARM_FRAME = {"among", "in", "for", "of", "within", "all", "the", "these", "those", "patients", "patient",
              "participants", "subjects", "with", "on", "receiving", "given", "treated", "who", "received", "were",
              "group", "arm", "alone", "plus", "and"}


def _enrolled(text: str, s: int, who: str) -> bool:
    """Are the people a clause opens on those the study enrolled, counted as before ("45 patients with metastatic
    melanoma were enrolled. ... Of the 45 patients with metastatic melanoma, ...")?"""
    m = re.match(r"(?i:among|in|for|of|within) (?:all )?(?:the |these |those )?(?P<n>\d[\d,]*) (?P<core>.+)", who)
    if not m or not re.match(_PEOPLE, m.group("core"), re.I):
        return False
    return bool(re.search(rf"\b{re.escape(m.group('n'))} (?:[\w-]+ )?{re.escape(m.group('core'))}", text[:s], re.I))


def _population(text: str, v: _Value, s: int, e: int, arms: tuple[str, ...] = ()) -> str | None:
    """The subgroup a value is for, when the clause around it names one ("among patients with PD-L1 ≥50%")."""
    clause_start = max(s, text.rfind(";", s, v.start) + 1, text.rfind(", whereas", s, v.start) + 1,
                       text.rfind("\n", s, v.start) + 1)  # (a list's bullet is a clause of its own)
    window_start, window_end = max(clause_start, v.start - 110), min(e, v.tail + 140)
    best = None
    opening = _clause_opening(text, s, e, v.start, arms)
    for m in _SUBGROUP.finditer(text, window_start, window_end):
        if opening and opening.start() <= m.start() < opening.end():
            continue  # part of the subgroup the clause opens on, named whole below
        # (after the value across no comma but "..., respectively,"; before it, not across "but": "not reached in
        # the cohort with X but were 2.2 and 5.0 months, respectively, in the cohort with Y" are Y's)
        gap = text[v.tail:m.start()]
        if m.start() >= v.tail and (re.sub(r",\s*respectively\s*,", " ", gap).count(",") > 0 or ";" in gap
                                    or len(gap) > 60 and "respectively" not in gap):
            continue
        if m.end() <= v.start and re.search(r"\b(?:but|whereas|while)\b", text[m.end():v.start]):
            continue
        if re.search(r"\bwho (?:were |did not )?(?:received?|receiving|treated|given|randomly|assigned)", m.group(0),
                     re.I):
            continue  # "for patients who received FCR": an arm, not a subgroup
        best = m.group(0).strip() if best is None or m.start() < v.start else best
    return best or (opening.group("who")[0].lower() + opening.group("who")[1:] if opening else None)


def pair_cohorts(text: str, out: list) -> None:
    """"23% (95% CI, 16% to 30%) versus 8% (4% to 13%) in squamous NSCLC": the cohort named after a pair's second
    value is the first's too (outcomes of one sentence, in its order)."""
    for a, b in zip(out, out[1:], strict=False):
        if a.population is None and b.population and not b.subgroup and a.endpoint == b.endpoint \
                and a.timepoint == b.timepoint and 0 < b.char_end - a.char_end <= 60 \
                and re.match(r"[\s,]*(?:versus|vs\.?|v\.?|compared with)\s+\d", text[a.char_end:b.char_end]):
            a.population = b.population
