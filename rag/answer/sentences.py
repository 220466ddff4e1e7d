"""The sentences an extractive answer may quote: cut from the cited papers, labelled with their role, cleaned.

Each retrieved passage contributes the sentences of its paper around the hit: the whole text of an abstract-sized
document (a passage of 200 tokens often misses the conclusion of its abstract), or the passage's spans and the
sentence after each (the answer often follows the sentence that matches the question) for a long one.
Every sentence gets its role where the paper says it (a structured abstract's BACKGROUND / METHODS / RESULTS /
CONCLUSIONS, "Objective.—" labels) or where its wording does ("To determine whether...", "In conclusion...").
Boilerplate never becomes a candidate: headings, list stubs, table rows, questions, fragments, navigation and
registration or funding lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chunk.sentences import sentence_spans
from ..cite import strip_reference_markers
from ..lexical.tokens import tokenize
from ..datatypes import Document, Passage

# A document up to this size is read whole; a longer one around its matching spans.
WHOLE_DOCUMENT_CHARS = 6000
MIN_WORDS, MAX_WORDS = 6, 80
# How far before and after a window sentences are looked for (a paragraph longer than this is cut at a sentence).
PARAGRAPH_REACH = 4000

ROLES = ("conclusion", "result", "", "method", "background", "aim")

_SECTION_ROLE = [  # first match wins: "METHODS AND FINDINGS" reports findings
    ("conclusion", re.compile(r"conclu|interpretation|implication|significance|relevance|discussion|summary|"
                              r"recommendation", re.I)),
    ("result", re.compile(r"result|finding|outcome", re.I)),
    ("method", re.compile(r"method|design|setting|participant|patients|material|intervention|measure|procedure|"
                          r"outline|accrual|eligib|criteria|schedule|protocol", re.I)),
    ("aim", re.compile(r"objective|aim|purpose|goal|importance|hypothes|question", re.I)),
    ("background", re.compile(r"background|introduction|context|rationale|overview", re.I)),
]
# "Objective.—", "RESULTS:", "Conclusions." at the start of a sentence (labels left inside the text).
_INLINE_LABEL = re.compile(r"^(?:(background|introduction|context|objectives?|aims?|purpose|design|setting|methods?|"
                           r"patients and methods|materials and methods|participants|interventions?|measurements|"
                           r"results?|findings|conclusions?|interpretation|significance|"
                           r"summary)\s*(?:[.:]\s*[—–-]*|[—–])|([A-Z][A-Z &/,-]{2,40}[A-Z]):)\s*(?:-\s+)?", re.I)
_UPPER_LABEL = re.compile(r"^[A-Z][A-Z &/,-]{2,40}[A-Z]:")
# A label run into its sentence without punctuation, as some journals print them: "Purpose To increase awareness...",
# "Recommendations Management varies...".
_RUN_IN_LABEL = re.compile(r"^(Purpose|Background|Objectives?|Aims?|Methods|Results|Conclusions?|Recommendations?|"
                           r"Findings|Interpretation) (?=[A-Z][a-z]* [a-z])")
_CUE_ROLE = [
    ("conclusion", re.compile(r"^(in conclusion|in summary|to conclude|taken together|collectively|overall,|together,|"
                              r"these (results|data|findings|observations|studies) (suggest|indicate|show|demonstrate|"
                              r"support|provide|highlight|confirm)|our (results|data|findings|study) (suggest|indicate|"
                              r"show|demonstrate|support|provide)|we conclude|this (study|trial|analysis) (shows|"
                              r"demonstrates|suggests|provides|confirms))", re.I)),
    ("aim", re.compile(r"^(the (primary |main |secondary |principal |overall )?(aim|purpose|objective|goal)s?\b|"
                       r"(determine|evaluate|assess|compare|investigate|estimate|measure)\b|"
                       r"we (aimed|sought|set out|wanted)|"
                       r"this (study|trial|review|article|paper) (aimed|aims|was designed|sought|investigates|"
                       r"evaluates|examines|describes|reviews|summari[sz]es|discusses|explores|focuses)|"
                       r"to (determine|evaluate|assess|investigate|examine|explore|compare|characteri[sz]e|"
                       r"identify|test|describe)\b|"
                       # an unstructured abstract's opening: "We describe here the results...", "We investigated
                       # the ability of..." (findings say what was found: "we found", "we show that")
                       r"we (here )?(describe|present)( here)? (the|our|a|an|preliminary|initial)\b|"
                       r"we (investigated|examined|explored|studied|tested|asked) (whether|if|how|the|a|an)\b"
                       r"(?!.*\b(found|showed|shown|demonstrated|revealed|observed)\b)|"
                       r"(here|in this (review|study|article|paper)),? we "
                       r"(review|describe|summari[sz]e|discuss|present|provide|report|investigate|explore|examine|"
                       r"evaluate|aim|focus|highlight|outline))", re.I)),
    ("method", re.compile(r"\bwill (be|receive|undergo|enrol|enroll)\b|^(patients (were|are|receive|will)|"
                          r"participants were|we (enrolled|recruited|analy[sz]ed|performed|conducted|"
                          r"retrospectively|prospectively|searched|included|used)|a total of \d+|eligible patients|"
                          r"(this|a) (phase|randomi[sz]ed|retrospective|prospective|multicenter|multicentre|"
                          r"single-arm|open-label))", re.I)),
]
_FINDING = re.compile(r"\d\s?%|\bp\s?[<=>]\s?0?\.\d|\b95%\s?ci\b|\b(hazard ratio|odds ratio|median)\b|"
                      r"\b(was|were) (significantly |not )?(associated|higher|lower|longer|shorter|improved|reduced|"
                      r"increased|decreased|observed|achieved)|\b(resulted in|led to|showed|demonstrated|induced|"
                      r"improved|prolonged|reduced)\b", re.I)
_BOILERPLATE = re.compile(
    r"what you should know|click here|learn more|for more information|sign up|subscribe|copyright|©|"
    r"all rights reserved|trial registration|clinicaltrials\.gov|\bregistered (with|at|in|on)\b|\bfunded by\b|"
    r"\bfunding\b|conflicts? of interest|competing interests?|the authors declare|https?://|www\.|\S+@\S+\.\w+|"
    r"\bdoi:|creative commons|open access|licensee|this (page|article) (is|was) (updated|reviewed|published)|"
    r"this page contains (brief )?information|a collection of links|en español|for reprint|"
    r"supplementary (material|data|information)|\bsee (table|figure|fig\.)|"
    r"talk (to|with) your (doctor|health care)|ask your (doctor|health care)", re.I)


_NUMBER = re.compile(r"\d+(?:[.·,]\d+)?\s?(?:%|percent|months?|years?|weeks?|days?|hours?|mg|µg|mcg|g/|iu|"
                     r"units?|patients|cycles?|doses?|-fold|fold)|\b\d+(?:[.·]\d+)?\s?(?:of|/)\s?\d+\b", re.I)
_NAME = re.compile(r"\b(?:[A-Za-z]*[A-Z][A-Za-z]*\d[\w-]*|[A-Z]{2,}[\w-]*|\d+[A-Za-z][\w-]*|"
                   r"[a-z]+(?:mab|cept|leucel|cel|tinib|nib|kin|tide))\b")


# Abbreviations that name no answer (agencies, statistics, trial phases, common outcome and disease acronyms).
_NOT_ANSWERS = {"FDA", "EMA", "NCI", "WHO", "USA", "US", "UK", "EU", "CI", "HR", "OR", "OS", "PFS", "DFS", "EFS",
                "ORR", "DCR", "AE", "AEs", "TRAE", "TRAEs", "II", "III", "IV", "VI", "NSCLC", "SCLC", "RCC", "DNA",
                "RNA", "CR", "PR", "SD", "PD", "NR", "NA", "IQR", "RECIST", "ASCO", "ESMO", "NCCN", "IHC"}


# The quantities of answer_kind: what a sentence holding one of them shows.
_QUANTITY_SHAPES = {
    "dose": re.compile(r"\d[\d,.\s]*\s?(?:mg|µg|mcg|g|iu|IU|units?|U|MIU|cells)\s?(?:/\s?(?:kg|m2|m²|day|dose|d)\b)?|"
                       r"\d\s?(?:mg|µg|IU|U)/kg", re.I),
    "percent": re.compile(r"\d+(?:[.·]\d+)?\s?%|\bpercent\b|\b\d+ of \d+\b|\b\d+/\d+\b", re.I),
    "time": re.compile(r"\d+(?:[.·]\d+)?\s?(?:months?|years?|weeks?|days?|hours?|mo)\b", re.I),
}


def has_answer_shape(text: str, kind: str, question_tokens: set[str]) -> bool:
    """The sentence holds what the question asks for: a quantity of the kind asked (a dose, a percentage, a
    duration), or a name the question does not already use."""
    if kind in _QUANTITY_SHAPES:
        return _QUANTITY_SHAPES[kind].search(text) is not None
    if kind == "number":
        return _NUMBER.search(text) is not None
    if kind == "name":
        return any(m.group(0) not in _NOT_ANSWERS and not set(tokenize(m.group(0))) <= question_tokens
                   for m in _NAME.finditer(text))
    return False


@dataclass
class Sentence:
    """A candidate sentence of one retrieved passage's paper."""

    passage: int  # 0-based index of the passage (its paper)
    text: str  # as quoted: the source's words, its own reference numbers removed
    start: int  # offsets into the paper's text
    end: int
    section: str
    role: str
    order: int  # position among its paper's candidates
    tokens: set[str] = field(default_factory=set)
    visible: bool = True  # inside the passage or one of its spans (the sources panel shows it)
    previous: "Sentence | None" = None
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0


