"""The `rag` command: build, add, search, ask, eval, status. Thin: it calls the same functions a Python user calls."""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
from pathlib import Path

from .config import Settings, add_flags, check_paths
from .study_type import EVIDENCE_LEVELS


_OFF_TOPIC = Path(__file__).resolve().parent.parent / "benchmarks" / "questions" / "off_topic.jsonl"


# The settings each kind of command takes as flags, by group (generated from the fields: rag/config.py, add_flags).
_INDEX = ("where", "shape", "embed")
_BUILD = _INDEX + ("engine",)
_SEARCH = _INDEX + ("retrieval",)


def _filter_args(p: argparse.ArgumentParser) -> None:
    """Which papers a search reads (not settings: they hold for one query)."""
    p.add_argument("--year-min", type=int)
    p.add_argument("--year-max", type=int)
    p.add_argument("--source-type", action="append", choices=["abstract", "fulltext", "trial", "nci"],
                   help="keep only this kind of source (repeatable)")
    p.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                   help="metadata filter, e.g. journal='J Immunol' or pmid=24907378 (repeatable)")
    p.add_argument("--evidence", action="append", choices=list(EVIDENCE_LEVELS), metavar="LEVEL",
                   help="keep only sources of this evidence level (repeatable): " + ", ".join(EVIDENCE_LEVELS))


def _settings(args: argparse.Namespace) -> Settings:
    """The flags given, over RAG_* variables, over the defaults; folders given wrong get a sentence (check_paths)."""
    s = Settings.from_args(args)
    check_paths(s)
    return s


def _filters(args: argparse.Namespace) -> dict:
    f: dict = {}
    for item in args.filter:
        if "=" not in item:
            raise SystemExit(f"--filter expects FIELD=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        f.setdefault(key.strip(), []).append(value.strip())
    if args.year_min is not None:
        f["year_min"] = args.year_min
    if args.year_max is not None:
        f["year_max"] = args.year_max
    if args.source_type:
        f["source_type"] = args.source_type
    if args.evidence:
        f["evidence"] = args.evidence
    return f


def cmd_build(args: argparse.Namespace) -> int:
    from .indexing import build, tqdm_progress

    s = _settings(args)
    log = None if args.quiet else (lambda msg: print(msg, file=sys.stderr))
    progress = None if args.quiet else tqdm_progress()
    if args.lexical_first:
        from .indexing import build_lexical_first

        def ready(first) -> None:
            print(f"keyword index ready: {first.generation} ({first.documents:,} documents, {first.chunks:,} passages, "
                  f"{first.seconds:.1f} s); questions are answered by keyword search while the passages are "
                  f"embedded", file=sys.stderr, flush=True)

        report = build_lexical_first(s, rebuild=args.rebuild, progress=progress, log=log, force=args.force,
                                     on_lexical=ready)
    else:
        report = build(s, rebuild=args.rebuild, progress=progress, log=log, force=args.force)
    return _report_build(report, args)


def cmd_add(args: argparse.Namespace) -> int:
    from .indexing import add_files, tqdm_progress

    s = _settings(args)
    if args.max_file_mb is not None and args.max_file_mb <= 0:
        raise ValueError(f"--max-file-mb must be more than 0, got {args.max_file_mb:g}")
    report = add_files(args.paths, s, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr),
                       force=args.force, max_file_mb=args.max_file_mb)
    code = _report_build(report, args)
    return 1 if report.refused and not report.copied else code  # nothing of what was asked could be added


def cmd_remove(args: argparse.Namespace) -> int:
    from .indexing import tqdm_progress
    from .indexing.remove import remove_files

    s = _settings(args)
    report = remove_files(args.targets, s, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr))
    return _report_build(report, args)


def _report_build(report, args: argparse.Namespace) -> int:
    """Print a build report; exit 1 when nothing could be indexed, 2 with --strict when a file was skipped."""
    print(json.dumps(report.to_dict(), indent=2) if args.json else _terminal(report.summary()))
    if args.strict and report.skipped:
        return 2
    return 0 if report.ok else 1


