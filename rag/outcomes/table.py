"""The studies table: the studies a question retrieves, one row each, with the endpoints the question asks about
(or the common ones), every cell pointing at the span its value was read from. Studies that report the same
ratio for the same intervention with significance in different directions are marked as disagreeing.

    from rag import outcome_table
    t = outcome_table("What response rates does high-dose IL-2 achieve in metastatic melanoma?")
    print(t.to_markdown())   # or t.to_csv(), t.to_json()
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .extract import extract_outcomes
from .record import Outcome, StudyOutcomes

# A complete response in a question's words ("the cancer disappears", "wipes out all detectable disease").
CR_WORDS = (r"complete (?:response|remission|regression)|disappear\w*(?: completely)?|\bwip\w+ out\b|"
            r"\ball (?:detectable|visible|remaining) (?:disease|cancer|tumou?rs?)")
# What a question's words ask for, in the vocabulary's terms; the first match of each group wins a column.
_ASKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"path(?:ologic(?:al)?)? complete|\bpCR\b", ("pCR",)),
    (rf"{CR_WORDS}|\bCR\b", ("CR", "ORR")),
    (r"disease control|\bDCR\b|clinical benefit", ("DCR",)),
    (r"respon|\bORR\b|regression|remission|efficacy|effective|activity|benefit|shrink", ("ORR", "CR")),
    (r"duration of response|response duration|\bDoR\b|"
     r"how long (?:do|does|did|will|can|would) (?:the |that |these |those |their |such |a |an )?respons\w*"
     r"(?: [\w-]+){0,4}? (?:last|hold|persist|endure|continue|stay|remain)", ("DOR_median",)),
    # ("how long before the disease progressed", "how long did the disease stay controlled": a patient's words)
    (r"progression[- ]free|\bPFS\b|progression|"
     r"before (?:the |their )?(?:disease|cancer|tumou?rs?) (?:progress\w*|grew|worsen\w*)|"
     r"(?:disease|cancer|tumou?rs?) (?:stay\w*|remain\w*|kept|was kept|were kept) (?:under )?control",
     ("PFS_median", "PFS_rate", "HR_PFS")),
    (r"event[- ]free|\bEFS\b", ("EFS_median", "HR_EFS")),
    (r"disease[- ]free|relapse[- ]free|recurrence[- ]free|\b[DR]FS\b|recurrence|relapse", ("DFS_median", "RFS_median",
                                                                                          "DFS_rate", "HR_DFS")),
    (r"time to progression|\bTTP\b", ("TTP_median",)),
    # ("how much longer do patients live", "still alive a year later": survival in a patient's words)
    (r"overall survival|\bOS\b|surviv|\blive\b|\balive\b|mortality|death", ("OS_median", "OS_rate", "HR_OS")),
    (r"hazard ratio|\bHR\b", ("HR_OS", "HR_PFS", "HR_DFS", "HR_EFS", "HR_other")),
    (r"odds ratio", ("OR_other",)),
    (r"toxicit|adverse|side[- ]effect|safety|safe\b|grade\s*(?:3|≥|>)|tolerab|harm", ("AE_grade3plus",)),
)
# Shown when the question names no endpoint: what clinicians compare first.
COMMON = ("ORR", "PFS_median", "OS_median", "HR_OS", "AE_grade3plus")
LABELS = {
    "ORR": "ORR", "CR": "CR", "DCR": "DCR", "pCR": "pCR", "PFS_median": "median PFS", "OS_median": "median OS",
    "DOR_median": "median DOR", "EFS_median": "median EFS", "DFS_median": "median DFS", "RFS_median": "median RFS",
    "TTP_median": "median TTP", "PFS_rate": "PFS rate", "OS_rate": "OS rate", "DFS_rate": "DFS rate",
    "HR_PFS": "HR (PFS)", "HR_OS": "HR (OS)", "HR_DFS": "HR (DFS)", "HR_EFS": "HR (EFS)", "HR_other": "HR (other)",
    "OR_other": "odds ratio", "AE_grade3plus": "grade ≥3 AEs",
}
NAMES = {
    "ORR": "objective response rate", "CR": "complete response rate", "DCR": "disease control rate",
    "pCR": "pathological complete response rate", "PFS_median": "median progression-free survival",
    "OS_median": "median overall survival", "DOR_median": "median duration of response",
    "EFS_median": "median event-free survival", "DFS_median": "median disease-free survival",
    "RFS_median": "median relapse-free survival", "TTP_median": "median time to progression",
    "PFS_rate": "progression-free survival rate", "OS_rate": "overall survival rate", "DFS_rate": "disease-free "
                                                                                                  "survival rate",
    "HR_PFS": "hazard ratio for progression-free survival", "HR_OS": "hazard ratio for overall survival",
    "HR_DFS": "hazard ratio for disease-free survival", "HR_EFS": "hazard ratio for event-free survival",
    "HR_other": "hazard ratio", "OR_other": "odds ratio", "AE_grade3plus": "grade 3 or higher adverse events",
}


def asked_endpoints(question: str) -> list[str]:
    """The endpoints a question asks about, in the order it names them ([] when it names none)."""
    found: list[tuple[int, str]] = []
    for pattern, endpoints in _ASKS:
        m = re.search(pattern, question, re.I)
        if m:
            found += [(m.start() * 10 + i, e) for i, e in enumerate(endpoints)]
    out: list[str] = []
    for _, e in sorted(found):
        if e not in out:
            out.append(e)
    # "the hazard ratio for progression": the ratio of the survival endpoint named comes first.
    if re.search(r"hazard ratio|\bHR\b", question, re.I):
        named = [e for e in out if e.endswith(("_median", "_rate")) and f"HR_{e.split('_')[0]}" in out]
        ratios = list(dict.fromkeys(f"HR_{'DFS' if e.startswith('RFS') else e.split('_')[0]}" for e in named))
        out = ratios + [e for e in out if e not in ratios]
    return out


# The words every quantitative question is made of: they say nothing about which study fits it.
QUESTION_FRAME = {"what", "which", "does", "with", "from", "that", "this", "were", "have", "after", "than", "versus",
                  "patients", "rate", "rates", "response", "responses", "survival", "median", "overall", "achieve",
                  "achieved", "give", "there", "their", "treated", "therapy", "treatment", "cancer", "trial",
                  "study", "phase", "much", "many", "long", "often", "how", "the", "and", "for", "grade", "higher",
                  "adverse", "events", "ratio", "hazard"}


def _words_and_parts(text: str) -> set[str]:
    """A text's words and the parts of its hyphenated ones: "Squamous-Cell" names "squamous" as a question says it."""
    words = set(re.findall(r"[a-z0-9][a-z0-9-]{2,}", text.lower()))
    return words | {part for w in words if "-" in w for part in w.split("-") if len(part) >= 3}