def _role_of_section(heading: str) -> str:
    if len((heading or "").split()) > 5:
        return ""  # a web page's or a chapter's heading, not a structured abstract's label
    for role, pattern in _SECTION_ROLE:
        if pattern.search(heading or ""):
            return role
    return ""


def role_of(text: str, heading: str = "") -> str:
    """A sentence's role: its section's where the paper labels it, else what its wording says."""
    by_section = _role_of_section(heading) if heading and heading.lower() not in ("abstract", "description") else ""
    if by_section:
        return by_section
    label = _INLINE_LABEL.match(text)
    if label and (label.group(1) or _UPPER_LABEL.match(text)):
        return _role_of_section(label.group(1) or label.group(2)) or "method"
    run_in = _RUN_IN_LABEL.match(text)
    if run_in:
        return _role_of_section(run_in.group(1))
    for role, pattern in _CUE_ROLE:
        if pattern.search(text):
            return role
    return "result" if _FINDING.search(text) else ""


def clean(text: str) -> str:
    """The sentence as it will be quoted: its own reference numbers and inline labels removed, spaces collapsed."""
    text = " ".join(strip_reference_markers(text).split())
    label = _INLINE_LABEL.match(text) or _RUN_IN_LABEL.match(text)
    if label and (label.re is _RUN_IN_LABEL or label.group(1) or _UPPER_LABEL.match(text)):
        text = text[label.end():]
    return re.sub(r"^[-•*]\s+", "", text)


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised: a title or a heading, not a sentence."""
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 5 and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def is_boilerplate(text: str, raw_line_start: str = "") -> bool:
    """Headings, list stubs, table rows, questions, fragments, navigation and administrative lines."""
    words = re.findall(r"[A-Za-z][A-Za-z\-]+", text)
    if len(words) < MIN_WORDS or len(words) > MAX_WORDS:
        return True
    stripped = text.strip()
    if stripped.endswith((":", "?")) or stripped.startswith(("#", "|", "*", "•")) or stripped.count("|") >= 2:
        return True
    if (not re.search(r"[.!)\]%0-9]$", stripped) and len(words) < 15) or _title_case(words):
        return True  # a heading or a title
    if stripped[0].islower() and not re.match(r"^[a-z]{1,4}[A-Z0-9]", stripped):
        return True  # a fragment cut from the middle of a sentence ("mRNA", "p53" start sentences too)
    if raw_line_start in ("-", "*", "•") and len(words) < 12:
        return True  # a list stub
    return _BOILERPLATE.search(stripped) is not None


def _windows(doc: Document, passage: Passage) -> list[tuple[int, int]]:
    if len(doc.text) <= WHOLE_DOCUMENT_CHARS:
        return [(0, len(doc.text))]
    spans = [(passage.char_start, passage.char_end)] + [
        (int(s.get("char_start") or 0), int(s.get("char_end") or 0)) for s in passage.more_spans if s.get("char_end")]
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _section_at(doc: Document, offset: int) -> str:
    for s in doc.sections:
        if s.start <= offset < s.end:
            return s.heading
    return ""


def _line_start(text: str, offset: int) -> str:
    line = text.rfind("\n", 0, offset) + 1
    head = text[line:offset].strip()
    return head[:1] if head else text[offset:offset + 1]


def paper_sentences(passage_index: int, passage: Passage, doc: Document | None) -> list[Sentence]:
    """The candidate sentences of one passage's paper, in reading order, each linked to the one before it."""
    if doc is None:  # the document row is missing: the passage's own text is all there is
        doc = Document(passage.doc_id, passage.citation.source_type, passage.text, [], title=passage.citation.title)
        passage_spans = [(0, len(passage.text))]
        windows = passage_spans
    else:
        passage_spans = [(passage.char_start, passage.char_end)] + [
            (int(s.get("char_start") or 0), int(s.get("char_end") or 0)) for s in passage.more_spans]
        windows = _windows(doc, passage)
    out: list[Sentence] = []
    text = doc.text
    excerpt = (doc.extra or {}).get("text_kind") == "abstract_excerpt"
    seen: set[tuple[int, int]] = set()  # a sentence two windows reach is a candidate once
    for a, b in windows:
        # Sentences as the document has them, not as the window cuts them: from the start of the paragraph the
        # window starts in (a chunk may start inside a sentence) to the end of the one it ends in.
        start = max(text.rfind("\n", 0, a) + 1, a - PARAGRAPH_REACH)
        end = text.find("\n", min(len(text), b + 800))
        end = len(text) if end < 0 else end
        limit = min(end, b + PARAGRAPH_REACH)
        kept, after = [], 0
        for s, e in sentence_spans(text, start, limit):
            if (s == start and start > 0 and text[start - 1] != "\n") or (e == limit and limit < end) or e <= a \
                    or (s, e) in seen:
                continue  # cut by the reach, not by the document; before the window; or already a candidate
            seen.add((s, e))
            if s < b:
                kept.append((s, e))
            elif after == 0:
                kept.append((s, e))  # the sentence after the window: the answer often follows the match
                after = 1
        previous = None
        for s, e in _join_lists(text, kept):
            raw = text[s:e]
            heading = _section_at(doc, s)
            sentence = clean(raw)
            if is_boilerplate(raw.strip(), _line_start(text, s)) or not sentence or _same(sentence, doc.title) \
                    or (excerpt and (_cut(text, s, e) or (s == 0 and not doc.title and _title_line(text, e)))):
                previous = None
                continue
            visible = any(ps <= s and e <= pe for ps, pe in passage_spans)
            role = role_of(raw.strip(), heading)
            if doc.source_type == "trial" and role in ("", "result"):
                role = "method"  # a registry record describes a protocol: it reports no findings
            item = Sentence(passage_index, sentence, s, e, heading, role, len(out),
                            set(tokenize(sentence)), visible, previous)
            out.append(item)
            previous = item
    return out


