"""nbconvert executes a notebook on the kernel and exports it to HTML with Go highlighting."""
import pathlib
import subprocess

HERE = pathlib.Path(__file__).parent


def export(name, out_dir):
    """Executes testdata/NAME.ipynb on the kernel and returns its HTML export."""
    subprocess.run(
        ["/usr/bin/jupyter", "nbconvert", "--to", "html", "--execute",
         "--ExecutePreprocessor.timeout=60", "--output-dir", str(out_dir),
         str(HERE / "testdata" / f"{name}.ipynb")],
        check=True, timeout=180,
    )
    return (out_dir / f"{name}.html").read_text()


def test_redefinition_notebook_exports_to_html(tmp_path):
    html = export("redefine", tmp_path)
    for expected in ["printed by cell one", "42", "hello, gopher", "bonjour, world"]:
        assert expected in html, f"{expected!r} missing from the exported HTML"
    assert "hl-go" in html, "Go code is not highlighted as Go"
    assert "hl-ipython3" not in html


def test_rich_outputs_survive_html_export(tmp_path):
    html = export("display", tmp_path)
    assert "30/30" in html, "the progress bar's final state is missing"
    assert 'id="exported-rect"' in html, "the SVG's content was lost in the export"
    assert "<h2" in html and "<em>markdown</em>" in html, "the Markdown was not rendered"
    assert "MainThread" in html or "Thread-1" in html, "the %%trace timeline is missing"
