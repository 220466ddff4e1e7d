"""Citation markers in answers: check them against the passages, number them, keep the sources' own apart."""

from __future__ import annotations

import re

from .chunk.sentences import ends_abbreviation, sentence_spans
from .datatypes import CitationCheck, Passage

UNSUPPORTED = "[unsupported]"
# The one rule for a citation marker: "[3]" cites passage 3. MARKER_GROUP is what a language model may write
# instead ("[1, 3]", "[2-4]"), rewritten into single markers before the check.
MARKER = re.compile(r"\[(\d+)\]")
MARKER_GROUP = re.compile(r"\[(\d+(?:\s*[-–,]\s*\d+)*)\]")


def cited_numbers(text: str) -> list[int]:
    """The passage numbers the markers of ``text`` cite, each once, in ascending order."""
    return sorted({int(n) for n in MARKER.findall(text)})


def _expand_marker(body: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", body):
        if re.search(r"[-–]", part):
            a, b = (int(x) for x in re.split(r"\s*[-–]\s*", part)[:2])
            out.extend(range(min(a, b), min(max(a, b), min(a, b) + 20) + 1))
        else:
            out.append(int(part))
    return out


def check_citations(text: str, n_passages: int) -> tuple[str, CitationCheck]:
    """Keep markers that point at a passage (1..n), drop and report the others, mark sentences with none."""
    check = CitationCheck()

    def fix(m: re.Match) -> str:
        kept: list[int] = []
        for n in _expand_marker(m.group(1)):
            if 1 <= n <= n_passages:
                if n not in kept:
                    kept.append(n)
            elif n not in check.dangling:
                check.dangling.append(n)
        return "".join(f"[{n}]" for n in kept)

    text = MARKER_GROUP.sub(fix, text)
    text = re.sub(r"(\[\d+\])(\s*\1)+", r"\1", text)  # [1][1] -> [1]
    # A marker written after the full stop belongs to the sentence before it:
    # "... survival. [2] Next" -> "... survival [2]."
    # Not after an abbreviation's full stop: "Smith et al. [3] showed" and "(e.g. [2])" stay as written.
    def move(m: re.Match) -> str:
        if m.group(1) == "." and ends_abbreviation(text, m.start(1)):
            return m.group(0)
        return " " + m.group(2).strip() + m.group(1) + " "

    text = re.sub(r"([.!?])\s*((?:\[\d+\]\s*)+)", move, text)
    text = re.sub(r"[ \t]+([.!?,;:])", r"\1", re.sub(r"[ \t]+\n", "\n", text)).strip()
    out, last = [], 0
    for a, b in sentence_spans(text):
        sentence = text[a:b]
        out.append(text[last:a])
        numbers = [int(x) for x in MARKER.findall(sentence)]
        check.cited.extend(n for n in numbers if n not in check.cited)
        words = re.findall(r"[A-Za-z]{2,}", sentence)
        if not numbers and len(words) >= 4 and not sentence.rstrip().endswith(":"):
            check.unsupported.append(sentence.strip())
            sentence = insert_before_stop(sentence, UNSUPPORTED)
        out.append(sentence)
        last = b
    out.append(text[last:])
    return "".join(out), check


def strip_reference_markers(text: str) -> str:
    """A source's own reference numbers ('[15]', '[16,17]', '[pubmed:35793866]', '[doi:...]') would read like our
    citation markers: drop them."""
    text = re.sub(r"\s*\[(?:pubmed|pmid|doi|ref)\b[^\]]{0,80}\]", "", text, flags=re.I)
    return re.sub(r"\s*" + MARKER_GROUP.pattern, "", text)


def insert_before_stop(sentence: str, marker: str) -> str:
    m = re.search(r"([.!?]*)(\s*)$", sentence)
    cut = m.start() if m else len(sentence)
    return sentence[:cut].rstrip() + " " + marker + sentence[cut:]


def renumber(text: str, passages: list[Passage]) -> tuple[str, list[Passage]]:
    """Number passages in order of first citation (uncited ones follow), and rewrite the markers to match."""
    order: list[int] = []
    for m in MARKER.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= len(passages) and n not in order:
            order.append(n)
    order += [n for n in range(1, len(passages) + 1) if n not in order]
    new_number = {old: new for new, old in enumerate(order, 1)}
    text = MARKER.sub(lambda m: f"[{new_number.get(int(m.group(1)), m.group(1))}]", text)
    return text, [passages[old - 1] for old in order]


def notices_said(passages: list[Passage], cited: list[int]) -> str:
    """A line for each cited paper under a notice (retracted, withdrawn, expression of concern...; from PubMed's
    publication types or the publisher's own mark in the title or abstract): a retracted paper is never cited
    silently."""
    from .study_type import NOTICE_SAYS

    lines = []
    for n in cited:
        notice = passages[n - 1].citation.notice if 0 < n <= len(passages) else None
        if notice:
            says = NOTICE_SAYS.get(notice, f"is from a paper marked {notice.upper()}: weigh it accordingly")
            lines.append(f"⚠ [{n}] {says}.")
    return "\n\n" + "\n".join(lines) if lines else ""
