"""Outcome values read out of a study's text, each with its span, a sentence (or a table) at a time: each value
filed under the nearest endpoint word that fits its unit (endpoints.py), given its arm (arms.py, sentence_arms.py)
and its CI and p-value from what follows it. Deterministic: the same text always gives the same record."""

from __future__ import annotations

import re
from pathlib import Path

from ..chunk.sentences import sentence_spans
from .arms import _arm_for, _arm_mentions
from .design import design_of, n_of, phase_of, same_trial, trial_names, trial_of
from .context import _anaphora, _implied, _per_grade, _place_implied
from .endpoint_words import _PARENTHESES, _Mention, _mentions
from .endpoints import _place, _ratio_endpoint
from .numbers import HAS_NUMBER, decimal_points
from .record import NotReached, Outcome, StudyOutcomes
from .study_arms import arms_with_aliases, dose_arms
from .summed import partial_pairs, summed_responses
from .sentence_roles import _ANIMALS, _CITED, _OWN, _PLANNED, _own_study, _population, cohort_of, pair_cohorts
from .sentence_arms import (_arms_chosen_join, _chosen_arms, _cohorts_respectively, _framed_arm, _name_labels,
                            _of_every_arm, _review_arm, _sentence_arms, _spell_out_abbreviations, _the_other_arm)
from .items import MULTI_STUDY_SOURCES, study_items
from .timepoints import (_TIMEPOINT, _defined_timepoints, _timepoint_for, _timepoint_list, sentence_timepoint, tp_label)
from .values import _list_units, _Value, _values


# The modules whose code decides what a text's record holds: all of this package but the table and its face, so that
# a new module is hashed without being listed.
RULE_FILES = tuple(sorted(p.name for p in Path(__file__).resolve().parent.glob("*.py")
                          if p.name not in ("__init__.py", "table.py")))


def _code_fingerprint() -> str:
    """A hash of the code that reads outcomes (this package's rules and the sentence splitter they use)."""
    import hashlib

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in [here / name for name in RULE_FILES] + [here / "arm_model.npz", here.parent / "chunk" / "sentences.py"]:
        if path.exists():  # (the trained arm model's weights are rules too; absent only while it is first trained)
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


# The extractor's version: a number for the record's shape, and the hash of the rules' code, so that any change
# of what the extractor may make of a text re-extracts every index's outcomes on its next build (no
# re-embedding), with nothing to remember to bump.
EXTRACTOR_VERSION = f"2.{_code_fingerprint()}"

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NOT_REACHED = re.compile(r"\b(?:was |were |had )?not (?:yet )?(?:been )?reached\b|\bNR\b", re.I)


# The verb a value is the subject of, up to the end of its clause: "(2%) patients in the docetaxel group died", "15.4%
# and 9.8% of the patients, respectively, discontinued the trial regimen": a value of another measure.
_CLAUSE_VERB = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\.\s|\b(?:versus|vs|compared)\b|"
                          r"(?<!who )(?<!that )(?<!which )\b(?P<v>had|has|have|achieved|experienced|developed|showed|"
                          r"attained|obtained|occurred|was|were|died|discontinued|withdrew|stopped|required|"
                          r"needed|liked|disliked|agreed|disagreed|preferred|felt|believed|thought|wanted|rated)\b",
                          re.I)
# (and a survey's answers: "responses, 45% liked the staff performance")
# The conclusions of an abstract, where its results are said again.
_CONCLUSIONS = re.compile(r"\b(?:CONCLUSIONS?|Conclusions?|INTERPRETATION|Interpretation)(?: and [Rr]elevance)?\b"
                          r"\s*(?:[:.—–-]|\n)")
_OTHER_VERBS = {"died", "discontinued", "withdrew", "stopped", "required", "needed", "liked", "disliked", "agreed",
                "disagreed", "preferred", "felt", "believed", "thought", "wanted", "rated"}


