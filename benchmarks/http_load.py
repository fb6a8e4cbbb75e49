"""HTTP load against the real gunicorn server with wrk (Debian package ``wrk``), on loopback.

    python benchmarks/http_load.py [--model DIR] [--duration 15] [--json OUT]

Runs, against ``python -m service`` on a free 127.0.0.1 port:
* single-sentence ``POST /v1/score`` at 1, 8 and 32 concurrent connections (p50/p95/p99, errors);
* ``POST /v1/score/batch`` throughput in sentences/s, beside the in-process throughput of
  ``score_texts`` on the same documents measured in the same run;
* with 1 worker and with 2 workers.
Targets (issue "Proof under load"): p99 < 25 ms at 8 clients; zero errors at 32 clients for
60 s (that run lasts 60 s whatever ``--duration``); batch throughput >= 50% of in-process.
"""
import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import finish  # noqa: E402

LUA = r"""
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, os.getenv("TARGET_PATH"), nil, bodies[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT {\"requests\": %d, \"seconds\": %.3f, \"non2xx\": %d, \"socket_errors\": %d, "
    .. "\"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f}\n",
    summary.requests, summary.duration / 1e6, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def corpus_sentences() -> list[str]:
    path = ROOT / "data" / "corpus.jsonl"
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def start_server(port: int, workers: int, model_dir) -> subprocess.Popen:
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "STANCE_WORKERS": str(workers),
           "STANCE_LOG_LEVEL": "warning"}
    if model_dir:
        env["STANCE_MODEL_DIR"] = str(model_dir)
    process = subprocess.Popen([sys.executable, "-m", "service"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not become ready")


def wrk(port: int, path: str, bodies_file: Path, script: Path, connections: int, seconds: int) -> dict:
    env = {**os.environ, "BODIES": str(bodies_file), "TARGET_PATH": path}
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", str(script), f"http://127.0.0.1:{port}"]
    output = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60).stdout
    match = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    result = json.loads(match.group(1))
    result["requests_per_s"] = round(result["requests"] / result["seconds"], 1)
    result["errors"] = result["non2xx"] + result["socket_errors"]
    return result


def batch_documents(sentences: list[str], rng: random.Random, documents=10, per_document=10) -> list[dict]:
    return [{"id": f"d{i}", "text": " ".join(s.rstrip(".") + "." for s in rng.sample(sentences, per_document))}
            for i in range(documents)]


def in_process_batch_throughput(model_dir, payloads: list[list[dict]], seconds: float = 5.0) -> float:
    from stance import load_model
    model = load_model(model_dir)
    model.score_texts([d["text"] for d in payloads[0]])
    scored, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for documents in payloads:
            scored += sum(len(r["sentences"]) for r in model.score_texts([d["text"] for d in documents]))
    return scored / (time.perf_counter() - started)


def run(model_dir=None, duration=15, worker_counts=(1, 2), concurrency=(1, 8, 32), long_run=60) -> dict:
    """wrk runs of ``duration`` s; the 32-client run on the most workers lasts ``long_run`` s."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    rng = random.Random(7)
    sentences = corpus_sentences()
    work = Path(tempfile.mkdtemp(prefix="stance-load-"))
    script = work / "post.lua"
    script.write_text(LUA, encoding="utf-8")
    singles = work / "singles.jsonl"
    chosen = rng.sample(sentences, min(500, len(sentences)))
    singles.write_text("\n".join(json.dumps({"text": s}, ensure_ascii=False) for s in chosen), encoding="utf-8")
    payloads = [batch_documents(sentences, rng) for _ in range(20)]
    batches = work / "batches.jsonl"
    batches.write_text("\n".join(json.dumps({"documents": p}, ensure_ascii=False) for p in payloads), encoding="utf-8")
    sentences_per_batch = 100  # 10 documents x 10 sentences
    results = {"in_process_sentences_per_s": round(in_process_batch_throughput(model_dir, payloads)), "servers": {}}
    for workers in worker_counts:
        port = free_port()
        server = start_server(port, workers, model_dir)
        try:
            wrk(port, "/v1/score", singles, script, 8, 3)  # warm-up
            figures = {f"single_c{c}": wrk(port, "/v1/score", singles, script, c,
                                           long_run if c == 32 and workers == max(worker_counts) else duration)
                       for c in concurrency}
            batch = wrk(port, "/v1/score/batch", batches, script, 4, duration)
            batch["sentences_per_s"] = round(batch["requests_per_s"] * sentences_per_batch)
            figures["batch_c4"] = batch
        finally:
            server.terminate()
            server.wait(timeout=30)
        results["servers"][f"{workers}_workers"] = figures
    shutil.rmtree(work)
    return results


def report_lines(results: dict) -> list[str]:
    in_process = results["in_process_sentences_per_s"]
    lines = [f"in-process score_texts: {in_process} sentences/s"]
    for name, figures in results["servers"].items():
        lines.append(f"gunicorn, {name.replace('_', ' ')}:")
        for key, f in figures.items():
            if key.startswith("single"):
                lines.append(f"  single sentence, {key[8:]:>3} clients, {f['seconds']:.0f} s: "
                             f"{f['requests_per_s']:8.1f} req/s  p50 {f['p50_ms']:.1f} p95 {f['p95_ms']:.1f} "
                             f"p99 {f['p99_ms']:.1f} ms  errors {f['errors']}")
        b = figures["batch_c4"]
        lines.append(f"  batch (10 docs x 10 sentences), 4 clients: {b['sentences_per_s']} sentences/s "
                     f"({b['sentences_per_s'] / in_process:.0%} of in-process)  errors {b['errors']}")
    return lines


def verdict(results: dict) -> list[tuple[str, str, str, bool]]:
    most = max(int(key.split("_")[0]) for key in results["servers"])
    best = results["servers"][f"{most}_workers"]
    c8, c32 = best["single_c8"], best["single_c32"]
    ratio = best["batch_c4"]["sentences_per_s"] / results["in_process_sentences_per_s"]
    return [
        (f"single-sentence p99 at 8 clients ({most} workers)", f"{c8['p99_ms']:.1f} ms, {c8['errors']} errors",
         "< 25 ms, 0 errors", c8["p99_ms"] < 25 and c8["errors"] == 0),
        (f"errors at 32 clients for {c32['seconds']:.0f} s ({most} workers)",
         f"{c32['errors']} of {c32['requests']} requests", "0 (60 s run)", c32["errors"] == 0 and c32["seconds"] >= 59),
        ("HTTP batch throughput vs in-process", f"{ratio:.0%}", ">= 50%", ratio >= 0.5),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the shipped model)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (default 15)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    results = run(args.model, args.duration)
    print("\n".join(report_lines(results)))
    return finish(results, verdict(results), args.json)


if __name__ == "__main__":
    sys.exit(main())