# An excerpt's snippet (one a line) may start or end inside a word: "I trial (IMbrave150) showed..." (of "phase
# III trial"), "...in both patients with metastatic uveal melanoma and pati".
# ("B cells", "T cells" and "IV infusion" start sentences; "I", "II", "III" before a lower-case word are what is
# left of "phase I/II/III").
_CUT_START = re.compile(r"^I{1,3}\s+[a-z]")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")


def _cut(text: str, s: int, e: int) -> bool:
    """An excerpt's sentence that starts or ends where its snippet was cut rather than where a sentence does."""
    starts_line = text[:s].rstrip(" \t")[-1:] in ("", "\n")
    ends_line = text[e:].lstrip(" \t")[:1] in ("", "\n")
    sentence = text[s:e].strip()
    return (starts_line and _CUT_START.match(sentence) is not None) or \
        (ends_line and _ENDS_SENTENCE.search(sentence) is None)


def _title_line(text: str, e: int) -> bool:
    """An untitled excerpt's first line that is its paper's title ("nextNEOpi: a comprehensive pipeline for
    computational neoantigen prediction."): a line of its own, short, with a colon, not a sentence."""
    line = text[:e].strip()
    return text[e:].lstrip(" \t")[:1] in ("", "\n") and ": " in line and len(line.split()) < 20


