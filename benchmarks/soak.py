"""Soak test (not in CI): 10 minutes of mixed traffic against gunicorn, watching memory.

    python benchmarks/soak.py [--minutes 10] [--workers 2] [--model DIR] [--json OUT]

wrk (8 connections) sends a random mix of single-article, pre-split and batch requests.
Worker memory (RSS, summed over workers) is sampled every 15 s; growth is measured from
the first sample after a one-minute warm-up to the end. Targets (issue "Proof under load"):
memory grows < 10%, no request fails.
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.http_load import batch_documents, corpus_sentences, free_port, start_server  # noqa: E402
from benchmarks.memory import memory_mb  # noqa: E402

LUA = r"""
local requests = {}
for line in io.lines(os.getenv("BODIES")) do
  local path, body = line:match("^(%S+) (.*)$")
  requests[#requests + 1] = {path, body}
end
math.randomseed(7)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local r = requests[math.random(#requests)]
  return wrk.format(nil, r[1], nil, r[2])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT {\"requests\": %d, \"non2xx\": %d, \"socket_errors\": %d, \"p99_ms\": %.2f}\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(99) / 1000))
end
"""


def mixed_requests(rng: random.Random) -> list[str]:
    sentences = corpus_sentences()
    lines = []
    for _ in range(300):
        kind = rng.random()
        if kind < 0.5:
            lines.append("/v1/score " + json.dumps({"text": " ".join(rng.sample(sentences, rng.randint(1, 12)))},
                                                   ensure_ascii=False))
        elif kind < 0.8:
            lines.append("/v1/score " + json.dumps({"sentences": rng.sample(sentences, rng.randint(1, 30))},
                                                   ensure_ascii=False))
        else:
            lines.append("/v1/score/batch " + json.dumps(
                {"documents": batch_documents(sentences, rng, rng.randint(1, 8), rng.randint(1, 10))},
                ensure_ascii=False))
    return lines


def worker_rss(master: int) -> float:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sum(memory_mb(int(pid))["rss_mb"] for pid in children)


def run(minutes: float, workers: int, model_dir=None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="stance-soak-"))
    (work / "mixed.lua").write_text(LUA, encoding="utf-8")
    (work / "bodies.txt").write_text("\n".join(mixed_requests(random.Random(5))), encoding="utf-8")
    port = free_port()
    server = start_server(port, workers, model_dir)
    seconds = int(minutes * 60)
    try:
        load = subprocess.Popen(["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s", "-s",
                                 str(work / "mixed.lua"), f"http://127.0.0.1:{port}"],
                                env={"BODIES": str(work / "bodies.txt"), "PATH": "/usr/bin:/bin"},
                                stdout=subprocess.PIPE, text=True)
        samples, started = [], time.monotonic()
        while load.poll() is None:
            time.sleep(15)
            if load.poll() is None:
                samples.append((round(time.monotonic() - started), worker_rss(server.pid)))
        output = load.communicate()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work)
    result = json.loads(re.search(r"^RESULT (.*)$", output, re.MULTILINE).group(1))
    after_warmup = next((rss for t, rss in samples if t >= 60), samples[0][1])
    return {"minutes": minutes, "workers": workers, **result,
            "rss_samples_mb": samples, "rss_after_warmup_mb": after_warmup, "rss_end_mb": samples[-1][1],
            "rss_growth": round(samples[-1][1] / after_warmup - 1, 4)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", help="model directory (default: the shipped model)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    figures = run(args.minutes, args.workers, args.model)
    failed = figures["non2xx"] + figures["socket_errors"]
    print(f"{figures['requests']} requests in {args.minutes} min, {failed} failed "
          f"(target 0: {'met' if failed == 0 else 'NOT MET'}); p99 {figures['p99_ms']:.1f} ms")
    print(f"worker RSS {figures['rss_after_warmup_mb']:.1f} MB after warm-up -> {figures['rss_end_mb']:.1f} MB "
          f"at the end: {figures['rss_growth']:+.1%} (target < 10%: "
          f"{'met' if figures['rss_growth'] < 0.10 else 'NOT MET'})")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
