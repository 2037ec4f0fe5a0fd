"""A learner goes through every notebook in one kernel session, without restarting: names that
later notebooks declare again (a func that becomes a variable, a const with a new value) must
replace the earlier ones, and no cell may fail."""
import json
import pathlib

from jupyter_client.manager import start_new_kernel

NOTEBOOKS = sorted((pathlib.Path(__file__).parent.parent.parent / "notebooks").glob("*.ipynb"))


def test_all_notebooks_in_one_session():
    km, kc = start_new_kernel(kernel_name="concurlab")
    failures = []
    try:
        for path in NOTEBOOKS:
            for cell in json.loads(path.read_text())["cells"]:
                if cell["cell_type"] != "code":
                    continue
                code = "".join(cell["source"])
                msg_id = kc.execute(code, stop_on_error=False)
                reply = kc.get_shell_msg(timeout=120)
                while reply["parent_header"].get("msg_id") != msg_id:
                    reply = kc.get_shell_msg(timeout=120)
                content = reply["content"]
                if content["status"] != "ok":
                    failures.append(f"{path.name}: {code.splitlines()[0]!r}: {content.get('ename')}: {content.get('evalue')}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    assert NOTEBOOKS, "no notebooks found"
    assert not failures, "\n".join(failures)
