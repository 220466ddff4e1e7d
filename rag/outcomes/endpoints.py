"""Which endpoint each value of a sentence is filed under (the endpoint words are in endpoint_words.py): the
nearest word that fits its unit, a pair of endpoints named together and their values in order, a list's items
under the word its last item found, a hazard ratio's endpoint from the words around it."""

from __future__ import annotations

import re

from .endpoint_words import _PARENTHESES, _Mention, _mentions, _one_kind_of_event
from .numbers import COUNT
from .values import _Value


_RESPECTIVELY_COMMAS = re.compile(r"\s*,\s*respectively\s*,\s*", re.I)
# A share of responders ("84% of responses were ongoing"), not a response rate: words between the endpoint word and
# its value, a share "of responders" right after the value, or responders named as the clause's population before it.
_OF_RESPONDERS = re.compile(r"\b(?:defined as|threshold|cut-?off|ongoing|continuing|remain(?:ed|s)? in|"
                            r"(?:was|were|is|are) (?:evaluable|assessable|assessed|evaluated|measurable)|"
                            r"still in|of (?:the )?(?:\d+ )?(?:confirmed )?"
                            r"responders|among (?:the )?responders|unconventional|immune-pattern|stabili[sz]ation)\b",
                            re.I)
_RESPONDERS_AFTER = re.compile(r"[\s)\]]*(?:of \d+ )?(?:(?:of|among) (?:the |all |these )?(?:\d+ )?"
                               r"(?:confirmed |objective )?(?:responders|responses|responding patients)\b|"
                               r"(?:of|among) (?:the )?(?:patients|those) who (?:had )?(?:responded|a response)\b|"
                               r"[^;,.]{0,40}?\b(?:were|was|remain(?:ed)?) (?:still )?"
                               r"(?:ongoing|continuing|in (?:response|remission)))",
                               re.I)
_RESPONDERS_BEFORE = re.compile(r"\b(?:of|among|for|in) (?:the |all |these )?(?:\d+ )?"
                                r"(?:confirmed |objective |complete |partial )?responders\b[^;]*$", re.I)
# "(9%) achieved", "(53%) of 15 patients treated with X in the Y cohort had": the value is the subject's.
_TIED_BY_VERB = re.compile(rf"(?P<who>(?:of\s+(?:the\s+)?(?:{COUNT})\s+)?(?:[\w-]+\s+){{0,2}}?"
                           rf"(?:patients?|participants|subjects|those)\b[^,;()]{{0,80}}?\s)?(?:who\s+|that\s+)?"
                           rf"(?:had|achieved|experienced|showed|developed|attained|obtained|having|achieving|"
                           rf"experiencing|showing|developing|attaining|obtaining)\b", re.I)


# Words of measures outside the vocabulary: a value they take is no outcome.
_NOT_ENDPOINTS = {"STOP", "PR", "SD", "MFS", "DSS", "MPR"}
_FAMILY_UNITS = {
    "ORR": ("%",), "CR": ("%",), "DCR": ("%",), "pCR": ("%",), "AE3": ("%",), "PR": ("%",), "SD": ("%",),
    "PFS": ("%", "time"), "OS": ("%", "time"), "DFS": ("%", "time"), "RFS": ("%", "time"), "EFS": ("%", "time"),
    "DOR": ("time",), "TTP": ("time",), "HR": ("bare",), "OR": ("bare",), "STOP": ("%", "time", "bare"),
    "MFS": ("%", "time"), "DSS": ("%", "time"), "MPR": ("%",),
}


_CORRESPONDING = re.compile(r"\b(?:the )?corresponding (?:values?|rates?|figures?|medians?|proportions?|estimates?)\b",
                            re.I)
_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|or)\s+(?:the\s+)?(?:median\s+)?(?:[\w-]+\s+){0,2}?", re.I)
_PAIR_KINDS = {"ORR", "CR", "DCR", "pCR", "AE3", "PFS", "OS", "DFS", "RFS", "EFS", "DOR", "TTP", "MFS", "DSS", "MPR",
               "PR", "SD", "STOP"}


