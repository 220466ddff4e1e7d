"""The `rag` command line: its subcommands, their own flags and the settings each takes (add_flags)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import add_flags
from ..study_type import EVIDENCE_LEVELS
from .eval_commands import cmd_eval
from .index_commands import cmd_add, cmd_build, cmd_remove, cmd_status, cmd_sync
from .paper_commands import cmd_check, cmd_evidence, cmd_outcomes
from .query_commands import cmd_ask, cmd_search, cmd_table

_OFF_TOPIC = Path(__file__).resolve().parents[2] / "benchmarks" / "questions" / "off_topic.jsonl"


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


# One function a subcommand: its parser, its own flags, the settings it takes, and the function it runs.
def _build(sub: argparse._SubParsersAction) -> None:
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


def _add(sub: argparse._SubParsersAction) -> None:
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


def _remove(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remove", help="take papers out of the corpus (by path or indexed id) and update the index")
    p.add_argument("targets", nargs="+", help="corpus files, or indexed ids (PMID:..., DOI:..., a bare PMID): the "
                                              "file an id came from is removed whole")
    add_flags(p, *_BUILD)
    p.add_argument("--strict", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_remove)


def _search(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="print the passages that best match a query")
    p.add_argument("query")
    add_flags(p, *_SEARCH)
    _filter_args(p)
    p.add_argument("--json", action="store_true", help="print one JSON array of passages")
    p.set_defaults(func=cmd_search)


def _ask(sub: argparse._SubParsersAction) -> None:
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


def _outcomes(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("outcomes",
                       help="trial outcomes read from papers: design, arms, N and every value with its span")
    p.add_argument("ids", nargs="*", help="indexed papers' ids (PMID:..., DOI:..., or a bare PMID)")
    p.add_argument("--pubmed", type=Path, metavar="FILE.jsonl",
                   help="read the records of a PubMed JSON-lines file instead of the index (one output per record)")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true", help="one JSON object per record")
    p.set_defaults(func=cmd_outcomes)


def _evidence(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evidence", help="study type, evidence level and notices (retracted, expression of concern) of "
                                        "each record of a PubMed JSON-lines file, in input order")
    p.add_argument("--pubmed", type=Path, metavar="FILE.jsonl", required=True,
                   help="PubMed records as JSON lines (pmid, title, abstract, publication_types, ...)")
    p.add_argument("--json", action="store_true", help="one JSON object per record: doc_id, pmid, study_type, level, "
                                                       "retracted, concern, basis (and skipped, with the reason)")
    p.set_defaults(func=cmd_evidence)


def _check(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="the support check on sentences and the passages they cite: numbers, names, "
                                     "negation and claims")
    p.add_argument("--pairs", type=Path, metavar="FILE.jsonl", required=True,
                   help='JSON lines {"sentence": "...", "passages": ["...", ...]}, optional "title" (or "titles", one '
                        'per passage) and "paper" (or "papers"): the whole text a passage is a chunk of')
    p.add_argument("--json", action="store_true",
                   help='one JSON object per line: {"supported": true|false, "reasons": [...]}')
    p.add_argument("--no-library", dest="library", action="store_false",
                   help="do not look a passage up in the index (by default a passage cut from an indexed paper is "
                        "read with that paper's title and whole text, as an answer's own check reads it)")
    add_flags(p, "where")
    p.set_defaults(func=cmd_check)


def _table(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("table", help="the studies a question retrieves, one row each, with the endpoints it asks about")
    p.add_argument("question")
    add_flags(p, *_SEARCH)
    _filter_args(p)
    p.add_argument("--format", choices=["markdown", "csv", "json"], default="markdown")
    p.set_defaults(func=cmd_table)


def _eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="retrieval metrics of bm25, dense, hybrid and full side by side; --answers: answer "
                                    "metrics beside a baseline")
    p.add_argument("--questions", type=Path, required=True, help="JSON lines with question and gold_pmids")
    add_flags(p, *_SEARCH)
    p.add_argument("--extra", action="append", type=Path,
                   help="file or folder added to the bundled corpus for the evaluation index (repeatable; default: "
                        "the distractor abstracts beside the questions, "
                        "../corpus/pubmed/biomedical_distractor_abstracts.jsonl)")
    p.add_argument("--methods", default="records,bm25,dense,hybrid,full", help="comma-separated methods to compare")
    p.add_argument("--answers", action="store_true",
                   help="evaluate answers instead of retrieval: exact answer, ROUGE-2, ROUGE-SU4, cited gold papers, "
                        "declines and latency, beside a bm25s baseline (questions need type, exact_answer, "
                        "ideal_answer)")
    p.add_argument("--off-topic", type=Path, default=_OFF_TOPIC,
                   help="with --answers: questions the library cannot answer, to count declines (default: "
                        "benchmarks/questions/off_topic.jsonl)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)


def _status(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("status", help="what the index holds")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)


def _sync(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="mirror the index's live generation into the store given by --store (PostgreSQL)")
    add_flags(p, *_INDEX)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


def build_parser() -> argparse.ArgumentParser:
    """The `rag` command line: its subcommands, their own flags and the settings each takes (add_flags)."""
    parser = argparse.ArgumentParser(prog="rag", description="Cited passages from immunotherapy literature.")
    sub = parser.add_subparsers(dest="command", required=True)
    # In the order --help lists them.
    for add in (_build, _add, _remove, _search, _ask, _outcomes, _evidence, _check, _table, _eval, _status, _sync):
        add(sub)
    return parser
