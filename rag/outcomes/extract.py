"""Outcome values read out of a study's text, each with its span: a sentence at a time, the endpoint words and
the values found in it, each value filed under the nearest endpoint that fits its unit, its arm from the arms
named in the sentence (or their order in "A vs B" and "..., respectively"), its confidence interval and p-value
from what follows it. Deterministic: the same text always gives the same record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chunk.sentences import sentence_spans
from .design import _DRUG, arms_with_aliases, design_of, n_of, phase_of, trial_of
from .numbers import COUNT, NUM, NUMBER_WORDS, ci_after, p_after, to_float
from .record import NotReached, Outcome, StudyOutcomes



def _code_fingerprint() -> str:
    """A hash of the code that reads outcomes (this package's rules and the sentence splitter they use)."""
    import hashlib
    from pathlib import Path

    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in (here / "extract.py", here / "design.py", here / "numbers.py", here / "record.py",
                 here.parent / "chunk" / "sentences.py"):
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


# The extractor's version: a number for the record's shape, and the hash of the rules' code, so that any change
# of what the extractor may make of a text re-extracts every index's outcomes on its next build (no
# re-embedding), with nothing to remember to bump.
EXTRACTOR_VERSION = f"2.{_code_fingerprint()}"

_I = re.I
# Endpoint words, most specific first; each gives a family (what a value near it measures).
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("pCR", r"\bpath(?:ologic(?:al)?)? complete (?:response|remission)s?(?: rates?)?|\bpCRs?\b"),
    ("AE3", r"\bgrades?\s*(?:3|III)\s*(?:,\s*4\s*,?\s*)?(?:or|to|-|–|/|and)\s*"
            r"(?:4|5|IV|V|higher|greater|worse|above|more)\b"
            r"(?=[^.;]{0,90}?\b(?:adverse|toxic|side|events?|effects?|AEs?|TRAEs?|irAEs?|toxicit))|"
            r"\bgrade\s*(?:≥|>=|≧|>)\s*(?:3|III)\b(?=[^.;]{0,90}?\b(?:adverse|toxic|side|events?|effects?|AEs?|TRAEs?|irAEs?))|"
            r"\b(?:adverse events?|AEs|TRAEs|toxicit(?:y|ies)|side effects)\s+(?:of\s+)?grade\s*(?:(?:3|III)\s*(?:or|to|-|–|/)\s*"
            r"(?:4|5|IV|V|higher|greater|worse|above|more)|(?:≥|>=|>)\s*3)\b|"
            r"\bgrade\s*(?:3|III)\s+(?:(?:treatment|immune|drug)-related\s+)?"
            r"(?:adverse events?|AEs?|TRAEs?|irAEs?|events?|toxicit(?:y|ies))\b|"
            r"\b(?:severe|high-grade) (?:treatment-related |immune-related |drug-related )?(?:adverse (?:events?|effects?|"
            r"reactions?)|toxicit(?:y|ies))|\bgrade\s*(?:3|III)\s*(?:or|to|-|–|/)\s*(?:4|5|IV|V)\b|\bgrade\s*(?:≥|>=|>)\s*3\b"),
    ("DCR", r"\bdisease[- ]control(?: rates?)?|\bDCRs?\b|\bclinical benefit(?: rates?)?|\bCBRs?\b"),
    ("CR", r"\bcomplete (?:response|remission|regression)s?(?: rates?)?|\bCRs?\b(?! ?\d)|\bcomplete(?:ly)? (?:responded|regressed)"),
    ("PR", r"\bpartial (?:response|remission|regression)s?|\bPRs?\b(?! ?\d)"),
    ("SD", r"\bstable disease\b|\bSD\b"),
    ("DOR", r"\bduration of (?:the )?(?:objective |tumou?r )?responses?|\bresponse duration|\bDoRs?\b|\bresponses? "
            r"(?:lasted|lasting|were durable)|\bmedian (?:duration of )?response (?:duration|time)"),
    ("TTP", r"\btime to (?:disease |tumou?r )?progression\b|\bTTP\b"),
    ("PFS", r"\bprogression[- ]free(?: survival)?|\bm?PFS\b|\bprogression or death\b"),
    ("EFS", r"\bevent[- ]free(?: survival)?|\bEFS\b"),
    ("RFS", r"\b(?:relapse|recurrence)[- ]free(?: survival)?|\bRFS\b"),
    ("DFS", r"\bdisease[- ]free(?: survival)?|\bDFS\b|\brecurrence or death\b"),
    # Metastasis-free survival ("time to death or distant metastasis"): not in the vocabulary, but its values and
    # its hazard ratio must not be read as overall survival's.
    # Survival of one cause, not overall survival: not in the vocabulary.
    ("DSS", r"\b(?:disease|cancer|melanoma|tumou?r|breast cancer)[- ]specific survival\b|\b(?:DSS|CSS)\b"),
    ("MFS", r"\b(?:distant[- ])?metastasis[- ]free(?: survival)?|\b(?:death or (?:distant )?metastas[ie]s|"
            r"(?:distant )?metastasis or death)\b|\bD?MFS\b"),
    ("OS", r"\boverall survival\b|\bm?OS\b|\bMST\b|\bsurvival(?: rates?)?\b|"
           r"\b(?:were|be|remain(?:ed)?|are|patients|participants) alive\b(?! (?:and|without|free))|"
           r"\bdeath\b|\bsurvived\b"),
    # A pathological response short of complete ("major pathological response", MPR): not in the vocabulary.
    ("MPR", r"\bmajor path(?:ologic(?:al)?)? (?:response|regression)s?|\bMPRs?\b|"
            r"\bpath(?:ologic(?:al)?)? (?:partial )?(?:response|regression)s?"),
    ("ORR", r"\b(?:objective|overall|clinical|tumou?r|best overall|confirmed|major|durable|antitumou?r|radiographic|"
            r"intracranial|investigator-assessed) (?:\w+ )?(?:response|remission|regression)s?(?: rates?)?|\bresponse rates?\b|"
            r"\bORRs?\b|\bRRs?\b|\bresponded\b|\bresponders?\b|\bresponses?\b|\bpartial or complete\b|\bcomplete or partial\b|"
            r"\bCR\s*\+\s*PR\b|\bregression of (?:measurable|all)|\bobjective(?:ly)? (?:tumou?r )?respon"),
    ("HR", r"\bhazard ratios?\b|\bHRs?\b(?![-+]|\s(?:positive|negative|status|expression))"),  # not "HR-positive"
    ("OR", r"\bodds ratios?\b|\bORs?\b(?=\s*(?:[=:,]|of|was|\d|\())"),
    # Words of other measures: values near them are not outcomes. Events of any grade or of grades 1, 2, 4 alone,
    # serious events, shares of a population ("comprising approximately 5% of cases"), follow-up, age, times to other
    # events, expression and test accuracy, positivity, mutations.
    ("STOP", r"\b(?:any|all)[- ]grades?\b|\bcompris(?:e|es|ing)\b|\baccount(?:s|ed|ing)? for\b|"
             r"\bconstitut(?:e|es|ing)\b|\bgrade\s*(?:[1245]|I{1,2}|IV|V|one|two|four|five)"
             r"(?:\s*(?:or|to|-|–|/|and)\s*(?:[12]|I{1,2}|one|two))?\s+(?:(?:treatment|immune|drug)-related\s+)?"
             r"(?:adverse\s+)?(?:events?|AEs?|TRAEs?|irAEs?|toxicit(?:y|ies)|side effects)\b|"
             r"\bserious (?:(?:treatment|immune|drug)-related )?(?:adverse (?:events?|effects?|reactions?)|AEs?|"
             r"TRAEs?|toxicit(?:y|ies))|\bfollow[- ]?up\b(?: (?:for|of) (?:overall )?survival\b)?|"
             r"\btime to (?:death|distant|second|subsequent)|\bmedian age\b|\baged?\b|\byears? old\b|"
             r"\bduration of (?:therapy|treatment)\b|\btime to (?:response|onset|treatment)\b|"
             r"\bmedian time\b(?! to (?:disease |tumou?r )?progression)|\bexpression\b|\bprevalence\b|\bincidence\b|"
             r"\bsensitivity\b|\bspecificity\b|\baccuracy\b|"
             r"(?<![\w-])positive\b(?! (?:tumou?rs?|patients|disease|cohort|subgroup|group|population))|"
             r"\bmutations?\b(?![- ](?:positive|negative|carriers?|cohorts?|groups?|subgroups?|populations?|"
             r"patients))"),
)
# Every endpoint word starts a word: the guard skips the other positions at once.
_KEYWORD = re.compile(r"\b(?=[A-Za-z])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _KEYWORDS) + ")",
                      re.I)
