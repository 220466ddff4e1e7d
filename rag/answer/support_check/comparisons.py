"""Comparisons between two arms or subjects: which one the passage gives the larger value, against what the answer
says ("more frequent with A than with B" where the passage's figures for A and B say the opposite; "54% with A and
10% with B" where the passage gives A 10% and B 54%).

The arms are read from the answer clause ("with A than with B", "A had a higher X than B", "in 54% of patients on A
and 10% of those on B"); the passage's values for them from a passage sentence that names both (figures paired in
the order the arms are named: "20% with A versus 9% with B", "(44.8% vs. 27.8%)", "73 in the A arm and 96 in the B
arm"), from a table ("A | 44% | 16%" under a header naming the columns), or from two sentences that name one arm
each with the figure beside the words of the comparison. A comparison the passage states in words ("higher with A
than with B") counts as well."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...chunk.sentences import sentence_spans
from ...lexical.tokens import tokenize
from .numbers import _plain, _Quantity, _quantities
from .passages import _tok, _us

_UP = r"higher|greater|more|longer|better|superior|larger|increased|improved"
_DOWN = r"lower|less|fewer|shorter|worse|inferior|smaller|reduced|decreased"
_DIRECTION = re.compile(rf"\b({_UP}|{_DOWN})\b(?:\s+(?:frequent(?:ly)?|common(?:ly)?|often|likely|pronounced))?",
                        re.I)
# "...with A than with B", "...in A than in B", "A ... than B".
_ARM_LEAD = re.compile(r"\b(?:with|in|among|for|on|after|by|receiving|given|from)\s+", re.I)
_ARM_END = re.compile(r"\s*(?:[(\[,;:]|\.(?:\s|$)|$|\s(?:than|versus|vs\.?|v|and|but|while|whereas|compared|as|"
                      r"at|was|were|had|has|is|are|who|which|that|respectively|among|in|with|for|after|during|from|"
                      r"on|by|discontinued|stopped|died|developed|\d))", re.I)
# Words of an arm that do not tell it from the other ("patients in the nivolumab group").
_ARM_FILLER = set(tokenize("patients patient those group groups arm arms cohort treated receiving received given who "
                           "subjects participants people cases therapy treatment"))
# Figures of a pair: "20% with A versus 9% with B", "(44.8% vs. 27.8%)", "73 ... and 96".
_PAIR_JOIN = re.compile(r"^(?:(?!\bto\b|\bfrom\b)(?:[^;.\d]|(?<=[A-Za-z])\d))*?"
                        r"\b(?:vs\.?|versus|v|compared (?:with|to)|than|and|against|whereas|while|in comparison with)"
                        r"\b(?:[^;.\d]|(?<=[A-Za-z])\d)*$|^\s*,\s*$|"
                        r"^(?:[^;.\d]|(?<=[A-Za-z])\d)*,\s*$", re.I)  # (a list: "34% for A, 38% for B, and 16% ...")
# Parentheses that hold a confidence interval, a P value or a range: not the figures compared.
_ASIDE = re.compile(r"[(\[][^()\[\]]*(?:\bCI\b|confidence|\bP\s*[=<>≤]|\bp\s*[=<>]|hazard|ratio|range|IQR|"
                    r"interval)[^()\[\]]*[)\]]", re.I)


@dataclass
class _Comparison:
    word: str  # as written ("more frequent")
    up: bool  # the first arm has the larger value
    first: set[str]  # the first arm's distinctive tokens
    second: set[str]
    first_text: str
    second_text: str
    topic: set[str]  # the tokens of what is compared


def _sentences(text: str) -> list[str]:
    text = re.sub(r"(?<=[A-Za-z0-9)])\.(?=[A-Z][a-z])", ". ", text)
    return [text[a:b].strip() for a, b in sentence_spans(text) if text[a:b].strip()]


def _direction_up(word: str) -> bool:
    return re.match(rf"(?i)({_UP})\b", word) is not None


def _arm_text(text: str) -> str:
    m = _ARM_END.search(text)
    return text[:m.start()] if m else text


# Outcomes by their usual abbreviations, so that "ORR" meets "responded".
_ACRONYMS = {"orr": "objective response rate", "os": "overall survival", "pfs": "progression-free survival",
             "dcr": "disease control rate", "cr": "complete response", "pcr": "pathological complete response",
             "aes": "adverse events", "ae": "adverse event", "iraes": "immune-related adverse events",
             "trae": "treatment-related adverse event", "traes": "treatment-related adverse events",
             "dfs": "disease-free survival", "efs": "event-free survival", "rfs": "relapse-free survival"}
_ACRONYM = re.compile(r"\b(?:" + "|".join(_ACRONYMS) + r")\b", re.I)


def _topic_tokens(text: str) -> set[str]:
    """The words of a text as the comparison's topic reads them: index tokens cut to six letters ("responded" meets
    "response")."""
    text = _ACRONYM.sub(lambda m: f"{m.group(0)} {_ACRONYMS[m.group(0).lower()]}", text)
    return {t[:6] for t in tokenize(_us(text)) if not t.isdigit() and not re.fullmatch(r"[\d.]+", t)}


_ALONE = set(tokenize("alone monotherapy"))


def _arms(first: str, second: str) -> tuple[set[str], set[str]] | None:
    a = {t for t in _tok(first) if not re.fullmatch(r"[\d.]+", t)} - _ARM_FILLER
    b = {t for t in _tok(second) if not re.fullmatch(r"[\d.]+", t)} - _ARM_FILLER
    only_a, only_b = a - b, b - a
    # "with A-B than with B alone": the arm alone is named by B where the passage names B without A.
    if only_b and only_b <= _ALONE and b - _ALONE and only_a:
        only_b = only_b | (b - _ALONE)
    elif only_a and only_a <= _ALONE and a - _ALONE and only_b:
        only_a = only_a | (a - _ALONE)
    if not only_a or not only_b:
        return None
    return only_a, only_b


_SUBJECT_VERB = re.compile(r"(?i)\b(had|has|have|showed|shows|show|gave|gives|give|did|does|achieved|achieves|"
                           r"produced|produces|yielded|yields|induced|induces|elicited|caused|generated|resulted in|"
                           r"led to|\w+ed)\s+"
                           r"(?:a\s+|an\s+|the\s+|significantly\s+|much\s+|far\s+|slightly\s+)?$")
_COPULA = re.compile(r"(?i)\b(was|were|is|are|been|be|being)\s+(?:\w+\s+)?$")
_NOT_TOPIC = set(tokenize("was were is are been be had has have did does significantly much far slightly frequent "
                          "frequently common commonly often likely among those"))


def comparison_of(clause: str) -> _Comparison | None:
    """The comparison an answer clause makes: "<more> ... with A than with B", "A had a <higher> X than B"."""
    for m in _DIRECTION.finditer(clause):
        before, after = clause[:m.start()], clause[m.end():]
        if re.search(r"(?i)\b(or|and)\s+$", before):
            continue  # "grade 3 or higher": a threshold
        than = re.search(r"\bthan\b|\bas\s+(?=with|in|among|for|on)|\b(?:when\s+)?compared (?:with|to)\b|\bover\b",
                         after, re.I)
        if not than or len(after[:than.start()].split()) > 12 or re.match(r"\s*\d", after[than.end():]):
            continue
        if re.search(r"(?i)\b(not|no)\s+(?:\w+\s+){0,2}$", before):
            return None  # "not more frequent": a denial, read by the negation check
        between = after[:than.start()]
        lead = list(_ARM_LEAD.finditer(between))
        second_raw = re.sub(r"(?i)^(?:\s*(?:that|those|of|the|patients|with|in|among|for|on|after|by|receiving|"
                            r"given|from)\b)*\s*", "", after[than.end():])
        second = _arm_text(second_raw)
        rest = second_raw[len(second):]
        verb = _SUBJECT_VERB.search(before)
        if verb and not _COPULA.search(before[:verb.start()] + " "):
            # the subject: "Never or light smokers responded more often than heavy smokers"
            start = max(0, before.rfind(",", 0, verb.start()) + 1)
            first = before[start:verb.start()].strip()
            topic_text = before[verb.start():] + " " + between + " " + rest
        elif lead:
            first = _arm_text(between[lead[-1].end():])
            topic_text = before + " " + between[:lead[-1].start()] + " " + rest
        else:
            continue
        arms = _arms(first, second)
        if not arms or len(first.split()) > 8 or len(second.split()) > 8:
            continue
        topic = _topic_tokens(topic_text) - {t[:6] for t in arms[0] | arms[1] | set(tokenize(m.group(0))) | _NOT_TOPIC}
        return _Comparison(m.group(0), _direction_up(m.group(1)), arms[0], arms[1], first.strip(), second.strip(),
                           topic)
    return None


def _arms_by_figures(clause: str) -> tuple[set[str], set[str], str, str] | None:
    """The two arms of "54% of patients on A and 10% of those on B" (each figure followed by its arm)."""
    plain = _plain(clause)
    qs = [q for q in _quantities(clause, sentence=True) if not q.loose]
    found = []
    for q in qs:
        rest = plain[q.end:q.end + 80]
        m = re.match(r"\s*(?:%|months?|weeks?|patients?|cases?)?\s*(?:\)\s*)?(?:of\s+(?:the\s+)?(?:patients|those)\s+)?"
                     r"(?:(?:with|in|on|among|for|receiving|given|who received)\s+)(?:the\s+)?([^,;()]+)", rest, re.I)
        if m:
            found.append(_arm_text(m.group(1)))
    if len(found) != 2:
        return None
    arms = _arms(found[0], found[1])
    return (arms[0], arms[1], found[0], found[1]) if arms else None


# An arm named as one hyphenated word that adds a treatment to another ("ASC-plus-vinorelbine", "chemo+nivolumab"):
# the words before "plus" are the other arm's ("ASC-alone"), not this one's.
_ADDED = re.compile(r"(?i)^.+?(?:-(?:plus|with|and)-|\+)(?=\w)")


def _mentions(tokens: set[str], text: str, other: set[str] | None = None) -> int | None:
    """Where a text first names an arm (any of its distinctive tokens), or None. A word that adds one treatment to
    another names the arm by the treatment added; an arm given alone ("B alone") is not named by a word that names
    the other arm too ("A/B")."""
    best = None
    alone = other if other and tokens & _ALONE else set()
    for m in re.finditer(r"[\w\-/+α-ω]+", text):
        word = m.group(0)
        added = _ADDED.match(word)
        toks = set(_tok(word[added.end():] if added else word))
        if toks & tokens and not toks & alone:
            best = m.start()
            break
    return best


def _pairs(text: str, percent: bool | None) -> list[tuple[_Quantity, _Quantity, int]]:
    """Figures set side by side in a text ("20% ... versus 9%", "(44.8% vs. 27.8%)", "73 ... and 96"), each pair with
    the offset where the words before it begin. Confidence intervals, P values and ranges in parentheses are left
    out; denominators ("of 28") are not figures of an arm."""
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), _plain(text))
    qs = [q for q in _quantities(text) if not q.loose and not re.search(
        r"\d[\d,.]*\s*%?\s*(?:\)\s*)?(?:\bof|/|out of)\s*(?:the\s+)?$", text[max(0, q.start - 30):q.start])]
    qs = [q for q in qs if not re.match(r"\s*(?:mg|g\b|ml|µ|mm|kg|cycles|doses|:)", text[q.end:q.end + 6])]
    # Not a count of arms ("the two arms") nor a label's number ("grade 3", "stage 2"): not figures of an arm.
    qs = [q for q in qs if not re.match(r"\s+(?:arms?|groups?|cohorts?|trials|studies)\b", text[q.end:q.end + 10])
          and not re.search(r"(?i)\b(?:grades?|stages?|phases?|types?|levels?|cycles?|days?|weeks?)\s+$",
                            text[max(0, q.start - 8):q.start])]
    out = []
    paired: set[int] = set()  # the second figures of "A vs. B" pairs: not the first of another pair
    for i, q in enumerate(qs):
        if percent is not None and q.percent != percent or q.start in paired:
            continue
        for r in qs[i + 1:]:
            if r.percent != q.percent:
                continue
            between = text[q.end:r.start]
            for o in qs:  # the other kind's figures between ("11 (8%) ... versus 30 (22%)"): words, not figures
                if q.end <= o.start and o.end <= r.start:
                    between = between[:o.start - q.end] + "n" * (o.end - o.start) + between[o.end - q.end:]
            between = re.sub(r"(?i)\b(vs|v)\.", r"\1 ", between)  # "44.8% vs. 27.8%": the stop of "vs." ends nothing
            if len(between) <= 120 and _PAIR_JOIN.match(between):
                out.append((q, r, q.start))
                if re.fullmatch(r"(?i)\W*(?:vs|v|versus)\W*", between):
                    paired.add(r.start)
            break
    return out


def _pair_for(text: str, comp_topic: set[str], percent: bool | None) -> tuple[_Quantity, _Quantity] | None:
    """The pair of figures of a passage sentence that the comparison's words lead to (the words since the pair
    before it, or the sentence's start)."""
    pairs = _pairs(text, percent)
    if not pairs and percent is None:
        return None
    best, best_score = None, (0, 0)
    last = 0
    for i, (q, r, _start) in enumerate(pairs):
        # (to the next pair, or at least to this pair's second figure: "11 (8%) ... discontinued ... versus 30 (22%)";
        # of two pairs the words lead to alike, the one they come before: "less frequent (73.4% vs. 90.0%)")
        upto = max(pairs[i + 1][2], r.start) if i + 1 < len(pairs) else len(text)
        score = (len(_topic_tokens(text[last:upto]) & comp_topic), len(_topic_tokens(text[last:q.start]) & comp_topic))
        if score[0] and score > best_score:
            best, best_score = pairs[i][:2], score
        last = r.end
    if best is None and len(pairs) == 1:
        best = pairs[0][:2]
    return best


