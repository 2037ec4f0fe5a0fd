"""jupyter_client drives the installed kernelspec: start, execute, interrupt, restart, shut down."""
import time

import pytest
from jupyter_client.manager import KernelManager

TIMEOUT = 30


def run(kc, code):
    """Executes code; returns the reply content and the iopub messages of that request."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], outputs
        outputs.append(msg)


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def result_of(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    return None


def assert_result(kc, code, want):
    reply, outputs = run(kc, code)
    assert reply["status"] == "ok", reply
    assert result_of(outputs) == want


@pytest.fixture
def kernel():
    km = KernelManager(kernel_name="concurlab")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=False)


def test_kernelspec_is_go(kernel):
    km, _ = kernel
    assert km.kernel_spec.language == "go"
    assert km.kernel_spec.display_name == "Go (concur)"
    assert km.kernel_spec.interrupt_mode == "message"


def test_execute_keeps_state(kernel):
    _, kc = kernel
    reply, _ = run(kc, "x := 20")
    assert reply["status"] == "ok"
    assert_result(kc, "x + 22", "42")


def test_interrupt_endless_loop_keeps_state(kernel):
    km, kc = kernel
    run(kc, "kept := 7")
    msg_id = kc.execute("for {\n}")
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    elapsed = time.monotonic() - started
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert elapsed < 5, f"interrupt took {elapsed:.2f}s"
    assert_result(kc, "kept * 6", "42")


def test_restart_gives_fresh_session(kernel):
    km, kc = kernel
    run(kc, "before := 1")
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, _ = run(kc, "before")
    assert reply["status"] == "error"
    reply, outputs = run(kc, 'import "fmt"\nfmt.Println("after restart")')
    assert reply["status"] == "ok"
    assert "after restart" in stdout_of(outputs)


def test_shutdown_ends_the_process(kernel):
    km, kc = kernel
    run(kc, "1")
    km.shutdown_kernel(now=False)
    assert not km.is_alive()
