"""Answers with the number: a question that asks for a rate, a median or a ratio is answered first by the values
the outcomes stage read out of the retrieved papers (rag/outcomes/), with the arm, the CI and the citation, and
by the range across studies when several report it. Disagreement between studies is said, not resolved."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..chunk.sentences import sentence_spans
from ..config import AnswerWeights
from ..lexical.mesh import GENERIC_DESCRIPTORS, TUMOUR_HEAD, tumour_mentions, tumours_spelled_out
from ..lexical.names import name_shaped
from ..lexical.tokens import compact_tokens, tokenize
from ..number_words import NUMBER_WORDS, words_to_int
from ..outcomes.table import CR_WORDS, NAMES, QUESTION_FRAME, StudyTable, asked_endpoints, format_value, relevance, \
    spoken_label, table_for_passages, title_label
from .question import question_terms

_WANTS_NUMBER = re.compile(
    r"\b(?:rates?|median|ratio|how (?:long|many|much|often|effective)|percentage|proportion|percent|fraction|share of|"
    r"ORR|PFS|OS|HR|survival|response|responses|respond|toxicit\w*|adverse|side effects?|efficacy|outcomes?|"
    r"results?|shrink\w*|alive|compare[sd]?)\b",
    re.I)


def wants_number(question: str) -> bool:
    """Does the question ask for a value the outcomes vocabulary holds (a rate, a median, a ratio)?"""
    return bool(asked_endpoints(question)) and bool(_WANTS_NUMBER.search(question))


# A quantity named as such ("what disease control rate", "how often", "the risk of death"), not only a subject a
# number may answer ("What are the side effects of X?").
_QUANTITY = re.compile(r"\b(?:rates?|median|ratio|how (?:long|many|much|often)|percentage|proportion|percent|"
                       r"fraction|share of|odds|risk)\b", re.I)


def asks_quantity(question: str) -> bool:
    """Does the question ask for a value by its name (the number lead may then look past the passages read)?"""
    return wants_number(question) and bool(_QUANTITY.search(question))


_RATIO = re.compile(r"hazard ratio|\bHR\b|(?:cut|reduc\w*|lower\w*) (?:the )?risk|risk of (?:death|progression)", re.I)
_ODDS = re.compile(r"\bodds\b", re.I)
# The event a risk is of ("the risk of progression or death", "the risk of dying"), its ratio by the first match.
_RISK_OF = re.compile(r"\brisk of (?P<of>(?:[\w-]+ ){0,3}[\w-]+)", re.I)
_RISK_EVENTS = ((r"progression|progressing", "HR_PFS"), (r"recurrence|relapse|recurring", "HR_DFS"),
                (r"death|dying|mortality", "HR_OS"))
# A landmark the question asks for: "2-year", "at six months", "still alive a year later".
_TIMEPOINT = re.compile(rf"\b(?P<n>\d+|{NUMBER_WORDS})[- ](?P<u>years?|months?|weeks?)\b(?![- ](?:median|follow))|"
                        r"\ba (?P<u2>year|month) (?:later|on|after)\b|\bafter a (?P<u3>year|month)\b|\blandmark\b",
                        re.I)


_MONTHS = {"y": 12, "m": 1, "w": 12 / 52}  # months in a year, a month, a week


def asked_months(question: str) -> float | None:
    """The landmark a question asks for, in months (12 for "a year later", 6 for "at six months"); None if none."""
    m = _TIMEPOINT.search(question)
    if not m or not (m.group("n") or m.group("u2") or m.group("u3")):
        return None
    n = m.group("n") or "1"
    value = int(n) if n.isdigit() else words_to_int(n)
    unit = (m.group("u") or m.group("u2") or m.group("u3")).lower()
    return None if value is None else value * _MONTHS[unit[0]]


def reports_at(months: float | None, rows: list, endpoints: list[str]) -> list:
    """The studies that report one of the endpoints at the landmark asked (none when none is asked)."""
    return [r for r in rows if months is not None
            and any(_cell_months(c) == months for e in endpoints for c in _sayable(r, e))]


def _cell_months(cell) -> float | None:
    """A landmark cell's time point in months ("6-month", "2-year", "20-week"); None for any other cell."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)-(year|month|week)", cell.timepoint or "")
    return float(m.group(1)) * _MONTHS[m.group(2)[0]] if m else None