def _paired(text: str, e: int, mentions: list[_Mention], values: list[_Value],
            respectively: bool) -> dict[int, _Mention]:
    """"The objective response rate and the progression-free survival rate were 40% and 78%, respectively": two
    endpoints named together, then their values in the same order (in pairs, when the list goes on for another
    cohort). {id(value): its endpoint word}."""
    out: dict[int, _Mention] = {}
    for i in range(len(mentions) - 1):
        m1, m2 = mentions[i], mentions[i + 1]
        if m1.kind == m2.kind or m1.kind not in _PAIR_KINDS or m2.kind not in _PAIR_KINDS \
                or not _PAIR_GAP.fullmatch(text, m1.end, m2.start):
            continue
        after = [v for v in values if v.start > m2.end]
        end = next((x.start for x in mentions[i + 2:] if x.start > m2.end and x.kind in _PAIR_KINDS), e)
        semicolon = text.find(";", m2.end, end)
        end = semicolon if semicolon >= 0 else end
        run = [v for v in after if v.end <= end]
        if len(run) < 2 or len(run) % 2 or len(run) > 6 or len({v.unit.split(":")[0] for v in run}) > 1 \
                or (len(run) > 2 and not respectively) or text[m2.end:run[0].start].count(",") > 1:
            continue
        for j, v in enumerate(run):
            out[id(v)] = (m1, m2)[j % 2]
    return out


def _continues(text: str, prev: _Value, v: _Value, mentions: list[_Mention]) -> bool:
    """Is ``v`` the next item of a list that ``prev`` started (same unit, close, no endpoint word between)?"""
    gap = text[prev.tail:v.start]
    return (prev.unit == v.unit and len(gap) <= 70 and not any(prev.tail <= m.start < v.start for m in mentions)
            and bool(re.search(r"\b(?:and|versus|vs\.?|v\.?|compared (?:with|to)|to|or)\b|,", gap))
            # "grade 3-4 events in 30%, including neutropenia in 12%": a part of the first value, not a next item
            and not re.search(r"\b(?:including|such as|mainly|mostly|namely|most commonly)\b", gap, re.I))


def _word_for(text: str, v: _Value, mentions: list[_Mention], s: int) -> _Mention | None:
    """The endpoint word a value is said of (of any kind, a word outside the vocabulary too), or None when the
    nearest is too far for the value to be its."""
    found = _nearest(text, v, mentions, s, skip_enclosed=True)
    if found is None or found[0].kind == "STOP":
        found = _nearest(text, v, mentions, s, skip_enclosed=False) or found
    if v.unit == "bare" and v.ci[0] is not None and (found is None or found[0].kind == "STOP" and found[1] > 10):
        # A ratio with its CI, the ratio named earlier in the sentence: "Hazard ratios for overall survival favoured
        # the combination across subgroups, including patients aged 65 years or older (0.70; 95% CI, 0.53-0.92)".
        ratio = [m for m in mentions if m.kind in ("HR", "OR") and m.end <= v.start]
        found = (ratio[-1], 0.0) if ratio else found
    if found is None:
        return None
    best, best_cost = found
    enclosed = [(m.start(), m.end()) for m in _PARENTHESES.finditer(text, best.end, v.start)]
    if best_cost > 140 and (best_cost > 220 or best.end > v.start or any(
            best.end <= m.start < v.start and not any(a < m.start < b for a, b in enclosed) for m in mentions)
            or re.search(r"[;:]", _PARENTHESES.sub("", text[best.end:v.start]))):
        return None  # far from its word: only when the word is the clause's subject and nothing comes between
    return best


def partial_response_word(text: str, v: _Value, mentions: list[_Mention], s: int) -> _Mention | None:
    """The partial response word a share is said of ("14 patients (10%) had partial regression"), if it is one:
    outside the vocabulary, but with a complete response it makes the objective response a paper does not add up."""
    if v.unit != "%":
        return None
    word = _word_for(text, v, mentions, s)
    return word if word is not None and word.kind == "PR" else None


