"""How well rag/outcomes/ reads outcome values: precision and recall against the hand-labelled set
(benchmarks/outcomes/labels.jsonl, texts in to_label.jsonl), per endpoint, arm attribution, spans, and speed.

    python benchmarks/outcomes_extraction.py [--split dev|test|all] [--round 1|2|3|4|5|6|7|all] [--phrasings [FILE]]
                                             [--phrasings-2] [--phrasings-3] [--own] [--errors N] [--json]

``--round``: the first labelled set (1, the default: 188 documents), the second (2: the documents of the corpus
labelled later, read before the extractor was run on them), or both. ``--phrasings``: score the hand-written
sentences of ``phrasings.jsonl`` (or of FILE) instead (one sentence a line, its expected values; same matching).
``--phrasings-2``: the second set, ``phrasings_2.jsonl``: whole results passages of two to four sentences.
``--phrasings-3``: the third, ``phrasings_3.jsonl``: 160 whole abstracts written in the style of PubMed's (oncology and
other fields), arms defined in the methods and named back in the results.

A predicted value matches a labelled one of the same document when the endpoint is the same and the value is
equal (to 0.05); for ratios the confidence interval must be the same too (both absent, or equal to 0.01).
Matching is one-to-one; of the matched values, how often the extractor agrees that a value is the paper's own or
cited from another study, for the main population or a subgroup, and (landmark rates) at which time point.
``--own`` leaves out values the labellers marked as cited from other studies (and the extractor's own ``cited``
values). Speed: abstracts per second of CPU
time on one core, extraction only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.outcomes import extract_outcomes  # noqa: E402

HERE = Path(__file__).resolve().parent / "outcomes"


def load(split: str, rounds: str = "1"):
    texts = {json.loads(line)["doc_id"]: json.loads(line) for line in open(HERE / "to_label.jsonl")}
    labels = [json.loads(line) for line in open(HERE / "labels.jsonl")]
    return [(texts[lab["doc_id"]], lab) for lab in labels if (split == "all" or lab["split"] == split)
            and (rounds == "all" or str(lab.get("round", 1)) == rounds)]


def load_phrasings(split: str, name: str = "phrasings.jsonl"):
    """A phrasing set as (text item, label) pairs: one sentence (or passage) a document."""
    out = []
    path = Path(name) if Path(name).exists() else HERE / name
    for line in open(path):
        row = json.loads(line)
        if split != "all" and row["split"] != split:
            continue
        outcomes = [{"ci_low": None, "ci_high": None, "p": None, "timepoint": None, "population": None, **o}
                    for o in row["outcomes"]]
        out.append(({"doc_id": row["id"], "text": row["text"]},
                    {"doc_id": row["id"], "design": row.get("design"), "phase": row.get("phase"), "n": None,
                     "arms": row.get("arms", []), "outcomes": outcomes, "not_reached": row.get("not_reached") or [],
                     "split": row["split"]}))
    return out


def same_value(p: dict, g: dict) -> bool:
    if p["endpoint"] != g["endpoint"] or g["value"] is None or abs(p["value"] - float(g["value"])) > 0.051:
        return False
    if p["unit"] == "ratio" or g["unit"] == "ratio":
        pc, gc = (p.get("ci_low"), p.get("ci_high")), (g.get("ci_low"), g.get("ci_high"))
        if (pc[0] is None) != (gc[0] is None):
            return False
        for a, b in zip(pc, gc, strict=True):  # a bound may be missing ("0.60-NR"): missing on both sides, or equal
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 0.011):
                return False
    return True


def abbreviations(text: str) -> dict[str, str]:
    """The text's own abbreviations, long form -> short ("transjugular intrahepatic portosystemic shunt" ->
    "TIPS"), by the Schwartz-Hearst algorithm (the `abbreviations` package): an arm the labels and the extractor
    name in different forms is the same arm."""
    from abbreviations import schwartz_hearst

    # "(TCHP; group B)", "(SOC, n = 506)": the abbreviation alone in its brackets, as the algorithm expects
    text = re.sub(r"\(([A-Za-z][\w+/-]{1,12})[;,]\s*", r"(\1) (", text)
    try:
        pairs = schwartz_hearst.extract_abbreviation_definition_pairs(doc_text=text)
    except Exception:  # the package's parser gives up on some bracket patterns; no aliases then
        pairs = {}
    out = {long.lower(): short.lower() for short, long in pairs.items() if len(long) > len(short)}
    # "to modified FOLFIRINOX (mFOLFIRINOX; arm 1)": a name the text itself gives an abbreviation right after it, back
    # to where the list or the assignment starts, whose letters the algorithm cannot align
    # (the words after the last such start, at most six, beginning with the abbreviation's first letter)
    for m in _SHORT_AFTER.finditer(text):
        long = _LIST_START.split(text[max(0, m.start() - 80):m.start()])[-1].strip()
        short = m.group("short")
        if 1 <= len(long.split()) <= 6 and long[:1].lower() == short[:1].lower() and len(long) > len(short) \
                and long.lower() not in out:
            out[long.lower()] = short.lower()
    return out


_SHORT_AFTER = re.compile(r"\s*\((?P<short>[a-z]?[A-Z][\w+/-]{1,11})\s*[;,)]")
_LIST_START = re.compile(r"[.;:(),]\s*|\b(?:to|or|versus|vs\.?|received|receive|receiving)\s+(?:the\s+)?", re.I)


_LABEL = re.compile(r"\((?:[^()]*[;,]\s*)?(?:the\s+)?"
                    r"(?:(?P<l>[\w+/–-]+(?:[ -][\w+/–-]+){0,2}?)[ -](?:group|arm|cohort)\b|"
                    # (or a numbered one: "(arm 1)", "(group A)")
                    r"(?P<l2>(?:arm|group|cohort|regimen) (?:[A-Z]|\d|I{1,3}|IV)))"
                    r"(?:[,;][^()]*)?\)", re.I)


def bracket_labels(text: str) -> dict[str, str]:
    """The names a text gives its groups in brackets, label -> what the group received: "treated with X plus Y
    (combined-modality group)" -> {"combined-modality": "... treated with X plus Y"} (at most 12 words, back to the
    bracket or sentence before)."""
    out = {}
    for m in _LABEL.finditer(text):
        before = re.split(r"[();:]|\.(?!\d)", text[max(0, m.start() - 200):m.start()])[-1]  # (not "2.5 mg")
        out.setdefault((m.group("l") or m.group("l2")).lower(), " ".join(before.split()[-12:]))
    return out


def _norm(arm: str, aliases: dict[str, str] | None = None) -> set[str]:
    arm = (arm or "").lower()
    for long in sorted(aliases or {}, key=len, reverse=True):
        arm = re.sub(r"\b" + re.escape(long) + r"\b", aliases[long], arm)
    # (a plural as its singular: "corticosteroids" is the "corticosteroid" arm; "group", "arm", "cohort" name no
    # treatment: "irAE" is the "irAE group")
    return {re.sub(r"(?<=[a-z]{4})s$", "", w) for w in re.findall(r"[a-z0-9]+", arm)
            if w not in {"plus", "and", "the", "with", "alone", "group", "groups", "arm", "arms", "cohort", "cohorts"}}


def same_arm(p: str, g: str, arms: list[str] | None = None, aliases: dict[str, str] | None = None,
             labels: dict[str, str] | None = None, text: str | None = None) -> bool:
    """`_same_arm`; a prediction that is a label the text gives a group in brackets ("the combined-modality group")
    also stands for the arm that group received, when that arm's words are all in what the text says it received
    and no other arm's are; a prediction the text itself abbreviates as the labelled arm ("docetaxel, carboplatin,
    trastuzumab, and pertuzumab (TCHP; ...)", letters the Schwartz-Hearst rule cannot align) is that arm."""
    if _same_arm(p, g, arms, aliases):
        return True
    if text and p and g and len(p) > len(g) \
            and re.search(rf"(?:^|[.;:(]\s*|\b(?:to|or|versus|vs\.?|received|receive|receiving)\s+(?:the\s+)?)"
                          rf"{re.escape(p)}\s*\({re.escape(g)}\s*[;,)]", text, re.I):
        # (the whole name, back to where the list or the assignment starts: not "pertuzumab (TCHP)")
        return True
    label = re.sub(r"[ -](?:group|arm|cohort)$", "", (p or "").lower())
    if labels and label in labels:
        received = _norm(labels[label], aliases)
        fits = [other for other in {*(arms or []), g} if _norm(other, aliases) and _norm(other, aliases) <= received]
        return fits == [g]
    return _names_labelled(p, g, arms, aliases, labels)


