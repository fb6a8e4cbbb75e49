"""Calibrated linear heads in plain numpy: one sparse-dense product and a sigmoid per class.

The trainer fits scikit-learn ``LinearSVC`` models calibrated with ``CalibratedClassifierCV``
(sigmoid, ``ensemble=False``), then ``compile_stance_head`` / ``compile_sentiment_head``
copy out their weights. Scoring then skips scikit-learn's per-call validation and the
per-label Python loops (a single sentence scores ~5x faster) and the pickle holds only
arrays. The probabilities equal scikit-learn's ``predict_proba`` (a test checks it).
"""
import numpy as np
from scipy.special import expit


class CalibratedLinearHead:
    """``p[:, k] = expit(-(slope[k] * (X @ coef[k] + intercept[k]) + offset[k]))``.

    ``multiclass``: rows are renormalized to sum to 1 (scikit-learn's one-vs-rest
    calibration); ``binary``: one decision column gives [1 - p, p].
    """

    def __init__(self, coef, intercept, slope, offset, mode: str):
        self.coef = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)  # (features, columns)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.slope = np.asarray(slope, dtype=np.float64)
        self.offset = np.asarray(offset, dtype=np.float64)
        if mode not in ("independent", "multiclass", "binary"):
            raise ValueError(f"unknown head mode {mode!r}")
        self.mode = mode

    def predict_proba(self, features) -> np.ndarray:
        scores = np.asarray(features @ self.coef) + self.intercept
        probabilities = expit(-(self.slope * scores + self.offset))
        if self.mode == "binary":
            return np.hstack([1.0 - probabilities, probabilities])
        if self.mode == "multiclass":
            total = probabilities.sum(axis=1, keepdims=True)
            uniform = total == 0
            probabilities = np.where(uniform, 1.0 / probabilities.shape[1], probabilities / np.where(uniform, 1, total))
            probabilities[(probabilities > 1.0) & (probabilities <= 1.0 + 1e-5)] = 1.0
        return probabilities


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
                                [p[2][0] for p in parts], [p[3][0] for p in parts], "independent")


def compile_sentiment_head(calibrated) -> CalibratedLinearHead:
    coef, intercept, slopes, offsets = _parts(calibrated)
    return CalibratedLinearHead(coef, intercept, slopes, offsets, "binary" if len(calibrated.classes_) == 2
                                else "multiclass")