def _endpoint_for(text: str, v: _Value, mentions: list[_Mention], s: int) -> tuple[str, _Mention] | None:
    """The endpoint a value reports: the nearest endpoint word that fits its unit (left of it preferred); a word in
    a parenthesis closed before the value only when no word outside one fits."""
    found = _word_for(text, v, mentions, s)
    if found is None or found.kind in _NOT_ENDPOINTS:
        return None
    best = found
    kind_of_unit = "time" if v.unit.startswith("time:") else v.unit
    endpoint = _endpoint_of(text, v, best, mentions, s, kind_of_unit)
    return (endpoint, best) if endpoint else None


_RATE_KINDS = ("PFS", "OS", "DFS", "RFS")
_PROPORTION_WORD = re.compile(r"\b(?:rates?|proportions?|probabilit(?:y|ies)|estimates?)\b", re.I)


def _proportion(text: str, v: _Value, m: _Mention) -> bool:
    """A landmark rate written as a proportion ("3-year progression-free and overall survival rates of 0.63 and 0.84",
    "the proportion alive and progression free at 1 year was 0.52"): a number below 1, a rate's word around the
    endpoint's, no ratio's word between."""
    if not 0 < v.value < 1 or v.p is not None:
        return False
    a, b = (m.start, v.start) if m.end <= v.start else (v.tail, m.end)
    between = text[a:b]
    return len(between) <= 120 and not re.search(r"\b(?:HRs?|hazard|odds|ORs?|ratios?)\b", between) and bool(
        _PROPORTION_WORD.search(text, max(0, a - 50), b))


