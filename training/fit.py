"""Fitting both heads on one shared feature space, with per-label stance thresholds."""
from dataclasses import asdict, dataclass

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax
from sklearn.linear_model import RidgeClassifier
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from stance.features import build_vectorizer, compact_vectorizer
from stance.heads import compile_sentiment_head, compile_stance_head

THRESHOLD_GRID = np.round(np.arange(0.10, 0.91, 0.01), 2)


@dataclass(frozen=True)
class Hyperparameters:
    """Everything that shapes the fitted model; recorded in the manifest."""

    char_ngram_min: int = 2
    char_ngram_max: int = 4  # 2-4: held-out F1 as 2-5 (python -m training.select), 20% faster
    word_ngram_max: int = 0  # 0: character n-grams only
    min_df: int = 2
    max_features: int = 200_000
    stance_c: float = 0.5
    sentiment_alpha: float = 1.0  # ridge penalty of the sentiment head (scikit-learn's default)
    calibration_folds: int = 3
    threshold_folds: int = 4
    seed: int = 13

    def as_dict(self) -> dict:
        return asdict(self)


def fit_artifact(texts, stance_sets, sentiments, stance_labels, params: Hyperparameters) -> dict:
    """Fit vectorizer, stance and sentiment heads; return the artifact ``StanceModel`` wraps.

    The calibrated scikit-learn heads are compiled to ``stance.heads.CalibratedLinearHead``
    (same probabilities, plain arrays, much faster per call).
    """
    vectorizer = build_vectorizer(
        char_ngram_range=(params.char_ngram_min, params.char_ngram_max),
        word_ngram_range=(1, params.word_ngram_max) if params.word_ngram_max else None,
        min_df=params.min_df, max_features=params.max_features,
    )
    features = vectorizer.fit_transform(texts)
    targets = MultiLabelBinarizer(classes=stance_labels).fit_transform(stance_sets)
    thresholds = tune_thresholds(_out_of_fold_stance(features, targets, params), targets, stance_labels)
    stance_classifier = _fit_stance(features, targets, params)
    sentiments = np.asarray(sentiments)
    sentiment_classifier = _fit_sentiment(features, sentiments, params)
    temperature = fit_temperature(_out_of_fold_sentiment(features, sentiments, params), sentiments,
                                  sentiment_classifier.classes_)
    return {
        "format": 2,
        "vectorizer": compact_vectorizer(vectorizer),
        "stance_classifier": compile_stance_head(stance_classifier),
        "sentiment_classifier": compile_sentiment_head(sentiment_classifier, temperature),
        "stance_labels": list(stance_labels),
        "sentiment_labels": [str(label) for label in sentiment_classifier.classes_],
        "thresholds": thresholds,
    }


def tune_thresholds(probabilities, targets, labels) -> dict:
    """Per label, the probability threshold with the best F1 on out-of-fold predictions.

    Ties go to the threshold closest to 0.5, so flat regions do not drift to the extremes.
    """
    thresholds = {}
    for column, label in enumerate(labels):
        truth = targets[:, column].astype(bool)
        best = max(THRESHOLD_GRID, key=lambda t: (_f1(truth, probabilities[:, column] >= t), -abs(t - 0.5)))
        thresholds[label] = float(best)
    return thresholds


def _f1(truth, predicted) -> float:
    true_positives = np.sum(truth & predicted)
    denominator = truth.sum() + predicted.sum()
    return 2.0 * true_positives / denominator if denominator else 0.0


def fit_temperature(scores, truth, classes) -> float:
    """The factor ``t`` for which ``softmax(t * scores)`` has the lowest log loss on ``truth``.

    Temperature scaling keeps the classifier's decisions (the argmax) and only makes its
    scores usable as probabilities.
    """
    scores = _score_columns(scores)
    rows = np.arange(len(truth))
    columns = np.searchsorted(classes, truth)
    result = minimize_scalar(lambda t: -log_softmax(t * scores, axis=1)[rows, columns].mean(),
                             bounds=(1e-3, 1e3), method="bounded")
    return float(result.x)


def _score_columns(scores):
    """Decision scores with one column per class (a binary model's single column is ``[0, s]``)."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        return np.column_stack([np.zeros_like(scores), scores])
    return scores


def _fit_sentiment(features, sentiments, params):
    return RidgeClassifier(alpha=params.sentiment_alpha, class_weight="balanced").fit(features, sentiments)


def _out_of_fold_sentiment(features, sentiments, params):
    """Sentiment decision scores of every training record from a model that did not see it."""
    _, counts = np.unique(sentiments, return_counts=True)
    folds = StratifiedKFold(min(params.threshold_folds, int(counts.min())), shuffle=True, random_state=params.seed)
    scores = np.zeros((len(sentiments), max(len(counts), 2)))
    for train, test in folds.split(features, sentiments):
        scores[test] = _score_columns(_fit_sentiment(features[train], sentiments[train], params)
                                      .decision_function(features[test]))
    return scores


def _out_of_fold_stance(features, targets, params):
    """Stance probabilities of every training record from a model that did not see it."""
    probabilities = np.zeros(targets.shape, dtype=float)
    for train, test in KFold(params.threshold_folds, shuffle=True, random_state=params.seed).split(targets):
        probabilities[test] = _fit_stance(features[train], targets[train], params).predict_proba(features[test])
    return probabilities


def _fit_stance(features, targets, params):
    positives = targets.sum(axis=0)
    counts = [int(c) for c in positives] + [int(c) for c in len(targets) - positives]
    classifier = OneVsRestClassifier(_calibrated_svm(params.stance_c, _folds_for(counts, params), params.seed))
    return classifier.fit(features, targets)


def _folds_for(class_counts, params) -> int:
    """Calibration folds the rarest class can fill (fewer folds for small data, not a crash)."""
    rarest = min(class_counts)
    if rarest < 2:
        raise ValueError(f"too few examples to calibrate: a class has {rarest} record(s) in a training "
                         f"fold; give every label and class more examples")
    return min(params.calibration_folds, rarest)


def _calibrated_svm(c, folds, seed):
    return CalibratedClassifierCV(
        LinearSVC(C=c, class_weight="balanced", random_state=seed),
        method="sigmoid", cv=folds, ensemble=False,
    )