_CASE_SENSITIVE = {"CR", "PR", "SD", "OS", "HR", "OR", "DCR", "TTP", "PFS", "EFS", "RFS", "DFS", "ORR", "MFS", "DSS",
                   "MPR"}

_TIME_UNIT = r"(?:months?|mo\.?|weeks?|wk|years?|yr|days?)"
_VALUE = re.compile(
    rf"(?=[\d.·]|\b[zotfsenZOTFSEN])(?:"
    rf"(?P<frac>(?P<num>{COUNT})\s*(?:of|/|out of)\s*(?:the\s+)?(?P<den>\d[\d,]*)(?:\s+\w+){{0,4}}?\s*\((?P<pct1>{NUM})\s*%\))"
    rf"|(?P<fracpct>(?P<num2>{COUNT})\s*/\s*(?P<den2>\d+)\s*\((?P<pct2>{NUM})\s*%\))"
    rf"|(?P<pct>(?<![\w.·≥≤<>=])(?P<pv>{NUM}|{NUMBER_WORDS}(?=[\s-]+per ?cent\b))[\s-]*(?:%|percent\b|per cent\b))"
    rf"|(?P<time>(?<![\w.·\-])(?P<tv>{NUM})[\s\ufffd]*"
    rf"(?:\((?:IQR|range|interquartile range)?[,:;]?\s*{NUM}\s*(?:[-–]|to)\s*"
    rf"{NUM}\)\s*)?(?P<tu>{_TIME_UNIT})(?![\w-]))"
    # The first items of a list whose unit is written once, at its end: "2.2 and 5.0 months", "17, 32 and 29%".
    rf"|(?P<listtime>(?<![\w.·\-])(?P<ltv>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:and|or|versus|vs\.?|v\.?)\s*{NUM}\s*"
    rf"(?P<ltu>{_TIME_UNIT})(?![\w-])))"
    rf"|(?P<listpct>(?<![\w.·\-])(?P<lpv>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:and|or)\s*{NUM}\s*%))"
    rf"|(?P<count>(?<![\w.·])(?P<num3>{COUNT})(?:\s+(?:of|out of)\s+(?:the\s+)?(?P<den3>\d[\d,]*)\b(?!\s*%)|"
    rf"\s*/\s*(?P<den4>\d+)(?=\s+(?:evaluable\s+|assessable\s+)?(?:patients|participants|subjects|cases|pts)\b)))"
    rf"|(?P<bare>(?<![\w.·%\-])(?P<bv>\d*[.·]\d+)(?![\w.·%]|\s*[-–]\s*\d|-[A-Za-z])))",
    re.I,
)
# A time point: "2-year", "12-month", "2-y", "1-yr", "12-mo", "at 6 months".
_TP_UNIT = r"(?:years?|months?|weeks?|yrs?|y|mos?|mths?|wks?)"
_TIMEPOINT = re.compile(rf"\b(?P<n>\d+(?:[.·]\d+)?|one|two|three|four|five|ten)[- ](?P<u>{_TP_UNIT})\b(?![- ]old)|"
                        rf"\bat (?P<n2>\d+(?:[.·]\d+)?|one|two|three|five) (?P<u2>{_TP_UNIT})\b", re.I)