def _nearest(text: str, v: _Value, mentions: list[_Mention], s: int,
             skip_enclosed: bool) -> tuple[_Mention, float] | None:
    kind_of_unit = "time" if v.unit.startswith("time:") else v.unit
    best, best_cost = None, 1e9
    for m in mentions:
        if kind_of_unit not in _FAMILY_UNITS[m.kind] and not (kind_of_unit == "bare" and m.kind in ("HR", "OR")) \
                and not (kind_of_unit == "bare" and m.kind in _RATE_KINDS and _proportion(text, v, m)):
            continue
        if m.end <= v.start:
            gap = text[m.end:v.start]
            if skip_enclosed and gap.count(")") + gap.count("]") > gap.count("(") + gap.count("["):
                continue  # "the overall response rate (ORR; complete response [CR] + partial response [PR]) was 65%"
            # A parenthesis between the word and its value ("rates by RECIST (...) were 49%") does not part them.
            cost = len(_PARENTHESES.sub("", gap)) + (40 if re.search(r"[;]|\bwhereas\b|\bbut\b", gap) else 0)
            if re.match(r"[^\d%]*\band\b", gap):
                cost += 10  # "complete response and 9 (30%) a partial response": the word before is another item's
            if re.search(r"\b(?:including|of whom|of which|among them)\b", gap):
                cost += 25  # "29% responded, including 7% with complete responses": the word after names the subset
        elif m.start >= v.end:
            gap = (text[v.tail:m.start] if m.start >= v.tail else text[v.end:m.start]).lstrip(")] ")
            if m.kind == "STOP":
                # "(8.1%) patients treated with high-dose...": a stop word only counts before the value, unless a verb
                # ties the value to it: "48% experienced grade 3 adverse events and 12% experienced grade 4 ..."
                verb = "" if re.match(r"(?:had|experienced|developed)\b", text[m.start:m.end], re.I) \
                    else r"(?:had|experienced|developed)\s+(?:an?\s+)?"
                # "37 months of follow-up", "(66% of events)": the stop word right after is what the value measures
                if re.fullmatch(r"\s*(?:of (?:the |all )?(?:patients|participants)\s*(?:\([^()]*\)\s*)?)?" + verb, gap,
                                re.I) \
                        or re.fullmatch(r"\s*of\s*", gap) and re.match(r"follow|events", text[m.start:m.end], re.I):
                    best, best_cost = (m, 2) if 2 < best_cost else (best, best_cost)
                continue
            if re.match(rf"\s*(?:with|including)\s+{COUNT}\s", gap) \
                    or re.search(r"\b(?:after|before|following|until|since|upon)\s+(?:the\s+|a\s+|an\s+)?$", gap, re.I):
                continue  # "16% (...) with 3 complete responses", "4.9% after CR": the word after is not the value's
            # "20% and 9% of patients, respectively, had an objective response"
            gap = _RESPECTIVELY_COMMAS.sub(" ", gap)
            if re.search(r"[;,)]|\b(?:whereas|but|while|as (?:were|was|did))\b|"
                         r"\b(?:and|that|which) (?:was |were )?(?:correlated|associated|linked|predicted)\b", gap) \
                    or re.match(r"\s*(?:and|or)\s+(?![\d.·]|(?:\w+\s+){0,2}\(?[\d.·]+\s*%)", gap):
                continue  # "(73.4% vs. 90.0%), as were grade 3 events": the word after belongs to the next clause
            cost = 1.6 * len(gap) + 8
            if re.fullmatch(r"\s*(?:an?|the)\s*", gap) and m.kind != "STOP":
                cost = 2  # "Seven patients (18%) had a complete response, 12 (31%) a partial response"
            tie = _TIED_BY_VERB.match(gap)
            if tie:  # "37 (9%) achieved a partial response", "Eight (53%) of 15 patients treated with ... had grade 3
                # or worse adverse events": the verb ties the value to the word after it
                cost = (1.6 * (len(gap) - tie.end()) + 8) * 0.2 + (5 if tie.group("who") else 0)
        elif v.start < m.start and m.end <= v.end and m.kind != "STOP":
            cost = 4  # inside a count and its share: "Nine of 30 evaluable patients responded (30%)"
        else:
            continue
        if m.kind in ("HR", "OR") and m.end <= v.start:
            cost *= 0.5  # a ratio follows its name closely ("hazard ratio for death, 0.73")
        if cost < best_cost:
            best, best_cost = m, cost
    return (best, best_cost) if best is not None else None


