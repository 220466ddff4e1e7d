"""The outcome records: one ``StudyOutcomes`` per document, one ``Outcome`` per reported value, each with its span."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The endpoints a value can be filed under (issue 20's vocabulary); nothing else is extracted.
ENDPOINTS = (
    "ORR", "CR", "DCR", "PFS_median", "OS_median", "DOR_median", "EFS_median", "DFS_median", "RFS_median",
    "TTP_median", "PFS_rate", "OS_rate", "DFS_rate", "HR_PFS", "HR_OS", "HR_DFS", "HR_EFS", "HR_other",
    "OR_other", "AE_grade3plus", "pCR",
)
UNITS = ("%", "months", "weeks", "years", "ratio")
DESIGNS = ("randomized", "single-arm", "observational", "meta-analysis", "other")
PHASES = ("I", "I/II", "II", "III", "IV")
N_KINDS = ("enrolled", "randomized", "evaluable", "analysed")


@dataclass
class Outcome:
    """One reported value. ``text`` is exactly ``document_text[char_start:char_end]``."""

    endpoint: str
    arm: str  # an arm's name, "comparison" (a ratio between arms) or "all" (single arm, pooled)
    value: float
    unit: str
    ci_low: float | None
    ci_high: float | None
    p: str | None
    timepoint: str | None
    text: str
    char_start: int
    char_end: int
    population: str | None = None  # a subgroup or cohort ("PD-L1 ≥50%", "melanoma"); None: the main population
    subgroup: bool = False
    cited: bool = False  # the value belongs to another study the text reports on (a review, a background line)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class NotReached:
    """A median the paper says was not reached: no value, but worth showing ("NR")."""

    endpoint: str
    arm: str
    text: str
    char_start: int
    char_end: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SummedResponse:
    """An objective response a paper gives only in its parts: one arm's complete and partial responses of one
    sentence, added up here ("7% + 10% = 17%"). A derived value, so never among ``outcomes`` (the values as
    written); the table and the answer show it as the sum it is, its span the words from the one to the other."""

    arm: str
    value: float
    complete: float
    partial: float
    text: str
    char_start: int
    char_end: int
    population: str | None = None
    timepoint: str | None = None
    cited: bool = False
    endpoint: str = "ORR"
    unit: str = "%"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StudyOutcomes:
    """What one document reports of its study: design, phase, size, arms, and every outcome value."""

    doc_id: str
    pmid: str | None = None
    design: str = "other"
    phase: str | None = None
    n: dict[str, Any] | None = None  # {"value": 945, "what": "randomized", "text", "char_start", "char_end"}
    arms: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    not_reached: list[NotReached] = field(default_factory=list)
    summed: list[SummedResponse] = field(default_factory=list)  # objective responses given only in parts
    trial: str | None = None  # the trial's acronym when the text names one (KEYNOTE-006, CheckMate 067)
    version: str = ""
    # A page that reports several studies one after another (a cancer.gov summary): one record per study, each with
    # the span of the document it was read from; the document's outcomes are all of theirs.
    studies: list[StudyOutcomes] = field(default_factory=list)
    span: tuple[int, int] | None = None  # (start, end) of this study's item in its document
    opening: str | None = None  # the item's first words, naming a study that has no trial name

    def to_json(self) -> dict[str, Any]:
        out = {
            "doc_id": self.doc_id, "pmid": self.pmid, "design": self.design, "phase": self.phase, "n": self.n,
            "arms": list(self.arms), "outcomes": [o.to_json() for o in self.outcomes],
            "not_reached": [o.to_json() for o in self.not_reached],
            "summed_responses": [o.to_json() for o in self.summed], "trial": self.trial, "version": self.version,
        }
        if self.studies:  # a study's values are the page's within its span: written once, with the page
            out["studies"] = [{k: v for k, v in s.to_json().items()
                               if k not in ("outcomes", "not_reached", "summed_responses")} for s in self.studies]
        if self.span:
            out["span"], out["opening"] = list(self.span), self.opening
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StudyOutcomes:
        record = cls(
            doc_id=data["doc_id"], pmid=data.get("pmid"), design=data.get("design") or "other",
            phase=data.get("phase"), n=data.get("n"), arms=list(data.get("arms") or []),
            outcomes=[Outcome(**o) for o in data.get("outcomes") or []],
            not_reached=[NotReached(**o) for o in data.get("not_reached") or []],
            summed=[SummedResponse(**o) for o in data.get("summed_responses") or []],
            trial=data.get("trial"), version=data.get("version") or "",
            studies=[cls.from_json(s) for s in data.get("studies") or []],
            span=tuple(data["span"]) if data.get("span") else None, opening=data.get("opening"),
        )
        for study in record.studies:
            study.outcomes, study.not_reached = record.within(study.span)
            a, b = study.span or (0, 0)
            study.summed = [o for o in record.summed if a <= o.char_start < b]
        return record

    def within(self, span: tuple[int, int] | None) -> tuple[list[Outcome], list[NotReached]]:
        """The values (and medians not reached) whose spans start inside ``span``: one study's of a page."""
        a, b = span or (0, 0)
        return ([o for o in self.outcomes if a <= o.char_start < b],
                [o for o in self.not_reached if a <= o.char_start < b])
