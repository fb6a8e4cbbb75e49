"""Memory and start-up: cold start (import + load + app) and resident memory of a worker.

    python benchmarks/memory.py [--model DIR] [--json OUT]

* cold start: a fresh interpreter imports the service, loads and verifies the model and
  builds the app (best of 3 runs, wall time measured inside the process);
* worker memory: gunicorn with ONE worker, after 2,000 scoring requests, the worker's RSS
  (all resident pages, counting those shared with the master) and PSS (shared pages split
  between the processes that map them).
Targets (issue "Proof under load"): worker RSS <= 250 MB; cold start <= 2 s.
"""
import argparse
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import finish  # noqa: E402

from benchmarks.http_load import corpus_sentences, free_port, start_server  # noqa: E402

RSS_TARGET_MB = 250
COLD_START_TARGET_S = 2.0
COLD_START = ("import time; t = time.perf_counter(); from service import create_app; "
              "app = create_app({{'MODEL_DIR': {model!r}}} if {model!r} else None); "
              "print(time.perf_counter() - t)")


def cold_start_seconds(model_dir=None, runs=3) -> float:
    code = COLD_START.format(model=str(model_dir) if model_dir else "")
    return min(float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                    check=True).stdout.strip()) for _ in range(runs))


def memory_mb(pid: int) -> dict:
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]}
    return {"rss_mb": round(fields["Rss"] / 1024, 1), "pss_mb": round(fields["Pss"] / 1024, 1)}


def worker_memory(model_dir=None, requests=2000) -> dict:
    port = free_port()
    server = start_server(port, 1, model_dir)
    try:
        sentences = corpus_sentences()
        for index in range(requests):
            body = json.dumps({"text": " ".join(sentences[index % len(sentences):][:5])}).encode("utf-8")
            request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/score", data=body,
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as reply:
                reply.read()
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        return {"worker": memory_mb(int(children[0])), "master": memory_mb(server.pid)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure(model_dir=None) -> dict:
    return {"cold_start_s": round(cold_start_seconds(model_dir), 3), **worker_memory(model_dir)}


def verdict(figures: dict) -> list[tuple[str, str, str, bool]]:
    worker = figures["worker"]
    return [("worker resident memory (1 worker, after 2,000 requests)",
             f"RSS {worker['rss_mb']} MB (PSS {worker['pss_mb']} MB)", f"<= {RSS_TARGET_MB} MB",
             worker["rss_mb"] <= RSS_TARGET_MB),
            ("cold start (import + verify + load + app)", f"{figures['cold_start_s']:.2f} s",
             f"<= {COLD_START_TARGET_S} s", figures["cold_start_s"] <= COLD_START_TARGET_S)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the shipped model)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = measure(args.model)
    return finish(figures, verdict(figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
