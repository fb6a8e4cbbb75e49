"""End to end: the real gunicorn server (``python -m service``) on a free port."""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


def open_partial_request(port, body: bytes, sent: int) -> socket.socket:
    """A POST /v1/score whose body is sent only up to ``sent`` bytes."""
    client = socket.create_connection(("127.0.0.1", port), timeout=30)
    client.sendall(b"POST /v1/score HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                   b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:sent])
    return client


def read_reply(client: socket.socket) -> tuple[int, str]:
    """Read one HTTP reply from ``client``, then close it."""
    data = b""
    with client:
        while chunk := client.recv(65536):
            data += chunk
            head, separator, rest = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?i)content-length: *(\d+)", head) if separator else None
            if length and len(rest) >= int(length.group(1)):
                break
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2].decode("utf-8")


def test_sigterm_lets_an_in_flight_request_finish(server):
    port, process = server
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("utf-8")
    client = open_partial_request(port, body, 20)
    time.sleep(0.5)  # the request is accepted and being read by a worker
    process.terminate()
    time.sleep(0.5)
    client.sendall(body[20:])
    status, reply = read_reply(client)
    assert status == 200 and len(json.loads(reply)["sentences"]) == 3
    process.communicate(timeout=30)
    assert process.returncode == 0


def worker_pids(master: int) -> set[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return {int(pid) for pid in children}


def test_a_killed_worker_is_replaced_and_the_service_keeps_answering(server):
    port, process = server
    assert wait_for(lambda: len(worker_pids(process.pid)) == 2)
    victim = min(worker_pids(process.pid))
    os.kill(victim, signal.SIGKILL)
    for _ in range(50):  # answers while the master replaces the worker
        assert request(port, "/v1/score", {"sentences": ["نفت موسكو التقارير"]})[0] == 200
    assert wait_for(lambda: victim not in worker_pids(process.pid) and len(worker_pids(process.pid)) == 2)


def wait_for(condition, seconds=20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_slow_clients_time_out_and_cannot_starve_the_server(tiny_model_dir):
    port = free_port()
    process = start_server(tiny_model_dir, port, STANCE_BODY_TIMEOUT="2")
    try:
        wait_ready(port, process)
        body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("utf-8")
        stalled = [open_partial_request(port, body, 5) for _ in range(12)]  # more than 2 workers x 4 threads
        time.sleep(0.3)
        started = time.monotonic()
        assert request(port, "/v1/score", {"text": ARTICLE})[0] == 200
        assert time.monotonic() - started < 8
        for client in stalled:  # each stalled body gets a 408 after the body timeout
            status, reply = read_reply(client)
            assert status == 408 and json.loads(reply)["error"]["code"] == "request_timeout"
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_an_oversized_body_is_refused_before_it_is_read(server):
    port, _ = server
    client = socket.create_connection(("127.0.0.1", port), timeout=10)
    client.sendall(b"POST /v1/score HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                   b"Content-Length: 50000000\r\n\r\n{\"text\": \"")
    status, reply = read_reply(client)
    assert status == 413 and "1000000 bytes" in json.loads(reply)["error"]["message"]


def test_a_bad_user_gazetteer_stops_start_up_naming_file_and_line(tiny_model_dir, tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("# ok\nacme\torganization\n", encoding="utf-8")
    process = start_server(tiny_model_dir, free_port(), STANCE_GAZETTEER=str(mine))
    output = process.communicate(timeout=30)[0]
    assert process.returncode == 3
    assert f"cannot start: {mine}:2: expected 5 tab-separated fields" in output and "Traceback" not in output
