"""How strongly an answer says what its passage says, read against the passage's own wording: a causal verb where
the passage says "associated" or "may", certainty where it is tentative, "significantly" where it found no
significant difference, a recommendation where the evidence is "insufficient", a result from a study that is only
planned, "strong" where the passage says "limited". (Quantifiers, designs, sites and the rest of the wording:
wording.py.)"""

from __future__ import annotations

import re

from .passages import _content
from .wording import _only_the_other_side


# --- causal wording -----------------------------------------------------------------------------------------------

_CAUSAL = re.compile(r"\b(caus(?:e|es|ed|ing)|led to|leads to|lead to|result(?:s|ed)? in|due to|drives|drove|"
                     r"trigger(?:s|ed)|responsible for|attributable to)\b", re.I)
_ASSOCIATIVE = re.compile(r"\b(associat\w*|correlat\w*|linked|coincid\w*|may|might|could|suggest\w*|exploratory|"
                          r"only detected in|only (?:seen|found|observed) in)\b", re.I)
_PASSAGE_CAUSAL = re.compile(r"\b(caus\w*|led to|lead(?:s|ing)? to|result(?:s|ed|ing)? in|due to|because|"
                             r"responsible|attributable|mediat\w*|thereby|drive[ns]?|drove|trigger\w*)\b", re.I)


def causal_flags(clause: str, near: list[str], where: str) -> list[str]:
    """A causal verb ("caused", "led to") where the passage sentences the answer follows say only that the two go
    together ("associated", "correlated", "may", "suggests") and nowhere that one causes the other."""
    said = _CAUSAL.search(clause)
    if not said or re.search(r"\b(not|no|may|might|could|possibly|likely)\s+(?:\w+\s+)?$", clause[:said.start()], re.I):
        return []
    # A comparison of randomized arms ("1-cm margins led to more recurrence than 3-cm margins"): randomization is
    # what lets one arm's result be put down to its treatment.
    if re.search(r"\b(?:than|compared with|compared to|versus|vs)\b", clause, re.I) \
            and any(re.search(r"\brandom(?:ly|i[sz]ed)\b", s, re.I) for s in near):
        return []
    words = _content(clause)
    near = [s for s in near if len(_content(s) & words) >= 2]  # those that speak of the same things
    if any(_PASSAGE_CAUSAL.search(s) for s in near):
        return []
    link = next((m for s in near for m in [_ASSOCIATIVE.search(s)] if m), None)
    return [f'"{said.group(1)}": {where} says "{link.group(1)}"'] if link else []


_CERTAIN = re.compile(r"\b(concluded|conclude[sd]?|proved?|proven|demonstrated|established|confirmed|definitive\w*|"
                      r"conclusive\w*)\b", re.I)
_TENTATIVE = re.compile(r"\b(preliminary|before conclusions|no conclusions|cannot be drawn|can be drawn|"
                        r"hypothesis-generating|remains? to be (?:determined|established|seen|shown)|inconclusive)\b",
                        re.I)
_PASSAGE_CERTAIN = re.compile(r"\b(conclud\w*|conclusion\w*|demonstrat\w*|establish(?:es|ed)? that|confirm\w*|"
                              r"prove[nd]?|show(?:s|ed|n)? that)\b", re.I)


def certainty_flags(clause: str, near: list[str], where: str) -> list[str]:
    """A conclusion the answer states as drawn ("the authors concluded that X is effective") where the passage calls
    its results preliminary or says no conclusion can be drawn yet, and the sentences about the same things (of the
    first four it follows) draw none."""
    said = _CERTAIN.search(clause)
    if not said or _TENTATIVE.search(clause) \
            or re.search(r"\b(not|no|never|cannot)\s+(?:\w+\s+)?$", clause[:said.start()], re.I):
        return []
    words = _content(clause)
    tentative = next((m for s in near for m in [_TENTATIVE.search(s)] if m), None)  # the study's own word for it
    near = [s for s in near[:4] if len(_content(s) & words) >= 2]
    if tentative is None or any(_PASSAGE_CERTAIN.search(s) and not _TENTATIVE.search(s) for s in near):
        return []
    return [f'"{said.group(1)}": {where} says "{tentative.group(1)}"']

