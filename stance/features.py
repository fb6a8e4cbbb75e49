"""The feature space shared by both heads: TF-IDF over character n-grams of normalized text.

Only module-level callables are handed to scikit-learn, so a pickled vectorizer refers to
``stance.normalize.normalize_for_features`` and nothing from the trainer.
"""
import numpy as np
import scipy.sparse as sp
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


class CompiledTfidf:
    """``transform`` of a fitted vectorizer from ``build_vectorizer`` in plain Python and numpy.

    Same analyzer, vocabulary and idf weights, same sublinear tf and l2 norm per part, so the
    same matrix as ``vectorizer.transform`` (a test checks it), without scikit-learn's
    per-call parameter and input validation, which costs more than the counting itself for
    a single sentence. Built when a model is loaded; the saved artifact keeps the
    scikit-learn vectorizer.
    """

    def __init__(self, vectorizer):
        parts = [step for _, step in vectorizer.transformer_list] if isinstance(vectorizer, FeatureUnion) \
            else [vectorizer]
        for part in parts:
            if part.norm != "l2" or not part.use_idf:
                raise ValueError("CompiledTfidf handles l2-normalized TF-IDF parts only")
        self._parts = [(part.build_analyzer(), part.vocabulary_, part.idf_.astype(part.dtype),
                        part.sublinear_tf, part.dtype) for part in parts]

    def transform(self, texts) -> sp.csr_matrix:
        blocks = [self._transform_part(texts, *part) for part in self._parts]
        return blocks[0] if len(blocks) == 1 else sp.hstack(blocks, format="csr")

    @staticmethod
    def _transform_part(texts, analyze, vocabulary, idf, sublinear_tf, dtype) -> sp.csr_matrix:
        indices, indptr = [], [0]
        for text in texts:  # every known n-gram occurrence; duplicates are summed below, in C
            indices.extend(filter(_is_known, map(vocabulary.get, analyze(text))))
            indptr.append(len(indices))
        matrix = sp.csr_matrix((np.ones(len(indices), dtype=dtype), np.asarray(indices, dtype=np.int32),
                                np.asarray(indptr, dtype=np.int32)), shape=(len(texts), len(idf)))
        matrix.sum_duplicates()
        values, indices, indptr = matrix.data, matrix.indices, matrix.indptr
        if sublinear_tf:
            np.log(values, out=values)
            values += 1
        values *= idf[indices]
        lengths = np.diff(indptr)
        norms = np.sqrt(np.bincount(np.repeat(np.arange(len(lengths)), lengths), weights=values * values,
                                    minlength=len(lengths))).astype(dtype)
        norms[norms == 0] = 1
        values /= np.repeat(norms, lengths)
        return matrix


def _is_known(column) -> bool:
    return column is not None
