"""The values of a sentence: percentages, shares ("12 of 40"), times, counts and bare numbers (ratios), each with
its confidence interval and p-value; not a range's end, a change, a cut-off, a CI's level or a label's number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import COUNT, DOSE_UNIT, NUM, NUMBER_WORDS, ci_after, p_after, to_float

_TIME_UNIT = r"(?:months?|mos?\.?|mths?|weeks?|wks?|years?|yrs?|days?)"
_VALUE = re.compile(
    rf"(?=[\d.·]|\b[zotfsenZOTFSEN])(?:"
    rf"(?P<frac>(?P<num>{COUNT})\s*(?:of|/|"
    rf"out of)\s*(?:the\s+)?(?P<den>\d[\d,]*)(?:\s+[A-Za-z][\w-]*){{0,4}}?\s*\((?P<pct1>{NUM})\s*%\))"
    rf"|(?P<fracpct>(?P<num2>{COUNT})\s*/\s*(?P<den2>\d+)\s*\((?P<pct2>{NUM})\s*%\))"
    rf"|(?P<pct>(?<![\w.·≥≤<>=])(?P<pv>{NUM}|{NUMBER_WORDS}(?=[\s-]+per ?cent\b))[\s-]*(?:%|percent\b|per cent\b))"
    rf"|(?P<time>(?<![\w.·\-])(?P<tv>{NUM})[\s\ufffd]*"
    # A range or a CI between the number and its unit: "12.1 (IQR 8-15) months", "11.1 (95% CI 9.6-12.9) months".
    rf"(?:[(\[]\s*(?:(?P<trange>IQR|range|interquartile range)|(?:\d{{2}}(?:[.·]\d+)?\s*%\s*)?"
    rf"(?:CI|confidence interval)?)[,:;]?\s*(?P<tlo>{NUM})\s*(?:[-–—]|to)\s*"
    rf"(?P<thi>{NUM})\s*[)\]]\s*)?(?P<tu>{_TIME_UNIT})(?![\w-]))"
    # The first items of a list whose unit is written once, at its end: "2.2 and 5.0 months", "17, 32 and 29%".
    rf"|(?P<listtime>(?<![\w.·\-])(?P<ltv>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:and|or|versus|vs\.?|v\.?)\s*{NUM}\s*"
    rf"(?P<ltu>{_TIME_UNIT})(?![\w-])))"
    rf"|(?P<listpct>(?<![\w.·\-])(?P<lpv>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:and|or)\s*{NUM}\s*%))"
    rf"|(?P<count>(?<![\w.·])(?P<num3>{COUNT})(?:\s+(?:of|out of)\s+(?:the\s+)?(?P<den3>\d[\d,]*|{NUMBER_WORDS})\b"
    rf"(?!\s*%)|"
    rf"\s*/\s*(?P<den4>\d+)(?=\s+(?:evaluable\s+|assessable\s+)?(?:patients|participants|subjects|cases|pts)\b)))"
    # a ratio, or a ratio written as a fold ("the OR ... was 4.8-fold (95% CI, 1.2-19.6)")
    rf"|(?P<bare>(?<![\w.·%\-])(?P<bv>\d*[.·]\d+)(?:-fold(?![\w-])|(?![\w·%]|[.·]\w|\s*[-–]\s*\d|-[A-Za-z]))))",
    re.I,
)
_IN_CI = re.compile(rf"\b(?:CI|CLs?|confidence (?:intervals?|limits?)|credible intervals?)\b[\s,:=(\[]*"
                    rf"(?:(?:was|of|is)\s+)?"
                    rf"(?:{NUM}\s*%?\s*(?:[-–;,]|to)\s*)?$", re.I)
# A spread written after a value: "(SE ± 5.96%)", "± 3.1", "(standard error, 4.2%)", "(SEM 2.0)".
_SPREAD = re.compile(r"(?:±|\+/-|\+-)\s*$|\bstandard (?:error|deviation)s?\b[\s\]\[:=,]*(?:of\s+|was\s+)?$|"
                     r"[(\[,]\s*(?-i:SEM?)\s*[:=,]?\s*$", re.I)
_LABEL_BEFORE = re.compile(r"\b(?:group|arm|cohort|phase|grade|stage|day|cycle|version|(?<!wild-)type|part|step|"
                           r"level|class|CD|IL|G|n|N)\s*=?\s*$", re.I)
# "from 38% to 53%" (a change: two values), unless a range is meant ("ranging from 20% to 40%").
_NOT_A_RANGE = r"(?<!ranging )(?<!ranged )(?<!range )(?<!varying )(?<!varied )"
_CHANGE_FROM = re.compile(_NOT_A_RANGE + r"\bfrom\s*$", re.I)
_CHANGE_TO = re.compile(_NOT_A_RANGE + r"\bfrom\s+[\d.·]+\s*%?\s*(?:to|-|–)\s*$", re.I)
_SHRINKAGE = re.compile(r"\s*(?:of (?:the )?(?:tumou?r |lesion )?(?:volume|size|diameters?|burden|dimensions?)|"
                        r"(?:tumou?r |lesion )?(?:reduction|shrinkage|decrease|regression) (?:in|of) (?:the )?"
                        r"(?:tumou?r|lesion|size|volume|sum))\b", re.I)
_NOT_A_LEVEL = re.compile(r"(?<!achieved )(?<!reached )(?<!attained )(?<!obtained )(?<!experienced )(?<!reported )"
                          r"(?<!observed )(?<!seen )(?<!noted )(?<!shown )(?<!met )\bby\s*$|"
                          r"\b(?:up to|difference of|increase of|improvement of|reduction of|decrease of|"
                          r"gain of)\s*$", re.I)
_BETWEEN = re.compile(rf"\bbetween\s+{NUM}\s*%?\s*and\s*$", re.I)
# "40% (4 of 10 patients)", "7% of patients (4 of 59)", "94% (17 of 18; 95% CI, ...)": the count restates the share.
_RESTATED = re.compile(rf"(?:\s+of\s+(?:the\s+)?(?:patients|participants|subjects|cases))?"
                       rf"\s*[(\[]\s*(?:n\s*=\s*)?{COUNT}\s*(?:of|/|out of)\s*(?:the\s+)?\d[\d,]*"
                       rf"(?:\s+[\w-]+){{0,2}}?\s*(?:[)\]]|[;,](?=\s*\d{{2}}(?:[.·]\d+)?\s*%\s*(?:[\w-]+\s+)?C[IL]\b))",
                       re.I)
# "HR 0.88, 0.75-1.03" (the Lancet), "HR, 0.77; 0.62–0.95" (cancer.gov): a ratio's CI with no "CI" before it
_BARE_CI = re.compile(r"[,;]\s*(\d*[.·]\d+)\s*(?:[-–−]|to)\s*(\d*[.·]\d+)\b")
_TIME_TO_MONTHS = {"month": "months", "months": "months", "mo": "months", "mos": "months", "mth": "months",
                   "mths": "months", "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "year": "years",
                   "years": "years", "yr": "years", "yrs": "years"}

@dataclass
class _Value:
    value: float
    unit: str  # "%", "time:<unit>", "ratio", "bare"
    start: int
    end: int
    tail: int  # end of the value with its CI and p-value
    ci: tuple[float | None, float | None] = (None, None)
    p: str | None = None

_BOUND = re.compile(r"\b(?:less|fewer|lower|higher|greater) than\s*$|\b(?:below|under|above)\s*$|[<>]\s*$|"
                    r"\bexceed(?:ed|s|ing)?\s*$", re.I)
# "45% with nivolumab, higher than 30% with placebo": a value compared with a value written before it, not a bound
_COMPARED_TO_VALUE = re.compile(r"(?<![<>≥≤])(?<!than )(?<!below )(?<!above )(?<!under )\b\d+(?:[.·]\d+)?\s*%"
                                r"(?:\s+(?:with|in|for)\s+[\w-]+(?:\s+(?:group|arm))?)?,?\s*"
                                r"(?:(?:which|that) (?:was|is) )?"
                                r"(?:significantly |much |slightly )?(?:higher|greater|lower|less) than\s*$", re.I)


def _a_share(text: str, s: int, e: int, vs: int, ve: int) -> bool:
    """Is the percentage at text[vs:ve] a value (not a range's end, a change, a cut-off, a CI's level)?"""
    before = text[max(s, vs - 14):vs]
    if re.search(r"\d\s*%?\s*(?:to|-|–)\s*$", before) and not _CHANGE_TO.search(text, max(s, vs - 40), vs):
        return False  # the end of a range ("6 to 17%", "5-25%"): not one value; "from 38% to 53%" is two
    if re.match(r"\s*(?:to|-|–)\s*[\d.·]+\s*%", text[ve:ve + 16]) \
            and not _CHANGE_FROM.search(text, max(s, vs - 30), vs):
        return False  # the start of a range ("15% to 20%")
    if _BOUND.search(text[max(s, vs - 14):vs]) and not _COMPARED_TO_VALUE.search(text[max(s, vs - 60):vs]):
        return False  # "a 5-year survival rate of less than 30%", "exceeded 60%": a bound, not a rate
    if re.search(r"\b(?:I\s*(?:²|2|\^2)|I-squared|heterogeneity)\s*(?:=|:|of|was)?\s*$", before, re.I):
        return False  # "(I² = 81%)": a meta-analysis's heterogeneity, not a rate
    if _NOT_A_LEVEL.search(text, max(s, vs - 24), vs):
        return False  # "increased by 20%", "up to 40%": a change or a ceiling, not a rate
    if re.match(r"\s*(?:(?:absolute|relative)\s+)?(?:more|fewer|less|higher|lower|greater|better|worse|increase|"
                r"decrease|reduction|improvement|difference|benefit|gain)\b|"
                r"\s*(?:each|every|per|a) year\b|\s*annually\b", text[ve:ve + 30], re.I):
        return False  # "10% more responders", "a 24% improvement", "3% better", "falling 1.6% each year": a change
    if re.match(r"\s*in (?:the )?(?:early |late |mid-?)?(?:19|20)\d0s\b|\s*in (?:19|20)\d\d\b(?!\s*patients)",
                text[ve:ve + 20], re.I) \
            or re.search(r"%\s*in (?:the )?(?:early |late |mid-?)?(?:19|20)\d\ds?\s+to\s+(?:nearly |about |almost |"
                         r"approximately |over |more than )?$", text[max(s, vs - 50):vs], re.I):
        return False  # "survival rates rose from 40% in the 1950s to 90%": a statistic of its time, not a result
    if _BETWEEN.search(text, max(s, vs - 30), vs) or re.match(rf"\s*and\s*{NUM}\s*%", text[ve:ve + 16]) \
            and re.search(r"\bbetween\s*$", text[max(s, vs - 10):vs], re.I):
        return False  # "between 10% and 20%": a range
    if re.search(r"(?:[≥≤<>]=?|at least|of|TPS|CPS|score|expression)\s*$", before, re.I) \
            and re.search(r"PD-?L1|TPS|CPS|expression|score|≥|≤|<|>", text[max(s, vs - 40):vs], re.I):
        return False  # a biomarker cut-off ("PD-L1 ≥50%"), not an outcome
    if re.match(r"\s*(?:or (?:more|higher|greater|above) )?of (?:the )?(?:[\w-]+ )?cells\b", text[ve:ve + 40], re.I):
        return False  # "expressed PD-L1 in 50% or more of cells": a share of cells, not of patients
    if re.match(r"\s*(?:(?:adjusted|exact|two-sided|bootstrap|Bayesian)\s+)?(?:CI|confidence|credible)",
                text[ve:ve + 28], re.I):
        return False  # "95% CI"
    if re.fullmatch(r"9[05]|99", text[vs:ve].rstrip("% ")) and not text[ve:e].strip() \
            and re.search(r"[;,(]\s*$", text[max(s, vs - 3):vs]):
        return False  # "(HR, 0.687; 95%" where a passage is cut: the level of a CI cut off
    # "(more than 50 per cent of volume)", "a 30% decrease": a threshold of shrinkage
    return not _SHRINKAGE.match(text, ve, min(e, ve + 40))


_CHANGED_BY = re.compile(r"\b(?:improved|increased|prolonged|extended|reduced|shortened|lengthened|gained|longer|"
                         r"shorter)\s+by\s+(?:just |only |about |approximately |nearly |roughly |almost )?$", re.I)


def _time_value(text: str, m: re.Match) -> tuple[float | None, str, tuple | None] | None:
    """A time ("7.2 months", "2.2 and 5.0 months"'s first item): value, unit and the CI written before its unit."""
    number, word = (m.group("tv"), m.group("tu")) if m.group("time") else (m.group("ltv"), m.group("ltu"))
    before = text[max(0, m.start() - 30):m.start()]
    if re.search(r"\d\s*(?:to|-|–)\s*$", before) and not _CHANGE_TO.search(before) \
            or re.search(r"\bhistorical(?:ly)?\b(?:\s+[\w-]+){0,3}\s+(?:of|was|were|is)\s*$", before, re.I) \
            or _CHANGED_BY.search(before):
        return None  # "PFS was 4 to 8 months": a range's end; "the historical control of 30 months": no result;
        # "survival improved by just 2 months": a difference
    if re.match(r"\s*(?:longer|shorter|more|less|gain|improvement|increase|difference|benefit)\b|"
                r"\s*or (?:longer|more)\b", text[m.end():m.end() + 20], re.I):
        return None  # "6 months longer median overall survival", "lasted 6 months or longer": no median
    inner = None
    if m.group("time") and m.group("tlo") and not m.group("trange"):
        inner = (to_float(m.group("tlo")), to_float(m.group("thi")))
    return to_float(number), "time:" + _TIME_TO_MONTHS.get(word.lower().rstrip("."), "days"), inner


def _interval(text: str, ve: int, value: float, unit: str, inner) -> tuple[float | None, float | None, int]:
    """The CI after a value (low, high, end), or the one written before its unit, or a Lancet ratio's bare one."""
    low, high, tail = ci_after(text, ve)
    if inner is not None and low is None and None not in inner and inner[0] <= value <= inner[1]:
        low, high = inner  # "11.1 (95% CI 9.6-12.9) months"
    if low is None and unit == "bare":  # Lancet style: "HR 0.88, 0.75-1.03; p=0.12" (a ratio, then its CI)
        m2 = _BARE_CI.match(text, ve)
        if m2 and to_float(m2.group(1)) is not None and to_float(m2.group(2)) is not None \
                and to_float(m2.group(1)) <= value <= to_float(m2.group(2)):
            low, high, tail = to_float(m2.group(1)), to_float(m2.group(2)), m2.end()
    return low, high, tail


def _not_a_value_after(text: str, s: int, vs: int) -> bool:
    """Is the number at ``vs`` something other than a value, by the words just before it?"""
    if _IN_CI.search(text, max(s, vs - 30), vs):
        return True  # a bound of a confidence interval that was not read as one ("95% CI [0.60; 0.86]")
    if _SPREAD.search(text, max(s, vs - 30), vs):
        return True  # "85.4% (SE \u00b1 5.96%)", "± 3.1": a standard error or deviation, not another value
    if re.search(r"\b(?:margin|boundary|threshold)(?: of)?\s*$", text[max(s, vs - 20):vs], re.I):
        return True  # "a noninferiority margin of 1.23": a design's figure
    if _LABEL_BEFORE.search(text, max(s, vs - 12), vs):
        return True  # "group 1", "grade 3", "phase 2", "cycle 4": a label, not a value
    if re.search(r"\d/$", text[max(s, vs - 2):vs]):
        return True  # "with 55/20": a schedule's name (55 Gy in 20 fractions), not a value
    # a p-value written where no value took it ("P=0.02", "p for trend=0·33", "P-interaction < 0.05")
    if re.search(r"\b[Pp](?:\s*-?\s*values?)?(?:\s*(?:for|-)\s*(?:trend|interaction|heterogeneity))?\s*"
                 r"(?:[=<>≤≥]|&lt;|&gt;)\s*$", text[max(s, vs - 28):vs]):
        return True
    # a rate per so many patient-years ("0.92 and 0.78 per 100 patient-years"): no share, no ratio
    return bool(_PER_TIME.match(text, vs, vs + 60))


_PER_TIME = re.compile(r"[\d.·]+(?:\s*(?:and|or|vs\.?|versus|,)\s*[\d.·]+)*\s*(?:events?\s+)?per\s+[\d,]+\s*"
                       r"(?:patient|person|participant)[- ](?:years?|months?)", re.I)


def _values(text: str, s: int, e: int) -> list[_Value]:
    out: list[_Value] = []
    consumed_to = s
    for m in _VALUE.finditer(text, s, e):
        if m.start() < consumed_to:
            continue
        unit, value, vs, ve = None, None, m.start(), m.end()
        inner = None
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
            timed = _time_value(text, m)
            if timed is None:
                continue
            value, unit, inner = timed
        elif m.group("listpct"):
            value, unit = to_float(m.group("lpv")), "%"
        elif m.group("count"):
            num, den = to_float(m.group("num3")), to_float((m.group("den3") or m.group("den4")).replace(",", ""))
            if num is None or not den or num > den or _ONE_OF_THE_ARMS.search(text, max(s, vs - 40), vs) \
                    or _ONE_OF_THE_ARMS_AFTER.match(text, ve):
                continue  # (not "randomized to 1 of 2 treatment arms": a design)
            value, unit = round(100 * num / den, 1), "%"
            if any(w.unit == "%" and 0 < abs(w.value - value) <= 0.5 and vs - w.tail < 80 for w in out[-2:]):
                continue  # "a response rate of 87%, with responses in 13 of 15 patients": the rate said again
        elif m.group("bare"):
            if _DOSE_AFTER.match(text, ve):
                continue  # "with 0.5 mg, 1 mg and placebo": a dose, not a value
            value, unit = to_float(m.group("bv")), "bare"
        if value is None:
            continue
        if _not_a_value_after(text, s, vs):
            continue
        low, high, tail = _interval(text, ve, value, unit, inner)
        p, p_end = p_after(text, tail)
        if low is not None and unit == "%" and not (low <= value <= high):
            low = high = None
            tail = ve
        out.append(_Value(value, unit, vs, ve, max(tail, p_end if p else tail), (low, high), p))
        consumed_to = max(tail, p_end if p else tail)
    return out


# "are randomized to 1 of 2 treatment arms": which arm, not a share of patients.
_ONE_OF_THE_ARMS = re.compile(r"\b(?:randomi[sz]ed|assigned|allocated|stratified)\s+(?:\w+\s+)?(?:to|into)\s+$", re.I)
_ONE_OF_THE_ARMS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:arms|groups|cohorts|regimens|treatments)\b", re.I)


