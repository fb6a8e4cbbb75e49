"""The compiled TF-IDF transform gives scikit-learn's matrix."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.features import CompiledTfidf, build_vectorizer
from tests.conftest import TINY_CORPUS
from training.corpus import load_corpus

PROBES = ["", "   ", "\n\t", "نص لم يره النموذج", "Ù…Ø±Ø­Ø¨Ø§", "أ", "طالبت الأمم المتحدة طالبت الأمم المتحدة",
          "😀 🚀", "ـــ", "WHO warns", "١٢٣ 456"]


@pytest.fixture(scope="module", params=[None, (1, 2)], ids=["characters", "characters+words"])
def fitted(request):
    vectorizer = build_vectorizer(word_ngram_range=request.param, min_df=1)
    vectorizer.fit(load_corpus(TINY_CORPUS).texts)
    return vectorizer


def assert_same_matrix(vectorizer, texts):
    expected = vectorizer.transform(texts)
    compiled = CompiledTfidf(vectorizer).transform(texts)
    assert compiled.shape == expected.shape
    assert compiled.dtype == expected.dtype
    np.testing.assert_allclose(compiled.toarray(), expected.toarray(), rtol=0, atol=1e-6)


def test_compiled_transform_equals_scikit_learn_on_corpus_and_odd_texts(fitted):
    assert_same_matrix(fitted, load_corpus(TINY_CORPUS).texts + PROBES)


def test_compiled_transform_of_one_text_and_of_no_text(fitted):
    assert_same_matrix(fitted, [PROBES[3]])
    width = fitted.transform([PROBES[3]]).shape[1]
    assert CompiledTfidf(fitted).transform([]).shape == (0, width)  # scikit-learn refuses an empty list


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويىءآأإؤئة ًٌٍَُِّْـ.،؟ \n") | st.characters(),
                        max_size=60), min_size=1, max_size=5))
def test_compiled_transform_equals_scikit_learn_on_any_text(texts):
    vectorizer = build_vectorizer(min_df=1).fit(load_corpus(TINY_CORPUS).texts)
    assert_same_matrix(vectorizer, texts)


def test_parts_other_than_l2_tfidf_are_refused():
    vectorizer = build_vectorizer(min_df=1)
    vectorizer.set_params(norm="l1").fit(load_corpus(TINY_CORPUS).texts)
    with pytest.raises(ValueError, match="l2"):
        CompiledTfidf(vectorizer)
