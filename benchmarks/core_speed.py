"""In-process speed of the core, on one core: text pipeline MB/s and scoring sentences/s.

    python benchmarks/core_speed.py [--model DIR] [--data data/corpus.jsonl] [--json OUT]

Text: the corpus sentences joined into articles (several sentences a paragraph), ~2 MB.
Scoring: batches of 1,000 corpus sentences through ``score_sentences`` (both heads and actor
recognition), and the same with actor recognition switched off, for its overhead.
Targets: split + normalize >= 1 MB/s (issue "Core library"); scoring >= 5,000 sentences/s;
actor recognition adds <= 30% to scoring time (issue "Actors"). Scoring runs as in a gunicorn
worker: the loaded model frozen out of the garbage collector (``gc.freeze()``, as
``service/gunicorn_conf.pre_fork`` does); the overhead without freezing, and with the opt-in
extended gazetteer (``STANCE_GAZETTEER=extended``), is printed as well.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the targets say
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import finish  # noqa: E402

from stance import ActorMatcher, load_model, normalize_text, split_sentences  # noqa: E402

TEXT_TARGET_MB_S = 1.0
SCORING_TARGET = 5000
ACTOR_OVERHEAD_TARGET = 0.30  # actor recognition adds at most 30% to scoring time


def corpus_sentences(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def articles(sentences: list[str], megabytes: float, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    texts, size = [], 0
    while size < megabytes * 1e6:
        paragraphs = ["، ".join(rng.sample(sentences, 1)) + ". " + ". ".join(rng.sample(sentences, 3)) + "."
                      for _ in range(4)]
        text = "\n".join(paragraphs)
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def best_of(repeats: int, run) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def measure(model_dir=None, data=ROOT / "data" / "corpus.jsonl", repeats=5) -> dict:
    sentences = corpus_sentences(Path(data))
    texts = articles(sentences, 2.0)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def text_pipeline():
        for text in texts:
            for span in split_sentences(text):
                normalize_text(span.text)

    text_seconds = best_of(repeats, text_pipeline)
    model = load_model(model_dir)
    rng = random.Random(2)
    batches = [rng.sample(sentences, 1000) if len(sentences) >= 1000 else (sentences * 1000)[:1000]
               for _ in range(5)]
    model.score_sentences(batches[0])  # warm-up

    def scoring_times() -> tuple[float, float]:
        """Best time of all batches with and without actor recognition, the two interleaved
        so that drifts in machine load hit both alike."""
        def score_all():
            for batch in batches:
                model.score_sentences(batch)

        with_actors, without, gazetteer = [], [], model.actors
        for _ in range(repeats):
            with_actors.append(best_of(1, score_all))
            model.actors = ActorMatcher({})  # the same scoring, no actor recognition
            without.append(best_of(1, score_all))
            model.actors = gazetteer
        return min(with_actors), min(without)

    unfrozen_with, unfrozen_without = scoring_times()
    gc.freeze()  # as a gunicorn worker runs: the model is frozen before the fork
    scoring_seconds, without_actors = scoring_times()
    shipped, model.actors = model.actors, ActorMatcher.from_gazetteer("extended")  # opt-in list
    extended_with, extended_without = scoring_times()
    model.actors = shipped
    gc.unfreeze()
    return {
        "text_megabytes": round(megabytes, 2),
        "text_mb_per_s": round(megabytes / text_seconds, 2),
        "scoring_sentences_per_s": round(5000 / scoring_seconds),
        "scoring_without_actors_sentences_per_s": round(5000 / without_actors),
        "actor_overhead": round(scoring_seconds / without_actors - 1, 3),
        "actor_overhead_without_gc_freeze": round(unfrozen_with / unfrozen_without - 1, 3),
        "actor_overhead_extended_gazetteer": round(extended_with / extended_without - 1, 3),
    }


def verdict(figures: dict) -> list[tuple[str, str, str, bool]]:
    return [
        ("split + normalize, one core", f"{figures['text_mb_per_s']:.2f} MB/s", f">= {TEXT_TARGET_MB_S} MB/s",
         figures["text_mb_per_s"] >= TEXT_TARGET_MB_S),
        ("scoring, both heads + actors, batches of 1,000, one core",
         f"{figures['scoring_sentences_per_s']} sentences/s", f">= {SCORING_TARGET}",
         figures["scoring_sentences_per_s"] >= SCORING_TARGET),
        (f"actor recognition overhead on scoring (without gc.freeze: "
         f"{figures['actor_overhead_without_gc_freeze']:.0%}; opt-in extended gazetteer: "
         f"{figures['actor_overhead_extended_gazetteer']:.0%})", f"{figures['actor_overhead']:.0%}",
         f"<= {ACTOR_OVERHEAD_TARGET:.0%}", figures["actor_overhead"] <= ACTOR_OVERHEAD_TARGET),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model directory (default: the shipped model)")
    parser.add_argument("--data", default=ROOT / "data" / "corpus.jsonl")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = measure(args.model, args.data)
    return finish(figures, verdict(figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
