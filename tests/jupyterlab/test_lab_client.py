"""JupyterLab's own client library (@jupyterlab/services, run by node) drives the installed
kernelspec through a classic Notebook server, as the JupyterLab UI does (lab_client.mjs)."""
import os
import pathlib
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

HERE = pathlib.Path(__file__).resolve().parent
SERVER_START_TIMEOUT = 20
CLIENT_TIMEOUT = 40
NPM_TIMEOUT = 300


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def text_of(output):
    """Output of a subprocess that may be str, bytes (after a timeout) or None."""
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""


def answers(url, token):
    request = urllib.request.Request(f"{url}/api/status", headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def node_modules():
    """Installs the locked npm packages unless they are there already."""
    if not (HERE / "node_modules").is_dir():
        npm = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE,
                             capture_output=True, text=True, timeout=NPM_TIMEOUT)
        assert npm.returncode == 0, f"npm ci failed:\n{npm.stdout}\n{npm.stderr}"


@pytest.fixture
def notebook_server(tmp_path):
    """A Notebook server on a free port with a random token; yields (url, token), then stops it."""
    port, token = free_port(), secrets.token_hex(16)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    command = ["/usr/bin/jupyter", "notebook", "--no-browser", f"--port={port}",
               f"--NotebookApp.token={token}", "--NotebookApp.open_browser=False",
               "--NotebookApp.port_retries=0", f"--notebook-dir={notebooks}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"))
    log_path = tmp_path / "server.log"
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=notebooks, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not answers(url, token):
            assert server.poll() is None, f"the Notebook server exited:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, f"the Notebook server did not answer in {SERVER_START_TIMEOUT}s:\n{log_path.read_text()}"
            time.sleep(0.2)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_jupyterlab_client_drives_the_kernel(node_modules, notebook_server):
    url, token = notebook_server
    try:
        client = subprocess.run(["node", "lab_client.mjs", url, token], cwd=HERE,
                                capture_output=True, text=True, timeout=CLIENT_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"lab_client.mjs ran over {CLIENT_TIMEOUT}s:\n{text_of(e.stdout)}\n{text_of(e.stderr)}")
    output = f"{client.stdout}\n{client.stderr}"
    assert client.returncode == 0, f"lab_client.mjs exited {client.returncode}:\n{output}"
    assert "ok    shutdown:" in client.stdout, f"lab_client.mjs did not reach the last check:\n{output}"
