"""Evaluation of actor recognition and of source/target assignment against the corpus.

Mentions are compared as sets of actor ids per sentence: micro precision and recall over
(sentence, id) pairs. An actor found outside the gazetteer (an ``x:`` id, ``stance.open_actors``)
has no canonical id to compare: it counts as the gold actor the gazetteer does not have whose
text it overlaps, as a record's ``names`` gives that text (``{"COLUMBIA": "جامعة كولومبيا"}``);
otherwise it is a false positive. Source and target accuracy are
measured on sentences annotated with a stance, using their GOLD stance labels to find the
cue, so the figures measure role assignment alone; null counts as a value ("no target").

Actor recognition is rule- and gazetteer-based, so it has no training split. Parts:

* ``test``: the blind test set (``data/test.jsonl``), written by annotators who did not see the
  gazetteer or the matcher, its ids reconciled against the frozen gazetteer; how often and
  when it was scored is recorded in data/README.md.
* ``held_out``: ``HELD_OUT_TOPICS``, corpus topics left out while the gazetteer and the role
  rules were first written; their errors were later read for diagnosis, so they are no
  longer blind.
* ``development``: the other corpus topics, from which the gazetteer was built.
"""
import re

from stance.open_actors import OPEN_PREFIX
from stance.roles import assign_roles

# (report key, gazetteer, open class, title in the text report): the default (shipped list and
# actors outside it), the opt-in extended list, and the shipped list alone (canonical ids only).
ACTOR_SETTINGS = (("actors", None, True, "shipped gazetteer and actors outside it (the default)"),
                  ("actors_extended", "extended", True, "opt-in extended gazetteer and actors outside it"),
                  ("actors_listed_only", None, False, "shipped gazetteer alone (STANCE_OPEN_ACTORS=0)"))
HELD_OUT_TOPICS = ("sudan", "ethiopia_dam", "human_rights", "energy", "culture", "turkey")
# A gold name as whole words, after up to two attached clitics ([وف]? [بلك]?).
_WORDS = r"(?<!\w)(?:[\u0648\u0641]?[\u0628\u0644\u0643]?)({})(?!\w)"


def evaluate_actors(records, matcher, test_records=None) -> dict:
    """Figures for the blind test set (when given), the held-out topics, the development
    topics and all annotated corpus records."""
    annotated = [r for r in records if isinstance(r.get("actors"), list)]
    parts = {"held_out": [r for r in annotated if r.get("topic") in HELD_OUT_TOPICS],
             "development": [r for r in annotated if r.get("topic") not in HELD_OUT_TOPICS],
             "all": annotated}
    if test_records:
        parts = {"test": [r for r in test_records if isinstance(r.get("actors"), list)], **parts}
    return {"held_out_topics": list(HELD_OUT_TOPICS),
            **{name: _figures(part, matcher) for name, part in parts.items()}}


def _figures(records, matcher) -> dict:
    true_positive = predicted = gold = 0
    roles = {"source": [0, 0], "target": [0, 0]}  # [correct, total]
    misses = []
    for record in records:
        mentions = matcher.find(record["text"])
        credit = _credit(record, mentions, matcher.actors)
        found, expected = {credit.get(m.id, m.id) for m in mentions}, set(record["actors"])
        true_positive += len(found & expected)
        predicted += len(found)
        gold += len(expected)
        if record["stance"] and "source" in record:
            roles_found = assign_roles(record["text"], mentions, record["stance"])
            source, target = (credit.get(role, role) for role in roles_found)
            for role, value in (("source", source), ("target", target)):
                roles[role][1] += 1
                if value == record.get(role):
                    roles[role][0] += 1
                elif len(misses) < 40:
                    misses.append({"id": record.get("id"), "role": role, "true": record.get(role),
                                   "predicted": value})
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    return {
        "sentences": len(records),
        "mention_precision": round(precision, 4), "mention_recall": round(recall, 4),
        "mention_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "stance_sentences": roles["source"][1],
        "source_accuracy": round(roles["source"][0] / roles["source"][1], 4) if roles["source"][1] else None,
        "target_accuracy": round(roles["target"][0] / roles["target"][1], 4) if roles["target"][1] else None,
        "role_errors": misses,
    }


def _credit(record: dict, mentions, listed) -> dict[str, str]:
    """Gold ids credited to the ``x:`` mentions of ``record``: each one the first gold actor not
    in the gazetteer (``listed``) whose named text (``record["names"]``) it overlaps where that
    text stands as whole words (لبنان inside اللبناني does not count)."""
    if not any(mention.id.startswith(OPEN_PREFIX) for mention in mentions):
        return {}
    text = record["text"]
    unlisted = {gold_id: list(_word_spans(text, surface))
                for gold_id, surface in (record.get("names") or {}).items() if gold_id not in listed}
    credit: dict[str, str] = {}
    for mention in mentions:
        if not mention.id.startswith(OPEN_PREFIX) or mention.id in credit:
            continue
        for gold_id, spans in unlisted.items():
            if gold_id not in credit.values() and any(start < mention.end and mention.start < end
                                                      for start, end in spans):
                credit[mention.id] = gold_id
                break
    return credit


def _word_spans(text: str, surface: str):
    """Where ``surface`` occurs in ``text`` as whole words, allowing attached clitics before it."""
    if not surface:
        return
    for found in re.finditer(_WORDS.format(re.escape(surface)), text):
        yield found.start(1), found.end(1)