def cmd_search(args: argparse.Namespace) -> int:
    from .retrieve import get_searcher

    s = _settings(args)
    searcher = get_searcher(s)
    passages = searcher.search(args.query, filters=_filters(args) or None)  # k, mode, per_doc: the settings
    if not searcher.store.dense_ready:
        print("note: keyword search only: this index's passages are not embedded yet (`rag build` embeds them)",
              file=sys.stderr)
    if args.json:
        print(json.dumps([p.to_dict() for p in passages], ensure_ascii=False, indent=2))
    else:
        if not passages:
            print("No passage matches.")
        for i, p in enumerate(passages, 1):
            c = p.citation
            print(_terminal(f"[{i}] {_title(p)}"))
            print(_terminal(f"    {c.short()}  score {p.score:.4f}  {_evidence_label(c)}"))
            where = ", ".join(x for x in (c.section, f"page {c.page}" if c.page else "") if x)
            print(_terminal(f"    {c.url or c.source_type}" + (f"  ({where})" if where else "")))
            print(_terminal("    " + p.text[:400].replace("\n", " ") + ("..." if len(p.text) > 400 else "")))
            print()
    return 0


def _title(p) -> str:
    """A passage's paper by its title; an untitled record (an excerpt of an abstract) by its id, said to be one."""
    return p.citation.title or f"{p.doc_id} (no title)"


def cmd_ask(args: argparse.Namespace) -> int:
    from .answer import answer_stream

    s = _settings(args)
    use_llm = False if args.no_llm else (True if args.llm else None)
    final = None
    printed = 0
    for text, final in answer_stream(args.question, settings=s, filters=_filters(args) or None, use_llm=use_llm):
        if final is None and not (args.json or args.format):  # stream an LLM's tokens as they come
            print(_terminal(text[printed:]), end="", flush=True)
            printed = len(text)
    assert final is not None
    # --llm asks for the model's answer: when the model failed and the extractive answer stood in, it is printed
    # (its note says why) and the exit status says so.
    code = _llm_failed(final) if args.llm else 0
    if args.format:
        from .export import export

        print(export(final, args.format), end="")
        return code
    if args.json:
        print(json.dumps(final.to_dict(), ensure_ascii=False, indent=2))
        return code
    if printed:
        print("\n\n--- checked ---")
    print(_terminal(final.text))
    for note in final.notes:
        print(_terminal(f"\nNote: {note}"))
    if final.passages:  # an empty library, or filters no paper matches: no heading over nothing
        print("\nSources:")
    for i, p in enumerate(final.passages, 1):
        c = p.citation
        title = _title(p).rstrip(" .")  # a title's own full stop is not printed twice
        print(_terminal(f"[{i}] {title}. {c.short()} {c.url or ''} {_evidence_label(c)}".rstrip()))
    return code


def _llm_failed(final) -> int:
    """1, with the reason on stderr, when --llm was asked for and the language model did not write the answer
    (a declined question, which no model is asked, is not a failure)."""
    if final.mode != "extractive":
        return 0
    why = next((n for n in final.notes if "language model" in n), "the language model did not answer")
    print(_terminal(f"rag ask: --llm: {why}"), file=sys.stderr)
    return 1


