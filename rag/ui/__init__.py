"""What the web app (app.py) shows, as pure functions with no Gradio in them (tested in tests/test_ui.py).

- ``labels``: the words for an answer's mode and a source's kind.
- ``claims``: which sentences of a source an answer's claims quote or paraphrase (what gets highlighted).
- ``html``: escaping and links for HTML, the sources panel (passage cards, badges, highlighted sentences).
- ``markdown``: Markdown escaping, the chat message of an answer, the library status line, the upload report.
- ``uploads``: whether an uploaded file can be added (its type and size).

Everything that comes from a document (titles, authors, passage text, identifiers, URLs) is untrusted: HTML is
built from escaped pieces only, links are kept only when they are http(s), and Markdown gets its special
characters escaped.
"""
