"""Does each answer sentence say what its cited passages say? A deterministic check of the facts a reader
would check first: numbers, names, negation and the direction of a claim.

For every sentence with [n] markers, against the passages it cites (and the cited papers' titles; for names, the
whole paper when the passage is a chunk of it):

- **numbers** are compared as numbers, in digits or in words ("twenty-eight", "Seventy-two percent", "half"),
  with thousands separators and thin spaces ("1,034", "11 502"), "·" as a decimal point ("7·7"), ranges ("49–72%"
  and "49% to 72%"), "x of y" and percentages of each other ("8 of 9" for "89%"), a rounded value for a precise
  one ("24%" for "23.7%"); each must be in a passage sentence that speaks of the same thing (shares its rarer words
  with the answer sentence), not just anywhere in a long passage;
- **names** (drugs by the one name rule of rag/lexical/names.py, genes, codes, trials such as "CheckMate 057",
  MeSH diseases and chemicals such as "follicular lymphoma", outcomes such as "overall survival", designs such as
  "randomised") must be in the passage, by any name the synonym table or MeSH gives, or as the words an
  abbreviation stands for ("HR" for "hazard ratio"); else in the cited paper's title or elsewhere in the paper,
  which the verdict notes ("KEYNOTE-010: in the title of [1]");
- **negation** must agree with the passage clause the answer clause follows ("did not improve" against
  "improved"; "a few patients" against "no patient"), read clause by clause, not anywhere in the passage sentence;
- **claims**: a direction or comparison ("higher", "similar", "independent of", "persisted") must not be the
  opposite of what the matched passage clause says, and "all" or "only" must be said there too.

The verdict is supported (everything found), partly supported (some facts missing, at most half) or unsupported,
and every flag names the word or number that is not supported ("72% not in [3]"). An extractive answer copies its
sentences, so it must always be supported: a test of the check itself.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable

from ..chunk.sentences import sentence_spans
from ..cite import MARKER, insert_before_stop, strip_reference_markers
from ..lexical.mesh import mentions as mesh_mentions
from ..lexical.names import name_shaped
from ..lexical.synonyms import synonym_alternatives
from ..lexical.tokens import compact_tokens, normalize, tokenize, words

SUPPORTED, PARTLY, UNSUPPORTED = "supported", "partly supported", "unsupported"
# The share of an answer clause's (rarity-weighted) words a passage clause must hold to be the one it follows.
COVERAGE = 0.5
CLAIM_COVERAGE = 0.25

_MARKERS = re.compile(r"\s*" + MARKER.pattern)  # with the space before them
_LEADING_MARKERS = re.compile(r"\s*(?:" + MARKER.pattern + r"\s*)+")


@dataclass
class SentenceSupport:
    sentence: str  # without its markers
    cited: list[int]
    status: str
    reasons: list[str] = field(default_factory=list)
    original: str = field(default="", repr=False)  # as written in the answer, markers included
    # Names found outside the cited passage: in the paper's title or elsewhere in the paper ("KEYNOTE-010: in the
    # title of [1]").
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("original")
        return out


# --- numbers --------------------------------------------------------------------------------------------------

# Thin, narrow and no-break spaces between digit groups ("11 502") and "·" as a decimal point ("7·7").
_GROUP_SPACE = re.compile(r"(?<=\d)[\u2009\u202f\u00a0\u2007\u2006](?=\d{3}(?!\d))")
_MIDDLE_DOT = re.compile(r"(?<=\d)[·\u2219](?=\d)")
# A number in digits: with thousands separators or a decimal point ("1,034", "0.45"), maybe a percent. Not the
# digits of a code ("MK-3475", "MDX-010", "CD19"): those are names, checked as names.
_NUMBER = re.compile(r"(?<![\w.])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.·]\d+)?)(?![A-Za-z\d])"
                     r"(\s?%|\s?percent\b|\s?per cent\b)?")
# A trial's number is part of its name ("CheckMate 057", "KEYNOTE 189"): the word before it is CamelCase or in
# capitals.
_NAMED_NUMBER = re.compile(r"\b([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{4,})[ -](\d{1,4})\b(?![.,]\d)")
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(k for k in _UNITS if k != "zero") + r"))?|(" + "|".join(_UNITS)
    + r"))(?:\s(hundred))?\b(\s?%|\s(?:percent|per cent)\b)?", re.I)
# Shares in words: "half", "a third", "two-thirds", "a quarter" (as percentages, read loosely).
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
              "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0}
_FRACTION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True)) + r")\b", re.I)


# A paper's identifier in a sentence: which paper, not what it says.
_IDENTIFIER = re.compile(r"\b(?:PMID|PMCID|PMC|doi)\s*:?\s*[\w./-]*\d[\w./-]*", re.I)


@dataclass(frozen=True)
class _Quantity:
    value: float
    percent: bool
    decimals: int  # digits after the decimal point as written (a rounded value matches a precise one)
    start: int
    end: int
    loose: bool = False  # a share in words ("about half"): matches a percentage within a few points
    text: str = ""


def _plain(text: str) -> str:
    """Digit groups and decimal points in one form; same length as the text (spans stay valid)."""
    text = _GROUP_SPACE.sub(",", text)
    return _MIDDLE_DOT.sub(".", text)


def _quantities(text: str, sentence: bool = False) -> list[_Quantity]:
    """The numbers of a text in digits and in words. In an answer sentence (``sentence``) the word "one" is not read
    as a number ("one of the most common"), and a trial's number is part of its name."""
    plain = _plain(text)
    named = {m.start(2) for m in _NAMED_NUMBER.finditer(plain)}
    out: list[_Quantity] = []
    for m in _NUMBER.finditer(plain):
        if m.start(1) in named or re.match(r":\d", plain[m.end():m.end() + 2]) or re.search(r"\d:$", plain[:m.start()]):
            continue  # a trial's number; an allocation ratio ("1:1")
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        out.append(_Quantity(value, bool(m.group(2)), decimals, m.start(), m.end(), text=m.group(0).strip()))
    for m in _WORD_NUMBER.finditer(plain):
        if m.group(3) and m.group(3).lower() == "one" and sentence and not m.group(4):
            continue
        if m.group(1):
            value = _TENS[m.group(1).lower()] + (_UNITS[m.group(2).lower()] if m.group(2) else 0)
        else:
            value = _UNITS[m.group(3).lower()]
        if m.group(4):
            value *= 100
        out.append(_Quantity(float(value), bool(m.group(5)), 0, m.start(), m.end(), text=m.group(0).strip()))
    for m in _FRACTION.finditer(plain):
        out = [q for q in out if q.end <= m.start() or q.start >= m.end()]  # "two" of "two-thirds"
        out.append(_Quantity(_FRACTIONS[m.group(1).lower()], True, 0, m.start(), m.end(), loose=True, text=m.group(0)))
    out.sort(key=lambda q: q.start)
    # "49–72%", "49 to 72%", "17, 32 and 29%": the numbers of a range or list share the last one's percent sign.
    shared = list(out)
    for i in range(len(shared) - 2, -1, -1):
        q, nxt = shared[i], shared[i + 1]
        if not q.percent and not q.loose and nxt.percent and not nxt.loose:
            between = plain[q.end:nxt.start]
            if re.fullmatch(r"\s*(-|–|—|to|and|or|,|, and|, or)\s*", between):
                shared[i] = _Quantity(q.value, True, q.decimals, q.start, q.end, text=q.text)
    if sentence:  # "the two groups", "both arms": a count of arms, not a finding
        shared = [q for q in shared if not re.match(r"\s+(groups?|arms?|cohorts?|trials|studies|doses|drugs|agents)\b",
                                                      plain[q.end:q.end + 12]) or q.text[:1].isdigit()]
    return shared


