"""``StanceModel``: both heads over one feature space, scored in batches.

The fitted objects live in an *artifact* dict (saved with joblib by ``stance.artifacts``):

* ``vectorizer``: the shared TF-IDF vectorizer (``stance.features``),
* ``stance_classifier``: multi-label one-vs-rest classifier with ``predict_proba``,
  columns in ``stance_labels`` order,
* ``sentiment_classifier``: multiclass classifier, columns in ``sentiment_labels`` order,
* ``thresholds``: per stance label decision threshold on its probability.
"""
from stance.actors import ActorMatcher
from stance.errors import SentenceLimitError
from stance.features import CompiledTfidf
from stance.normalize import fold_with_offsets
from stance.roles import assign_roles
from stance.segment import split_sentences
from stance.summary import summarize

NO_STANCE = "none"
ARTIFACT_KEYS = ("vectorizer", "stance_classifier", "sentiment_classifier",
                 "stance_labels", "sentiment_labels", "thresholds")


class StanceModel:
    """A loaded model: ``score_sentences`` for pre-split input, ``score_text`` for articles.

    ``actors`` is the ``ActorMatcher`` used to find actors and their roles (default: the
    shipped gazetteer).
    """

    def __init__(self, artifact: dict, manifest: dict | None = None, actors: ActorMatcher | None = None):
        missing = [key for key in ARTIFACT_KEYS if key not in artifact]
        if missing:
            raise ValueError(f"model artifact lacks {', '.join(missing)}")
        self.vectorizer = artifact["vectorizer"]
        self._features = CompiledTfidf(self.vectorizer)
        self.stance_classifier = artifact["stance_classifier"]
        self.sentiment_classifier = artifact["sentiment_classifier"]
        self.stance_labels = list(artifact["stance_labels"])
        self.sentiment_labels = list(artifact["sentiment_labels"])
        self.thresholds = {label: float(artifact["thresholds"][label]) for label in self.stance_labels}
        self.manifest = dict(manifest or {})
        self.actors = actors if actors is not None else ActorMatcher.from_gazetteer()

    @property
    def name(self) -> str:
        return self.manifest.get("name", "unnamed")

    @property
    def version(self) -> str:
        return self.manifest.get("version", "0")

    def predict_proba(self, sentences: list[str]):
        """Return (stance probabilities, sentiment probabilities), vectorizing once."""
        features = self._features.transform(sentences)
        return (self.stance_classifier.predict_proba(features),
                self.sentiment_classifier.predict_proba(features))

    def score_sentences(self, sentences: list[str]) -> list[dict]:
        """Score pre-split sentences: one dict per sentence, in order."""
        if not sentences:
            return []
        stance_proba, sentiment_proba = self.predict_proba(sentences)
        return [self._scored(index, sentence, stance_row, sentiment_row)
                for index, (sentence, stance_row, sentiment_row)
                in enumerate(zip(sentences, stance_proba, sentiment_proba))]

    def score_text(self, text: str, max_sentences: int | None = None) -> dict:
        """Split an article and score it: sentences with ``start``/``end`` offsets, and a summary."""
        return self.score_texts([text], max_sentences)[0]

    def score_texts(self, texts: list[str], max_sentences: int | None = None) -> list[dict]:
        """Score several articles with ONE vectorization over all their sentences.

        With ``max_sentences``, raise ``SentenceLimitError`` before scoring when the texts
        split into more sentences than that in total.
        """
        spans_per_text = [split_sentences(text) for text in texts]
        total = sum(map(len, spans_per_text))
        if max_sentences is not None and total > max_sentences:
            raise SentenceLimitError(total, max_sentences)
        scored = self.score_sentences([span.text for spans in spans_per_text for span in spans])
        results, position = [], 0
        for spans in spans_per_text:
            sentences = scored[position:position + len(spans)]
            position += len(spans)
            for index, (item, span) in enumerate(zip(sentences, spans)):
                item.update(index=index, start=span.start, end=span.end)
            results.append({"sentences": sentences, "summary": self.summarize(sentences)})
        return results

    def summarize(self, scored: list[dict]) -> dict:
        """The per-article summary of scored sentences (see ``stance.summary.summarize``)."""
        return summarize(scored, self.stance_labels, self.sentiment_labels, self.actors.actors)

    def _scored(self, index: int, sentence: str, stance_row, sentiment_row) -> dict:
        stance = self._stance(stance_row)
        folding = fold_with_offsets(sentence)
        mentions = self.actors.find(sentence, folding)
        source, target = assign_roles(sentence, mentions, stance["labels"], folding[0])
        return {"index": index, "text": sentence, "stance": stance, "sentiment": self._sentiment(sentiment_row),
                "actors": [mention.as_dict() for mention in mentions], "source": source, "target": target}

    def _stance(self, probabilities) -> dict:
        scores = {label: round(float(p), 4) for label, p in zip(self.stance_labels, probabilities)}
        over = sorted((label for label in self.stance_labels if scores[label] >= self.thresholds[label]),
                      key=lambda label: -scores[label])
        return {"label": over[0] if over else NO_STANCE, "labels": over, "scores": scores}

    def _sentiment(self, probabilities) -> dict:
        scores = {label: round(float(p), 4) for label, p in zip(self.sentiment_labels, probabilities)}
        return {"label": max(scores, key=scores.get), "scores": scores}
