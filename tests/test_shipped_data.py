"""The shipped corpus and blind test set: valid, and the test set disjoint from the corpus."""
import pytest

from training.corpus import load_corpus
from training.corpus_report import near_duplicates
from training.cli import ROOT

CORPUS, TEST = ROOT / "data" / "corpus.jsonl", ROOT / "data" / "test.jsonl"
LABELS = ["concern", "denial", "pressure"]


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(CORPUS, LABELS).records, load_corpus(TEST, LABELS, for_training=False).records


def test_blind_test_set_shares_no_topic_id_or_sentence_with_the_corpus(shipped):
    corpus, test = shipped
    assert not {r["topic"] for r in corpus} & {r["topic"] for r in test}
    assert not {r["id"] for r in corpus} & {r["id"] for r in test}
    texts = [r["text"] for r in corpus] + [r["text"] for r in test]
    crossing = [(i, j) for i, j, _ in near_duplicates(texts) if (i < len(corpus)) != (j < len(corpus))]
    assert crossing == []


def test_no_record_lists_an_actor_twice(shipped):
    # the loader checks the rest of the schema; mention figures count each id once per sentence
    assert [r["id"] for r in shipped[0] + shipped[1] if len(set(r["actors"])) != len(r["actors"])] == []