# An answer that states as shown what the passage clause it follows offers as possible ("reliably predicts" where the
# passage says "investigated as a potential biomarker to predict"; "showed that X improves" where it says "X may").
_ASSERTED = re.compile(r"\b(shows? that|showed that|shown that|demonstrat\w* that|proved?|proven|established that|"
                       r"confirmed that|reliabl[ey]|definitively|conclusively|guarantee[sd]?|will always)\b", re.I)
_HEDGED = re.compile(r"\b(may|might|could|potential(?:ly)?|possibl[ey]|suggest\w*|promising|hypothes\w*|"
                     r"investigat\w*|being (?:evaluated|studied|tested))\b", re.I)
_PASSAGE_SHOWN = re.compile(r"\b(show(?:s|ed|n)? that|demonstrat\w*|prove[nd]?|confirm\w*|establish(?:es|ed)?)\b",
                            re.I)


def hedge_flags(clause: str, followed: list[str], where: str) -> list[str]:
    """A finding the answer states as shown where the passage clause it follows most closely only offers it as
    possible ("may", "potential", "suggests", "investigated") and says nothing shown."""
    said = _ASSERTED.search(clause)
    if not said or not followed or re.search(r"\b(not|no|never|cannot|may|might|could)\s+(?:\w+\s+)?$",
                                              clause[:said.start()], re.I) or _HEDGED.search(clause):
        return []
    hedge = _HEDGED.search(followed[0])
    if hedge is None or _PASSAGE_SHOWN.search(followed[0]):
        return []
    return [f'"{said.group(1)}": {where} says "{hedge.group(1)}"']


# --- "significantly" where the passage found no significant difference -------------------------------------------

_NOT_SIGNIFICANT = re.compile(r"\b(?:no|not|non-?|nor|without)\s*(?:a\s+)?(?:statistically\s+)?significant\w*|"
                              r"\bdid not (?:significantly )?differ|\bnonsignificant\w*|\binsignificant\w*", re.I)
_SIGNIFICANT = re.compile(r"\b(?:significantly|statistically significant\w*)\b|\bp\s*[<≤=]\s*0?\.0[0-4]", re.I)


def significance_flags(clause: str, near: list[str], where: str) -> list[str]:
    """"significantly more X" where a passage sentence the answer follows finds no significant difference in X
    (sharing two of its words) and none finds a significant one."""
    said = re.search(r"\bsignificant(?:ly)?\b", clause, re.I)
    if not said or re.search(r"\b(?:no|not|non-?|nor|without)\s*(?:\w+\s+)?$", clause[:said.start()], re.I):
        return []
    words = _content(clause)
    for s in near:
        for m in _NOT_SIGNIFICANT.finditer(s):
            about = _content(s[m.end():m.end() + 60]) & words
            if len(about) < 2:
                continue
            if any(_SIGNIFICANT.search(o) and not _NOT_SIGNIFICANT.search(o) and len(_content(o) & about) >= 2
                   for o in near):
                return []
            return [f'"{said.group(0)}": {where} says "{m.group(0)}"']
    return []


# --- "recommends X" where the passage finds the evidence insufficient to recommend ----------------------------------

_VERDICT_STEMS = r"recommend|conclu|establish|endorse|approv|support"
_TOO_LITTLE = re.compile(rf"\b(insufficient|inadequate|not enough|too (?:limited|few|small|weak)|cannot be|"
                         rf"could not be|no (?:firm|specific|definitive))\b[^.;]{{0,60}}?\b({_VERDICT_STEMS})\w*", re.I)