# (a dose's unit, or another amount's: "0.5 mg", "20 mL", "35 Gy")
_DOSE_AFTER = re.compile(rf"\s*(?:{DOSE_UNIT}|mcg|ml|mL|mmol|Gy|IU|units)(?:/\w+)?\b")
# A unit written once for a table's row flattened to text: "PFS (months, median): 9.2 with X, 6.0 with Y".
_DECLARED_UNIT = re.compile(r"[(\[]\s*(?:median\s*,\s*)?(?P<u>months|weeks|years)(?:\s*,\s*median)?\s*[)\]]\s*:?|"
                            r",\s*(?P<u2>months|weeks|years)\s*:?(?=\s*\d)", re.I)


def _declared_unit(text: str, v: _Value) -> str | None:
    clause = max(text.rfind(";", 0, v.start), text.rfind(". ", 0, v.start), v.start - 120)
    found = list(_DECLARED_UNIT.finditer(text, max(0, clause), v.start))
    if not found or re.search(r"\b(?:HRs?|ORs?|hazard|odds|ratios?)\b|%", text[found[-1].end():v.start]):
        return None
    return "time:" + (found[-1].group("u") or found[-1].group("u2")).lower()


def _list_units(text: str, values: list[_Value]) -> None:
    """A bare number next to a unit-bearing one in a list takes its unit ("9.2 versus 6.0 months", "0.63 and 0.69"),
    or the unit a flattened table's row declares before it ("OS (months, median): 23.1 vs 16.4")."""
    for v in values:
        if v.unit == "bare" and v.value >= 1:
            v.unit = _declared_unit(text, v) or v.unit
    for i, v in enumerate(values):
        if v.unit == "bare":
            for w in values[i + 1:i + 3]:
                if w.unit != "bare" and re.fullmatch(r"[\s,;]*(?:versus|vs\.?|v\.?|and|or|,|to|compared with)?[\s,]*",
                                                     text[v.tail:w.start], re.I):
                    v.unit = w.unit
                    break