def extract_outcomes(text_or_doc, doc_id: str | None = None, *, title: str | None = None,
                     pmid: str | None = None) -> StudyOutcomes:
    """The study record of one document (a ``Document``) or text: design, phase, N, arms and every outcome value
    with its span (``text == document_text[char_start:char_end]``). A text with no outcomes gives an empty list."""
    if isinstance(text_or_doc, str):
        text, regions = text_or_doc, [(0, len(text_or_doc))]
    else:
        doc = text_or_doc
        text, regions = doc.text, study_regions(doc)
        doc_id = doc_id or doc.doc_id
        title = title if title is not None else doc.title
        pmid = pmid or doc.pmid
        if doc.source_type in MULTI_STUDY_SOURCES:
            items = study_items(text, tuple(section.start for section in doc.sections or ()))
            if items:
                return _page_of_studies(text, items, doc_id or "", pmid)
    title = title or ""
    original, text = text, decimal_points(text)
    read = " ".join(text[a:b] for a, b in regions)
    design = design_of(title, read)
    record = StudyOutcomes(doc_id=doc_id or "", pmid=pmid, design=design, phase=phase_of(title) or phase_of(read),
                           version=EXTRACTOR_VERSION, trial=trial_of(title, read))
    n = n_of(read)
    record.n = {"value": n["value"], "what": n["what"]} if n else None
    arms, aliases = arms_with_aliases(title, read, design)
    arms = dose_arms(read, arms)
    record.arms = arms
    seen: dict[tuple, tuple] = {}  # a value's key: its CI
    defined = _defined_timepoints(read)
    carried: list[str] = []  # the arms a sentence compared last, when the text names none of its own
    chosen: list[str] = []  # the arms the trained chooser gave the study's own values
    partials: list = []  # complete responses with their partial responses (summed.py)
    for a, b in regions:
        tables = _tables(text, a, b, record, aliases) if text.find("|", a, b) >= 0 else []
        previous = (a, a)
        for s, e in _sentences(original, a, b):
            before, previous = previous, (s, e)
            table = next((t for t in tables if t[0] <= s < t[1]), None)
            if table is not None:  # a table's rows are read as a table, once
                found, not_reached = table[2:] if s == table[0] else ([], [])
            elif not HAS_NUMBER.search(text, s, e):
                continue
            else:
                found, not_reached = _sentence_outcomes(text, s, e, record, aliases, defined, before, carried,
                                                        chosen, partials), \
                    _not_reached(text, s, e, record, aliases)
            keys = set()
            for outcome in found:
                key = (outcome.endpoint, outcome.arm, round(outcome.value, 3), outcome.timepoint, outcome.population)
                # A value repeated in the conclusions is reported once; a ratio repeated in its own sentence or
                # with another CI is another subgroup's ("squamous (HR 0·73 [...]) or non-squamous (0·73 [...])").
                ci = (outcome.ci_low, outcome.ci_high)
                other_ci = outcome.unit == "ratio" and ci[0] is not None and seen.get(key, ci) not in (ci, (None, None))
                main = key[:4] + (None,)
                if outcome.population and seen.get(main) == ci and key not in seen and main not in keys \
                        and _CONCLUSIONS.search(original, a, outcome.char_start):
                    continue  # the conclusions name the main population in words: "Among patients with SCLC, ..."
                if key not in seen or other_ci or key in keys and outcome.unit == "ratio":
                    seen.setdefault(key, ci)
                    keys.add(key)
                    outcome.text = original[outcome.char_start:outcome.char_end]
                    record.outcomes.append(outcome)
            for item in not_reached:
                item.text = original[item.char_start:item.char_end]
            record.not_reached += not_reached
    _arms_chosen_join(record, chosen)
    _name_labels(read, record)
    _spell_out_abbreviations(read, record)
    record.summed = summed_responses(original, record, partials)
    return record


