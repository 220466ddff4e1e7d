"""The treatments a sentence compares and the groups it names, read from the sentence alone ("X versus Y", "in the X
group ... in the Y group", "in arms A, B and C", "at 1.6 mg/kg and at 2.0 mg/kg", "after LDKT (86.7%) and DDKT
(74.3%)"): the arms of a sentence in a text whose record knows none, or whose sentence compares groups of its own."""

from __future__ import annotations

import re
from functools import lru_cache

from .arm_names import _DRUG, _FRAGMENT, _NOT_A_NAME, _NOT_ARM
from .endpoint_words import _PARENTHESES
from .numbers import DOSE_UNIT


# A treatment as a sentence names it: a drug, or drugs given together ("atezolizumab plus cobimetinib").
_TREATMENT = re.compile(rf"(?<![\w-])(?:{_DRUG})(?:\s*(?:plus|\+|combined with|in combination with)\s*(?:{_DRUG}))*"
                        rf"(?![\w-])", re.I)
# (not an endpoint's, a biomarker's or an agency's abbreviation)
_NOT_REGIMEN = (r"(?!(?:HRs?|ORs?|CIs?|OS|PFS|ORRs?|DFS|EFS|RFS|CRs?|PRs?|SD|DCR|TTP|AEs?|NR|NS|PD|CPS|TPS|ITT|PD-L?1|"
                r"HER2|EGFR|ALK|KRAS|BRAF|MSI|MSI-H|TMB|ECOG|WHO|RECIST|FDA|NCI|USA?|UK|IRC|BICR|HPV|EBV|HIV|CNS)(?![\w-]))")
_REGIMEN_VS = re.compile(rf"(?:\b(?:versus|vs\.?|v\.?|compared with|than)\s+(?:the\s+)?{_NOT_REGIMEN}"
                         rf"(?P<r>[A-Z][A-Z0-9/-]+[A-Z0-9])(?![\w/-]))|"
                         rf"(?:\b{_NOT_REGIMEN}(?P<r2>[A-Z][A-Z0-9/-]+[A-Z0-9])\s+(?:versus|vs\.?)\s)|"
                         # a sentence's subject it compares: "R-CHOP showed improved EFS ... compared with CHOP"
                         rf"(?:^\s*(?:\d+\.\s+)?{_NOT_REGIMEN}(?P<r3>[A-Z][A-Z0-9/-]+[A-Z0-9])\s+(?:showed|improved|"
                         rf"prolonged|increased|reduced|resulted|produced|yielded|led|achieved|demonstrated|was|were)\b)")
_COMPARED = re.compile(r"\b(?:versus|vs\.?|v\.?|compared|than|over|relative to)(?![\w-])", re.I)
# Two groups a result compares, the first after "after" or "with": "after adjuvant DC vaccination compared to 209
# matched controls who ..."
_AFTER_COMPARED = re.compile(r"\b(?:higher|longer|better|lower|shorter|greater|improved|worse)\b[^,;()]{0,40}?\b"
                             r"(?:after|with|among|in) (?:the |an? )?(?P<x>[A-Za-z][\w+/-]*(?: [\w+/-]+){0,3}?) "
                             r"(?:compared (?:to|with)|versus|vs\.?) (?:the |[\d,]+ )?"
                             r"(?P<y>(?:matched |historical )?[A-Za-z][\w+/-]*(?: [\w+/-]+){0,2}?)"
                             r"(?= who\b|\s*[,;(]|$)", re.I)
# A treatment that describes the patients, not an arm: "ineligible for intensive chemotherapy", "refractory to X"
_POPULATION_BEFORE = re.compile(r"(?:\b(?:in)?eligible|\bunfit|\bcandidates?|\bsuitable) for(?: \w+)?\s*$|"
                                r"\b(?:refractory|resistant|intolerant) (?:to|of)(?: \w+)?\s*$|"
                                r"\b(?:pre-?treated|previously treated) with(?: \w+)?\s*$|"
                                r"\bprogress(?:ed|ion) (?:on|after)(?: \w+)?\s*$", re.I)