def numbers(text: str) -> list[tuple[float, bool]]:
    """The numbers of a text with whether each is a percentage ("49–72%": 49 and 72 both percent; "twenty-eight"
    28; "1,034" and "1 034" 1034; "7·7" 7.7)."""
    return [(q.value, q.percent) for q in _quantities(text) if not q.loose]


# "x of y", "x/y", "x (p%) of y", "x of the y patients": a share whose percentage may be written instead.
_SHARE = re.compile(r"(\d[\d,]*|\b[a-z]+(?:-[a-z]+)?)\s*(?:\([^)]{0,30}\)\s*)?(?:/|of|out of)\s+(?:the\s+|all\s+|these\s+|"
                    r"those\s+)?(\d[\d,]*|\b[a-z]+(?:-[a-z]+)?)\b", re.I)


def _shares(text: str) -> list[float]:
    """The percentages that the "x of y" pairs of a text stand for."""
    out = []
    for m in _SHARE.finditer(_plain(text)):
        a, b = _count(m.group(1)), _count(m.group(2))
        if a is not None and b and 0 <= a <= b:
            out.append(100.0 * a / b)
    return out


def _count(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return float(word)
    q = _quantities(word)
    return q[0].value if len(q) == 1 and not q[0].percent and not q[0].loose and q[0].text.lower() == word else None


def _same_number(q: _Quantity, p: _Quantity) -> bool:
    """Is the passage's number p the answer's number q (a rounded value for a precise one counts)?"""
    if q.loose:
        return p.percent and abs(p.value - q.value) <= 6
    if q.percent and not p.percent:
        return False
    if p.value == q.value:
        return True
    # A rounded value for a precise one, rounded half up: a percentage ("24%" for "23.7%") or a decimal ("1.00" for
    # "0.997"); never a count.
    scale = 10 ** q.decimals
    return (q.percent or q.decimals > 0) and p.decimals > q.decimals and math.floor(p.value * scale + 0.5) / scale == q.value


# Words beside a number that say nothing of what it counts.
_UNIT_WORDS = set(tokenize("months month years year weeks week days day patients patient median versus vs respectively "
                           "mg kg m2 approximately about nearly rate rates ci interval confidence with without group "
                           "groups arm arms"))


def _window(text: str, start: int, end: int, n: int) -> set[str]:
    """The first n content words either side of a span, within its clause."""
    left = re.split(r"[;]|\s[–—]\s", text[:start])[-1]
    right = re.split(r"[;]|\s[–—]\s", text[end:])[0]

    def content(ws: list[str]) -> list[set[str]]:
        return [c for c in (_content(w) - _UNIT_WORDS for w in ws) if c]

    out: set[str] = set()
    for c in content(words(left))[-n:] + content(words(right))[:n]:
        out |= c
    return out


def _beside(q: _Quantity, around: set[str], sentence: str) -> bool:
    """Does the passage sentence hold the number with some of the words the answer has beside it?"""
    if not around:
        return True
    plain = _plain(sentence)
    for p in _quantities(sentence):
        if _same_number(q, p) and _window(plain, p.start, p.end, 4) & around:
            return True
    # "89%" for "8 of 9", "half" for "8 of 16": the share stands for the number.
    return q.percent and not any(_same_number(q, p) for p in _quantities(sentence))


def _shared_numbers(numbers: list[_Quantity], sentence: str) -> int:
    """How many of these numbers a passage sentence holds."""
    return sum(1 for q in numbers if _supports_number(q, sentence))


def _supports_number(q: _Quantity, sentence: str) -> bool:
    have = _quantities(sentence)
    if any(_same_number(q, p) for p in have):
        return True
    if q.percent:  # "89%" for "8 of 9", "half" for "8 of 16"
        tolerance = 6 if q.loose else 0.5 * 10 ** -q.decimals + 1e-9
        return any(abs(share - q.value) <= tolerance for share in _shares(sentence))
    return False


# --- the passage's sentences and clauses, and which of them an answer sentence follows ---------------------------

# British spellings in American form, so that "favoured" meets "favor" and "randomised" meets "randomized".
_BRITISH = [
    (re.compile(r"\b(random|organ|character|recogn|minim|maxim|optim|standard|normal|util|summar|hospital|immun|"
                r"sensit|stabil|neutral|general|categor|priorit|visual|special)is(e|ed|es|ing|ation|ations)\b", re.I),
     r"\1iz\2"),
    (re.compile(r"\b(tum|fav|col|behavi|hum|lab|neighb|harb|vap|rum|vig|flav|od|hon|rig)our(s|ed|ing|able|ably|ite|"
                r"ites|ful)?\b", re.I), r"\1or\2"),
    (re.compile(r"\b(h|an|leuk|septic|isch|hyperglyc|hypoglyc|bacter|tox|ur|vir)aem", re.I), r"\1em"),
    (re.compile(r"\b(o)(edem|esophag|estr)", re.I), r"\2"),
    (re.compile(r"\b(p)aed", re.I), r"\1ed"),
    (re.compile(r"\baetiol", re.I), "etiol"),
    (re.compile(r"\bdiarrhoea", re.I), "diarrhea"),
]


def _us(text: str) -> str:
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


def _tok(text: str) -> list[str]:
    return tokenize(_us(text))

# Words that carry no claim of their own (shared by any two sentences of a paper).
_GENERIC = set(tokenize("patient patients study studies group groups trial trials treatment treated therapy months "
                        "month year years rate rates median compared versus vs respectively total overall number "
                        "received receiving results showed shown reported data analysis cohort arm arms"))


def _content(text: str) -> set[str]:
    """The words that carry a sentence's claim, as index tokens (a hyphenated name once, by its joined form)."""
    out = set()
    for word in words(_us(text)):
        toks = tokenize(word)
        out.update(toks[:1] if re.search(r"[-/]", word) else toks)
    return {t for t in out if not t.isdigit() and not re.fullmatch(r"[\d.]+", t) and t not in _GENERIC}


@dataclass
class _Passages:
    """The cited passages cut into sentences and clauses, with the rarity of each word among them."""

    sentences: list[str]
    clauses: list[str]
    weight: dict[str, float]

    @classmethod
    def of(cls, texts: list[str]) -> "_Passages":
        sentences = []
        for text in texts:
            text = re.sub(r"(?<=[A-Za-z0-9)])\.(?=[A-Z][a-z])", ". ", text)  # "HNSCC.To assess": two sentences
            for a, b in sentence_spans(text):
                s = text[a:b].strip()
                if s:
                    sentences.append(s)
        clauses = [c for s in sentences for c in _clauses(s)]
        df: dict[str, int] = {}
        for s in sentences:
            for t in _content(s):
                df[t] = df.get(t, 0) + 1
        n = len(sentences) or 1
        return cls(sentences, clauses, {t: math.log(1 + n / d) for t, d in df.items()})

    def overlap(self, answer: set[str], other: str) -> float:
        """The weight of the answer's words that the other text shares (rare words count more)."""
        return sum(self.weight.get(t, math.log(2)) for t in answer & _content(other))

    def best(self, answer: set[str], pieces: list[str]) -> str | None:
        """The piece that holds most of the answer's (weighted) words; of two that hold as much, the one with fewer
        words of its own."""
        scored = [(self.overlap(answer, p), -len(_content(p) - answer), p) for p in pieces]
        top = max(scored, default=None)
        return top[2] if top and top[0] > 0 else None


_INTRO = re.compile(r"^\s*(although|though|even though|while|whereas|despite|if|when|because|since)\b[^,]{3,}?,\s", re.I)
_CLAUSE = re.compile(r";|:\s|\s[–—]\s|,\s*(?=(?:but|while|whereas|although|though|yet|as|because|since|which)\b)|"
                     r",\s*and\s+(?=(?:no|none|not|neither|all|some|most|few)\b)|"
                     r"\s(?=(?:but|whereas|while|although)\s)", re.I)


def _clauses(sentence: str) -> list[str]:
    out: list[str] = []
    for c in _CLAUSE.split(sentence):
        if not c or not c.strip():
            continue
        m = _INTRO.match(c)  # "Although X, Y": X and Y apart
        pieces = [c[:m.end()].rstrip(", "), c[m.end():]] if m else [c]
        for p in (p.strip() for p in pieces):
            if not p or not _content(p):
                continue
            if out and re.match(r"(?i)(but|and|or)?\s*not\b", p):
                p = f"{out[-1]} {p}"  # "..., but not for ACR50": the clause it leaves out the verb of
            out.append(p)
    return out


# --- names ------------------------------------------------------------------------------------------------------

# Labels of the numbers they precede (the numbers are checked): not names of their own.
_LABELS = {"HR", "OR", "RR", "CI", "IQR", "SD", "SE", "SEM", "vs", "N", "n"}
# A trial named by its acronym: "In PACIFIC, ...", "the START trial", "CheckMate 057".
_TRIAL_NAME = re.compile(r"\b(?:[Ii]n (?:the )?|[Tt]he )([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[ -]\d{1,4})?)(?=,| (?:trial|study|"
                         r"analysis|cohort)\b)|\b([A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{4,})[ -](\d{1,4})\b(?![.,]\d)")
# Outcomes and designs a sentence may claim: they must be in the passage itself (not only elsewhere in the paper).
_OUTCOMES = re.compile(r"\b(overall survival|progression-free survival|disease-free survival|event-free survival|"
                       r"relapse-free survival|recurrence-free survival|metastasis-free survival|quality of life|"
                       r"(objective|overall|complete|partial|pathological complete) response)\b", re.I)
_DESIGNS = re.compile(r"\b(randomi[sz]ed|retrospective(ly)?|prospective(ly)?|double-blind|placebo-controlled|"
                      r"meta-analys[ie]s|phase (?:I{1,3}|[1-3])(?:/(?:I{1,3}|[1-3]))?[ab]?)\b", re.I)
# A disease by its kind: "colorectal cancer", "mantle cell lymphoma" (the words before the head that say which).
_DISEASE = re.compile(r"\b((?:(?:[\w-]+(?:al|ar|ic|ous|ary|oid|ial|ine|ile|ian|eal|ular|cell|cytic)|breast|lung|prostate|"
                      r"bladder|skin|colon|liver|kidney|head and neck|neck|brain|bone|thyroid|stomach|mantle|hodgkin|"
                      r"non-hodgkin|b-cell|t-cell|small-cell|non-small-cell|cell|merkel|mast)\s+){1,4})(cancers?|"
                      r"carcinomas?|lymphomas?|leuka?emias?|melanomas?|sarcomas?|myelomas?|gliomas?|mesotheliomas?)\b", re.I)
_DISEASE_MODIFIERS = set("""a an the of in with and or for to on at by from as advanced metastatic recurrent refractory
relapsed resected unresectable untreated previously treated pretreated early late stage locally primary secondary
patients patient common rare high-risk low-risk high low grade all other most these those their its this that some many
several both either each any various different""".split())
# MeSH descriptors too general to be a fact of their own (cancer, disease, antibodies, drugs...).
_GENERIC_MESH = {"mesh_d009369", "mesh_d004194", "mesh_d013577", "mesh_d000906", "mesh_d011506", "mesh_d004364",
                 "mesh_d002277", "mesh_d012008", "mesh_d009362", "mesh_d003643", "mesh_d000911", "mesh_d000970",
                 "mesh_d007239", "mesh_d014612", "mesh_d010919"}


@functools.lru_cache(maxsize=4096)
def _mesh_terms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(descriptor token, the term's compact tokens) for each MeSH disease or chemical term the text names."""
    return tuple(mesh_mentions(text))


def names(sentence: str) -> list[str]:
    """The named things of a sentence: acronyms and codes, trials with their number, drugs by the name rule,
    synonym-table names, MeSH diseases and chemicals of more than one word, outcomes and designs."""
    table = synonym_alternatives(sentence)
    out: list[str] = []
    text = normalize(sentence)
    for m in _NAMED_NUMBER.finditer(text):
        out.append(m.group(0))  # as written: "KEYNOTE-010", "CheckMate 057"
    in_trial = {w for n in out for w in re.split(r"[\s-]", n)} | set(out)
    for i, word in enumerate(words(sentence)):
        w = word.strip("-/")
        if len(w) < 2 or w in in_trial or any(part in in_trial for part in w.split("-")) or w in _LABELS \
                or re.fullmatch(r"\d[\d.]*-(NR|NA|NE|NC)", w):  # "6.7–NR": a bound not reached, not a name
            continue
        coded = w[0].isalpha() and any(c.isdigit() for c in w)  # "CD19", "IL-2"; not "1,000-fold"
        acronym = sum(c.isupper() for c in w) >= 2
        toks = tokenize(w)
        known = bool(toks) and toks[0] in table and w[0].isupper() and i > 0  # "Keytruda", not "survival"
        shaped = name_shaped(w) or name_shaped(w.split("-")[0])  # "sipuleucel-T"
        if (coded or acronym or shaped or known) and w not in out:
            out.append(w)
    for token, key in _mesh_terms(text):
        if token in _GENERIC_MESH or (len(key) < 2 and len(key[0]) < 6):
            continue
        phrase = _phrase(text, key)
        if phrase and not any(phrase.lower() in n.lower() or n.lower() in phrase.lower() for n in out):
            out.append(phrase)
    for m in _DISEASE.finditer(text):  # "colorectal cancer", "mantle cell lymphoma"
        kept = [w for w in m.group(1).split() if w.lower() not in _DISEASE_MODIFIERS and _content(w)]
        phrase = " ".join(kept + [m.group(2)])
        if kept and not any(phrase.lower() in n.lower() or n.lower() in phrase.lower() for n in out):
            out.append(phrase)
    for pattern in (_OUTCOMES, _DESIGNS):
        for m in pattern.finditer(text):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


def _phrase(text: str, key: tuple[str, ...]) -> str:
    """The words of the text that a MeSH term's compact tokens came from."""
    ws = words(text)
    toks = [compact_tokens(w) for w in ws]
    flat = [(i, t) for i, ts in enumerate(toks) for t in ts]
    for j in range(len(flat) - len(key) + 1):
        if tuple(t for _, t in flat[j:j + len(key)]) == key:
            return " ".join(ws[flat[j][0]:flat[j + len(key) - 1][0] + 1])
    return ""


def _initials(text: str) -> set[str]:
    """Every run of word initials of a text ("hazard ratio" -> "hr"; "non-small-cell lung cancer" -> "nsclc"):
    where an abbreviation is spelled out."""
    parts = [p for p in re.split(r"[\s\-/]+", normalize(text).lower()) if p and p[0].isalnum()]
    letters = [p[0] for p in parts]
    out = set()
    for i in range(len(letters)):
        for n in range(2, 7):
            if i + n <= len(letters):
                out.add("".join(letters[i:i + n]))
    return out


@dataclass
class _Source:
    """Where a name may be found: the passage (tokens, spelled-out abbreviations, MeSH descriptors)."""

    tokens: set[str]
    initials: set[str]
    mesh: set[str]
    compact: str
    text: str = ""

    @classmethod
    def of(cls, text: str) -> "_Source":
        text = _us(text)
        return cls(set(tokenize(text)), _initials(text), {t for t, _ in _mesh_terms(normalize(text)[:200000])},
                   " " + " ".join(compact_tokens(text)) + " ", text)


def _found_name(name: str, where: _Source, alternatives: dict[str, list[tuple[str, ...]]]) -> bool:
    toks = _tok(name)
    if not toks:
        return True
    if " " in name.strip() or len(toks) > 1 and not re.search(r"[-/]", name):
        # A phrase (a disease, an outcome, a trial with its number): the same MeSH descriptor, all its words, or its
        # abbreviation.
        mesh = [t for t, key in _mesh_terms(name) if len(key) > 1]
        if mesh and all(m in where.mesh for m in mesh):
            return True
        key = " " + " ".join(compact_tokens(name)) + " "
        if key.strip() and key in where.compact:
            return True
        if _trial_key(name):
            return _trial_key(name) in _trial_keys(where.text)
        if "".join(w[0] for w in re.split(r"[\s\-/]+", name.lower()) if w) in where.tokens:
            return True
        return all(t in where.tokens or any(set(alt) <= where.tokens for alt in alternatives.get(t, [])) for t in toks)
    if toks[0] in where.tokens:  # the joined form ("pdl1") or the word itself
        return True
    if any(set(alt) <= where.tokens for alt in alternatives.get(toks[0], [])):
        return True
    mesh = [t for t, _ in _mesh_terms(name)]
    if mesh and all(m in where.mesh for m in mesh):
        return True
    plain = re.sub(r"[^a-z]", "", name.lower())
    joined = re.sub(r"[^a-z0-9]", "", name.lower())
    if len(joined) >= 4 and re.search(r"\d", joined) and re.search(r"[a-z]", joined) and joined in where.compact:
        return True  # "G12C" in "KRASG12C"
    if (name.isupper() or sum(c.isupper() for c in name) >= 2) and not re.search(r"\d", name) and len(plain) >= 3:
        # "ORR" for "objective response rate", "NSCLC" for "non-small-cell lung cancer" (not a gene such as "CD8":
        # two letters and a digit are spelled out by nothing)
        if plain in where.initials:
            return True
        if plain.endswith("s") and len(plain) >= 4 and plain[:-1] in where.initials:  # "AEs", "TKIs"
            return True
    # "PD-1/CD274", "anti-CD19": each part by itself, as the passage may write them apart or by another name.
    parts = [part for part in re.split(r"/", name) if len(part) > 1]
    if len(parts) > 1:
        return all(_found_name(part, where, alternatives) for part in parts)
    m = re.fullmatch(r"(?i)(anti|non)-?(.+)", name)
    if m and len(m.group(2)) > 1:
        return _found_name(m.group(2), where, alternatives)
    # "PD-L1-positive", "TCR-transduced", "G12C-mutant": the name before a plain word.
    m = re.fullmatch(r"(.+?)-([a-z]+)", name)
    if m and len(m.group(1)) > 1:
        return _found_name(m.group(1), where, alternatives)
    return False


def _trials(text: str) -> set[str]:
    """The trials a text names ("CheckMate 057", "the DETERMINE study", "(START)" in a title)."""
    out = {(m.group(1) or f"{m.group(2)} {m.group(3)}").strip() for m in _TRIAL_NAME.finditer(normalize(text))}
    out |= {m.group(1) for m in re.finditer(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:[ -]\d{1,4})?)\)", text)
            if not re.fullmatch(r"[A-Z]{1,3}\d*", m.group(1))}
    return out