# A count of patients with no share written: "4 had a complete response", "including 2 complete responses",
# "complete regression ... in one patient"; the share is taken of the patients the sentence (or the one before)
# counts: "Among 64 patients with measurable disease", "8 of 31 patients", "Of the 25 treated patients".
_BARE_COUNT = re.compile(rf"(?<![\w.·(=/%-])(?P<n>{COUNT})(?![\w.·%]|\s*(?:[(\[]\s*[\d.]|%|-|–|of\b|out of\b|/|"
                         rf"(?:months?|weeks?|years?|days?|mg|cycles?|doses?|lines?|prior|centres|centers|sites)\b))",
                         re.I)
_COUNT_TO_WORD = re.compile(r"\s+(?:(?:patients?|participants|subjects|cases)\s+)?(?:(?:who\s+)?(?:had|achieved|"
                            r"experienced|showed|attained|obtained|developed)\s+(?:an?\s+)?|with\s+(?:an?\s+)?)?", re.I)
_IN_PATIENTS = re.compile(r"\s+(?:patients?|participants|subjects|cases)\b", re.I)
_DENOMINATOR = re.compile(rf"(?<!total )\b(?:of|among|from|(?i:for)(?=\s+(?:the\s+)?\d[\d,]*\s+(?:evaluable|assessable|"
                          rf"treated|response-evaluable)\s))\s+(?:the\s+|all\s+|these\s+)?"
                          rf"(?P<d>\d[\d,]*|{NUMBER_WORDS})\s+"
                          rf"(?:[\w-]+\s+){{0,3}}?(?:patients|participants|subjects)\b|"
                          rf"\b(?P<d2>\d[\d,]*|{NUMBER_WORDS})\s+(?:[\w-]+\s+){{0,2}}?(?:patients|participants|subjects)\s+"
                          rf"(?:were|was)"
                          rf"\s+(?:enrolled|treated|included|evaluable|assessable)\b", re.I)


