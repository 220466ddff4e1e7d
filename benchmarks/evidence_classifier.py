"""Study-type classifier (rag/evidence.py) against the labelled set benchmarks/evidence/labels.jsonl.

Loads the bundled corpus, classifies the labelled documents as a build does, and prints accuracy, per-class
precision and recall, and the agreement of the evidence levels. With --pubmed FILE... (records that carry
PubMed publication types, e.g. tests/data/pubmed_sample.* or a real PubMed export), it also reports how often
the text classifier agrees with the label the metadata gives.

    python benchmarks/evidence_classifier.py [--corpus corpus] [--pubmed FILE ...] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.evidence import STUDY_TYPES, _from_text, classify  # noqa: E402
from rag.load import discover, load_file  # noqa: E402


def table(pairs: list[tuple[str, str]], classes: list[str]) -> list[str]:
    lines = ["| class | labelled | predicted | precision | recall |", "|---|---|---|---|---|"]
    for c in classes:
        tp = sum(1 for gold, got in pairs if gold == c and got == c)
        n_gold = sum(1 for gold, _ in pairs if gold == c)
        n_got = sum(1 for _, got in pairs if got == c)
        if not n_gold and not n_got:
            continue
        p = f"{tp / n_got:.2f}" if n_got else "—"
        r = f"{tp / n_gold:.2f}" if n_gold else "—"
        lines.append(f"| {c} | {n_gold} | {n_got} | {p} | {r} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "evidence" / "labels.jsonl")
    ap.add_argument("--pubmed", type=Path, nargs="*", default=[])
    ap.add_argument("--errors", action="store_true", help="list the documents classified wrongly")
    args = ap.parse_args()
    labels = [json.loads(line) for line in args.labels.open(encoding="utf-8")]
    wanted = {row["doc_id"] for row in labels}
    docs = {}
    for path in discover(args.corpus)[0]:
        for doc in load_file(path, root=args.corpus).documents:
            if doc.doc_id in wanted:
                docs[doc.doc_id] = doc
    missing = wanted - set(docs)
    if missing:
        print(f"{len(missing)} labelled documents not found in {args.corpus}: {sorted(missing)[:5]}")
    pairs, sure, errors = [], [], []
    for row in labels:
        if row["doc_id"] not in docs:
            continue
        got = classify(docs[row["doc_id"]])
        pairs.append((row["study_type"], got.study_type))
        if row.get("sure", True):
            sure.append((row["study_type"], got.study_type))
        if got.study_type != row["study_type"]:
            errors.append((row["doc_id"], row["study_type"], got.study_type, got.reason))
    classes = list(STUDY_TYPES)
    acc = sum(g == p for g, p in pairs) / len(pairs)
    acc_sure = sum(g == p for g, p in sure) / len(sure)
    level = sum(STUDY_TYPES[g] == STUDY_TYPES[p] for g, p in pairs) / len(pairs)
    print(f"{len(pairs)} labelled documents: study type accuracy {acc:.3f} ({len(sure)} labelled with certainty: "
          f"{acc_sure:.3f}); evidence level accuracy {level:.3f}")
    macro = [c for c in classes if any(g == c for g, _ in pairs)]
    print("\n".join(table(pairs, classes)))
    if args.errors:
        for e in errors:
            print(" | ".join(e))
    if args.pubmed:
        agree = []
        for path in args.pubmed:
            for doc in load_file(path).documents:
                if not doc.extra.get("publication_types"):
                    continue
                meta = classify(doc)
                text, _ = _from_text(f"{doc.title or ''}\n{doc.text[:4000]}")
                agree.append((meta.study_type, text, doc.doc_id))
        same = sum(m == t for m, t, _ in agree)
        print(f"\nrecords with publication types: {len(agree)}; text label = metadata label for {same}")
        for m, t, doc_id in agree:
            print(f"  {doc_id}: metadata {m}, text {t}")
    del macro


if __name__ == "__main__":
    main()