_MEDIAN = re.compile(r"\bmedian\b|how (?:much )?long(?:er)?\b", re.I)
_HOW_LONG = re.compile(r"\bhow (?:much )?long(?:er)?\b", re.I)
_CR_ONLY = re.compile(CR_WORDS, re.I)
_ANY_RESPONSE = re.compile(r"objective|overall response|partial|\bORR\b|response rates?\b(?! of complete)", re.I)


def lead_endpoints(question: str) -> list[str]:
    """The endpoints whose values may lead the answer, in the question's order: what it asks for precisely. The
    table shows more columns ("complete response" also shows ORR), but a ratio question is not answered by a
    median, a landmark ("two-year survival") by a median, a complete response by the overall response."""
    asked = asked_endpoints(question)
    if _RATIO.search(question):
        ratios = [e for e in asked if e.startswith("HR_")] or [e for e in asked if e.startswith(("HR_", "OR_"))]
        # "lower the risk of death" in patients "without progression after chemoradiation": the ratio of the
        # event the risk is of comes first, whatever else the question names
        event = _risk_event(question)
        return sorted(ratios, key=lambda e: e != event)
    if _ODDS.search(question):
        return [e for e in asked if e == "OR_other"]
    out = [e for e in asked if not e.startswith(("HR_", "OR_"))]
    if _TIMEPOINT.search(question) and not _MEDIAN.search(question):
        out = [e for e in out if not e.endswith("_median")]
    elif _MEDIAN.search(question):
        out = [e for e in out if not e.endswith("_rate")]
        if _HOW_LONG.search(question) and any(e.endswith("_median") for e in out):
            # "how long does the response hold up": a time, not the share that responds
            out = [e for e in out if e.endswith("_median")]
    if _CR_ONLY.search(question) and not _ANY_RESPONSE.search(_CR_ONLY.sub("", question)):
        out = [e for e in out if e != "ORR"]
    return out


# The comparator a question names: "compared with platinum chemotherapy", "versus docetaxel", "than placebo".
_COMPARATOR = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|than(?: with)?|over|relative to)\s+"
                         r"(?P<c>[\w -]{3,40})", re.I)


def _compares(question: str, row) -> bool:
    """Does a study compare what the question compares: a question that names a comparator ("compared with
    platinum chemotherapy") is answered first by a study with an arm of it, not by a single arm's figure."""
    m = _COMPARATOR.search(question)
    if not m or len(row.arms) < 2 or re.search(r"\breview\b|meta-analys|according to", question, re.I):
        return False  # (a question that asks what a review says is answered by the review)
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", m.group("c").lower()) if w not in QUESTION_FRAME}
    return any(words & set(re.findall(r"[a-z][a-z-]{3,}", arm.lower())) for arm in row.arms)


def _risk_event(question: str) -> str | None:
    """The ratio of the event a question's risk is of ("lower the risk of death": HR_OS), if it names one."""
    risk = _RISK_OF.search(question)
    return next((ratio for words, ratio in _RISK_EVENTS if risk and re.search(words, risk.group("of"), re.I)), None)


# The words every quantitative question is made of ("overall", "survival", "response"): a study that holds them
# names nothing the question names.
_FRAME_TOKENS = frozenset(t for w in QUESTION_FRAME for t in tokenize(w))


def _named(terms) -> list:
    """The question's names (drugs, trials, genes): its key terms, frame words aside."""
    return [t for t in terms.key if t.token not in _FRAME_TOKENS] if terms.named else []


def _names_the_study(terms, row) -> bool:
    """Does the study hold one of the question's names (a drug, a trial, a gene), in its title, arms, trial name or
    retrieved passage? A question about tremelimumab is not answered by a durvalumab trial's numbers."""
    named = _named(terms)
    if not named:
        return True
    tokens = set(tokenize(" ".join([row.title or "", row.study, *row.arms, row.context])))
    return any(t.found_in(tokens) for t in named)