def relevance(question: str, row: "Row") -> float:
    """How well a study matches the question: the question's own words (a drug, a disease, a trial's name) found
    in its title, arms and trial name; the retrieval rank breaks ties."""
    words = {w for w in re.findall(r"[a-z0-9][a-z0-9-]{2,}", question.lower()) if w not in QUESTION_FRAME}
    named = _words_and_parts(" ".join([row.title or "", row.study, *row.arms]))
    passage = _words_and_parts(row.context)
    trial = re.sub(r"\s*\(\d{4}\)$", "", row.study).lower()
    named_trial = 3 if re.search(r"\d", trial) and trial.replace(" ", "-") in question.lower().replace(" ", "-") else 0
    return named_trial + len(words & named) + 0.5 * len((words & passage) - named) - 0.05 * row.passage


def format_value(o: Outcome) -> str:
    """"43% (95% CI 30–56)", "11.2 months", "HR 0.73 (0.59–0.91), P=0.002": the value as a cell shows it."""
    def ratio(v: float) -> str:  # two decimals, or as many as written ("0.997" is not "1.00")
        return f"{v:.2f}" if round(v, 2) == v else f"{v:g}"
    number = ratio(o.value) if o.unit == "ratio" else f"{o.value:g}"
    text = f"{number}%" if o.unit == "%" else (number if o.unit == "ratio" else f"{number} {o.unit}")
    if o.ci_low is not None:
        high = f"{o.ci_high:g}" if o.ci_high is not None else "NR"
        low = ratio(o.ci_low) if o.unit == "ratio" else f"{o.ci_low:g}"
        high = ratio(o.ci_high) if o.unit == "ratio" and o.ci_high is not None else high
        text += f" ({low}–{high})"
    if o.p and o.unit == "ratio":
        text += f", {o.p}"
    if o.timepoint:
        text = f"{o.timepoint}: {text}"
    elif o.endpoint.endswith("_rate"):
        text += " (time not stated)"  # a rate read from a table that gives no landmark: never taken for another's
    return text


