"""Sentence splitting on real abstracts: rag.chunk.sentences.sentence_spans against pysbd and syntok
(issue 14, defect 5).

Splits every bundled PubMed abstract (or the JSON lines given) with each splitter, reports the time each takes
and how often they disagree, and writes the boundaries where they disagree, with their context, to a file
for reading: which splitter is right at a disagreement is judged by a person (docs/benchmarks.md has the
verdicts). pysbd and syntok are not dependencies of the project: `pip install pysbd syntok` to run this.

    python benchmarks/sentence_splitters.py [--abstracts FILE] [--sample 60] [--out disagreements.md]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.chunk.sentences import sentence_spans  # noqa: E402
from rag.load import repair_text, strip_markup  # noqa: E402


def ours(text: str) -> set[int]:
    return {b for _, b in sentence_spans(text)[:-1]}


def _pysbd():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: {s.end for s in seg.segment(text)[:-1]}


def _syntok():
    from syntok import segmenter

    def split(text: str) -> set[int]:
        ends = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                last = sentence[-1]
                ends.append(last.offset + len(last.value))
        return set(ends[:-1])

    return split


def _normalise(text: str, ends: set[int]) -> set[int]:
    """Boundaries moved back over trailing spaces, so that 'end of sentence + space' counts once."""
    out = set()
    for e in ends:
        while e > 0 and text[e - 1].isspace():
            e -= 1
        out.add(e)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--abstracts", type=Path, default=ROOT / "corpus" / "pubmed" / "immunotherapy_abstracts.jsonl")
    ap.add_argument("--sample", type=int, default=60, help="disagreements written out for reading")
    ap.add_argument("--out", type=Path, default=Path("sentence-disagreements.md"))
    args = ap.parse_args()
    # The text as the loader gives it to the splitter: mojibake repaired, PubMed's HTML tags removed.
    texts = [strip_markup(repair_text(t)) for t in (json.loads(line).get("abstract") or ""
                                                    for line in args.abstracts.open(encoding="utf-8")) if t]
    splitters = {"ours": ours, "pysbd": _pysbd(), "syntok": _syntok()}
    found: dict[str, list[set[int]]] = {}
    for name, split in splitters.items():
        t0 = time.perf_counter()
        found[name] = [_normalise(t, split(t)) for t in texts]
        seconds = time.perf_counter() - t0
        n = sum(len(b) + 1 for b in found[name])
        print(f"{name:7s} {n:6d} sentences in {len(texts)} abstracts, {seconds:6.2f} s "
              f"({1000 * seconds / len(texts):.2f} ms an abstract)")
    rows = []
    for i in range(len(texts)):
        union = set().union(*(found[n][i] for n in splitters))
        for pos in sorted(union):
            says = {n: pos in found[n][i] for n in splitters}
            if len(set(says.values())) > 1:
                rows.append((i, pos, says))
    print(f"{len(rows)} boundaries where the splitters disagree")
    for name in splitters:
        alone = sum(1 for _, _, says in rows if says[name] and sum(says.values()) == 1)
        missing = sum(1 for _, _, says in rows if not says[name] and sum(says.values()) == 2)
        print(f"  {name:7s} alone in splitting: {alone:4d}   alone in not splitting: {missing:4d}")
    random.seed(0)
    sample = random.sample(rows, min(args.sample, len(rows)))
    with args.out.open("w", encoding="utf-8") as f:
        for i, pos, says in sample:
            text = texts[i]
            split_by = ", ".join(n for n, v in says.items() if v)
            f.write(f"- split by {split_by}: `{text[max(0, pos - 70):pos]}` ‖ `{text[pos:pos + 50]}`\n")
    print(f"{len(sample)} of them written to {args.out}")


if __name__ == "__main__":
    main()