# "1-, 2-, and 3-year", "at 1 and 2 years".
_TIMEPOINT_LIST = re.compile(rf"\b(?P<list>\d+(?:-?,\s*\d+)*-?,?\s*(?:and|or)\s*\d+)[- ](?P<u>{_TP_UNIT})\b", re.I)
_RESPECTIVELY_COMMAS = re.compile(r"\s*,\s*respectively\s*,\s*", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NOT_REACHED = re.compile(r"\b(?:was |were |had )?not (?:yet )?(?:been )?reached\b|\bNR\b", re.I)
_CITED = re.compile(r"\b(?:previous(?:ly)?|earlier|prior) (?:\w+ ){0,2}(?:stud(?:y|ies)|trials?|reports?|analys[ie]s)\b|"
                    r"\bhas been (?:shown|reported)\b|\bhave (?:shown|reported|demonstrated)\b|\bwas reported\b", re.I)
_SUBGROUP = re.compile(r"\b(?:among|in|for) (?:the )?(?:\d+ )?(?:patients?|those|subgroups?|cohorts?|participants)"
                       r"(?: who| with| whose)[^,;.()]{3,70}|\bPD-?L1[^,;.()]{0,30}?(?:[≥>≤<]=?|of at least|of ≥)\s*\d+\s*%|"
                       r"\b(?:in|among) (?:the )?[\w-]+(?: [\w-]+)? (?:subgroup|cohort|population)\b", re.I)
_PLANNED = re.compile(r"\b(?:we (?:will |would )?(?:expect|assume|hypothesi[sz]e|anticipate)|(?:is|are|was|were) "
                      r"(?:expected|assumed|hypothesi[sz]ed|anticipated)|sample size|(?:statistical )?power(?:ed)? to|"
                      r"will be (?:enrolled|randomi[sz]ed|treated)|to detect (?:an?|the) |assuming\b|"
                      r"(?:null|alternative) hypothes[ie]s\b|\d+\s?% power\b|\bpower of \d|\b[pP][01]\s*=|"
                      r"\bH[01]\s*:|\bSimon\b|\btwo-stage design\b|\btargeted to be\b|"
                      r"\bwould (?:be )?(?:indicate|warrant))", re.I)
# A share of responders ("84% of responses were ongoing"), not a response rate.
_OF_RESPONDERS = re.compile(r"\b(?:defined as|criteri\w*|threshold|cut-?off|ongoing|continuing|remain(?:ed|s)? in|still in|of (?:the )?(?:\d+ )?(?:confirmed )?"
                            r"responders|among (?:the )?responders|unconventional|immune-pattern|stabili[sz]ation)\b", re.I)
# A response of the immune system or a laboratory measure ("tumor-specific T cell responses", "antibody response"),
# not a tumour's: the words just before "response".
_LAB_RESPONSE = re.compile(r"(?:\bT[- ]?cells?|\bimmune|\bimmunologic(?:al)?|\bantibody|\bserologic(?:al)?|\bhumoral|"
                           r"\bcellular|\bCD[48]\+?(?: T)?|\bantigen-specific|\bDTH|\bcytokine|\bIFN-?γ?|"
                           r"\binterferon-?(?:γ|gamma)?|\bT-?helper|\bTh[12]|\bvaccine-induced|"
                           r"\bdelayed-type hypersensitivity|\bPSA|\bmolecular|\bmetabolic|\bbiochemical|\bcytogenetic|"
                           r"\bhaematologic(?:al)?|\bhematologic(?:al)?|"
                           r"\bvirologic(?:al)?|\bserum)"
                           r"(?:[- ](?!related)[\w-]+)?\s*$", re.I)
_IN_CI = re.compile(rf"\b(?:CI|confidence intervals?|credible intervals?)\b[\s,:=(\[]*(?:(?:was|of|is)\s+)?"
                    rf"(?:{NUM}\s*%?\s*(?:[-–;,]|to)\s*)?$", re.I)
_LABEL_BEFORE = re.compile(r"\b(?:group|arm|cohort|phase|grade|stage|day|cycle|version|type|part|step|level|class|"
                           r"CD|IL|G|n|N)\s*=?\s*$", re.I)
# "(9%) achieved", "(53%) of 15 patients treated with X in the Y cohort had": the value is the subject's.
_TIED_BY_VERB = re.compile(rf"(?P<who>(?:of\s+(?:the\s+)?(?:{COUNT})\s+)?(?:[\w-]+\s+){{0,2}}?"
                           rf"(?:patients?|participants|subjects|those)\b[^,;()]{{0,80}}?\s)?(?:who\s+|that\s+)?"
                           rf"(?:had|achieved|experienced|showed|developed|"
                           rf"attained|obtained)\b", re.I)
# The verb a value is the subject of, up to the end of its clause: "(2%) patients in the docetaxel group died", "15.4%
# and 9.8% of the patients, respectively, discontinued the trial regimen": a value of another measure.
_CLAUSE_VERB = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\.\s|\b(?:versus|vs|compared)\b|"
                          r"(?<!who )(?<!that )(?<!which )\b(?P<v>had|has|have|achieved|experienced|developed|showed|"
                          r"attained|obtained|occurred|was|were|died|discontinued|withdrew|stopped|required|"
                          r"needed)\b", re.I)
_OTHER_VERBS = {"died", "discontinued", "withdrew", "stopped", "required", "needed"}
# "from 38% to 53%" (a change: two values), unless a range is meant ("ranging from 20% to 40%").
_NOT_A_RANGE = r"(?<!ranging )(?<!ranged )(?<!range )(?<!varying )(?<!varied )"
_CHANGE_FROM = re.compile(_NOT_A_RANGE + r"\bfrom\s*$", re.I)
_CHANGE_TO = re.compile(_NOT_A_RANGE + r"\bfrom\s+[\d.·]+\s*%?\s*(?:to|-|–)\s*$", re.I)
_SHRINKAGE = re.compile(r"\s*(?:of (?:the )?(?:tumou?r |lesion )?(?:volume|size|diameters?|burden|dimensions?)|"
                        r"(?:tumou?r |lesion )?(?:reduction|shrinkage|decrease|regression) (?:in|of) (?:the )?"
                        r"(?:tumou?r|lesion|size|volume|sum))\b", re.I)
_NOT_A_LEVEL = re.compile(r"\b(?:by|up to|difference of|increase of|improvement of|reduction of|decrease of|"
                          r"gain of)\s*$", re.I)
_BETWEEN = re.compile(rf"\bbetween\s+{NUM}\s*%?\s*and\s*$", re.I)
_RESTATED = re.compile(rf"\s*[(\[]\s*(?:n\s*=\s*)?{COUNT}\s*(?:of|/|out of)\s*(?:the\s+)?\d[\d,]*"
                       rf"(?:\s+[\w-]+){{0,2}}?\s*[)\]]", re.I)
