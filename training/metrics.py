"""Metrics for stance sets (multi-label, with ``none`` as its own class) and sentiment."""
import numpy as np

NONE = "none"


def prf(truth: np.ndarray, predicted: np.ndarray) -> dict:
    """Precision, recall, F1 and support of one binary decision."""
    true_positives = int(np.sum(truth & predicted))
    predicted_count, support = int(predicted.sum()), int(truth.sum())
    precision = true_positives / predicted_count if predicted_count else 0.0
    recall = true_positives / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": support}


def stance_metrics(true_sets, predicted_sets, labels) -> dict:
    """Per-label P/R/F1 over ``labels`` plus ``none`` (the empty set); macro-F1 over all of them."""
    per_label = {}
    for label in [*labels, NONE]:
        truth = np.array([_has(label, s) for s in true_sets], dtype=bool)
        predicted = np.array([_has(label, s) for s in predicted_sets], dtype=bool)
        per_label[label] = prf(truth, predicted)
    exact = np.mean([set(t) == set(p) for t, p in zip(true_sets, predicted_sets)]) if true_sets else 0.0
    return {"per_label": per_label,
            "macro_f1": round(float(np.mean([m["f1"] for m in per_label.values()])), 4),
            "exact_set_accuracy": round(float(exact), 4)}


def sentiment_metrics(truth, predicted, labels) -> dict:
    truth, predicted = np.array(truth), np.array(predicted)
    per_label = {label: prf(truth == label, predicted == label) for label in labels}
    return {"per_label": per_label,
            "macro_f1": round(float(np.mean([m["f1"] for m in per_label.values()])), 4),
            "accuracy": round(float(np.mean(truth == predicted)), 4) if len(truth) else 0.0}


def calibration(probabilities: np.ndarray, outcomes: np.ndarray, bins: int = 10) -> dict:
    """Brier score and expected calibration error (equal-width bins) of binary probabilities."""
    probabilities, outcomes = np.asarray(probabilities, float), np.asarray(outcomes, float)
    brier = float(np.mean((probabilities - outcomes) ** 2))
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probabilities, edges[1:-1]), 0, bins - 1)
    ece = sum(abs(probabilities[which == b].mean() - outcomes[which == b].mean()) * np.mean(which == b)
              for b in range(bins) if np.any(which == b))
    return {"brier": round(brier, 4), "ece": round(float(ece), 4)}


def stance_calibration(stance_probabilities, true_sets, labels) -> dict:
    return {label: calibration(stance_probabilities[:, column], [label in s for s in true_sets])
            for column, label in enumerate(labels)}


def sentiment_calibration(sentiment_probabilities, truth, labels) -> dict:
    """Multiclass Brier (mean over sentences of the summed squared error) and top-label ECE."""
    onehot = np.array([[t == label for label in labels] for t in truth], dtype=float)
    brier = float(np.mean(np.sum((sentiment_probabilities - onehot) ** 2, axis=1)))
    top = sentiment_probabilities.argmax(axis=1)
    top_ece = calibration(sentiment_probabilities.max(axis=1), onehot[np.arange(len(top)), top])["ece"]
    return {"brier": round(brier, 4), "ece": top_ece}


def confusion(truth: list[str], predicted: list[str]) -> dict:
    """Confusion counts between string categories: {"labels": [...], "matrix": rows=truth}."""
    categories = sorted(set(truth) | set(predicted), key=lambda c: (c != NONE, c))
    index = {c: i for i, c in enumerate(categories)}
    matrix = [[0] * len(categories) for _ in categories]
    for t, p in zip(truth, predicted):
        matrix[index[t]][index[p]] += 1
    return {"labels": categories, "matrix": matrix}


def set_name(labels) -> str:
    return "+".join(sorted(labels)) or NONE


def _has(label, labels) -> bool:
    return not labels if label == NONE else label in labels
