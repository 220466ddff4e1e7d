"""The app's look: Gradio's Soft theme in the project's fonts, and the CSS of the chat, the sources panel, the
studies table and the Library tab."""

from __future__ import annotations

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
.studies-table th, .studies-table td { border: 1px solid #d1d5db; padding: 3px 6px;\
 vertical-align: top; text-align: left; }
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


def theme(gr):
    """The Gradio theme (given to launch(), with CSS)."""
    return gr.themes.Soft(
        primary_hue="blue", neutral_hue="slate",
        font=["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
              "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
    )
