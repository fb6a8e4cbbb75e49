"""Model selection: topic-held-out macro-F1 of a few feature and regularization choices.

    python -m training.select [--data data/corpus.jsonl] [--folds 5]

Every candidate changes one setting of the defaults (``training.fit.Hyperparameters``) and is
scored on the same topic-held-out folds as the trainer's report, so the shipped defaults
can be checked against their neighbours: character n-gram ranges, word n-grams added or
not, min_df, the stance C and the sentiment ridge penalty.
"""
import argparse
import sys
from dataclasses import replace
from pathlib import Path

from training.corpus import CorpusError, load_corpus
from training.evaluate import evaluate_split, topic_folds
from training.fit import Hyperparameters

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (
    {}, {"char_ngram_min": 1, "char_ngram_max": 4}, {"char_ngram_min": 2, "char_ngram_max": 5},
    {"char_ngram_min": 3, "char_ngram_max": 5}, {"char_ngram_min": 2, "char_ngram_max": 6},
    {"word_ngram_max": 1}, {"word_ngram_max": 2}, {"min_df": 1}, {"min_df": 3},
    {"stance_c": 0.25}, {"stance_c": 1.0}, {"sentiment_alpha": 0.5}, {"sentiment_alpha": 2.0},
)


def select(corpus, folds: int, base: Hyperparameters = Hyperparameters()) -> list[dict]:
    """One row per candidate: its changes and topic-held-out stance and sentiment macro-F1."""
    splits = topic_folds(corpus, folds)
    rows = []
    for changes in CANDIDATES:
        report = evaluate_split(corpus, splits, replace(base, **changes))
        rows.append({"changes": changes or "defaults",
                     "stance_macro_f1": round(report["model"]["stance"]["macro_f1"], 4),
                     "sentiment_macro_f1": round(report["model"]["sentiment"]["macro_f1"], 4)})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.select", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "corpus.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.data)
    except CorpusError as error:
        print(f"training.select: {error}", file=sys.stderr)
        return 2
    print(f"{'candidate':<44}{'stance F1':>10}{'sentiment F1':>14}")
    for row in select(corpus, args.folds):
        print(f"{str(row['changes']):<44}{row['stance_macro_f1']:>10.4f}{row['sentiment_macro_f1']:>14.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