_VERSUS_WITH = re.compile(r"\d(?:[.·]\d+)?\s*%?\s*(?:of (?:the )?patients\s+)?(?:versus|vs\.?|compared with)\s+"
                          r"\d+(?:[.·]\d+)?\s*%?\s*"
                          r"(?:of (?:the )?patients\s+)?with\s+(?:the\s+|an?\s+)?"
                          r"(?P<c>[A-Za-z][\w'’/-]*(?:\s+(?!\d)[\w'’/-]+){0,4}?)(?=\s*[(,;.]|\s+(?:in|at|for|and)\b|$)",
                          re.I)


# A group a sentence names: "in the durvalumab group", "in the placebo arm", "in arms A and B".
_GROUP = re.compile(r"\b(?:in|with|for|of|to) (?:the |those in the )?(?P<n>(?!(?:same|other|two|three|both|each|all|"
                    r"study|first|second|the|a|an)\b)[A-Za-z][\w+/–-]*(?: [a-z][\w+/–-]*)?) (?:group|arm|cohort)\b|"
                    r"\barms (?P<a>[A-Z]) and (?P<b>[A-Z])\b|\b(?P<x>(?i:arm|group|cohort) (?:I{1,3}|IV|[A-Z]))\b|"
                    # "65.8% (pembrolizumab) and 47.6% (placebo)": the arm in brackets right after a value
                    r"(?:%|\bmonths?)\s*\((?P<p>(?!(?:95|P|p|n|range|IQR|CI|HR|OR)\b)[A-Za-z][\w+/-]*"
                    r"(?: (?:plus|\+) [A-Za-z][\w+/-]*)?)\)|"
                    # "13.2 months for patients treated with pembrolizumab and 8.4 months for those treated with ..."
                    r"\b(?:[Pp]atients|[Tt]hose|[Pp]articipants|arm|group)(?: \([^()]{1,20}\))? (?:who were |who )?"
                    r"(?:treated with|receiving|received|given|managed with) "
                    # "patients who received 10 mg of tarlatamab": a dose's group
                    r"(?:(?P<dose>\d+(?:\.\d+)? ?(?:mg/kg|mg/m2|mg|µg|μg|g))(?: of)? (?P<dd>[A-Za-z][\w-]*)\b|"
                    r"(?:the )?(?P<t>(?!(?:a|an|the|at|standard|prior|previous|first|second)\b)[A-Za-z][\w+/-]*"
                    # "active surveillance", "active treatment": a kind of care in two words
                    r"(?: (?:surveillance|treatment|therapy|chemotherapy|observation|care|monitoring)\b)?"
                    r"(?: (?:plus|\+|with|and) (?!(?:a|an|the|or|no|any|median|at|either|without|respect|regard|in|of|"
                    r"for|on|to)\b)"
                    r"[A-Za-z][\w+/-]*)?)\b)|"
                    r"(?:%|\bmonths?|[)\]])\s*with (?P<dose2>\d+(?:\.\d+)? ?(?:mg/kg|mg/m2|mg|µg|μg|g))(?: of)? "
                    r"(?P<dd2>[A-Za-z][\w-]*)\b|"
                    # "41% with the combination versus 29% with letrozole alone", "7·1 months with placebo"
                    # "9.2 with pembrolizumab, 6.0 with chemotherapy": a bare number, a drug's name
                    rf"(?<=\d) (?:with|for) (?P<w2>{_DRUG}(?: (?:plus|\+) [A-Za-z][\w+/-]*)?)\b|"
                    # "30.6 months after RPD and 27.8 months after OPD" (not "after randomisation")
                    r"(?:%|\bmonths?|\bmo|[)\]])\s*(?:with|for|after|among|(?<=%) of) (?:the |an? )?"
                    r"(?P<w>(?!(?:a|an|the|median|patients?|responders|evaluable|them|whom|evaluated|treated|cohort|"
                    r"study|respect|randomi[sz]ation|diagnosis|enrol\w*|initiation|start\w*|landmark|follow-up|progression|"
                    r"regard|no|any|or|and|CR|PR|SD|grade|those|all|each|both|this|that|these|more|at|up|over|"
                    r"participants|subjects|cases|men|women|people|individuals|survivors)\b)[A-Za-z][\w+/-]*"
                    # "with drug A", "of Group II", "with physician's choice of chemotherapy"
                    r"(?: (?:plus|\+) [A-Za-z][\w+/-]*| (?:I{1,3}|IV|[A-Z])\b|['’]s choice(?: of [\w-]+)?)?)"
                    r"(?: alone)?\b")


