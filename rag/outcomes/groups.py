"""The groups of a study that is no trial, as its text names them: cohorts compared ("patients who received X were
compared with those who did not"), labelled ("group 1 (nivolumab)", "Cohort A comprised patients who received X"),
defined ("(early ART, n = 211)"), counted ("(3,391 axi-cel, 1,715 tisa-cel)"), or one of the treatments patients
received; an exposure's users against non-users."""

from __future__ import annotations

import re

from .arm_names import _ARM_SPLIT, _I, _NOT_ARM, _TREATMENT_LIKE, _clean_arm, _drop_parentheses

# "group 1 (nivolumab)", "arm B: placebo", "group A received ipilimumab": labels the results use for the arms.
_LABELLED = re.compile(r"\b(?P<label>(?:group|arm|cohort) (?:[A-D1-4]|I{1,3}|one|two|three))\b\s*(?:\((?:received |"
                       r"receiving |given |"
                       r"treated with )?(?P<a>[^();]{2,150})(?:;\s*n\s*=\s*[\d,]+)?\)|"  # "(rituximab, ...; n=612)"
                       r"[:=,]\s*(?P<b>(?:[^,;.()]|(?<=\d)\.(?=\d)){2,100})|"
                       r"\s+(?:received|was given|was treated with)\s+(?P<c>(?:[^,;.()]|(?<=\d)\.(?=\d)){2,60})|"
                       # "Cohort A comprised patients who received SRS to all brain lesions"
                       r"\s+(?:comprised|included|consisted of) (?:the )?(?:\d+ )?(?:patients|participants|those) "
                       r"(?:who (?:received|were given|were treated with|underwent)|treated with|given) "
                       r"(?P<d>[^,;.()]{2,60}))", _I)


# "Patients in the BRAFV600 wild-type cohort received intravenous atezolizumab (840 mg, ...) plus oral cobimetinib".
_COHORT_RECEIVED = re.compile(r"\b(?:patients|participants|those) (?:in|of) the "
                              r"(?P<label>[\w-]+(?: [\w-]+){0,3}? (?:cohort|group|arm)) "
                              r"(?:received|were given|were treated with) (?P<rest>(?:[^;.]|\.(?=\d)){2,300})", _I)
_ROUTE = re.compile(r"\b(?:intravenous(?:ly)?|oral(?:ly)?|subcutaneous(?:ly)?|intratumou?ral(?:ly)?)\s+", _I)


def labelled_arms(text: str) -> dict[str, str]:
    """{"group 1": "nivolumab", "arm B": "placebo", "braf v600 wild-type cohort": "atezolizumab plus cobimetinib"}
    from the methods' "group 1 (nivolumab)", "Patients in the X cohort received Y" and the like."""
    out: dict[str, str] = {}
    found = [(m.group("label"), m.group("a") or m.group("b") or m.group("c") or m.group("d") or "")
             for m in _LABELLED.finditer(text)]
    for m in _COHORT_RECEIVED.finditer(text):
        rest = _drop_parentheses(m.group("rest"))[0]
        found.append((m.group("label"), _ROUTE.sub("", rest)))
    for label, name in found:
        label, name = label.lower(), _clean_arm(re.sub(r"\s*\[[^\[\]]*\]", "", name))  # "S-1 plus oxaliplatin [SOX]"
        if label not in out and 2 <= len(name) <= 60 and re.search(r"[A-Za-z]{2}", name) and not _NOT_ARM.match(name) \
                and not _NOT_A_TREATMENT.search(name):
            out[label] = name
    return out


# What follows a label and is no treatment: "(526 to arm 1, 264 to arm 2)", "arm 2, and one treatment-related death",
# "group B, none higher than grade 3"
_NOT_A_TREATMENT = re.compile(r"^(?:\d|(?:and|or|but|none|not|which|each|who|that|than|while|whereas)\b)|"
                              r"\b(?:was|were|is|are|had|has|deaths?|events?|higher|lower)\b", _I)


# A cohort study's two groups: "Patients who underwent allo-HCT (the HCT cohort, n=251) were compared with those who
# received chemotherapy consolidation only (n=433)", "Women who did not receive radiotherapy (omission cohort) were
# compared with those who did (radiotherapy cohort)".
_WHO_DID = (r"(?:patients|participants|women|men|children|adults|those|people|individuals|subjects|controls)"
        r"(?: \w+){0,2}? who (?:(?:underwent|received|were treated with|were given|had|started|did)\b)")
