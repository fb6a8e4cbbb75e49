"""Loading and validating annotated corpora (JSONL or CSV) for training.

A record has ``id``, ``text``, ``stance`` (list of labels, empty for none), ``sentiment``,
optionally ``topic`` (needed for the topic-held-out split), ``actors``, ``source``,
``target``, ``names`` and ``hard``. In CSV files list fields are ``|``-separated
(``pressure|concern``) or JSON lists. Label sets come from the data, or from ``labels``.
"""
import csv
import json
from dataclasses import dataclass
from pathlib import Path

MIN_EXAMPLES = 6  # per label and class: the calibration and threshold folds need a few
LIST_FIELDS = ("stance", "actors")


class CorpusError(ValueError):
    """The corpus cannot be used; ``problems`` lists every ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the corpus:\n  {shown}{more}")


@dataclass(frozen=True)
class Corpus:
    records: list[dict]
    stance_labels: list[str]
    sentiment_labels: list[str]

    @property
    def texts(self) -> list[str]:
        return [record["text"] for record in self.records]

    @property
    def has_topics(self) -> bool:
        return all(record.get("topic") for record in self.records)


def read_records(path) -> list[tuple[str, dict]]:
    """Read raw records as ``(location, record)`` pairs from a .jsonl or .csv file."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError([f"{path}: no such file"])
    if path.suffix.lower() == ".csv":
        with open(path, encoding="utf-8", newline="") as handle:
            return [(f"{path}:{number}", _from_csv_row(row))
                    for number, row in enumerate(csv.DictReader(handle), start=2)]
    pairs, problems = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                pairs.append((f"{path}:{number}", json.loads(line)))
            except json.JSONDecodeError as error:
                problems.append(f"{path}:{number}: not valid JSON ({error.msg})")
    if problems:
        raise CorpusError(problems)
    return pairs


def load_corpus(path, labels: list[str] | None = None, *, for_training: bool = True) -> Corpus:
    """Read and validate a corpus; raise ``CorpusError`` listing every problem found. An
    evaluation set (``for_training=False``) skips the minimum-examples-per-class check."""
    pairs = read_records(path)
    problems, seen_ids = [], set()
    for location, record in pairs:
        problems += [f"{location}: {message}" for message in _record_problems(record, labels)]
        if isinstance(record, dict) and record.get("id") in seen_ids:
            problems.append(f"{location}: duplicate id {record['id']!r}")
        if isinstance(record, dict):
            seen_ids.add(record.get("id"))
    if not pairs:
        problems.append(f"{path}: no records")
    if problems:
        raise CorpusError(problems)
    records = [record for _, record in pairs]
    stance_labels = list(labels) if labels else sorted({label for r in records for label in r["stance"]})
    sentiment_labels = sorted({r["sentiment"] for r in records})
    problems = _balance_problems(path, records, stance_labels, sentiment_labels) if for_training else []
    if problems:
        raise CorpusError(problems)
    return Corpus(records, stance_labels, sentiment_labels)


def _record_problems(record, labels) -> list[str]:
    if not isinstance(record, dict):
        return [f"expected an object, got {type(record).__name__}"]
    problems = []
    for field in ("id", "text", "sentiment"):
        if not isinstance(record.get(field), str) or not record.get(field, "").strip():
            problems.append(f"field {field!r} must be a non-empty string")
    stance = record.get("stance")
    if not isinstance(stance, list) or not all(isinstance(label, str) and label for label in stance):
        problems.append("field 'stance' must be a list of label strings ([] for none)")
    elif len(set(stance)) != len(stance):
        problems.append(f"field 'stance' repeats a label: {stance}")
    elif "none" in stance:
        problems.append("field 'stance' must be [] for no stance, not ['none']")
    elif labels and set(stance) - set(labels):
        problems.append(f"unknown stance label(s) {sorted(set(stance) - set(labels))}; allowed {labels}")
    if "topic" in record and not isinstance(record["topic"], str):
        problems.append("field 'topic' must be a string")
    actors = record.get("actors", [])
    if not isinstance(actors, list) or not all(isinstance(actor, str) for actor in actors):
        problems.append("field 'actors' must be a list of actor ids")
    else:
        for role in ("source", "target"):
            value = record.get(role)
            if value is not None and value not in actors:
                problems.append(f"field {role!r} is {value!r}, which is not in 'actors'")
        names = record.get("names", {})
        if not isinstance(names, dict):
            problems.append("field 'names' must map actor ids to the text that names them")
        else:
            for actor, name in names.items():
                if actor not in actors:
                    problems.append(f"field 'names' has {actor!r}, which is not in 'actors'")
                elif not isinstance(name, str) or not name or name not in str(record.get("text")):
                    problems.append(f"field 'names' gives {actor!r} the text {name!r}, which is not in 'text'")
    return problems


def _balance_problems(path, records, stance_labels, sentiment_labels) -> list[str]:
    problems = []
    for label in stance_labels:
        positives = sum(label in r["stance"] for r in records)
        if positives < MIN_EXAMPLES or len(records) - positives < MIN_EXAMPLES:
            problems.append(f"{path}: stance label {label!r} has {positives} positive and "
                            f"{len(records) - positives} negative records; need {MIN_EXAMPLES} of each")
    for label in sentiment_labels:
        count = sum(r["sentiment"] == label for r in records)
        if count < MIN_EXAMPLES:
            problems.append(f"{path}: sentiment {label!r} has {count} records; need {MIN_EXAMPLES}")
    if len(sentiment_labels) < 2:
        problems.append(f"{path}: sentiment needs at least two classes, found {sentiment_labels}")
    return problems


def _from_csv_row(row: dict) -> dict:
    record = {key: value for key, value in row.items() if key is not None and value not in (None, "")}
    for field in LIST_FIELDS:
        value = row.get(field) or ""
        if value.startswith("["):
            try:
                record[field] = json.loads(value)
            except json.JSONDecodeError:
                record[field] = value  # reported by validation as a wrong type
        else:
            record[field] = [part.strip() for part in value.split("|") if part.strip()]
    for role in ("source", "target"):
        record[role] = row.get(role) or None
    return record
