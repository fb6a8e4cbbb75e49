"""``python -m training.corpus_report`` / ``stance-corpus``: counts and checks of a corpus.

Prints counts per stance label, stance set, sentiment, topic, actor and hard-case type,
the near-duplicate rate (share of records in a pair whose character 5-gram Jaccard
similarity is >= 0.8), and each corpus target with whether it is met.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from stance.normalize import normalize_text
from training.corpus import CorpusError, load_corpus
from training.metrics import set_name

ROOT = Path(__file__).resolve().parent.parent
NEAR_DUPLICATE_JACCARD = 0.8
TARGETS = {  # name: (description, minimum or maximum, is_maximum)
    "records": ("records", 2500, False),
    "pressure": ("records with pressure", 450, False),
    "concern": ("records with concern", 450, False),
    "denial": ("records with denial", 450, False),
    "none": ("records with no stance", 1000, False),
    "two_labels": ("records with two labels", 100, False),
    "min_sentiment_share": ("smallest sentiment class share", 0.20, False),
    "topics": ("topics", 20, False),
    "actors": ("distinct actors", 150, False),
    "hard": ("hard cases", 300, False),
    "source_target": ("stance records with a source or target", 400, False),
    "near_duplicate_rate": ("near-duplicate rate", 0.02, True),
}


def near_duplicates(texts: list[str], threshold: float = NEAR_DUPLICATE_JACCARD) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) of texts whose character 5-gram sets have Jaccard >= threshold."""
    if len(texts) < 2:
        return []
    grams = CountVectorizer(analyzer="char", ngram_range=(5, 5), binary=True, lowercase=False,
                            preprocessor=normalize_text).fit_transform(texts)
    sizes = np.asarray(grams.sum(axis=1)).ravel()
    shared = sparse.triu(grams @ grams.T, k=1).tocoo()
    jaccard = shared.data / (sizes[shared.row] + sizes[shared.col] - shared.data)
    keep = jaccard >= threshold
    return [(int(i), int(j), round(float(s), 3)) for i, j, s in zip(shared.row[keep], shared.col[keep], jaccard[keep])]


def corpus_statistics(records: list[dict]) -> dict:
    labels = Counter(label for r in records for label in r["stance"])
    sets = Counter(set_name(r["stance"]) for r in records)
    sentiment = Counter(r["sentiment"] for r in records)
    topics = Counter(r.get("topic", "?") for r in records)
    actors = Counter(actor for r in records for actor in r.get("actors", []))
    pairs = near_duplicates([r["text"] for r in records])
    in_pairs = {i for pair in pairs for i in pair[:2]}
    return {
        "records": len(records),
        "stance_labels": dict(labels.most_common()),
        "stance_sets": dict(sets.most_common()),
        "none": sets.get("none", 0),
        "two_labels": sum(len(r["stance"]) == 2 for r in records),
        "sentiment": dict(sentiment.most_common()),
        "sentiment_share": {k: round(v / len(records), 3) for k, v in sentiment.items()},
        "topics": {topic: {"records": count,
                           **Counter(label for r in records if r.get("topic", "?") == topic for label in r["stance"])}
                   for topic, count in sorted(topics.items())},
        "distinct_actors": len(actors),
        "top_actors": dict(actors.most_common(25)),
        "hard_cases": dict(Counter(r["hard"] for r in records if r.get("hard")).most_common()),
        "source_target": sum(bool(r["stance"]) and (r.get("source") is not None or r.get("target") is not None)
                             for r in records),
        "near_duplicate_pairs": [(records[i]["id"], records[j]["id"], s) for i, j, s in pairs],
        "near_duplicate_rate": round(len(in_pairs) / len(records), 4) if records else 0.0,
    }


def check_targets(stats: dict) -> dict:
    values = {
        "records": stats["records"], "none": stats["none"], "two_labels": stats["two_labels"],
        "pressure": stats["stance_labels"].get("pressure", 0), "concern": stats["stance_labels"].get("concern", 0),
        "denial": stats["stance_labels"].get("denial", 0),
        "min_sentiment_share": min(stats["sentiment_share"].values(), default=0.0),
        "topics": len(stats["topics"]), "actors": stats["distinct_actors"],
        "hard": sum(stats["hard_cases"].values()), "source_target": stats["source_target"],
        "near_duplicate_rate": stats["near_duplicate_rate"],
    }
    return {name: {"description": description, "value": values[name], "target": bound,
                   "met": values[name] < bound if is_maximum else values[name] >= bound}
            for name, (description, bound, is_maximum) in TARGETS.items()}


def render(stats: dict, targets: dict) -> str:
    lines = [f"records: {stats['records']}", "stance labels: " + _counts(stats["stance_labels"]),
             "stance sets: " + _counts(stats["stance_sets"]),
             "sentiment: " + ", ".join(f"{k} {v} ({stats['sentiment_share'][k]:.0%})" for k, v in stats["sentiment"].items()),
             "hard cases: " + _counts(stats["hard_cases"]),
             f"distinct actors: {stats['distinct_actors']}; most mentioned: " + _counts(stats["top_actors"]),
             f"topics ({len(stats['topics'])}):"]
    for topic, counts in stats["topics"].items():
        lines.append(f"  {topic:<16} " + _counts(counts))
    lines.append(f"near-duplicate pairs (char 5-gram Jaccard >= {NEAR_DUPLICATE_JACCARD}): "
                 f"{len(stats['near_duplicate_pairs'])}; rate {stats['near_duplicate_rate']:.2%}")
    for a, b, s in stats["near_duplicate_pairs"][:20]:
        lines.append(f"  {a} ~ {b} ({s})")
    lines.append("targets:")
    for name, t in targets.items():
        lines.append(f"  [{'met' if t['met'] else 'NOT MET'}] {t['description']}: {t['value']} "
                     f"({'<' if TARGETS[name][2] else '>='} {t['target']})")
    return "\n".join(lines)


def _counts(counter: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.items())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="stance-corpus", description="Counts and checks of an annotated corpus.")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "corpus.jsonl")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.data)
    except CorpusError as error:
        print(f"stance-corpus: {error}", file=sys.stderr)
        return 2
    stats = corpus_statistics(corpus.records)
    targets = check_targets(stats)
    print(json.dumps({"statistics": stats, "targets": targets}, ensure_ascii=False, indent=1) if args.json
          else render(stats, targets))
    return 1 if args.strict and not all(t["met"] for t in targets.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
