"""The study types, the evidence level of each, and the one order of levels every comparison uses."""

from __future__ import annotations

# study type -> evidence level
STUDY_TYPES: dict[str, str] = {
    "meta-analysis": "level 1",
    "systematic review": "level 1",
    "randomised trial": "level 2",
    "non-randomised trial": "level 3",
    "observational study": "level 3",
    "case report": "level 4",
    "review": "level 5",
    "opinion": "level 5",
    "guideline": "guidance",
    "expert summary": "guidance",
    "animal study": "preclinical",
    "in vitro study": "preclinical",
    "trial registration": "registration",
    "other": "unrated",
}
EVIDENCE_LEVELS: dict[str, str] = {
    "level 1": "systematic reviews and meta-analyses",
    "level 2": "randomised trials",
    "level 3": "non-randomised trials and observational studies",
    "level 4": "case reports",
    "level 5": "narrative reviews and opinion",
    "guidance": "guidelines and expert summaries",
    "preclinical": "animal and laboratory studies",
    "registration": "trial registrations (protocols, no results)",
    "unrated": "other or unknown",
}

# The ladder of clinical evidence: 1 is the best rung. Guidance, preclinical, registration and unrated are off it.
LADDER: dict[str, int] = {"level 1": 1, "level 2": 2, "level 3": 3, "level 4": 4, "level 5": 5}


def rates_higher(level: str, than: str) -> bool:
    """`level` is a better rung of the ladder than `than`, or a rung at all where `than` is off the ladder (a label
    of `level` for a paper whose level is `than` overstates its evidence)."""
    if level not in LADDER:
        return False
    return than not in LADDER or LADDER[level] < LADDER[than]
