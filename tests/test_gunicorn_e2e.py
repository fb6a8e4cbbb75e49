"""End to end: the real gunicorn server (``python -m service``) on a free port."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow

ARTICLE = ("  أعربت الأمم المتحدة عن قلقها البالغ من تصاعد العنف في دارفور.\n"
           "وحث المبعوث الأممي الطرفين على وقف القتال فورا.,ونفى الجيش التقارير عن استهداف المدنيين")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(model_dir, port, **env):
    environment = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "STANCE_MODEL_DIR": str(model_dir),
                   "STANCE_WORKERS": "2", **env}
    return subprocess.Popen([sys.executable, "-m", "service"], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_ready(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.communicate()[0]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("server not ready in time")


def request(port, path, payload=None, headers=None):
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8") if payload is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as reply:
            return reply.status, dict(reply.headers), json.loads(reply.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read().decode("utf-8"))


@pytest.fixture
def server(tiny_model_dir):
    port = free_port()
    process = start_server(tiny_model_dir, port)
    try:
        wait_ready(port, process)
        yield port, process
    finally:
        if process.returncode is None:
            process.terminate()
            process.communicate(timeout=30)


def test_gunicorn_scores_an_article_with_offsets_into_the_submitted_text(server):
    port, _ = server
    status, headers, body = request(port, "/v1/score", {"text": ARTICLE}, {"X-Request-ID": "e2e-1"})
    assert status == 200 and headers["X-Request-ID"] == "e2e-1"
    assert len(body["sentences"]) == 3
    for sentence in body["sentences"]:
        assert ARTICLE[sentence["start"]:sentence["end"]] == sentence["text"]
    status, _, body = request(port, "/v1/score", {"text": ""})
    assert status == 422 and body["error"]["field"] == "text"
    assert request(port, "/healthz")[0] == 200


def test_sigterm_stops_the_server_cleanly(server):
    _, process = server
    process.terminate()
    log = process.communicate(timeout=30)[0]
    assert process.returncode == 0
    assert '"type": "access"' in log or "Shutting down" in log


def test_a_missing_model_stops_start_up_with_one_clear_message(tmp_path):
    process = start_server(tmp_path / "no-model", free_port())
    output = process.communicate(timeout=30)[0]
    assert process.returncode != 0
    assert f"cannot start: model directory {tmp_path / 'no-model'} does not exist" in output
    assert "Traceback" not in output


def test_a_tampered_model_stops_start_up(model_copy):
    path = model_copy / "model.joblib"
    path.write_bytes(path.read_bytes()[:-10])
    process = start_server(model_copy, free_port())
    output = process.communicate(timeout=30)[0]
    assert process.returncode != 0 and "failed verification" in output
