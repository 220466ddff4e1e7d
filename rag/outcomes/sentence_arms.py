"""The arms a sentence's values are read against, and the passes that settle them after each value's own rule
(arms.py): a review's value of the one treatment its sentence names, a sentence that opens on one arm, the other of
two arms, one value said of every arm, cohorts "respectively", the trained chooser where it is on, labels ("arm C",
"Group II") named by what their patients received, and abbreviations by the names they stand for."""

from __future__ import annotations

import functools
import re

from . import arm_chooser
from .arm_names import _TREATMENT_LIKE
from .arms import _arm_mentions, _chain
from .endpoint_words import _mentions
from .named_groups import _TREATMENT, _local_arms
from .record import Outcome, StudyOutcomes
from .values import _Value


def _arms_chosen_join(record: StudyOutcomes, chosen: list[str]) -> None:
    """The arms the chooser gave the study's own values that the record did not know join its arms, in the order of
    their values: the table's arms are the arms its values have."""
    seen, new = {a.lower() for a in record.arms}, []
    for arm in chosen:
        if arm.lower() not in seen:
            seen.add(arm.lower())
            new.append(arm)
    if new and len(record.arms) + len(new) >= 2:
        record.arms = [*record.arms, *new]


# "Arm C: Nivolumab 3 mg/kg every 2 weeks with ipilimumab 1 mg/kg every 6 weeks.": what a label stands for, with its
# doses (arms that differ by dose only must not read as one) and without its schedule.
_LABEL_DEFINED = re.compile(r"\b(?P<label>(?:arm|group|cohort) [A-D1-4])\s*[:=]\s*(?P<name>[A-Za-z][^.;\n]{2,150})",
                            re.I)


_SCHEDULE_WORDS = re.compile(r"\s*(?:\([^()]*\)|\b(?:every|once|twice|for|on days?|intravenously|orally|daily|weekly)\b"
                             r"(?:\s+\d+(?:[.·]\d+)?)?(?:\s+(?:weeks?|days?|months?|cycles?|doses?|daily|weekly))?)",
                             re.I)


# "the intermittently treated patients (arm C)": a label the text gives in brackets after the group's words
_LABEL_AFTER = re.compile(r"(?P<name>(?:[A-Za-z][\w-]* ){0,5}[A-Za-z][\w-]*) "
                          r"\((?P<label>(?:arm|group|cohort) [A-D1-4])\)", re.I)


# "divided into Group I (rechallenge with an anti-PD-(L)1 antibody, with or without docetaxel; n = 74)": what a label's
# brackets say its patients received, up to the first comma, semicolon or count
_LABEL_BRACKET = re.compile(r"\b(?P<label>(?:arm|group|cohort) (?:I{1,3}|IV|[A-D1-4]))\s*"
                            r"\((?P<name>[A-Za-z](?:[^();,]|\([^()]*\)){2,80}?)(?=\s*[;,)]|\s+n\s*=)", re.I)


def _name_labels(text: str, record: StudyOutcomes) -> None:
    """Values given to "arm C" take the treatment the text says arm C is, when it says."""
    if not any(re.fullmatch(r"(?:arm|group|cohort) (?:I{1,3}|IV|\w)", o.arm, re.I) for o in record.outcomes):
        return
    names = {}
    for m in _LABEL_BRACKET.finditer(text):
        name = m.group("name").strip()
        # (not a count or an age, and not a qualifier: "arm I (without autologous SCT)")
        if m.group("label").lower() not in names and not re.search(r"%|\bn\s*=", name, re.I) \
                and not re.match(r"(?:n|median|mean|age|aged|with|without|in|for|of|at|by|see)\b", name, re.I):
            names[m.group("label").lower()] = name
    for m in _LABEL_DEFINED.finditer(text):
        name = re.sub(r"\s+", " ", _SCHEDULE_WORDS.sub("", m.group("name"))).strip(" ,")
        if 2 <= len(name) <= 80 and m.group("label").lower() not in names and _TREATMENT_LIKE.search(name) \
                and not re.search(r"\b(?:was|were|is|are|had|has)\b|%", name, re.I):  # not "arm A: median OS was"
            names[m.group("label").lower()] = name
    for m in _LABEL_AFTER.finditer(text):
        # "the continuously treated patients (arm A) and the intermittently treated patients (arm C)"
        name = re.split(r"\b(?:the|a|an|either|receive|receiving|between|to|of|versus|vs\.?|or)\s+", m.group("name"),
                        flags=re.I)[-1].strip()
        if len(name) >= 4 and m.group("label").lower() not in names and not re.search(r"\d|%", name):
            names[m.group("label").lower()] = name
    for o in record.outcomes:
        o.arm = names.get(o.arm.lower(), o.arm)
    record.arms = list(dict.fromkeys(names.get(a.lower(), a) for a in record.arms))