_BARE_CI = re.compile(r",\s*(\d*[.·]\d+)\s*(?:[-–]|to)\s*(\d*[.·]\d+)\b")
_HAS_NUMBER = re.compile(r"\d|not (?:yet )?(?:been )?reached|\bper ?cent\b", re.I)
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TIME_TO_MONTHS = {"month": "months", "months": "months", "mo": "months", "mo.": "months", "week": "weeks",
                   "weeks": "weeks", "wk": "weeks", "year": "years", "years": "years", "yr": "years"}
_WORD_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "ten": "10"}


@dataclass
class _Mention:
    kind: str
    start: int
    end: int


@dataclass
class _Value:
    value: float
    unit: str  # "%", "time:<unit>", "ratio", "bare"
    start: int
    end: int
    tail: int  # end of the value with its CI and p-value
    ci: tuple[float | None, float | None] = (None, None)
    p: str | None = None


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
    title = title or ""
    read = " ".join(text[a:b] for a, b in regions)
    design = design_of(title, read)
    record = StudyOutcomes(doc_id=doc_id or "", pmid=pmid, design=design, phase=phase_of(title) or phase_of(read),
                           version=EXTRACTOR_VERSION, trial=trial_of(title, read))
    n = n_of(read)
    record.n = {"value": n["value"], "what": n["what"]} if n else None
    arms, aliases = arms_with_aliases(title, read, design)
    record.arms = arms
    seen: set[tuple] = set()
    defined = _defined_timepoints(read)
    for a, b in regions:
        tables = _tables(text, a, b, record, aliases) if text.find("|", a, b) >= 0 else []
        for s, e in sentence_spans(text, a, b):
            table = next((t for t in tables if t[0] <= s < t[1]), None)
            if table is not None:  # a table's rows are read as a table, once
                found, not_reached = table[2:] if s == table[0] else ([], [])
            elif not _HAS_NUMBER.search(text, s, e):
                continue
            else:
                found, not_reached = _sentence_outcomes(text, s, e, record, aliases, defined), \
                    _not_reached(text, s, e, record, aliases)
            for outcome in found:
                key = (outcome.endpoint, outcome.arm, round(outcome.value, 3), outcome.timepoint, outcome.population)
                if key not in seen:  # a value repeated in the conclusions is reported once
                    seen.add(key)
                    record.outcomes.append(outcome)
            record.not_reached += not_reached
    return record


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
                        n = tp.group("n") or tp.group("n2")
                        timepoint = f"{_WORD_NUMBERS.get(n.lower(), n)}-{_tp_unit(tp.group('u') or tp.group('u2'))}"
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
                                     cited=record.design == "other"))
        if found or not_reached:
            out.append((m.start(), m.end(), found, not_reached))
    return out


def study_regions(doc) -> list[tuple[int, int]]:
    """Where a document reports its own study: all of an abstract, a trial record or a page; for a full text its
    abstract, results and conclusions (not the introduction's or discussion's account of other studies)."""
    if doc.source_type != "fulltext" or not doc.sections:
        return [(0, len(doc.text))]
    keep = re.compile(r"^(?:abstract|summary|results?|findings|conclusions?|outcomes?|efficacy|safety)\b", re.I)
    regions = [(s.start, s.end) for s in doc.sections if keep.match(s.heading.split(">")[0].strip())]
    return regions or [(0, len(doc.text))]


def _mentions(text: str, s: int, e: int) -> list[_Mention]:
    out = []
    for m in _KEYWORD.finditer(text, s, e):
        kind = m.lastgroup
        if kind in _CASE_SENSITIVE and m.group(0).isalpha() and m.group(0).upper() == m.group(0) \
                and not re.fullmatch(r"[A-Z]+s?", m.group(0)):
            continue
        word = m.group(0)[1:] if m.group(0)[:2] in ("mO", "mP") else m.group(0)  # "mOS", "mPFS": median OS, PFS
        if kind in ("OS", "HR", "OR", "CR", "PR", "SD") and len(word) <= 3 and not word[:2].isupper():
            continue  # "or", "os", "hr" in running text are words, not abbreviations
        if kind == "ORR" and _LAB_RESPONSE.search(text, max(s, m.start() - 40), m.start()):
            kind = "STOP"  # "T cell responses in 71%", "an immune response was found in 62 patients (64%)"
        out.append(_Mention(kind, m.start(), m.end()))
    return out


def _a_share(text: str, s: int, e: int, vs: int, ve: int) -> bool:
    """Is the percentage at text[vs:ve] a value (not a range's end, a change, a cut-off, a CI's level)?"""
    before = text[max(s, vs - 14):vs]
    if re.search(r"\d\s*%?\s*(?:to|-|–)\s*$", before) and not _CHANGE_TO.search(text, max(s, vs - 40), vs):
        return False  # the end of a range ("6 to 17%", "5-25%"): not one value; "from 38% to 53%" is two
    if re.match(r"\s*(?:to|-|–)\s*[\d.·]+\s*%", text[ve:ve + 16]) \
            and not _CHANGE_FROM.search(text, max(s, vs - 30), vs):
        return False  # the start of a range ("15% to 20%")
    if _NOT_A_LEVEL.search(text, max(s, vs - 24), vs):
        return False  # "increased by 20%", "up to 40%": a change or a ceiling, not a rate
    if _BETWEEN.search(text, max(s, vs - 30), vs) or re.match(rf"\s*and\s*{NUM}\s*%", text[ve:ve + 16]) \
            and re.search(r"\bbetween\s*$", text[max(s, vs - 10):vs], re.I):
        return False  # "between 10% and 20%": a range
    if re.search(r"(?:[≥≤<>]=?|at least|of|TPS|CPS|score|expression)\s*$", before, re.I) \
            and re.search(r"PD-?L1|TPS|CPS|expression|score|≥|≤|<|>", text[max(s, vs - 40):vs], re.I):
        return False  # a biomarker cut-off ("PD-L1 ≥50%"), not an outcome
    if re.match(r"\s*(?:CI|confidence|credible)", text[ve:ve + 16], re.I):
        return False  # "95% CI"
    # "(more than 50 per cent of volume)", "a 30% decrease": a threshold of shrinkage
    return not _SHRINKAGE.match(text, ve, min(e, ve + 40))