def _trial_key(name: str) -> tuple[str, int] | None:
    """("keynote", 10) for "KEYNOTE-010", "KEYNOTE 10" and "Keynote-010"."""
    m = re.fullmatch(r"\s*([A-Za-z][A-Za-z]+)[\s-]*0*(\d{1,4})\s*", name)
    return (m.group(1).lower(), int(m.group(2))) if m else None


@functools.lru_cache(maxsize=256)
def _trial_keys(text: str) -> frozenset[tuple[str, int]]:
    return frozenset((m.group(1).lower(), int(m.group(2)))
                     for m in re.finditer(r"\b([A-Za-z][A-Za-z]+)[ -]?0*(\d{1,4})\b", normalize(text)))


# --- negation and claims ------------------------------------------------------------------------------------------

# Words that turn a statement around. "no" and "not" also in "no longer", "not only": still a negation cue. Not
# "without", "absence of", "lack of", which qualify a noun ("patients without prior therapy") rather than deny a
# claim, nor "not reached", "not applicable", "not evaluable" (a value, not a denial).
_NEGATION = re.compile(r"(?<!\()(?<!\[)(?<!median )(?<!duration )\b(not(?! (?:applicable|evaluable|estimable|available))|no|"
                       r"never|neither|nor|"
                       r"none|cannot|can't|didn't|did not|doesn't|don't|isn't|wasn't|weren't|aren't|failed to|"
                       r"non-?significant(?:ly)?|insignificant|little is known|unknown|unclear)\b", re.I)
