"""The web chat over the immunotherapy library: `python app.py [--index DIR] [--host H] [--port N]`.

A Gradio app with two tabs. "Ask": a chat column (streaming answers, follow-ups use the conversation) beside a
sources column (each cited passage with its paper, a link to it, and the cited sentences highlighted), plus
search settings (k, years, source types, language model on/off). "Library": the index status, uploads that are
added to the corpus and indexed incrementally with a progress bar, and the build report.

Binds to 127.0.0.1 unless told otherwise. Options are settings (rag/config.py), by flag or environment:
  --host / RAG_APP_HOST, --port / RAG_APP_PORT, --user / RAG_APP_USER and --password / RAG_APP_PASSWORD
  (HTTP login when both are set; prefer the environment for the password), --index / RAG_INDEX_DIR,
  --store / RAG_STORE_URL (read from PostgreSQL instead of the index folder: app processes keep no state of
  their own, so several can serve one store, from its primary or a hot standby, behind a load balancer),
  --corpus / RAG_CORPUS_DIR, --llm-base-url / RAG_LLM_BASE_URL, --llm-model / RAG_LLM_MODEL,
  --max-upload-mb / RAG_MAX_UPLOAD_MB (each flag is also spelled as its field: --app-host, --index-dir...;
  `python app.py --help` lists them). Any other setting (k, mode...) by its RAG_* variable. With an existing
  index the app starts without loading the model (it loads in the background once the server is up); with
  none, it builds one first.

API (gradio_client): `Client(url).predict(question, api_name="/ask")` returns the answer as JSON
(text, mode, passages numbered as the [n] markers, notes); "/add_files" adds files to the library.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402
import contextvars  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import quote  # noqa: E402

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no calls home
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from rag.config import MAX_QUESTION_CHARS, Settings, add_flags, check_paths  # noqa: E402
from rag.ui.labels import KIND_PLURALS  # noqa: E402

EXAMPLES = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "What is the mechanism of action of pembrolizumab?",
    "What are the side effects of CAR T-cell therapy?",
    "Is high-dose interleukin-2 effective for metastatic renal cell carcinoma?",
]
# The source-type filter's choices: "PubMed abstracts", "Full-text articles", "Clinical trials", "NCI pages".
SOURCE_CHOICES = [(plural[0].upper() + plural[1:], kind) for kind, (_, plural) in KIND_PLURALS.items()]
STAGES = {"parsing": "Reading files", "chunking": "Cutting documents into passages",
          "outcomes": "Reading trial outcomes", "embedding": "Embedding passages"}
UNITS = {"parsing": "files", "chunking": "documents", "outcomes": "documents", "embedding": "passages"}

CSS = """
.gradio-container { max-width: 1500px !important; margin: 0 auto !important; }
#app-header h1 { font-size: 1.45rem; margin: 0 0 2px 0; font-weight: 650; letter-spacing: -0.01em; }
#app-header p { margin: 0; color: var(--body-text-color-subdued); font-size: 0.92rem; }
#status-line { font-size: 0.85rem; color: var(--body-text-color-subdued); }
#status-line p { margin: 0; }
#sources-title h3 { margin: 0 0 4px 0; font-size: 1.05rem; }
#chat .message-wrap .prose { font-size: 0.95rem; line-height: 1.5; }
#chat blockquote { border-left: 3px solid #d97706; background: rgba(217, 119, 6, 0.08); padding: 4px 10px;
                   margin: 8px 0; font-size: 0.88rem; }
