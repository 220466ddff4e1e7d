"""An arm's name: what the methods call a treatment, cleaned of its doses, schedules and routes ("nivolumab 3 mg/kg
every 2 weeks" -> "nivolumab"), its abbreviation in brackets, and the names the results give their groups ("the
combination group") with the arm each stands for. Used by study_arms.py (the methods' arms), groups.py (the groups of a
study that is no trial) and arms.py (the arm a value is given for)."""

from __future__ import annotations

import re

from .numbers import DOSE_UNIT

_I = re.I
_SCHEDULE = re.compile(r"\s+with\s+(?:\d+|two|three|four|five|six|eight)\s+(?:\w+\s+)?(?:cycles?|doses?|courses?)\b.*$|"
                       r"\s+(?:at|every|once|twice|on days?|for|until|within|intravenously|orally|administered|given|"
                       r"(?:daily|weekly|monthly)(?!\s+[\w-]*(?:taxel|platin|mab|nib|citabine|rubicin|trexate)\b)|"
                       r"q\d|in combination|in an? (?:non-?inferiority|superiority|\d:\d)|as|"
                       r"after|before|followed|during|over|up to|with or|on a|by|"
                       r"in (?:two|three|four|five|six|eight) (?:cycles|doses)?)\b.*$|"
                       # (a dose and what follows it; not "a 4-month regimen", a name)
                       # (nor a drug whose name starts with a digit: "5-FU", "6-mercaptopurine", "177Lu-PSMA-617")
                       r"\s+\d(?!\d*-(?:month|week|day|year|dose|drug)s?\b|\d*-(?:weekly|daily|monthly)\b|-(?:FU|fluoro|MP\b|mercapto|TG\b|thio|aza)|"
                       r"\d*(?:Lu|Y|I|Ra|Sm)-?\d*\b|\d*(?:Lu|Ra)-).*$", _I)
# (not between the days of a schedule: "on days 1, 8 and 15")
_ARM_SPLIT = re.compile(r",?\s+(?:or|versus|vs\.?)\s+(?:to receive\s+|either\s+)?|,\s+(?!\d+(?:,|\s+and\b))", _I)
# What "standard" is said of when it names an arm of its own, no drug: "standard prophylaxis", "standard therapy"
_STANDARD_WHAT = r"(?:prophylaxis|therapy|treatment|regimen|induction|dos(?:e|ing)|management|surveillance|practice|" \
                 r"analgesia)"
# (not "standard" before such a word: "standard prophylaxis" beside "enhanced prophylaxis")
_ARM_STOP = re.compile(r"^(?:the|a|an|either|receive|patients|to|of|both|intravenous|oral|subcutaneous|intramuscular|"
                       rf"standard(?! (?:of )?care\b| {_STANDARD_WHAT}\b)|saline|single[- ]agent)\s+", _I)
_ARM_TRAIL = re.compile(r"\s+(?:alone|monotherapy|group|arm|regimen)$", _I)
# A piece of a sentence read as a name: "them to day", "to 23", "patients in", "ICR-", "percentage points", "donor arm
# if a matched related"
_FRAGMENT = re.compile(r"^(?:them|to|or|and|of|in|at|by)\b|"
                       r"(?-i:\b(?:in|to|of|for|from|if|at|by|the|had|that|which|who|whom)$)|\bn\s*=$|"
                       r"[a-z]-$|\bpercentage points?\b|\bif\b", _I)
# A word of comparison, reference or manner, not a treatment: "the higher", "the former", "immediately", "within",
# "one of the two strategies".
_NOT_A_NAME = re.compile(r"^(?:higher|lower|better|worse|longer|shorter|greater|smaller|more|less|fewer|former|latter|"
                         r"with|within|without|[a-z]+(?:ally|ately|ively|ently|antly|ously|edly)|one of .+)$", _I)
_NOT_ARM = re.compile(r"^(?:patients?|placebo-controlled|each|treatment|therapy|regimens?|one|two|three|four|five|six|"
                      rf"seven|eight|nine|ten|\d+|the same|whole|entire|total|overall|other)$|{_NOT_A_NAME.pattern}|"
                      rf"{_FRAGMENT.pattern}", _I)


