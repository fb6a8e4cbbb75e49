"""Property-based tests (hypothesis) of the text pipeline and scoring on arbitrary Unicode."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance import ActorMatcher, normalize_text, split_sentences
from stance.normalize import _FOLD, fold_with_offsets, normalize_for_features

# Arabic letters, marks, digits, punctuation and controls the pipeline treats specially,
# mixed with arbitrary Unicode.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIAL = st.sampled_from(list(".!?؟،,:;…«»\"“”\n\r\t #_-0123456789\u200f\u200e\u202b\u2066\u0640\ufeff"))
TEXT = st.text(st.one_of(ARABIC, SPECIAL, st.characters()), max_size=400)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_spans_lie_inside_the_input_in_order_without_overlap(text):
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.text == span.text.strip() and span.text
        previous_end = span.end


@SETTINGS
@given(TEXT)
def test_normalization_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


MATCHER = ActorMatcher.from_gazetteer()


@SETTINGS
@given(st.lists(st.one_of(st.text(st.one_of(ARABIC, SPECIAL), max_size=6),
                         st.sampled_from(["فرنسا", "الأمم المتحدة", "للعراق", "ماكرون", "والفرنسيين", "\u064e"])),
                max_size=30).map("".join))
def test_actor_spans_point_into_the_input(text):
    for mention in MATCHER.find(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXT.filter(str.strip), min_size=1, max_size=8))
def test_scoring_returns_one_result_per_sentence_with_probabilities(tiny_model, sentences):
    results = tiny_model.score_sentences(sentences)
    assert [r["index"] for r in results] == list(range(len(sentences)))
    for result in results:
        for head in ("stance", "sentiment"):
            assert all(0.0 <= p <= 1.0 for p in result[head]["scores"].values())
        assert set(result["stance"]["labels"]) <= set(tiny_model.stance_labels)
        mentioned = {mention["id"] for mention in result["actors"]}
        assert {result["source"], result["target"]} - {None} <= mentioned
        if not result["stance"]["labels"]:
            assert result["source"] is None and result["target"] is None


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXT)
def test_scoring_an_article_gives_offsets_into_it(tiny_model, text):
    result = tiny_model.score_text(text)
    for item in result["sentences"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert result["summary"]["sentences"] == len(result["sentences"])


@SETTINGS
@given(TEXT)
def test_fused_feature_normalization_equals_the_composed_rules(text):
    assert normalize_for_features(text) == normalize_text(text).lower()


@SETTINGS
@given(TEXT)
def test_folding_equals_the_folding_table_and_maps_back_to_the_input(text):
    folded, offsets = fold_with_offsets(text)
    assert folded == text.translate(_FOLD) and len(offsets) == len(folded)
    assert all(text[offset].translate(_FOLD) == char for char, offset in zip(folded, offsets))