def _names_labelled(p: str, g: str, arms: list[str] | None, aliases: dict[str, str] | None,
                    labels: dict[str, str] | None) -> bool:
    """The other way round: the labelled arm is the label ("arm 1", "group A") the text gives a group in brackets,
    the prediction the treatment that group received ("prednisolone for 8 weeks" for "8 weeks of prednisolone (arm
    1)"): all the prediction's words are in what the label's group received, and that group is the one whose words
    the prediction covers best."""
    def label_of(arm: str) -> str:
        return re.sub(r"[ -](?:group|arm|cohort)$", "", arm.lower())
    words = _norm(p, aliases) - {"for", "of", "to", "in", "on", "at", "by"}
    if not labels or not words or label_of(g) not in labels:
        return False
    received = {other: _norm(labels[label_of(other)], aliases) for other in {*(arms or []), g}
                if label_of(other) in labels}
    if not words <= received[g]:
        return False
    score = {other: len(words & r) / len(words | r) for other, r in received.items() if r}
    return max(score, key=score.get) == g and list(score.values()).count(score[g]) == 1


def _same_arm(p: str, g: str, arms: list[str] | None = None, aliases: dict[str, str] | None = None) -> bool:
    """The predicted arm names the labelled one: equal, or one's words within the other's (abbreviations the
    text defines read as their long forms). Given the document's labelled `arms`, the words must name `g` and no
    other arm as well: a label with the same words wins, then the labels whose words hold all the prediction's
    (one of them, or the prediction is ambiguous: "infectious diseases consultation" names neither "early IDC" nor
    "no IDC"), then the label with most words of a prediction that says more."""
    if p == g:
        return True
    # (read both ways: long forms as their abbreviations, and abbreviations as their long forms: "standard care" is
    # the "SC" of "standard care alone (SC)", "ruxolitinib plus ECP" the "RUX-ECP" of "ruxolitinib alone (RUX)" and
    # "extracorporeal photopheresis (ECP)")
    return any(_same_words(p, g, arms, norm) for norm in (lambda x: _norm(x, aliases), lambda x: _expanded(x, aliases)))


