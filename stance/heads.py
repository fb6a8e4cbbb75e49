"""Linear heads in plain numpy: one sparse-dense product, then a sigmoid or a softmax.

The trainer fits scikit-learn models (stance: ``LinearSVC`` per label calibrated with
``CalibratedClassifierCV``, sigmoid, ``ensemble=False``; sentiment: ``RidgeClassifier``
with a softmax temperature), then ``compile_stance_head`` / ``compile_sentiment_head`` copy out
their weights. Scoring then skips scikit-learn's per-call validation and the
per-label Python loops (a single sentence scores ~5x faster) and the pickle holds only
arrays. The stance probabilities equal scikit-learn's ``predict_proba``; the sentiment probabilities
are ``softmax(temperature * decision_function)`` (tests check both).
"""
import numpy as np
from scipy.special import expit, softmax


class CalibratedLinearHead:
    """Independent calibrated columns (one per stance label):
    ``p[:, k] = expit(-(slope[k] * (X @ coef[k] + intercept[k]) + offset[k]))``."""

    def __init__(self, coef, intercept, slope, offset):
        self.coef = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)  # (features, columns)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.slope = np.asarray(slope, dtype=np.float64)
        self.offset = np.asarray(offset, dtype=np.float64)

    def predict_proba(self, features) -> np.ndarray:
        scores = np.asarray(features @ self.coef) + self.intercept
        return expit(-(self.slope * scores + self.offset))


class SoftmaxLinearHead:
    """``p = softmax(X @ coef.T + intercept)`` (a binary model: ``[1 - p, p]``, ``p = expit``)."""

    def __init__(self, coef, intercept):
        self.coef = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)
        self.intercept = np.asarray(intercept, dtype=np.float64)

    def predict_proba(self, features) -> np.ndarray:
        scores = np.asarray(features @ self.coef) + self.intercept
        if scores.shape[1] == 1:
            positive = expit(scores)
            return np.hstack([1.0 - positive, positive])
        return softmax(scores, axis=1)


def _parts(calibrated) -> tuple:
    """Weights of a fitted ``CalibratedClassifierCV(LinearSVC, sigmoid, ensemble=False)``."""
    [fitted] = calibrated.calibrated_classifiers_
    svm = fitted.estimator
    slopes = [c.a_ for c in fitted.calibrators]
    offsets = [c.b_ for c in fitted.calibrators]
    return svm.coef_, svm.intercept_, slopes, offsets


def compile_stance_head(one_vs_rest) -> CalibratedLinearHead:
    """One independent calibrated column per label of a fitted ``OneVsRestClassifier``."""
    parts = [_parts(estimator) for estimator in one_vs_rest.estimators_]
    return CalibratedLinearHead(np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
                                [p[2][0] for p in parts], [p[3][0] for p in parts])


def compile_sentiment_head(linear, temperature: float = 1.0) -> SoftmaxLinearHead:
    """A fitted linear classifier (``RidgeClassifier``, ``LogisticRegression``: anything with
    ``coef_`` and ``intercept_``) whose scores times ``temperature`` are softmax logits."""
    coef = np.atleast_2d(linear.coef_)  # a binary model may keep a single row as a 1-d array
    return SoftmaxLinearHead(temperature * coef, temperature * np.atleast_1d(linear.intercept_))