def cmd_outcomes(args: argparse.Namespace) -> int:
    """Outcome records: of each record of a PubMed JSON-lines file (in input order), or of indexed papers."""
    from .outcomes import extract_outcomes
    from .outcomes.record import StudyOutcomes

    records: list[StudyOutcomes] = []
    if args.pubmed:
        from .load.pubmed import json_line_documents

        for number, raw, doc, why in json_line_documents(args.pubmed):
            if doc is None:
                rec = StudyOutcomes(doc_id=str(raw.get("doc_id") or raw.get("pmid") or f"record {number}"),
                                    pmid=str(raw["pmid"]) if raw.get("pmid") else None)
                out = rec.to_json()
                out["skipped"] = why
                records.append(out)  # type: ignore[arg-type]
                continue
            records.append(extract_outcomes(doc))
    else:
        if not args.ids:
            raise ValueError("give a paper's id (PMID:..., DOI:..., or a PMID), or --pubmed FILE.jsonl")
        from .index.store import open_store
        from .outcomes.table import records_for

        s = _settings(args)
        store = open_store(s)
        for given in args.ids:
            candidates = [given, f"PMID:{given}", f"DOI:{given}", f"NCT:{given}"]
            found = next((c for c in candidates if store.document(c) is not None), None)
            if found is None:
                raise ValueError(f"no indexed paper has the id {given!r} (try `rag search` to find its doc_id)")
            records.append(records_for(store, [found])[found])
    for rec in records:
        data = rec if isinstance(rec, dict) else rec.to_json()
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(_outcomes_text(data))
    return 0


def _outcomes_text(d: dict) -> str:
    n = f"N={d['n']['value']} {d['n']['what']}" if d.get("n") else "N not stated"
    lines = [f"{d['doc_id']}: {d['design']}" + (f", phase {d['phase']}" if d.get("phase") else "") + f", {n}"
             + (f", arms: {' | '.join(d['arms'])}" if d.get("arms") else "") + (f"  ({d['skipped']})" if d.get("skipped") else "")]
    if not d["outcomes"] and not d.get("not_reached"):
        lines.append("  no outcome values found")
    for o in d["outcomes"]:
        ci = f" ({o['ci_low']:g}–{o['ci_high']:g})" if o["ci_low"] is not None and o["ci_high"] is not None else ""
        unit = "" if o["unit"] == "ratio" else (o["unit"] if o["unit"] == "%" else " " + o["unit"])
        extra = ", ".join(x for x in (o.get("timepoint"), o.get("p"), o.get("population"), "cited" if o.get("cited") else "") if x)
        lines.append(f"  {o['endpoint']:<14} {o['arm'][:28]:<28} {o['value']:g}{unit}{ci}" + (f"  [{extra}]" if extra else "")
                     + f"  @{o['char_start']}-{o['char_end']}: {_printable(o['text'])[:90]}")
    for o in d.get("not_reached", []):
        lines.append(f"  {o['endpoint']:<14} {o['arm'][:28]:<28} not reached  @{o['char_start']}-{o['char_end']}")
    return "\n".join(lines)


# What a terminal acts on instead of showing: escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL", two-character
# ones), then any control character left (C0 but the newline, DEL, C1) and the bidirectional overrides.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _terminal(text: str) -> str:
    """Text a paper (or a model) wrote, made safe to print: its escape sequences and control characters removed
    (a tab or carriage return becomes a space), newlines kept. Human-readable output only: --json is left as is."""
    text = _ESCAPES.sub("", str(text))
    return _CONTROLS.sub(lambda m: " " if m.group() in "\t\r" else "", text)


