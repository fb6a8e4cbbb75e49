"""Evaluation: out-of-fold predictions on topic-held-out and random splits, and scoring of a
fitted model on a labeled set (the real headlines), each beside the keyword baseline."""
from collections import Counter

import numpy as np
from sklearn.model_selection import GroupKFold, KFold

from stance.model import StanceModel
from training import metrics
from training.baseline import KeywordBaseline
from training.fit import fit_artifact


def topic_folds(corpus, folds: int):
    """Folds that hold out whole topics: no test topic is ever seen in training."""
    topics = [record["topic"] for record in corpus.records]
    splitter = GroupKFold(n_splits=min(folds, len(set(topics))))
    return list(splitter.split(corpus.texts, groups=topics))


def random_folds(corpus, folds: int, seed: int):
    return list(KFold(folds, shuffle=True, random_state=seed).split(corpus.texts))


def cross_predict(corpus, folds, params, progress=None, name="") -> list[dict]:
    """Score every record with a model fitted on the folds that do not contain it."""
    scored = [None] * len(corpus.records)
    for number, (train, test) in enumerate(folds, start=1):
        train_records = [corpus.records[i] for i in train]
        artifact = fit_artifact([r["text"] for r in train_records], [r["stance"] for r in train_records],
                                [r["sentiment"] for r in train_records], corpus.stance_labels, params)
        results = StanceModel(artifact).score_sentences([corpus.records[i]["text"] for i in test])
        for i, result in zip(test, results):
            scored[i] = result
        if progress:
            progress.step(f"{name} fold {number}/{len(folds)} fitted and scored")
    return scored


def evaluate_split(corpus, folds, params, progress=None, name="") -> dict:
    scored = cross_predict(corpus, folds, params, progress, name)
    report = score_report(corpus.records, scored, corpus.stance_labels, corpus.sentiment_labels)
    report["folds"] = len(folds)
    if name == "topic":
        report["held_out_topics"] = [sorted({corpus.records[i]["topic"] for i in test}) for _, test in folds]
    return report


def score_report(records, scored, stance_labels, sentiment_labels) -> dict:
    """Model metrics (with calibration, confusion, error types) and baseline metrics on records."""
    true_sets = [r["stance"] for r in records]
    true_sentiment = [r["sentiment"] for r in records]
    predicted_sets = [s["stance"]["labels"] for s in scored]
    predicted_sentiment = [s["sentiment"]["label"] for s in scored]
    stance_proba = np.array([[s["stance"]["scores"][label] for label in stance_labels] for s in scored])
    sentiment_proba = np.array([[s["sentiment"]["scores"][label] for label in sentiment_labels] for s in scored])
    baseline_sets, baseline_sentiment = KeywordBaseline(stance_labels, sentiment_labels).predict(
        [r["text"] for r in records])
    true_names = [metrics.set_name(s) for s in true_sets]
    predicted_names = [metrics.set_name(s) for s in predicted_sets]
    errors = Counter(f"{t} -> {p}" for t, p in zip(true_names, predicted_names) if t != p)
    return {
        "sentences": len(records),
        "model": {
            "stance": metrics.stance_metrics(true_sets, predicted_sets, stance_labels),
            "sentiment": metrics.sentiment_metrics(true_sentiment, predicted_sentiment, sentiment_labels),
            "stance_calibration": metrics.stance_calibration(stance_proba, true_sets, stance_labels),
            "sentiment_calibration": metrics.sentiment_calibration(sentiment_proba, true_sentiment,
                                                                   sentiment_labels),
            "stance_confusion": metrics.confusion(true_names, predicted_names),
            "sentiment_confusion": metrics.confusion(true_sentiment, predicted_sentiment),
            "stance_error_types": dict(errors.most_common(12)),
            "stance_errors": [{"id": r.get("id"), "true": t, "predicted": p}
                              for r, t, p in zip(records, true_names, predicted_names) if t != p],
        },
        "baseline": {
            "stance": metrics.stance_metrics(true_sets, baseline_sets, stance_labels),
            "sentiment": metrics.sentiment_metrics(true_sentiment, baseline_sentiment, sentiment_labels),
        },
    }