# "in the durvalumab group", "the pembrolizumab-combination arm", "the standard therapy group", "the combination and
# nivolumab groups": the groups a randomized excerpt names.
_GROUP = re.compile(r"\b(?:in|with|of|for|to|and|versus|vs\.?|than|on) the "
                    r"(?P<g>[\w-]+(?:\+[\w-]+)*(?: (?:plus|and|\+) [\w-]+| [\w-]+)?) (?:group|arm)(?P<plural>s)?\b", _I)
_NOT_GROUP = re.compile(r"^(?:same|two|both|treatment|control|study|other|each|overall|whole|first|second|third|age|"
                        r"high|low|\d+|this|that|intervention|experimental|standard|combination|pooled|all|"
                        # a phase or a part of the study, not a treatment
                        r"open-label|randomi[sz]ed|double-blind|blinded|safety|dose-escalati(?:ng|on)|"
                        r"dose-expansion|expansion|intent-to-treat|intention-to-treat|per-protocol|recurrent|"
                        r"cured)$", _I)
# Groups named by their role, not their drug: mapped to the arms the methods name when they can be.
_ROLES = (r"control|standard|standard[- ](?:of[- ])?care|standard[- ]therapy|experimental|intervention|investigational|"
          r"combination|combination[- ]therapy|combined")
_ROLE_GROUP = re.compile(rf"^(?:{_ROLES})$", _I)
# The second word of a two-word group name: what a treatment is called ("standard therapy", "MAGE-A3
# immunotherapeutic").
_GROUP_NOUN = re.compile(r"(?:therapy|care|chemotherapy|immunotherapy|immunotherapeutic|vaccine|vaccination|treatment|"
                         r"regimen|monotherapy|combination)$", _I)
_DRUG = (r"[\w-]*(?:mab|nib|cel|cept|platin|taxel|rubicin|rasib|lisib|parib|ciclib|zomib|lidomide|lutamide|fusp|clax|"
         r"citidine|sporin|"
         r"trozole|citabine|tecan|limus|placebo|chemotherapy|docetaxel|pemetrexed|ipilimumab|"
         r"dacarbazine|everolimus|sorafenib|sunitinib|interferon|interleukin-2|IL-2|vaccine|observation|gemcitabine|"
         r"cetuximab|methotrexate)")
_DRUG_VS = re.compile(rf"\b(?:with |of )?(?P<a>{_DRUG}(?: (?:plus|and|\+) {_DRUG})?) (?:than|versus|vs\.?|"
                      rf"compared with) (?:with )?(?P<b>{_DRUG}(?: (?:plus|and|\+) {_DRUG})?)\b", _I)
_VERSUS = re.compile(r"\b(?:than|versus|vs\.?|compared with) ", _I)
_CHEMO = re.compile(r"platin|taxel|citabine|rubicin|fluorouracil|\b5-FU\b|etoposide|cyclophosphamide|pemetrexed|"
                    r"irinotecan|topotecan|dacarbazine|temozolomide|vinorelbine|methotrexate|chemotherapy", _I)
_TARGETED = re.compile(r"mab\b|nib\b|vedotin|deruxtecan|govitecan|cel\b|parib\b|\bvaccine", _I)
_CONTROL_ARM = re.compile(r"\b(?:placebo|standard|controls?|observation|(?:usual|routine|guideline-based|conventional) "
                          r"(?:care|management|practice)|best supportive care|surveillance|watchful waiting)\b|"
                          r"^no (?:further |adjuvant |additional |maintenance )?"
                          r"(?:therapy|treatment|chemotherapy|radiation|PCI)\b", _I)
_COMBINATION_ARM = re.compile(r"\s(?:plus|and|with|\+)\s|\bcombination\b", _I)
_GENERIC_WORDS = {"alone", "only", "therapy", "group", "arm", "the", "monotherapy", "regimen", "plus", "and", "with"}


def _group_names(text: str) -> list[str]:
    """The arms the results name as groups, in order of first mention ("nivolumab-alone" read as "nivolumab")."""
    groups: list[str] = []
    for m in _GROUP.finditer(text):
        name = m.group("g")
        words = name.split()
        if len(words) == 2 and " and " not in name \
                and not (_GROUP_NOUN.search(words[1]) or re.fullmatch(_DRUG, words[0], _I)):
            continue  # "the low-dose IL-2 group", "the overall study group": not read as an arm's name
        names = re.split(r" and ", name) if m.group("plural") else [name]  # "the combination and nivolumab groups"
        for name in names:
            name = re.sub(r"[- ](?:alone|only)$|-(?:treated|containing|based)$", "", name, flags=_I)
            if (_ROLE_GROUP.match(name) or not _NOT_GROUP.search(name)) \
                    and name.lower() not in (g.lower() for g in groups):
                groups.append(name)
    return groups


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", name.lower()) if w not in _GENERIC_WORDS}


