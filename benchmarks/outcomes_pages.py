"""The labelled PDQ passages (rounds 3-6 of benchmarks/outcomes/labels.jsonl) scored against the extractor run on
their WHOLE pages, as the index reads them: a page that numbers study after study is read an item at a time
(rag/outcomes/items.py); before that it was one study. A passage's predicted values are the page's values whose
spans lie inside the passage; matching as in outcomes_extraction.py (same endpoint and value, ratios' CIs).

    python benchmarks/outcomes_pages.py [--split dev|test|all] [--rounds 3,4,5,6] [--errors]
                                        [--nci ../shared/corpus/nci]

Needs the shared starter corpus (the PDQ pages are not in corpus/).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from outcomes_extraction import HERE, abbreviations, bracket_labels, same_arm, same_value  # noqa: E402

from rag.load import load_file  # noqa: E402
from rag.outcomes import extract_outcomes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--rounds", default="3,4,5,6", help="the labelling rounds to read (comma-separated)")
    ap.add_argument("--errors", action="store_true", help="print the per-arm values given another arm")
    ap.add_argument("--nci", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "nci"))
    args = ap.parse_args()
    labels = [json.loads(line) for line in open(HERE / "labels.jsonl")]
    rounds = {int(r) for r in args.rounds.split(",")}
    labels = [lab for lab in labels if lab.get("round") in rounds and args.split in ("all", lab["split"])]
    wanted = {lab["doc_id"].split("#chars=")[0] for lab in labels}
    records = {}
    aliases: dict[str, dict[str, str]] = {}
    group_labels: dict[str, dict[str, str]] = {}
    texts: dict[str, str] = {}
    for path in sorted(Path(args.nci).glob("*.md")):
        for doc in load_file(path).documents:
            if doc.doc_id in wanted:
                records[doc.doc_id] = extract_outcomes(doc)
                aliases[doc.doc_id] = abbreviations(doc.text)
                group_labels[doc.doc_id] = bracket_labels(doc.text)
                texts[doc.doc_id] = doc.text
    tp = fp = fn = arm_ok = arm_n = own_ok = 0
    for lab in labels:
        page, span = lab["doc_id"].split("#chars=")
        a, b = map(int, span.split("-"))
        preds = [o.to_json() for o in records[page].outcomes if a <= o.char_start and o.char_end <= b]
        used: set[int] = set()
        for g in (g for g in lab["outcomes"] if g.get("value") is not None):
            hit = next((i for i, p in enumerate(preds) if i not in used and same_value(p, g)), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            p = preds[hit]
            own_ok += bool(p["cited"]) == bool(g.get("cited"))
            if g["arm"] not in ("all", "comparison"):
                arm_n += 1
                ok = (same_arm(p["arm"], g["arm"], lab["arms"], aliases[page], group_labels[page], texts[page])
                      or (p["arm"] == "all" and len(lab["arms"]) <= 1))
                arm_ok += ok
                if args.errors and not ok:
                    print(f"ARM {lab['doc_id']} {g['endpoint']} {g['value']}: got {p['arm']!r}, want {g['arm']!r}")
        fp += len(preds) - len(used)
    print(f"{len(labels)} PDQ passages ({args.split}) read from {len(records)} whole pages: precision "
          f"{tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f} ({tp} of {tp + fn}), arm attribution "
          f"{arm_ok / arm_n:.3f} of {arm_n} per-arm values, own/cited {own_ok / tp:.3f} of matched")


if __name__ == "__main__":
    main()
