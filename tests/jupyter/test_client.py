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


def test_everyday_go_in_one_session(kernel):
    """A learner's session through jupyter_client: a typo leaves the session as it was, and
    current Go (range over int, generics, the generic standard library, a pasted program)
    prints what go run prints."""
    _, kc = kernel
    reply, _ = run(kc, 'import ("fmt"; "maps"; "slices")\nn := 3')
    assert reply["status"] == "ok", reply
    reply, _ = run(kc, "m := n + nosuch")
    assert reply["status"] == "error"
    assert reply["ename"] == "CompileError"
    assert "undefined: nosuch" in reply["evalue"]
    assert_result(kc, "n + 1", "4")
    cells = [
        ("for i := range n {\n\tfmt.Print(i, \" \")\n}\nfmt.Println(min(n, 2))", "0 1 2 2\n"),
        ("func Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n"
         "fmt.Println(Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i, \"!\") }))", "[1! 2!]\n"),
        ('ages := map[string]int{"bo": 20, "al": 30}\nfmt.Println(slices.Sorted(maps.Keys(ages)))', "[al bo]\n"),
        ('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(helper())\n}\n\nfunc helper() string { return "below main" }', "below main\n"),
    ]
    for code, want in cells:
        reply, outputs = run(kc, code)
        assert reply["status"] == "ok", (code, reply)
        assert stdout_of(outputs) == want, code