def _values(text: str, s: int, e: int) -> list[_Value]:
    out: list[_Value] = []
    consumed_to = s
    for m in _VALUE.finditer(text, s, e):
        if m.start() < consumed_to:
            continue
        unit, value, vs, ve = None, None, m.start(), m.end()
        if m.group("frac") or m.group("fracpct"):
            value = to_float(m.group("pct1") or m.group("pct2"))
            unit = "%"
        elif m.group("pct"):
            if not _a_share(text, s, e, vs, ve):
                continue
            value, unit = to_float(m.group("pv")), "%"
            restated = _RESTATED.match(text, ve, min(e, ve + 50))
            if restated:  # "40% (4 of 10 patients)": the count says the share again; one value
                ve = restated.end()
        elif m.group("time") or m.group("listtime"):
            number, word = (m.group("tv"), m.group("tu")) if m.group("time") else (m.group("ltv"), m.group("ltu"))
            if re.match(r"\s*(?:longer|shorter|more|less|gain|improvement|increase|difference|benefit)\b", text[ve:ve + 20], re.I):
                continue  # "6 months longer median overall survival": a difference, not a median
            value, unit = to_float(number), "time:" + _TIME_TO_MONTHS.get(word.lower().rstrip("."), "days")
        elif m.group("listpct"):
            value, unit = to_float(m.group("lpv")), "%"
        elif m.group("count"):
            num, den = to_float(m.group("num3")), to_float((m.group("den3") or m.group("den4")).replace(",", ""))
            if num is None or not den or num > den:
                continue
            value, unit = round(100 * num / den, 1), "%"
        elif m.group("bare"):
            value, unit = to_float(m.group("bv")), "bare"
        if value is None:
            continue
        if _IN_CI.search(text, max(s, vs - 30), vs):
            continue  # a bound of a confidence interval that was not read as one ("95% CI [0.60; 0.86]")
        if _LABEL_BEFORE.search(text, max(s, vs - 12), vs):
            continue  # "group 1", "grade 3", "phase 2", "cycle 4": a label, not a value
        if re.search(r"\b[Pp](?:\s*-?\s*values?)?\s*(?:[=<>≤≥]|&lt;|&gt;)\s*$", text[max(s, vs - 12):vs]):
            continue  # a p-value written where no value took it
        low, high, tail = ci_after(text, ve)
        if low is None and unit == "bare":  # Lancet style: "HR 0.88, 0.75-1.03; p=0.12" (a ratio, then its CI)
            m2 = _BARE_CI.match(text, ve)
            if m2 and to_float(m2.group(1)) is not None and to_float(m2.group(2)) is not None \
                    and to_float(m2.group(1)) <= value <= to_float(m2.group(2)):
                low, high, tail = to_float(m2.group(1)), to_float(m2.group(2)), m2.end()
        p, p_end = p_after(text, tail)
        if low is not None and unit == "%" and not (low <= value <= high):
            low = high = None
            tail = ve
        out.append(_Value(value, unit, vs, ve, max(tail, p_end if p else tail), (low, high), p))
        consumed_to = max(tail, p_end if p else tail)
    return out


def _list_units(text: str, values: list[_Value]) -> None:
    """A bare number next to a unit-bearing one in a list takes its unit ("9.2 versus 6.0 months", "0.63 and 0.69")."""
    for i, v in enumerate(values):
        if v.unit == "bare":
            for w in values[i + 1:i + 3]:
                if w.unit != "bare" and re.fullmatch(r"[\s,;]*(?:versus|vs\.?|v\.?|and|or|,|to|compared with)?[\s,]*",
                                                     text[v.tail:w.start], re.I):
                    v.unit = w.unit
                    break


def _subject_of_another_verb(text: str, v: _Value, e: int) -> bool:
    """"(2%) patients in the docetaxel group died", "15.4% ... discontinued": the value counts another event."""
    verb = _CLAUSE_VERB.search(text, v.tail, min(e, v.tail + 120))
    return bool(verb and verb.group("v") and verb.group("v").lower() in _OTHER_VERBS)


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


def _sentence_outcomes(text: str, s: int, e: int, record: StudyOutcomes, aliases: dict[str, str],
                       defined: dict[str, str] | None = None) -> list[Outcome]:
    mentions = _mentions(text, s, e)
    if not mentions:
        return []
    values = _values(text, s, e)
    _list_units(text, values)
    sentence = text[s:e]
    if _PLANNED.search(sentence):
        return []  # a sample-size assumption or an expectation, not a result
    cited = record.design == "other" or bool(_CITED.search(sentence))
    respectively = bool(_RESPECTIVELY.search(sentence))
    arms = record.arms
    if len(arms) < 2:
        # A text with no arms of its own (a review, an excerpt) that compares treatments in this sentence:
        # "nivolumab demonstrated a survival benefit versus docetaxel (median overall survival: 9.2 versus 6.0 months)".
        arms = _local_arms(sentence)
        arms = arms if len(arms) >= 2 else record.arms
    arm_mentions = _arm_mentions(text, s, e, arms, aliases)
    timepoints = _timepoint_list(sentence, s)
    out: list[Outcome] = []
    placed, anchors = _place(text, s, e, values, mentions, respectively)
    last_timepoint: dict[str, str] = {}
    for index, (v, endpoint) in enumerate(placed):
        placed_as = endpoint
        timepoint = None
        if endpoint.endswith("_rate_pending"):
            timepoint = _timepoint_for(text, v, s, placed, index, timepoints) or last_timepoint.get(endpoint)
            word_end = anchors[id(v)].end
            if timepoint is None and defined and re.match(r"\s*rates?\b", text[word_end:word_end + 8]):
                timepoint = defined.get(endpoint)  # "the progression-free survival rate" the methods defined
            if timepoint is None:
                continue
            last_timepoint[endpoint] = timepoint  # "... at 12 months was 69.2% ... versus 49.4% ...": the same time
            endpoint = endpoint.replace("_rate_pending", "_rate")
        unit = v.unit.split(":")[-1] if v.unit.startswith("time:") else v.unit
        if unit == "bare":
            if not endpoint.startswith(("HR_", "OR_")):
                continue
            unit = "ratio"
        if unit == "days":
            continue
        if endpoint.startswith(("HR_", "OR_")) and (unit != "ratio" or not 0 < v.value < 20):
            continue
        if unit == "%" and not 0 <= v.value <= 100:
            continue
        if endpoint.endswith("_median") and unit not in ("months", "weeks", "years"):
            continue
        if anchors[id(v)].end <= v.start and _subject_of_another_verb(text, v, e):
            continue
        arm = "comparison" if endpoint.startswith(("HR_", "OR_")) else _arm_for(
            text, v, placed, index, placed_as, arm_mentions, arms, respectively)
        start, end = _span(text, v, anchors[id(v)])
        population = _population(text, v, s, e)
        cohort = cohort_of(text, v) if population is None else None
        out.append(Outcome(endpoint=endpoint, arm=arm, value=v.value, unit=unit, ci_low=v.ci[0], ci_high=v.ci[1],
                           p=v.p, timepoint=timepoint, text=text[start:end], char_start=start, char_end=end,
                           population=population or cohort, subgroup=population is not None, cited=cited))
    if respectively:
        _cohorts_respectively(text, e, out)
    return out


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
        names = [re.sub(r"^(?:patients? with |those with |the )?(?:metastatic |advanced |unresectable |recurrent )*", "",
                        n.strip(), flags=re.I) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list"))]
        names = [n for n in names if n]
        if len(names) == len(group):
            for o, name in zip(group, names):
                o.population = name


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
_PAIR_KINDS = {"ORR", "CR", "DCR", "pCR", "AE3", "PFS", "OS", "DFS", "RFS", "EFS", "DOR", "TTP", "MFS", "DSS", "MPR"}


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
            and bool(re.search(r"\b(?:and|versus|vs\.?|v\.?|compared with|to|or)\b|,", gap)))


