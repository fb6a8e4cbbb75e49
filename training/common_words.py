"""``python -m training.common_words``: learn the actor matcher's common words from the corpus.

A common word is one the annotated corpus uses outside every actor's name: outside the texts
of a record's ``names`` (actor id -> the text naming it). Records without ``names`` give all
their words; the names of gazetteer actors among them do no harm, since the matcher finds
those actors before it reads any word as an unknown name. Right after an official's title,
words that are not common are read as the title holder's name (``stance.open_actors``).
The words are folded (``fold_words``), one per line, sorted, written to
``stance/data/common_words.txt``.

The held-out topics (``training.actor_eval.HELD_OUT_TOPICS``) and the test set are left out,
so the evaluation measures the rule on words it did not learn from. On the development topics
every word outside a name is common by construction, so the rule can read only gold names
there: that part's precision is flattered.
"""
import argparse
import re
import sys
from pathlib import Path

from stance.normalize import fold_words
from stance.open_actors import COMMON_WORDS
from training.actor_eval import HELD_OUT_TOPICS
from training.corpus import CorpusError, load_corpus

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[^\W\d_]+")
_HEADER = ("# Words the annotated corpus uses outside every actor's name, folded; written by\n"
           "# `python -m training.common_words` from data/corpus.jsonl. Do not edit by hand.\n")


def common_words(records) -> list[str]:
    """The sorted folded words of ``records``' texts outside actor names."""
    words: set[str] = set()
    for record in records:
        text = record["text"]
        spans = [span for surface in (record.get("names") or {}).values() if surface
                 for span in _occurrences(text, surface)]
        kept, position = [], 0
        for start, end in sorted(spans):
            kept.append(text[position:start] if start > position else "")
            position = max(position, end)
        kept.append(text[position:])
        words.update(_WORD.findall(fold_words(" ".join(kept))))
    return sorted(words)


def _occurrences(text: str, surface: str):
    start = text.find(surface)
    while start != -1:
        yield start, start + len(surface)
        start = text.find(surface, start + 1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.common_words", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "corpus.jsonl",
                        help="annotated corpus (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path(str(COMMON_WORDS)),
                        help="file to write (default: the shipped list, %(default)s)")
    args = parser.parse_args(argv)
    try:
        records = load_corpus(args.data)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    words = common_words(r for r in records.records if r.get("topic") not in HELD_OUT_TOPICS)
    args.out.write_text(_HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
