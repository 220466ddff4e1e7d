"""The support check (rag/answer/support_check/) on perturbed sentences made from real passages.

From the bundled PubMed abstracts and PMC full texts, sentences are taken and changed in one of five ways,
then checked against their own passage (the abstract, or the full text's section) as the cited passage [1]:

- number: one number changed (12 -> 14, 45.3% -> 54.3%): must be caught
- entity: a drug or gene name swapped for another the abstract does not mention: must be caught
- negation added ("was" -> "was not", "improved" -> "did not improve"): must be caught
- negation removed ("did not improve" -> "improved", "no" dropped): must be caught
- paraphrase: every fact kept, words and number formats changed ("49–72%" -> "49% to 72%", "showed" ->
  "demonstrated", a brand name for its generic name): must pass

Prints, per kind, how many were made, the share caught (recall; for paraphrases the share wrongly flagged),
and the precision of each kind against the same number of paraphrases. Deterministic (seeded).

    python benchmarks/support_check.py [--per-kind 250] [--sources FILE ...] [--show 3]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.chunk.sentences import sentence_spans  # noqa: E402
from rag.cite import strip_reference_markers  # noqa: E402
from rag.lexical.synonyms import synonym_groups  # noqa: E402
from rag.lexical.tokens import tokenize  # noqa: E402
from rag.load import load_file  # noqa: E402
from rag.answer.support_check import _NEGATION, _NUMBER, SUPPORTED, check_sentence, names  # noqa: E402

DRUGS = ["nivolumab", "pembrolizumab", "ipilimumab", "atezolizumab", "durvalumab", "avelumab", "cemiplimab",
         "tremelimumab", "relatlimab", "tisagenlecleucel", "axicabtagene ciloleucel", "aldesleukin", "blinatumomab",
         "sotorasib", "camrelizumab", "toripalimab", "tislelizumab", "dostarlimab", "bevacizumab", "cetuximab",
         "trastuzumab", "rituximab", "sipuleucel-T", "talimogene laherparepvec", "tebentafusp", "lifileucel"]
GENES = ["PD-1", "PD-L1", "CTLA-4", "LAG-3", "TIM-3", "CD19", "BCMA", "HER2", "EGFR", "KRAS", "BRAF", "IL-2",
         "IL-6", "IFN-γ", "TNF-α", "CD8", "CD4", "FOXP3", "VEGF", "MHC-I"]
WORDING = {"showed": "demonstrated", "demonstrated": "showed", "increased": "raised", "decreased": "lowered",
           "improved": "bettered", "associated with": "linked to", "significantly": "markedly",
           "patients": "subjects", "observed": "seen", "however": "yet", "compared with": "versus",
           "compared to": "versus", "resulted in": "led to", "evaluated": "assessed", "received": "were given"}
AUXILIARY = re.compile(r"\b(was|were|is|are|has been|have been|could|may|can|did|does|do)\b")
VERB = re.compile(r"\b(improved|increased|reduced|decreased|prolonged|showed|demonstrated|induced|achieved|"
                  r"correlated|predicted|enhanced)\b")


def sentences_with_passages(paths: list[Path]) -> list[tuple[str, str]]:
    """(sentence, passage) pairs: each sentence with its paragraph-sized passage (an abstract, or the section of a
    full text it is in, as retrieval would hand it over)."""
    out = []
    for path in paths:
        for doc in load_file(path).documents:
            for sec in doc.sections:
                passage = doc.text[sec.start:sec.end]
                if len(passage) > 6000:
                    continue  # a whole long section is not what a citation points at
                for a, b in sentence_spans(passage):
                    s = strip_reference_markers(passage[a:b]).strip()
                    if 8 <= len(s.split()) <= 60:
                        out.append((s, passage))
    return out


def change_number(s: str, rng: random.Random) -> str | None:
    # A quantity: not a year, not the digits of a code ("TLR7/8", "IL-33") or a reference number.
    found = [m for m in _NUMBER.finditer(s) if not re.match(r"(19|20)\d\d$", m.group(1))
             and re.match(r"[\s(]|$", s[m.start(1) - 1:m.start(1)] or " ")
             and not re.match(r"[/\w]", s[m.end(1):m.end(1) + 1])]
    if not found:
        return None
    m = rng.choice(found)
    raw = m.group(1)
    value = float(raw.replace(",", "").replace("·", "."))
    new = value + rng.choice([1, 2, 3, 5, 7, 10]) if value >= 1 else round(value + 0.1, 2)
    text = f"{new:g}" if "." in raw or "·" in raw else str(int(new))
    return s[:m.start(1)] + text + s[m.end(1):]


def swap_entity(s: str, passage: str, rng: random.Random) -> str | None:
    present = set(tokenize(passage))
    for pool in (DRUGS, GENES):
        here = [x for x in pool if re.search(rf"(?<![\w-]){re.escape(x)}(?![\w-])", s, re.I)]
        if here:
            old = rng.choice(here)
            options = [x for x in pool if x.lower() != old.lower() and not set(tokenize(x)) <= present]
            if options:
                return re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", rng.choice(options), s, count=1, flags=re.I)
    return None


def add_negation(s: str) -> str | None:
    if _NEGATION.search(s):
        return None
    m = AUXILIARY.search(s)
    if m:
        return s[:m.end()] + " not" + s[m.end():]
    m = VERB.search(s)
    if m:
        base = {"improved": "improve", "increased": "increase", "reduced": "reduce", "decreased": "decrease",
                "prolonged": "prolong", "showed": "show", "demonstrated": "demonstrate", "induced": "induce",
                "achieved": "achieve", "correlated": "correlate", "predicted": "predict", "enhanced": "enhance"}
        return s[:m.start()] + "did not " + base[m.group(1)] + s[m.end():]
    return None


def remove_negation(s: str) -> str | None:
    for pattern, repl in ((r"\bdid not (\w+)", r"\1ed"), (r"\b(was|were|is|are|could|may|can|does|do) not\b", r"\1"),
                          (r"\bno significant\b", "a significant"), (r"\bwithout\b", "with"),
                          (r"\bnot\b ", ""), (r"\bno\b ", "")):
        new = re.sub(pattern, repl, s, count=1)
        if new != s:
            return new
    return None


def paraphrase(s: str, rng: random.Random) -> str | None:
    new = s
    for a, b in rng.sample(sorted(WORDING.items()), len(WORDING)):
        if re.search(rf"\b{re.escape(a)}\b", new):
            new = re.sub(rf"\b{re.escape(a)}\b", b, new, count=1)
            break
    # Number formats: "49–72%" -> "49% to 72%", "1034" -> "1,034".
    new = re.sub(r"(\d+(?:\.\d+)?)\s?[–-]\s?(\d+(?:\.\d+)?)%", r"\1% to \2%", new, count=1)
    new = re.sub(r"(?<![A-Za-z\d.,-])(\d)(\d{3})(?![\d.,])", r"\1,\2", new, count=1)
    # A name for one of its synonyms (a brand for a generic name).
    for group in synonym_groups():
        for name in group:
            if len(name.text) > 4 and re.search(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", new):
                other = next((g.text for g in group if g.text.lower() != name.text.lower()), None)
                if other and rng.random() < 0.5:
                    new = re.sub(rf"(?<![\w-]){re.escape(name.text)}(?![\w-])", other, new, count=1)
                break
    return new if new != s else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, nargs="*", help="files to take sentences from (default: the bundled "
                    "PubMed abstracts and PMC full texts)")
    ap.add_argument("--per-kind", type=int, default=250)
    ap.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    args = ap.parse_args()
    rng = random.Random(7)
    sources = args.sources or [ROOT / "corpus" / "pubmed" / "immunotherapy_abstracts.jsonl",
                               *sorted((ROOT / "corpus" / "pmc").glob("*.xml"))]
    pool = sentences_with_passages(sources)
    rng.shuffle(pool)
    makers = {
        "number": lambda s, p: change_number(s, rng),
        "entity": lambda s, p: swap_entity(s, p, rng),
        "negation added": lambda s, p: add_negation(s),
        "negation removed": lambda s, p: remove_negation(s) if _NEGATION.search(s) else None,
        "paraphrase": lambda s, p: paraphrase(s, rng),
        "unchanged": lambda s, p: s,
    }
    results: dict[str, list[tuple[str, bool, list[str]]]] = {}
    for kind, make in makers.items():
        rows = []
        for s, passage in pool:
            changed = make(s, passage)
            if changed is None:
                continue
            verdict = check_sentence(changed + " [1]", [1], {1: passage})
            rows.append((changed, verdict.status != SUPPORTED, verdict.reasons))
            if len(rows) >= args.per_kind:
                break
        results[kind] = rows
    alarms = sum(flagged for _, flagged, _ in results["paraphrase"])
    n_para = len(results["paraphrase"])
    print("| kind | sentences | flagged | recall (caught) | precision vs the paraphrases |")
    print("|---|---|---|---|---|")
    for kind, rows in results.items():
        flagged = sum(f for _, f, _ in rows)
        if kind in ("paraphrase", "unchanged"):
            print(f"| {kind} (must pass) | {len(rows)} | {flagged} | false alarms {flagged / len(rows):.3f} | — |")
        else:
            tp, fp = flagged, alarms * len(rows) / n_para
            print(f"| {kind} | {len(rows)} | {flagged} | {flagged / len(rows):.3f} | {tp / (tp + fp):.3f} |")
    for kind, rows in results.items():
        should_flag = kind not in ("paraphrase", "unchanged")
        misses = [(s, r) for s, f, r in rows if f != should_flag][:args.show]
        for s, r in misses:
            print(f"  {kind} {'missed' if should_flag else 'flagged'}: {s[:160]} {r}")
    print(f"names found per sentence (mean, unchanged set): "
          f"{sum(len(names(s)) for s, _, _ in results['unchanged']) / max(1, len(results['unchanged'])):.2f}")


if __name__ == "__main__":
    main()
