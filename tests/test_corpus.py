import json

import pytest

from tests.conftest import TINY_CORPUS
from training.corpus import CorpusError, load_corpus


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def tiny_records():
    return [json.loads(line) for line in TINY_CORPUS.read_text(encoding="utf-8").splitlines()]


def test_tiny_corpus_loads_with_labels_from_the_data():
    corpus = load_corpus(TINY_CORPUS)
    assert corpus.stance_labels == ["concern", "denial", "pressure"]
    assert corpus.sentiment_labels == ["negative", "neutral", "positive"]
    assert len(corpus.records) == 60 and corpus.has_topics


@pytest.mark.parametrize("change, message", [
    ({"text": ""}, "field 'text' must be a non-empty string"),
    ({"id": 7}, "field 'id' must be a non-empty string"),
    ({"stance": "pressure"}, "field 'stance' must be a list"),
    ({"stance": ["none"]}, "must be [] for no stance"),
    ({"stance": ["pressure", "pressure"]}, "repeats a label"),
    ({"sentiment": None}, "field 'sentiment' must be a non-empty string"),
    ({"actors": ["FRA"], "source": "RUS"}, "field 'source' is 'RUS', which is not in 'actors'"),
])
def test_invalid_record_is_reported_with_file_and_line(tmp_path, change, message):
    records = tiny_records()
    records[4].update(change)
    path = write_jsonl(tmp_path / "c.jsonl", records)
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert any(p.startswith(f"{path}:5: ") and message in p for p in caught.value.problems), caught.value.problems


def test_bad_json_line_and_duplicate_ids_are_reported(tmp_path):
    records = tiny_records()
    records[2]["id"] = records[1]["id"]
    path = write_jsonl(tmp_path / "c.jsonl", records)
    with pytest.raises(CorpusError, match=r"c.jsonl:3: duplicate id"):
        load_corpus(path)
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.jsonl:61: not valid JSON"):
        load_corpus(path)


def test_unknown_label_is_refused_when_labels_are_given():
    with pytest.raises(CorpusError, match="unknown stance label"):
        load_corpus(TINY_CORPUS, labels=["pressure", "concern"])


def test_rare_label_is_refused_with_counts(tmp_path):
    records = tiny_records()
    records[0]["stance"] = ["threat"]
    with pytest.raises(CorpusError, match="stance label 'threat' has 1 positive"):
        load_corpus(write_jsonl(tmp_path / "c.jsonl", records))


def test_csv_corpus_with_pipe_separated_labels(tmp_path):
    lines = ["id,text,stance,sentiment,topic"]
    for r in tiny_records():
        lines.append(f"{r['id']},{r['text']},{'|'.join(r['stance'])},{r['sentiment']},{r['topic']}")
    path = tmp_path / "c.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [r["stance"] for r in corpus.records] == [r["stance"] for r in tiny_records()]


def test_missing_file_is_a_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "absent.jsonl")