def _neg(text: str) -> re.Match | None:
    """The first negation of a text that denies something ("median duration of response not reached" gives a value,
    not a denial)."""
    for m in _NEGATION.finditer(text):
        if m.group(0).lower() == "not" and re.match(r"\s+(yet\s+)?reached", text[m.end():]) \
                and re.search(r"median|duration|\(|\[", text[max(0, m.start() - 50):m.start()], re.I):
            continue
        return m
    return None


# Words that deny a noun rather than a claim: counted only where an answer's own negation needs its match.
_WEAK_NEGATION = re.compile(r"\b(without|absence of|absent|lack(?:ed|s|ing)? of|free of|failed|fails)\b", re.I)
# Between a negation and the word it denies ("did not significantly prolong", "no clear difference", "none of them
# improved").
_HEDGES = set(tokenize("significantly statistically significant clear clearly meaningful meaningfully major further "
                       "yet always only any evidence of them these those also even necessarily substantially markedly "
                       "notably show shown showed demonstrate demonstrated reveal revealed find found observe "
                       "observed result resulted lead led appear appeared seem seemed respect regard terms case"))


def _denied(clause: str) -> set[str]:
    """The words a negated clause denies: the first content word after each negation cue ("did not significantly
    prolong" -> prolong; "none of them improved" -> improved; "no patient" -> patient)."""
    out = set()
    for m in _NEGATION.finditer(clause):
        if m.group(0).lower() in ("unknown", "unclear"):
            out |= _content(clause[:m.start()])  # "the mechanism is unknown": what is unknown comes before
            continue
        if m.group(0).lower() == "little is known":
            out.add("known")
        for t in tokenize(clause[m.end():m.end() + 80]):
            if t in _HEDGES or t.isdigit():
                continue
            out.add(t)
            break
    return out