def _printable(text: str) -> str:
    """Text for a terminal: no control characters (a paper's text must not drive the terminal)."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def cmd_table(args: argparse.Namespace) -> int:
    from .outcomes.table import outcome_table, to_format

    s = _settings(args)
    table = outcome_table(args.question, k=args.k or max(s.k, 10), settings=s, filters=_filters(args) or None)
    text = to_format(table, args.format)
    print(_terminal(text) if args.format == "markdown" else text, end="" if args.format == "csv" else "\n")
    if args.format == "markdown" and table.not_shown:
        print(f"\n{table.not_shown} of the retrieved studies report none of these endpoints.")
    return 0


def _json_lines(path: Path):
    """(record number, the record as read or {}, its Document or None, why not) for every record of a PubMed
    JSON-lines file (or a JSON array), in input order: a line that is not valid JSON, not an object, or not a record
    the PubMed loader can read still gets its turn, with the reason."""
    from .load.common import read_text
    from .load.pubmed import _Skip, _pubmed_json_document, _trial_document

    text, _ = read_text(path)
    stripped = text.strip()
    try:
        whole = json.loads(stripped) if stripped.startswith("[") else None
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, list):
        items = [(i, value, "") for i, value in enumerate(whole, 1)]
    else:
        items, number = [], 0
        for line in text.splitlines():
            if not line.strip():
                continue
            number += 1
            try:
                items.append((number, json.loads(line), ""))
            except json.JSONDecodeError as err:
                items.append((number, None, f"invalid JSON ({err.msg})"))
    for number, record, why in items:
        if why:
            yield number, {}, None, why
            continue
        if not isinstance(record, dict):
            yield number, {}, None, "not a JSON object"
            continue
        try:
            doc = _trial_document(record) if record.get("nct_id") else _pubmed_json_document(record)
        except (_Skip, TypeError, ValueError, AttributeError) as err:
            yield number, record, None, str(err) or type(err).__name__
            continue
        yield number, record, doc, ""


def cmd_evidence(args: argparse.Namespace) -> int:
    """Study type, evidence level and notices of each record of a PubMed JSON-lines file, in input order."""
    from .study_type import RETRACTED, _as_list, _notice, classify

    for number, record, doc, why in _json_lines(args.pubmed):
        if doc is None:
            pmid = str(record.get("pmid")) if record.get("pmid") else None
            # A record without an abstract (a retraction notice often has none) still says its notice by its title
            # and publication types.
            title = record.get("title") if isinstance(record.get("title"), str) else ""
            notice = _notice({"publication_types": _as_list(record.get("publication_types"))}, title or "")
            out = {"doc_id": str(record.get("doc_id") or (f"PMID:{pmid}" if pmid else f"record {number}")), "pmid": pmid,
                   "study_type": None, "level": None, "retracted": notice in RETRACTED,
                   "concern": notice == "expression of concern", "basis": None, "skipped": why}
        else:
            e = classify(doc)
            out = {"doc_id": doc.doc_id, "pmid": doc.pmid, "study_type": e.study_type, "level": e.level,
                   "retracted": e.notice in RETRACTED, "concern": e.notice == "expression of concern", "basis": e.basis}
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            marks = [m for m, on in (("RETRACTED", out["retracted"]), ("EXPRESSION OF CONCERN", out["concern"])) if on]
            label = f"{out['study_type']} · {out['level']} (from {out['basis']})" if out["study_type"] else \
                f"not read: {out['skipped']}"
            print(_printable(f"{out['doc_id']}: {label}" + (f"  ⚠ {', '.join(marks)}" if marks else "")))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The support check on sentence-passages pairs: one verdict per input line, in order."""
    from .cite import MARKER
    from .answer.support_check import SUPPORTED, check_sentence

    for number, line in enumerate((ln for ln in args.pairs.read_text(encoding="utf-8").splitlines() if ln.strip()), 1):
        try:
            pair = json.loads(line)
            sentence, passages = pair["sentence"], pair["passages"]
            if isinstance(passages, str):
                passages = [passages]
            if not isinstance(sentence, str) or not isinstance(passages, list) \
                    or not all(isinstance(p, str) for p in passages):
                raise ValueError("needs a text 'sentence' and a list of texts 'passages'")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            detail = (f"invalid JSON ({err.msg})" if isinstance(err, json.JSONDecodeError)
                      else f"no {err}" if isinstance(err, KeyError) else str(err))
            why = f"line {number} not read: {detail}"
            out = {"supported": False, "reasons": [why]}
        else:
            texts = dict(enumerate(passages, 1))
            cited = [int(n) for n in MARKER.findall(sentence)] or list(texts)
            if not MARKER.search(sentence):
                sentence = sentence + " " + "".join(f"[{n}]" for n in cited)
            titles = pair.get("titles") or pair.get("title")
            if isinstance(titles, str):
                titles = {n: titles for n in texts}
            elif isinstance(titles, list):
                titles = {n: t for n, t in enumerate(titles, 1) if isinstance(t, str)}
            else:
                titles = {}
            v = check_sentence(sentence, cited, texts, titles=titles)
            out = {"supported": v.status == SUPPORTED, "reasons": v.reasons}
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print(_printable("supported" if out["supported"] else "not supported: " + "; ".join(out["reasons"])))
    return 0


