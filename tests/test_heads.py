"""Compiled heads give exactly scikit-learn's calibrated probabilities."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MultiLabelBinarizer

from stance.features import build_vectorizer
from stance.heads import CalibratedLinearHead, compile_sentiment_head, compile_stance_head
from tests.conftest import TINY_CORPUS
from training.corpus import load_corpus
from training.fit import Hyperparameters, _calibrated_svm, _fit_stance


@pytest.fixture(scope="module")
def fitted():
    corpus = load_corpus(TINY_CORPUS)
    vectorizer = build_vectorizer(min_df=1)
    features = vectorizer.fit_transform(corpus.texts)
    targets = MultiLabelBinarizer(classes=corpus.stance_labels).fit_transform([r["stance"] for r in corpus.records])
    params = Hyperparameters()
    stance = _fit_stance(features, targets, params)
    sentiments = np.array([r["sentiment"] for r in corpus.records])
    sentiment = _calibrated_svm(0.5, 3, 13).fit(features, sentiments)
    binary = _calibrated_svm(0.5, 3, 13).fit(features, sentiments == "negative")
    probe = vectorizer.transform(corpus.texts + ["نص لم يره النموذج", "", "تحذير من كارثة إنسانية"])
    return stance, sentiment, binary, probe


def test_compiled_stance_head_equals_one_vs_rest_calibrated_svms(fitted):
    stance, _, _, probe = fitted
    np.testing.assert_allclose(compile_stance_head(stance).predict_proba(probe), stance.predict_proba(probe),
                               rtol=0, atol=1e-12)


def test_compiled_sentiment_head_equals_logistic_regression_and_calibrated_svms(fitted):
    _, sentiment, binary, probe = fitted
    texts_features = probe[:-3]
    labels = sentiment.predict(texts_features)
    logistic = LogisticRegression(C=5.0, class_weight="balanced", max_iter=2000).fit(texts_features, labels)
    two_class = LogisticRegression(C=5.0, max_iter=2000).fit(texts_features, labels == "negative")
    for classifier in (sentiment, binary, logistic, two_class):
        compiled = compile_sentiment_head(classifier).predict_proba(probe)
        # scikit-learn's logistic regression scores float32 input in float32: equal to ~1e-7
        np.testing.assert_allclose(compiled, classifier.predict_proba(probe), rtol=0, atol=1e-6)
        np.testing.assert_allclose(compiled.sum(axis=1), 1.0)


def test_unknown_head_mode_is_refused():
    with pytest.raises(ValueError, match="unknown head mode"):
        CalibratedLinearHead([[1.0]], [0.0], [1.0], [0.0], "softmax")
