"""Study-type classifier (rag/study_type/) against the labelled set benchmarks/evidence/labels.jsonl.

Loads each labelled document from the corpus files by its doc_id (so its metadata, e.g. PubMed publication types,
is used as in the product), classifies it as a build does, and prints per split (dev, test): study type accuracy,
evidence level accuracy and the share of documents whose level is OVERSTATED (a better rung of the ladder than the
label's: level 1 < 2 < 3 < 4 < 5; guidance, preclinical, registration and unrated are off the ladder, and a ladder
level given to a document whose true level is off the ladder is overstated too), with the counts. Rules are written
looking at dev documents only (--errors lists dev errors unless --split says otherwise); test is read once, at the end.
With --pubmed FILE... (records that carry PubMed publication types), it also reports how often the text classifier
agrees with the label the metadata gives.

    python benchmarks/evidence_classifier.py [--corpus corpus] [--split dev|test|all] [--errors] [--classes]
                                             [--pubmed FILE ...] [--json] [--styles [--rounds N-M]]

With --styles it measures instead the written style set benchmarks/evidence/styles.jsonl (a title and the first
sentences of an abstract per item, written for issue 22 across biomedical fields; `split` by sha1(id), 0-4 test):
each item is read as a PubMed JSON record without publication types, so only its text decides.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.study_type import STUDY_TYPES, classify, trained  # noqa: E402
from rag.study_type.levels import rates_higher  # noqa: E402
from rag.study_type.text import _embedded_title, _from_text  # noqa: E402
from rag.load import discover, load_file  # noqa: E402

def overstated(gold_level: str, got_level: str) -> bool:
    """A better rung than the label's, or a rung at all where the label is off the ladder."""
    return rates_higher(got_level, gold_level)


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


def load_documents(corpus: Path, wanted: set[str]) -> dict:
    docs = {}
    for path in discover(corpus)[0]:
        for doc in load_file(path, root=corpus).documents:
            if doc.doc_id in wanted:
                docs[doc.doc_id] = doc
    return docs


def load_styles(path: Path) -> tuple[list[dict], dict]:
    """The style items as labels and as documents (each read as a PubMed JSON record with no metadata)."""
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    labels = [{"doc_id": f"STYLE:{it['id']}", "study_type": it["study_type"], "sure": True, "split": it["split"],
               "round": it.get("round", 1)} for it in items]
    with tempfile.TemporaryDirectory() as folder:
        records = Path(folder) / "styles.jsonl"
        records.write_text("".join(json.dumps({"doc_id": f"STYLE:{it['id']}", "title": it["title"],
                                               "abstract": it["text"]}) + "\n" for it in items), encoding="utf-8")
        docs = {doc.doc_id: doc for doc in load_file(records).documents}
    return labels, docs


def rounds(spec: str) -> tuple[int, int]:
    """The rounds "N", "N-M", "N-" or "-M" as (low, high); all rounds when empty."""
    if not spec:
        return 0, 10**6
    low, dash, high = spec.partition("-")
    if not dash:
        return int(low), int(low)
    return int(low or 0), int(high or 10**6)


