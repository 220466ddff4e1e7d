"""What a trial found, against what the answer says it found: a benefit on an outcome the passage found no
difference in (or never measured), a comparison with an arm the passage does not have, "significantly" where no test
was done, a population the passage's opposite word describes ("low-risk" where it says "high-risk")."""

from __future__ import annotations

import re

from ...chunk.sentences import sentence_spans
from ...number_words import words_to_int
from .figures import RATIO, _own_pair
from .numbers import _plain, _Quantity, _quantities
from .passages import _tok

# An outcome by its key: the abbreviation and the words ("OS", "overall survival"; bare "survival" is OS's).
_OUTCOME = re.compile(r"\b(?:([\w-]+-specific) survival|"
                      r"(progression|disease|event|relapse|recurrence|metastasis)[- ]free survival|"
                      r"(PFS|DFS|EFS|RFS|MFS|OS)|overall survival|survival)\b", re.I)
_KEYS = {"progression": "pfs", "disease": "dfs", "event": "efs", "relapse": "rfs", "recurrence": "rfs",
         "metastasis": "mfs"}

# A benefit the answer says a treatment brought.
_BENEFIT = re.compile(r"\b(improv\w*|prolong\w*|lengthen\w*|extend\w*|increas\w*|doubl\w*|boost\w*|benefit\w*|"
                      r"better|superior|longer|advantage)\b", re.I)
_DENIAL = re.compile(r"\b(not|no|nor|never|without|neither|failed|similar|comparable|unchanged)\b|n't\b", re.I)
# The passage found no difference in an outcome.
_NULL = re.compile(r"\b(?:no (?:statistically )?(?:significant )?(?:difference|improvement|benefit|advantage)|"
                   r"not (?:statistically )?(?:significantly )?(?:different|improved?|prolonged|better|significant)|"
                   r"(?:did|does|do) not (?:significantly )?(?:differ|improve|prolong)|nonsignificant\w*|"
                   r"non-significant\w*|similar|comparable)\b", re.I)


def _outcomes(text: str) -> set[str]:
    out = set()
    for m in _OUTCOME.finditer(text):
        if m.group(1):  # "melanoma-specific survival" is not overall survival
            out.add("dss")
        elif m.group(2):
            out.add(_KEYS[m.group(2).lower()])
        elif m.group(3):
            out.add(m.group(3).lower())
        else:
            out.add("os")
    return out


def null_outcome_flags(clause: str, clauses: list[str], texts: list[str], where: str) -> list[str]:
    """A benefit on an outcome ("improved overall survival") where every passage clause that speaks of that outcome
    found no difference in it ("No difference in OS was reported"), or where the passage never speaks of it. The
    benefit of one outcome is checked against that outcome only ("improved DFS and OS": OS's own clauses)."""
    said = _BENEFIT.search(clause)
    if not said or _DENIAL.search(clause):
        return []
    mine = _outcomes(clause)
    if not mine:
        return []
    flags = []
    for key in sorted(mine):
        about = [c for c in clauses if key in _outcomes(c)]
        if not about:
            if not any(_outcomes(t) for t in texts):  # a passage of no outcome at all: nothing measured
                flags.append(f'"{said.group(1)}" survival: {where} reports no survival outcome')
            continue
        null = [c for c in about if _NULL.search(c)]
        if null and len(null) == len(about):
            flags.append(f'"{said.group(1)}" {key.upper()}: {where} says "{_NULL.search(null[0]).group(0)}"')
    return flags


# "significantly" where the passage says no statistical test was done.
_UNTESTED = re.compile(r"\b(?:statistical )?(?:tests?|comparisons?)(?: of comparison)? (?:were|was) not "
                       r"(?:conducted|performed|done|carried out)|\bnot (?:formally )?tested\b", re.I)


def untested_flags(clause: str, near: list[str], where: str) -> list[str]:
    said = re.search(r"\bsignificant(?:ly)?\b", clause, re.I)
    if not said or re.search(r"\b(?:no|not|non-?)\s*(?:\w+\s+)?$", clause[:said.start()], re.I):
        return []
    m = next((m for s in near for m in [_UNTESTED.search(s)] if m), None)
    return [f'"{said.group(0)}": {where} says "{m.group(0)}"'] if m else []


_P = re.compile(r"\bP\s*(=|<|>|≤|≥)\s*(0?\.\d+)", re.I)
_SIGNIFICANT_WORDS = re.compile(r"\bsignifican\w*", re.I)


