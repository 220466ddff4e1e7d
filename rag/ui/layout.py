"""The app's page: a header with the library status, the Ask tab (chat, search settings, export, the sources
panel) and the Library tab (status, uploads, removal, re-scan, the build report), and what each control does."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import gradio as gr

from ..config import MAX_QUESTION_CHARS, Settings
from ..study_type import EVIDENCE_LEVELS
from ..load import SUPPORTED_SUFFIXES
from .chat import SOURCE_CHOICES, ChatActions, readable_arity_errors
from .html import empty_sources_html
from .library import LibraryActions
from .markdown import md_escape
from .theme import theme

EXAMPLES = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "What is the mechanism of action of pembrolizumab?",
    "What are the side effects of CAR T-cell therapy?",
    "Is high-dose interleukin-2 effective for metastatic renal cell carcinoma?",
]


def make_app(settings: Settings):
    """The Gradio app and its theme: a header with the library status, the Ask and Library tabs, their events."""
    look = theme(gr)
    with gr.Blocks(title="Immunotherapy literature assistant", analytics_enabled=False) as demo:
        top = _header()
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                ask_tab = _ask_tab(settings)
            with gr.Tab("Library", id="library"):
                library_tab = _library_tab(settings)
        _wire_events(settings, demo, top, ask_tab, library_tab)
    return demo, look


def _header() -> SimpleNamespace:
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


def _ask_tab(settings: Settings) -> SimpleNamespace:
    """The chat column (question, search settings, export) beside the sources column."""

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
                                      label="Write answers with the language model"
                                            + (f" ({llm_name})" if llm_name else "") + " (off: extracted sentences)")
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


def _library_tab(settings: Settings) -> SimpleNamespace:
    """The library status, the upload of files to add, the re-scan of the corpus folder and the build report."""

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


def _wire_events(settings: Settings, demo, top: SimpleNamespace, ask_tab: SimpleNamespace,
                 library_tab: SimpleNamespace) -> None:
    """What each control does, the page-load status, and the /ask, /add_files and /rescan API."""
    chat = ChatActions(settings, demo)
    library = LibraryActions(settings)
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
    readable_arity_errors(demo)
