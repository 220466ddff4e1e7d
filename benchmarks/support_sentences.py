"""The support check (rag/answer/support_check/) on 342 hand-written sentences against real passages.

benchmarks/support/sentences.jsonl: each line {"id", "doc_id", "title", "passage_kind", "passages", "sentence",
"faithful", "error_kind", "features"}; half the sentences are faithful to their passage (paraphrased, numbers in
words, ranges, "x of y", names from the title...), half carry one planted error (a number, a name, a negation, a
claim). Each sentence is checked as an answer sentence citing its passages ([1], [2], ...) with the paper's title
passed to the check, as the answer passes it. Split by the first hex digit of sha1(id): 0-4 test, else dev.

Prints per split: planted errors caught, per kind, and false alarms on faithful sentences (per feature with --features).
Rules are written looking at dev sentences only (--show lists dev misses unless --split says otherwise).

    python benchmarks/support_sentences.py [--split dev|test|all] [--show] [--features] [--json]
    python benchmarks/support_sentences.py --sentences benchmarks/support/sentences_new.jsonl   # the second set

benchmarks/support/sentences_new.jsonl (issue 22, second set): 250 more, written by
benchmarks/support/make_sentences_new.py against passages of corpus/ (abstracts whole, 200-token chunks of abstracts,
PMC full texts and cancer.gov pages), same fields and split rule.

benchmarks/support/sentences_3.jsonl (issue 22, third set): 182 more (93 faithful, 89 with one planted error), written
by benchmarks/support/make_sentences_3.py against passages the first two sets do not use (abstracts whole, 200-token
chunks of long abstracts and PMC full texts), as clinicians and students summarise: joined facts, numbers in words,
rounded or as fractions, acronyms, quantifiers, comparisons, hedged and causal wording.

    python benchmarks/support_sentences.py --sentences benchmarks/support/sentences_3.jsonl

benchmarks/support/sentences_4.jsonl (fourth set): 254 more (125 faithful, 129 with one planted error: 34 numbers,
33 names, 25 negations, 37 claims; 117 against 12 whole abstracts no earlier set uses, 137 against 200-token chunks of
cancer.gov pages and ClinicalTrials.gov records), written by benchmarks/support/make_sentences_4.py.
Unseen estimate, the code of c63ae3d on all of set 4 before any rule was changed for it:
without the library caught 0.698 (90/129: dev 64/87, test 26/42), false alarms 0.096 (12/125: dev 7/85, test 5/40);
with --library caught 0.674 (87/129: dev 61/87, test 26/42), false alarms 0.096 (12/125). By kind (all, no library):
claim 14/37, name 28/33, negation 20/25, number 28/34.

Round on set 4 (rules fixed on the dev items of all four sets, each kept only when dev catches rose and dev false
alarms did not; test items read once at the end). Start is c63ae3d; caught / false alarms:

| split | start, no library | now, no library | start, --library | now, --library |
|---|---|---|---|---|
| dev, all four | 320/353 / 12/371 | 338/353 / 4/371 | 315/353 / 11/371 | 337/353 / 3/371 |
| test, set 1 | 35/49 / 11/43 | 37/49 / 11/43 | 34/49 / 5/43 | 36/49 / 5/43 |
| test, set 2 | 44/52 / 0/26 | 44/52 / 0/26 | 43/52 / 0/26 | 42/52 / 0/26 |
| test, set 3 | 16/21 / 4/31 | 16/21 / 4/31 | 16/21 / 4/31 | 16/21 / 4/31 |
| test, set 4 | 26/42 / 5/40 | 28/42 / 4/40 | 26/42 / 5/40 | 28/42 / 4/40 |
| test, all four | 121/164 / 20/140 | 125/164 / 19/140 | 119/164 / 14/140 | 122/164 / 13/140 |

Test, all four: caught 0.738 -> 0.762 and false alarms 0.143 -> 0.136 without the library; 0.726 -> 0.744 and
0.100 -> 0.093 with it (targets 0.90 and 0.10).

By kind, test, all four, no library, start -> now: claim 21 -> 23/48, name 33 -> 35/40, negation 31/36, number 36/40.
The dev gains (0.906 -> 0.958 caught) barely carry to unseen sentences (+4 of 164): the new rules are general in
form but each was found from one or two dev sentences. One disclosure: a unit test's faithful paraphrase was, as
written, set-4 test item q110; the rule "insufficient to recommend" flagged it and was tightened before commit.

benchmarks/support/sentences_5.jsonl (fifth set): 301 more (151 faithful, 150 with one planted error: 66 claims,
44 numbers, 20 names, 20 negations), against 33 items of cancer.gov PDQ treatment summaries (the passages of
benchmarks/outcomes/to_label.jsonl whose doc_id is "NCI:...-pdq#chars=..."), written by
benchmarks/support/make_sentences_5.py; about 40% of the errors are claims (conclusion, comparison, causal link,
population, direction). Unseen estimate, the code of 1adce77 on all of set 5 before any rule was changed for it
(the same with and without --library index, which holds none of these pages' items):
caught 0.640 (96/150: dev 66/103, test 30/47), false alarms 0.205 (31/151: dev 20/103, test 11/48). By kind (all):
claim 27/66, name 17/20, negation 19/20, number 33/44.

Round on set 5 (rules fixed on the dev items of all five sets, each kept only when dev catches rose and dev false
alarms did not; test items read once at the end). Start is 1adce77 (the branch point); caught / false alarms:

| split | start, no library | now, no library | start, --library | now, --library |
|---|---|---|---|---|
| dev, all five | 404/456 / 24/474 | 423/456 / 15/474 | 403/456 / 23/474 | 422/456 / 14/474 |
| test, set 1 | 37/49 / 11/43 | 37/49 / 11/43 | 36/49 / 5/43 | 36/49 / 5/43 |
| test, set 2 | 44/52 / 0/26 | 44/52 / 0/26 | 42/52 / 0/26 | 42/52 / 0/26 |
| test, set 3 | 16/21 / 4/31 | 16/21 / 4/31 | 16/21 / 4/31 | 16/21 / 4/31 |
| test, set 4 | 28/42 / 4/40 | 29/42 / 4/40 | 28/42 / 4/40 | 29/42 / 4/40 |
| test, set 5 | 30/47 / 11/48 | 31/47 / 11/48 | 30/47 / 11/48 | 31/47 / 11/48 |
| test, all five | 155/211 / 30/188 | 157/211 / 30/188 | 152/211 / 24/188 | 154/211 / 24/188 |

benchmarks/support/sentences_6.jsonl (sixth set, stop 30): 200 more (100 faithful, 25 errors of each kind) against 40
titled PubMed abstracts of the bundled corpus (20 whole, 20 cut into 200-token chunks; the title passed with the
passage), written blind to the check by benchmarks/support/make_sentences_6.py as the independent check wrote its
sentences (joined facts, numbers in words, "x of y", rounding, ranges, hedges, acronyms from the title). Unseen
estimate, the code of 91e6ad0 on all of set 6 before any rule was changed for it: caught 0.580 (58/100: dev 40/70,
test 18/30; numbers 13/25), false alarms 0.170 (17/100: dev 14/62, test 3/38). Two rounds then (sup6 on the dev
parts of sets 1-5, sup7 on the dev parts of all six), test parts read once at the end: dev of all six 463/526 /
29/536 -> 474/526 / 9/536 caught / false alarms; test of all six 175/241 / 33/226 -> 177/241 / 31/226 without
the library (set 6 test 18/30 / 3/38 -> 19/30 / 3/38), 174/241 / 25/226 with --library index.

Dev, all five: caught 0.886 -> 0.928, false alarms 0.051 -> 0.032 (no library). Test, all five: caught 0.735 ->
0.744 and false alarms 0.160 -> 0.160 without the library; 0.720 -> 0.730 and 0.128 -> 0.128 with it (targets 0.90
and 0.10). By kind, test, all five, no library, start -> now: claim 33 -> 34/72, name 41/47, negation 36/41,
number 45 -> 46/51 (dev: claim 114 -> 130/146, name 86/90, negation 82 -> 83/85, number 122 -> 124/135).
As in round 4, the dev gains (+19 caught, -9 false alarms) barely carry to unseen sentences (+2 of 211, false alarms
unchanged): the rules are general in form (results.py: a benefit on an outcome the passage found no difference in,
a comparison with an arm it never names, a figure given to the wrong arm, "doubled" where nothing was compared...)
but the test sentences' errors mostly take other shapes. Set 5's test false alarms (11/48) are the largest share.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer.support_check import SUPPORTED, check_sentence  # noqa: E402

SENTENCES = ROOT / "benchmarks" / "support" / "sentences.jsonl"


def split_of(sentence_id: str) -> str:
    return "test" if int(hashlib.sha1(sentence_id.encode()).hexdigest()[0], 16) <= 4 else "dev"


def verdict(row: dict, library=None):
    cited = list(range(1, len(row["passages"]) + 1))
    texts = dict(zip(cited, row["passages"], strict=True))
    sentence = row["sentence"] + " " + "".join(f"[{n}]" for n in cited)
    if "titles" in inspect.signature(check_sentence).parameters:  # the check reads the cited paper's title
        titles = {n: row.get("title") or "" for n in cited}
        if library is None:
            return check_sentence(sentence, cited, texts, titles=titles)
        # As `rag check` does by default: the indexed paper each passage was cut from, its title and whole text.
        from rag.index.lookup import paper_of

        docs = {n: paper_of(library, text) for n, text in texts.items()}
        papers = {n: d.text for n, d in docs.items() if d is not None}
        titles = {n: t or (docs[n].title if docs[n] is not None else "") or "" for n, t in titles.items()}
        return check_sentence(sentence, cited, texts, titles=titles, papers=papers)
    return check_sentence(sentence, cited, texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=Path, default=SENTENCES)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--show", action="store_true", help="print the misses and false alarms (dev unless --split)")
    ap.add_argument("--features", action="store_true", help="false alarms per feature of the faithful sentences")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--library", type=Path, metavar="INDEX_DIR",
                    help="look each passage's paper up in this index, as `rag check` does by default")
    args = ap.parse_args()
    library = None
    if args.library:
        from rag import Settings
        from rag.index.store import open_store

        library = open_store(Settings.load(index_dir=args.library))
    rows = [json.loads(line) for line in args.sentences.open(encoding="utf-8") if line.strip()]
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    results = []
    for row in rows:
        split = split_of(row["id"])
        if split not in splits:
            continue
        v = verdict(row, library)
        results.append((split, row, v.status != SUPPORTED, v.reasons))
    kinds = sorted({row["error_kind"] for _, row, _, _ in results if row["error_kind"]})
    out: dict = {}
    for split in splits:
        here = [r for r in results if r[0] == split]
        errors = [r for r in here if not r[1]["faithful"]]
        faithful = [r for r in here if r[1]["faithful"]]
        out[split] = {
            "errors": len(errors), "caught": sum(r[2] for r in errors),
            "faithful": len(faithful), "false_alarms": sum(r[2] for r in faithful),
            "per_kind": {k: [sum(r[2] for r in errors if r[1]["error_kind"] == k),
                             sum(1 for r in errors if r[1]["error_kind"] == k)] for k in kinds},
            "per_feature": {f: [sum(r[2] for r in faithful if f in r[1]["features"]),
                                sum(1 for r in faithful if f in r[1]["features"])]
                            for f in sorted({f for r in faithful for f in r[1]["features"]})},
        }
    if args.json:
        print(json.dumps(out))
        return
    print("| split | planted errors caught | " + " | ".join(kinds) + " | false alarms on faithful sentences |")
    print("|---|---|" + "---|" * len(kinds) + "---|")
    for split, f in out.items():
        per = " | ".join(f"{c}/{n}" for c, n in f["per_kind"].values())
        print(f"| {split} | {f['caught'] / max(1, f['errors']):.3f} ({f['caught']}/{f['errors']}) | {per} | "
              f"{f['false_alarms'] / max(1, f['faithful']):.3f} ({f['false_alarms']}/{f['faithful']}) |")
    if args.features:
        for split, f in out.items():
            per_feature = ", ".join(f"{k} {c}/{n}" for k, (c, n) in f["per_feature"].items())
            print(f"{split} false alarms per feature: " + per_feature)
    if args.show:
        shown = splits if args.split != "all" else ["dev"]
        for split, row, flagged, reasons in results:
            if split in shown and flagged == row["faithful"]:
                what = "FALSE ALARM" if row["faithful"] else f"MISSED {row['error_kind']}"
                print(f"{row['id']} {what} [{row['passage_kind']}] {row['sentence']}\n"
                      f"    {reasons or row.get('error_detail')}")


if __name__ == "__main__":
    main()