def _endpoint_of(text: str, v: _Value, best: _Mention, mentions: list[_Mention], s: int,
                 kind_of_unit: str) -> str | None:
    if best.kind in _NOT_ENDPOINTS:
        return None
    if best.kind not in ("HR", "OR") and re.search(r"\b(?:because of|due to|owing to)\s+(?:[\w-]+\s+){0,2}$",
                                                   text[max(s, best.start - 40):best.start], re.I):
        return None  # "53% never received SCT because of inadequate response": a reason, not the value's measure
    if best.start >= v.end and re.fullmatch(r"\s*(?:for|of)\s+(?:the\s+)?", text[v.tail:best.start], re.I) \
            and re.search(r"\bfollow[- ]?up\b", text[s:v.start], re.I):
        return None  # "The median follow-up was 37.2 months for OS and 27.6 months for PFS": follow-up times
    if v.unit in ("bare", "ratio") and best.kind in ("HR", "OR"):
        return "OR_other" if best.kind == "OR" else _ratio_of_value(text, v, best, mentions, s)
    if best.kind in ("HR", "OR"):
        return None
    if best.kind in ("ORR", "CR") and (_OF_RESPONDERS.search(text, min(best.end, v.tail), max(best.start, v.start))
                                       or re.search(r"\b(?:ongoing|continuing)\s+$",
                                                    text[max(s, best.start - 12):best.start], re.I)
                                       or _RESPONDERS_AFTER.match(text, v.tail, v.tail + 60)
                                       or _RESPONDERS_BEFORE.search(text, max(s, v.start - 90), v.start)):
        return None
    if best.kind == "AE3" and best.end <= v.start and re.search(
            r"\b(?:including|includ(?:ed|es?)|such as|most(?:ly)? commonly|most (?:common|frequent)\w*|namely|mainly|"
            r"notably|primarily|principally|predominantly|chiefly|largely|consist(?:ed|s|ing)? of)\b|"
            r":(?=[^:]*[A-Za-z])|"
            r"\b(?:was|were) (?!observed|reported|seen|noted|experienced|similar|more|less|higher|lower|uncommon|"
            r"rare|infrequent|common|frequent|low|documented|recorded)[a-z]+",
            _ASIDE.sub(" ", _PARENTHESES.sub("", text[best.end:v.start])), re.I):
        # one kind of event ("grade 3-4 events, including fatigue (4%)"), not all of them; an earlier value's
        # bracket ("in 84% of patients who received A (most commonly neutropenia) and in 16% ...") does not count
        return None
    if best.kind == "AE3" and _one_kind_of_event(text, best, s):
        return None  # "grade 3 or higher neurological events", "infections of grade 3 or 4": not all adverse events
    if best.kind == "AE3" and best.start >= v.end and re.search(
            r"\b(?:was|were|is|are) (?:the )?most (?:common|frequent)", text[v.end:best.start], re.I):
        return None  # "Hypertension (27.6%) ... were the most common high-grade toxicities": one kind of event
    if kind_of_unit == "time":
        if best.kind in ("ORR", "CR", "DCR", "pCR", "AE3"):
            return None
        before = text[max(s, v.start - 14):v.start]
        schedule = re.search(r"(?:\b(?P<w>every|each|per|up to|than|within|beyond|after|at|by|over|least|for|previous|"
                             r"past|last|first|next)\s*|"
                             r"[≥≤<>]\s*)$", before, re.I)
        if schedule and schedule.group("w") and schedule.group("w").lower() == "at" and v.value != int(v.value):
            schedule = None  # "PFS with sotorasib at 5.6 months": a landmark is a whole number of months, a median not
        if schedule \
                or re.search(r"\b(?:at|after|by|within)\s+\d+(?:\s*(?:,|and|or|to|-)\s*\d+)*\s*"
                             r"(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+|-\s*)$",
                             text[max(s, v.start - 30):v.start], re.I):
            return None  # "at 12 months", "every 2 weeks", "≥6 months": a time point or a schedule, not a median
        if best.kind == "OS" and re.search(r"\b(?:survived|alive|lived)(?: for)?\s*$", text[best.start:v.start], re.I):
            return None  # "20 to 25 percent survived 2 years": the time of a landmark, not a median
        return {"RFS": "RFS_median"}.get(best.kind, f"{best.kind}_median")
    if best.kind in ("PFS", "OS", "DFS", "RFS", "EFS") and kind_of_unit == "bare" and re.search(
            r"\b(?:HRs?|hazard ratios?)\s+(?:for|of)\s+(?:[\w-]+\s+){0,3}?(?:and\s+)?$",
            text[max(s, best.start - 50):best.start], re.I):
        return "HR_DFS" if best.kind == "RFS" else f"HR_{best.kind}"  # "The HRs for OS and PFS were 0.74 and 0.60"
    if best.kind in ("PFS", "OS", "DFS", "RFS", "EFS"):
        if best.kind == "EFS" or kind_of_unit == "bare" and not _proportion(text, v, best):
            return None
        return ("DFS" if best.kind == "RFS" else best.kind) + "_rate_pending"
    return {"AE3": "AE_grade3plus"}.get(best.kind, best.kind)


_SURVIVAL_KINDS = ("PFS", "OS", "DFS", "RFS", "EFS")


def _subscript(text: str, hr: _Mention) -> str | None:
    """The endpoint a hazard ratio's flattened subscript names: "HRdeath" (OS), "HRdisease progression" (PFS)."""
    sub = text[hr.start + 2:hr.end] if text.startswith("HR", hr.start) else ""
    for word, endpoint in (("progression", "HR_PFS"), ("PFS", "HR_PFS"), ("recurrence", "HR_DFS"),
                           ("relapse", "HR_DFS"), ("DFS", "HR_DFS"), ("event", "HR_EFS"), ("EFS", "HR_EFS"),
                           ("death", "HR_OS"), ("OS", "HR_OS")):
        if word in sub:
            return endpoint
    return None


