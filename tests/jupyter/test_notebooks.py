"""The notebooks in notebooks/ follow the notes section by section: their structure, and each
one executed once per session through nbconvert on the installed kernel and exported to HTML,
with no errors, output from every code cell, and pictures that the HTML shows inline.

The kernel is installed by the caller and found through JUPYTER_PATH."""
import json
import pathlib
import re
import subprocess

import pytest

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
JUPYTER = "/usr/bin/jupyter"
CELL_TIMEOUT = 120  # seconds a cell may take under nbconvert
NOTEBOOK_TIMEOUT = 300  # seconds a whole notebook may take, kernel start included

# The notes' sections in their order: notebook, the notes' Chinese title, the English title.
SECTIONS = [
    ("01-threads", "线程", "Threads"),
    ("02-thread-names", "线程名称", "Thread names"),
    ("03-true-vs-time-sliced", "多线程实质", "What running threads really means"),
    ("04-shared-memory", "多线程", "Multithreading: shared code, data and files"),
    ("05-applications", "应用", "When threads help"),
    ("06-concepts", "概念", "Concepts: synchronous, asynchronous, blocking, non-blocking"),
    ("07-serial", "串行", "Serial execution"),
    ("08-gil", "GIL 锁", "The global interpreter lock"),
    ("09-atomic-thread-safety", "原子操作与线程安全", "Atomic operations and thread safety"),
    ("10-processes", "进程", "Processes"),
    ("11-message-queues", "消息队列", "Message queues"),
]
INDEX = "00-index"
SECTION_NAMES = [name for name, _, _ in SECTIONS]
ALL = [INDEX] + SECTION_NAMES
PICTURE_TYPES = ("image/svg+xml", "image/png")


def load(path):
    return json.loads(pathlib.Path(path).read_text())


def source(cell):
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def pictures(nb):
    """Every picture that nb's outputs hold, as (MIME type, content)."""
    found = []
    for cell in code_cells(nb):
        for out in cell.get("outputs", []):
            for mime in PICTURE_TYPES:
                if mime in out.get("data", {}):
                    content = out["data"][mime]
                    found.append((mime, content if isinstance(content, str) else "".join(content)))
    return found


def describe(cell):
    return source(cell).splitlines()[0] if source(cell) else "(empty cell)"


def test_a_notebook_for_every_section_and_no_other():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == ALL


@pytest.mark.parametrize("name,chinese,english", SECTIONS)
def test_heading_carries_the_notes_title_and_an_english_one(name, chinese, english):
    first = load(NOTEBOOKS / f"{name}.ipynb")["cells"][0]
    assert first["cell_type"] == "markdown"
    heading = source(first).splitlines()[0]
    assert heading == f"# {chinese} — {english}"


def test_index_links_every_section_in_the_notes_order():
    text = "\n".join(source(c) for c in load(NOTEBOOKS / f"{INDEX}.ipynb")["cells"])
    links = [f"[{chinese} — {english}]({name}.ipynb)" for name, chinese, english in SECTIONS]
    for link in links:
        assert link in text, f"the index lacks {link}"
    positions = [text.index(link) for link in links]
    assert positions == sorted(positions), "the index lists the sections out of the notes' order"


def test_index_says_how_to_export_html():
    text = "\n".join(source(c) for c in load(NOTEBOOKS / f"{INDEX}.ipynb")["cells"])
    assert "File → Save and Export Notebook As → HTML" in text
    assert "jupyter nbconvert --to html" in text


@pytest.mark.parametrize("name", ALL)
def test_committed_for_the_go_kernel_without_outputs(name):
    nb = load(NOTEBOOKS / f"{name}.ipynb")
    assert nb["metadata"]["kernelspec"] == {"name": "concurlab", "display_name": "Go (concur)", "language": "go"}
    assert nb["metadata"]["language_info"]["name"] == "go"
    for cell in code_cells(nb):
        assert cell["outputs"] == [] and cell["execution_count"] is None, \
            f"commit {name} without outputs (cell {describe(cell)!r})"