def dose_levels(arms: list[str]) -> tuple[str, str] | None:
    """The lowest and the highest dose's arms, where two arms or more give one drug at different doses (the drug named
    right before each dose: "intravenous hydrocortisone 200 mg", "hydrocortisone 100 mg")."""
    dosed = {float(m.group("q")): (a, m.group("d").lower()) for a in arms
             for m in [re.search(rf"(?P<d>[A-Za-z][\w-]*)\s+(?:at\s+)?(?P<q>\d+(?:\.\d+)?)\s?{DOSE_UNIT}", a)] if m}
    if len(dosed) >= 2 and len({d for _, d in dosed.values()}) == 1:
        return dosed[min(dosed)][0], dosed[max(dosed)][0]
    return None


def _without_placebo(arm: str) -> str:
    """An arm's active treatment: a drug "plus placebo" combines nothing ("the combination" beside "X plus placebo"
    and "Y plus placebo"; "the X group" is "X plus placebo")."""
    return re.sub(r"\s*\b(?:plus|with|\+)\s+(?:a\s+|matching\s+)?placebo\b|\bplacebo\s+(?:plus|with|\+)\s*", "", arm,
                  flags=_I).strip()


def _group_arm(group: str, arms: list[str], spelled: dict[str, str]) -> str | None:
    """The arm of ``arms`` a group name stands for: its abbreviation, its drug, or its role (the combination, the
    control, the experimental arm); None when it cannot be told."""
    g = group.lower()
    if g in spelled and spelled[g] in arms:
        return spelled[g]
    if re.match(r"combin", g):
        combos = [a for a in arms if _COMBINATION_ARM.search(f" {_without_placebo(a)} ")]
        return combos[0] if len(combos) == 1 else None
    level = re.fullmatch(r"(high|higher|low|lower)[- ]dose", g)
    if level:  # "the high-dose group" among arms of one drug at two or more doses: the highest (or lowest) dose's arm
        levels = dose_levels(arms)
        return (levels[1] if level.group(1).startswith("high") else levels[0]) if levels else None
    controls = [a for a in arms if _CONTROL_ARM.search(a)]
    # With no placebo or standard-care arm, a chemotherapy-only arm is the control ("the chemotherapy arm" beside "the
    # enfortumab vedotin-plus-pembrolizumab arm")
    chemo = [a for a in arms if _CHEMO.search(a) and not _TARGETED.search(a)]
    if not controls and len(chemo) == 1 and len(arms) >= 2:
        controls = chemo
    if re.fullmatch(r"(?:standard |conventional |cytotoxic )?chemotherapy", g):
        return chemo[0] if len(chemo) == 1 else None
    if re.match(r"control|standard", g):
        return controls[0] if len(controls) == 1 else None
    if re.match(r"experimental|intervention|investigational", g):
        others = [a for a in arms if a not in controls]
        return others[0] if len(arms) == 2 and len(controls) == 1 else None
    gw = _words(group)
    exact = [a for a in arms if _words(a) == gw] or [a for a in arms if _words(_without_placebo(a)) == gw]
    if exact:
        return exact[0]
    near = [a for a in arms if gw and _words(a) and (gw <= _words(a) or _words(a) <= gw)]
    if not near and "-" in group:  # "the enfortumab vedotin-plus-pembrolizumab arm"
        gw = _words(group.replace("-", " "))
        near = [a for a in arms if gw and _words(a.replace("-", " ")) and (gw <= _words(a.replace("-", " "))
                                                                           or _words(a.replace("-", " ")) <= gw)]
    return near[0] if len(near) == 1 else None


# "(the control arm)", "(palliative therapy as per the treating oncologist; control arm)", "(SABR arm)",
# "(liposomal amphotericin group)": the name an arm goes by in the results, given in brackets after it
_ROLE_IN_BRACKETS = re.compile(rf"(?:.*[;,]\s*)?(?:the )?({_ROLES})(?: (?:arm|group|regimen))?\s*", _I)
_NAME_IN_BRACKETS = re.compile(r"(?:.*[;,]\s*)?(?:the )?([\w-]+(?: [\w-]+)?) (?:arm|group)\s*", _I)