# A tumour as MeSH names it ("melanoma", "non-small cell lung cancer", "malignant mesothelioma"): the diseases whose
# absence from a study makes its numbers answer another question. Drugs and other concepts are left to the key
# names (_names_the_study): MeSH lacks many drug names and tags common words ("did" is an entry term).
_TUMOUR = re.compile(rf"{TUMOUR_HEAD}$")


def _unnamed(question: str, row, store: Any) -> list[str]:
    """The question's tumours (MeSH concepts) and drugs (names by their INN stems) that the study names nowhere
    (title, arms, passage, the paper's text), in the question's words: "melanoma" for a lung cancer trial of the
    drug asked about, "atezolizumab" for a trial of the chemotherapy it was added to."""
    asked = [(token, key) for token, key in tumour_mentions(question)
             if token not in GENERIC_DESCRIPTORS and _TUMOUR.search(key[-1])]
    drugs = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z][\w-]+", question)
                               if name_shaped(w) and not w.lower().endswith("ase")))
    if not asked and not drugs:
        return []
    doc = store.document(row.doc_id)
    paper = doc.text[:20000] if doc is not None else ""
    text = " ".join([row.title or "", row.study, *row.arms, row.context, paper])
    named = set(re.findall(r"[\w-]+", text.lower()))
    out = [d for d in drugs if d not in named and not any(w.startswith(d + "-") for w in named)]
    have = {token for token, _ in tumour_mentions(text)}
    words = re.findall(r"[\w-]+", tumours_spelled_out(question))
    for token, key in asked:
        if token not in have:
            # the fewest words that make the term ("breast cancer", not "in breast cancer")
            said = next((" ".join(words[i:i + n]) for n in range(1, len(words) + 1) for i in range(len(words) - n + 1)
                         if tuple(compact_tokens(" ".join(words[i:i + n]))) == key), " ".join(key))
            if said not in out:
                out.append(said)
    return out


def _asked_arm(terms, row) -> str:
    """The arm of a study whose value the range takes: the arm that names the question's drug ("pembrolizumab" in
    a pembrolizumab-versus-ipilimumab trial, whichever the paper names first), else the first arm named (the
    experimental arm), else the single arm's "all"."""
    if not row.arms:
        return "all"
    in_arms = set(tokenize(" ".join(row.arms)))
    wanted = [t for t in _named(terms) if t.found_in(in_arms)]  # the names the arms hold at all
    if wanted:
        for arm in row.arms:
            tokens = set(tokenize(arm))
            if all(t.found_in(tokens) for t in wanted):
                return arm
    return row.arms[0]


def _who(cell) -> str:
    parts = [cell.arm] if cell.arm not in ("all", "comparison") else []
    if cell.population:
        parts.append(cell.population)
    return ", ".join(parts)


def _written(cell) -> bool:
    """Is the value written in its span as a number (not computed from "n of N")?"""
    if cell.value is None or cell.derived:
        return False  # "not reached"; a sum of complete and partial responses
    number = re.escape(f"{cell.value:g}").replace("\\.", "[.·]")
    return bool(re.search(r"(?<![\d.·])" + number + r"(?:[.·]0+)?(?!\d)", cell.span))


def _as_written(cell) -> str | None:
    """The cell as the lead says it: its display, or "n of N" when the percentage was computed from a count; None
    when its span holds neither (a share computed from a count and a denominator found elsewhere): the lead says
    only numbers its passage shows, and the table keeps the cell with its span."""
    if cell.value is None:
        return cell.display  # a median not reached
    if cell.derived:
        return cell.display.replace("CR ", "").replace("PR ", "")  # "7% + 10% = 17%": the name says what is summed
    if _written(cell):
        return cell.display.rstrip(" ⚠")
    m = re.search(r"([\w-]+) (?:of|out of) (?:the )?(\d[\d,]*)", cell.span)
    return f"{m.group(1)} of {m.group(2)}" if m else None