def _evidence_label(c) -> str:
    """'[randomised trial · level 2]', with a notice ('RETRACTED') in front when the paper is under one."""
    if not c.study_type:
        return f"[{c.notice.upper()}]" if c.notice else ""
    notice = f"{c.notice.upper()}: " if c.notice else ""
    return f"[{notice}{c.study_type} · {c.evidence}]"


def _eval_index(args: argparse.Namespace, s: Settings) -> Settings:
    """The evaluation index: --index, or index-eval/ (built once from the bundled corpus plus the extras)."""
    from .indexing import build, tqdm_progress
    from .evaluate.corpus import prepare_eval_corpus
    from .index import current_generation

    if args.index_dir is None:
        s = s.replace(index_dir=s.index_dir.parent / "index-eval")
    extra = args.extra
    if extra is None:
        # The shared data's layout: eval/QUESTIONS.jsonl beside corpus/pubmed/<distractors>. Questions kept
        # elsewhere (the tuning set in benchmarks/) use the evaluation index as it is, distractors and all.
        default = args.questions.resolve().parent.parent / "corpus" / "pubmed" / "biomedical_distractor_abstracts.jsonl"
        extra = [default] if default.exists() else None
    built = current_generation(s.index_dir) is not None
    if not built or (args.index_dir is None and extra is not None):
        corpus = prepare_eval_corpus(s.index_dir / "eval-corpus", s.corpus_dir, extra or [])
        report = build(s.replace(corpus_dir=corpus), progress=tqdm_progress())
        print(report.summary().splitlines()[0], file=sys.stderr)
    return s