def insignificant_outcome_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"significantly improved overall survival" where every passage sentence that gives a P value for that outcome
    gives one of .05 or more (and says nothing of significance in words): the test found no significant
    difference."""
    said = re.search(r"\bsignificant(?:ly)?\b", clause, re.I)
    if not said or _DENIAL.search(clause) or not _BENEFIT.search(clause):
        return []
    flags = []
    for key in sorted(_outcomes(clause)):
        tested = []
        for s in sentences:
            if key not in _outcomes(s) or not _P.search(s):
                continue
            # (the outcome's own P value: the sentence speaks of one outcome only)
            if len(_outcomes(s)) > 1 or _SIGNIFICANT_WORDS.search(s):
                return []
            tested.append(s)
        ps = [(m.group(1), float(m.group(2))) for s in tested for m in _P.finditer(s)]
        if ps and all(op in ("=", ">", "≥") and value >= 0.05 for op, value in ps):
            flags.append(f'"{said.group(0)}": {where} gives P = {ps[0][1]:g} for {key.upper()}')
    return flags


# --- the arm a comparison names ----------------------------------------------------------------------------------

_AGAINST = re.compile(r"\b(?:compared (?:with|to)|relative to|versus|vs\.?|"
                      r"(?<!more )(?<!less )(?<!rather )(?<!fewer )(?<!greater )(?<!other )than(?: with| in| for| on)?|"
                      r"(?<=improved )over|(?<=improves )over)\s+((?:the |a |an |standard |usual )?[A-Za-z][\w-]*"
                      r"(?:\s+[a-z][\w-]*){0,2})", re.I)
_NOT_ARM = re.compile(r"(?i)^(?:the |a |an )?(?:expected|before|previously|usual|baseline|placebo|observation|"
                      r"control|controls|other|others|about|roughly|nearly|approximately|around|almost|just|double|twice|"
                      r"triple|those|that|this|either|each|any|one|half|a third|earlier|"
                      r"later|older|younger|adults?|children|patients?|people|men|women|in|with|without|for|"
                      r"\d)")


def comparator_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """A comparison with something the passage never names ("improved survival compared with chemotherapy" where
    the passage reports one single-arm trial): none of the compared arm's words is in the passage."""
    source = set()
    for t in texts:
        source |= set(_tok(t))
    flags = []
    for m in _AGAINST.finditer(clause):
        # the arm ends where its setting begins ("chemotherapy in Merkel cell carcinoma": the arm is chemotherapy)
        arm = re.split(r"(?i)\s(?:in|for|among|at|on|of|with|after|from|by|and|or|as|to)\b", m.group(1))[0]
        if _NOT_ARM.match(arm) or words_to_int(arm.split()[0].lower()) is not None:
            continue
        toks = [t for t in _tok(arm) if not t.isdigit() and len(t) > 2]
        if toks and not any(t in source for t in toks):
            flags.append(f'"{m.group(0)}": {where} names no such arm')
    return flags


# --- a population by the opposite word -----------------------------------------------------------------------------

_OPPOSITES = [
    (r"low[- ]risk", r"high[- ]risk"),
    (r"(?:previously )?untreated|treatment[- ]na[iï]ve|first[- ]line", r"previously treated|pretreated|"
                                                                         r"progressed (?:on|after)|refractory"),
    (r"older than", r"younger than"),
    (r"thinner than", r"thicker than"),
    (r"mismatch repair[- ]proficient|pMMR", r"mismatch repair[- ]deficient|dMMR"),
]


def _said(pattern: str, text: str) -> bool:
    return re.search(rf"(?i)(?<![\w-])(?:{pattern})(?![\w])", text) is not None


def opposite_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """A population or setting the passage describes only by the opposite word ("low-risk" where it says only
    "high-risk"; "previously treated" where it says only "untreated")."""
    joined = "\n".join(texts)
    flags = []
    for a, b in _OPPOSITES:
        for mine, theirs in ((a, b), (b, a)):
            m = re.search(rf"(?i)(?<![\w-])(?:{mine})(?![\w])", clause)
            if m and not _said(mine, joined) and _said(theirs, joined):
                other = re.search(rf"(?i)(?<![\w-])(?:{theirs})(?![\w])", joined).group(0)
                flags.append(f'"{m.group(0)}": {where} says "{other}"')
    return flags



# --- a figure given to the wrong arm ------------------------------------------------------------------------------

_LEAD = re.compile(r"^\s*(?:[\w%-]+\s+){0,3}?(?:for|in|with|among|on|who|after)\b", re.I)
_ARM_GENERIC = set(_tok("patients patient who received receiving group groups arm arms the those treated with for in "
                        "among on after and respectively months month weeks years days rate rates"))


