"""Compiled heads give scikit-learn's probabilities."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MultiLabelBinarizer

from stance.features import build_vectorizer
from stance.heads import compile_sentiment_head, compile_stance_head
from tests.conftest import TINY_CORPUS
from training.corpus import load_corpus
from training.fit import Hyperparameters, _fit_stance


@pytest.fixture(scope="module")
def fitted():
    corpus = load_corpus(TINY_CORPUS)
    vectorizer = build_vectorizer(min_df=1)
    features = vectorizer.fit_transform(corpus.texts)
    targets = MultiLabelBinarizer(classes=corpus.stance_labels).fit_transform([r["stance"] for r in corpus.records])
    params = Hyperparameters()
    stance = _fit_stance(features, targets, params)
    probe = vectorizer.transform(corpus.texts + ["نص لم يره النموذج", "", "تحذير من كارثة إنسانية"])
    return stance, (features, np.array([r["sentiment"] for r in corpus.records])), probe


def test_compiled_stance_head_equals_one_vs_rest_calibrated_svms(fitted):
    stance, _, probe = fitted
    np.testing.assert_allclose(compile_stance_head(stance).predict_proba(probe), stance.predict_proba(probe),
                               rtol=0, atol=1e-12)


def test_compiled_sentiment_head_equals_multinomial_and_binary_logistic_regression(fitted):
    _, (features, sentiments), probe = fitted
    for targets in (sentiments, sentiments == "negative"):
        logistic = LogisticRegression(C=5.0, class_weight="balanced", max_iter=2000).fit(features, targets)
        compiled = compile_sentiment_head(logistic).predict_proba(probe)
        # scikit-learn's logistic regression scores float32 input in float32: equal to ~1e-7
        np.testing.assert_allclose(compiled, logistic.predict_proba(probe), rtol=0, atol=1e-6)
        np.testing.assert_allclose(compiled.sum(axis=1), 1.0)