def _sayable(row, endpoint: str) -> list:
    """The row's cells of an endpoint that the lead can say as its passage writes them: the study's own values, else
    those its passage quotes from another study (a review's "CheckMate 142 showed an ORR of 55%")."""
    cells = [c for c in row.cells.get(endpoint, []) if _as_written(c) is not None]
    return [c for c in cells if not c.cited] or cells


def _own(row, endpoints: list[str]) -> bool:
    """Does the row report one of the endpoints as its own study's value (not only quoted from another)?"""
    return any(not c.cited for e in endpoints for c in _sayable(row, e))


class Lead(NamedTuple):
    """The lead sentences (markers numbered as the passages), the table they come from, a caveat when the leading
    study does not name a disease or drug of the question, and how well that study matches the question."""

    text: str
    table: StudyTable
    caveat: str | None
    match: LeadMatch


class LeadMatch(NamedTuple):
    unnamed: int  # the question's tumours and drugs the study does not name
    relevance: float  # rag.outcomes.table.relevance
    passage: int  # the passage it is read in (1-based)
    compares: bool = False  # it has an arm of the comparator the question names (_compares)

    def clearly_better_than(self, other: LeadMatch) -> bool:
        """Does a study found further down match the question clearly better than the one the passages read gave:
        it names a tumour or drug of the question the other misses (and is not far less relevant: an excerpt of one
        sentence names no tumour), or as many and one more of its words in its title or arms, or as many and it
        compares what the question compares where the other does not ("compared with platinum chemotherapy")?"""
        if self.unnamed < other.unnamed:
            return self.relevance >= other.relevance - 2
        return self.unnamed == other.unnamed and (self.relevance >= other.relevance + 1
                                                  or self.compares and not other.compares
                                                  and self.relevance >= other.relevance - 2)


