"""Compiled heads give scikit-learn's probabilities; the sentiment temperature is fitted right."""
import numpy as np
import pytest
from scipy.special import softmax
from sklearn.linear_model import LogisticRegression, RidgeClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from stance.features import build_vectorizer
from stance.heads import compile_sentiment_head, compile_stance_head
from tests.conftest import TINY_CORPUS
from training.corpus import load_corpus
from training.fit import Hyperparameters, _fit_stance, fit_temperature


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


def test_compiled_ridge_head_is_tempered_softmax_of_its_scores_and_keeps_its_decisions(fitted):
    _, (features, sentiments), probe = fitted
    for targets in (sentiments, sentiments == "negative"):
        ridge = RidgeClassifier(class_weight="balanced").fit(features, targets)
        compiled = compile_sentiment_head(ridge, temperature=2.5).predict_proba(probe)
        scores = ridge.decision_function(probe).reshape(probe.shape[0], -1)
        if scores.shape[1] == 1:
            scores = np.hstack([np.zeros_like(scores), scores])
        # float32 features: scikit-learn's scores are float32, equal to ~1e-7
        np.testing.assert_allclose(compiled, softmax(2.5 * scores, axis=1), rtol=0, atol=1e-6)
        np.testing.assert_array_equal(ridge.classes_[compiled.argmax(axis=1)], ridge.predict(probe))


@pytest.mark.parametrize("true_temperature", [0.5, 3.0])
def test_fit_temperature_recovers_the_temperature_that_generated_the_labels(true_temperature):
    rng = np.random.default_rng(7)
    scores = rng.normal(size=(20000, 3)) * 2.0
    classes = np.array(["negative", "neutral", "positive"])
    probabilities = softmax(true_temperature * scores, axis=1)
    truth = classes[[rng.choice(3, p=row) for row in probabilities]]
    assert fit_temperature(scores, truth, classes) == pytest.approx(true_temperature, rel=0.08)


def test_fit_temperature_handles_a_binary_model_single_score_column():
    rng = np.random.default_rng(3)
    scores = rng.normal(size=10000) * 2.0
    classes = np.array(["no", "yes"])
    truth = classes[(rng.random(10000) < 1 / (1 + np.exp(-1.5 * scores))).astype(int)]
    assert fit_temperature(scores, truth, classes) == pytest.approx(1.5, rel=0.1)
