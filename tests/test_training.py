import json

import pytest

from stance import load_model
from tests.conftest import TINY_CORPUS, train_tiny
from training.cli import main

pytestmark = pytest.mark.slow


def test_training_writes_a_complete_manifest(tiny_model_dir):
    manifest = json.loads((tiny_model_dir / "model.json").read_text(encoding="utf-8"))
    for key in ("name", "version", "created_at", "training_data", "hyperparameters", "labels",
                "thresholds", "metrics", "libraries", "sha256"):
        assert key in manifest
    assert manifest["labels"] == {"stance": ["concern", "denial", "pressure"],
                                  "sentiment": ["negative", "neutral", "positive"]}
    assert set(manifest["thresholds"]) == {"concern", "denial", "pressure"}
    assert all(0.0 < t < 1.0 for t in manifest["thresholds"].values())
    assert len(manifest["training_data"]["sha256"]) == 64
    assert manifest["hyperparameters"]["char_ngram_min"] == 2


def test_same_data_and_seed_give_the_same_metrics_and_thresholds(tmp_path):
    first = train_tiny(tmp_path / "a")
    second = train_tiny(tmp_path / "b")
    assert first["metrics"] == second["metrics"] and first["thresholds"] == second["thresholds"]
    assert "random" in first["metrics"] and "topic" in first["metrics"]
    assert "test" not in first["metrics"]  # the shipped test set goes with the shipped corpus only


def test_an_extra_stance_label_in_the_data_is_learned_and_served(tmp_path):
    records = [json.loads(line) for line in TINY_CORPUS.read_text(encoding="utf-8").splitlines()]
    extra = ["وتوعدت الجماعة بالرد على أي هجوم", "توعد القائد برد قاس", "أقسم الزعيم على الانتقام",
             "توعدت الميليشيا خصومها بالثأر", "الجيش يتوعد المهاجمين برد حاسم", "وتوعد المتحدث بالانتقام للضحايا"]
    for i, text in enumerate(extra):
        records.append({"id": f"x{i}", "text": text, "stance": ["vow"], "sentiment": "negative", "topic": "syria"})
    data = tmp_path / "c.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    assert main(["--data", str(data), "--out", str(tmp_path / "m"), "--no-eval",
                 "--headlines", str(tmp_path / "none")]) == 0
    model = load_model(tmp_path / "m")
    assert model.stance_labels == ["concern", "denial", "pressure", "vow"]
    assert set(model.score_sentences(["توعد الجيش برد قاس"])[0]["stance"]["scores"]) == set(model.stance_labels)


def test_cli_writes_reports_and_png_confusion_matrices(tmp_path, capsys):
    test = tmp_path / "test.jsonl"
    test.write_text(
        '{"id": "t1", "text": "نفت موسكو اتهامات واشنطن", "stance": ["denial"], "sentiment": "negative", '
        '"actors": ["RUS", "USA"], "source": "RUS", "target": "USA"}\n'
        '{"id": "t2", "text": "وصل الوفد إلى القاهرة", "stance": [], "sentiment": "neutral", "actors": []}\n',
        encoding="utf-8")
    assert main(["--data", str(TINY_CORPUS), "--out", str(tmp_path / "m"), "--folds", "2",
                 "--headlines", str(tmp_path / "none"), "--test", str(test)]) == 0
    report = tmp_path / "m" / "report"
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert set(data["evaluation"]) >= {"topic", "random", "headlines_skipped", "test", "actors"}
    assert data["evaluation"]["test"]["sentences"] == 2
    assert data["evaluation"]["actors"]["test"]["mention_recall"] == 1.0
    assert data["evaluation"]["actors"]["test"]["source_accuracy"] == 1.0
    manifest = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    assert manifest["test_data"]["records"] == 2 and manifest["training_data"]["records"] == 60
    assert (report / "confusion_stance_topic.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    printed = capsys.readouterr().out
    assert "stance macro-F1" in printed and "baseline" in printed and "Blind test set" in printed


def test_cli_reports_corpus_errors_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "", "stance": [], "sentiment": "neutral"}\n', encoding="utf-8")
    assert main(["--data", str(bad), "--out", str(tmp_path / "m")]) == 2
    assert "bad.jsonl:1: field 'text'" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
    # a test set given but missing is an error too, not a silent skip
    assert main(["--data", str(TINY_CORPUS), "--out", str(tmp_path / "m"), "--test", str(tmp_path / "no.jsonl")]) == 2
    assert "no.jsonl" in capsys.readouterr().err and not (tmp_path / "m").exists()


def test_model_selection_scores_each_candidate_on_topic_folds(monkeypatch):
    from training import select
    from training.corpus import load_corpus
    from tests.conftest import TINY_CORPUS
    monkeypatch.setattr(select, "CANDIDATES", ({}, {"word_ngram_max": 1}))
    rows = select.select(load_corpus(TINY_CORPUS), folds=2)
    assert [row["changes"] for row in rows] == ["defaults", {"word_ngram_max": 1}]
    assert all(0.0 <= row[key] <= 1.0 for row in rows for key in ("stance_macro_f1", "sentiment_macro_f1"))