def _shown(q: _Quantity) -> str:
    return q.text if not q.text[:1].isdigit() else f"{q.value:g}{'%' if q.percent else ''}"


def _table_values(comp_first: set[str], comp_second: set[str], topic: set[str],
                  text: str) -> tuple[_Quantity, _Quantity] | None:
    """Values of two rows of a table written with "|" ("A | 44% | 16%"), in the column whose header the comparison's
    words name."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    for ln in text.splitlines():
        if "|" not in ln:
            continue
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue  # a Markdown table's rule
        if not any(_quantities(c) for c in cells[1:]):
            tables.append((cells, []))
        elif tables:
            tables[-1][1].append(cells)

    def row_for(rows: list[list[str]], arm: set[str], other: set[str]) -> list[str] | None:
        fits = [r for r in rows if arm <= set(_tok(r[0])) and not other <= set(_tok(r[0]))]
        fits.sort(key=lambda r: len(set(_tok(r[0]))))
        return fits[0] if fits else None

    for header, rows in tables:
        scores = [len(_topic_tokens(h) & topic) for h in header[1:]]
        if not rows or not scores or max(scores) == 0 or scores.count(max(scores)) > 1:
            continue
        col = 1 + scores.index(max(scores))
        a, b = row_for(rows, comp_first, comp_second), row_for(rows, comp_second, comp_first)
        if not a or not b or a is b or len(a) <= col or len(b) <= col:
            continue
        qa, qb = _quantities(a[col]), _quantities(b[col])
        if qa and qb:
            return qa[0], qb[0]
    return None


_COMMON = {t[:6] for t in tokenize("patients patient group groups rate rates median treatment therapy months years")}


def _nearest_value(sentence: str, topic: set[str], percent: bool | None) -> _Quantity | None:
    """The figure of a passage sentence closest to the comparison's words (one arm's sentence)."""
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), _plain(sentence))
    rare = topic - _COMMON
    spots = [m.start() for m in re.finditer(r"[\w\-]+", text) if _topic_tokens(m.group(0)) & rare]
    qs = [q for q in _quantities(text) if not q.loose and (percent is None or q.percent == percent)]
    if not spots or not qs:
        return None
    return min(qs, key=lambda q: min(abs(q.start - s) for s in spots))


def comparison_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """Flags for an answer clause whose comparison the passage's figures (or words) contradict."""
    comp = comparison_of(clause)
    passage_sentences = [s for t in texts for s in _sentences(t)]
    mine = [q for q in _quantities(clause, sentence=True) if not q.loose]
    percent = True if any(q.percent for q in mine) else None
    if comp is None:
        arms = _arms_by_figures(clause)
        if not arms:
            return []
        first, second, first_text, second_text = arms
        pair = _pairs(clause, None)
        if not pair:
            return []
        a, b = pair[0][0], pair[0][1]
        if a.value == b.value:
            return []
        topic = _topic_tokens(clause) - first - second
        comp = _Comparison(f"{_shown(a)} with {first_text}", a.value > b.value, first, second, first_text,
                           second_text, topic)
        stated_values = (a, b)
    else:
        stated_values = None
    if not comp.topic:
        return []
    for t in texts:
        if t.count("|") >= 4:
            values = _table_values(comp.first, comp.second, comp.topic, t)
            if values:
                return _verdict(comp, values[0], values[1], where, stated_values)
    for s in sorted(passage_sentences, key=lambda s: -len(_topic_tokens(s) & comp.topic)):
        pa, pb = _mentions(comp.first, s, comp.second), _mentions(comp.second, s, comp.first)
        if pa is None or pb is None:
            continue
        close = len(_topic_tokens(s) & comp.topic) >= max(1, len(comp.topic) // 3)
        if "|" in s:
            continue
        # The passage's own comparison in words ("higher in the A group than in the B group").
        theirs = comparison_of(s)
        pair = _pair_for(s, comp.topic, percent) if close else None
        if pair is not None:
            first_value, second_value = pair if pa < pb else (pair[1], pair[0])
            return _verdict(comp, first_value, second_value, where, stated_values)
        if theirs and stated_values is None and (len(theirs.topic & comp.topic) >= max(1, len(comp.topic) // 2)
                                                  or re.match(r"(?i)superior|inferior|better|worse", theirs.word)):
            same = theirs.first & comp.first and theirs.second & comp.second
            swapped = theirs.first & comp.second and theirs.second & comp.first
            if same and theirs.up != comp.up or swapped and theirs.up == comp.up:
                return [f'"{comp.word}": {where} says "{theirs.word}" of {theirs.first_text} against '
                        f'{theirs.second_text}']
            if same or swapped:
                return []
    # One passage sentence for each arm, the figure beside the comparison's words.
    if stated_values is not None:
        return []
    only_a = [s for s in passage_sentences if _mentions(comp.first, s) is not None and _mentions(comp.second, s) is None
              and comp.topic <= _topic_tokens(s)]
    only_b = [s for s in passage_sentences if _mentions(comp.second, s) is not None and _mentions(comp.first, s) is None
              and comp.topic <= _topic_tokens(s)]
    if len(only_a) == 1 and len(only_b) == 1:
        va, vb = _nearest_value(only_a[0], comp.topic, percent), _nearest_value(only_b[0], comp.topic, percent)
        if va is not None and vb is not None and va.percent == vb.percent:
            return _verdict(comp, va, vb, where, None)
    return []


def _verdict(comp: _Comparison, first: _Quantity, second: _Quantity, where: str,
             stated: tuple[_Quantity, _Quantity] | None) -> list[str]:
    if first.value == second.value:
        return []
    if stated is not None:  # the answer's own figures: the passage's, given to the other arm?
        a, b = stated
        if abs(a.value - second.value) < 1e-9 and abs(b.value - first.value) < 1e-9:
            return [f"{_shown(a)}: {where} gives {_shown(first)} for {comp.first_text} and {_shown(second)} for "
                    f"{comp.second_text}"]
        return []
    if (first.value > second.value) != comp.up:
        return [f'"{comp.word}": {where} gives {_shown(first)} for {comp.first_text} and {_shown(second)} for '
                f'{comp.second_text}']
    return []


_WITH_WITHOUT = re.compile(rf"\b(with|without)\s+([\w\s-]{{3,40}}?)\s+(?:[\w-]+\s+){{0,3}}?({_UP}|{_DOWN})\b"
                           r"(?:\s+[\w-]+)?\s+than\s+(?:those|patients|people|cases)?\s*(with|without)\b", re.I)


def with_without_flags(clause: str, texts: list[str], where: str) -> list[str]:
    """"patients without X survived longer than those with X" against the passage's figures for the two
    ("in patients with or without X was 13.1 versus 8.9 months"; "with X was 15.7 months versus 9.8 months in
    patients without X")."""
    m = _WITH_WITHOUT.search(clause)
    if not m or m.group(1).lower() == m.group(4).lower():
        return []
    what = _topic_tokens(m.group(2))
    topic = _topic_tokens(clause) - what - _NOT_TOPIC
    pieces = [c for t in texts for s in _sentences(t) for c in re.split(r";\s", s) if what <= _topic_tokens(c)
              and re.search(r"\bwith\b", c, re.I) and re.search(r"\bwithout\b", c, re.I)]
    best = max(pieces, key=lambda c: len(_topic_tokens(c) & topic), default=None)
    pairs = _pairs(best, None) if best else []
    if not pairs:
        return []
    a, b, _ = pairs[0]
    with_first = re.search(r"\bwith or without\b", best, re.I) is not None or \
        re.search(r"\bwith\b(?! or)", best, re.I).start() < re.search(r"\bwithout\b", best, re.I).start()
    with_value, without_value = (a, b) if with_first else (b, a)
    first, second = (with_value, without_value) if m.group(1).lower() == "with" else (without_value, with_value)
    if first.value != second.value and (first.value > second.value) != _direction_up(m.group(3)):
        return [f'"{m.group(3)}": {where} gives {_shown(first)} {m.group(1)} and {_shown(second)} {m.group(4)} '
                f'{m.group(2).strip()}']
    return []