@dataclass
class Cell:
    """One value in the table, with the span it came from: ``doc_id``'s text[char_start:char_end] is ``span``."""

    endpoint: str
    arm: str
    display: str
    value: float | None  # None: a median the paper says was not reached (shown as "not reached")
    unit: str
    doc_id: str
    passage: int  # the passage's number in the answer ([n]), 0 when the table stands alone
    char_start: int
    char_end: int
    span: str
    population: str | None = None
    cited: bool = False
    timepoint: str | None = None  # a landmark rate's time point ("6-month"), as the record gives it
    derived: bool = False  # an objective response added up from complete and partial ones ("CR 7% + PR 10% = 17%")

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Row:
    """One study: what it is, and its cells by endpoint."""

    doc_id: str
    study: str  # trial name, or first author and year
    title: str | None
    year: int | None
    design: str
    phase: str | None
    n: dict[str, Any] | None
    arms: list[str]
    passage: int
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    url: str | None = None
    n_authors: int = 0
    context: str = field(default="", repr=False)  # the retrieved passage's text (how well the row fits a question)
    notice: str | None = None  # retracted, expression of concern...: said in the row, never left out

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "study": self.study, "title": self.title, "year": self.year,
                "design": self.design, "phase": self.phase, "n": self.n, "arms": self.arms, "passage": self.passage,
                "url": self.url, "notice": self.notice,
                "cells": {e: [c.to_json() for c in cs] for e, cs in self.cells.items()}}


@dataclass
class StudyTable:
    question: str
    columns: list[str]
    rows: list[Row]
    disagreements: list[str] = field(default_factory=list)
    not_shown: int = 0  # studies retrieved that report none of the columns' values

    def __bool__(self) -> bool:
        return bool(self.rows)

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "columns": self.columns, "labels": [LABELS[c] for c in self.columns],
                "rows": [r.to_json() for r in self.rows], "disagreements": self.disagreements,
                "studies_without_values": self.not_shown}

    def to_csv(self) -> str:
        return table_csv(self.to_json())

    def to_markdown(self) -> str:
        return table_markdown(self.to_json())


# Rendered from the JSON form, which an Answer carries (Answer.table): the same text for the CLI, the chat and
# the exports.
def _cell_text(cells: list[dict[str, Any]]) -> str:
    """A cell as plain text: each arm's value, "arm: value" when the study has several."""
    parts = []
    for c in cells:
        who = c.get("population") or (c["arm"] if c["arm"] not in ("all", "comparison") else "")
        parts.append(f"{who}: {c['display']}" if who else c["display"])
    return "; ".join(parts)


def _header(data: dict[str, Any]) -> list[str]:
    return ["study", "design", "phase", "N", "arms"] + [LABELS[c] for c in data["columns"]] + ["source"]


def _plain_rows(data: dict[str, Any]) -> list[list[str]]:
    out = []
    for r in data["rows"]:
        n = f"{r['n']['value']} {r['n']['what']}" if r.get("n") else ""
        study = r["study"] + (f" ⚠ {r['notice'].upper()}" if r.get("notice") else "")
        out.append([study, r["design"], r.get("phase") or "", n, " vs ".join(r["arms"])]
                   + [_cell_text(r["cells"].get(e, [])) for e in data["columns"]]
                   + [f"[{r['passage']}]" if r.get("passage") else r["doc_id"]])
    return out