# Comparisons and quantities a claim turns on: what the passage clause must not contradict.
_CLAIMS: dict[str, re.Pattern] = {
    "up": re.compile(r"\b(higher|greater|more|increas\w*|longer|improv\w*|prolong\w*|extend\w*|better|superior|favou?r\w*|"
                     r"stronger|enhanc\w*|elevat\w*|doubl\w*|exceed\w*|outperform\w*|surpass\w*)\b", re.I),
    "down": re.compile(r"\b(lower|less|fewer|reduc\w*|decreas\w*|shorter|worse|worsen\w*|inferior|weaker|diminish\w*|"
                       r"declin\w*|toxic\w* less)\b", re.I),
    "same": re.compile(r"\b(similar\w*|comparable|(much )?the same|equivalent|unchanged|independent(ly)? of|regardless|"
                       r"irrespective|consistent (across|regardless)|non-?inferior)\b", re.I),
    "differ": re.compile(r"\b(differ|differed|differs|different|difference|distinct)\b", re.I),
    "linked": re.compile(r"\b(correlat\w*|associat\w*|linked|depend\w*|predict\w*|driven by)\b", re.I),
    "persist": re.compile(r"\b(persist\w*|maintain\w*|sustain\w*|retain\w*|remain\w* (significant|robust|consistent))\b",
                          re.I),
    "stop": re.compile(r"\b(disappear\w*|vanish\w*|abolish\w*|lost|stopp\w*|halt\w*|terminat\w*|abandon\w*|"
                       r"discontinued development)\b", re.I),
    "all": re.compile(r"\b(all|every|entire)\b(?!-| at all| \d| other| (two|three|four|six|eight|twelve) )"
                      r"(?<!at all)", re.I),
    "only": re.compile(r"\b(only|solely|exclusively|confined to|restricted to|limited to)\b", re.I),
    "some": re.compile(r"\b(some|several|a few|few|many|a subset|a minority|most)\b", re.I),
    "known": re.compile(r"\b(much|well|already) (is )?(known|established|understood)\b", re.I),
}
_OPPOSITE = {"up": {"down", "same"}, "down": {"up", "same"}, "same": {"up", "down", "differ", "linked"},
             "differ": {"same"}, "linked": {"same"}, "persist": {"stop"}, "stop": {"persist"},
             "all": {"some", "only", "none"}, "some": {"all", "none"}, "only": {"all", "same"}, "known": {"none"}}