def implied_counts(text: str, s: int, e: int, values: list[_Value],
                   before: tuple[int, int] | None) -> list[tuple[_Value, int, bool]]:
    """Counts of patients written without their share, as shares of the patients counted before them:
    [(value, where an endpoint word after it would begin, whether it reads "in N patients")]."""
    out = []
    for m in _BARE_COUNT.finditer(text, s, e):
        if any(v.start <= m.start() < v.tail for v in values) \
                or re.match(r"(?:\s+[\w-]+){0,4}?\s*[(\[]\s*[\d.·]+\s*%", text[m.end():m.end() + 60]):
            continue  # a count whose share is written: "in 25 patients (19.8%)"
        word = _COUNT_TO_WORD.match(text, m.end(), e)
        in_patients = bool(re.search(r"\bin\s+$", text[max(s, m.start() - 4):m.start()])
                           and _IN_PATIENTS.match(text, m.end()))
        dens = list(_DENOMINATOR.finditer(text, s, m.start()))
        if not dens and before and before[0] < before[1]:
            dens = list(_DENOMINATOR.finditer(text, *before))
        n = to_float(m.group("n"))
        den = to_float((dens[-1].group("d") or dens[-1].group("d2")).replace(",", "")) if dens else None
        if n is None or not den or den < 2 or n > den or dens[-1].start() <= m.start() < dens[-1].end():
            continue
        end = _IN_PATIENTS.match(text, m.end()).end() if in_patients else m.end()  # "in one patient"
        v = _Value(round(100 * n / den + 1e-9, 1), "%", m.start(), end, end)
        out.append((v, word.end() if word else m.end(), in_patients))
    return out