# A numbered group's label: "group A", "arm 2", "cohort II", "regimen B"
NUMBERED_LABEL = r"(?i:group|arm|cohort|regimen) (?:[A-D1-4]|I{1,3})"
# An abbreviation an arm is given: "ACP", "TCHP", "mFOLFIRINOX", "ECF/ECX", and a cell therapy's short name in lower
# case ("axi-cel", "oze-cel")
_ABBREVIATION = r"(?:[a-z]?[A-Z][A-Za-z0-9+/\-]{1,10}|[a-z]{2,6}-cel)"
# ... alone in its brackets, or first before more ("(ACP)", "(TCHP; group B)")
# (also a letter or a schedule's numbers alone: "(C)", "(60/30)")
_ABBREVIATION_FIRST = re.compile(rf"\s*({_ABBREVIATION}|(?:[A-Z]|\d+(?:/\d+)+)(?=\s*$))\s*(?:$|([;,].*))", re.S)
# ... or last, after the schedule: "(two procedures every 2 weeks, then monthly; RUX-ECP)"
_ABBREVIATION_LAST = re.compile(rf".*;\s*({_ABBREVIATION})\s*$", re.S)


_BRACKET = re.compile(r"[()\[\]]")
# A name in words alone in its brackets ("(endovascular strategy)"), kept among the aliases (so that a list's cuts move
# it with them) but marked apart from the abbreviations: the arm takes it only when every arm of the list is named and
# the text uses the names again (arm_lists._word_labels)
WORD_LABEL_MARK = "\x00"
_WORD_LABEL = re.compile(r"(?:the )?([A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,3})", _I)
_NOT_A_WORD_LABEL = re.compile(r"\b(?:n|i\.?e|e\.?g|respectively|median|mean|range|total|each|all|both|"
                               r"daily|weekly|monthly|days?|weeks?|months?|years?|hours?|once|twice|per|every)\b", _I)


def _drop_parentheses(text: str, words: bool = False) -> tuple[str, dict[str, int]]:
    """The text without (...) groups, and the abbreviations or roles they held ("(ACP)", "(the control arm)") by the
    index of the arm before; with ``words``, names in words too, marked (`WORD_LABEL_MARK`)."""
    out, depth, aliases, held = [], 0, {}, []
    pos = 0
    for bracket in _BRACKET.finditer(text):  # (a bracket at a time, the text between them read whole)
        between, ch, pos = text[pos:bracket.start()], bracket.group(), bracket.end()
        if depth:
            held[-1] += between
        else:
            out.append(between)
        if ch in "([":
            depth += 1
            held.append("")
            continue
        if ch in ")]" and depth:
            depth -= 1
            inner = held.pop()
            label = re.search(rf"(?:^|[;,])\s*({NUMBERED_LABEL})\s*(?:[,;:]|$)", inner)
            short = _ABBREVIATION_FIRST.match(inner)
            # (alone, with a label, or before what it stands for: "(ICC; paclitaxel, docetaxel, or irinotecan)")
            # (or before the group's size: "(BR; n = 238)")
            short = short.group(1) if short and (label or not short.group(2)
                                                 or re.match(r";\s*[a-z]{4,}|[;,]\s*[nN]\s*=\s*\d", short.group(2))) \
                else None
            last = _ABBREVIATION_LAST.match(inner)
            short = short or (last.group(1) if last and not label else None)
            if label or short:  # "(group A)", "(group A, n = 56)", "(ACP)", "(TCHP; group B)"
                at = len(_ARM_SPLIT.split("".join(out))) - 1
                aliases.update({name: at for name in (label and label.group(1), short) if name})
            role = _ROLE_IN_BRACKETS.fullmatch(inner.strip()) or _NAME_IN_BRACKETS.fullmatch(inner.strip())
            word = None if label or short or role or not words else _WORD_LABEL.fullmatch(inner.strip())
            if word and not _NOT_A_WORD_LABEL.search(word.group(1)):
                # "(endovascular strategy)", "(usual care)", "(high dose)": a name in words the results may use
                aliases.setdefault(WORD_LABEL_MARK + word.group(1), len(_ARM_SPLIT.split("".join(out))) - 1)
            if role:  # "bevacizumab plus chemotherapy (the control arm)": what "the control arm" stands for
                name = role.group(1)
                parts = _ARM_SPLIT.split("".join(out))
                at = len(parts) - 1
                name_words = [w for w in re.split(r"[\s-]+", name.lower()) if len(w) >= 3]
                if role.re is _NAME_IN_BRACKETS and not any(w in parts[at].lower() for w in name_words):
                    # "lactulose titrated to two or three soft stools daily (lactulose group)": the arm split off
                    # at a schedule's "or" that holds the name
                    at = max((j for j in range(at) if any(w in parts[j].lower() for w in name_words)), default=at)
                # (the first definition holds: "... (D-VRd group) ..., followed by maintenance with daratumumab plus
                # lenalidomide (D-VRd group)" names the same arm again)
                aliases.setdefault(name.lower() if role.re is _ROLE_IN_BRACKETS else name, at)
            continue
        if depth:
            held[-1] += ch
        else:
            out.append(ch)
    if depth:
        held[-1] += text[pos:]
    else:
        out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out)), aliases