_STRICT = {"all", "only"}  # must be said in the passage too
_QUANTITY_WORDS = re.compile(r"\b(more|less|fewer|greater|higher|lower|longer|shorter)\s+than\s+(?=[\d(]|half|a |one|two|"
                             r"three|four|five|ten|twice|\w+ (times|fold))|\b(at least|or more|or less|or longer|or higher|"
                             r"or greater|or lower|or worse|or better|no more than|up to|the most|most common(ly)?|"
                             r"only (?=\d|about|approximately|a few|one|two|three|four|five|six|seven|eight|nine|ten))\b",
                             re.I)
_NONE = re.compile(r"\b(no|none|neither|never|not any|no one)\b", re.I)


def _claims(clause: str) -> set[str]:
    """The claim classes of a clause; a comparison a negation denies ("did not differ", "was not improved",
    "no significant difference") reads as "the same"."""
    text = _QUANTITY_WORDS.sub(" ", clause)
    found = set()
    for name, pattern in _CLAIMS.items():
        for m in pattern.finditer(text):
            denied = _neg(text[max(0, m.start() - 45):m.start()])
            if denied and name in ("up", "down", "differ", "linked"):
                found.add("same")
            elif denied and name == "all" and re.search(r"\bnot\s+$", text[:m.start()], re.I):
                found.add("some")
            else:
                found.add(name)
    if _NONE.search(text):
        found.add("none")
    return found


def _claims_of_words(tokens: set[str]) -> set[str]:
    """The claim classes of a set of (stemmed) words."""
    return {name for name, pattern in _CLAIMS.items() if any(pattern.search(t) for t in tokens)}


def _claim_word(clause: str, kind: str) -> str:
    m = _CLAIMS[kind].search(_QUANTITY_WORDS.sub(" ", clause)) if kind in _CLAIMS else None
    return m.group(0) if m else kind


# --- the check ----------------------------------------------------------------------------------------------------