_COHORTS_COMPARED = re.compile(rf"\b{_WHO_DID}(?P<a>[^,;.()]{{0,80}}?)\s*(?:\((?P<la>[^()]{{2,60}})\)\s*)?"
                               rf"(?:were|was) compared (?:with|to) (?:{_WHO_DID}|(?:those|patients|controls) "
                               rf"(?:treated with|receiving|given|managed with) )?(?P<b>[^,;.()]{{0,80}}?)"
                               rf"\s*(?:\((?P<lb>[^()]{{2,60}})\))?(?=\s*[,;.]|\s+(?:using|with|by|after|in|matched|"
                               rf"and|on)\b)", _I)
_COHORT_LABEL = re.compile(r"^(?:the )?(?P<n>[\w+/-]+(?: [\w+/-]+){0,2} (?:cohort|group|arm))\b", _I)


def _compared_cohorts(text: str) -> tuple[list[str], dict[str, str]] | None:
    """The two groups a cohort study compares, named by their labels when it gives both ("omission cohort",
    "radiotherapy cohort"), else by what they received (the labels as aliases)."""
    m = _COHORTS_COMPARED.search(text)
    if not m:
        return None
    labels = [_COHORT_LABEL.match(m.group(k) or "") for k in ("la", "lb")]
    if all(labels):
        return [label.group("n") for label in labels], {}
    arms = [_clean_arm(re.sub(r"\s+(?:only|alone)$", "", m.group(k).strip(), flags=_I)) for k in ("a", "b")]
    if re.fullmatch(r"\s*not", m.group("b") or "") and arms[0]:
        arms[1] = f"no {arms[0]}"  # "patients who received IDC ... were compared with those who did not"
    if not all(2 <= len(a) <= 60 and not _NOT_ARM.match(a) for a in arms) or arms[0].lower() == arms[1].lower():
        return None
    return arms, {label.group("n"): arm for label, arm in zip(labels, arms, strict=True) if label}


# Cohorts a study defines by name: "(primary prophylaxis cohort, n = 1,112)", "formed the early-treatment cohort",
# "Patients starting ART within 14 days (early ART, n = 211) were compared with ... (deferred ART, n = 187)".
_NOT_COHORT = (r"(?!(?:the|this|our|entire|whole|overall|full|total|matched|unmatched|study|training|validation|"
               r"discovery|derivation|age|same|other|each|both|two|three|birth|control)\b)")
_COHORT_NAME = rf"{_NOT_COHORT}[A-Za-z][\w+/–-]*(?: [\w+/–-]+){{0,3}}? (?:cohort|group)"
_DEFINED_COHORT = re.compile(rf"\((?:[^()]*;\s*)?(?:the )?(?P<b>{_COHORT_NAME})(?:[,;]\s*n\s*=\s*[\d,]+)?\)|"
                             rf"\b(?:formed|constituted|comprised|made up) the (?P<f>{_COHORT_NAME})\b|"
                             rf"\((?P<c>{_NOT_COHORT}[A-Za-z][\w+/–-]*(?: [\w+/–-]+){{0,3}}),\s*n\s*=\s*[\d,]+\)", _I)


def _defined_cohorts(text: str) -> list[str]:
    """The two to four cohorts a study names when it defines them (a name with its count beside it counts only when
    another is defined so too)."""
    named = {"b": [], "f": [], "c": []}
    for m in _DEFINED_COHORT.finditer(text):
        kind = next(k for k in named if m.group(k))
        if m.group(kind).lower() not in (x.lower() for x in named[kind]):
            named[kind].append(m.group(kind))
    cohorts = named["b"] + [x for x in named["f"] if x.lower() not in (y.lower() for y in named["b"])]
    if len(cohorts) < 2 and len(named["c"]) >= 2:
        cohorts = named["c"]
    return cohorts if 2 <= len(cohorts) <= 4 else []