def number_lead(question: str, passages: list[Any], store: Any) -> Lead | None:
    """The lead of a quantitative answer (``Lead``); None when no retrieved study reports what the question asks
    for."""
    if not wants_number(question):
        return None
    # Quoted values too: a passage quoting another study's result may be the only one that gives the number asked
    # (an excerpt of a review); a study's own value leads before a quoted one that matches the question as well.
    table = table_for_passages(question, passages, store, own_only=False)
    if not table.rows:
        return None
    asked = [e for e in lead_endpoints(question) if e in table.columns]
    terms = question_terms(question, store.idf, AnswerWeights.key_idf)
    # The study that matches the question best (its drug, disease, trial name; then its retrieval rank) among
    # those that name what the question names and report an asked endpoint leads, with the first it reports.
    candidates = [r for r in table.rows if any(_sayable(r, e) for e in asked) and _names_the_study(terms, r)]
    if not candidates:
        return None
    # A study that names every disease and drug of the question comes before one that misses some.
    missing = {id(r): _unnamed(question, r, store) for r in candidates}
    # A landmark asked ("still alive at six months"): a study that reports it at that time point first.
    months = asked_months(question)
    at_time = {id(r) for r in reports_at(months, candidates, asked)}
    # The ratio of the event the question's risk is of ("the risk of death") before the others: a study that
    # reports only the other ratio answers another question.
    event = _risk_event(question) if _RATIO.search(question) else None
    first = {id(r) for r in candidates if event in asked and _sayable(r, event)}
    best = max(candidates, key=lambda r: (-len(missing[id(r)]), id(r) in at_time, id(r) in first,
                                          _compares(question, r), relevance(question, r), _own(r, asked)))
    endpoint = next((e for e in asked if id(best) in at_time and any(_cell_months(c) == months
                                                                     for c in _sayable(best, e))), None) \
        or next(e for e in asked if _sayable(best, e))  # the first asked endpoint the study reports
    reporting = sorted((r for r in table.rows if r.cells.get(endpoint)), key=lambda r: -relevance(question, r))
    reporting.remove(best)
    reporting.insert(0, best)
    # The range: the studies that share the leading study's match to the question (the same drug or disease) and
    # name what it names.
    reporting = [r for r in reporting if r is best or (relevance(question, r) >= 1 and _names_the_study(terms, r))]
    cells = _sayable(best, endpoint)[:4]
    name, values = lead_values(endpoint, cells)
    summed = any(c.derived for c in cells)
    # The year stays out: every number of the sentence must be found in the passage it cites.
    study = spoken_label(best.study)
    study += " et al." if not re.search(r"\d", study) and " " not in study and best.n_authors > 1 else ""
    quoted = not _own(best, [endpoint])
    if quoted:
        # A value the outcomes stage reads as quoted from another study (a review's, an excerpt's): the paper is
        # named by its title (a review's trial name is one of many), and the figure said as possibly quoted (a
        # paper of no stated design has its values read as quoted unless a sentence shows its own patients).
        study = title_label(best.title) if best.title else study
    said = " (a figure this passage may quote from another study)" if quoted else ""
    lines = [f"{study}: {name} {values}{said} [{best.passage}]."]
    if quoted:
        # The table shows a study's own values only: the quoted spans join their passage's spans here, for the
        # support check (a value's span, as the table's cells are) and the sources panel (which shows no span
        # the passage already holds).
        p = passages[best.passage - 1]
        for c in _sayable(best, endpoint)[:4]:
            if not any(m.get("char_start") == c.char_start and m.get("char_end") == c.char_end
                       for m in p.more_spans):
                p.more_spans.append({"chunk_id": None, "char_start": c.char_start, "char_end": c.char_end,
                                     "text": c.span})
    if summed or endpoint == "CR" and "ORR" in lead_endpoints(question):
        # Response rates asked, complete responses reported: the sentences that give them, word for word, also give
        # the partial responses the vocabulary has no column for ("... achieved complete regression of all disease
        # and 14 patients (10%) had partial regression").
        lines += [f"{quote} [{best.passage}]" for quote in _partial_response_sentences(best, endpoint, passages,
                                                                                      store)]
    # Each study's own population and its experimental arm, as written; a landmark rate's range is of one landmark
    # (the one asked, else the leading value's).
    landmark = months if id(best) in at_time else _cell_months(_sayable(best, endpoint)[0])
    lines += range_line(terms, best, reporting, endpoint, name, landmark)
    lines += table.disagreements
    if months is not None and endpoint.endswith("_rate") and id(best) not in at_time:
        lines.append(landmark_note(question, best, endpoint, bool(reports_at(months, table.rows, [endpoint]))))
    caveat = None
    if missing[id(best)]:
        caveat = (f"The study whose values lead the answer ({study}) does not mention "
                  f"{' or '.join(missing[id(best)])}: check that it answers the question.")
    return Lead("\n".join(lines), table, caveat,
                LeadMatch(len(missing[id(best)]), relevance(question, best), best.passage, _compares(question, best)))


def lead_values(endpoint: str, cells: list) -> tuple[str, str]:
    """The endpoint's name and its values as the lead says them: "(time not stated)" and "(complete plus partial
    responses, added up here)" said once after the name when every value is so, else after each value that is."""
    unstated = " (time not stated)"
    added = " (complete plus partial responses, added up here)"
    all_unstated = all(_as_written(c).endswith(unstated) for c in cells)
    all_summed = all(c.derived for c in cells)
    values = "; ".join((_as_written(c).replace(unstated, "") if all_unstated else _as_written(c))
                       + (added if c.derived and not all_summed else "") + (f" ({_who(c)})" if _who(c) else "")
                       for c in cells)
    return NAMES[endpoint] + (unstated if all_unstated else "") + (added if all_summed else ""), values