def _page_of_studies(text: str, items: list[tuple[int, int]], doc_id: str, pmid: str | None) -> StudyOutcomes:
    """A page that reports study after study: each item read as a document of its own (offsets moved to the
    page's), the page's record holding them all."""
    page = StudyOutcomes(doc_id=doc_id, pmid=pmid, version=EXTRACTOR_VERSION)
    for a, b in items:
        study = extract_outcomes(text[a:b], doc_id)
        if not (study.outcomes or study.not_reached):
            continue
        for o in [*study.outcomes, *study.not_reached, *study.summed]:
            o.char_start, o.char_end = o.char_start + a, o.char_end + a
        for o in study.outcomes:
            o.cited = False  # an item is the report of its study ("2. A Swedish multicenter study included ...")
        study.span = (a, b)
        words = re.sub(r"^\d+\.\s+", "", " ".join(text[a:b].split()))
        study.opening = words if len(words) <= 60 else words[:60].rsplit(" ", 1)[0] + "…"
        page.studies.append(study)
        page.outcomes += study.outcomes
        page.not_reached += study.not_reached
        page.summed += study.summed
    return page


# A table as the loaders write it: one row a line, cells parted by "|" ("Patient Group | Median Overall Survival").
_TABLE = re.compile(r"^[^\n|]*\|[^\n]*(?:\n[^\n|]*\|[^\n]*)+", re.M)
_CELL = re.compile(r"[^|\n]+")
_LINE = re.compile(r"[^\n]+")
_TABLE_MEDIAN = {"PFS": "PFS_median", "OS": "OS_median", "DOR": "DOR_median", "EFS": "EFS_median", "DFS": "DFS_median",
                 "RFS": "RFS_median", "TTP": "TTP_median"}
_TABLE_RATE = {"PFS": "PFS_rate", "OS": "OS_rate", "DFS": "DFS_rate", "RFS": "DFS_rate"}
_TABLE_SHARE = {"ORR": "ORR", "CR": "CR", "DCR": "DCR", "pCR": "pCR", "AE3": "AE_grade3plus"}


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in _CELL.finditer(text, s, e):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _tables(text: str, a: int, b: int, record: StudyOutcomes, aliases: dict[str, str]):
    """The values of the tables in text[a:b]: (start, end, outcomes, not_reached) per table. The header row names the
    endpoints and the first column the arms ("nivolumab alone | 6.9 months | 37.6 months"), or the other way round."""
    out = []
    for m in _TABLE.finditer(text, a, b):
        rows = [_cells(text, r.start(), r.end()) for r in _LINE.finditer(text, m.start(), m.end())]
        if len(rows) < 2 or any(len(r) != len(rows[0]) or len(r) < 2 for r in rows):
            continue

        def kind_of(cell):
            kinds = [k for k in _mentions(text, *cell) if k.kind not in ("STOP", "PR", "SD")]
            return kinds[0].kind if kinds else None

        def arm_of(cell):
            named = _arm_mentions(text, cell[0], cell[1], record.arms, aliases)
            if named:
                return named[0][2]
            return re.sub(r"[- ](?:alone|only|group|arm)$", "", text[cell[0]:cell[1]].strip(), flags=re.I)

        col_kinds = [kind_of(c) for c in rows[0]]
        by_column = any(col_kinds[1:])
        found, not_reached = [], []
        for row in rows[1:]:
            for j in range(1, len(row)):
                kind = col_kinds[j] if by_column else kind_of(row[0])
                arm = arm_of(row[0]) if by_column else arm_of(rows[0][j])
                header = rows[0][j] if by_column else row[0]
                cs, ce = row[j]
                if kind is None or cs >= ce:
                    continue
                values = _values(text, cs, ce)
                if not values:
                    if kind in _TABLE_MEDIAN and _NOT_REACHED.search(text, cs, ce):
                        not_reached.append(NotReached(_TABLE_MEDIAN[kind], arm, text[row[0][0]:ce], row[0][0], ce))
                    continue
                v = values[0]
                unit = v.unit.split(":")[-1] if v.unit.startswith("time:") else v.unit
                timepoint = None
                if unit == "%" and kind in _TABLE_SHARE:
                    endpoint = _TABLE_SHARE[kind]
                elif unit == "%" and kind in _TABLE_RATE:
                    endpoint = _TABLE_RATE[kind]
                    tp = _TIMEPOINT.search(text, *header)
                    if tp:
                        timepoint = tp_label(tp)
                elif unit in ("months", "weeks", "years") and kind in _TABLE_MEDIAN:
                    endpoint = _TABLE_MEDIAN[kind]
                elif unit == "bare" and kind == "HR" and 0 < v.value < 20:
                    endpoint, unit = _ratio_endpoint(text, _mentions(text, *header)[0], _mentions(text, *header),
                                                     header[0]), "ratio"
                else:
                    continue
                if unit == "%" and not 0 <= v.value <= 100:
                    continue
                found.append(Outcome(endpoint=endpoint, arm="comparison" if unit == "ratio" else arm, value=v.value,
                                     unit=unit, ci_low=v.ci[0], ci_high=v.ci[1], p=v.p, timepoint=timepoint,
                                     text=text[row[0][0]:v.tail], char_start=row[0][0], char_end=v.tail,
                                     cited=record.design == "other" and not _own_study(text)))
        if found or not_reached:
            out.append((m.start(), m.end(), found, not_reached))
    return out