_DOSE_AMOUNT = rf"\d+(?:[.·]\d+)?\s?{DOSE_UNIT}(?![\w/])"
_DOSE_ONLY = re.compile(rf"\s*{_DOSE_AMOUNT}.*", _I)


def _doses_of_one_drug(parts: list[str]) -> list[str]:
    """ "vexilumab 1 mg/kg, 3 mg/kg or 10 mg/kg, each with nivolumab": the doses after the first are the same drug's
    ("vexilumab 3 mg/kg"), and what each arm is given with is no arm of its own."""
    first = re.fullmatch(rf"(?P<d>.*?[A-Za-z][\w-]*)\s+{_DOSE_AMOUNT}.*", parts[0] if parts else "", _I)
    if not first or not any(_DOSE_ONLY.fullmatch(p) for p in parts[1:]):
        return parts
    out = [parts[0]] + [f"{first.group('d')} {p.strip()}" if _DOSE_ONLY.fullmatch(p) else p for p in parts[1:]]
    if len(out) > 2 and re.match(r"\s*(?:each|all|both)\s+(?:with|combined with|plus|in combination with)\b", out[-1],
                                 _I):
        out = out[:-1]
    return out


# What a drug is, between commas after its name: "an anti-interleukin-6 receptor antibody"
_APPOSITIVE = re.compile(r"\s*an?\s+(?:[\w–/-]+\s+){0,5}(?:antibody|antibodies|inhibitor|agonist|antagonist|conjugate|"
                         r"blocker|analogue|analog|vaccine|modulator|degrader|engager)\s*", _I)


def _shared_tail_dropped(parts: list[str]) -> list[str]:
    """ "rATG (...) or basiliximab (...), each followed by tacrolimus, mycophenolate and ...", "X, Y or Z, all given
    intravenously": what every arm shares ends the list of arms. "lurikizumab, an anti-interleukin-6 receptor
    antibody, 162 mg every 2 weeks, or placebo": what a drug is, and then its dose, are no arms of their own."""
    kept: list[str] = []
    after_appositive = False
    first_dosed = bool(parts) and re.search(_DOSE_AMOUNT, parts[0], _I)
    for part in parts:
        if kept and _APPOSITIVE.fullmatch(part):
            after_appositive = True
            continue
        if (after_appositive or (len(kept) >= 2 and not first_dosed)) and _DOSE_ONLY.fullmatch(part):
            # the dose of the drug the appositive described; the arms' shared dose after the list ("RTXM-07 or
            # EU-rituximab, 375 mg/m² IV weekly")
            continue
        after_appositive = False
        kept.append(part)
    parts = kept
    for i, part in enumerate(parts[2:], 2):
        if re.match(r"\s*(?:each|all|both)\s+(?:followed|given|administered|delivered|received|with|combined|plus|in "
                    r"combination|for|at|every|once|twice)\b", part, _I):  # (not "..., rifaximin, or both")
            return parts[:i]
        # "..., followed by maintenance with vefrolimab or placebo": what comes after both arms, not a third arm;
        # "standard care, consisting of two or three cycles of ...": what an arm is, not another arm
        if re.match(r"\s*(?:followed by maintenance|consisting of|comprising|including|i\.e\.)", part, _I):
            return parts[:i]
    return parts


# A part that gives a dose ("vexilumab 3 mg/kg")
_DOSED = re.compile(r"\d\s?(?:mg|µg|μg|g)\b", _I)