def cmd_eval_answers(args: argparse.Namespace) -> int:
    from .evaluate.answers import answers_table, evaluate_answers
    from .evaluate.questions import load_answer_questions

    questions = load_answer_questions(args.questions)
    off_topic = load_answer_questions(args.off_topic) if args.off_topic and args.off_topic.exists() else []
    s = _eval_index(args, _settings(args))

    def progress(stage: str, done: int, total: int) -> None:
        if args.json:
            return
        if sys.stderr.isatty():  # a counter that rewrites itself
            print(f"\r{stage}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total:  # a log: one line a stage
            print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)

    report = evaluate_answers(questions, s, off_topic, k=args.k, progress=progress)
    if args.json:
        print(json.dumps({"index": str(s.index_dir), **report.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(f"{len(questions)} questions ({args.questions}), {len(off_topic)} off-topic questions, index {s.index_dir}")
        print(answers_table(report))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate.questions import load_questions
    from .evaluate.retrieval import METHODS, evaluate, table

    if args.answers:
        return cmd_eval_answers(args)
    questions = load_questions(args.questions)
    s = _settings(args)
    s = _eval_index(args, s)
    methods = tuple(m.strip() for m in args.methods.split(",") if m.strip())
    if not methods:
        raise ValueError(f"--methods names no method: use one or more of {', '.join(METHODS)}")
    unknown = set(methods) - set(METHODS)
    if unknown:
        raise ValueError(f"unknown methods {sorted(unknown)}: use {', '.join(METHODS)}")
    results = evaluate(questions, s, methods)
    if args.json:
        print(json.dumps({"questions": len(questions), "index": str(s.index_dir),
                          "results": [{k: v for k, v in r.__dict__.items() if k != "per_question"} for r in results],
                          "per_question": {r.method: r.per_question for r in results}}, indent=2))
    else:
        print(f"{len(questions)} questions, index {s.index_dir}")
        print(table(results))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .index import IndexNotFound, open_store

    s = _settings(args)
    try:
        stats = open_store(s).stats()
    except IndexNotFound as err:
        if args.json:  # --json always prints JSON, the reason included
            print(json.dumps({"index": str(s.index_dir), "built": False, "error": str(err)}, indent=2))
        else:
            print(str(err)[:1].upper() + str(err)[1:] + ".")
        return 1
    print(json.dumps(stats, indent=2) if args.json else _terminal("\n".join(f"{k}: {_plain(v)}" for k, v in stats.items())))
    return 0


def _plain(value) -> str:
    """A status value as text: '{"abstract": 674}' reads 'abstract 674, ...'; a year range '1985-2025'."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, type(None))) for v in value):
        return "-".join(str(v) for v in value if v is not None) or "none"
    return str(value)


def cmd_sync(args: argparse.Namespace) -> int:
    from .index import sync

    s = _settings(args)
    if not s.store_url:
        raise ValueError("give the store to sync into: --store postgresql://USER@HOST:PORT/DB (or RAG_STORE_URL)")
    done = sync(s, log=lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(done, indent=2) if args.json else
          f"{done['generation']}: {done['mode']} in {done.get('seconds', 0):.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The `rag` command line: its subcommands, their own flags and the settings each takes (add_flags)."""
    parser = argparse.ArgumentParser(prog="rag", description="Cited passages from immunotherapy literature.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build or update the index from the corpus folder")
    add_flags(p, *_BUILD)
    p.add_argument("--rebuild", action="store_true", help="rebuild everything instead of updating")
    p.add_argument("--strict", action="store_true", help="exit with status 2 if any file was skipped")
    p.add_argument("--json", action="store_true", help="print the build report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--force", action="store_true",
                   help="build even if the corpus is not the one the index was built from, or most files are gone")
    p.add_argument("--lexical-first", action="store_true",
                   help="when everything must be embedded (a first build, a rebuild): publish a keyword-only index "
                        "within seconds, answer from it meanwhile, then embed and publish the full index")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("add", help="copy files or folders into the corpus and index them")
    p.add_argument("paths", nargs="+", type=Path)
    add_flags(p, *_BUILD)
    p.add_argument("--strict", action="store_true")
    p.add_argument("--force", action="store_true",
                   help="build even if the corpus is not the one the index was built from, or most files are gone")
    p.add_argument("--max-file-mb", type=float, metavar="N",
                   help="do not copy a file larger than N MB (default: the max_upload_mb setting, the app's upload "
                        "limit, 50)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("remove", help="take papers out of the corpus (by path or indexed id) and update the index")
    p.add_argument("targets", nargs="+", help="corpus files, or indexed ids (PMID:..., DOI:..., a bare PMID): the "
                                              "file an id came from is removed whole")
    add_flags(p, *_BUILD)
    p.add_argument("--strict", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("search", help="print the passages that best match a query")
    p.add_argument("query")
    add_flags(p, *_SEARCH)
    _filter_args(p)
    p.add_argument("--json", action="store_true", help="print one JSON array of passages")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question with cited passages")
    p.add_argument("question")
    add_flags(p, *_SEARCH, "answer", "llm")
    _filter_args(p)
    p.add_argument("--llm", action="store_true", help="require the configured language model")
    p.add_argument("--no-llm", action="store_true", help="extractive answer even if a language model is configured")
    p.add_argument("--json", action="store_true", help="print one JSON object: answer, passages, abstained, ...")
    p.add_argument("--format", choices=["markdown", "bibtex", "ris", "csl", "csv"],
                   help="print the answer and its cited sources for notes or a reference manager: Markdown (with the "
                        "studies table), or the references as BibTeX, RIS or CSL-JSON (with identifiers, cited spans, "
                        "index generation), or the studies table as CSV")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("outcomes", help="trial outcomes read from papers: design, arms, N and every value with its span")
    p.add_argument("ids", nargs="*", help="indexed papers' ids (PMID:..., DOI:..., or a bare PMID)")
    p.add_argument("--pubmed", type=Path, metavar="FILE.jsonl",
                   help="read the records of a PubMed JSON-lines file instead of the index (one output per record)")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true", help="one JSON object per record")
    p.set_defaults(func=cmd_outcomes)

    p = sub.add_parser("evidence", help="study type, evidence level and notices (retracted, expression of concern) of "
                                        "each record of a PubMed JSON-lines file, in input order")
    p.add_argument("--pubmed", type=Path, metavar="FILE.jsonl", required=True,
                   help="PubMed records as JSON lines (pmid, title, abstract, publication_types, ...)")
    p.add_argument("--json", action="store_true", help="one JSON object per record: doc_id, pmid, study_type, level, "
                                                       "retracted, concern, basis (and skipped, with the reason)")
    p.set_defaults(func=cmd_evidence)

    p = sub.add_parser("check", help="the support check on sentences and the passages they cite: numbers, names, "
                                     "negation and claims")
    p.add_argument("--pairs", type=Path, metavar="FILE.jsonl", required=True,
                   help='JSON lines {"sentence": "...", "passages": ["...", ...], "title": "..." (optional)}')
    p.add_argument("--json", action="store_true", help='one JSON object per line: {"supported": true|false, "reasons": [...]}')
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("table", help="the studies a question retrieves, one row each, with the endpoints it asks about")
    p.add_argument("question")
    add_flags(p, *_SEARCH)
    _filter_args(p)
    p.add_argument("--format", choices=["markdown", "csv", "json"], default="markdown")
    p.set_defaults(func=cmd_table)

    p = sub.add_parser("eval", help="retrieval metrics of bm25, dense, hybrid and full side by side; --answers: answer "
                                    "metrics beside a baseline")
    p.add_argument("--questions", type=Path, required=True, help="JSON lines with question and gold_pmids")
    add_flags(p, *_SEARCH)
    p.add_argument("--extra", action="append", type=Path,
                   help="file or folder added to the bundled corpus for the evaluation index (repeatable; default: "
                        "the distractor abstracts beside the questions, ../corpus/pubmed/biomedical_distractor_abstracts.jsonl)")
    p.add_argument("--methods", default="records,bm25,dense,hybrid,full", help="comma-separated methods to compare")
    p.add_argument("--answers", action="store_true",
                   help="evaluate answers instead of retrieval: exact answer, ROUGE-2, ROUGE-SU4, cited gold papers, "
                        "declines and latency, beside a bm25s baseline (questions need type, exact_answer, ideal_answer)")
    p.add_argument("--off-topic", type=Path, default=_OFF_TOPIC,
                   help="with --answers: questions the library cannot answer, to count declines (default: "
                        "benchmarks/questions/off_topic.jsonl)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("status", help="what the index holds")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("sync", help="mirror the index's live generation into the store given by --store (PostgreSQL)")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, not at exit: a reader that went away (`rag status | head -3`) is said below
        return code
    except BrokenPipeError:
        # Nothing more can be written to stdout; point it at /dev/null so that the exit's own flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        print(f"rag {args.command}: the output was closed before all of it was written", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError, RuntimeError) as err:
        print(f"rag {args.command}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: what was done and what was not is logged above; no traceback
        print(f"rag {args.command}: interrupted", file=sys.stderr)
        return 130
    except sqlite3.DatabaseError as err:  # a damaged index file found while reading it
        print(f"rag {args.command}: the index database is damaged ({err}): rebuild the index with "
              f"`rag build --rebuild`", file=sys.stderr)
        return 1
    except OSError as err:  # a folder that cannot be read (rag add /proc), a path through a file...
        where = f": {err.filename}" if err.filename else ""
        print(f"rag {args.command}: {err.strerror or err}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