# A sentence end the splitter misses: a full stop, then citations ("... P = .007).[7][Level of evidence A1] At a").
_CITED_END = re.compile(r"[.!?][)\]]?(?:\[[^\[\]\n]{1,40}\])+\s+(?=[A-Z])")


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    listing = False  # the last sentence is a list's head ("The 1-year OS rates were:") with its bullets so far
    for s, e in sentence_spans(text, a, b):
        for m in _CITED_END.finditer(text, s, e):
            out.append((s, m.end() - len(m.group(0)) + len(m.group(0).rstrip())))
            s = m.end()
            listing = False
        if (listing or out and text[out[-1][0]:out[-1][1]].rstrip().endswith(":")) \
                and re.match(r"\s*[-•]\s", text[s:e]):
            out[-1] = (out[-1][0], e)  # a bullet ("- 88% for patients with scores of 0.") continues its list's head
            listing = True
            continue
        if out and re.fullmatch(r"[ \t]*\n[ \t]*", text[out[-1][1]:s]) \
                and re.search(r"[\w,(]\s*$", text[out[-1][0]:out[-1][1]]) and re.match(r"[a-z(]", text[s:e]):
            out[-1] = (out[-1][0], e)  # a line the page wrapped: "... for patients who received\nipilimumab (HR ..."
            continue
        out.append((s, e))
        listing = False
    return out


def study_regions(doc) -> list[tuple[int, int]]:
    """Where a document reports its own study: all of an abstract, a trial record or a page; for a full text its
    abstract, results and conclusions (not the introduction's or discussion's account of other studies)."""
    if doc.source_type != "fulltext" or not doc.sections:
        return [(0, len(doc.text))]
    keep = re.compile(r"^(?:abstract|summary|results?|findings|conclusions?|outcomes?|efficacy|safety)\b", re.I)
    regions = [(s.start, s.end) for s in doc.sections if keep.match(s.heading.split(">")[0].strip())]
    return regions or [(0, len(doc.text))]


# "Ninety-day mortality was 17.6% with IDC and 29.4% without (... hazard ratio for death ...)": deaths, not survivors
_MORTALITY_BEFORE = re.compile(r"\bmortality(?: rates?)?(?: at [\w-]+(?: days?| weeks?| months?| years?)?)?"
                               r"(?: was| were| of|:|,)?\s*(?:\d+(?:[.·]\d+)?\s*%\s*(?:\([^()]*\)\s*)?"
                               r"(?:\w+\s+){0,3}(?:and|versus|vs\.?|v|,)\s*)?$", re.I)


