"""What kind of study a text reports: design, phase, number of patients, the arms as the paper names them, and
the trial's acronym. Read from the study's own sentences (methods, results), not from the studies it mentions."""

from __future__ import annotations

import re

from .numbers import COUNT, to_float

_I = re.I
_PHASE = re.compile(
    r"\bphase[- ]?(?P<p>I{1,3}V?|IV|[1-4])(?:\s*(?:[ab]\b))?(?:\s*(?:/|-|–|and|or)\s*(?P<q>I{1,3}|[1-3])[ab]?\b)?",
    _I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_RANDOMIZED = re.compile(r"\b(?:were|was|been|being|are) (?:randomly )?(?:randomi[sz]ed|assigned|"
                         r"allocated) (?:\(\d[:：]\d\) )?"
                         r"(?:in a \d:\d ratio )?to\b|\brandomly (?:assigned|allocated)|"
                         r"\b(?:we )?randomi[sz]ed\b[^.]{0,80}\b"
                         r"(?:to|patients|participants)\b|\brandomi[sz]ed,? (?:[\w-]+,? ){0,4}(?:phase|trial|study)|"
                         r"\bunderwent randomi[sz]ation\b|\brandomi[sz]ed (?:controlled |clinical )?trial\b", _I)
_RCT_OF_OTHERS = re.compile(r"\b(?:of|from|in|several|two|three|"
                            r"\d+) (?:\w+ ){0,2}randomi[sz]ed (?:controlled )?trials\b", _I)
_META = re.compile(r"\bmeta-?analys[ie]s\b|\bpooled analysis\b|\bsystematic review\b|"
                   r"\bpooled (?:individual[- ](?:patient|participant) )?data\b", _I)
_OBSERVATIONAL = re.compile(r"\bretrospective(?:ly)?\b|\bcohort study\b|\bconsecutive (?:series|patients)\b|"
                            r"\bregist(?:ry|ries|ers?)\b|\breal[- ]world\b|\bchart review\b|\bcase series\b|"
                            r"\bpopulation-based\b|"
                            r"\bobservational\b|\bpropensity[- ]score\b", _I)
# How a study says it randomised its own patients; a text that only names "a randomised trial" and calls itself a
# cohort or registry study is no trial ("a randomised trial is needed", "a randomised trial in Vietnam found").
_RANDOMIZED_OWN = re.compile(r"\b(?:were|was|been|being|are) (?:randomly )?(?:randomi[sz]ed|assigned|allocated)\b|"
                             r"\brandomly (?:assigned|allocated)|\bwe randomi[sz]ed\b|\bunderwent randomi[sz]ation\b|"
                             r"\b(?:this|our|the present|the current)\s+(?:(?!review|summar|discuss|describ|overview)"
                             r"[\w-]+,?\s+){0,4}?randomi[sz]ed\b", _I)
_SINGLE_ARM = re.compile(r"\bsingle[- ]arm\b|\bopen-label,? (?:[\w-]+,? ){0,3}(?:phase|trial|study)\b|"
                         r"\bdose[- ]escalation\b|"
                         r"\bnon-?randomi[sz]ed\b|\bphase (?:I{1,2}|[12])\b[^.]{0,40}\b(?:trial|study)\b|"
                         r"\bexpansion cohorts?\b|"
                         r"\bpatients (?:were|was) (?:treated|enrolled)\b|\bwe (?:treated|enrolled)\b|\breceived\b", _I)
_OTHER = re.compile(r"\b(?:this|the present|our) (?:mini-?)?(?:review|overview|article|perspective|commentary)\b|"
                    r"\bwe (?:review|summari[sz]e|discuss)\b|\bin (?:mice|murine)\b|\bmouse models?\b|\bin vitro\b", _I)

_WHO = r"(?:patients|participants|subjects|women|men|children|adults|individuals|cases)"
_RATIO = r"(?:,?\s*\(?in a \d:\d ratio\)?,?|\s*\(\d:\d\))?"
_N_PATTERNS = (
    ("randomized", re.compile(
        rf"(?P<n>{COUNT}) (?:\w+ ){{0,4}}?{_WHO}(?: \w+){{0,6}}? (?:were|was|had been|underwent|who were) (?:randomly "
        rf"(?:assigned|allocated)|randomi[sz]ed|randomi[sz]ation)|"
        rf"\b(?:of|a total of|in total,?) (?P<n2>{COUNT}) (?:\w+ ){{0,2}}?(?:patients )?(?:who )?(?:underwent|"
        rf"were) randomi[sz]|\brandomi[sz]ed{_RATIO} (?P<n3>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}|"
        rf"\b(?:randomly )?(?:assigned|allocated){_RATIO} (?P<n6>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}", _I)),
    ("enrolled", re.compile(
        rf"(?P<n>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}(?: \w+){{0,6}}? (?:were|was|had been) (?:enrolled|included|"
        rf"recruited|treated|accrued)|"
        rf"\b(?:enroll(?:ed|ing)|included|recruited|accrued|treated) (?P<n2>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b(?:a total of|in total,?|total of) (?P<n3>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b{_WHO} \((?:N|n) ?= ?(?P<n4>\d[\d,]*)\)|"
        rf"(?:^|(?<=[.—:] )|(?<=[—:])|(?<=\D\.))(?P<n5>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}\b|"
        rf"\b(?:series|cohort|population) of (?P<n7>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}|"
        rf"(?P<n8>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO} (?:received|were given|underwent)\b|"
        rf"\bAmong (?:the |all )?(?P<n9>{COUNT}) (?:enrolled|treated) {_WHO}", _I | re.M)),
    ("evaluable", re.compile(rf"(?P<n>{COUNT}) (?:\w+ ){{0,2}}?(?:patients )?(?:were |was )?"
                             rf"(?:evaluable|assessable)", _I)),
    ("analysed", re.compile(
        rf"(?P<n>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO} (?:were |was )?(?:analy[sz]ed|included in the analysis)|"
        rf"\b(?:identified|analy[sz]ed|reviewed|included|studied|evaluated|profiled)(?: the (?:records|data|"
        rf"charts) of| data from)? (?P<n2>{COUNT}) (?:[\w-]+ ){{0,4}}?{_WHO}|"
        rf"\b(?:review|analysis|study) (?:on|of) (?P<n3>{COUNT}) (?:[\w()-]+ ){{0,4}}?{_WHO}", _I)),
    # The first number of patients the text gives, when nothing above says what it counts.
    ("enrolled", re.compile(rf"\b(?:in|of|from|on|with) (?:the |a total of )?(?P<n>{COUNT}) (?:[\w-]+ ){{0,3}}?{_WHO}\b"
                            rf"(?! (?:with|who) (?:a |an )?(?:response|complete|partial|grade))", _I)),
)

# The arms of a comparison: what follows "randomly assigned ... to receive" up to the sentence's end, split at
# "or" and commas, each cut before its dose and schedule; or the two sides of the title's "X versus Y".
_ASSIGN = re.compile(r"\b(?:randomly |randomised |randomized )?(?:assigned|allocated|"
                     r"randomi[sz]ed)\b(?:[^.;]{0,60}?\bto |"
                     r"[^.;]{0,220}?\bto (?=(?:intravenously |orally )?receive |either |be treated with ))"
                     r"(?:(?:intravenously |orally )?receive |either |be treated with |treatment with )*", _I)
_SCHEDULE = re.compile(r"\s+with\s+(?:\d+|two|three|four|five|six|eight)\s+(?:\w+\s+)?(?:cycles?|doses?|courses?)\b.*$|"
                       r"\s+(?:at|every|once|twice|on days?|for|until|within|intravenously|orally|administered|given|"
                       r"(?:daily|weekly|monthly)(?!\s+[\w-]*(?:taxel|platin|mab|nib|citabine|rubicin|trexate)\b)|"
                       r"q\d|in combination|in an? (?:non-?inferiority|superiority|\d:\d)|as|"
                       r"after|before|followed|during|over|up to|with or|on a|by|"
                       r"in (?:two|three|four|five|six|eight) (?:cycles|doses)?)\b.*$|"
                       # (a dose and what follows it; not "a 4-month regimen", a name)
                       # (nor a drug whose name starts with a digit: "5-FU", "6-mercaptopurine", "177Lu-PSMA-617")
                       r"\s+\d(?!\d*-(?:month|week|day|year|dose|drug)s?\b|-(?:FU|fluoro|MP\b|mercapto|TG\b|thio|aza)|"
                       r"\d*(?:Lu|Y|I|Ra|Sm)-?\d*\b|\d*(?:Lu|Ra)-).*$", _I)
# (not between the days of a schedule: "on days 1, 8 and 15")
_ARM_SPLIT = re.compile(r",?\s+(?:or|versus|vs\.?)\s+(?:to receive\s+|either\s+)?|,\s+(?!\d+(?:,|\s+and\b))", _I)
_ARM_STOP = re.compile(r"^(?:the|a|an|either|receive|patients|to|of|standard(?! (?:of )?care\b)|both|intravenous|"
                       r"oral|subcutaneous|intramuscular|saline|single[- ]agent)\s+", _I)
_ARM_TRAIL = re.compile(r"\s+(?:alone|monotherapy|group|arm|regimen)$", _I)
_NOT_ARM = re.compile(r"^(?:patients?|placebo-controlled|each|treatment|therapy|regimens?|one|two|three|\d+|the same)$",
                      _I)


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
_CONTROL_ARM = re.compile(r"\b(?:placebo|standard|control|observation|usual care|best supportive care|surveillance|"
                          r"watchful waiting)\b|^no (?:further |adjuvant |additional |maintenance )?"
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


def _group_arm(group: str, arms: list[str], spelled: dict[str, str]) -> str | None:
    """The arm of ``arms`` a group name stands for: its abbreviation, its drug, or its role (the combination, the
    control, the experimental arm); None when it cannot be told."""
    g = group.lower()
    if g in spelled and spelled[g] in arms:
        return spelled[g]
    if re.match(r"combin", g):
        combos = [a for a in arms if _COMBINATION_ARM.search(f" {a} ")]
        return combos[0] if len(combos) == 1 else None
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
    exact = [a for a in arms if _words(a) == gw]
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


# An abbreviation an arm is given: "ACP", "TCHP", "mFOLFIRINOX", "ECF/ECX"
_ABBREVIATION = r"[a-z]?[A-Z][A-Za-z0-9+/\-]{1,10}"
# ... alone in its brackets, or first before more ("(ACP)", "(TCHP; group B)")
_ABBREVIATION_FIRST = re.compile(rf"\s*({_ABBREVIATION})\s*(?:$|([;,].*))", re.S)
# ... or last, after the schedule: "(two procedures every 2 weeks, then monthly; RUX-ECP)"
_ABBREVIATION_LAST = re.compile(rf".*;\s*({_ABBREVIATION})\s*$", re.S)


_BRACKET = re.compile(r"[()\[\]]")


def _drop_parentheses(text: str) -> tuple[str, dict[str, int]]:
    """The text without (...) groups, and the abbreviations or roles they held ("(ACP)", "(the control arm)") by the
    index of the arm before."""
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
            label = re.search(r"(?:^|[;,])\s*((?i:group|arm|cohort) (?:[A-D1-4]|I{1,3}))\s*(?:[,;:]|$)", inner)
            short = _ABBREVIATION_FIRST.match(inner)
            short = short.group(1) if short and (label or not short.group(2)) else None
            last = _ABBREVIATION_LAST.match(inner)
            short = short or (last.group(1) if last and not label else None)
            if label or short:  # "(group A)", "(group A, n = 56)", "(ACP)", "(TCHP; group B)"
                at = len(_ARM_SPLIT.split("".join(out))) - 1
                aliases.update({name: at for name in (label and label.group(1), short) if name})
            role = _ROLE_IN_BRACKETS.fullmatch(inner.strip()) or _NAME_IN_BRACKETS.fullmatch(inner.strip())
            if role:  # "bevacizumab plus chemotherapy (the control arm)": what "the control arm" stands for
                name = role.group(1)
                parts = _ARM_SPLIT.split("".join(out))
                at = len(parts) - 1
                words = [w for w in re.split(r"[\s-]+", name.lower()) if len(w) >= 3]
                if role.re is _NAME_IN_BRACKETS and not any(w in parts[at].lower() for w in words):
                    # "lactulose titrated to two or three soft stools daily (lactulose group)": the arm split off
                    # at a schedule's "or" that holds the name
                    at = max((j for j in range(at) if any(w in parts[j].lower() for w in words)), default=at)
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


_DOSE_AMOUNT = r"\d+(?:[.·]\d+)?\s?(?:mg/kg|mg/m2|mg/m²|mg|µg|μg|g)(?![\w/])"
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
    return parts


def _kept_apart(arm: str, part: str) -> str:
    """An arm whose cleaned name another arm shares, named by what tells them apart: its dose ("nivolumab 3 mg/kg")
    or its route ("oral topotecan")."""
    if re.search(r"\d\s?(?:mg|µg|μg|g)\b", part, _I):
        return _clean_arm_dosed(part)
    route = re.match(r"\s*(?:the\s+)?(intravenous|oral|subcutaneous|intratumou?ral)\s", part, _I)
    return f"{route.group(1)} {arm}" if route else arm


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
    arm = re.sub(rf"^\s*then (?:to )?|{_LEADING_SCHEDULE}|"
                 r"^\s*(?:up to )?(?:\d+|two|three|four|five|six|eight|twelve)(?: \d+-day)? "
                 r"(?:months?|weeks?|cycles?|courses?) of\s+|"
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
    # "the standard therapy arm of the investigator's choice": the arm's name ends at "arm"
    arm = re.sub(r"\s+(?:arm|group)\s+(?:of|with)\b.*$", "", arm, flags=_I)
    arm = re.sub(r"\s+(?:plus|and|with|\+|of)$", "", arm.strip(" ,;:"), flags=_I)  # "autologous SCT plus 3 years..."
    arm = re.sub(r"\bplacebos\b", "placebo", arm)  # "or matching placebos": the results say "the placebo group"
    # "nivolumab and a dacarbazine-matched placebo": the double-dummy placebo is no part of the arm's treatment
    arm = re.sub(r"\s+(?:and|plus|with)\s+(?:an?\s+)?[\w-]+-matched\s+placebos?$", "", arm,
                 flags=_I)
    # "serplulimab plus EP plus placebo": a placebo beside two treatments stands for a third arm's drug
    arm = re.sub(r"(\S+\s+plus\s+\S.*?)\s+plus\s+(?:matching\s+)?placebo$", r"\1", arm, flags=_I)
    if re.fullmatch(r"(?:the )?(?:\d+|two|three|four|six|nine|twelve)-(?:month|week|day|dose)(?: [\w-]+)? regimen",
                    arm, _I):
        return arm  # "the 4-month regimen": the duration alone names no treatment
    return _ARM_TRAIL.sub("", arm).strip(" ,;:")


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
_WHO = (r"(?:patients|participants|women|men|children|adults|those|people|individuals|subjects|controls)"
        r"(?: \w+){0,2}? who (?:(?:underwent|received|were treated with|were given|had|started|did)\b)")
_COHORTS_COMPARED = re.compile(rf"\b{_WHO}(?P<a>[^,;.()]{{0,80}}?)\s*(?:\((?P<la>[^()]{{2,60}})\)\s*)?"
                               rf"(?:were|was) compared (?:with|to) (?:{_WHO}|(?:those|patients|controls) (?:treated "
                               rf"with|receiving|given|managed with) )?(?P<b>[^,;.()]{{0,80}}?)"
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
            if name and not _NOT_A_GROUP.search(name) and name.lower() not in (x.lower() for x in named):
                named.append(name)
        if 2 <= len(named) <= 4:
            return named
    for inner in re.findall(r"\(([^()]{5,160})\)", text):
        # "(anti-PD-1 therapy, 3,246; placebo, 3,236)", "(5,106 patients; 3,391 axi-cel, 1,715 tisa-cel)"
        items = [m for piece in re.split(r";\s+", inner)
                 for m in ([_COUNTED_ITEM.match(piece)] if _COUNTED_ITEM.match(piece) else
                           [_COUNTED_ITEM.match(item) for item in re.split(r",\s+", piece)])]
        names = [(m.group("a") or m.group("b")).strip() for m in items if m]
        names = [x for x in names if not _NOT_A_GROUP.search(x)]
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


def _arms_not_randomized(text: str, groups: list[str], title_arms: list[str]) -> tuple[list[str], dict[str, str]]:
    """The groups a study that is no trial compares: those its results name, the cohorts its methods compare, the
    title's "X versus Y", or the one comparison it describes."""
    named = [g for g in groups if not _ROLE_GROUP.match(g)]
    if len(named) >= 2:
        # "the combination group" beside "the doxorubicin-plus-trabectedin group": a role, not another arm
        return named[:4], {}
    if len(groups) >= 2:
        return groups[:4], {}
    cohorts = _compared_cohorts(text)
    if cohorts:
        return cohorts
    labelled = labelled_arms(text)  # "Cohort A comprised patients who received SRS ...; cohort B ..."
    if len(set(labelled.values())) >= 2:
        return _spell_out(list(dict.fromkeys(labelled.values()))[:4], labelled)
    defined = _defined_cohorts(text)
    if defined:
        return defined, {}
    users = _USERS.search(text)
    if users:
        return [f"{users.group('x')} users", "non-users"], {}  # "antibiotic users" and "non-users"
    arms = [a for a in (_clean_arm(t) for t in title_arms) if 2 <= len(a) <= 60 and not _NOT_ARM.match(a)]
    pairs = _compared_pairs(text)
    # "Another trial ... compared gemcitabine plus carboplatin with carboplatin."
    sizes = [[_clean_arm(m.group("a")), _clean_arm(m.group("b"))] for m in _GROUP_SIZES.finditer(text)]
    aliases: dict[str, str] = {}
    if len(arms) < 2 and len(pairs) + len(sizes) == 1:
        # (one comparison: a review's several are read a sentence at a time)
        arms = pairs[0][0] if pairs else sizes[0]
        aliases = {alias: arms[at] for alias, at in pairs[0][1].items()} if pairs else {}
    if len(arms) < 2:
        # the groups it counts: "(3,391 axi-cel, 1,715 tisa-cel)" (a comparison it names says more: "comparing
        # inactivated influenza vaccine with placebo" over "(4510 vaccinated, 4491 controls)")
        arms = _sized_groups(text)
    if len(arms) < 2:
        arms, aliases = _received_one_of(text)
    return (arms[:4], aliases) if len(arms) >= 2 else ([], {})  # the title's "X versus Y"


def _the_same(part: str, arm: str, first: str) -> str:
    """An arm named by the first: "the same radiotherapy alone" -> "short-course radiotherapy" (the first arm's words
    up to that treatment), "the same regimen plus romiplostim" -> the first arm plus romiplostim."""
    same = re.match(r"\s*(?:to\s+)?(?:the\s+)?same\s+(?P<x>[\w-]+)(?P<rest>.*)$", part, re.S | _I)
    if not same:
        return arm
    x, rest = same.group("x"), _clean_arm(same.group("rest"))
    if x.lower() in ("regimen", "treatment", "therapy", "schedule", "combination"):
        return f"{first} {rest}".strip() if rest.lower().startswith(("plus ", "with ")) else first
    earlier = re.match(rf"(.*?\b{re.escape(x)})\b", first, _I)
    return earlier.group(1) if earlier and not rest else arm


def _part_name(part: str, i: int, arm: str, aliases: dict[str, int]) -> str:
    """The name of the methods' ``i``-th arm, ``part`` as written and ``arm`` cleaned: a sequence by its label or as
    a sequence, a name too long to read by its abbreviation."""
    named = [alias for alias, at in aliases.items() if at == i and not _ROLE_GROUP.match(alias)
             and not re.fullmatch(r"(?:group|arm|cohort) \w+", alias, _I)]
    steps = [_clean_arm(x) for x in re.split(r"\s+followed by\s+", part, maxsplit=1, flags=_I)]
    if named and re.search(r"\bfollowed by\b|\bthen\b", part, _I):
        # "SABR to all sites followed by maintenance therapy (SABR arm)": a sequence, named by its label
        arm = named[0]
    elif len(steps) == 2 and all(steps) and i > 0 and len(" followed by ".join(steps)) <= 60:
        # "GnP for four months followed by mFOLFIRINOX (arm 3)" beside "gemcitabine plus nab-paclitaxel (GnP; arm
        # 2)": the sequence, not its first part
        arm = " followed by ".join(steps)
    if len(arm) > 60:
        arm = next((short for alias, at in aliases.items() if at == i
                    for short in [_abbreviated(arm, alias)] if short), arm)
    if len(arm) > 60 and named and re.fullmatch(r"[A-Za-z][\w+/-]{1,11}", named[0]):
        # "a modified regimen of fluorouracil, leucovorin, irinotecan, and oxaliplatin (mFOLFIRINOX; group 3)": too
        # long to read as a name, named by the abbreviation the text gives it
        arm = named[0]
    return arm


def arms_with_aliases(title: str, text: str, design: str) -> tuple[list[str], dict[str, str]]:
    """The arms of a comparison as the methods (or the title) name them, and their abbreviations (ABCP -> arm) and
    labels ("group 1", "the nivolumab-alone group", "the combination group" -> arm). A text that reports no trial of
    its own still names its groups ("7.7 months in the tremelimumab group and 7.3 months in the placebo group")."""
    groups = _group_names(text)
    head = re.split(r"\s+(?:in|for|among|as|after|on)\s+|[:;(]", title or "")[0]
    title_arms = re.split(r",?\s+(?:or|versus|vs\.?|compared with)\s+", head, flags=_I) \
        if re.search(r"\b(?:versus|vs\.?|compared with)\s", head, _I) else []
    if design not in ("randomized", "single-arm"):
        return _arms_not_randomized(text, groups, title_arms)
    labelled = labelled_arms(text)
    if len(set(labelled.values())) >= 2:
        return _spell_out(list(dict.fromkeys(labelled.values()))[:4], labelled)
    candidates = _candidates(text, title_arms)
    spelled = {}
    for parts, aliases in candidates:
        for alias, at in aliases.items():
            if at < len(parts) and _clean_arm(parts[at]):
                spelled[alias.lower()] = _clean_arm(parts[at])
    methods: tuple[list[str], dict[str, str]] = ([], {})
    for parts, aliases in candidates:
        parts = _doses_of_one_drug(_shared_tail_dropped(parts))
        arms, alias_of = [], {}
        cleaned = [_clean_arm(part) for part in parts]
        collapsed = {c.lower() for c in cleaned if c and sum(d.lower() == c.lower() for d in cleaned) > 1}
        for i, part in enumerate(parts):
            arm = _part_name(part, i, cleaned[i], aliases)
            if i and arms:
                arm = _the_same(part, arm, arms[0])
            if arm.lower() in collapsed:
                arm = _kept_apart(arm, part)
            if 2 <= len(arm) <= 60 and re.search(r"[A-Za-z]{2}", arm) and not _NOT_ARM.match(arm) \
                    and not re.fullmatch(r"[a-z]{1,2}", arm) \
                    and arm.lower() not in (a.lower() for a in arms):
                arms.append(arm)
                for alias, at in aliases.items():
                    if at == i:
                        alias_of[alias] = arm
        if len(arms) >= 2:
            methods = (arms[:4], alias_of)
            break
    if len(groups) >= 2:
        # The results' groups are the methods' arms when each can be told which ("the ABCP group", "the
        # nivolumab-alone group", "the combination-therapy group"); else the groups are the arms, as the results name
        # them.
        arms, alias_of = methods
        mapped = {g: _group_arm(g, arms, spelled) for g in groups}
        unmapped, unused = [g for g in groups if not mapped[g]], [a for a in arms if a not in mapped.values()]
        if len(unmapped) == 1 and len(unused) == 1 and (
                _ROLE_GROUP.match(unmapped[0]) or len(groups) == len(arms) == 2
                and _TREATMENT_LIKE.search(unused[0])
                and not re.search(r"(?:^|\s)(?:either|or|and|plus|with)$", unused[0])):
            # "the standard-therapy group": the one arm left; "the radiation group" beside "the control group" (no
            # further therapy) in a trial of PCI (not an arm the methods were misread into: "... plus either")
            mapped[unmapped[0]] = unused[0]
        if arms and all(mapped.values()):
            # An arm no group stands for is kept when it names a treatment (not "web response system").
            # (or when the methods gave it a short name: "(Pred+NAC)")
            arms = [a for a in arms if a in mapped.values() or re.search(_DRUG, a, _I) or a in alias_of.values()]
            return _spell_out(arms, {**{k: v for k, v in alias_of.items() if v in arms},
                                     **{g: a for g, a in mapped.items() if g.lower() != a.lower()}})
        shared = [g for g in unmapped if sum(bool(_words(g)) and _words(g) <= _words(a)
                                            and bool(re.search(_DOSE_AMOUNT, a, _I)) for a in arms) >= 2]
        if shared and len(shared) == len(unmapped) and len(arms) > len(groups):
            # "with RTM 1 mg, ... with RTM 2 mg and ... with placebo": the results' group is the drug, the methods'
            # arms its doses
            return _spell_out(arms, alias_of)
        # "the radiation-alone arm" beside "the radiation therapy arm": one group, named twice
        shorter = {g: longer for g in groups for longer in groups
                   if longer.lower().startswith(g.lower() + " ") and not _COMBINATION_ARM.search(longer)}
        groups = [g for g in groups if g not in shorter]
        return _spell_out([spelled.get(g.lower(), g) for g in groups][:4],
                          {**{g: spelled[g.lower()] for g in groups if g.lower() in spelled}, **shorter})
    # (a cohort study read as a trial by its words: "not yet tested in randomised trials", "phase")
    cohorts = None if methods[0] else _compared_cohorts(text)
    return cohorts or _spell_out(*methods)


_WITH_OR_WITHOUT = re.compile(r"(?P<x>[\w-]+) with or without (?P<y>[\w-]+(?: (?!or\b|and\b)[\w-]+){0,2})", _I)
# "compared BR versus FCR as first-line therapy", "compared ofatumumab plus chlorambucil with chlorambucil alone"
# (read with the parentheses dropped: "compared X (experimental arm) with Y"; X may be long before its schedule is cut)
_COMPARED_PAIR = re.compile(r"\bcompar(?:ed|ing) (?!with\b|to\b|versus\b|vs\b|between\b)(?:the )?"
                            r"(?P<a>[^,;.()]{2,120}?) "
                            r"(?:with|to|versus|vs\.?) (?:the )?"
                            r"(?P<b>[^,;.()]{2,90}?)(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at)\b|$))|"
                            # "the efficacy of FOLFOX-4 were compared with the same 5-FU/LV regimen without oxaliplatin"
                            r"\b(?:efficacy|effects?|outcomes?|results|safety) of (?P<pa>[^,;.()]{2,60}?) (?:was|were) "
                            r"compared (?:with|to) (?:the same |a )?(?P<pb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))|"
                            # "..., tivozanib was compared with sorafenib.": a clause's subject, compared
                            r"(?:^|[,;:]\s*)(?P<qa>[A-Za-z][\w+/-]*(?: (?:plus|and|\+|with) [\w+/-]+)?) (?:was|were) "
                            r"compared (?:with|to|versus) (?:the |a )?(?P<qb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))|"
                            # "evaluated the efficacy of a high-dose MVAC regimen ... versus a classic MVAC regimen"
                            r"\b(?:efficacy|effects?|safety) of (?:the |a |an )?(?P<va>[^,;.()]{2,120}?) "
                            r"(?:versus|vs\.?) (?:the |a |an )?(?P<vb>[^,;.()]{2,90}?)"
                            r"(?=\s*(?:[.;,(\[]|\b(?:as|in|for|among|after|at|without|administered|given)\b|$))", _I)
_TREATMENT_LIKE = re.compile(rf"{_DRUG}|^(?=[0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]+$|"  # a regimen: "FOLFOX-4", "5-FU/LV"
                             rf"\b(?:surgery|radiation|radiotherapy|chemoradiation|\w*therapy|transplant\w*|SCT|resection|vaccin\w*|"
                             rf"\w*fractionation|prophylaxis|"
                             rf"regimen|treatment|observation)\b|"
                             # a regimen's acronym in a longer name: "high-dose intensity MVAC"
                             rf"(?-i:\b(?!(?:OS|PFS|DFS|EFS|RFS|ORR|HR|CI|AE|QOL)\b)[A-Z]{{3,}}\b)", _I)


# "compared the BTK inhibitors acalabrutinib and ibrutinib": two drugs of a class, compared
_COMPARED_CLASS = re.compile(rf"\bcompar(?:ed|ing) (?:the )?(?:[\w-]+ ){{0,3}}?(?:inhibitors|agents|drugs|antibodies|"
                             rf"regimens|vaccines) (?P<a>{_DRUG}) and (?P<b>{_DRUG})\b", _I)


def _compared_pairs(text: str) -> list[tuple[list[str], dict[str, int]]]:
    """The treatments a text compares ("compared X with Y", "compared sunitinib with either A or B"), each cleaned,
    with the abbreviations the text gives them in brackets ("bendamustine and rituximab (BR)") by the arm's index."""
    out = []
    for m in _COMPARED_PAIR.finditer(_drop_parentheses(text)[0]):
        if re.search(r"\b(?:patients|those|who|participants)\b", m.group(0), _I):
            continue  # "compared patients treated with the MEK inhibitor with those who received chemotherapy"
        parts = [m.group("a") or m.group("pa") or m.group("qa") or m.group("va")] + re.split(
            r"^either\s+|\s+or\s+", m.group("b") or m.group("pb") or m.group("qb") or m.group("vb"))
        arms = [_clean_arm(p) for p in parts if p.strip()]
        if len(arms) >= 2 and all(2 <= len(a) <= 60 and _TREATMENT_LIKE.search(a) and not _NOT_ARM.match(a)
                                  and not re.match(r"(?:one|any|each|all|some|several|two|three)\b", a, _I)
                                  and not re.search(r"\b(?:patients|survival|outcomes?|rates?|results|compar\w*|"
                                                    r"OS|PFS|EFS|DFS|FFS|RFS|ORR)\b", a, _I)
                                  for a in arms):
            aliases = {}
            for at, arm in enumerate(arms):
                abbreviation = re.search(rf"(?<![\w-]){re.escape(arm)}\s*\(({_ABBREVIATION})[),;]", text)
                if abbreviation:
                    aliases[abbreviation.group(1)] = at
            if [a.lower() for a in arms] not in ([a.lower() for a in x] for x, _ in out):  # the same pair again
                out.append((arms, aliases))
    for m in _COMPARED_CLASS.finditer(text) if "ompar" in text or "OMPAR" in text else ():
        arms = [m.group("a"), m.group("b")]
        if arms[0].lower() != arms[1].lower() and [a.lower() for a in arms] not in ([a.lower() for a in x]
                                                                                   for x, _ in out):
            out.append((arms, {}))
    return out


_DOSE = r"(?:\d+(?:[.·]\d+)?\s?(?:mg/kg|mg/m2|mg|µg|μg|g)\b|every \d+ (?:weeks|days)|once (?:daily|weekly)|twice daily)"
# "patients receiving pembrolizumab every 2 weeks", "patients who received 10 mg of tarlatamab"
_DOSE_GROUP = re.compile(rf"\b(?:patients|those|participants)(?: who were| who)? (?:receiving|received|treated with|"
                         rf"given) (?:(?P<d>{_DRUG})(?: at(?: a dose of)?)? (?P<q>{_DOSE})|"
                         rf"(?P<q2>{_DOSE}) (?:of )?(?P<d2>{_DRUG}))", _I)


def dose_arms(text: str, arms: list[str]) -> list[str]:
    """The arms with an arm the text splits by dose or schedule written out ("pembrolizumab" -> "pembrolizumab every 2
    weeks", "pembrolizumab every 3 weeks"), in the order the text names them."""
    if "receiv" not in text and "treated" not in text and "given" not in text:
        return arms
    by_drug: dict[str, list[str]] = {}
    for m in _DOSE_GROUP.finditer(text):
        drug, dose = (m.group("d"), m.group("q")) if m.group("d") else (m.group("d2"), m.group("q2"))
        name = f"{drug} {dose}"
        names = by_drug.setdefault(drug.lower(), [])
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    out: list[str] = []
    for arm in arms:
        split = by_drug.get(arm.lower(), [])
        out += split if len(split) >= 2 else [arm]
    out = list(dict.fromkeys(out))
    if len(out) <= len(arms) or all(a in arms for a in out):
        return arms

    def first(arm: str, start: int = 0) -> int:  # where the text first names the arm as the patients given it
        m = re.compile(rf"\b(?:patients|those|participants)(?: who were| who)? (?:receiving|received|treated with|"
                       rf"given) {re.escape(arm)}\b", _I).search(text, start)
        return m.start() if m else len(text)

    # The order of the list that names the dose groups (not of an earlier sentence that names one arm)
    start = max(0, min(first(a) for a in out if a not in arms) - 200)
    return sorted(out, key=lambda a: (first(a, start), out.index(a)))[:4]



_GIVEN = r"\d+ (?:patients |participants )?(?:were )?(?:treated with|received|receiving|given|assigned to)"
_GROUP_SIZES = re.compile(rf"\b{_GIVEN} (?P<a>[\w-]+(?: (?:plus|and|\+) [\w-]+)?),? and {_GIVEN} "
                          rf"(?P<b>[\w-]+(?: (?:plus|\+) [\w-]+)?)", _I)


def _join_drug_lists(rest: str, aliases: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """The arms of "either X or Y", with one arm's own list of drugs kept whole: "the combination of liposomal
    irinotecan, 5-FU, and leucovorin (arm A) or cisplatin plus gemcitabine (arm B)"."""
    pieces = re.split(f"({_ARM_SPLIT.pattern})", rest, flags=_I)
    for i in range(len(pieces) - 2, 0, -2):
        if re.search(r"\b(?:plus|with|and) either [\w-]+$", pieces[i - 1], _I) and re.fullmatch(r"\s*or\s*", pieces[i]):
            # "gemcitabine plus either cisplatin or carboplatin": one arm's choice of drug, not two arms
            pieces[i - 1:i + 2] = ["".join(pieces[i - 1:i + 2])]
    if sum(bool(re.fullmatch(r",?\s+(?:versus|vs\.?)\s+", p, _I)) for p in pieces[1::2]) == 1 \
            and len(pieces) == 5 and re.fullmatch(r"\s+or\s+", pieces[3], _I):
        # "bendamustine and rituximab versus R-CHOP or R-CVP": the comparator is the choice of two regimens
        pieces[2:5] = ["".join(pieces[2:5])]
    parts, seps = pieces[0::2], pieces[1::2]
    if not any(re.match(r"and\s", p) for p in parts[1:]):
        return parts, aliases
    runs: list[list[int]] = [[0]]
    for i, sep in enumerate(seps):
        if re.search(r"\b(?:or|versus|vs)\b", sep, _I):
            runs.append([i + 1])
        else:
            runs[-1].append(i + 1)
    merged: list[str] = []
    index: dict[int, int] = {}
    for run in runs:
        if len(run) > 1 and re.match(r"and\s", parts[run[-1]]) and len(runs) > 1:
            merged.append(", ".join(parts[j] for j in run))
            index.update({j: len(merged) - 1 for j in run})
        else:
            for j in run:
                merged.append(parts[j])
                index[j] = len(merged) - 1
    return merged, {alias: index.get(at, at) for alias, at in aliases.items()}


def _clause_end(text: str, start: int, most: int = 400) -> int:
    """Where the sentence or clause from ``start`` ends: the first full stop or semicolon outside brackets ("to
    dexmedetomidine (0.2-1.5 µg/kg/h; n = 201), propofol (...) or midazolam (...).")."""
    depth = 0
    for i in range(start, min(len(text), start + most)):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".;" and not depth and not (i > 0 and text[i - 1].isdigit()) \
                and not (i + 1 < len(text) and text[i + 1].isdigit()):
            return i
    return min(len(text), start + most)


def _candidates(text: str, title_arms: list[str]) -> list[tuple[list[str], dict[str, int]]]:
    """The lists of arms the methods may name, most trusted first, each with the abbreviations it defines."""
    candidates: list[tuple[list[str], dict[str, int]]] = []
    for m in _ASSIGN.finditer(text):
        rest, aliases = _drop_parentheses(text[m.end():_clause_end(text, m.end())])
        rest = _WITH_OR_WITHOUT.sub(r"\g<x> plus \g<y> or \g<x>", rest)  # "gemcitabine with or without cisplatin"
        candidates.append(_join_drug_lists(rest, aliases))
    if title_arms:
        candidates.append((title_arms, {}))
    pairs = _compared_pairs(text)
    if len(pairs) == 1:  # one comparison, the study's; a review's several are read a sentence at a time
        candidates.append(pairs[0])
    seen: set[tuple[int, int]] = set()
    for hit in _VERSUS.finditer(text):  # (only around its "versus": run over a whole text, the pattern is slow)
        for m in _DRUG_VS.finditer(text, max(0, hit.start() - 120), hit.end() + 120):
            if m.span() not in seen:
                seen.add(m.span())
                candidates.append(([m.group("a"), m.group("b")], {}))
    for m in _GROUP_SIZES.finditer(text):  # "(12 treated with nabiximols and 9 treated with placebo)"
        candidates.append(([m.group("a"), m.group("b")], {}))
    for m in _ASSESSED_OR.finditer(_drop_parentheses(text)[0]):
        parts = [m.group("a"), m.group("b")]
        if all(2 <= len(_clean_arm(p)) <= 60 and _TREATMENT_LIKE.search(_clean_arm(p)) for p in parts):
            candidates.append((parts, {}))
    return candidates


# A randomized trial's "assessed the use of oral topotecan (...) or intravenous topotecan (...)": its two arms
_ASSESSED_OR = re.compile(r"\b(?:assessed|evaluated|tested|investigated|examined) (?:the (?:use|efficacy|role) of )?"
                          r"(?P<a>[^,;.()]{2,60}?) or (?P<b>[^,;.()]{2,60}?)(?=\s*(?:[.;,]|\b(?:in|for|among)\b|$))",
                          _I)


def _spell_out(arms: list[str], aliases: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """"atezolizumab plus BCP" -> "atezolizumab plus bevacizumab plus carboplatin plus paclitaxel" when BCP is another
    arm's abbreviation; the aliases follow the arms' new names."""
    renamed = {}
    for arm in arms:
        new = arm
        for alias, other in aliases.items():
            if other != arm and other in arms and re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", new):
                new = re.sub(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", lambda _, name=other: name, new)
        renamed[arm] = new
    return [renamed[a] for a in arms], {k: renamed.get(v, v) for k, v in aliases.items()}


_TRIAL = re.compile(r"\b(?:KEYNOTE|CheckMate|IMpower|IMbrave|IMvigor|JAVELIN|PACIFIC|CASPIAN|POSEIDON|EMPOWER|ORIENT|"
                    r"RATIONALE|CodeBreaK|KRYSTAL|ZUMA|JULIET|ELIANA|TRANSCEND|KarMMa|CARTITUDE|COMBI|coBRIM|"
                    r"DESTINY|CLEOPATRA|OAK|POPLAR|MYSTIC|ARCTIC|ATLANTIC|DANUBE|NADIM|NEOSTAR|RELATIVITY|"
                    r"[A-Z][A-Za-z]{2,}[A-Z]?)[- ]?\d{2,4}[A-Za-z]?\b|\b(?:OAK|POPLAR|PACIFIC|MYSTIC|CASPIAN|ARCTIC|"
                    r"ATLANTIC|DANUBE|NADIM|MONALEESA|PROSPECT)\b")
_KNOWN_TRIAL = re.compile(r"(?:CheckMate|CodeBreaK)\b")
_NOT_TRIAL = re.compile(r"^(?:CD|IL|PD|HLA|NCT|MHC|CTLA|TLR|COVID|SARS|HER|VEGF|FGF|KRAS|BRAF|EGFR|ALK|ROS|MET|TP|"
                        r"ECOG|RECIST|TNM|AJCC|MAGE|NY|WHO|ISRCTN|EudraCT|UMIN|JPRN|ChiCTR|ACTRN|DRKS|Grade|Phase|"
                        r"Stage|Figure|Table|Version|GP|gp|MART|LAG|TIM|TIGIT|OX|KIR|NKG|ICOS)", _I)


def phase_of(text: str) -> str | None:
    m = _PHASE.search(text)
    if not m:
        return None
    p = _ROMAN.get(m.group("p"), m.group("p").upper())
    q = m.group("q")
    if q:
        q = _ROMAN.get(q, q.upper())
        return "I/II" if (p, q) == ("I", "II") else (p if p not in ("I", "II") else "I/II")
    return p if p in ("I", "II", "III", "IV") else None


def design_of(title: str, text: str) -> str:
    """randomized | single-arm | observational | meta-analysis | other, the title's words first."""
    title = title or ""
    if _META.search(title):
        return "meta-analysis"
    if re.search(r"\brandomi[sz]ed\b", title, _I) and not _RCT_OF_OTHERS.search(title):
        return "randomized"
    if _OTHER.search(text) and not _RANDOMIZED_OWN.search(text):
        return "other"  # ("Here we review ...": a review that names "a randomised phase 3 trial" reports none)
    if _META.search(text) and re.search(r"\b(?:we|this|our|present)\b[^.]{0,60}\b(?:meta-?analys|pooled analysis|"
                                        r"systematic|pooled (?:individual|data))", text, _I):
        return "meta-analysis"
    if _RANDOMIZED.search(text) and not (_RCT_OF_OTHERS.search(text) and not re.search(
            r"\b(?:were|was) randomi[sz]ed|randomly (?:assigned|allocated)", text, _I)) \
            and not (_OBSERVATIONAL.search(text) and not _RANDOMIZED_OWN.search(text)):
        return "randomized"
    if _OBSERVATIONAL.search(title) or _OBSERVATIONAL.search(text):
        return "observational"
    if _SINGLE_ARM.search(title) or _SINGLE_ARM.search(text):
        return "single-arm"
    return "other"


_N_WORD = re.compile(r"\b(?:patients|participants|subjects|women|men|children|adults|individuals|cases|evaluable|"
                     r"assessable|randomi[sz])", _I)


def n_of(text: str) -> dict | None:
    """The study's main number of patients and what it counts (randomized > enrolled > evaluable > analysed)."""
    # The patterns are tried only around the words they need: running them over a whole text is slow.
    windows: list[tuple[int, int]] = []
    for hit in _N_WORD.finditer(text):
        a, b = max(0, hit.start() - 140), min(len(text), hit.end() + 90)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    for what, pattern in _N_PATTERNS:
        for a, b in windows:
            for m in pattern.finditer(text, a, b):
                group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9")
                             if g in m.groupdict() and m.group(g))
                value = to_float(m.group(group).replace(",", "") if m.group(group)[:1].isdigit() else m.group(group))
                if re.search(r"\d\s*(?:of|/)\s*$", text[max(0, m.start(group) - 8):m.start(group)]):
                    continue  # "128 of 212 patients": a share of the study, not its size
                if value is None or value < 2 or value != int(value) or 1900 <= value <= 2100:
                    continue
                return {"value": int(value), "what": what, "text": m.group(0), "char_start": m.start(),
                        "char_end": m.end()}
    return None


_OWN_TRIAL = re.compile(r"\b(?:the (?:current|present|new)|this|our) (?:[\w-]+ ){0,3}?(?:trial|study)\b|"
                        r"\b(?:patients|participants) were "
                        r"(?:randomly (?:assigned|allocated)|randomi[sz]ed|enrolled)\b", _I)


def trial_names(text: str) -> list[str]:
    """The trials' acronyms a text names, in order (an acronym of the list, or two capitals: "CheckMate 238", not
    "Study 301")."""
    return [m.group(0) for m in _TRIAL.finditer(text) if not _NOT_TRIAL.match(m.group(0))
            and (re.search(r"[A-Z]{2}", m.group(0)) or _KNOWN_TRIAL.match(m.group(0)))]


def same_trial(a: str, b: str) -> bool:
    """"KEYNOTE-006" is "KEYNOTE 006" and "Keynote006"."""
    return re.sub(r"[\s-]", "", a).lower() == re.sub(r"[\s-]", "", b).lower()


def trial_of(title: str, text: str) -> str | None:
    """The trial's acronym (KEYNOTE-006, CheckMate 067, OAK) when the title or text names one."""
    names = trial_names(title or "")
    if names:
        return names[0]
    # (the text's first 1,500 characters, the last word whole: "CheckMate-066" cut at "CheckMate-06" is another)
    names = trial_names(re.match(r"[\s\S]{0,1500}\S*", text).group(0))
    # A text that names several: the one its own study's sentence names ("In the current trial, called KEYNOTE-002,
    # 540 patients were randomly assigned"), not the earlier trial the background names (read a little further).
    window = re.match(r"[\s\S]{0,2500}\S*", text).group(0)
    found = list(_TRIAL.finditer(window))
    if len({re.sub(r"[\s-]", "", n).lower() for n in trial_names(window)}) > 1:  # (as same_trial reads them)
        for m in found:
            if not trial_names(m.group(0)):
                continue
            a = max(window.rfind(". ", 0, m.start()), window.rfind("\n", 0, m.start())) + 1
            b = window.find(". ", m.end())
            sentence = window[a:b if b >= 0 else len(window)]
            if _OWN_TRIAL.search(sentence):
                return m.group(0)
    return names[0] if names else None