def check_sentence(sentence: str, cited: list[int], passage_texts: dict[int, str],
                   titles: dict[int, str] | None = None, papers: dict[int, str] | None = None,
                   values: dict[int, list[str]] | None = None) -> SentenceSupport:
    """The verdict on one answer sentence against the passages it cites (number -> text); ``titles`` the cited
    papers' titles, ``papers`` their whole text where the passage is a chunk of it (number -> text), ``values`` the
    spans the outcomes stage read values from (number -> span texts: a value there is the passage's own)."""
    plain = _MARKERS.sub("", sentence).strip()
    where = "".join(f"[{n}]" for n in cited)
    shown_plain = plain
    plain = _IDENTIFIER.sub(" ", plain)  # "PMID:37459873": which paper, not what it says
    texts = [passage_texts[n] for n in cited if n in passage_texts]
    if not texts:
        return SentenceSupport(plain, cited, UNSUPPORTED, [f"cites no passage that exists: {where or 'none'}"])
    # A sentence quoted word for word from a cited passage says what the passage says.
    if _verbatim(shown_plain, texts):
        return SentenceSupport(shown_plain, cited, SUPPORTED)
    titles = {n: t for n, t in (titles or {}).items() if n in cited and t}
    value_spans = [v for n in cited for v in (values or {}).get(n, []) if v]
    papers = {n: t for n, t in (papers or {}).items() if n in cited and t}
    passages = _Passages.of(texts + list(titles.values()))  # a title is what its paper says too
    answer_words = _content(plain)
    facts, missing, notes = 0, [], []

    # Numbers: each in a passage sentence that speaks of the same thing (it shares the answer's rarer words), or in
    # one of the three passage sentences the answer follows most closely. A title may hold a number too.
    ranked = sorted(passages.sentences, key=lambda s: -passages.overlap(answer_words, s))
    near = set(ranked[:3])
    enough = max(1.0, 0.2 * sum(passages.weight.get(t, math.log(2)) for t in answer_words))
    pool = passages.sentences + list(titles.values())
    mine_numbers = _quantities(plain, sentence=True)
    for q in mine_numbers:
        others = [o for o in mine_numbers if o is not q and not o.loose and o.value > 3]
        facts += 1
        holders = [s for s in pool if _supports_number(q, s)]
        # A precise number (1,034; 216 patients; 0.27) is no coincidence: it may be anywhere in the passage. Several
        # of the sentence's numbers together in one passage sentence speak of the same thing too.
        precise = not q.loose and not q.percent and (q.decimals >= 2 or q.value >= 100) or q.decimals >= 2
        # Beside the number, the answer and the passage speak of the same thing ("9.8 months without flu-like
        # symptoms" is not "9.8 months without an injection site reaction").
        # Checked only where the answer follows one passage sentence for its other numbers and this one is not there.
        with_others = [c for c in passages.clauses if others and _shared_numbers(others, c) >= 1]
        anchor = max(with_others, key=lambda c: passages.overlap(answer_words, c)) if with_others else None
        slot = anchor is not None and not _supports_number(q, anchor)
        around = _window(_plain(plain), q.start, q.end, 3) if slot else set()
        if any(_supports_number(q, v) for v in value_spans):
            continue  # a value the outcomes stage read from this passage (the studies table's cell)
        wide = _window(_plain(plain), q.start, q.end, 6)  # a holder with the same words beside the number is enough
        if not any((precise or s in near or s in titles.values() or passages.overlap(answer_words, s) >= enough
                    or _shared_numbers(others, s) >= 2) and (precise or _beside(q, around, s))
                   or (wide and _beside(q, wide, s) and (not slot or _beside(q, around, s))) for s in holders):
            shown = q.text if q.loose or not q.text[:1].isdigit() else f"{q.value:g}{'%' if q.percent else ''}"
            missing.append(f"{shown} not in {where}")

    # Names: in the passage; else in the paper's title or elsewhere in the paper (noted); else flagged.
    alternatives = synonym_alternatives(plain)
    source = _Source.of("\n".join(texts))
    outcome_or_design = re.compile(f"{_OUTCOMES.pattern}|{_DESIGNS.pattern}", re.I)
    trials = _trials(plain)
    for name in names(plain):
        facts += 1
        if _found_name(name, source, alternatives) or (value_spans and _OUTCOMES.fullmatch(name)):
            continue
        found_in = ""
        for n, title in titles.items():
            if _found_name(name, _Source.of(title), alternatives):
                found_in = f"in the title of [{n}]"
                break
        if not found_in and not outcome_or_design.fullmatch(name):
            for n, paper in papers.items():
                if _found_name(name, _paper_source(paper), alternatives):
                    found_in = f"elsewhere in the paper of [{n}], not in the cited passage"
                    break
        if found_in:
            notes.append(f"{name}: {found_in}")
        elif name in trials or _trial_key(name) in {_trial_key(t) for t in trials}:
            # A trial the cited sources do not name cannot be checked against them; one they name otherwise is wrong.
            others = sorted(_trials("\n".join(texts + list(titles.values()))))
            if others:
                missing.append(f"{name} not in {where} (it names {', '.join(others[:3])})")
            else:
                notes.append(f"{name}: no trial is named in {where}")
        else:
            missing.append(f"{name} not in {where}")

    # Negation and claims, clause by clause: each answer clause against the passage clauses it follows most closely.
    said_negation, source_negation, claim_flags = [], [], []
    for clause in _clauses(plain) or [plain]:
        clause_words = _content(clause)
        if len(clause_words) < 2:
            continue
        reported = _quantities(clause, sentence=True)
        if value_spans and reported and all(any(_supports_number(q, v) for v in value_spans) for q in reported):
            continue  # it reports the values the outcomes stage read from the passage, and claims nothing else
        total = sum(passages.weight.get(t, math.log(2)) for t in clause_words)
        ranked_clauses = sorted(passages.clauses, key=lambda c: (-passages.overlap(clause_words, c),
                                                                 len(_content(c) - clause_words)))
        # The passage clauses the answer clause follows: each holds at least half of its (rarity-weighted) words.
        matched = [c for c in ranked_clauses[:3] if passages.overlap(clause_words, c) >= max(1.0, COVERAGE * total)]
        neg = _neg(clause)
        said = set(_tok(clause))
        if neg:
            # The passage clause it follows must deny something too (there "without" and "absence of" count).
            against = matched[:1] or [c for s in ranked[:3] for c in _clauses(s)]
            if not any(_neg(c) or _WEAK_NEGATION.search(c) for c in against):
                said_negation.append(neg.group(0))
        else:
            # The answer says what a passage clause it follows denies ("improved" where it says "did not improve"):
            # a sentence that only reports the numbers denies nothing.
            # (not when the clause it follows nearly word for word denies nothing)
            followed = matched[:1] if matched and not _neg(matched[0]) and \
                passages.overlap(clause_words, matched[0]) >= 0.9 * total else matched[:2]
            for c in followed:
                cue = _neg(c)
                denied = _denied(c) if cue else set()
                # What it denies is said; or the sentence, with no numbers of its own, follows it nearly word for word.
                close = (passages.overlap(clause_words, c) >= 0.75 * total
                         and all(_supports_number(q, c) for q in _quantities(clause, sentence=True)))
                if denied and (denied & said or _claims_of_words(denied) & _claims(clause) - {"some", "all"} or close):
                    source_negation.append(cue.group(0))
                    break
        mine = _claims(clause)
        if not mine:
            continue
        # Claims are read against the clauses that hold at least a quarter of the answer clause's words.
        near = [c for c in ranked_clauses[:3] if passages.overlap(clause_words, c) >= max(1.0, CLAIM_COVERAGE * total)]
        if matched:  # a clause that holds half the answer clause's words: the one it follows
            near = matched[:1]
        elif len(near) > 1 and passages.overlap(clause_words, near[0]) >= 1.3 * passages.overlap(clause_words, near[1]):
            near = near[:1]  # one clause it follows clearly more than any other
        theirs = set().union(*(_claims(c) for c in near)) if near else set()
        near_claims = set().union(*(_claims(c) for s in ranked[:3] for c in _clauses(s))) if ranked else set()
        for kind in sorted(mine):
            if kind in theirs or kind == "none":
                continue
            against = (_OPPOSITE.get(kind, set()) & theirs) - mine
            if against:
                other = sorted(against)[0]
                text = next(c for c in near if other in _claims(c))
                claim_flags.append(f'"{_claim_word(clause, kind)}": {where} says "{_claim_word(text, other)}"')
            elif kind in _STRICT and kind not in near_claims and kind not in theirs:
                claim_flags.append(f'"{_claim_word(clause, kind)}" is not said in {where}')
    if said_negation or source_negation:
        facts += 1
        if said_negation:
            missing.append(f'"{said_negation[0]}" is not said in {where}')
        else:
            missing.append(f'{where} says "{source_negation[0]}", the sentence does not')
    if claim_flags:
        facts += len(claim_flags)
        missing.extend(claim_flags)
    if not missing:
        return SentenceSupport(shown_plain, cited, SUPPORTED, notes=notes)
    status = PARTLY if len(missing) * 2 <= facts and facts > 1 else UNSUPPORTED
    return SentenceSupport(shown_plain, cited, status, missing, notes=notes)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w%.,;:()\-–/ ]", " ", normalize(text))).strip().lower()