# "Grade 3 or 4 adverse events, mainly neutropenia, occurred in 6 of 15 patients": an aside between commas before the
# verb, the value still all events'
_ASIDE = re.compile(r",\s*(?:mainly|mostly|including|such as|most commonly|predominantly|primarily|chiefly)\b[^,;:]*,"
                    r"\s*(?=(?:occurred|were|was|developed|affected)\b)", re.I)


_CAUSE = re.compile(r"\b(?:cardiovascular|cardiac|cancer|disease|melanoma|tumou?r|[\w-]+-(?:specific|related))\s+$",
                    re.I)


# "cardiovascular mortality (", "that for death from any cause was ": a death just before a ratio's value
_DEATH_BEFORE = re.compile(r"(?:\b(?:and|but|while)\s+(?:not\s+)?(?:with\s+)?|\bthat for\s+)(?P<w>(?:[\w-]+\s+)?)"
                           r"(?:mortality|death)(?:\s+from\s+[\w-]+(?:\s+causes?)?)?\s*(?:was|were|of|:|\(|,)?\s*$",
                           re.I)
_FROM_CAUSE = re.compile(r"\s+(?:from|due to)\s+(?!any\b|all\b)(?:[\w-]+\s+){0,2}?(?:causes?|disease|cancer)\b", re.I)


def _cause_specific(text: str, death: _Mention) -> bool:
    """A death of one cause ("cardiovascular death", "death from cardiovascular causes"): its ratio is no overall
    survival's; "death from any cause" is."""
    return bool(_CAUSE.search(text, max(0, death.start - 30), death.start)
                or _FROM_CAUSE.match(text, death.end, death.end + 60))


def _ratio_of_value(text: str, v: _Value, hr: _Mention, mentions: list[_Mention], s: int) -> str:
    """The endpoint of a hazard ratio's value: a survival word or a death named right before the value, else the
    ratio's word's (``_ratio_endpoint``)."""
    # "The hazard ratios (HRs) for EFS (0.71) and OS (0.62)": the survival word right before the value is its own
    own = [m for m in mentions if hr.end <= m.start and m.end <= v.start and m.kind in _SURVIVAL_KINDS
           and re.fullmatch(r"m?[A-Z]{2,4}|.*\bsurvival", text[m.start:m.end])]  # not "..., or death, 0.63"
    if own and re.fullmatch(r"[\s(\[:,=]*", text[own[-1].end:v.start]):
        return "HR_DFS" if own[-1].kind == "RFS" else f"HR_{own[-1].kind}"
    # a death named right before the value, after the ratio's word: "... and cardiovascular mortality (1.23, 1.09 to
    # 1.38)", "and that for death from any cause was 0.86": its own ratio, of one cause or of all
    death = _DEATH_BEFORE.search(text, hr.end, v.start)
    if death:
        return "HR_other" if _CAUSE.search(death.group("w") or "") or re.search(
            r"\bfrom (?!any\b|all\b)", death.group(0), re.I) else "HR_OS"
    return _ratio_endpoint(text, hr, mentions, s)