def _sentence_arms(text: str, s: int, e: int, record: StudyOutcomes, aliases: dict[str, str],
                   carried: list[str] | None):
    """The arms a sentence's values may be given for, and where it names them."""
    arms = record.arms
    arm_mentions = _arm_mentions(text, s, e, arms, aliases)
    if len(arms) < 2 or (record.design in ("other", "observational", "meta-analysis") and not arm_mentions):
        # A text with no arms of its own (a review, an excerpt), or a review's sentence that names none of the arms
        # read from the whole text, that compares treatments in this sentence: "nivolumab demonstrated a survival
        # benefit versus docetaxel (median overall survival: 9.2 versus 6.0 months)".
        local = _local_arms(text[s:e])
        if len(local) >= 2 and carried is not None:
            carried[:] = local  # "... 16.7 months with tebentafusp versus 11.9 months with investigator's choice."
        elif len(local) < 2 and carried and len(arms) < 2:
            local = list(carried)  # "... Estimated 1-year OS rates were 73% and 59%.": the arms just compared
        if len(local) >= 2:
            arms = local
            arm_mentions = _arm_mentions(text, s, e, arms, aliases)
    elif not arm_mentions:
        # A sentence that names none of the study's arms but groups of its own: "58% for patients who received PLD and
        # 74% for patients who received paclitaxel"
        local = _local_arms(text[s:e])
        if not all(_TREATMENT_LIKE.search(arm) for arm in local):
            local = []  # "in the PD-L1-high group and ... in the PD-L1-low group": subgroups, not treatments
        mentions = _arm_mentions(text, s, e, local, aliases) if len(local) >= 2 else []
        if len({arm for _, _, arm in mentions}) >= 2:
            arms, arm_mentions = local, mentions
    return arms, arm_mentions


@functools.lru_cache(maxsize=64)
def _treatments_named(text: str) -> int:
    return len({m.group(0).lower() for m in _TREATMENT.finditer(text)})


def _sole_treatment(text: str, s: int, e: int, before: tuple[int, int] | None, at: int | None = None) -> str | None:
    """The one treatment a sentence names, if it names one only; if it names none, the one the sentence before names
    ("Sotorasib is ... The phase II trial gave a response rate of 37.1%"). With ``at`` (a value's place), the clause
    between semicolons that holds it first: "sotorasib produced a response rate of 37.1%; adagrasib achieved ...
    (response rate 42.9%)"."""
    def sole(sentence: str) -> str | None:
        named = {m.group(0).lower(): m.group(0) for m in _TREATMENT.finditer(sentence)}
        return next(iter(named.values())) if len(named) == 1 else None
    if at is not None and text.find(";", s, e) >= 0:
        a, b = text.rfind(";", s, at) + 1 or s, text.find(";", at, e)
        clause = text[max(a, s):b if b >= 0 else e]
        if _TREATMENT.search(clause):
            return sole(clause)
    if _TREATMENT.search(text, s, e) or not before:
        return sole(text[s:e])
    return sole(text[before[0]:before[1]])


