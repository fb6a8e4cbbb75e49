"""Per-article summary of scored sentences: label counts, actors and who did what to whom."""
from collections import Counter

from stance.open_actors import OPEN_PREFIX


def summarize(scored: list[dict], stance_labels: list[str], sentiment_labels: list[str],
              actors: dict | None = None) -> dict:
    """Count sentences, stance labels (a sentence may add to two) and sentiment labels, and
    tabulate actors and relations.

    ``stance_counts`` has every stance label plus ``none`` (sentences with no label).
    ``actors``: one row per actor id mentioned, in order of first mention, with its number
    of mentions, the number of sentences in which it is the source of each stance label,
    and ``targeted`` (sentences in which it is the target). ``relations``: one row per
    (source, target, stance label) with its sentence count, most frequent first.
    ``actors`` (the argument) maps ids to gazetteer entries, for display names; an actor outside
    the gazetteer (``x:`` id) is named by its text.
    """
    stance = Counter({label: 0 for label in [*stance_labels, "none"]})
    sentiment = Counter({label: 0 for label in sentiment_labels})
    table: dict[str, dict] = {}
    relations = Counter()
    for item in scored:
        labels = item["stance"]["labels"]
        stance.update(labels or ["none"])
        sentiment[item["sentiment"]["label"]] += 1
        for mention in item.get("actors", []):
            _row(table, mention["id"], stance_labels, actors)["mentions"] += 1
        source, target = item.get("source"), item.get("target")
        for label in labels:
            if source:
                _row(table, source, stance_labels, actors)[label] += 1
            if source or target:
                relations[(source, target, label)] += 1
        if target and labels:
            _row(table, target, stance_labels, actors)["targeted"] += 1
    return {"sentences": len(scored), "stance_counts": dict(stance), "sentiment_counts": dict(sentiment),
            "actors": list(table.values()),
            "relations": [{"source": source, "target": target, "stance": label, "count": count}
                          for (source, target, label), count in relations.most_common()]}


def _row(table: dict, actor_id: str, stance_labels: list[str], actors: dict | None) -> dict:
    if actor_id not in table:
        entry = (actors or {}).get(actor_id)
        name = entry.name if entry else actor_id.removeprefix(OPEN_PREFIX)
        table[actor_id] = {"id": actor_id, "name": name, "mentions": 0,
                           **{label: 0 for label in stance_labels}, "targeted": 0}
    return table[actor_id]