def table_csv(data: dict[str, Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(_header(data))
    for row in _plain_rows(data):  # a cell starting with = + - @ would run as a formula in a spreadsheet
        writer.writerow(["'" + v if v[:1] in ("=", "+", "-", "@") else v for v in row])
    return buf.getvalue()


def table_markdown(data: dict[str, Any] | None, compact: bool = False) -> str:
    """The table in Markdown; ``compact`` (the chat column): the study, its design in a word, and the endpoints."""
    if not data or not data.get("rows"):
        return "No retrieved study reports these endpoints."

    def esc(value: str) -> str:  # nothing in a paper's text may become markup in the table
        return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", value).replace("\n", " ")

    header = _header(data)
    keep = list(range(len(header)))
    if compact:  # study, design (with phase), endpoints, source
        keep = [0, 1] + list(range(5, len(header)))
    header = [header[i] for i in keep]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for plain in _plain_rows(data):
        if compact:
            plain = [plain[0], plain[1] + (f" {plain[2]}" if plain[2] else "")] + plain[5:]
        cells = [esc(v) for v in plain]
        lines.append("| " + " | ".join(cells) + " |")
    for d in data.get("disagreements", []):
        lines.append(f"\n⚠ {esc(d)}")
    return "\n".join(lines)


# An author that is a body, not a person ("National Cancer Institute", "KEYNOTE-006 Investigators"): its first word
# ("National") names no study, so the title stands in.
_ORGANISATION = re.compile(r"\b(?:Institutes?|Group|Committee|Society|Consortium|Association|Organi[sz]ation|"
                           r"Network|Collaborat\w*|Investigators|Council|Agency|Administration|Cent(?:er|re)|"
                           r"Foundation|Board|Panel|College|Alliance)\b", re.I)
_SITE_SUFFIX = re.compile(r"\s+[-–|]\s+(?:NCI|National Cancer Institute|[A-Z]{2,6})$")


def study_label(record: StudyOutcomes, title: str | None, authors: list[str] | None, year: int | None) -> str:
    """The trial's name when the text gives one, else the first author and year, else the start of the title."""
    if record.trial:
        return record.trial + (f" ({year})" if year else "")
    if authors and not _ORGANISATION.search(authors[0]):
        return f"{authors[0].split(',')[0].split(' ')[0]} {year or ''}".strip()
    return title_label(title) if title else record.doc_id


def title_label(title: str) -> str:
    """The start of a title, quoted, as a study's label: "“Nivolumab versus Docetaxel in Advanced…”"."""
    short = re.split(r"[:.?]", _SITE_SUFFIX.sub("", title))[0].strip()
    if len(short) <= 57:
        return f"“{short}”"
    # whole words only: a word cut in half ("Non-Sm") is no word of the title, and the support check says so
    return f"“{short[:58].rsplit(' ', 1)[0].rstrip(',;:-')}…”"


def spoken_label(study: str) -> str:
    """A study's label as an answer sentence says it: without its year ("Rosenberg 1994" -> "Rosenberg"), since
    every number of the sentence must be found in the passage it cites."""
    return re.sub(r"\s*\(?\b(?:19|20)\d\d\)?$", "", study)


def find_disagreements(rows: list[Row], columns: list[str], records: dict[str, StudyOutcomes]) -> list[str]:
    """Ratios for the same endpoint whose confidence intervals say different things: one excludes 1, another
    includes it (or excludes it on the other side). Said in words, without a language model."""
    out = []
    groups: dict[str, list[Row]] = {}
    for r in rows:  # the same intervention: the experimental arm's first word ("nivolumab", "pembrolizumab")
        if r.arms:
            groups.setdefault(re.split(r"[\s+/-]+", r.arms[0].lower())[0], []).append(r)
    for endpoint in columns:
        if endpoint.startswith(("HR_", "OR_")):
            for drug, group in groups.items():
                out += _disagreement(endpoint, drug, group, records)
    return out


def _disagreement(endpoint: str, drug: str, rows: list[Row], records: dict[str, StudyOutcomes]) -> list[str]:
    out = []
    if len(rows) > 1:
        # Said without negation words: the answer's support check reads this sentence as it reads any other.
        # (and without a figure of its own: "inconclusive" for an interval that holds 1)
        verdicts: dict[str, list[str]] = {"benefit": [], "harm": [], "inconclusive": []}
        for r in rows:
            for c in r.cells.get(endpoint, []):
                o = next((x for x in records[r.doc_id].outcomes
                          if x.char_start == c.char_start and x.endpoint == endpoint), None)
                if o is None or o.ci_low is None or o.ci_high is None or o.cited or o.population:
                    continue  # (a subgroup's ratio is not the study's answer: main populations are compared)
                kind = "benefit" if o.ci_high < 1 else "harm" if o.ci_low > 1 else "inconclusive"
                verdicts[kind].append(f"{spoken_label(r.study)} [{r.passage}]" if r.passage else spoken_label(r.study))
                break
        said = [k for k, v in verdicts.items() if v]
        if len(said) > 1:
            parts = "; ".join(f"{k}: {', '.join(v)}" for k, v in verdicts.items() if v)
            out.append(f"The studies of {drug} disagree on the {NAMES[endpoint]} ({parts}): their confidence "
                       f"intervals point different ways.")
            for r in rows:
                for c in r.cells.get(endpoint, []):
                    c.display += " ⚠"
    return out


def build_table(question: str, studies: list[tuple[Any, StudyOutcomes, int]], columns: list[str] | None = None,
                own_only: bool = True) -> StudyTable:
    """The table from (passage or document, its outcome record, passage number) triples, best first."""
    asked = columns or asked_endpoints(question)
    present = {o.endpoint for _, rec, _ in studies for o in [*rec.outcomes, *rec.summed]
               if not (own_only and o.cited)} | {o.endpoint for _, rec, _ in studies for o in rec.not_reached}
    cols = [e for e in (asked or COMMON) if e in present]
    if not asked:
        cols = cols or [e for e in ("ORR", "CR", "PFS_median", "OS_median", "OS_rate", "HR_OS", "HR_PFS",
                                    "AE_grade3plus") if e in present]
    rows, records = [], {}
    not_shown = 0
    for source, page, number in studies:
        citation = getattr(source, "citation", None)
        title = getattr(citation, "title", None) if citation else getattr(source, "title", None)
        authors = getattr(citation, "authors", None) if citation else getattr(source, "authors", None)
        year = getattr(citation, "year", None) if citation else getattr(source, "year", None)
        url = getattr(citation, "url", None) if citation else getattr(source, "url", None)
        context = " ".join([getattr(source, "text", "") or ""]
                           + [m.get("text", "") for m in getattr(source, "more_spans", None) or []])
        shown = False
        for record in _studies_of(page, source):
            # one study of a page that reports several: its trial's name, else its first words
            label = study_label(record, title, authors, year) if record is page else \
                record.trial or f"“{record.opening}”"
            row = Row(record.doc_id, label, title, year, record.design, record.phase, record.n, list(record.arms),
                      number, url=url, n_authors=len(authors or []),
                      notice=getattr(citation, "notice", None) if citation else None, context=context)
            for o in record.outcomes:
                if o.endpoint in cols and not (own_only and o.cited):
                    row.cells.setdefault(o.endpoint, []).append(Cell(
                        o.endpoint, o.arm, format_value(o), o.value, o.unit, record.doc_id, number, o.char_start,
                        o.char_end, o.text, o.population, o.cited, o.timepoint))
            _add_not_reached(row, record, cols)
            _add_summed(row, record, cols, own_only)
            if row.cells:
                rows.append(row)
                records[page.doc_id] = page
                shown = True
        not_shown += not shown
    cols = [c for c in cols if any(c in r.cells for r in rows)]
    table = StudyTable(question, cols, rows, not_shown=not_shown)
    table.disagreements = find_disagreements(rows, cols, records)
    return table


def _add_not_reached(row: Row, record: StudyOutcomes, cols: list[str]) -> None:
    """A median the study says was not reached is a cell too ("not reached", linked to its span): in immunotherapy
    it is often the best arm's. Once an arm, and not where the arm has a value of its own; the endpoint's cells then
    follow the order of the study's arms."""
    added = set()
    for o in record.not_reached:
        cells = row.cells.get(o.endpoint, [])
        if o.endpoint not in cols or any(c.arm == o.arm and not c.population for c in cells):
            continue
        row.cells.setdefault(o.endpoint, []).append(Cell(
            o.endpoint, o.arm, "not reached", None, "months", record.doc_id, row.passage, o.char_start, o.char_end,
            o.text))
        added.add(o.endpoint)
    order = {arm: i for i, arm in enumerate(["all", *record.arms])}
    for endpoint in added:
        row.cells[endpoint].sort(key=lambda c: (c.population is not None, order.get(c.arm, len(order))))


def _add_summed(row: Row, record: StudyOutcomes, cols: list[str], own_only: bool) -> None:
    """An objective response the paper gives only as complete plus partial responses is a cell of the ORR column,
    shown as the sum it is ("CR 7% + PR 10% = 17%") and linked to the words that give both; not where the study's
    arm and population have an ORR of their own."""
    if "ORR" not in cols:
        return
    for o in record.summed:
        cells = row.cells.get("ORR", [])
        if (own_only and o.cited) or any(c.arm == o.arm and c.population == o.population for c in cells):
            continue
        display = f"CR {o.complete:g}% + PR {o.partial:g}% = {o.value:g}%"
        row.cells.setdefault("ORR", []).append(Cell(
            "ORR", o.arm, display, o.value, "%", record.doc_id, row.passage, o.char_start, o.char_end, o.text,
            o.population, o.cited, o.timepoint, derived=True))


def _studies_of(page: StudyOutcomes, source: Any) -> list[StudyOutcomes]:
    """The studies of a document a passage shows: the document's one study, or, for a page that reports several,
    those whose items the passage overlaps (all of them for a whole document)."""
    if not page.studies:
        return [page]
    start = getattr(source, "char_start", None)
    if start is None:
        return page.studies
    spans = [(start, source.char_end)] + [(m["char_start"], m["char_end"]) for m in
                                           getattr(source, "more_spans", None) or [] if "char_start" in m]
    return [s for s in page.studies if s.span and any(a < s.span[1] and s.span[0] < b for a, b in spans)]


def records_for(store: Any, doc_ids: list[str]) -> dict[str, StudyOutcomes]:
    """Each document's outcome record: stored at build time when the index has it (of this extractor's version),
    else read now from the document's text."""
    stored: dict[str, StudyOutcomes] = {}
    reader = getattr(store, "outcomes", None)
    if reader is not None:
        try:
            stored = reader(doc_ids) or {}
        except Exception:  # an index built before outcomes were stored: read them from the text instead
            stored = {}
    from .extract import EXTRACTOR_VERSION

    # A record of an older extractor (an index not rebuilt since) is read again from the text.
    stored = {k: v for k, v in stored.items() if v.version == EXTRACTOR_VERSION}
    for doc_id in doc_ids:
        doc = store.document(doc_id)
        if doc is None:
            stored.pop(doc_id, None)
            continue
        record = stored.get(doc_id) or extract_outcomes(doc)
        # A value whose span is not the document's text at its offsets is dropped, never shown.
        record.outcomes = [o for o in record.outcomes if doc.text[o.char_start:o.char_end] == o.text and o.text]
        record.not_reached = [o for o in record.not_reached if doc.text[o.char_start:o.char_end] == o.text]
        stored[doc_id] = record
    return stored


def table_for_passages(question: str, passages: list[Any], store: Any, columns: list[str] | None = None,
                       own_only: bool = True) -> StudyTable:
    """The table of an answer: its passages (numbered from 1), their documents' stored outcomes (with the values a
    passage quotes from other studies when not ``own_only``)."""
    ids = list(dict.fromkeys(p.doc_id for p in passages))
    records = records_for(store, ids)
    studies = [(p, records[p.doc_id], i) for i, p in enumerate(passages, 1) if p.doc_id in records]
    seen, unique = set(), []
    for item in studies:
        if item[1].doc_id not in seen:
            seen.add(item[1].doc_id)
            unique.append(item)
    return build_table(question, unique, columns, own_only=own_only)


def to_format(table: StudyTable, fmt: str) -> str:
    if fmt == "csv":
        return table.to_csv()
    if fmt == "json":
        return json.dumps(table.to_json(), ensure_ascii=False, indent=2)
    return table.to_markdown()
