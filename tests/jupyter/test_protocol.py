"""Protocol 5.5 as Debian's jupyter_client (a 5.3 client) sees it: the iopub_welcome of each
subscription, kernel_info on control as on shell, and no optional feature claimed."""
import pytest
from jupyter_client.manager import KernelManager

TIMEOUT = 30


@pytest.fixture
def km():
    km = KernelManager(kernel_name="concurlab")
    km.start_kernel()
    yield km
    km.shutdown_kernel(now=True)


@pytest.fixture
def connect(km):
    """Connects clients to the kernel, without waiting for it: the test sees every message."""
    clients = []

    def connect():
        kc = km.client()
        kc.start_channels()
        clients.append(kc)
        return kc

    yield connect
    for kc in clients:
        kc.stop_channels()


def test_the_first_subscriber_is_welcomed_then_sees_the_kernel_start(connect):
    kc = connect()
    welcome = kc.get_iopub_msg(timeout=TIMEOUT)
    assert welcome["msg_type"] == "iopub_welcome"
    assert welcome["content"] == {"subscription": ""}
    assert welcome["parent_header"] == {}
    assert welcome["header"]["version"] == "5.5"
    starting = kc.get_iopub_msg(timeout=TIMEOUT)
    assert (starting["msg_type"], starting["content"]) == ("status", {"execution_state": "starting"})


def test_every_subscriber_sees_a_new_ones_welcome(connect):
    first = connect()
    first.wait_for_ready(timeout=TIMEOUT)
    second = connect()
    assert second.get_iopub_msg(timeout=TIMEOUT)["msg_type"] == "iopub_welcome"
    msg = first.get_iopub_msg(timeout=TIMEOUT)
    assert (msg["msg_type"], msg["content"]) == ("iopub_welcome", {"subscription": ""})


@pytest.mark.parametrize("channel", ["shell", "control"])
def test_kernel_info_of_protocol_5_5(connect, channel):
    kc = connect()
    kc.wait_for_ready(timeout=TIMEOUT)
    request = kc.session.msg("kernel_info_request")
    getattr(kc, channel + "_channel").send(request)
    reply = getattr(kc, f"get_{channel}_msg")(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == request["header"]["msg_id"]
    assert reply["msg_type"] == "kernel_info_reply"
    content = reply["content"]
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.5"
    assert content["supported_features"] == []
    assert content.get("debugger", False) is False
