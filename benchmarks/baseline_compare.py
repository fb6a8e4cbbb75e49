"""The shipped model's pipeline against a plain scikit-learn baseline, in one run.

    python benchmarks/baseline_compare.py [--data data/corpus.jsonl] [--json OUT]

Baseline, written the usual way: two separate pipelines, one per head, each
``TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))`` + ``LinearSVC`` (one-vs-rest for the
multi-label stance head). Ours is the shipped pipeline with the shipped model's
hyperparameters (from its ``model.json``). Held-out macro-F1: both are cross-validated on the
same folds that hold out whole topics (as in the trainer's report). Throughput: both fitted
on the whole corpus, both heads on the same batches of 1,000 sentences, one core.
Target (issue "Proof under load"): ours >= 2x the baseline's sentences/s at equal or better
held-out macro-F1.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import finish  # noqa: E402

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import MultiLabelBinarizer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from stance.model import StanceModel  # noqa: E402
from training import metrics  # noqa: E402
from training.corpus import load_corpus  # noqa: E402
from training.evaluate import cross_predict, topic_folds  # noqa: E402
from stance.artifacts import DEFAULT_MODEL_DIR, read_manifest  # noqa: E402
from training.fit import Hyperparameters, fit_artifact  # noqa: E402

SPEEDUP_TARGET = 2.0


class PlainBaseline:
    """Two independent pipelines, one per head."""

    def __init__(self, stance_labels):
        self.binarizer = MultiLabelBinarizer(classes=stance_labels)
        self.stance = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                                    OneVsRestClassifier(LinearSVC()))
        self.sentiment = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                                       LinearSVC())

    def fit(self, texts, stance_sets, sentiments):
        self.stance.fit(texts, self.binarizer.fit_transform(stance_sets))
        self.sentiment.fit(texts, sentiments)
        return self

    def predict(self, texts):
        stance = [list(labels) for labels in self.binarizer.inverse_transform(self.stance.predict(texts))]
        return stance, list(self.sentiment.predict(texts))


def sentences_per_second(predict, batches, repeats=3) -> float:
    predict(batches[0])  # warm-up
    best = min(_timed(lambda: [predict(batch) for batch in batches]) for _ in range(repeats))
    return sum(map(len, batches)) / best


def _timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def shipped_hyperparameters(model_dir=None) -> Hyperparameters:
    return Hyperparameters(**read_manifest(model_dir or DEFAULT_MODEL_DIR)["hyperparameters"])


def measure(data=ROOT / "data" / "corpus.jsonl", model_dir=None, folds=5) -> dict:
    corpus = load_corpus(data)
    params = shipped_hyperparameters(model_dir)
    splits = topic_folds(corpus, folds)
    ours_scored = cross_predict(corpus, splits, params)
    base_stance, base_sentiment = [None] * len(corpus.records), [None] * len(corpus.records)
    for train, test in splits:
        baseline = PlainBaseline(corpus.stance_labels).fit(
            [corpus.records[i]["text"] for i in train], [corpus.records[i]["stance"] for i in train],
            [corpus.records[i]["sentiment"] for i in train])
        stance_sets, sentiments = baseline.predict([corpus.records[i]["text"] for i in test])
        for i, labels, sentiment in zip(test, stance_sets, sentiments):
            base_stance[i], base_sentiment[i] = labels, sentiment

    def f1(stance_sets, sentiments) -> dict:
        records = corpus.records
        return {"stance_macro_f1": round(metrics.stance_metrics([r["stance"] for r in records], stance_sets,
                                                                corpus.stance_labels)["macro_f1"], 4),
                "sentiment_macro_f1": round(metrics.sentiment_metrics([r["sentiment"] for r in records], sentiments,
                                                                      corpus.sentiment_labels)["macro_f1"], 4)}

    # speed: both fitted on the whole corpus, scored on the same batches, one core
    texts = corpus.texts
    ours = StanceModel(fit_artifact(texts, [r["stance"] for r in corpus.records],
                                    [r["sentiment"] for r in corpus.records], corpus.stance_labels, params))
    baseline = PlainBaseline(corpus.stance_labels).fit(texts, [r["stance"] for r in corpus.records],
                                                       [r["sentiment"] for r in corpus.records])
    rng = random.Random(3)
    batches = [[rng.choice(texts) for _ in range(1000)] for _ in range(4)]
    ours_speed = sentences_per_second(ours.predict_proba, batches)
    full_speed = sentences_per_second(ours.score_sentences, batches)
    base_speed = sentences_per_second(baseline.predict, batches)
    return {
        "sentences": len(corpus.records), "topic_folds": len(splits), "hyperparameters": params.as_dict(),
        "ours": {**f1([s["stance"]["labels"] for s in ours_scored], [s["sentiment"]["label"] for s in ours_scored]),
                 "sentences_per_s": round(ours_speed), "with_actors_and_formatting_sentences_per_s": round(full_speed)},
        "baseline": {**f1(base_stance, base_sentiment), "sentences_per_s": round(base_speed)},
        "speedup": round(ours_speed / base_speed, 2),
        "target_speedup": SPEEDUP_TARGET,
    }


def verdict(figures: dict) -> list[tuple[str, str, str, bool]]:
    """(figure, value, target, met) rows."""
    ours, base = figures["ours"], figures["baseline"]
    return [
        ("throughput vs plain baseline (both heads)", f"{figures['speedup']:.2f}x "
         f"({ours['sentences_per_s']} vs {base['sentences_per_s']} sentences/s)", f">= {SPEEDUP_TARGET}x",
         figures["speedup"] >= SPEEDUP_TARGET),
        ("held-out stance macro-F1, ours vs baseline", f"{ours['stance_macro_f1']:.3f} vs {base['stance_macro_f1']:.3f}",
         ">= baseline", ours["stance_macro_f1"] >= base["stance_macro_f1"]),
        ("held-out sentiment macro-F1, ours vs baseline",
         f"{ours['sentiment_macro_f1']:.3f} vs {base['sentiment_macro_f1']:.3f}", ">= baseline",
         ours["sentiment_macro_f1"] >= base["sentiment_macro_f1"]),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "corpus.jsonl")
    parser.add_argument("--model", help="model directory whose hyperparameters to use (default: the shipped model)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = measure(args.data, args.model)
    return finish(figures, verdict(figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
