"""The web chat over the bundled corpus: `python app.py [--index DIR] [--host H] [--port N]`."""

from __future__ import annotations

import argparse
import sys

from rag import Settings, retrieve
from rag.build import build, tqdm_progress
from rag.index import current_generation


def ensure_index(settings: Settings) -> None:
    if current_generation(settings.index_dir) is None:
        print(f"No index in {settings.index_dir}: building it from {settings.corpus_dir} (first run only).", file=sys.stderr)
        report = build(settings, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr))
        print(report.summary(), file=sys.stderr)


def make_app(settings: Settings):
    import gradio as gr

    def reply(message: str, history):
        try:
            passages = retrieve(message, k=settings.k, settings=settings)
        except ValueError as err:
            return str(err)
        if not passages:
            return "The library has no passage that matches."
        lines = []
        for i, p in enumerate(passages, 1):
            c = p.citation
            lines.append(f"**[{i}]** [{c.title or p.doc_id}]({c.url}) — {c.short()}\n\n> {p.text[:600]}")
        return "\n\n".join(lines)

    return gr.ChatInterface(reply, title="Immunotherapy literature")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", dest="index_dir")
    parser.add_argument("--corpus", dest="corpus_dir")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    args = parser.parse_args(argv)
    settings = Settings.load(index_dir=args.index_dir, corpus_dir=args.corpus_dir)
    ensure_index(settings)
    make_app(settings).launch(server_name=args.host, server_port=args.port)


if __name__ == "__main__":
    main()