def _counts_another_event(text: str, v: _Value, anchor, s: int, e: int, endpoint: str) -> bool:
    """Does ``v`` count another event than its endpoint's: the subject of another verb, or a mortality read as a
    survival rate?"""
    if anchor.end <= v.start and _subject_of_another_verb(text, v, e):
        return True
    return endpoint.startswith("OS_rate") and bool(_MORTALITY_BEFORE.search(text, max(s, v.start - 90), v.start))


def _subject_of_another_verb(text: str, v: _Value, e: int) -> bool:
    """"(2%) patients in the docetaxel group died", "15.4% ... discontinued": the value counts another event."""
    verb = _CLAUSE_VERB.search(text, v.tail, min(e, v.tail + 120))
    return bool(verb and verb.group("v") and verb.group("v").lower() in _OTHER_VERBS)

# "Such side effects were seen in 20 patients (11 percent)": the events the sentence before named.
_SUCH_EVENTS = re.compile(r"\s*(?P<w>(?:Such|These|Those) (?:side effects|adverse events|events|toxicities|AEs))\b")


def _sentence_mentions(text: str, s: int, e: int, before: tuple[int, int] | None) -> list[_Mention]:
    """A sentence's endpoint words, with "Such side effects" and "it was" standing for the sentence before's."""
    mentions = _mentions(text, s, e)
    such = _SUCH_EVENTS.match(text, s, e)
    if such and before and any(m.kind == "AE3" for m in _mentions(text, *before)) \
            and not any(m.kind == "AE3" for m in mentions):
        mentions = sorted(mentions + [_Mention("AE3", such.start("w"), such.end("w"))], key=lambda m: m.start)
    return _anaphora(text, s, e, mentions, before)


def _another_trial(sentence: str, trial: str | None) -> bool:
    """Does the sentence name a trial and none of them the study's own ("CheckMate 025 ... demonstrated improved
    overall survival (26 vs 19.7 months)" in a text about CheckMate 214)? Its values are that trial's."""
    named = trial_names(sentence)
    return bool(named) and trial is not None and not any(same_trial(n, trial) for n in named)