def _ratio_endpoint(text: str, hr: _Mention, mentions: list[_Mention], s: int) -> str:
    """HR_PFS, HR_OS, ...: what follows "hazard ratio for", else the survival endpoint named nearest before it, else
    the endpoint of a hazard ratio named earlier in the sentence ("the HRdeath was 0.55 ...; ..., the HR was 0.65")."""
    sub = _subscript(text, hr)
    if sub:
        return sub
    after = text[hr.end:hr.end + 45]
    composite = re.search(r"progression", after, re.I) and re.search(r"recurrence|relapse", after, re.I)
    named = (("PFS", r"progression|PFS"), ("DFS", r"recurrence|relapse|disease[- ]free|DFS|RFS"), ("EFS", r"event|EFS"),
             ("OS", r"death|OS\b|overall survival|mortality"))
    for kind, name in () if composite else named:
        m = re.match(rf"\s*(?:\(|,)?\s*(?:for|of)\s+(?P<pre>(?:[\w-]+\s+){{0,3}}?)(?:{name})", after, re.I)
        if not m and kind == "OS":  # "for end-stage kidney disease or death": a composite's ratio
            m = re.match(r"\s*(?:\(|,)?\s*(?:for|of)\s+(?P<pre>(?:[\w-]+\s+){1,4}(?:or|and)\s+)death\b", after, re.I)
        if m and kind == "OS" and (_CAUSE.search(m.group("pre")) or re.search(r"\b(?:or|and)\s+$", m.group("pre"))
                                   or re.match(r"\s*(?:,\s*[\w-]+(?:\s+[\w-]+){0,3}\s*,?)?\s*(?:or|and)\s+(?!death)",
                                               text[hr.end + m.end():hr.end + m.end() + 60], re.I)):
            # "for cardiovascular death", "for death or permanent ventilation": a cause's or a composite's ratio
            return "HR_other"
        if m and kind == "EFS" and not re.fullmatch(r"(?:(?:an?|the|any)\s+)?", m.group("pre"), re.I) \
                and not re.match(r"[- ]free", after[m.end():], re.I):
            return "HR_other"  # "for major adverse cardiovascular events": a kind of event, not event-free survival
        if m:
            return f"HR_{kind}"
    near = [m for m in mentions if m.kind in ("PFS", "OS", "DFS", "RFS", "EFS", "MFS", "DSS") and m.end <= hr.start + 1]
    before = text[max(s, hr.start - 80):hr.start]
    deaths = re.search(r"(?<!cardiovascular )(?<!cardiac )(?<!cancer )(?<!specific )(?<!related )"
                       r"\b(?:mortality|died|die)\b(?:[^;.]|\.(?=\d)){0,40}$", before, re.I)
    if deaths and (not near or near[-1].end <= max(s, hr.start - 80) + deaths.start()):
        # "All-cause mortality: HR 0.84", "was not associated with lower mortality (hazard ratio, 1.04",
        # "mortality 29.2% versus 42.5% (HR, 0.63", "122 (35%) in the B group had died (HR, 0.69", "likely to die (HR"
        return "HR_OS"
    if near:
        kind = near[-1].kind
        if kind in ("MFS", "DSS") or kind == "OS" and _cause_specific(text, near[-1]):
            return "HR_other"
        return "HR_DFS" if kind == "RFS" else f"HR_{kind}"
    near = [m for m in mentions if m.kind in ("PFS", "OS", "DFS", "RFS", "EFS") and m.start >= hr.end
            and m.start - hr.end < 40]
    if near:
        return "HR_DFS" if near[0].kind == "RFS" else f"HR_{near[0].kind}"
    risk = re.search(r"\brisk of (?:disease |tumou?r )?(?P<k>progression|recurrence|relapse)\b[^;.]{0,50}$", before,
                     re.I)
    if risk:  # "reduced the risk of progression by 42% (HR = 0.58)"
        return "HR_PFS" if risk.group("k").lower() == "progression" else "HR_DFS"
    for m in reversed([m for m in mentions if m.kind == "HR" and s <= m.start and m.end <= hr.start]):
        if _subscript(text, m) or re.match(r"\s*(?:\(|,)?\s*(?:for|of)\s", text[m.end:m.end + 10], re.I):
            earlier = _ratio_endpoint(text, m, mentions, s)
            if earlier != "HR_other":
                return earlier
    chunk = text[max(0, s - 300):s].rstrip()
    previous = re.split(r"(?<=[.;])\s+", chunk)[-1]
    if re.fullmatch(r"[\s•-]*(?:(?:the|its|an?|overall,?)\s+)?", text[s:hr.start], re.I):
        # "Median OS was 25.1 months ... versus 18.7 months .... The HR was 0.71": a sentence that is the ratio alone
        # takes the one survival endpoint of the sentence before
        kinds = {kind for kind, name in _PREVIOUS_KINDS if re.search(name, previous)}
        if len(kinds) == 1:
            return f"HR_{kinds.pop()}"
    if previous and not any(m.kind in _SURVIVAL_KINDS for m in mentions if s <= m.start):
        # "The hazard ratio for death was 1.28 (...). The excess risk was most evident in patients with a bicuspid
        # valve (HR 1.71; ...)": a subgroup's ratio in a sentence naming no endpoint is the ratio of the sentence
        # before, when that one names its endpoint
        at = max(0, s - 300) + len(chunk) - len(previous)
        ratios = {_ratio_endpoint(text, m, [], at) for m in _mentions(text, at, s) if m.kind == "HR"
                  if _subscript(text, m) or re.match(r"\s*(?:\(|,)?\s*(?:for|of)\s", text[m.end:m.end + 10], re.I)}
        ratios.discard("HR_other")
        if len(ratios) == 1:
            return ratios.pop()
    return "HR_other"