def _join_lists(text: str, spans: list[tuple[int, int]], most: int = 8) -> list[tuple[int, int]]:
    """A lead-in ending with ':' and the list items under it become one span ("X is approved to treat: - A. - B."):
    on web pages the answer is often the list."""
    out, i = [], 0
    while i < len(spans):
        s, e = spans[i]
        j = i + 1
        if text[s:e].rstrip().endswith(":"):
            while j < len(spans) and j - i <= most and _line_start(text, spans[j][0]) in ("-", "*", "•"):
                j += 1
        out.append((s, spans[j - 1][1]))
        i = j
    return out


def _same(sentence: str, title: str | None) -> bool:
    """The sentence is the paper's title (trial records and web pages repeat it in their text)."""
    def norm(t):
        return re.sub(r"[^a-z0-9]+", " ", (t or "").lower()).strip()
    return bool(title) and norm(sentence) == norm(title)


def title_tokens(passage: Passage) -> set[str]:
    return set(tokenize(passage.citation.title or ""))


def opening_tokens(doc: Document | None) -> set[str]:
    """The tokens of a document's opening sentence (an untitled excerpt's first line is often its title)."""
    if doc is None or not doc.text:
        return set()
    spans = sentence_spans(doc.text, 0, min(len(doc.text), 1500))
    return set(tokenize(doc.text[spans[0][0]:spans[0][1]])) if spans else set()