def _sentence_outcomes(text: str, s: int, e: int, record: StudyOutcomes, aliases: dict[str, str],
                       defined: dict[str, str] | None = None, before: tuple[int, int] | None = None,
                       carried: list[str] | None = None, chosen: list[str] | None = None,
                       partials: list | None = None) -> list[Outcome]:
    """The outcome values of the sentence text[s:e]; its complete responses with their partial responses join
    ``partials`` (summed.py)."""
    mentions = _sentence_mentions(text, s, e, before)
    if not mentions:
        return []
    values = _values(text, s, e)
    _list_units(text, values)
    implied = _implied(text, s, e, values, mentions, before)
    values = sorted(values + [v for v, _ in implied.values()], key=lambda v: v.start) if implied else values
    sentence = text[s:e]
    if _PLANNED.search(sentence):
        return []  # a sample-size assumption or an expectation, not a result
    if _ANIMALS.search(sentence):
        return []  # a result in animals ("survival to day 14 was 90% in treated mice"): no patients' outcome
    # A paper of no stated design (a review, an excerpt) cites others' values, unless the sentence speaks of its own
    # patients; any paper cites when it says "previous studies".
    cited = (record.design == "other" and not _OWN.search(sentence) and not _own_study(text)) \
        or bool(_CITED.search(sentence)) or _another_trial(sentence, record.trial)
    respectively = bool(_RESPECTIVELY.search(sentence))
    arms, arm_mentions = _sentence_arms(text, s, e, record, aliases, carried)
    timepoints = _timepoint_list(sentence, s)
    out: list[Outcome] = []
    placed, anchors = _place(text, s, e, values, mentions, respectively)
    if implied:
        placed = _place_implied(text, s, placed, anchors, implied, mentions)
    last_timepoint: dict[str, str] = {}
    unplaced: list[tuple[Outcome, _Value]] = []  # the values the rules gave no arm
    for index, (v, endpoint) in enumerate(placed):
        placed_as = endpoint
        timepoint = None
        if endpoint == "OS_rate_pending" and anchors[id(v)].end <= v.start \
                and re.match(r"death|died", text[anchors[id(v)].start:anchors[id(v)].end], re.I):
            continue  # "death within 30 days occurred in 2.1%": a share who died, no survival rate
        if endpoint.endswith("_rate_pending"):
            timepoint = _timepoint_for(text, v, s, placed, index, timepoints, anchors[id(v)].start) \
                or last_timepoint.get(endpoint)
            word_end = anchors[id(v)].end
            if timepoint is None and defined and re.match(r"\s*rates?\b", text[word_end:word_end + 8]):
                timepoint = defined.get(endpoint)  # "the progression-free survival rate" the methods defined
            if timepoint is None:
                timepoint = sentence_timepoint(text, s, e)
            if timepoint is None:
                continue
            last_timepoint[endpoint] = timepoint  # "... at 12 months was 69.2% ... versus 49.4% ...": the same time
            endpoint = endpoint.replace("_rate_pending", "_rate")
        read = _value_unit(v, endpoint)
        if read is None:
            continue
        value, unit, ci = read
        if endpoint.startswith(("HR_", "OR_")) and not _a_ratio(text, s, v, endpoint, unit):
            continue
        if unit == "%" and (not 0 <= value <= 100 or ci[0] is not None and ci[0] < 0):
            continue  # (a share whose interval goes below zero is a difference: "1.3% (95% CI, -3.0% to 4.7%)")
        if endpoint.endswith("_median") and unit not in ("months", "weeks", "years"):
            continue
        if _counts_another_event(text, v, anchors[id(v)], s, e, endpoint):
            continue
        if endpoint == "AE_grade3plus" and _per_grade(text, v, anchors[id(v)], respectively,
                                                      sum(anchors[id(x)] is anchors[id(v)] for x, _ in placed[:index])):
            continue
        arm = "comparison" if endpoint.startswith(("HR_", "OR_")) else _arm_for(
            text, v, placed, index, placed_as, arm_mentions, arms, respectively)
        arm, decided = _review_arm(text, s, e, before, v, arm, record, cited)
        start, end = _span(text, v, anchors[id(v)])
        population = _population(text, v, s, e, tuple(record.arms))
        cohort = cohort_of(text, v) if population is None else None
        # One value said of every arm ("33% of patients in both arms", "the median survival for both arms was 18
        # months"): one value a arm.
        every = list(arms) if arm == "all" and len(arms) >= 2 and _of_every_arm(text, v, anchors[id(v)], e) \
            else [arm]
        for one in every:
            out.append(Outcome(endpoint=endpoint, arm=one, value=value, unit=unit, ci_low=ci[0], ci_high=ci[1],
                               p=v.p, timepoint=timepoint, text=text[start:end], char_start=start, char_end=end,
                               population=population or cohort, subgroup=population is not None, cited=cited))
        if every == ["all"] and not decided:
            unplaced.append((out[-1], v))
    _framed_arm(text, s, out, arm_mentions)
    pair_cohorts(text, out)
    _the_other_arm(text, out, arms)
    if respectively:
        _cohorts_respectively(text, e, out)
    _chosen_arms(text, unplaced, placed, arm_mentions, arms, respectively, record, aliases, s, e, before, chosen)
    partials.extend(partial_pairs(text, s, e, values, mentions, placed, out, arm_mentions, arms, respectively))
    return out