# How and when a drug added to an arm is given, not what: "with concurrent and adjuvant temozolomide", "with cetuximab
# given concurrently"
_HOW_GIVEN = re.compile(r"and|or|the|an?|of|concurrent(?:ly)?|adjuvant|sequential(?:ly)?|maintenance|weekly|daily|"
                        r"monthly|given|administered|once|twice|every|low-dose|high-dose|standard-dose|oral|"
                        r"intravenous|dose|doses|cycles?|weeks?|months?|days?|\w+ly", _I)


def _kept_apart(arm: str, part: str) -> str:
    """An arm whose cleaned name another arm shares, named by what tells them apart: its dose ("nivolumab 3 mg/kg")
    or its route ("oral topotecan")."""
    if _DOSED.search(part):
        return _clean_arm_dosed(part)
    # "25 Gy in 5 fractions with concurrent and adjuvant temozolomide" beside "25 Gy in 5 fractions": what it adds
    added = re.match(rf"\s*{re.escape(arm)}\s+(with|plus)\b(.*)$", part, _I | re.S)
    drugs = [w for w in re.findall(r"[A-Za-z][\w-]+", added.group(2)) if not _HOW_GIVEN.fullmatch(w)] if added else []
    if 1 <= len(drugs) <= 3:
        return f"{arm} {added.group(1)} {' plus '.join(dict.fromkeys(drugs))}"
    route = re.match(r"\s*(?:the\s+)?(intravenous|oral|subcutaneous|intratumou?ral)\s", part, _I)
    if route:
        return f"{route.group(1)} {arm}"
    # "8 weeks of prednisolone" beside "12 weeks of prednisolone": its duration
    duration = re.match(r"\s*(?:the\s+|a\s+)?(\d+|one|two|three|four|six|twelve)[- ](days?|weeks?|months?|years?)"
                        r"(?:\s+of|\s+course of)?\s", part, _I)
    return f"{arm} for {duration.group(1)} {duration.group(2)}" if duration else arm


# "a single intramuscular dose of RSVpreF", "three doses of pembrolizumab": the treatment, not how often
_DOSES_OF = (r"^\s*(?:an?\s+)?(?:single|(?:\d+|two|three|four|five|six|eight)) (?:[\w-]+ )?"
             r"(?:doses?|infusions?|injections?) of\s+")


# "once-daily deliracitinib 200 mg": a schedule before the drug
_LEADING_SCHEDULE = r"^\s*(?:once|twice|three times)[- ](?:daily|weekly)\s+(?=[A-Za-z])"


def _clean_arm_dosed(arm: str) -> str:
    """An arm's name with its doses kept (arms that differ by dose only: "nivolumab 3 mg/kg", "nivolumab 1 mg/kg plus
    ipilimumab 3 mg/kg"), its schedule and route dropped."""
    arm = re.sub(_LEADING_SCHEDULE, "", arm, flags=_I)
    arm = re.sub(r"\s*\b(?:every|once|twice|q\d+w)\b[^,;]*?(?=\s+(?:plus|and|with|\+)\s|$)|\bat (?:a dose of )?", "",
                 arm, flags=_I)
    arm = re.sub(r"\s+(?:for|until|intravenously|orally|administered|given|followed)\b.*$", "", arm, flags=_I)
    arm = re.sub(r"\s+(?:once |twice )?(?:daily|weekly)$", "", arm, flags=_I)  # "verdiperstat 300 mg daily"
    arm = re.sub(r"^(?:either|receive|the|a|an)\s+", "", re.sub(_DOSES_OF, "", arm.strip(" ,;:"), flags=_I), flags=_I)
    return re.sub(r"\s+", " ", _ARM_TRAIL.sub("", arm)).strip(" ,;:")


def _abbreviated(arm: str, abbreviation: str) -> str | None:
    """ "surveillance with PET-CT" for "surveillance with positron emission tomography–computed tomography" (PET-CT):
    an arm too long to read as a name, shortened by the abbreviation the text gives for its last words."""
    letters = re.sub(r"[^a-z]", "", abbreviation.lower())
    words = [w for w in re.split(r"[\s–—-]+", arm) if w]
    for k in range(2, len(words)):
        if "".join(w[0].lower() for w in words[-k:]) == letters:
            return " ".join(words[:-k] + [abbreviation])
    return None