def _endpoint_for(text: str, v: _Value, mentions: list[_Mention], s: int) -> tuple[str, _Mention] | None:
    """The endpoint a value reports: the nearest endpoint word that fits its unit (left of it preferred)."""
    kind_of_unit = "time" if v.unit.startswith("time:") else v.unit
    best, best_cost = None, 1e9
    for m in mentions:
        if kind_of_unit not in _FAMILY_UNITS[m.kind] and not (kind_of_unit == "bare" and m.kind in ("HR", "OR")):
            continue
        if m.end <= v.start:
            gap = text[m.end:v.start]
            # A parenthesis between the word and its value ("rates by RECIST (...) were 49%") does not part them.
            cost = len(_PARENTHESES.sub("", gap)) + (40 if re.search(r"[;]|\bwhereas\b|\bbut\b", gap) else 0)
        elif m.start >= v.end:
            if m.kind == "STOP":
                continue  # "(8.1%) patients treated with high-dose...": a stop word only counts before the value
            gap = (text[v.tail:m.start] if m.start >= v.tail else text[v.end:m.start]).lstrip(")] ")
            # "20% and 9% of patients, respectively, had an objective response"
            gap = _RESPECTIVELY_COMMAS.sub(" ", gap)
            if re.search(r"[;,)]|\b(?:whereas|but|while|as (?:were|was|did))\b", gap):
                continue  # "(73.4% vs. 90.0%), as were grade 3 events": the word after belongs to the next clause
            cost = 1.6 * len(gap) + 8
            tie = _TIED_BY_VERB.match(gap)
            if tie:  # "37 (9%) achieved a partial response", "Eight (53%) of 15 patients treated with ... had grade 3
                # or worse adverse events": the verb ties the value to the word after it
                cost = (1.6 * (len(gap) - tie.end()) + 8) * 0.2 + (5 if tie.group("who") else 0)
        else:
            continue
        if m.kind in ("HR", "OR") and m.end <= v.start:
            cost *= 0.5  # a ratio follows its name closely ("hazard ratio for death, 0.73")
        if cost < best_cost:
            best, best_cost = m, cost
    if best is None or best_cost > 140 or best.kind in _NOT_ENDPOINTS:
        return None
    endpoint = _endpoint_of(text, v, best, mentions, s, kind_of_unit)
    return (endpoint, best) if endpoint else None


def _endpoint_of(text: str, v: _Value, best: _Mention, mentions: list[_Mention], s: int, kind_of_unit: str) -> str | None:
    if best.kind in _NOT_ENDPOINTS:
        return None
    if v.unit in ("bare", "ratio") and best.kind in ("HR", "OR"):
        return _ratio_endpoint(text, best, mentions, s) if best.kind == "HR" else "OR_other"
    if best.kind in ("HR", "OR"):
        return None
    if best.kind in ("ORR", "CR") and _OF_RESPONDERS.search(
            text[min(best.start, v.start):max(best.end, v.tail) + 70]):
        return None
    if best.kind == "AE3" and best.end <= v.start and re.search(
            r"\b(?:including|such as|most(?:ly)? commonly|most (?:common|frequent)\w*|namely|mainly|notably)\b|"
            r":(?=[^:]*[A-Za-z])|"
            r"\b(?:was|were) (?!observed|reported|seen|noted|experienced|similar|more|less|higher|lower)[a-z]+",
            text[best.end:v.start], re.I):
        return None  # one kind of event ("grade 3-4 events, including fatigue (4%)"), not all of them
    if kind_of_unit == "time":
        if best.kind in ("ORR", "CR", "DCR", "pCR", "AE3"):
            return None
        before = text[max(s, v.start - 14):v.start]
        if re.search(r"(?:\b(?:every|each|per|up to|than|within|beyond|after|at|by|over|least|for)\s*|[≥≤<>]\s*)$",
                     before, re.I) \
                or re.search(r"\b(?:at|after|by|within)\s+\d+(?:\s*,\s*\d+)*,?\s*(?:and|or|to|-)\s*$",
                             text[max(s, v.start - 30):v.start], re.I):
            return None  # "at 12 months", "every 2 weeks", "≥6 months": a time point or a schedule, not a median
        return {"RFS": "RFS_median"}.get(best.kind, f"{best.kind}_median")
    if best.kind in ("PFS", "OS", "DFS", "RFS", "EFS"):
        if best.kind == "EFS":
            return None
        return ("DFS" if best.kind == "RFS" else best.kind) + "_rate_pending"
    return {"AE3": "AE_grade3plus"}.get(best.kind, best.kind)