def figures(rows: list[dict]) -> dict:
    n = len(rows)
    ok = sum(r["gold"] == r["got"] for r in rows)
    level = sum(STUDY_TYPES[r["gold"]] == STUDY_TYPES[r["got"]] for r in rows)
    over = sum(overstated(STUDY_TYPES[r["gold"]], STUDY_TYPES[r["got"]]) for r in rows)
    sure = [r for r in rows if r["sure"]]
    ok_sure = sum(r["gold"] == r["got"] for r in sure)
    return {"documents": n, "study_type": ok, "level": level, "overstated": over, "sure": len(sure),
            "study_type_sure": ok_sure}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "evidence" / "labels.jsonl")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all", help="which splits to report")
    ap.add_argument("--pubmed", type=Path, nargs="*", default=[])
    ap.add_argument("--errors", action="store_true", help="list the documents classified wrongly (dev only unless "
                                                          "--split test or all)")
    ap.add_argument("--classes", action="store_true", help="per-class precision and recall")
    ap.add_argument("--by-kind", action="store_true", help="the figures apart for titled documents and untitled "
                                                           "excerpts (no title, none at the head of the text)")
    ap.add_argument("--json", action="store_true", help="the figures as one JSON object")
    ap.add_argument("--styles", nargs="?", type=Path, const=ROOT / "benchmarks" / "evidence" / "styles.jsonl",
                    help="measure the written style set (benchmarks/evidence/styles.jsonl) instead of the labels")
    ap.add_argument("--rounds", default="", help="with --styles, only the items of these rounds: N, N-M, N- or -M")
    ap.add_argument("--rules-only", action="store_true", help="without the trained reader the rules fall back on "
                                                              "(rag/study_type/trained.py): the rules alone")
    args = ap.parse_args()
    trained.ENABLED = not args.rules_only
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    if args.styles:
        labels, docs = load_styles(args.styles)
        low, high = rounds(args.rounds)
        labels = [row for row in labels if row["split"] in splits and low <= row["round"] <= high]
    else:
        labels = [json.loads(line) for line in args.labels.open(encoding="utf-8") if line.strip()]
        labels = [row for row in labels if row["split"] in splits]
        docs = load_documents(args.corpus, {row["doc_id"] for row in labels})
    missing = sorted({row["doc_id"] for row in labels} - set(docs))
    if missing:
        print(f"{len(missing)} labelled documents not found in {args.corpus}: {missing[:5]}")
    rows = []
    for row in labels:
        if row["doc_id"] not in docs:
            continue
        got = classify(docs[row["doc_id"]])
        doc = docs[row["doc_id"]]
        excerpt = not doc.title and not _embedded_title(doc.text)
        rows.append({"doc_id": row["doc_id"], "split": row["split"], "gold": row["study_type"],
                     "sure": row.get("sure", True),
                     "got": got.study_type, "reason": got.reason, "basis": got.basis, "excerpt": excerpt})
    out = {split: figures([r for r in rows if r["split"] == split]) for split in splits}
    if args.json:
        print(json.dumps(out))
    else:
        print("| split | documents | study type | level | overstated | study type, sure labels |")
        print("|---|---|---|---|---|---|")
        for split, f in out.items():
            n = f["documents"] or 1
            print(f"| {split} | {f['documents']} | {f['study_type'] / n:.3f} ({f['study_type']}) | "
                  f"{f['level'] / n:.3f} ({f['level']}) | {f['overstated'] / n:.3f} ({f['overstated']}) | "
                  f"{f['study_type_sure'] / max(1, f['sure']):.3f} ({f['study_type_sure']} of {f['sure']}) |")
    if args.by_kind:
        for split in splits:
            for kind, excerpt in (("titled", False), ("untitled excerpts", True)):
                f = figures([r for r in rows if r["split"] == split and r["excerpt"] == excerpt])
                n = f["documents"] or 1
                print(f"{split}, {kind}: {f['documents']} documents, study type {f['study_type'] / n:.3f} "
                      f"({f['study_type']}), level {f['level'] / n:.3f} ({f['level']}), overstated {f['overstated']}")
    if args.classes:
        for split in splits:
            print(f"\n{split}:")
            print("\n".join(table([(r["gold"], r["got"]) for r in rows if r["split"] == split], list(STUDY_TYPES))))
    if args.errors:
        shown = [r for r in rows if r["split"] in (splits if args.split != "all" else ["dev"])]
        for r in shown:
            if r["gold"] != r["got"]:
                mark = " OVERSTATED" if overstated(STUDY_TYPES[r["gold"]], STUDY_TYPES[r["got"]]) else ""
                print(f"{r['doc_id']} | gold {r['gold']} | got {r['got']}{mark} | {r['basis']}: {r['reason']}")
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


if __name__ == "__main__":
    main()