def insufficient_flags(clause: str, near: list[str], where: str) -> list[str]:
    """A recommendation or conclusion the answer states ("the panel recommends sotorasib for brain metastases") where
    a passage sentence it follows says the evidence is insufficient for it ("insufficient to make specific
    recommendations") and shares its words."""
    said = re.search(r"\b(recommend|conclud|establish|endors|approv|support)(?:s|es|ed|e|ing)?\b", clause, re.I)
    # (a verb, not "recommendations")
    if not said or re.search(r"\b(not|no|never|cannot|insufficient|inadequate|too|thin|lack\w*|limited|weak|scarce|"
                             r"sparse|without|despite|unclear|uncertain)\b", clause, re.I):
        return []  # (the answer says the evidence falls short itself)
    words = _content(clause)
    for s in near:
        for m in _TOO_LITTLE.finditer(s):
            if m.group(2).lower()[:5] == said.group(1).lower()[:5] and len(_content(s) & words) >= 3:
                return [f'"{said.group(0)}": {where} says "{m.group(0)}"']
    return []


# --- a result claimed from a study plan ------------------------------------------------------------------------------

# A passage that plans a study (a trial registry record, a protocol): what it will do, and no figures of a result.
_PLAN = re.compile(r"\b(will be (?:accrued|enrolled|randomi[sz]ed|treated|assessed|evaluated|followed)|will receive|"
                   r"OBJECTIVES|OUTLINE|PROJECTED ACCRUAL|we designed|(?:is|are) randomi[sz]ed to|"
                   r"primary (?:objective|end ?point|outcome)s?\s*:|study design\s*:)", re.I)
_RESULT = re.compile(r"\b(p\s*[<=>≤]\s*0?\.\d|significant\w*|hazard ratio|HR\b|confidence interval|95%|"
                     r"(?:was|were) (?:observed|achieved|associated)|resulted in|showed|demonstrated|"
                     r"median (?:\w+\s+){0,3}(?:was|were|of))", re.I)
# An answer clause that reports an outcome as found ("improved", "was as effective as").
_FOUND = re.compile(r"\b(improved|prolonged|extended|reduced|increased|lowered|doubled|halved|outperformed|"
                    r"(?:was|were) (?:as |more |less |equally |not )?(?:effective|efficacious|superior|inferior|"
                    r"safe|better|worse|beneficial)|"
                    r"(?:was|were) (?:associated|linked|correlated)|led to|resulted in)\b", re.I)


def plan_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """An outcome the answer reports as found ("IL-2 maintenance improved event-free survival") where every cited
    passage plans a study (what patients will receive, its objectives) and reports no result."""
    found = _FOUND.search(clause)
    if not found or not texts or not all(_PLAN.search(t) and not _RESULT.search(t) for t in texts):
        return []
    return [f'"{found.group(0)}": {where} describes a planned study and reports no result']


# --- "strong responses" where the passage says "limited responses" -------------------------------------------------

_STRONG = (r"strong|robust|potent|substantial|dramatic|striking|profound|marked|pronounced|high|fully|completely|"
           r"entirely")
_WEAK = r"limited|modest|weak|minimal|marginal|slight|poor|low|partially|partly|incompletely"
_QUALIFIED = re.compile(rf"\b({_STRONG}|{_WEAK})\s+((?:[\w-]+\s+){{0,1}}[\w-]+)", re.I)


def strength_flags(clause: str, sentences: list[str], where: str) -> list[str]:
    """"strong immune responses" where a passage sentence the answer follows says "limited immunological
    responses" of the same thing (the words after the qualifier, by their first five letters), and nowhere strong."""
    flags = []
    for m in _QUALIFIED.finditer(clause):
        other = _only_the_other_side(_QUALIFIED, sentences, _stems5(m.group(2)), lambda p: _stems5(p.group(2)),
                                     _strong, _strong(m))
        if other is not None:
            flags.append(f'"{m.group(0)}": {where} says "{other.group(0)}"')
    return flags


def _strong(m: re.Match) -> bool:
    return re.fullmatch(_STRONG, m.group(1), re.I) is not None


def _stems5(text: str) -> set[str]:
    return {w[:5].lower() for w in text.split() if len(w) > 3}


__all__ = ["causal_flags", "certainty_flags", "hedge_flags", "insufficient_flags", "plan_flags", "significance_flags",
           "strength_flags"]