def _segments(sentence: str, like: _Quantity) -> list[tuple[_Quantity, set[str]]] | None:
    """A passage sentence's figures of the same kind as ``like``, each with the words that follow it up to the next
    ("12 months for patients who received PLD and 18 months for ... paclitaxel"); None unless every figure is
    followed by the arm it belongs to ("for", "in", "with" ...)."""
    text = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", sentence)  # the CIs and P values aside
    plain = _plain(text)
    figs = [p for p in _quantities(text) if not p.loose and p.percent == like.percent]
    if len(figs) < 2:
        return None
    out = []
    for i, p in enumerate(figs):
        tail = plain[p.end:figs[i + 1].start] if i + 1 < len(figs) else re.split(r"[;.]\s", plain[p.end:])[0]
        if not _LEAD.match(tail):
            return None
        out.append((p, set(_tok(tail)) - _ARM_GENERIC))
    return out


def arm_figure_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """A figure the answer gives one arm where the passage sentence that lists each arm's figure gives it another
    arm ("median PFS with PLD was 18 months" where it says "12 months for ... PLD and 18 months for ...
    paclitaxel")."""
    mine = [q for q in _quantities(clause, sentence=True) if not q.loose]
    said = set(_tok(clause))
    flags = []
    for q in mine:
        if sum(1 for o in mine if o.percent == q.percent) > 1:
            continue  # the answer gives several figures: comparison_flags reads them arm by arm
        for s in sentences:
            segs = _segments(s, q)
            if not segs:
                continue
            own = [words for p, words in segs if p.value == q.value]
            if len(own) != 1:
                continue
            others = [(p, words - own[0]) for p, words in segs if p.value != q.value]
            wrong = [(p, words & said) for p, words in others if words & said]
            if not own[0] & said and wrong:
                p, words = wrong[0]
                flags.append(f"{_shown(q)}: {where} gives {_shown(q)} to another arm and {p.text} to "
                             f"{' '.join(sorted(words))}")
            break
    return flags


def _shown(q: _Quantity) -> str:
    return q.text


# --- "doubled" where nothing was compared -------------------------------------------------------------------------

_COMPARED = re.compile(r"\b(compar\w*|versus|vs\.?|than|ratio|(?-i:HR|OR|RR)|random\w*|control\w*|placebo|"
                       r"(?<!single-)arms?|"
                       r"doubl\w*|twice|tripl\w*|halv\w*|fold|times|increase\w*|reduc\w*|improv\w*)\b", re.I)


def uncompared_ratio_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """"doubled overall survival" without figures of its own, where the passage compares nothing (a single-arm
    trial's figures): a ratio needs two figures to be one."""
    m = next((m for m in RATIO.finditer(clause) if re.match(r"(?i)doubl|twice|tripl|quadrupl|halv", m.group(2))), None)
    if m is None or _own_pair(clause, m) is not None or any(_COMPARED.search(t) for t in texts):
        return []
    return [f'"{m.group(0)}": {where} compares nothing']


# --- "X better than Y" where the passage says Y was best ------------------------------------------------------------

_BETTER_THAN = re.compile(r"\b(better|more|higher|greater|longer|superior)\b[^.;]*?\bthan\s+(?:with\s+|in\s+|for\s+|"
                          r"on\s+|the\s+)?([\w-]+)", re.I)
_BEST = re.compile(r"\b(best|highest|greatest|longest|most favou?rable)\b", re.I)


def best_other_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """"cryotherapy gave better cosmetic results than PDT" where the passage sentence on the same thing says the
    results were best with PDT (and does not name cryotherapy)."""
    m = _BETTER_THAN.search(clause)
    if not m:
        return []
    other = set(_tok(m.group(2)))
    subject = set(_tok(clause[:m.start()])) - _ARM_GENERIC
    topic = set(_tok(clause[m.end(1):m.start(2)])) - _ARM_GENERIC - set(_tok("than with in for on the"))
    if not other or not subject or not topic:
        return []
    for t in texts:
        for a, b in sentence_spans(t):
            s = t[a:b]
            best = _BEST.search(s)
            words = set(_tok(s))
            if best and other & words and not subject & words and topic & words:
                return [f'"{m.group(0)}": {where} says "{best.group(1)}" of {m.group(2)}']
    return []


# --- "clearly" where the passage says the evidence is not clear -----------------------------------------------------

_UNCLEAR = re.compile(r"\b(no clear|not clear(?:ly)?|unclear|no convincing|not convincing(?:ly)?|no definite)\b", re.I)


def clarity_flags(clause: str, near: list[str], where: str) -> list[str]:
    """"clearly improves" where a passage sentence on the same thing says there is "no clear evidence"."""
    said = re.search(r"\b(clear(?:ly)?|convincing(?:ly)?|definite(?:ly)?|unequivocal(?:ly)?)\b", clause, re.I)
    if not said or re.search(r"\b(?:no|not|un)\s*$", clause[:said.start()], re.I):
        return []
    words = set(_tok(clause)) - _ARM_GENERIC
    for s in near:
        m = _UNCLEAR.search(s)
        if m and len(words & set(_tok(s))) >= 2:
            return [f'"{said.group(1)}": {where} says "{m.group(1)}"']
    return []
