"""`rag eval`: retrieval metrics of the methods side by side, or (--answers) answer metrics beside a baseline."""

from __future__ import annotations

import argparse
import json
import sys

from ..config import Settings
from .common import _settings


def _eval_index(args: argparse.Namespace, s: Settings) -> Settings:
    """The evaluation index: --index, or index-eval/ (built once from the bundled corpus plus the extras)."""
    from ..indexing import build, tqdm_progress
    from ..evaluate.corpus import prepare_eval_corpus
    from ..index import current_generation

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
    from ..evaluate.answers import answers_table, evaluate_answers
    from ..evaluate.questions import load_answer_questions

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
        print(f"{len(questions)} questions ({args.questions}), {len(off_topic)} off-topic questions, "
              f"index {s.index_dir}")
        print(answers_table(report))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from ..evaluate.questions import load_questions
    from ..evaluate.retrieval import METHODS, evaluate, table

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
