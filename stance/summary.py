"""Per-article summary of scored sentences."""
from collections import Counter


def summarize(scored: list[dict], stance_labels: list[str], sentiment_labels: list[str]) -> dict:
    """Count sentences, stance labels (a sentence may add to two) and sentiment labels.

    ``stance_counts`` has every stance label plus ``none`` (sentences with no label).
    """
    stance = Counter({label: 0 for label in [*stance_labels, "none"]})
    sentiment = Counter({label: 0 for label in sentiment_labels})
    for item in scored:
        labels = item["stance"]["labels"]
        stance.update(labels or ["none"])
        sentiment[item["sentiment"]["label"]] += 1
    return {"sentences": len(scored), "stance_counts": dict(stance), "sentiment_counts": dict(sentiment)}
