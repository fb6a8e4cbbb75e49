"""Every benchmark in one run: prints each figure with its target, writes JSON and a chart.

    python benchmarks/run_all.py [--model DIR] [--duration 15] [--out benchmarks/results]

Runs ``core_speed`` (text pipeline, scoring, actor overhead), ``baseline_compare`` (shipped
pipeline vs two plain scikit-learn pipelines), ``memory`` (worker RSS, cold start) and
``http_load`` (wrk against gunicorn, 1 and 2 workers). Takes about 6 minutes; needs
``data/corpus.jsonl`` and ``wrk``. Writes ``OUT/latest.json`` and ``OUT/latest.png``.
"""
import argparse
import json
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import baseline_compare, core_speed, http_load, memory  # noqa: E402


def chart(results: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, (speed, latency) = pyplot.subplots(1, 2, figsize=(11, 4))
    compare = results["baseline_compare"]
    names = ["shipped (both heads)", "plain baseline", "shipped + actors"]
    values = [compare["ours"]["sentences_per_s"], compare["baseline"]["sentences_per_s"],
              compare["ours"]["with_actors_and_formatting_sentences_per_s"]]
    speed.bar(names, values, color=["#2b6cb0", "#a0aec0", "#63b3ed"])
    speed.set_ylabel("sentences / s, one core")
    speed.set_title(f"In-process throughput ({compare['speedup']:.2f}x the baseline)", fontsize=10)
    for server, style in (("1_workers", "--"), ("2_workers", "-")):
        figures = results["http_load"]["servers"][server]
        clients = [1, 8, 32]
        for percentile, color in (("p50_ms", "#38a169"), ("p99_ms", "#e53e3e")):
            latency.plot(clients, [figures[f"single_c{c}"][percentile] for c in clients], style, color=color,
                         marker="o", label=f"{percentile[:3]} {server.replace('_', ' ')}")
    latency.axhline(25, color="grey", linewidth=0.8)
    latency.set_xscale("log", base=2)
    latency.set_xticks([1, 8, 32], ["1", "8", "32"])
    latency.set_xlabel("concurrent clients")
    latency.set_ylabel("ms")
    latency.set_title("Single-sentence latency over HTTP (gunicorn)", fontsize=10)
    latency.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    pyplot.close(figure)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the shipped model)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (the 32-client run: 60)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)
    results = {"machine": {"python": platform.python_version(), "processor": platform.machine(),
                           "cpus": __import__("os").cpu_count()},
               "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    rows = []
    for name, module, run in (
            ("core_speed", core_speed, lambda: core_speed.measure(args.model)),
            ("baseline_compare", baseline_compare, lambda: baseline_compare.measure(model_dir=args.model)),
            ("memory", memory, lambda: memory.measure(args.model)),
            ("http_load", http_load, lambda: http_load.run(args.model, args.duration))):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results[name] = run()
        rows += module.verdict(results[name])
    print("\n".join(http_load.report_lines(results["http_load"])))
    print()
    width = max(len(name) for name, *_ in rows)
    for name, value, target, met in rows:
        print(f"{name:<{width}}  {value:<40} target {target:<18} {'met' if met else 'NOT MET'}")
    results["verdict"] = [{"figure": n, "value": v, "target": t, "met": m} for n, v, t, m in rows]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    chart(results, args.out / "latest.png")
    print(f"\nwritten: {args.out / 'latest.json'}, {args.out / 'latest.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