_PREVIOUS_KINDS = (("PFS", r"\bPFS\b|(?i:progression[- ]free survival)"), ("OS", r"\bOS\b|(?i:overall survival)"),
                   ("DFS", r"\b(?:DFS|RFS)\b|(?i:disease[- ]free survival|relapse[- ]free survival)"),
                   ("EFS", r"\bEFS\b|(?i:event[- ]free survival)"))

def _place(text: str, s: int, e: int, values: list[_Value], mentions: list[_Mention], respectively: bool):
    """Each value of the sentence text[s:e], its endpoint and the word it was filed under: [(value, endpoint)],
    {id(value): word}."""
    placed: list[tuple[_Value, str]] = []
    anchors: dict[int, _Mention] = {}
    previous: tuple[_Value, str, _Mention] | None = None
    paired = _paired(text, e, mentions, values, respectively)
    for v in values:
        if id(v) in paired:
            m = paired[id(v)]
            endpoint = _endpoint_of(text, v, m, mentions, s, "time" if v.unit.startswith("time:") else v.unit)
            found = (endpoint, m) if endpoint else None
        else:
            found = _endpoint_for(text, v, mentions, s)
        if found is None and id(v) not in paired:
            if previous is not None and _continues(text, previous[0], v, mentions):
                found = previous[1], previous[2]  # "66.3% in the durvalumab group and 55.6% in the placebo group"
                if found[0] in ("ORR", "CR") and _RESPONDERS_AFTER.match(text, v.tail, v.tail + 60):
                    found = None  # "..., and 67% remained in remission at 1 year"
            elif _CORRESPONDING.search(text, max(s, v.start - 80), v.start):
                # "...; the corresponding values in the Teff-high population were 11.3 months and 6.8 months"
                same = [(x, ep) for x, ep in reversed(placed) if x.unit == v.unit]
                found = (same[0][1], anchors[id(same[0][0])]) if same else None
        if found is None:
            continue
        endpoint, anchor = found
        anchors[id(v)] = anchor
        placed.append((v, endpoint))
        previous = (v, endpoint, anchor)
    # Backwards: "30.5% of ... and 26.1% of ... had grade 3 or 4 adverse events": the list's first items take the
    # endpoint its last item found after it.
    for i in range(len(values) - 2, -1, -1):
        v, w = values[i], values[i + 1]
        if id(v) in anchors or id(w) not in anchors or anchors[id(w)].start < w.end:
            continue
        if _continues(text, v, w, mentions):
            anchors[id(v)] = anchors[id(w)]
            endpoint = next(ep for x, ep in placed if x is w)
            placed.insert(next(j for j, (x, _) in enumerate(placed) if x is w), (v, endpoint))
    return placed, anchors