def _expanded(arm: str, aliases: dict[str, str] | None) -> set[str]:
    """An arm's words with each abbreviation the text defines written as its long form."""
    long_of = {short: long for long, short in (aliases or {}).items()}
    words = re.findall(r"[a-z0-9]+", (arm or "").lower())
    return _norm(" ".join(long_of.get(w, w) for w in words))


def _same_words(p: str, g: str, arms: list[str] | None, norm) -> bool:
    a, b = norm(p), norm(g)
    if not (a and b and (a <= b or b <= a)):
        return False
    labels = {other: norm(other) for other in {*(arms or []), g}}
    equal = [other for other, c in labels.items() if c == a]
    if equal:
        return g in equal
    wider = [other for other, c in labels.items() if c and a <= c]
    if wider:
        return wider == [g]
    narrower = [(len(c), other) for other, c in labels.items() if c and c <= a]
    most = max(n for n, _ in narrower)
    return [other for n, other in narrower if n == most] == [g]


def _months(timepoint: str | None) -> float | str | None:
    """ "12-month", "1-year", "12 months" -> 12.0; what does not read as a time stays as written."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)[- ]?(year|month|week|day)s?", (timepoint or "").strip().lower())
    if not m:
        return timepoint.strip().lower() if timepoint else None
    per = {"year": 12, "month": 1, "week": 12 / 52, "day": 12 / 365}[m.group(2)]
    return round(float(m.group(1)) * per, 1)


# Words of a population that do not say which: "among patients with ..." and "cohort 1" name cohort "1".
_POPULATION_FRAME = {"in", "among", "for", "of", "the", "with", "patients", "patient", "those", "who", "whose", "a",
                     "an", "and", "or", "within", "population", "subgroup", "subgroups", "had", "were", "was", "at",
                     "least", "than", "higher", "lower", "more", "cohort", "cohorts"}


def same_population(extracted: str | None, labelled: str | None) -> str:
    """A matched value's population against its label: "main" (neither names one), "right" (both, sharing a word
    that says which: "among patients with a PD-L1 CPS of 20 or higher" for "CPS of 20 or higher"), "wrong" (one
    where the label has none, or another), "missed" (the label's, not extracted)."""
    if labelled is None:
        return "main" if extracted is None else "wrong"
    if extracted is None:
        return "missed"
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9≥≤<>]+", text.lower()) if w not in _POPULATION_FRAME}
    return "right" if words(extracted) & words(labelled) else "wrong"