def _chosen_arms(text: str, unplaced: list[tuple[Outcome, _Value]], placed, arm_mentions, arms: list[str],
                 respectively: bool, record: StudyOutcomes, aliases: dict[str, str], s: int, e: int,
                 before: tuple[int, int] | None, chosen: list[str] | None = None) -> None:
    """The values the rules could give no arm: the trained chooser's arm, where it is sure enough (not a value the
    words around it say is the whole population's: "30% overall"). The arms it gives the study's own values are
    added to ``chosen``."""
    if not arm_chooser.ENABLED or not unplaced:
        return
    placed_as = {id(v): endpoint for v, endpoint in placed}
    given: dict[tuple, list[Outcome]] = {}
    for outcome, v in unplaced:
        if outcome.arm == "all" and not _WHOLE.search(text, max(0, outcome.char_start - 40), outcome.char_end + 40):
            outcome.arm = arm_chooser.arm_of(text, v, placed, placed_as[id(v)], arm_mentions, arms, respectively,
                                             record.arms, aliases, s, e, before, record.design)
            if outcome.arm != "all":
                chain = _chain(text, [p for p in placed if p[1] == placed_as[id(v)]], v)
                key = (id(chain[0]), outcome.endpoint, outcome.timepoint, outcome.population)
                given.setdefault(key, []).append(outcome)
    for same in given.values():
        # Two values of one list ("78.4% versus 71.9%") the chooser gave one arm: it could not tell their arms
        # apart, and one of them is wrong.
        if len(same) > 1 and len({o.arm.lower() for o in same}) < len(same):
            for outcome in same:
                outcome.arm = "all"
        elif chosen is not None:
            chosen += [o.arm for o in same if not o.cited]


def _review_arm(text: str, s: int, e: int, before: tuple[int, int] | None, v: _Value, arm: str,
                record: StudyOutcomes, cited: bool) -> tuple[str, bool]:
    """The arm of a value the rules gave ``arm``, and whether an "all" is a reading (not a lack of one). A review's
    value of another study, in a sentence (or its clause) that names one treatment, is that treatment's (also in a
    text that is no trial and names three treatments or more: a review that does not say it is one); one of two
    treatments ("pembrolizumab with chemotherapy gave 48%") is neither's."""
    if arm != "all" or len(record.arms) >= 2 or not (cited or record.design != "randomized"
                                                     and _treatments_named(text) >= 3):
        return arm, False
    arm = _sole_treatment(text, s, e, before, v.start)
    if arm:
        return arm, False
    return "all", len({m.group(0).lower() for m in _TREATMENT.finditer(text, s, e)}) >= 2


# Words that make a value the whole population's, not an arm's: "30% overall and 45% with X"
_WHOLE = re.compile(r"\b(?:overall(?! (?:survival|response|remission|mortality))|all (?:the )?patients|whole|entire|"
                    r"pooled|total|both)\b", re.I)


# A sentence that opens on one arm: "In the 10-mg group, ...", "Among patients assigned to MAFP, ...", "In arm C, ..."
_FRAME = re.compile(r"\s*(?:In|Among|Within|For|With)\s+(?:the\s+|those\s+|patients\s+|participants\s+)?"
                    r"(?:(?:who\s+(?:were\s+)?)?(?:in\s+the\s+|given\s+|receiving\s+|received\s+|treated\s+with\s+|"
                    r"assigned\s+to\s+|randomi[sz]ed\s+to\s+))?")


def _framed_arm(text: str, s: int, out: list[Outcome], arm_mentions) -> None:
    """ "In the 10-mg group, 70.6% of patients with ... compared with 51.6% of those with higher values": a sentence
    that opens on one arm and names no other gives its values for that arm's subgroups."""
    frame = _FRAME.match(text, s)
    if not frame or not arm_mentions or len({arm for _, _, arm in arm_mentions}) != 1:
        return
    a, b, arm = arm_mentions[0]
    if a != frame.end() or not re.match(r"(?:\s+(?:group|arm|cohort))?\s*,", text[b:b + 12]):
        return
    for o in out:
        if o.arm == "all" and not o.cited:  # (not a value the rules gave the other arm: "... 9.1 months without X")
            o.arm = arm


def _the_other_arm(text: str, out: list[Outcome], arms: list[str]) -> None:
    """"30.4 months after HCT and 17.8 months with chemotherapy alone": of two values of one endpoint in a sentence of
    a two-arm comparison, one given an arm by its name and the other none, the other is the other arm's."""
    if len(arms) != 2 or len(out) < 2:
        return
    for a in out:
        if a.arm != "all" or a.cited:
            continue
        # (the same subgroup: "In patients aged 80 years or older, median survival was 2.8 years in treated and 2.2
        # years in untreated patients")
        same = [o for o in out if o is not a and o.endpoint == a.endpoint and o.timepoint == a.timepoint
                and o.population == a.population]
        if len(same) != 1 or same[0].arm not in arms:
            continue
        b = same[0]
        lo, hi = min(a.char_end, b.char_end), max(a.char_start, b.char_start)
        if _WHOLE.search(text, max(0, a.char_start - 40), a.char_end + 40) or hi - lo > 200:
            continue
        a.arm = next(x for x in arms if x != b.arm)


