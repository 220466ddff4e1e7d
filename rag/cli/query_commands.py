"""The commands that put a question to the library: search, ask, table."""

from __future__ import annotations

import argparse
import json
import sys

from .common import _evidence_label, _filters, _settings, _terminal, _title


def cmd_search(args: argparse.Namespace) -> int:
    from ..retrieve import get_searcher

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


def cmd_ask(args: argparse.Namespace) -> int:
    from ..answer import answer_stream
    from ..export import display_title

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
        from ..export import export

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
        # (an untitled excerpt by its first words, marked as an excerpt, as the app's source cards show it: the
        # list shows no passage text; `rag search`, which prints the passage below, keeps "(no title)")
        title = display_title(p).rstrip(" .")  # a title's own full stop is not printed twice
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


def cmd_table(args: argparse.Namespace) -> int:
    from ..outcomes.table import to_format
    from ..retrieve import outcome_table

    s = _settings(args)
    table = outcome_table(args.question, k=args.k or max(s.k, 10), settings=s, filters=_filters(args) or None)
    text = to_format(table, args.format)
    print(_terminal(text) if args.format == "markdown" else text, end="" if args.format == "csv" else "\n")
    if args.format == "markdown" and table.not_shown:
        print(f"\n{table.not_shown} of the retrieved studies report none of these endpoints.")
    return 0