def evaluate(pairs, own: bool, errors: int = 0):
    per = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    arm_ok = arm_total = arm_wrong = 0
    spans_ok = spans_total = 0
    shown = 0
    design_ok = phase_ok = n_ok = n_total = 0
    cited_ok = population_ok = 0
    subgroups = {"right": 0, "wrong": 0, "missed": 0, "main": 0, "labelled": 0}
    timepoint_ok = timepoint_total = 0
    nr = {"tp": 0, "fp": 0, "fn": 0}
    # The list of arms itself (the table's "Arms" column), in documents labelled with two arms or more: the labelled
    # arms some arm of the record names, and the record's arms that name none of the labelled ones.
    list_found = list_total = list_right = list_given = 0
    for item, lab in pairs:
        text = item["text"]
        aliases = abbreviations(text)
        labels = bracket_labels(text)
        record = extract_outcomes(text, item["doc_id"], title=item.get("title"))
        design_ok += record.design == lab["design"]
        phase_ok += record.phase == lab["phase"]
        if lab.get("n"):
            n_total += 1
            n_ok += bool(record.n) and record.n["value"] == lab["n"]["value"]
        # Medians not reached: one an endpoint and arm, matched by endpoint (the labels name a single arm's drug
        # where the record says "all").
        found = list(dict.fromkeys((o.endpoint, o.arm) for o in record.not_reached))
        wanted = [g["endpoint"] for g in lab.get("not_reached") or []]
        for endpoint, _ in found:
            if endpoint in wanted:
                wanted.remove(endpoint)
                nr["tp"] += 1
            else:
                nr["fp"] += 1
        nr["fn"] += len(wanted)
        if len(lab.get("arms") or []) >= 2:
            named = [[g for g in lab["arms"] if same_arm(a, g, lab["arms"], aliases, labels, text)]
                     for a in record.arms]
            list_total += len(lab["arms"])
            list_found += sum(any(g in n for n in named) for g in lab["arms"])
            list_given += len(record.arms)
            list_right += sum(bool(n) for n in named)
        preds = [o.to_json() for o in record.outcomes]
        gold = [g for g in lab["outcomes"] if g.get("value") is not None]
        if own:
            preds = [p for p in preds if not p["cited"]]
            gold = [g for g in gold if not g.get("cited")]
        for p in preds:
            spans_total += 1
            spans_ok += text[p["char_start"]:p["char_end"]] == p["text"] and p["text"] in text
        used = set()
        matched = []
        for g in gold:
            hit = next((i for i, p in enumerate(preds) if i not in used and same_value(p, g)), None)
            if hit is None:
                per[g["endpoint"]]["fn"] += 1
                if shown < errors:
                    print(f"MISS {lab['doc_id']} {g['endpoint']} {g['value']} {g['arm']!r}: {g['text']!r}")
                    shown += 1
                continue
            used.add(hit)
            matched.append((preds[hit], g))
            per[g["endpoint"]]["tp"] += 1
        for i, p in enumerate(preds):
            if i not in used:
                per[p["endpoint"]]["fp"] += 1
                if shown < errors:
                    print(f"EXTRA {lab['doc_id']} {p['endpoint']} {p['value']} {p['arm']!r} "
                          f"ci={p['ci_low']},{p['ci_high']}: {p['text']!r}")
                    shown += 1
        for p, g in matched:
            # Own or cited (a value the table and the answer's lead leave out), and main population or subgroup.
            cited_ok += bool(p["cited"]) == bool(g.get("cited"))
            population_ok += (p.get("population") is None) == (g.get("population") is None)
            subgroups[same_population(p.get("population"), g.get("population"))] += 1
            subgroups["labelled"] += g.get("population") is not None
            if g["endpoint"].endswith("_rate"):
                timepoint_total += 1
                timepoint_ok += _months(p.get("timepoint")) == _months(g.get("timepoint"))
            if g["arm"] not in ("all", "comparison"):
                arm_total += 1
                # One arm (a single-arm study, or a review quoting one drug): "all" is that arm.
                ok = (same_arm(p["arm"], g["arm"], lab["arms"], aliases, labels, text)
                      or (p["arm"] == "all" and len(lab["arms"]) <= 1))
                arm_ok += ok
                # A wrong arm named misleads; "all" where an arm was wanted only says less.
                arm_wrong += not ok and p["arm"] != "all"
                if not ok and shown < errors:
                    print(f"ARM {lab['doc_id']} {g['endpoint']} {g['value']}: got {p['arm']!r}, want {g['arm']!r}")
                    shown += 1
    tp = sum(v["tp"] for v in per.values())
    fp = sum(v["fp"] for v in per.values())
    fn = sum(v["fn"] for v in per.values())
    return {
        "values_labelled": tp + fn, "values_extracted": tp + fp, "matched": tp,
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "arm_attribution": round(arm_ok / arm_total, 3) if arm_total else None, "per_arm_values": arm_total,
        "arm_wrong": arm_wrong,
        "arm_list": {"labelled": list_total, "found": list_found, "given": list_given, "right": list_right},
        "spans_found": f"{spans_ok}/{spans_total}",
        "cited_agreement": round(cited_ok / tp, 3) if tp else None,
        "subgroup_agreement": round(population_ok / tp, 3) if tp else None,
        "subgroups": {k: v for k, v in subgroups.items() if k != "main"},
        "timepoint_agreement": round(timepoint_ok / timepoint_total, 3) if timepoint_total else None,
        "landmark_rates": timepoint_total,
        "design_accuracy": round(design_ok / len(pairs), 3), "phase_accuracy": round(phase_ok / len(pairs), 3),
        "n_accuracy": round(n_ok / n_total, 3) if n_total else None, "documents_with_n": n_total,
        "not_reached": {**nr, "precision": round(nr["tp"] / (nr["tp"] + nr["fp"]), 3) if nr["tp"] + nr["fp"] else None,
                        "recall": round(nr["tp"] / (nr["tp"] + nr["fn"]), 3) if nr["tp"] + nr["fn"] else None},
        "per_endpoint": {k: {**v, "precision": round(v["tp"] / (v["tp"] + v["fp"]), 3) if v["tp"] + v["fp"] else None,
                             "recall": round(v["tp"] / (v["tp"] + v["fn"]), 3) if v["tp"] + v["fn"] else None}
                         for k, v in sorted(per.items())},
    }


