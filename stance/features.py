"""The feature space shared by both heads: TF-IDF over character n-grams of normalized text.

Only module-level callables are handed to scikit-learn, so a pickled vectorizer refers to
``stance.normalize.normalize_for_features`` and nothing from the trainer.
"""
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from stance.normalize import normalize_for_features


def build_vectorizer(char_ngram_range=(2, 4), word_ngram_range=None, min_df=2,
                     max_features=200_000, sublinear_tf=True):
    """Return an unfitted vectorizer: char_wb n-grams, plus word n-grams when asked for.

    ``word_ngram_range`` None means character n-grams only.
    """
    char = TfidfVectorizer(
        analyzer="char_wb", ngram_range=tuple(char_ngram_range), min_df=min_df,
        max_features=max_features, sublinear_tf=sublinear_tf,
        preprocessor=normalize_for_features, dtype=np.float32,
    )
    if not word_ngram_range:
        return char
    word = TfidfVectorizer(
        analyzer="word", ngram_range=tuple(word_ngram_range), min_df=min_df,
        sublinear_tf=sublinear_tf, preprocessor=normalize_for_features,
        token_pattern=r"(?u)\b\w+\b", dtype=np.float32,
    )
    return FeatureUnion([("char", char), ("word", word)])


def compact_vectorizer(vectorizer):
    """Drop ``stop_words_`` (the pruned vocabulary, only kept for introspection) before saving."""
    parts = [step for _, step in vectorizer.transformer_list] if isinstance(vectorizer, FeatureUnion) \
        else [vectorizer]
    for part in parts:
        if hasattr(part, "stop_words_"):
            part.stop_words_ = None
    return vectorizer