def markdown(nb):
    return [source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


PREDICT = "预测 · Predict"
MODEL = "模型与现实 · Model and reality"
PLAIN_GO = "纯 Go · Plain Go"
# Go's own primitives: a lesson shows at least one of them in its code.
NATIVE = re.compile(r"\bchan\b|<-|\bselect\s*\{|\bsync\.|\batomic\.|\bcontext\.|\bgo\s+func\b|\bruntime\.")
HINT = "<summary>提示 · Hint</summary>"
SOLUTION = "<summary>答案 · Solution</summary>"
CJK = re.compile(r"[\u4e00-\u9fff]")
GLOSSARY = [("并发", "concurrency"), ("并行", "parallelism"), ("串行", "serial"), ("同步", "synchronous"),
            ("异步", "asynchronous"), ("阻塞", "blocking"), ("非阻塞", "non-blocking"),
            ("时间片", "time slice"), ("原子操作", "atomic operation"), ("线程安全", "thread safety"),
            ("背压", "back-pressure"), ("削峰", "peak shaving"), ("解耦", "decoupling")]


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_lesson_opens_with_objectives_reading_time_and_the_notes_words(name):
    first = source(load(NOTEBOOKS / f"{name}.ipynb")["cells"][0])
    assert "## 学习目标 · What you will learn" in first
    assert re.search(r"阅读时间 · Reading time: 约 \d+ 分钟 · about \d+ min", first), \
        "the objectives state the reading time as '阅读时间 · Reading time: 约 N 分钟 · about N min'"
    assert re.search(r"^> ", first, re.M), "the notes' own words are quoted (a '> ' line)"


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_lesson_parts(name):
    nb = load(NOTEBOOKS / f"{name}.ipynb")
    text = "\n".join(markdown(nb))
    code = "\n".join(source(c) for c in code_cells(nb))
    assert text.count(PREDICT) >= 2, f"{name}: fewer than two '{PREDICT}' prompts"
    assert MODEL in text, f"{name}: no '{MODEL}' box"
    assert PLAIN_GO in text and NATIVE.search(code), f"{name}: no '{PLAIN_GO}' beside concur"
    assert "## 练习 · Exercises" in text
    assert text.count(HINT) >= 3 and text.count(SOLUTION) >= 3, \
        f"{name}: fewer than three exercises with a folded hint and solution"
    assert text.count("<details>") == text.count("</details>")


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_lesson_ends_with_a_summary_and_a_misconception(name):
    last = load(NOTEBOOKS / f"{name}.ipynb")["cells"][-1]
    assert last["cell_type"] == "markdown"
    assert source(last).startswith("## 小结 · Summary")
    assert "常见误解 · Common misconception" in source(last)


@pytest.mark.parametrize("name", ALL)
def test_no_svg_written_in_cells(name):
    for cell in code_cells(load(NOTEBOOKS / f"{name}.ipynb")):
        assert "<svg" not in source(cell), f"{name}: cell {describe(cell)!r} writes SVG by hand: use display or concur"


def test_index_has_the_learning_path_and_the_glossary():
    text = "\n".join(markdown(load(NOTEBOOKS / f"{INDEX}.ipynb")))
    assert "## 学习路线 · Learning path" in text and "分钟" in text and "min" in text
    glossary = text[text.index("## 术语表 · Glossary"):]
    for chinese, english in GLOSSARY:
        assert chinese in glossary and english in glossary.lower(), f"the glossary lacks {chinese} · {english}"


class Executions(dict):
    """Runs a notebook on the kernel through nbconvert, once, when a test first asks for it, and
    exports it to HTML; maps its name to (executed notebook, HTML text), or to the error that
    stopped it. Lazy, so that `pytest -k 03-` runs one notebook only."""

    def __init__(self, out):
        super().__init__()
        self.out = out

    def __missing__(self, name):
        out = self.out
        try:
            subprocess.run(
                [JUPYTER, "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                 f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}", "--output-dir", str(out),
                 str(NOTEBOOKS / f"{name}.ipynb")],
                check=True, timeout=NOTEBOOK_TIMEOUT, capture_output=True, text=True,
            )
            subprocess.run(
                [JUPYTER, "nbconvert", "--to", "html", "--output-dir", str(out), str(out / f"{name}.ipynb")],
                check=True, timeout=NOTEBOOK_TIMEOUT, capture_output=True, text=True,
            )
            self[name] = (load(out / f"{name}.ipynb"), (out / f"{name}.html").read_text())
        except subprocess.CalledProcessError as err:
            self[name] = RuntimeError(f"nbconvert failed on {name}:\n{err.stderr[-3000:]}")
        except subprocess.TimeoutExpired:
            self[name] = RuntimeError(f"{name} took longer than {NOTEBOOK_TIMEOUT} s")
        return self[name]


def reading_minutes(name):
    first = source(load(NOTEBOOKS / f"{name}.ipynb")["cells"][0])
    return int(re.search(r"阅读时间 · Reading time: 约 (\d+) 分钟", first).group(1))


def test_the_learning_path_states_each_lessons_reading_time():
    text = "\n".join(markdown(load(NOTEBOOKS / f"{INDEX}.ipynb")))
    for name, chinese, english in SECTIONS:
        row = next((line for line in text.splitlines() if f"({name}.ipynb)" in line and line.startswith("|")), None)
        assert row, f"the learning path has no row for {name}"
        minutes = reading_minutes(name)
        assert f"约 {minutes} 分钟 · about {minutes} min" in row, \
            f"the learning path gives {name} another time than the lesson's {minutes} min"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    return Executions(tmp_path_factory.mktemp("notebooks"))


def run_of(executed, name):
    result = executed[name]
    if isinstance(result, Exception):
        pytest.fail(str(result))
    return result


@pytest.mark.parametrize("name", ALL)
def test_runs_top_to_bottom_with_errors_only_where_tagged(executed, name):
    """A cell that shows an error on purpose carries the tag raises-exception (and does fail);
    every other cell runs without an error or stderr."""
    nb, _ = run_of(executed, name)
    for cell in code_cells(nb):
        failed = [out for out in cell["outputs"] if out["output_type"] == "error"]
        if "raises-exception" in tags(cell):
            assert failed, f"{name}, cell {describe(cell)!r} is tagged raises-exception but ran without an error"
            continue
        for out in failed:
            pytest.fail(f"{name}, cell {describe(cell)!r}: {out['ename']}: {out['evalue']}\n" + "\n".join(out["traceback"]))
        for out in cell["outputs"]:
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), \
                f"{name}, cell {describe(cell)!r} wrote to stderr: {out['text']}"