#sources { max-height: calc(68vh + 150px); overflow-y: auto !important; padding-right: 6px; }
.src-panel a { padding: 0 !important; }
.src-panel { display: flex; flex-direction: column; gap: 10px; font-size: 0.9rem; line-height: 1.45; }
.src-summary { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.src-summary-abstain { color: #b45309; font-weight: 600; }
.src-empty { color: var(--body-text-color-subdued); padding: 28px 16px; text-align: center;
             border: 1px dashed var(--border-color-primary); border-radius: 10px; }
.src-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px;
            background: var(--block-background-fill); }
.src-card.src-cited { border-left: 4px solid #2563eb; }
.src-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 4px; }
.src-n { display: inline-flex; align-items: center; justify-content: center; min-width: 24px; height: 24px;
         padding: 0 6px; border-radius: 12px; background: #2563eb; color: #fff; font-weight: 700; font-size: 0.8rem; }
.src-card:not(.src-cited) .src-n { background: #9ca3af; }
.src-kind { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.04em; padding: 1px 7px;
            border-radius: 4px; font-weight: 600; }
.src-kind-abstract { background: #dbeafe; color: #1e40af; }
.src-kind-fulltext { background: #dcfce7; color: #166534; }
.src-kind-trial { background: #f3e8ff; color: #6b21a8; }
.src-kind-nci { background: #ffedd5; color: #9a3412; }
.src-kind-other { background: #e5e7eb; color: #374151; }
.src-evidence { font-size: 0.72rem; padding: 1px 7px; border-radius: 4px; font-weight: 600; border: 1px solid; }
.src-ev-l1 { background: #dcfce7; color: #14532d; border-color: #86efac; }
.src-ev-l2 { background: #ecfccb; color: #365314; border-color: #bef264; }
.src-ev-l3 { background: #fef9c3; color: #713f12; border-color: #fde047; }
.src-ev-l4, .src-ev-l5 { background: #ffedd5; color: #7c2d12; border-color: #fdba74; }
.src-ev-guidance { background: #e0f2fe; color: #0c4a6e; border-color: #7dd3fc; }
.src-ev-pre { background: #f3e8ff; color: #581c87; border-color: #d8b4fe; }
.src-ev-reg, .src-ev-unrated { background: #f3f4f6; color: #374151; border-color: #d1d5db; }
.src-notice { font-size: 0.72rem; padding: 1px 7px; border-radius: 4px; font-weight: 700; background: #dc2626;
              color: #fff; }
.src-support-ok { color: #15803d; }
.src-support-doubt { color: #dc2626; font-weight: 600; }
.src-uncited { font-size: 0.75rem; color: var(--body-text-color-subdued); font-style: italic; }
.src-sim { margin-left: auto; font-size: 0.75rem; color: var(--body-text-color-subdued); }
.src-title { font-weight: 650; font-size: 0.98rem; line-height: 1.3; margin: 2px 0; }
.src-title a { color: var(--body-text-color); text-decoration: none; }
.src-title a:hover { text-decoration: underline; color: #2563eb; }
.src-meta { color: var(--body-text-color-subdued); font-size: 0.85rem; }
.src-journal { font-style: italic; }
.src-links { font-size: 0.82rem; margin-top: 2px; }
.src-links a { color: #2563eb; text-decoration: none; }
.src-links a:hover { text-decoration: underline; }
.src-where { font-size: 0.8rem; color: var(--body-text-color-subdued); margin-top: 2px; }
.src-text { margin-top: 6px; white-space: pre-line; font-size: 0.88rem; padding: 6px 10px;
            background: var(--background-fill-secondary); border-radius: 6px; }
.src-text mark.cited { background: #fef08a; color: #1f2937; padding: 1px 2px; border-radius: 3px; }
.src-text mark.value { background: #bfdbfe; color: #1f2937; padding: 1px 2px; border-radius: 3px; }
.src-text mark.value:target { background: #f97316; color: #fff; outline: 2px solid #c2410c; }
.studies-table { margin: 6px 0 10px; overflow-x: auto; font-size: 0.84rem; }
.studies-table table { border-collapse: collapse; width: 100%; }
.studies-table th, .studies-table td { border: 1px solid #d1d5db; padding: 3px 6px; vertical-align: top; text-align: left; }
.studies-table .st-title { font-weight: 600; margin-bottom: 4px; }
.studies-table .st-disagree { color: #b45309; margin-top: 4px; }
.studies-table .st-foot { color: #6b7280; font-size: 0.78rem; margin-top: 3px; }
.dark .src-text mark.cited { background: #854d0e; color: #fefce8; }
.src-more, .src-rest { margin-top: 6px; }
.src-more summary, .src-rest summary { cursor: pointer; font-size: 0.82rem; color: #2563eb; }
.src-more-item { margin-top: 6px; padding-left: 8px; border-left: 2px solid var(--border-color-primary); }
.src-rest > .src-card { margin-top: 8px; }
#upload-result p, #upload-result li { font-size: 0.92rem; }
"""


# --- settings and the index ---------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The app's flags, generated from the settings (rag/config.py, add_flags): where, the language model, and
    the app's own (host, port, login, upload limit); each also RAG_<FIELD>."""
    p = argparse.ArgumentParser(description="Chat over the immunotherapy library (Gradio).")
    add_flags(p, "where", "llm", "app")
    return p.parse_args(argv)


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = Settings.from_args(args)
    if bool(settings.app_user) != bool(settings.app_password):
        raise ValueError("give both --user and --password (or RAG_APP_USER and RAG_APP_PASSWORD), or neither")
    return settings


def ensure_index(settings: Settings) -> None:
    """Build the index when there is none, or when it was built with other settings or by an older version (a new
    tokeniser or loader): otherwise every question would be refused. Only its keyword side is built here (seconds:
    parse, chunk, BM25), so that the app serves at once; serve() then embeds the passages in the background."""
    from rag.index import current_generation, read_manifest, shape_difference

    if settings.store_url:
        return  # a store is filled by `rag sync`
    gen = current_generation(settings.index_dir)
    if gen is None:
        why = f"No index in {settings.index_dir}: building it from {settings.corpus_dir} (first run only)."
    else:
        diff = shape_difference(read_manifest(gen).get("shape", {}), settings.index_shape())
        if not diff:
            return
        why = f"The index in {settings.index_dir} was built with other settings ({diff}): rebuilding it."
    from rag.build import build, tqdm_progress

    print(why, file=sys.stderr)
    report = build(settings, progress=tqdm_progress(), log=lambda m: print(m, file=sys.stderr), lexical_only=True)
    print(report.summary(), file=sys.stderr)


def _keyword_only(settings: Settings) -> bool:
    """Whether the index serves by keyword only (its vectors not embedded yet)."""
    from rag.index import current_generation, read_manifest

    gen = None if settings.store_url else current_generation(settings.index_dir)
    return gen is not None and bool(read_manifest(gen).get("dense_pending"))


_warm_lock = threading.Lock()
_warmed = threading.Event()


def warm_up(settings: Settings) -> None:
    """Load the index and the embedding model, once: started in the background when the server is up; a question
    or a build that comes first waits here instead of loading a second copy of the model."""
    if _warmed.is_set():
        return
    from rag.retrieve import get_searcher

    with _warm_lock:
        if not _warmed.is_set():
            searcher = get_searcher(settings)
            searcher.store  # noqa: B018  (loads FAISS, BM25, SQLite)
            searcher.embedder.encode_query("warm-up")
            _warmed.set()


def index_stats(settings: Settings) -> dict[str, Any] | None:
    """The index's figures for the status lines; for a keyword-only index, the background embedding's progress."""
    from rag.index import IndexNotFound
    from rag.retrieve import get_searcher
    from rag.ui.background import EMBEDDING

    try:
        stats = get_searcher(settings).store.stats()
    except IndexNotFound:
        return None
    if stats.get("dense_pending"):
        stats["embedding"] = EMBEDDING.snapshot()
    return stats


# --- the app ------------------------------------------------------------------------------------------------


def make_app(settings: Settings):
    """The Gradio app and its theme: a header with the library status, the Ask and Library tabs, their events."""
    import gradio as gr

    theme = _theme(gr)
    with gr.Blocks(title="Immunotherapy literature assistant", analytics_enabled=False) as demo:
        top = _header(gr)
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                ask_tab = _ask_tab(gr, settings)
            with gr.Tab("Library", id="library"):
                library_tab = _library_tab(gr, settings)
        _wire_events(gr, settings, demo, top, ask_tab, library_tab)
    return demo, theme


def _theme(gr):
    return gr.themes.Soft(
        primary_hue="blue", neutral_hue="slate",
        font=["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    )


def _header(gr) -> SimpleNamespace:
    """The title, the status line, and the state the Ask tab's events share."""
    gr.HTML('<div id="app-header"><h1>Immunotherapy literature assistant</h1>'
            '<p>Answers from the indexed papers, abstracts, trials and NCI pages; every sentence cites its '
            'source [n], shown on the right with the cited sentences highlighted.</p></div>')
    status = gr.Markdown("**Library:** loading…", elem_id="status-line")
    pending = gr.State("")
    year_range = gr.State([None, None])  # the library's (min, max) year, filled on page load
    # Ticks only while the index is keyword-only: the status lines follow the background embedding.
    ticker = gr.Timer(2.0, active=False)
    return SimpleNamespace(status=status, pending=pending, year_range=year_range, ticker=ticker)


def _ask_tab(gr, settings: Settings) -> SimpleNamespace:
    """The chat column (question, search settings, export) beside the sources column."""
    from rag.evidence import EVIDENCE_LEVELS
    from rag.ui.html import empty_sources_html

    llm_on = bool(settings.llm_base_url)
    llm_name = settings.llm_model or None
    types_all = [v for _, v in SOURCE_CHOICES]
    with gr.Row(equal_height=False):
        with gr.Column(scale=6, min_width=420):
            chatbot = gr.Chatbot(
                elem_id="chat", show_label=False, height="68vh", latex_delimiters=[],
                feedback_options=None, buttons=["copy", "copy_all"],
                examples=[{"text": q} for q in EXAMPLES],
                placeholder="**Ask about cancer immunotherapy research.** Answers cite the library's "
                            "passages as [n]; follow-up questions build on the conversation.",
            )
            with gr.Row(equal_height=True):
                msg = gr.Textbox(placeholder="Ask a question, e.g. What are the side effects of CAR T-cell therapy?",
                                 show_label=False, scale=8, lines=1, max_lines=4, autofocus=True,
                                 elem_id="question", max_length=MAX_QUESTION_CHARS)
                ask_btn = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask-button")
            with gr.Accordion("Search settings", open=False):
                with gr.Row():
                    k = gr.Slider(1, max(15, settings.k), value=settings.k, step=1, label="Passages to retrieve (k)",
                                  scale=2)  # up to RAG_K where it is set higher
                    year_from = gr.Number(label="From year", precision=0, value=None)
                    year_to = gr.Number(label="To year", precision=0, value=None)
                types = gr.CheckboxGroup(SOURCE_CHOICES, value=types_all, label="Source types")
                levels = gr.CheckboxGroup([(f"{level}: {what}", level) for level, what in EVIDENCE_LEVELS.items()],
                                          value=list(EVIDENCE_LEVELS), label="Evidence levels",
                                          elem_id="evidence-levels")
                use_llm = gr.Checkbox(value=llm_on, visible=llm_on,
                                      label=f"Write answers with the language model{f' ({llm_name})' if llm_name else ''}"
                                            f" (off: extracted sentences)")
                if not llm_on:
                    gr.Markdown("No language model is configured, so answers are sentences extracted from "
                                "the sources. Set `RAG_LLM_BASE_URL` (or `--llm-base-url`) to an "
                                "OpenAI-compatible endpoint to have a model write them.")
            with gr.Row(equal_height=True):
                clear = gr.Button("New conversation", size="sm", variant="secondary")
                export_format = gr.Dropdown([("Markdown", "markdown"), ("BibTeX", "bibtex"), ("RIS", "ris"),
                                             ("CSL-JSON", "csl"), ("CSV (studies table)", "csv")], value="markdown",
                                            show_label=False,
                                            container=False, elem_id="export-format", scale=1)
                export_btn = gr.Button("Export the last answer", size="sm", variant="secondary",
                                       elem_id="export-button")
            # Hidden until there is an export to download (empty, the box took 290 px), and again once the
            # conversation it came from is left.
            export_file = gr.File(label="Export (the answer with its references, identifiers, cited "
                                        "spans and index generation)", visible=False, interactive=False,
                                  elem_id="export-file", height=70)
        with gr.Column(scale=5, min_width=360):
            gr.Markdown("### Sources", elem_id="sources-title")
            sources = gr.HTML(empty_sources_html(), elem_id="sources")
    return SimpleNamespace(chatbot=chatbot, msg=msg, ask_btn=ask_btn, k=k, year_from=year_from, year_to=year_to,
                           types=types, levels=levels, use_llm=use_llm, clear=clear, export_format=export_format,
                           export_btn=export_btn, export_file=export_file, sources=sources)


def _library_tab(gr, settings: Settings) -> SimpleNamespace:
    """The library status, the upload of files to add, the re-scan of the corpus folder and the build report."""
    from rag.load import SUPPORTED_SUFFIXES
    from rag.ui.markdown import md_escape

    lib_status = gr.Markdown("**Library:** loading…")
    gr.Markdown(
        f"Add papers: PDF, PMC/JATS XML, PubMed exports (XML, MEDLINE `.nbib`/`.medline`, JSON lines), "
        f"Markdown, plain text, ClinicalTrials.gov JSON lines — up to {settings.max_upload_mb} MB each "
        f"(accepted: {', '.join(sorted(SUPPORTED_SUFFIXES))}). Files are copied into "
        f"`{md_escape(Path(settings.corpus_dir) / 'added')}` and indexed incrementally; questions keep "
        f"being answered meanwhile and use the new index once it is ready."
    )
    files = gr.File(label="Files to add", file_count="multiple", type="filepath", height=140)
    with gr.Row():
        add_btn = gr.Button("Add to the library", variant="primary")
        rescan_btn = gr.Button("Re-scan the corpus folder", variant="secondary")
    with gr.Accordion("Remove papers", open=False, elem_id="remove-papers"):
        gr.Markdown("Choose the corpus files to take out (or type an indexed id: PMID:…, DOI:…, NCT…). The files are "
                    "deleted from the corpus folder and the index is updated; a file holding several papers (a "
                    "PubMed export) goes whole.")
        remove_targets = gr.Dropdown(label="Files or ids to remove", multiselect=True, allow_custom_value=True,
                                     choices=[], elem_id="remove-targets")
        remove_btn = gr.Button("Remove from the library", variant="stop", elem_id="remove-button")
    result = gr.Markdown(elem_id="upload-result")
    with gr.Accordion("Build report", open=False):
        report_box = gr.Textbox(show_label=False, lines=10, max_lines=30, buttons=["copy"])
    return SimpleNamespace(lib_status=lib_status, files=files, add_btn=add_btn, rescan_btn=rescan_btn, result=result,
                           report_box=report_box, remove_targets=remove_targets, remove_btn=remove_btn)


def _wire_events(gr, settings: Settings, demo, top: SimpleNamespace, ask_tab: SimpleNamespace,
                 library_tab: SimpleNamespace) -> None:
    """What each control does, the page-load status, and the /ask, /add_files and /rescan API."""
    from rag.ui.html import empty_sources_html

    chat = _chat_actions(gr, settings, demo)
    library = _library_actions(gr, settings)
    a, lib = ask_tab, library_tab
    chat_inputs = [top.pending, a.chatbot, a.k, a.year_from, a.year_to, a.types, a.use_llm, top.year_range, a.levels]
    last_answer = gr.State(None)  # the last finished Answer, for the export
    no_export = gr.update(value=None, visible=False)  # the export box emptied and hidden
    for trigger in (a.msg.submit, a.ask_btn.click):
        # A new question: the export of the previous answer goes (the next export holds the new one).
        trigger(lambda m: ("", m, no_export), [a.msg], [a.msg, top.pending, a.export_file], queue=False,
                api_visibility="private").then(
            chat.respond, chat_inputs, [a.chatbot, a.sources, last_answer], show_progress="minimal",
            api_visibility="private")
    a.chatbot.example_select(chat.pick_example, None, [top.pending], queue=False, api_visibility="private").then(
        chat.respond, chat_inputs, [a.chatbot, a.sources, last_answer], show_progress="minimal",
        api_visibility="private")
    a.export_btn.click(chat.export_last, [last_answer, a.export_format], [a.export_file], api_visibility="private")
    a.clear.click(lambda: ([], empty_sources_html(), "", None, no_export), None,
                  [a.chatbot, a.sources, a.msg, last_answer, a.export_file], queue=False, api_visibility="private")
    statuses = [lib.result, lib.report_box, top.status, lib.lib_status]
    lib.add_btn.click(library.add_uploaded, [lib.files], statuses, api_name="add_files").then(
        lambda: None, None, [lib.files], queue=False, api_visibility="private").then(
        library.corpus_choices, None, [lib.remove_targets], queue=False, api_visibility="private")
    lib.rescan_btn.click(library.rescan, None, statuses, api_name="rescan").then(
        library.corpus_choices, [lib.remove_targets], [lib.remove_targets], queue=False, api_visibility="private")
    # Deleting files is asked once more in the browser; a cancel sends no targets, and nothing is removed.
    lib.remove_btn.click(library.remove, [lib.remove_targets], statuses, api_name="remove_files",
                         js="(targets) => (targets && targets.length && confirm('Delete ' + targets.length + "
                            "' file(s) from the corpus folder and update the index?')) ? [targets] : [[]]").then(
        library.corpus_choices, [lib.remove_targets], [lib.remove_targets], queue=False, api_visibility="private")
    demo.load(library.on_load, None, [top.status, lib.lib_status, a.year_from, a.year_to, top.year_range],
              api_visibility="private").then(library.follow_embedding, None, [top.status, lib.lib_status, top.ticker],
                                             queue=False, api_visibility="private")
    top.ticker.tick(library.follow_embedding, None, [top.status, lib.lib_status, top.ticker], queue=False,
                    api_visibility="private")
    demo.load(library.corpus_choices, None, [lib.remove_targets], api_visibility="private")
    gr.api(chat.ask, api_name="ask")
    _readable_arity_errors(demo)


def _readable_arity_errors(demo) -> None:
    """A call of an API endpoint (/ask) with too few values is told the arguments by name, in order: Gradio's
    own message ("needed: 8, got: 3") lists them as '<gradio.components.api_component.Api object at 0x...>'."""
    import inspect

    original = demo.validate_inputs

    def validate_inputs(block_fn, inputs):
        wanted = block_fn.inputs
        if (len(inputs) < len(wanted) and block_fn.fn is not None and block_fn.api_name
                and all(type(b).__name__ == "Api" for b in wanted)):
            names = list(inspect.signature(block_fn.fn).parameters)[:len(wanted)]
            raise ValueError(f"/{block_fn.api_name} takes {len(wanted)} values, in this order: {', '.join(names)} "
                             f"(null for a default); needed: {len(wanted)}, got: {len(inputs)}")
        return original(block_fn, inputs)

    demo.validate_inputs = validate_inputs


def _chat_actions(gr, settings: Settings, demo) -> SimpleNamespace:
    """The Ask tab's handlers (and the /ask API): answer with streaming, export, pick an example."""
    from rag import answer, answer_stream
    from rag.answer import EXTRACTIVE_NOTE, chat_messages
    from rag.evidence import EVIDENCE_LEVELS
    from rag.export import FORMATS, export
    from rag.retrieve import check_filters
    from rag.ui.html import empty_sources_html, sources_html
    from rag.ui.markdown import answer_markdown, md_escape, streaming_markdown

    llm_on = bool(settings.llm_base_url)
    llm_name = settings.llm_model or None
    corpus_root = Path(settings.corpus_dir).resolve()

    def local_links(ans) -> dict[str, str]:
        """Links to the local PDF (served by Gradio at the cited page) for passages of PDF files in the corpus."""
        out: dict[str, str] = {}
        for p in ans.passages:
            source_path = p.citation.source_path
            if p.doc_id in out or not source_path.lower().endswith(".pdf"):
                continue
            path = (corpus_root / source_path).resolve()
            if not path.is_file() or not path.is_relative_to(corpus_root):
                continue
            # Only the PDFs that get linked are served, not the whole corpus folder (an uploaded XML or Markdown
            # file served inline from this origin could carry script).
            if str(path) not in demo.allowed_paths:
                demo.allowed_paths.append(str(path))
            out[p.doc_id] = f"gradio_api/file={quote(str(path))}" + (f"#page={p.citation.page}" if p.citation.page else "")
        return out

    def filters_for(year_from, year_to, types, year_range, levels=None) -> dict[str, Any] | None:
        """The filters the controls ask for. A year bound left at the library's own range is no filter (a
        bound would leave out the undated documents)."""
        f: dict[str, Any] = {}
        years = [int(y) if y not in (None, "") else None for y in (year_from, year_to)]
        if years[0] and years[1] and years[0] > years[1]:
            years.reverse()
        low, high = year_range or (None, None)
        if years[0] and not (low and years[0] <= low):
            f["year_min"] = years[0]
        if years[1] and not (high and years[1] >= high):
            f["year_max"] = years[1]
        types = list(types or [])
        if not types:
            raise ValueError("choose at least one source type under Search settings")
        if set(types) != {v for _, v in SOURCE_CHOICES}:
            f["source_type"] = types
        levels = list(levels if levels is not None else EVIDENCE_LEVELS)
        if not levels:
            raise ValueError("choose at least one evidence level under Search settings")
        if set(levels) != set(EVIDENCE_LEVELS):
            f["evidence"] = levels
        return f or None

    def respond(message, history, k, year_from, year_to, types, use_llm, year_range, levels):
        message = " ".join((message or "").split())
        prior = chat_messages(history)
        if not message:
            yield prior, gr.skip()
            return
        chat = prior + [{"role": "user", "content": message},
                        {"role": "assistant", "content": "*Searching the library…*"}]
        yield chat, empty_sources_html("Searching the library…"), gr.skip()
        try:
            filters = filters_for(year_from, year_to, types, year_range, levels)
            warm_up(settings)
            for text, final in answer_stream(message, prior, k=int(k), settings=settings, filters=filters,
                                             use_llm=bool(use_llm) if llm_on else False):
                if final is None:
                    chat[-1]["content"] = streaming_markdown(text, llm_name)
                    yield chat, gr.skip(), gr.skip()
                else:
                    chat[-1]["content"] = answer_markdown(final, llm_name, EXTRACTIVE_NOTE)
                    yield chat, sources_html(final, local_links(final), llm_name), final
        except (ValueError, FileNotFoundError, RuntimeError) as err:
            chat[-1]["content"] = f"**Could not answer:** {md_escape(err)}"
            yield chat, empty_sources_html("No sources: the question could not be answered."), gr.skip()

    def export_last(final, fmt):
        """The last answer and its cited sources as a file to download (Markdown, BibTeX, RIS or CSL-JSON)."""
        if final is None:
            gr.Warning("Ask a question first: the export holds the last answer and its sources.")
            return gr.File(value=None, visible=False)
        folder = Path(tempfile.mkdtemp(prefix="rag-export-"))
        path = folder / f"answer.{FORMATS[fmt]}"
        path.write_text(export(final, fmt), encoding="utf-8")
        return gr.File(value=str(path), visible=True)

    def ask(question: str | None = None, k: int | None = 0, year_min: int | None = None, year_max: int | None = None,
            source_types: list[str] | None = None, use_llm: bool = False,
            history: list[dict] | None = None, evidence: list[str] | None = None) -> dict:
        """Answer a question: the answer text (with [n] markers), its mode ('extractive', 'llm', 'abstain') and
        notes, and the passages numbered as the markers, each with its citation, URL and, for a PDF in the
        library, file_url (the PDF served by this app, at the page). history: earlier messages {'role', 'content'}
        or (question, answer) pairs, for follow-ups. evidence: the evidence levels to search ('level 1'...'level 5',
        'guidance', 'preclinical', 'registration', 'unrated'; default all). Every argument is checked; a bad one is
        refused with the reason."""
        try:
            filters = check_filters({"year_min": year_min, "year_max": year_max, "source_type": source_types,
                                     "evidence": evidence})
            if use_llm not in (None, True, False, 0, 1):
                raise ValueError(f"use_llm must be true or false, got {use_llm!r}")
            messages = chat_messages(history)
            warm_up(settings)
            # k: not given (0), the k setting; else a whole number from 1 to MAX_K (rag/config.py: check_k).
            a = answer(question, messages, k=k, settings=settings, filters=filters, use_llm=bool(use_llm) and llm_on)
        except (ValueError, TypeError, FileNotFoundError, RuntimeError) as err:
            raise gr.Error(str(err)) from err  # the client gets the reason, not a bare "error"
        out = a.to_dict()
        links = local_links(a)
        for p in out["passages"]:
            p["file_url"] = links.get(p["doc_id"])  # the local PDF (relative to the app's URL), at the cited page
        return out

    def pick_example(evt):
        value = evt.value
        return value.get("text", "") if isinstance(value, dict) else str(value)

    pick_example.__annotations__["evt"] = gr.SelectData  # a real class: Gradio fills it by type

    return SimpleNamespace(respond=respond, export_last=export_last, ask=ask, pick_example=pick_example)


def _library_actions(gr, settings: Settings) -> SimpleNamespace:
    """The Library tab's handlers: status lines, adding uploaded files, removing papers, re-scanning the corpus."""
    from rag import add_files, build, remove_files
    from rag.build import BuildRefused
    from rag.load import SUPPORTED_SUFFIXES, discover
    from rag.ui.markdown import md_escape, report_markdown, status_markdown
    from rag.ui.uploads import upload_problem

    def refresh_status():
        stats = index_stats(settings)
        return status_markdown(stats, compact=True), status_markdown(stats)

    def on_load():
        """Status lines, and the year fields set to the library's range (left there, they filter nothing)."""
        stats = index_stats(settings)
        years = tuple((stats or {}).get("years") or (None, None))
        return (status_markdown(stats, compact=True), status_markdown(stats), years[0], years[1], list(years))

    def follow_embedding():
        """The status lines, and the ticker on while the index is keyword-only (its embedding under way)."""
        stats = index_stats(settings)
        pending = bool(stats and stats.get("dense_pending") and (stats.get("embedding") or {}).get("running"))
        return status_markdown(stats, compact=True), status_markdown(stats), gr.Timer(active=pending)

    def add_uploaded(files, progress=gr.Progress()):
        paths = [f if isinstance(f, str) else getattr(f, "path", None) or getattr(f, "name", "") for f in files or []]
        accepted, rejected = [], []
        for path in paths:
            problem = upload_problem(Path(path).name, os.path.getsize(path), settings.max_upload_mb, SUPPORTED_SUFFIXES)
            (rejected if problem else accepted).append(problem or path)
        if not accepted:
            if rejected:
                gr.Warning("Nothing was added: " + "; ".join(rejected))
            return report_markdown(None, rejected), "", *refresh_status()
        try:
            report = _run_build(progress, lambda prog, log: add_files(accepted, settings, progress=prog, log=log))
        except BuildRefused as err:  # the app's corpus is not the index's: say so, change nothing
            gr.Warning(f"Not indexed: {err}")
            return f"**Not indexed:** {md_escape(str(err))}", str(err), *refresh_status()
        return report_markdown(report, rejected), report.summary(), *refresh_status()

    def rescan(progress=gr.Progress()):
        try:
            report = _run_build(progress, lambda prog, log: build(settings, progress=prog, log=log))
        except BuildRefused as err:
            gr.Warning(f"Not rebuilt: {err}")
            return f"**Not rebuilt:** {md_escape(str(err))}", str(err), *refresh_status()
        return report_markdown(report), report.summary(), *refresh_status()

    def corpus_choices(chosen=None):
        """The corpus's files, as the remove list offers them (corpus-relative paths); of what was chosen, the
        files still there stay chosen (a cancelled removal keeps its choice)."""
        corpus = Path(settings.corpus_dir)
        files, _ = discover(corpus)
        choices = [str(f.relative_to(corpus)) for f in files]
        return gr.update(choices=choices, value=[c for c in chosen or [] if c in set(choices)])

    def remove(targets, progress=gr.Progress()):
        targets = [t for t in (targets or []) if str(t).strip()]
        if not targets:
            return "Choose the files (or ids) to remove first.", "", *refresh_status()
        try:
            report = _run_build(progress, lambda prog, log: remove_files(targets, settings, progress=prog, log=log))
        except (ValueError, BuildRefused) as err:  # a target that is no corpus file or id: nothing is deleted
            gr.Warning(f"Nothing was removed: {err}")
            return f"**Nothing was removed:** {md_escape(str(err))}", str(err), *refresh_status()
        return report_markdown(report), report.summary(), *refresh_status()

    def _run_build(progress, run):
        progress(0, desc="Loading the model…")
        warm_up(settings)  # one model load: a build started during the start-up warm-up would load a second copy
        progress(0, desc="Waiting for any other build to finish…")

        def on_progress(stage: str, done: int, total: int) -> None:
            progress((done, max(total, 1)), desc=STAGES.get(stage, stage), unit=UNITS.get(stage, "steps"))

        return run(on_progress, lambda msg: print(msg, file=sys.stderr))

    return SimpleNamespace(refresh_status=refresh_status, on_load=on_load, add_uploaded=add_uploaded, rescan=rescan,
                           corpus_choices=corpus_choices, remove=remove, follow_embedding=follow_embedding)


# --- the login ------------------------------------------------------------------------------------------------

# Which client is logging in: set for each /login request by the middleware below (Gradio gives the login
# function only the name and the password).
_login_client: contextvars.ContextVar[str] = contextvars.ContextVar("login_client", default="?")


class _ClientAddress:
    """ASGI middleware: the address of the client of each HTTP request, for the login function."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path", "").rstrip("/").endswith("/login"):
            _login_client.set((scope.get("client") or ("?", 0))[0])
        await self.app(scope, receive, send)


class LoginThrottle:
    """Wrong passwords from one client address are slowed down: the first FREE attempts that fail cost nothing,
    then each attempt waits its turn, FIRST seconds after the one before and twice as long each time, up to MOST
    (200 guesses took 2.1 s; now they take about an hour and a half). Attempts in flight count as failures until
    they are checked, so guesses sent in parallel queue up too; one that would wait more than GIVE_UP is refused
    unchecked. A right password clears the client's count."""

    FREE, FIRST, MOST, GIVE_UP, CLIENTS = 5, 0.5, 30.0, 120.0, 10_000

    def __init__(self, user: str, password: str):
        self.user, self.password = user, password
        self.failures: dict[str, int] = {}  # per client address: attempts that failed, and those in flight
        self.next_try: dict[str, float] = {}  # when the client's next attempt may be checked
        self.lock = threading.Lock()

    def wait(self, client: str) -> float | None:
        """Seconds this attempt waits before it is checked (it takes its turn: the next one comes after it, twice
        as long after); None: refused unchecked. Every call is followed by record()."""
        with self.lock:
            if client not in self.failures and len(self.failures) >= self.CLIENTS:  # many addresses: forget the oldest
                oldest = next(iter(self.failures))
                self.failures.pop(oldest)
                self.next_try.pop(oldest, None)
            n = self.failures.get(client, 0)
            self.failures[client] = n + 1  # in flight: counted as a failure until record() says otherwise
            if n < self.FREE:
                return 0.0
            now = time.monotonic()
            start = max(now, self.next_try.get(client, now + self.FIRST))
            if start - now > self.GIVE_UP:
                return None
            self.next_try[client] = start + min(self.FIRST * 2 ** (n + 1 - self.FREE), self.MOST)
            return start - now

    def record(self, client: str, ok: bool) -> None:
        with self.lock:
            if ok:
                self.failures.pop(client, None)
                self.next_try.pop(client, None)

    async def check(self, username: str, password: str) -> bool:
        """Gradio's login check: a coroutine function (Gradio awaits it; a waiting attempt holds no thread and
        blocks no other request). Given as the bound method: Gradio tells a coroutine function by inspection, and
        an object with an async __call__ would pass for a plain function whose every answer is true."""
        import asyncio
        import hmac

        client = _login_client.get()
        wait = self.wait(client)
        if wait is None:
            return False
        if wait:
            await asyncio.sleep(wait)
        ok = hmac.compare_digest(username.encode(), self.user.encode()) & \
            hmac.compare_digest(password.encode(), self.password.encode())
        self.record(client, ok)
        return ok


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        serve(args)
    except ModuleNotFoundError as err:
        extra = "postgres" if err.name and err.name.split(".")[0] in ("psycopg", "psycopg_pool", "pgvector") else None
        hint = f": pip install -e '.[{extra}]'" if extra else ""
        sys.exit(f"app.py: {err.name} is not installed{hint}")
    except (ValueError, FileNotFoundError, NotADirectoryError, RuntimeError) as err:
        sys.exit(f"app.py: {err}")
    except OSError as err:  # the port is taken, a folder cannot be written...
        if "port" in str(err).lower() or "address" in str(err).lower():
            where = settings_from_args(args)
            sys.exit(f"app.py: port {where.app_port} on {where.app_host} is taken (another app?): choose another "
                     f"with --port")
        sys.exit(f"app.py: {err}")


def serve(args: argparse.Namespace) -> None:
    from rag.index import current_generation

    settings = settings_from_args(args)
    check_paths(settings)  # a generation given as the index (a build would nest a new index inside it), a file...
    if not settings.store_url and not Path(settings.corpus_dir).is_dir() and current_generation(settings.index_dir) is None:
        raise FileNotFoundError(f"no index in {settings.index_dir} and no corpus folder at {settings.corpus_dir} "
                                f"to build one from: give --corpus DIR (or --index DIR of a built index)")
    ensure_index(settings)
    from starlette.middleware import Middleware

    demo, theme = make_app(settings)
    auth = LoginThrottle(settings.app_user, settings.app_password).check if settings.app_user else None
    if auth is None and settings.app_host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Warning: serving on {settings.app_host} without a login; set RAG_APP_USER and RAG_APP_PASSWORD.",
              file=sys.stderr)
    demo.queue(default_concurrency_limit=1)
    demo.launch(
        server_name=settings.app_host, server_port=settings.app_port, auth=auth,
        auth_message="Log in to the immunotherapy literature assistant." if auth else None,
        max_file_size=f"{settings.max_upload_mb * 2 + 16}mb",  # a hard cap; the Library tab explains the real limit
        theme=theme, css=CSS, ssr_mode=False, prevent_thread_lock=True, quiet=True,
        show_error=True,  # an API call with missing or malformed inputs gets Gradio's reason, not {"error": null}
        footer_links=["api", "settings"],
        app_kwargs={"middleware": [Middleware(_ClientAddress)]},  # the client's address, for the login throttle
    )
    print(f"Serving on http://{settings.app_host}:{settings.app_port} "
          f"(started in {time.perf_counter() - _STARTED:.1f} s; "
          f"index {settings.index_dir if not settings.store_url else settings.store_url.split('@')[-1]})",
          file=sys.stderr, flush=True)
    threading.Thread(target=warm_up, args=(settings,), daemon=True).start()
    if _keyword_only(settings):  # a first start (or one after a crash mid-embedding): the vectors, meanwhile
        from rag.ui.background import embed_in_background

        embed_in_background(settings)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
