"""nbconvert executes a notebook on the kernel and exports it to HTML with Go highlighting."""
import pathlib
import subprocess

HERE = pathlib.Path(__file__).parent


def test_redefinition_notebook_exports_to_html(tmp_path):
    subprocess.run(
        ["/usr/bin/jupyter", "nbconvert", "--to", "html", "--execute",
         "--ExecutePreprocessor.timeout=60", "--output-dir", str(tmp_path),
         str(HERE / "testdata" / "redefine.ipynb")],
        check=True, timeout=180,
    )
    html = (tmp_path / "redefine.html").read_text()
    for expected in ["printed by cell one", "42", "hello, gopher", "bonjour, world"]:
        assert expected in html, f"{expected!r} missing from the exported HTML"
    assert "hl-go" in html, "Go code is not highlighted as Go"
    assert "hl-ipython3" not in html