def _ratio_endpoint(text: str, hr: _Mention, mentions: list[_Mention], s: int) -> str:
    """HR_PFS, HR_OS, ...: what follows "hazard ratio for", else the survival endpoint named nearest before it."""
    after = text[hr.end:hr.end + 45]
    composite = re.search(r"progression", after, re.I) and re.search(r"recurrence|relapse", after, re.I)
    named = (("PFS", r"progression|PFS"), ("DFS", r"recurrence|relapse|disease[- ]free|DFS|RFS"), ("EFS", r"event|EFS"),
             ("OS", r"death|OS\b|overall survival|mortality"))
    for kind, name in () if composite else named:
        if re.match(rf"\s*(?:\(|,)?\s*(?:for|of)\s+(?:\w+\s+){{0,3}}?(?:{name})", after, re.I):
            return f"HR_{kind}"
    near = [m for m in mentions if m.kind in ("PFS", "OS", "DFS", "RFS", "EFS", "MFS") and m.end <= hr.start + 1]
    if near:
        kind = near[-1].kind
        if kind == "MFS":
            return "HR_other"
        return "HR_DFS" if kind == "RFS" else f"HR_{kind}"
    near = [m for m in mentions if m.kind in ("PFS", "OS", "DFS", "RFS", "EFS") and m.start >= hr.end
            and m.start - hr.end < 40]
    if near:
        return "HR_DFS" if near[0].kind == "RFS" else f"HR_{near[0].kind}"
    return "HR_other"


# An endpoint the methods define with its time point: "the 20-week immune-related progression-free survival rate".
_DEFINED_RATE = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|ten)[- ](?P<u>week|month|year)s?[- ](?:[\w-]+ ){0,2}?"
                          r"(?P<e>progression[- ]free|overall|disease[- ]free|relapse[- ]free|recurrence[- ]free)"
                          r"(?: survival)? rates?\b", re.I)


def _defined_timepoints(text: str) -> dict[str, str]:
    """{"PFS_rate_pending": "20-week"} for each landmark rate the text defines with one time point only: the time
    point of its rates reported without one ("... progression-free survival rate were 40% and 78%")."""
    found: dict[str, set[str]] = {}
    for m in _DEFINED_RATE.finditer(text):
        family = {"p": "PFS", "o": "OS"}.get(m.group("e")[0].lower(), "DFS")
        found.setdefault(f"{family}_rate_pending", set()).add(
            f"{_WORD_NUMBERS.get(m.group('n').lower(), m.group('n'))}-{m.group('u').lower()}")
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _tp_unit(word: str) -> str:
    """"years", "yr", "y" -> "year"; "mo", "months" -> "month"; "wk" -> "week"."""
    w = word.lower()
    return "year" if w.startswith("y") else "month" if w.startswith("m") else "week"


def _timepoint_list(sentence: str, s: int) -> list[str]:
    m = _TIMEPOINT_LIST.search(sentence)
    if not m:
        return []
    numbers = re.findall(r"\d+", m.group("list"))
    return [f"{n}-{_tp_unit(m.group('u'))}" for n in numbers]


def _timepoint_for(text: str, v: _Value, s: int, placed, index: int, timepoints: list[str]) -> str | None:
    if timepoints:
        rates = [p for p in placed if p[1].endswith("_rate_pending")]
        position = next(i for i, p in enumerate(rates) if p[0] is v)
        if len(rates) % len(timepoints) == 0:
            return timepoints[position % len(timepoints)]
    before = list(_TIMEPOINT.finditer(text, max(s, v.start - 90), v.start))
    after = list(_TIMEPOINT.finditer(text, v.tail, min(len(text), v.tail + 30)))
    # The time point nearest before the value ("the 12-month rate was 55.9% versus 35.3%, and the 18-month..."),
    # else one just after it ("55.9% at 12 months").
    best = before[-1] if before else (after[0] if after else None)
    if best is None:
        return None
    n = best.group("n") or best.group("n2")
    unit = _tp_unit(best.group("u") or best.group("u2"))
    return f"{_WORD_NUMBERS.get(n.lower(), n)}-{unit}"