@pytest.mark.parametrize("name", ALL)
def test_every_code_cell_produces_output(executed, name):
    nb, _ = run_of(executed, name)
    silent = [describe(c) for c in code_cells(nb) if not c["outputs"]]
    assert not silent, f"{name}: cells without output: {silent}"


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_shows_a_picture_that_the_html_holds_inline(executed, name):
    nb, html = run_of(executed, name)
    found = pictures(nb)
    assert found, f"{name} shows no picture"
    for mime, content in found:
        if mime == "image/svg+xml":
            start = content[content.index("<svg"):][:200]
            assert start in html, (
                f"{name}: an SVG picture is missing from the HTML. nbconvert 6.5 (Debian 12) passes "
                "image/svg+xml through lxml's clean_html, which strips every element inside <svg>; a "
                "picture survives when its bundle also carries the markup as text/html")
        else:
            assert f"data:image/png;base64,{content.strip()[:64]}" in html, f"{name}: a PNG picture is missing from the HTML"


def cell_pictures(cell):
    return pictures({"cells": [cell]})


@pytest.mark.parametrize("name", SECTION_NAMES)
def test_two_pictures_each_predicted_with_labels_in_both_languages(executed, name):
    nb, _ = run_of(executed, name)
    found = pictures(nb)
    assert len(found) >= 2, f"{name} shows {len(found)} picture(s), a lesson needs two"
    for mime, content in found:
        if mime == "image/svg+xml":
            labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", content))
            assert CJK.search(labels) and re.search(r"[A-Za-z]{3}", labels), \
                f"{name}: a picture's labels are not in both languages: {labels[:200]!r}"
    predicted = False
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and PREDICT in source(cell):
            predicted = True
        elif cell["cell_type"] == "code" and cell_pictures(cell):
            assert predicted, f"{name}: the experiment {describe(cell)!r} has no '{PREDICT}' prompt before it"
            predicted = False