def speed(pairs) -> float:
    texts = [(item["text"], item["doc_id"], item.get("title")) for item, _ in pairs]
    abstracts = [t for t in texts if len(t[0]) < 4000] or texts
    # CPU time of this one process (one core): a figure that holds on a busy machine too.
    rounds, started = 0, time.process_time()
    while time.process_time() - started < 3:
        for text, doc_id, title in abstracts:
            extract_outcomes(text, doc_id, title=title)
        rounds += 1
    return rounds * len(abstracts) / (time.process_time() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--round", default="1", choices=["1", "2", "3", "4", "5", "6", "7", "all"],
                    help="which labelling round")
    ap.add_argument("--phrasings", nargs="?", const="phrasings.jsonl", default=None, metavar="FILE",
                    help="score a hand-written phrasing set (default phrasings.jsonl; a name in benchmarks/outcomes/ "
                         "or a path)")
    ap.add_argument("--phrasings-2", dest="phrasings", action="store_const", const="phrasings_2.jsonl",
                    help="score the second phrasing set, phrasings_2.jsonl (results passages)")
    ap.add_argument("--phrasings-3", dest="phrasings", action="store_const", const="phrasings_3.jsonl",
                    help="score the third phrasing set, phrasings_3.jsonl (whole written abstracts)")
    ap.add_argument("--own", action="store_true", help="leave out values cited from other studies")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and extras")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--arm-chooser", action="store_true", help="with the trained arm chooser (off in the product)")
    ap.add_argument("--arm-model", type=Path, help="the arm tagger's and chooser's weights to use (default: the "
                    "package's, rag/outcomes/arm_model.npz)")
    args = ap.parse_args()
    from rag.outcomes import arm_chooser, arm_tagger
    arm_chooser.ENABLED = args.arm_chooser
    if args.arm_model:
        arm_tagger.use_model(args.arm_model)
    pairs = load_phrasings(args.split, args.phrasings) if args.phrasings else load(args.split, args.round)
    result = {"split": args.split, "set": Path(args.phrasings).stem if args.phrasings else f"round {args.round}",
              "documents": len(pairs), "own_values_only": args.own,
              **evaluate(pairs, args.own, args.errors), "abstracts_per_second": round(speed(pairs))}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['documents']} documents ({result['set']}, {args.split}{', own values only' if args.own else ''}): "
          f"precision {result['precision']}, recall {result['recall']} ({result['matched']} of "
          f"{result['values_labelled']} labelled, {result['values_extracted']} extracted); arm attribution "
          f"{result['arm_attribution']} of {result['per_arm_values']} per-arm values ({result['arm_wrong']} given a "
          f"wrong arm); spans found "
          f"{result['spans_found']}; own/cited {result['cited_agreement']}, main/subgroup "
          f"{result['subgroup_agreement']} of matched (subgroups right {result['subgroups']['right']}, wrong "
          f"{result['subgroups']['wrong']}, missed {result['subgroups']['missed']} of "
          f"{result['subgroups']['labelled']} labelled); time point {result['timepoint_agreement']} of "
          f"{result['landmark_rates']} landmark rates; design {result['design_accuracy']}, phase "
          f"{result['phase_accuracy']}, N "
          f"{result['n_accuracy']} of {result['documents_with_n']}; {result['abstracts_per_second']} abstracts/s "
          f"on one core")
    nr = result["not_reached"]
    print(f"medians not reached: precision {nr['precision']}, recall {nr['recall']} ({nr['tp']} of "
          f"{nr['tp'] + nr['fn']} labelled, {nr['tp'] + nr['fp']} found)")
    print(f"{'endpoint':<15}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for k, v in result["per_endpoint"].items():
        print(f"{k:<15}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}{v['precision'] if v['precision'] is not None else '-':>11}"
              f"{v['recall'] if v['recall'] is not None else '-':>8}")


if __name__ == "__main__":
    main()
