"""Round 3 of the outcome labels: evidence passages of the cancer.gov PDQ summaries that are NOT in corpus/.

The bundled corpus holds no unlabelled document that reports outcome values, so round 3 takes real text from the
rest of the shared starter corpus (../shared/corpus/nci, public domain): the health-professional treatment
summaries describe trial after trial ("1. A randomized trial (KEYNOTE-564) ... - DFS rate 77.3% vs. 68.1%; HR,
0.68; 95% CI, 0.53-0.87"). A passage is one numbered evidence item with its bullets (or a plain paragraph) that
holds a percent, a ratio or a median; chosen by those cues alone, never by the extractor's output.

    python benchmarks/outcomes/make_pdq_pool.py SHARED_NCI_DIR [POOLS]

writes pdq_pool_X.jsonl for each letter X of POOLS (default "abc", round 3; "def" are round 4, the passages after
them in the same shuffled order; "ghi" are round 5: the next passages of each page, after the six a page that rounds
3 and 4 could take, shuffled on their own so that pools a-f stay as they were; "jkl" are round 6, the four after
those; "mno" round 7, the four after round 6's): doc_id with the passage's offsets, text, page.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rag.load import load_file  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CUE = re.compile(r"\d%|\bHR\b|hazard ratio|odds ratio|\bmedian\b|response rate", re.I)
ITEM = re.compile(r"\d+\.\s")
PER_PAGE = 6
PER_HELPER = 60
MORE_PER_PAGE = 4  # round 5: at most four more a page, so that no page dominates


def passages(text: str):
    """(start, end) of each numbered item with its bullets, and of each other paragraph."""
    spans, pos = [], 0
    lines = []
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        if ITEM.match(line):
            j = i + 1
            while j < len(lines):
                k = j
                while k < len(lines) and not lines[k][2].strip():  # blank lines between an item and its bullets
                    k += 1
                if k < len(lines) and lines[k][2].startswith("- "):
                    end = lines[k][1]
                    j = k + 1
                else:
                    break
            spans.append((start, end))
            i = j
            continue
        if line.strip() and not line.startswith("- "):
            spans.append((start, end))
        i += 1
    return spans


def main(nci: Path, pools: str = "abc") -> None:
    bundled = {p.name for p in (REPO / "corpus" / "nci").glob("*.md")}
    rng = random.Random(20261206)
    pool, more, later, last = [], [], [], []
    for path in sorted(nci.glob("*.md")):
        if path.name in bundled:
            continue
        docs = load_file(path).documents
        if not docs:
            continue
        doc = docs[0]
        found = []
        for start, end in passages(doc.text):
            chunk = doc.text[start:end]
            if 150 <= len(chunk) <= 2500 and len(CUE.findall(chunk)) >= 2 and re.search(r"\d", chunk):
                found.append({"doc_id": f"{doc.doc_id}#chars={start}-{end}", "text": chunk, "page": path.name})
        rng.shuffle(found)
        pool.extend(found[:PER_PAGE])
        more.extend(found[PER_PAGE:PER_PAGE + MORE_PER_PAGE])
        later.extend(found[PER_PAGE + MORE_PER_PAGE:PER_PAGE + 2 * MORE_PER_PAGE])
        last.extend(found[PER_PAGE + 2 * MORE_PER_PAGE:PER_PAGE + 3 * MORE_PER_PAGE])
    rng.shuffle(pool)
    random.Random(20261207).shuffle(more)
    random.Random(20261208).shuffle(later)
    random.Random(20261209).shuffle(last)
    for n, name in enumerate("abcdefghijklmno"):
        source, at = (pool, n) if n < 6 else (more, n - 6) if n < 9 else (later, n - 9) if n < 12 else (last, n - 12)
        part = source[at * PER_HELPER:(at + 1) * PER_HELPER]
        if name not in pools:
            continue
        with open(HERE / f"pdq_pool_{name}.jsonl", "w") as out:
            for row in part:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(part), "passages from", len({r["page"] for r in part}), "pages")
    print("pool", len(pool), "then", len(more), "then", len(later), "then", len(last))


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:3])