def _verbatim(sentence: str, texts: list[str]) -> bool:
    """Is the sentence (markers and the source's own reference numbers aside) word for word in a passage?"""
    s = _squash(sentence).rstrip(".")
    return len(s) >= 20 and any(s in _squash(strip_reference_markers(t)) for t in texts)


@functools.lru_cache(maxsize=64)
def _paper_source(text: str) -> _Source:
    return _Source.of(text)


def check_answer(text: str, passages: Iterable[Any], paper: Callable[[str], Any] | None = None,
                 table: dict[str, Any] | None = None) -> list[SentenceSupport]:
    """The verdict on every sentence of an answer that carries [n] markers (passages numbered from 1). The cited
    papers' titles come with the passages; ``paper(doc_id)`` (e.g. an index store's ``document``) gives a paper's
    whole text, against which names are checked when the passage is a chunk of it; ``table`` (the answer's studies
    table, rag/outcomes/table.py) gives the spans its values were read from, a value there being the passage's own."""
    texts, titles, papers, values = {}, {}, {}, {}
    for n, p in enumerate(passages, 1):
        spans = [p.text] + [s.get("text", "") for s in (getattr(p, "more_spans", None) or [])]
        texts[n] = "\n".join(s for s in spans if s)
        # The spans of the studies table's values (rag/answer/numbers.py adds them without a chunk).
        values[n] = [s.get("text", "") for s in (getattr(p, "more_spans", None) or []) if s.get("chunk_id") is None]
        citation = getattr(p, "citation", None)
        if citation is not None and getattr(citation, "title", None):
            titles[n] = citation.title
        if paper is not None:
            try:
                doc = paper(p.doc_id)
            except Exception:  # a store that cannot say: the passage and the title still count
                doc = None
            body = getattr(doc, "text", None) if doc is not None else None
            if body and len(body) > len(texts[n]):
                papers[n] = body
    for row in (table or {}).get("rows", []):
        values.setdefault(row.get("passage"), []).extend(c.get("span", "") for cells in row.get("cells", {}).values()
                                                         for c in cells)
    sentences: list[tuple[str, list[int]]] = []
    for line in text.splitlines():
        first = len(sentences)
        for a, b in sentence_spans(line):
            sentence = line[a:b]
            # "First finding. [1] Second finding. [1]" (an extractive answer's line): a sentence splitter cuts after
            # the full stop, so markers that open a sentence are those of the sentence before (markers alone on a
            # line too).
            lead = _LEADING_MARKERS.match(sentence)
            if lead and sentences and (len(sentences) > first or not _MARKERS.sub("", sentence).strip()):
                sentences[-1][1].extend(n for n in map(int, MARKER.findall(lead.group(0))) if n not in sentences[-1][1])
                sentence = sentence[lead.end():]
            if not _MARKERS.sub("", sentence).strip():
                continue
            sentences.append((sentence, [int(n) for n in _MARKERS.findall(sentence)]))
    out = []
    for s, cited in sentences:
        if cited:
            verdict = check_sentence(s, cited, texts, titles, papers, values)
            verdict.original = s
            out.append(verdict)
    return out


_MARKER_RUN = re.compile(r"(?:\[\d+\])+")  # "[2][3][4]": the passages a reason names


def _passages_named(m: re.Match) -> str:
    """'[3]' -> 'passage 3'; '[2][3][4]' -> 'passages 2, 3 and 4'."""
    ns = MARKER.findall(m.group())
    if len(ns) == 1:
        return f"passage {ns[0]}"
    return f"passages {', '.join(ns[:-1])} and {ns[-1]}"


def mark_unverified(text: str, verdicts: list[SentenceSupport]) -> str:
    """The answer with each sentence that is not supported followed by what the check could not find."""
    for v in verdicts:
        if v.status != SUPPORTED and v.original and v.original in text:
            why = "; ".join(_MARKER_RUN.sub(_passages_named, r) for r in v.reasons)
            text = text.replace(v.original, insert_before_stop(v.original, f"⚠ ({v.status}: {why})"), 1)
    return text