# A dose and its schedule right before "plus" ("prednisolone 40 mg/day for 28 days plus NAC")
_DOSE_BEFORE_PLUS = re.compile(rf"\s+(?:{_DOSE_AMOUNT}|\d+(?:[.·]\d+)?\s?(?:mg|g|µg|μg)/(?:day|d))"
                               r"(?:\s+(?:once |twice )?(?:daily|weekly)|"
                               r"\s+(?:for|every|on days?|at|over)\s+[^,;()]{1,30}?)?"
                               r"(?=\s+(?:plus|\+)\s)", _I)


def _clean_arm(arm: str) -> str:
    # "then to bevacizumab versus placebo" (a factorial design's second question), "up to 6 months of gemcitabine",
    # "one of three arms: acalabrutinib plus obinutuzumab", "the combination of X", "the ABC-02 study regimen of X"
    # "five 21-day cycles of epirubicin plus ifosfamide", "30 Gy of involved-field radiation therapy"
    # (an arm after the list's first begins "to": "or to 7 days of amphotericin B ..."; "to receive X", "to continue
    # X" are read below, where what comes before them is dropped too)
    arm = re.sub(r"^\s*to\s+(?!(?:receive|undergo|continue|switch)\b)", "", arm, flags=_I)
    arm = re.sub(rf"^\s*then (?:to )?|{_LEADING_SCHEDULE}|"
                 r"^\s*(?:up to )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)"
                 r"(?: \d+-day)? "
                 r"(?:months?|weeks?|days?|cycles?|courses?) of\s+|"
                 r"^\s*\d+(?:[.·]\d+)? ?Gy of\s+|"
                 r"^\s*one of (?:two|three|four|\d) (?:treatment )?(?:arms|regimens|groups)\s*:\s*|"
                 r"^\s*(?:the )?combination of\s+|^\s*(?:the )?[\w-]+ (?:study )?regimen of\s+|^\s*undergo\s+|"
                 # "[assigned 1 to] 42 days after chemoradiation to receive durvalumab plus placebo"
                 r"^[^,;]*?\bto (?:receive|undergo)\s+|^\s*(?:to\s+)?(?:continue|switch to)\s+(?:daily\s+|weekly\s+)?|"
                 # "a 20 mL/kg bolus of 5% albumin", "a 7-day course of hydrocortisone": the treatment, not its dose
                 rf"^\s*(?:an?\s+)?(?:{_DOSE_AMOUNT}|\d+(?:[.·]\d+)?\s*(?:mL/kg|mL|Gy)|\d+-(?:day|week|month))\s+"
                 r"(?:bolus|dose|infusion|course|injection)\s+of\s+|"
                 rf"^\s*{_DOSE_AMOUNT}\s+of\s+|{_DOSES_OF}|"  # "200 mg of pembrolizumab"
                 # "the anti-PD-1 antibody ZL-811", "the CD20xCD3 bispecific antibody glofitamab": the drug
                 rf"^\s*(?:the |an? )?(?:[\w-]+ ){{0,2}}(?:antibody|inhibitor|conjugate)\s+(?=(?:{_DRUG}|"
                 r"[A-Z]{2,}[\w-]*\d[\w-]*)(?![\w-]))", "", arm, flags=_I)
    arm = re.sub(r"\s+(?:combined with|in combination with)\s+", " plus ", arm, flags=_I)
    # "fianlimab 1600 mg plus cemiplimab 350 mg": a dose before "plus" is dropped, so that the cut at a dose (below)
    # keeps the partner
    if "plus" in arm.lower() or "+" in arm:  # (the pattern is slow to run where it cannot match)
        arm = _DOSE_BEFORE_PLUS.sub("", arm)
    fractions = re.match(r"\s*(\d+(?:[.·]\d+)?\s*Gy) in ([\w-]+) (?:daily |weekly )?(fractions?)\b", arm, _I)
    if fractions:  # a fractionation trial's arm: "40 Gy in 15 daily fractions over 3 weeks"
        return f"{fractions.group(1)} in {fractions.group(2)} {fractions.group(3)}"
    if re.match(r"\s*(?:with|who|be)\b|\s*\d+(?:[.·]\d+)?\s*(?:cm|mm|Gy)\b|.*\beither$", arm, _I):
        return ""  # "with completely resected tumors", "who received either chemotherapy", "5 cm": no treatment
    if re.match(r"\s*(?:at|every|once|twice|given|administered|intravenously|orally|for|until|in|on|by|with a|"
                r"as|then|followed|stratified|according|titrated|adjusted)\b", arm, _I):
        return ""  # a dose or schedule between commas, not an arm
    # "nivolumab plus ipilimumab assessed in a dose-escalating safety phase": the treatment, not where it was assessed
    arm = re.sub(r"\s*\b(?:assessed|evaluated|enrolled|assigned|stratified|analy[sz]ed|included)\b.*$", "", arm,
                 flags=_I)
    if re.search(r"\b(?:was|were|is|are|had|has|have|dose-escalating|dose-escalation|dose-expansion|safety|phase)\b",
                 arm, _I):
        return ""  # a clause ("median survival was", "a dose-escalating safety phase"), not a treatment
    arm = re.sub(r"^(?:matching|matched|a|an|the)\s+", "", _SCHEDULE.sub("", arm.strip(" ,;:")), flags=_I)
    for _ in range(3):
        stripped = _ARM_STOP.sub("", arm)
        if _NOT_ARM.match(stripped):
            break  # "standard therapy" stays itself
        arm = stripped
    # "standard therapy with methotrexate, docetaxel, or cetuximab": the standard is the name, not its drugs
    arm = re.sub(rf"^(standard {_STANDARD_WHAT})\s+with\b.*$", r"\1", arm, flags=_I)
    # "the standard therapy arm of the investigator's choice": the arm's name ends at "arm"
    arm = re.sub(r"\s+(?:arm|group)\s+(?:of|with)\b.*$", "", arm, flags=_I)
    arm = re.sub(r"\s+(?:plus|and|with|\+|of)$", "", arm.strip(" ,;:"), flags=_I)  # "autologous SCT plus 3 years..."
    arm = re.sub(r"\bplacebos\b", "placebo", arm)  # "or matching placebos": the results say "the placebo group"
    # "nivolumab and a dacarbazine-matched placebo": the double-dummy placebo is no part of the arm's treatment
    arm = re.sub(r"\s+(?:and|plus|with)\s+(?:an?\s+)?[\w-]+-matched\s+placebos?$", "", arm,
                 flags=_I)
    # "vornalimab plus the anti-PD-1 antibody pelzolimab": what a drug is, before its name, is no part of the name
    arm = re.sub(r"(?:\b(?:the|an?)\s+)?\banti-[\w()/-]+\s+(?:monoclonal\s+)?"
                 r"(?:antibody|inhibitor|agonist|conjugate)\s+(?=(?!(?:plus|and|with|or)\b)[a-z][\w-]{3,})", "", arm,
                 flags=_I)
    # "serplulimab plus EP plus placebo": a placebo beside two treatments stands for a third arm's drug
    arm = re.sub(r"(\S+\s+plus\s+\S.*?)\s+plus\s+(?:matching\s+)?placebo$", r"\1", arm, flags=_I)
    if re.fullmatch(r"(?:the )?(?:\d+|two|three|four|six|nine|twelve)-(?:month|week|day|dose)(?: [\w-]+)? regimen",
                    arm, _I):
        return arm  # "the 4-month regimen": the duration alone names no treatment
    return _ARM_TRAIL.sub("", arm).strip(" ,;:")