# "for the gemcitabine–nab-paclitaxel and gemcitabine groups", "in the high-dose, low-dose and placebo groups",
# "for low-, intermediate- and high-dose groups": the groups named together, in order.
_ITEM = r"[A-Za-z][\w–+/-]*(?: (?!and\b)[a-z][\w–+/-]*)?"
_GROUP_LIST = re.compile(rf"\b(?:for|in|of) (?:the )?(?P<l>(?:{_ITEM},\s*)*{_ITEM},? and {_ITEM}) "
                         rf"(?:groups|arms|cohorts)\b")


_LABEL = r"(?:I{1,3}|IV|[A-Z0-9])"  # "A", "2", "II"
_LETTER_LIST = re.compile(rf"\b(?P<w>arm|group|cohort)s (?P<l>{_LABEL}(?:,\s*{_LABEL})*,?\s*and\s*{_LABEL})\b")


def _group_list(sentence: str) -> list[str]:
    letters = _LETTER_LIST.search(sentence)  # "for arms A, B and C, respectively"
    if letters:
        return [f"{letters.group('w')} {x}" for x in re.findall(_LABEL, letters.group("l"))]
    m = _GROUP_LIST.search(sentence)
    if not m:
        return []
    items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("l")) if x.strip()]
    suffix = re.search(r"-[a-z]+$", items[-1])
    return [x + suffix.group(0)[1:] if x.endswith("-") and suffix else x for x in items]


# "adding belimumab to standard therapy increased ...": the combination and what it was added to
_ADDING = re.compile(r"\badding (?:an? |the )?(?P<x>[\w-]+(?: [\w-]+){0,2}?) to (?:the )?(?P<y>[\w-]+(?: [\w-]+)?)"
                     r"(?=\s+(?:raised|increased|improved|reduced|prolonged|lowered|led|produced|resulted|yielded|"
                     r"achieved|in|was|did)\b|\s*[,(])", re.I)


# "24.0% and 2.2% with neoadjuvant nivolumab plus chemotherapy and chemotherapy alone, respectively": the treatments
# listed right before "respectively", after the last word that introduces them (not "in combination with").
_RESPECTIVELY_AT = re.compile(r",?\s+respectively\b", re.I)
_LIST_INTRO = re.compile(r"\b(?<!combination )(?<!combined )(?<!together )"
                         r"(?:with|in|for|among|after|receiving|received|given)\s+(?:the\s+)?", re.I)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|versus|vs\.?)\s+", re.I)
# Groups of patients, not treatments: "in men and women, respectively", "in PD-L1-positive and -negative tumours"
_POPULATION_WORDS = re.compile(r"\b(?:men|women|males?|females?|boys|girls|children|adults|aged|years?|positive|"
                               r"negative|mutant|mutated|wild-type|high|low|subgroups?|stage|PD-?L1|CPS|TPS|tumou?rs?|"
                               r"patients|disease|cancer|carcinoma|lymphoma|leukaemia|leukemia|months?|weeks?|days?)\b",
                               re.I)


def _respective_list(sentence: str) -> list[str]:
    end = _RESPECTIVELY_AT.search(sentence)
    if not end:
        return []
    head = sentence[:end.start()]
    intros = list(_LIST_INTRO.finditer(head, max(0, len(head) - 160)))
    if not intros:
        return []
    body = re.sub(r"\s+(?:groups|arms|regimens)$", "", head[intros[-1].end():])
    if re.search(r"[\d()%;\[\]]", body):
        return []
    items = [re.sub(r"^(?:the|those|patients)\s+", "", x.strip(), flags=re.I) for x in _LIST_SPLIT.split(body)]
    if len(items) < 2 or not all(2 <= len(x) <= 60 for x in items) \
            or any(_POPULATION_WORDS.search(x) for x in items):
        return []
    return items


def _local_arms(sentence: str) -> list[str]:
    """The treatments a sentence compares ("X versus Y", "X ... compared with Y", "adding X to Y") or the groups it
    names ("in the X group ... in the Y group"), in the order it names them."""
    return list(_local_arms_once(sentence))


@lru_cache(maxsize=256)
def _local_arms_once(sentence: str) -> tuple[str, ...]:
    # (a sentence is read for its own values, as the one before the next, and for the arm chooser's candidates)
    # (fragments and words of comparison are no names; not the whole _NOT_ARM: "treatment" and "control" groups
    # are a sentence's groups here)
    arms = _local_arms_named(sentence)
    return tuple(arms) if not any(_FRAGMENT.search(a.strip()) or _NOT_A_NAME.match(a.strip()) for a in arms) else ()


