"""A learner goes through every notebook in one kernel session, without restarting: names that
later notebooks declare again (a func that becomes a variable, a const with a new value) must
replace the earlier ones, no cell may fail but those that show an error on purpose (tagged
raises-exception), and those must fail. A tagged cell still waiting after TAGGED_WAIT seconds
is interrupted, as the learner would: in one long session a ticker of an earlier lesson may
be what keeps the kernel from calling a deadlock one (it says so on stderr)."""
import json
import pathlib
import queue

from jupyter_client.manager import start_new_kernel

NOTEBOOKS = sorted((pathlib.Path(__file__).parent.parent.parent / "notebooks").glob("*.ipynb"))
TAGGED_WAIT = 20


def reply_to(kc, msg_id, timeout):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def test_all_notebooks_in_one_session():
    km, kc = start_new_kernel(kernel_name="concurlab")
    failures = []
    try:
        for path in NOTEBOOKS:
            for cell in json.loads(path.read_text())["cells"]:
                if cell["cell_type"] != "code":
                    continue
                code = "".join(cell["source"])
                tagged = "raises-exception" in cell.get("metadata", {}).get("tags", [])
                msg_id = kc.execute(code, stop_on_error=False)
                if tagged:
                    try:
                        reply = reply_to(kc, msg_id, TAGGED_WAIT)
                    except queue.Empty:
                        km.interrupt_kernel()
                        reply = reply_to(kc, msg_id, 10)
                else:
                    reply = reply_to(kc, msg_id, 120)
                content = reply["content"]
                first = code.splitlines()[0] if code else ""
                if tagged and content["status"] == "ok":
                    failures.append(f"{path.name}: {first!r} is tagged raises-exception but ran without an error")
                if not tagged and content["status"] != "ok":
                    failures.append(f"{path.name}: {first!r}: {content.get('ename')}: {content.get('evalue')}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    assert NOTEBOOKS, "no notebooks found"
    assert not failures, "\n".join(failures)