def range_line(terms, best, reporting: list, endpoint: str, name: str, landmark: float | None) -> list[str]:
    """The range across the studies that report the endpoint ([] for one study): each study's own population and
    its experimental arm (a single arm's "all", or the first arm named), as written (a control arm's value is not
    what the treatment achieves, a computed share is not in the text); a landmark rate's at ``landmark`` months
    only (a 1-year rate is no 2-year rate, and a rate at a time not stated is in no range)."""
    rate = endpoint.endswith("_rate")
    numbers = [(c.value, r.passage) for r in reporting for c in r.cells[endpoint]
               if not c.population and not c.cited and _written(c) and c.arm == _asked_arm(terms, r)
               and (not rate or landmark is not None and _cell_months(c) == landmark)]
    if len({n for _, n in numbers}) <= 1:
        return []
    low, high = min(v for v, _ in numbers), max(v for v, _ in numbers)
    unit = best.cells[endpoint][0].unit
    fmt = (lambda v: f"{v:g}%") if unit == "%" else (lambda v: f"{v:.2f}") if unit == "ratio" else \
        (lambda v: f"{v:g} {unit}")
    markers = "".join(f"[{n}]" for n in dict.fromkeys(n for _, n in numbers))
    if low == high:
        return [f"The studies that report it give the same {name}, {fmt(low)} {markers}."]
    return [f"Across the studies that report it, the {name} ranges from {fmt(low)} to {fmt(high)} {markers}."]


def landmark_note(question: str, best, endpoint: str, others: bool = False) -> str:
    """Said when the question asks for a landmark ("5-year overall survival") that the leading study does not
    report: the time points its figures are at, or that the source states none; whether other studies of the table
    (that match the question less well) report it."""
    times = sorted({c.timepoint for c in _sayable(best, endpoint) if c.timepoint})
    at = ' and '.join(times) if times else 'a time the source does not state'
    asked = _TIMEPOINT.search(question).group(0)
    if others:
        return (f"This study does not give the {NAMES[endpoint]} at the time asked ({asked}); these are at {at}. "
                f"The table shows the studies that do.")
    return f"No retrieved study gives the {NAMES[endpoint]} at the time asked ({asked}); these are at {at}."


_PARTIAL = re.compile(r"\bpartial (?:response|regression|remission)s?\b", re.I)
_HEADING = re.compile(r"[A-Z][A-Za-z ]{2,30}(?:\.\s*[—–-]|:)\s*(?=[A-Z0-9])")


def _partial_response_sentences(row, endpoint: str, passages: list[Any], store: Any) -> list[str]:
    """The sentences of the paper that hold a row's cells of an endpoint and also give partial responses, once each;
    each joins its passage's spans (the sources panel marks it, the support check reads it)."""
    if not 1 <= row.passage <= len(passages):
        return []
    p = passages[row.passage - 1]
    doc = store.document(row.doc_id)
    if doc is None:
        return []
    out: list[str] = []
    spans = sentence_spans(doc.text)
    for c in _sayable(row, endpoint):
        for a, b in spans:
            sentence = doc.text[a:b].strip()
            heading = _HEADING.match(sentence)  # "Results.—Nine patients ...": the sentence, not its section's name
            sentence = sentence[heading.end():] if heading else sentence
            if a <= c.char_start < b and _PARTIAL.search(sentence) and sentence not in out and len(out) < 2:
                out.append(sentence)
                start = doc.text.index(sentence, a)
                if not _shown(p, start, start + len(sentence)):
                    p.more_spans.append({"chunk_id": None, "char_start": start, "char_end": start + len(sentence),
                                         "text": sentence})
    return out


def _shown(p: Any, start: int, end: int) -> bool:
    """Does the passage, or a span already added to it, hold the paper's text[start:end]?"""
    if p.char_start <= start and end <= p.char_end:
        return True
    for s in p.more_spans:
        at = s.get("char_start")
        if at is not None and at <= start and end <= at + len(s.get("text") or ""):
            return True
    return False


def add_value_spans(passages: list[Any], table: StudyTable) -> None:
    """Each cell's span joins its passage's spans, so the sources panel marks it and the support check reads it."""
    for row in table.rows:
        if not 1 <= row.passage <= len(passages):
            continue
        p = passages[row.passage - 1]
        for cells in row.cells.values():
            for c in cells:
                if not _shown(p, c.char_start, c.char_end):
                    p.more_spans.append({"chunk_id": None, "char_start": c.char_start, "char_end": c.char_end,
                                         "text": c.span})


__all__ = ["wants_number", "asks_quantity", "number_lead", "Lead", "LeadMatch", "add_value_spans", "format_value"]