def _local_arms_named(sentence: str) -> list[str]:
    adding = _ADDING.search(sentence)
    if adding:
        return [f"{adding.group('x')} plus {adding.group('y')}", adding.group("y")]
    out: list[str] = []
    if _COMPARED.search(sentence):
        # A regimen named by its acronym beside "versus" ("nivolumab plus ipilimumab versus EXTREME (cetuximab, ...)");
        # the drugs in brackets after a regimen are its parts, not arms.
        found = [(m.start(), m.group(0)) for m in _TREATMENT.finditer(sentence)
                 if not _POPULATION_BEFORE.search(sentence, max(0, m.start() - 40), m.start())]
        # "41% of patients versus 23% with mycophenolate alone": the comparator named after its value
        found += [(m.start("c"), m.group("c")) for m in _VERSUS_WITH.finditer(sentence)]
        found += [(m.start(g), m.group(g)) for m in _REGIMEN_VS.finditer(sentence) for g in ("r", "r2", "r3")
                  if m.group(g)]
        inside = [(m.start(), m.end()) for m in _PARENTHESES.finditer(sentence)]
        for at, name in sorted(found):
            if any(a < at < b for a, b in inside):
                continue
            if name.lower() not in (a.lower() for a in out):
                out.append(name)
    if len(out) < 2:
        after = _AFTER_COMPARED.search(sentence)
        if after:  # "higher after adjuvant DC vaccination compared to 209 matched controls who ..., 63.6 vs 31.0"
            return [after.group("x"), after.group("y")]
        groups: list[str] = []
        for m in _GROUP.finditer(sentence):
            one = m.group("n") or m.group("w") or m.group("w2") or m.group("t") or m.group("x") or m.group("p")
            if m.group("dose") or m.group("dose2"):
                one = f"{m.group('dd') or m.group('dd2')} {m.group('dose') or m.group('dose2')}"
            for name in ([one] if one else [f"arm {m.group('a')}", f"arm {m.group('b')}"]):
                if name.lower() not in (a.lower() for a in groups):
                    groups.append(name)
        if len(groups) >= 2:
            return groups
        listed = _group_list(sentence) or _respective_list(sentence) or _dose_list(sentence) \
            or _named_values(sentence)
        if len(listed) >= 2:
            return listed
    return out


# "in 27.5% at 1.6 mg/kg and in 40.5% at 2.0 mg/kg", "7.9 months at 25 Gy, 9.6 months at 30 Gy": the doses a
# sentence gives its values at, when it gives two or more
_AT_DOSE = re.compile(rf"\b(?:at|with|received|receiving|given)\s+(?:the\s+)?(?P<q>\d+(?:\.\d+)?\s?(?:{DOSE_UNIT}|Gy))"
                      rf"(?![\w/])")


# "higher after LDKT (86.7%) and DDKT (74.3%) than on the waiting list (58.9%)": groups named right before their
# values' brackets
_NAMED_VALUE = re.compile(r"\b(?:after|with|in|among|on|for|and|than|vs\.?|versus)\s+(?:the\s+)?"
                          r"(?P<n>[A-Za-z][\w+/-]*(?:\s+[a-z][\w+/-]*){0,2})\s*\(\s*\d+(?:\.\d+)?\s*%")
_MEASURE_WORDS = re.compile(r"\b(?:rates?|survival|responses?|remissions?|patients|participants|events?|"
                            r"toxicit(?:y|ies)|incidence|proportion|mortality|years?|months?|grade|overall|median|total|all|those|"
                            r"cases|each|both)\b", re.I)


def _named_values(sentence: str) -> list[str]:
    names = list(dict.fromkeys(m.group("n") for m in _NAMED_VALUE.finditer(sentence)
                               if not _MEASURE_WORDS.search(m.group("n")) and not _NOT_ARM.match(m.group("n"))))
    return names if len(names) >= 2 else []


def _dose_list(sentence: str) -> list[str]:
    doses = list(dict.fromkeys(re.sub(r"\s+", " ", m.group("q")) for m in _AT_DOSE.finditer(sentence)))
    return doses if len(doses) >= 2 else []