_TREATMENT_LIKE = re.compile(rf"{_DRUG}|^(?=[0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]+$|"  # a regimen: "FOLFOX-4", "5-FU/LV"
                             rf"\b(?:surgery|radiation|radiotherapy|chemoradiation|\w*therapy|transplant\w*|SCT|resection|vaccin\w*|"
                             rf"\w*fractionation|prophylaxis|"
                             rf"regimen|treatment|observation)\b|"
                             # a regimen's acronym in a longer name: "high-dose intensity MVAC"
                             rf"(?-i:\b(?!(?:OS|PFS|DFS|EFS|RFS|ORR|HR|CI|AE|QOL)\b)[A-Z]{{3,}}\b)", _I)


def _spell_out(arms: list[str], aliases: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """"atezolizumab plus BCP" -> "atezolizumab plus bevacizumab plus carboplatin plus paclitaxel" when BCP is another
    arm's abbreviation; the aliases follow the arms' new names."""
    renamed = {}
    for arm in arms:
        new = arm
        for alias, other in aliases.items():
            # (an abbreviation, not a word of that arm's own name: "durvalumab" for "durvalumab plus placebo" stays)
            if other != arm and other in arms and not _words(alias) <= _words(other) \
                    and re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", new):
                new = re.sub(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", lambda _, name=other: name, new)
        renamed[arm] = new
    return [renamed[a] for a in arms], {k: renamed.get(v, v) for k, v in aliases.items()}