def _value_unit(v: _Value, endpoint: str) -> tuple[float, str, tuple] | None:
    """A value's number, unit and interval as the record gives them; None for one the record does not hold (a bare
    number that is no ratio, days)."""
    unit = v.unit.split(":")[-1] if v.unit.startswith("time:") else v.unit
    value, ci = v.value, v.ci
    if unit == "bare" and endpoint.endswith("_rate") and 0 < value < 1:
        # A landmark rate written as a proportion ("rates of 0.63 and 0.84"): as a percentage
        value, unit = round(100 * value, 1), "%"
        ci = (round(100 * ci[0], 1), round(100 * ci[1], 1)) if None not in ci else (None, None)
    if unit == "bare":
        if not endpoint.startswith(("HR_", "OR_")):
            return None
        unit = "ratio"
    return None if unit == "days" else (value, unit, ci)


def _a_ratio(text: str, s: int, v, endpoint: str, unit: str) -> bool:
    """Is a hazard or odds ratio's value one (not a bound, a share or a count)?"""
    if unit != "ratio" or not 0 < v.value < 20 and not (endpoint == "OR_other" and v.value < 1000
                                                        and v.ci[0] is not None):
        return False  # (an odds ratio of a rare exposure may be large: "OR, 21.2; 95% CI, 11.4-39.2")
    return not re.search(r"[<>≤≥]\s*$", text[max(s, v.start - 3):v.start])  # "HR, <1.50": a noninferiority margin


def _span(text: str, v: _Value, anchor: _Mention) -> tuple[int, int]:
    """From the endpoint word before the value (when close) to the end of the value, its CI and p-value; from the
    value to the endpoint word when the word follows ("17% had objective responses")."""
    start, end = v.start, v.tail
    if anchor.end <= v.start and v.start - anchor.end <= 120 \
            and ";" not in _PARENTHESES.sub("", text[anchor.end:v.start]):
        start = anchor.start  # (a value past a semicolon from its word: the value alone)
    elif anchor.start >= v.end and anchor.start - v.tail <= 80:
        end = max(end, anchor.end)
        count = re.search(r"(?:\b[\w-]+ )?(?:\b[\w-]+ )?patients? [(\[]$", text[max(0, v.start - 40):v.start])
        if count:  # "Nine patients (7%) with ... achieved": from the count
            start = v.start - len(count.group(0))
    while end > start and text[end - 1] in " ,;(":
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end) and end < len(text) and text[end] == ")":
        end += 1
    return start, end


# "(95% CI, 6.7 to not reached)", "38.2 months–NR": the open upper bound of an interval, not a median left unreached.
_BOUND_BEFORE = re.compile(r"\d(?:\.\d+)?\s*(?:months?|weeks?|years?|mo)?\s*(?:to|[-–—])\s*$", re.I)
# "not reached in the combination arm", "was not reached for patients who received X": the arm named right after.
_ARM_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:in|for|with|among)\s+(?:the\s+)?(?:(?:patients|those)\s+"
                        r"(?:who\s+received\s+|receiving\s+|given\s+|treated\s+with\s+)?)?$", re.I)


def _not_reached(text: str, s: int, e: int, record: StudyOutcomes, aliases: dict[str, str]) -> list[NotReached]:
    out = []
    for m in _NOT_REACHED.finditer(text, s, e):
        if _BOUND_BEFORE.search(text, max(s, m.start() - 30), m.start()):
            continue
        mentions = [x for x in _mentions(text, s, m.start())
                    if x.kind in ("PFS", "OS", "DOR", "DFS", "RFS", "EFS", "TTP")]
        if not mentions or m.start() - mentions[-1].end > 80:
            continue
        kind = mentions[-1].kind
        named = _arm_mentions(text, s, e, record.arms, aliases)
        after = [arm for a, _, arm in named if a >= m.end() and _ARM_AFTER.fullmatch(text, m.end(), a)]
        arms = [(abs(m.start() - b) if b <= m.start() else a - m.end(), arm) for a, b, arm in named]
        arms = [(d, arm) for d, arm in arms if d <= 60]
        arm = (after[0] if after else min(arms)[1]) if (after or arms) and len(record.arms) >= 2 else "all"
        out.append(NotReached(f"{kind}_median", arm, text[mentions[-1].start:m.end()], mentions[-1].start, m.end()))
    return out