def _arm_mentions(text: str, s: int, e: int, arms: list[str], aliases: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the sentence names an arm: its full name, its first word (the drug), its abbreviation, or "placebo"."""
    names: list[tuple[str, str]] = []
    for arm in arms:
        names.append((arm, arm))
        words = re.split(r"\s+(?:plus|and|with|\+)\s+|\s+", arm)
        head = words[0]
        if len(head) >= 4 and sum(1 for a in arms if a.lower().startswith(head.lower())) == 1:
            names.append((head, arm))
        # Its last word, when no other arm has it: "chemotherapy" for "platinum-based chemotherapy".
        tail = words[-1]
        if len(words) > 1 and len(tail) >= 5 and sum(1 for a in arms if tail.lower() in a.lower()) == 1:
            names.append((tail, arm))
    names += [(alias, arm) for alias, arm in aliases.items()]
    found: list[tuple[int, int, str]] = []
    for name, arm in sorted(names, key=lambda x: -len(x[0])):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[s:e], re.I):
            a, b = s + m.start(), s + m.end()
            if not any(a < fb and b > fa for fa, fb, _ in found):
                found.append((a, b, arm))
    return sorted(found)


def _arm_for(text: str, v: _Value, placed, index: int, endpoint: str, arm_mentions, arms: list[str],
             respectively: bool) -> str:
    if len(arms) < 2:
        return "all"
    named: list[str] = []
    for a, b, arm in arm_mentions:
        if arm not in named:
            named.append(arm)
    # "x% and y%, respectively", "a vs b", "(13.8 months [CI] vs 9.6 months [CI])": the values of one endpoint that
    # form a list take the arms in the order the sentence names them (or the study's order, when it names none).
    same = [p for p in placed if p[1] == endpoint]
    chain = _chain(text, same, v)
    if len(chain) >= 2:
        order = named if len(named) >= len(chain) else (
            arms if not named or respectively or (len(chain) == len(arms) and named[0] == arms[0]) else None)
        if order and len(chain) <= len(order):
            return order[next(j for j, x in enumerate(chain) if x is v)]
    if respectively and 2 <= len(same) <= len(arms):
        order = named if len(named) >= len(same) else arms
        return order[next(i for i, p in enumerate(same) if p[0] is v)]
    # The arm named closest: just after the value ("66.3% in the durvalumab group"), else before it.
    after = [(_PARENTHESES.sub("", text[v.tail:a]), arm) for a, b, arm in arm_mentions if a >= v.tail]
    # "... in the durvalumab group", "... of those who received placebo"; not "... than with docetaxel".
    after = [(len(gap), arm) for gap, arm in after
             if len(gap) <= 45 and not re.search(r"\b(?:than|versus|vs|compared|whereas|and|but)\b|[;]", gap, re.I)]
    if after:
        return min(after)[1]
    before = [(v.start - b, arm) for a, b, arm in arm_mentions if 0 <= v.start - b <= 90]
    if before:
        return min(before)[1]
    return "all"


# Between the items of a list: "vs", "and", commas; a count before the next item's share ("n=56 [33%] vs n=61 [40%]",
# "16 (11%) versus 52 (39%)").
# A treatment as a sentence names it: a drug, or drugs given together ("atezolizumab plus cobimetinib").
_TREATMENT = re.compile(rf"(?<![\w-])(?:{_DRUG})(?:\s*(?:plus|\+|combined with|in combination with)\s*(?:{_DRUG}))*"
                        rf"(?![\w-])", re.I)
_COMPARED = re.compile(r"\b(?:versus|vs\.?|v\.?|compared|than|over|relative to)(?![\w-])", re.I)


def _local_arms(sentence: str) -> list[str]:
    """The treatments a sentence compares ("X versus Y", "X ... compared with Y"), in the order it names them."""
    if not _COMPARED.search(sentence):
        return []
    out: list[str] = []
    for m in _TREATMENT.finditer(sentence):
        name = m.group(0)
        if name.lower() not in (a.lower() for a in out):
            out.append(name)
    return out


_LIST_GAP = re.compile(r"[\s,;:()\[\]]*(?:versus|vs\.?|v\.?|compared with|and|or|to|,)\s*(?:with\s+|in\s+|for\s+)?"
                       r"(?:(?:n\s*=\s*)?\d+\s*[(\[]\s*)?", re.I)


def _chain(text: str, same, v: _Value) -> list[_Value]:
    """The run of values of one endpoint around ``v`` joined only by "vs", "and", commas (CIs in brackets aside)."""
    values = [p[0] for p in same]
    if not any(x is v for x in values):
        return [v]
    i = next(j for j, x in enumerate(values) if x is v)
    start = end = i
    while start > 0 and _LIST_GAP.fullmatch(_PARENTHESES.sub("", text[values[start - 1].tail:values[start].start])):
        start -= 1
    while end + 1 < len(values) and _LIST_GAP.fullmatch(_PARENTHESES.sub("", text[values[end].tail:values[end + 1].start])):
        end += 1
    return values[start:end + 1]


_COHORT = re.compile(r"[\s)\]]*(?:of (?:the |those )?(?:\d+ )?(?:patients?|participants)?\s*)?(?:with|in) (?:the )?"
                     r"(?:metastatic |advanced |unresectable |recurrent |refractory |relapsed |previously treated )*"
                     r"(?P<d>melanoma|NSCLC|SCLC|RCC|HCC|[\w-]+(?: [\w-]+){0,3}? (?:cancer|carcinoma|melanoma|lymphoma|"
                     r"leuka?emia|myeloma|sarcoma|glioma|glioblastoma|mesothelioma|NSCLC|SCLC|RCC|HCC|tumou?rs?|disease))"
                     r"(?: (?:cohort|group|patients))?\b", re.I)


def cohort_of(text: str, v: _Value) -> str | None:
    """The disease cohort a value is given for, when the words right after it name one: "Nine patients (7%) with
    metastatic melanoma achieved...", "29% of the patients with renal cell cancer"."""
    m = _COHORT.match(text, v.tail, min(len(text), v.tail + 110))
    return m.group("d") if m else None


def _population(text: str, v: _Value, s: int, e: int) -> str | None:
    """The subgroup a value is for, when the clause around it names one ("among patients with PD-L1 ≥50%")."""
    clause_start = max(s, text.rfind(";", s, v.start) + 1, text.rfind(", whereas", s, v.start) + 1)
    window_start, window_end = max(clause_start, v.start - 110), min(e, v.tail + 60)
    best = None
    for m in _SUBGROUP.finditer(text, window_start, window_end):
        if m.start() >= v.tail and text[v.tail:m.start()].count(",") > 0:
            continue
        best = m.group(0).strip() if best is None or m.start() < v.start else best
    return best


def _span(text: str, v: _Value, anchor: _Mention) -> tuple[int, int]:
    """From the endpoint word before the value (when close) to the end of the value, its CI and p-value; from the
    value to the endpoint word when the word follows ("17% had objective responses")."""
    start, end = v.start, v.tail
    if anchor.end <= v.start and v.start - anchor.end <= 120:
        start = anchor.start
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


def _not_reached(text: str, s: int, e: int, record: StudyOutcomes, aliases: dict[str, str]) -> list[NotReached]:
    out = []
    for m in _NOT_REACHED.finditer(text, s, e):
        mentions = [x for x in _mentions(text, s, m.start()) if x.kind in ("PFS", "OS", "DOR", "DFS", "RFS", "EFS", "TTP")]
        if not mentions or m.start() - mentions[-1].end > 80:
            continue
        kind = mentions[-1].kind
        arms = [(abs(m.start() - b) if b <= m.start() else a - m.end(), arm)
                for a, b, arm in _arm_mentions(text, s, e, record.arms, aliases)]
        arms = [(d, arm) for d, arm in arms if d <= 60]
        arm = min(arms)[1] if arms and len(record.arms) >= 2 else "all"
        out.append(NotReached(f"{kind}_median", arm, text[mentions[-1].start:m.end()], mentions[-1].start, m.end()))
    return out
