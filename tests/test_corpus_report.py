import json

from tests.conftest import TINY_CORPUS
from training.corpus import load_corpus
from training.corpus_report import check_targets, corpus_statistics, main, near_duplicates


def test_near_duplicates_flags_a_one_word_edit_but_not_distinct_sentences():
    texts = ["أعربت منظمة الصحة العالمية عن قلقها البالغ من تفشي الكوليرا في المخيمات شمال البلاد",
             "أعربت منظمة الصحة العالمية عن قلقها البالغ من تفشي الكوليرا في المخيمات جنوب البلاد",
             "نفت وزارة الدفاع أن تكون طائراتها قد استهدفت سوقا شعبية"]
    pairs = near_duplicates(texts)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    assert 0.8 <= pairs[0][2] < 1.0


def test_statistics_count_labels_sets_and_sentiment():
    records = load_corpus(TINY_CORPUS).records
    stats = corpus_statistics(records)
    assert stats["records"] == 60
    assert stats["stance_labels"]["pressure"] == sum("pressure" in r["stance"] for r in records)
    assert stats["two_labels"] == 2
    assert stats["none"] == sum(not r["stance"] for r in records)
    assert sum(stats["sentiment"].values()) == 60
    assert len(stats["topics"]) == 6 and stats["near_duplicate_rate"] == 0.0
    targets = check_targets(stats)
    assert targets["near_duplicate_rate"]["met"] and not targets["records"]["met"]


def test_cli_prints_json_and_strict_mode_fails_on_unmet_targets(capsys):
    assert main(["--data", str(TINY_CORPUS), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["statistics"]["records"] == 60
    assert main(["--data", str(TINY_CORPUS), "--strict"]) == 1
