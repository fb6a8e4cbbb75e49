"""The Python scoring API: output shape, label sets, thresholds and offsets."""


def test_score_sentences_shape_and_label_sets(tiny_model):
    results = tiny_model.score_sentences(["حث الوزير موسكو على وقف القصف", "وصل الوفد إلى جنيف"])
    assert [r["index"] for r in results] == [0, 1]
    for result in results:
        stance, sentiment = result["stance"], result["sentiment"]
        assert set(stance["scores"]) == set(tiny_model.stance_labels)
        assert set(sentiment["scores"]) == set(tiny_model.sentiment_labels)
        assert all(0.0 <= p <= 1.0 for p in [*stance["scores"].values(), *sentiment["scores"].values()])
        assert abs(sum(sentiment["scores"].values()) - 1.0) < 1e-3
        over = [label for label in tiny_model.stance_labels
                if stance["scores"][label] >= tiny_model.thresholds[label]]
        assert sorted(stance["labels"]) == sorted(over)
        assert stance["label"] == (max(over, key=stance["scores"].get) if over else "none")
        assert sentiment["label"] == max(sentiment["scores"], key=sentiment["scores"].get)


def test_score_text_gives_offsets_into_the_input_and_a_summary(tiny_model):
    text = "  أدانت الخارجية الهجوم.\nونفت الوزارة التقارير.,ووصل الوفد إلى جنيف"
    result = tiny_model.score_text(text)
    assert [text[s["start"]:s["end"]] for s in result["sentences"]] == [s["text"] for s in result["sentences"]]
    assert len(result["sentences"]) == 3
    summary = result["summary"]
    assert summary["sentences"] == 3
    assert sum(summary["sentiment_counts"].values()) == 3
    assert set(summary["stance_counts"]) == {"concern", "denial", "pressure", "none"}


def test_empty_input_scores_to_nothing(tiny_model):
    assert tiny_model.score_sentences([]) == []
    assert tiny_model.score_text("  ...  ")["sentences"] == []