# Groups a study that is no trial forms by an exposure and lists: "Recipients were categorized by induction: rabbit
# antithymocyte globulin (rATG induction), basiliximab induction, or no induction", "were grouped by age at treatment
# start: younger than 65 years (n=1104), 65 to 79 years (n=1837), and 80 years or older (n=412)"
_GROUPED_BY = re.compile(r"\b(?:were|was)\s+(?:grouped|categori[sz]ed|classified|stratified|divided|split)\s+"
                         r"(?:by|according to|into|on the basis of)\b[^:.;]{0,100}?:\s*(?P<l>[^.;]{5,300})", _I)
_SHORT_NAME = re.compile(r"\(\s*((?-i:[a-zA-Z][\w-]*)(?: [a-z][\w-]*){0,2})\s*\)")


def _grouped_by(text: str) -> list[str]:
    """The two to four groups "were grouped by X: A, B and C" lists, each by the short name in its brackets if it
    has one."""
    m = _GROUPED_BY.search(text)
    if not m:
        return []
    listed = _drop_parentheses(m.group("l"))[0]
    # (at commas when it has them: "80 years or older" is one group)
    items = [x.strip() for x in re.split(r",\s*(?:and\s+|or\s+)?" if "," in listed else r"\s+(?:and|or)\s+",
                                         m.group("l")) if x.strip()]
    names = []
    for item in items:
        short = _SHORT_NAME.search(item)
        name = short.group(1) if short and not re.search(r"\d|\bn\b", short.group(1)) else \
            re.sub(r"\s*\([^()]*\)", "", item).strip()
        names.append(name)
    ok = 2 <= len(names) <= 4 and all(2 <= len(x) <= 60 and not _NOT_ARM.match(x) for x in names)
    return names if ok else []


# The groups a study counts: "treated with nivolumab plus ipilimumab (n = 496) or nivolumab monotherapy (n = 226)",
# "HCQ users (...; n=1007) were compared with non-users (n=377)", "(3,391 axi-cel, 1,715 tisa-cel)",
# "(anti-PD-1 therapy, 3,246; placebo or observation, 3,236)".
_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"
_NAME_BEFORE_COUNT = re.compile(rf"(?P<name>[A-Za-z][\w+/–-]*(?: (?!or\b|and\b)[\w+/–-]+){{0,4}})\s*"
                                rf"\((?:[^()]*[;,]\s*)?n\s*=\s*(?:{_COUNT})\)")
_NAME_START = re.compile(r"^.*\b(?:or|and|versus|vs\.?|with|to|received|receiving|starting|started|given|treated|"
                         r"underwent|undergoing|who|those|patients|recipients of|users of|as|:)\s+", re.I)
_N_EQUALS = re.compile(r"\bn\s*=\s*\d.*?\bn\s*=\s*\d")  # two counts in a sentence
_COUNTED_ITEM = re.compile(rf"^\s*(?:(?:{_COUNT})\s+(?P<a>[A-Za-z][\w+/–-]*(?: [\w+/–-]+){{0,3}})|"
                           rf"(?P<b>[A-Za-z][\w+/–-]*(?: [\w+/–-]+){{0,3}}),?\s+(?:{_COUNT}))\s*$")
_NOT_A_GROUP = re.compile(r"\b(?:patients|participants|subjects|women|men|children|adults|cases|infused|evaluable|"
                          r"median|mean|age|years?|months?|range|IQR|CI|trials?|studies|sites|centres|centers|"
                          r"countries|events|isolates|samples|specimens|strains)\b|^(?:n|[A-Za-z])$", re.I)


# An exposure's users, compared with non-users: "Antibiotic users were defined as ...; all others ... non-users",
# "comparing statin users with non-users"
_USERS = re.compile(r"\b(?P<x>(?!non)[A-Za-z][\w-]{3,}) users (?:(?:were|was) (?:defined|classified|identified)\b|"
                    r"(?:with|and|versus|vs\.?) non-?users\b)", _I)