_EVERY_ARM = re.compile(r"\b(?:in|for|of|across) (?:both|all(?: (?:two|three|four))?|each of the) "
                        r"(?:treatment |study )?"
                        r"(?:arms|groups)\b", re.I)


def _of_every_arm(text: str, v, anchor, e: int) -> bool:
    """Do the words around the value say it is every arm's ("in both arms")?"""
    a = min(anchor.start, v.start) if anchor.end <= v.start else v.start
    m = _EVERY_ARM.search(text, a, min(e, v.tail + 40))
    if not m:
        return False
    between = text[v.tail:m.start()] if m.start() >= v.tail else text[m.end():v.start]
    before = text[a:m.start()]
    # not another value's ("in both groups: 40% and 35%"), nor a bracket's ("(n = 815 in both groups)")
    return not re.search(r"\d|;", between) and before.count("(") <= before.count(")")


_RESPECTIVE_COHORTS = re.compile(r"\b(?:with|in|among|for) (?:the )?(?P<list>[^;()]{3,120}?),? respectively", re.I)


def _cohorts_respectively(text: str, e: int, out: list[Outcome]) -> None:
    """"6.6% and 9.3% of patients with metastatic melanoma and renal cancer, respectively": each value its cohort."""
    by_endpoint: dict[str, list[Outcome]] = {}
    for o in out:
        if not o.subgroup and o.arm == "all":
            by_endpoint.setdefault(o.endpoint, []).append(o)
    for group in by_endpoint.values():
        if len(group) < 2:
            continue
        m = _RESPECTIVE_COHORTS.search(text, group[-1].char_end - 1, e)
        if not m:
            continue
        names = [re.sub(r"^(?:patients? with |those with |the )?"
                        r"(?:metastatic |advanced |unresectable |recurrent )*", "", n.strip(), flags=re.I)
                 for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list"))]
        names = [n for n in names if n]
        if len(names) == len(group):
            for o, name in zip(group, names, strict=True):
                o.population = name


# "fluorouracil plus folinic acid (FUFA)", "bendamustine and rituximab (BR)": the name an abbreviation stands for.
_ABBREVIATION = re.compile(r"(?-i:[a-z]?[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)")
_NOT_IN_NAME = re.compile(r"(?:received?|receiving|given|compared|with|versus|vs|of|to|or|and|the|a|an|in|either|"
                          r"both|plus)$", re.I)


def _long_form(text: str, abbr: str) -> str | None:
    """The words before "(ABBR)" from the first one that starts with the abbreviation's letter, up to six words back,
    not across punctuation or a verb; None when the text defines no such name."""
    m = re.search(rf"(?P<words>[A-Za-z][\w-]*(?: [\w-]+){{0,5}}) \({re.escape(abbr)}\)", text)
    if not m:
        return None
    words = m.group("words").split(" ")
    initial = abbr.lstrip("abcdefghijklmnopqrstuvwxyz")[:1].lower() if abbr[:1].isupper() else abbr[:1].lower()
    for i, w in enumerate(words):
        if w[:1].lower() == initial and not _NOT_IN_NAME.match(w) \
                and not any(_NOT_IN_NAME.fullmatch(x) and x.lower() not in ("plus", "and", "with") for x in words[i:]):
            name = " ".join(words[i:])
            return name if len(words) - i >= 2 and not _NOT_IN_NAME.fullmatch(words[-1]) else None
    return None


def _spell_out_abbreviations(text: str, record: StudyOutcomes) -> None:
    """An arm named by the abbreviation the text defines ("FUFA") takes the name it stands for: arms are named as the
    text first defines them."""
    names: dict[str, str | None] = {}
    for o in record.outcomes:
        if o.arm not in names:
            long = _long_form(text, o.arm) if _ABBREVIATION.fullmatch(o.arm) and not _mentions(o.arm, 0, len(o.arm)) \
                else None
            names[o.arm] = long if long and not re.search(r"\b(?:was|were|is|are|had|has|been)\b", long) else None
        o.arm = names[o.arm] or o.arm
    record.arms = list(dict.fromkeys(names.get(a) or a for a in record.arms))  # the arms named as their values
