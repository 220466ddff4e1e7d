"""The app in a real browser: Debian's headless Chromium driven by Playwright (never Playwright's own download)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_app import PASSWORD, TIL_QUESTION, USER, shared_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
CITATION_URL = re.compile(r"^https://(pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov|doi\.org|www\.cancer\.gov|"
                          r"clinicaltrials\.gov)/")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(scripts/install-browser or `apt-get install chromium`)"),
]


@pytest.fixture(scope="module")
def app(settings, tmp_path_factory, pytestconfig):
    return shared_app(settings, tmp_path_factory, pytestconfig)


@pytest.fixture(scope="module")
def page(app):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(app.url)
        page.fill("input[type=text]", USER)  # Gradio's login page
        page.fill("input[type=password]", PASSWORD)
        page.click("button:has-text('Login')")
        page.wait_for_selector("#question textarea", timeout=30_000)
        yield page
        browser.close()


def ask(page, question: str, answers_before: int) -> None:
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    # Finished when the new answer carries its source list (written once the answer is final).
    page.wait_for_function(
        "n => [...document.querySelectorAll('#chat .bot')].filter(m => m.innerText.includes('Sources:')).length > n",
        arg=answers_before, timeout=90_000)


def test_question_answer_and_sources_panel(page, tmp_path):
    # Nothing exported yet: no export box (empty, it took 290 px).
    assert not page.locator("#export-file").is_visible()
    ask(page, TIL_QUESTION, 0)
    assert not page.locator("#export-file").is_visible()
    chat = page.inner_text("#chat")
    assert "Extracted answer (no language model)" in chat
    assert "[1]" in chat
    page.wait_for_selector("#sources .src-card")
    first = page.locator("#source-1")
    # The cited sentence (or the value the answer's first lines read from it) is highlighted in its passage.
    assert first.locator("mark.cited").count() + first.locator("mark.value").count() >= 1
    hrefs = [a.get_attribute("href") for a in page.locator("#sources .src-title a").all()]
    assert any(CITATION_URL.match(h or "") for h in hrefs), hrefs
    assert re.search(r"support check: all \d+ sentences found in their sources",
                     page.inner_text("#sources .src-summary"))
    badges = page.locator("#sources .src-evidence").all_text_contents()  # study type · evidence level on every source
    level = re.compile(r"· (level \d|guidance|preclinical|registration|unrated)$")
    assert badges and all(level.search(b) for b in badges), badges
    first_href = first.locator(".src-title a").get_attribute("href")
    assert first_href and (CITATION_URL.match(first_href) or first_href.startswith("gradio_api/file="))
    assert first.locator(".src-title a").get_attribute("target") == "_blank"

    shot = tmp_path / "app.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.exists() and shot.stat().st_size > 20_000
    from PIL import Image

    with Image.open(shot) as img:
        colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 500, "the screenshot is (nearly) one colour"


def test_the_last_answer_exports_with_its_references(page):
    page.click("#export-button")
    link = page.locator("#export-file a[download]").first
    link.wait_for(timeout=30_000)
    assert "answer.md" in page.inner_text("#export-file").replace("\n", "")
    with page.expect_download() as info:
        link.click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith(f"# {TIL_QUESTION}") and "## References" in text and re.search(r"gen-\d{6}", text)


def test_follow_up_question_uses_the_conversation(page):
    assert page.locator("#export-file").is_visible()  # the export of the first answer...
    ask(page, "and what about its toxicity?", 1)
    assert not page.locator("#export-file").is_visible()  # ...goes with the next question
    last = page.locator("#chat .bot").last.inner_text()
    assert re.search(r"Searched for: .*TIL", last), last


def test_evidence_filter_and_the_retraction_mark(app, page, tmp_path):
    """A retracted paper carries a red mark in the sources and the answer says so; the evidence-level control
    narrows the sources to the levels ticked."""
    from gradio_client import Client, handle_file

    from test_study_type import retracted_record

    upload = tmp_path / "retracted.jsonl"
    upload.write_text(retracted_record() + "\n", encoding="utf-8")
    Client(app.url, auth=(USER, PASSWORD), verbose=False).predict([handle_file(str(upload))], api_name="/add_files")
    answers = page.locator("#chat .bot").count()
    ask(page, "Is Miller Fisher syndrome associated with immunotherapy for metastatic melanoma?", answers)
    page.wait_for_selector("#sources .src-notice")
    assert "RETRACTED" in page.locator("#sources .src-notice").first.inner_text()
    assert "marked RETRACTED" in page.locator("#chat .bot").last.inner_text()

    page.get_by_text("Search settings").click()
    levels = page.locator("#evidence-levels input[type=checkbox]")
    levels.first.wait_for(state="visible", timeout=10_000)  # the accordion renders its contents on opening
    assert levels.count() == 9
    for i in range(levels.count()):  # keep only the trial registrations
        box = levels.nth(i)
        if box.is_checked() != (box.get_attribute("value") == "registration" or i == 7):
            box.click()
    ask(page, TIL_QUESTION, answers + 1)
    badges = page.locator("#sources .src-evidence").all_text_contents()
    assert badges and all(b.endswith("· registration") for b in badges), badges
    for i in range(levels.count()):
        if not levels.nth(i).is_checked():
            levels.nth(i).click()


def test_library_tab_shows_the_index_and_refuses_a_wrong_file_type(page, tmp_path):
    page.get_by_role("tab", name="Library").click()
    page.wait_for_function("() => /\\d+ documents/.test(document.body.innerText)", timeout=10_000)
    wrong = tmp_path / "slides.pptx"
    wrong.write_bytes(b"PK\x03\x04 slides")
    page.locator("input[type=file]").set_input_files(str(wrong))
    page.wait_for_selector("text=slides.pptx", timeout=10_000)
    page.click("button:has-text('Add to the library')")
    page.wait_for_selector("#upload-result :text('.pptx files are not accepted')", timeout=10_000)


IL2_QUESTION = "What response rates does high-dose IL-2 achieve in metastatic melanoma and renal cell carcinoma?"


def test_the_studies_table_links_each_value_to_its_marked_span(page):
    """A question about response rates: the answer leads with the extracted values, the sources panel opens with
    the studies table, and a click on a value shows its span, marked, in the source card."""
    page.get_by_role("tab", name="Ask").click()
    answers = page.locator("#chat .bot").count()
    ask(page, IL2_QUESTION, answers)
    last = page.locator("#chat .bot").last.inner_text()
    # (the paper gives complete and partial responses: their sum leads, said to be added up)
    assert re.search(r"added up here\) 7% \+ 10% = 17% \(melanoma\)", last), last
    page.wait_for_selector("#studies-table .st-value")
    cell = page.locator("#studies-table .st-value").first
    target = cell.get_attribute("href")
    assert target and target.startswith("#value-")
    mark = page.locator(f"mark.value[id='{target[1:]}']")
    assert mark.count() == 1 and "%" in mark.inner_text()
    assert cell.get_attribute("title") == mark.inner_text()  # the cell's span is the marked text
    assert "partial regression" in mark.inner_text()  # the sum's span holds both parts
    cell.click()
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=target[1:], timeout=10_000)
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(249, 115, 22)", colour  # the clicked value's span stands out
    assert mark.is_visible()


def test_new_conversation_clears_the_chat_the_sources_and_the_export(page):
    page.get_by_role("tab", name="Ask").click()
    page.wait_for_selector("#chat .bot", timeout=10_000)
    page.click("#export-button")
    page.locator("#export-file a[download]").first.wait_for(timeout=30_000)
    page.click("button:has-text('New conversation')")
    page.wait_for_function("() => document.querySelectorAll('#chat .bot').length === 0", timeout=10_000)
    page.locator("#export-file").wait_for(state="hidden", timeout=10_000)  # the last answer's export is gone
    assert page.locator("#sources .src-card").count() == 0


def test_a_paper_is_removed_from_the_library_tab_after_a_confirmation(app, page, tmp_path):
    from gradio_client import Client, handle_file

    upload = tmp_path / "removable-avelumab.md"
    upload.write_text((Path(__file__).parents[1] / "corpus" / "nci" / "about-cancer-treatment-drugs-avelumab.md")
                      .read_text(encoding="utf-8"), encoding="utf-8")
    Client(app.url, auth=(USER, PASSWORD), verbose=False).predict([handle_file(str(upload))], api_name="/add_files")
    page.reload()  # the remove list is filled when the page loads
    page.wait_for_selector("#question textarea", timeout=30_000)
    page.get_by_role("tab", name="Library").click()
    page.get_by_text("Remove papers").click()
    box = page.locator("#remove-targets input")
    box.wait_for(state="visible", timeout=10_000)
    # (the lists the page fills when it loads cover the box with a progress overlay until they are filled: on a busy
    # machine, with the added paper's build still running, that took over 30 s once)
    box.click(timeout=120_000)
    box.fill("removable-avelumab")
    page.get_by_role("option", name=f"added/{upload.name}").click()
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # cancelled: nothing happens
    page.click("#remove-button")
    page.wait_for_selector("#upload-result :text('Choose the files')", timeout=10_000)
    assert (app.corpus / "added" / upload.name).is_file() and "Delete 1 file(s)" in dialogs[0]

    page.once("dialog", lambda d: d.accept())
    page.click("#remove-button")
    page.wait_for_selector("#upload-result :text('Removed 1 file')", timeout=120_000)
    assert not (app.corpus / "added" / upload.name).exists()