def _sized_groups(text: str) -> list[str]:
    """The two to four groups a text gives counts for in one sentence or one bracket, in its order."""
    # (the counts "(n = 496)" looked for first: the name pattern is slow over a sentence without one)
    counted = [sentence for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if _N_EQUALS.search(sentence)]
    for sentence in counted:
        # "ICI-based therapy, with or without chemotherapy (n = 3847)": the group is named before the comma
        sentence = re.sub(r",\s*with or without [\w-]+(?: [\w-]+)?\s*(?=\()", " ", sentence, flags=_I)
        named = []
        for m in _NAME_BEFORE_COUNT.finditer(sentence):
            name = _NAME_START.sub("", m.group("name")).strip()
            name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=_I)
            if name and not _NOT_A_GROUP.search(name) and not _NOT_ARM.match(name) \
                    and name.lower() not in (x.lower() for x in named):
                named.append(name)
        if 2 <= len(named) <= 4:
            return named
    for inner in re.findall(r"\(([^()]{5,160})\)", text):
        # "(anti-PD-1 therapy, 3,246; placebo, 3,236)", "(5,106 patients; 3,391 axi-cel, 1,715 tisa-cel)"
        items = [m for piece in re.split(r";\s+", inner)
                 for m in ([_COUNTED_ITEM.match(piece)] if _COUNTED_ITEM.match(piece) else
                           [_COUNTED_ITEM.match(item) for item in re.split(r",\s+", piece)])]
        names = [(m.group("a") or m.group("b")).strip() for m in items if m]
        names = [x for x in names if not _NOT_A_GROUP.search(x) and not _NOT_ARM.match(x)]
        if 2 <= len(names) <= 4 and len(set(n.lower() for n in names)) == len(names):
            return names
    # "A total of 412 DCD-NRP and 1236 matched DBD recipients were analysed"
    m = _TWO_COUNTED.search(text) if _ANALYSED.search(text) else None
    if m and m.group("a").lower() != m.group("b").lower() and not _NOT_A_GROUP.search(f"{m.group('a')} {m.group('b')}"):
        return [m.group("a"), m.group("b")]
    return []


_ANALYSED = re.compile(r"\b(?:were|was) (?:analy[sz]ed|included|compared|identified|studied)\b", _I)
_TWO_COUNTED = re.compile(r"\b[\d,]+ (?P<a>[A-Za-z][\w+/-]*(?: [\w+/-]+)?) and [\d,]+ (?:matched )?"
                          r"(?P<b>[A-Za-z][\w+/-]*(?: [\w+/-]+)?) (?:recipients|patients|participants|cases) "
                          r"(?:were|was) (?:analy[sz]ed|included|compared|identified|studied)\b", _I)


# A cohort study's treatments as its methods name them: "adults who received commercial axi-cel or tisa-cel",
# "patients starting first-line atezo-bev or lenvatinib", "treated with rituximab or with TNF inhibitors (TNFi)".
_RECEIVED_ONE_OF = re.compile(r"\b(?:who|patients|adults|children|those|participants) (?:had |were )?(?:received|"
                              r"receiving|starting|started|treated with|initiating|initiated|given) (?:either )?"
                              r"(?:(?:first|second|third)-line |commercial |a |an )?(?P<l>[^.;:]{3,220}?)"
                              r"(?= (?:at|in|between|from|during|for|as|after|before|within|across)\b|[.;:]|$)", _I)


def _received_one_of(text: str) -> tuple[list[str], dict[str, str]]:
    """The two to four treatments "patients who received X, Y or Z" names, with the abbreviations it gives them."""
    for m in _RECEIVED_ONE_OF.finditer(text):
        rest, at_of = _drop_parentheses(m.group("l"))
        if not re.search(r"\bor\b", rest):
            continue
        parts = [re.sub(r"^(?:with|a|an|the)\s+", "", p.strip(), flags=_I) for p in _ARM_SPLIT.split(rest)]
        arms = [_clean_arm(p) for p in parts if p.strip()]
        if any(a.endswith("-") for a in arms):
            continue  # "rituximab- or obinutuzumab-containing chemoimmunotherapy": one treatment, two forms
        if 2 <= len(arms) <= 4 and all(2 <= len(a) <= 60 and _TREATMENT_LIKE.search(a) and not _NOT_ARM.match(a)
                                       and not re.search(r"\b(?:patients|therapy of|dose of)\b", a, _I) for a in arms):
            return arms, {alias: arms[at] for alias, at in at_of.items() if at < len(arms)}
    return [], {}


def _users(text: str) -> list[str]:
    """An exposure's users and its non-users ("antibiotic users" and "non-users"), when the text defines them."""
    m = _USERS.search(text)
    return [f"{m.group('x')} users", "non-users"] if m else []
