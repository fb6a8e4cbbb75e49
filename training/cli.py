"""``python -m training`` / ``stance-train``: fit, evaluate and write a model directory.

    python -m training                      # data/corpus.jsonl -> models/default
    python -m training --data my.csv --out models/mine --labels pressure concern denial threat
"""
import argparse
import hashlib
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

from stance.actors import ActorMatcher
from stance.artifacts import library_versions, save_model
from stance.model import StanceModel
from training.actor_eval import ACTOR_SETTINGS, evaluate_actors
from training.corpus import CorpusError, load_corpus
from training.evaluate import evaluate_split, random_folds, score_report, topic_folds
from training.fit import Hyperparameters, fit_artifact
from training.headlines import DEFAULT_HEADLINES, load_headlines
from training.progress import Progress
from training.report import render_text, write_reports

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = Hyperparameters()
SHIPPED_CORPUS, SHIPPED_TEST = ROOT / "data" / "corpus.jsonl", ROOT / "data" / "test.jsonl"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="stance-train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHIPPED_CORPUS,
                        help="annotated corpus, .jsonl or .csv (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "default",
                        help="model directory to write (default: %(default)s)")
    parser.add_argument("--labels", nargs="+", help="stance label set (default: the labels in the data)")
    parser.add_argument("--name", default="arabic-stance", help="model name in the manifest")
    parser.add_argument("--version", default="1.0.0", help="model version in the manifest")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds per split")
    parser.add_argument("--headlines", type=Path, default=DEFAULT_HEADLINES,
                        help="real-headline evaluation set, skipped when absent (default: %(default)s)")
    parser.add_argument("--test", type=Path,
                        help="test set in the corpus format, never trained on (default: data/test.jsonl "
                             "when training on the shipped corpus, else none)")
    parser.add_argument("--report-dir", type=Path, help="where reports go (default: OUT/report)")
    parser.add_argument("--no-eval", action="store_true", help="fit the final model only, skip cross-validation")
    group = parser.add_argument_group("hyperparameters")
    group.add_argument("--char-ngrams", nargs=2, type=int, metavar=("MIN", "MAX"),
                       default=(DEFAULTS.char_ngram_min, DEFAULTS.char_ngram_max))
    group.add_argument("--word-ngram-max", type=int, default=DEFAULTS.word_ngram_max,
                       help="add word 1..N-grams (0: characters only)")
    group.add_argument("--min-df", type=int, default=DEFAULTS.min_df)
    group.add_argument("--max-features", type=int, default=DEFAULTS.max_features)
    group.add_argument("--stance-c", type=float, default=DEFAULTS.stance_c)
    group.add_argument("--sentiment-alpha", type=float, default=DEFAULTS.sentiment_alpha,
                       help="ridge penalty of the sentiment head")
    group.add_argument("--seed", type=int, default=DEFAULTS.seed)
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    return args


def hyperparameters(args) -> Hyperparameters:
    return Hyperparameters(
        char_ngram_min=args.char_ngrams[0], char_ngram_max=args.char_ngrams[1],
        word_ngram_max=args.word_ngram_max, min_df=args.min_df, max_features=args.max_features,
        stance_c=args.stance_c, sentiment_alpha=args.sentiment_alpha, seed=args.seed,
    )


def train(args, stream=sys.stderr) -> tuple[dict, dict]:
    """Run the whole training; return the manifest written to ``args.out`` and the evaluation."""
    corpus = load_corpus(args.data, args.labels)
    params = hyperparameters(args)
    headlines = load_headlines(args.headlines)
    if args.test is None and Path(args.data).resolve() == SHIPPED_CORPUS and SHIPPED_TEST.is_file():
        args.test = SHIPPED_TEST
    test = load_corpus(args.test, corpus.stance_labels, for_training=False) if args.test else None
    evaluation = {}
    topics = {r["topic"] for r in corpus.records} if corpus.has_topics else set()
    run_topic = not args.no_eval and len(topics) >= 2
    steps = 2 + (0 if args.no_eval else args.folds) + (min(args.folds, len(topics)) if run_topic else 0)
    progress = Progress(steps + (1 if headlines else 0) + (1 if test else 0), stream)
    if run_topic:
        evaluation["topic"] = evaluate_split(corpus, topic_folds(corpus, args.folds), params, progress, "topic")
    else:
        evaluation["topic_skipped"] = "needs --folds evaluation and a 'topic' on every record, two topics or more"
    if not args.no_eval:
        evaluation["random"] = evaluate_split(corpus, random_folds(corpus, args.folds, args.seed), params,
                                              progress, "random")
    else:
        evaluation["random_skipped"] = "--no-eval"
    artifact = fit_artifact(corpus.texts, [r["stance"] for r in corpus.records],
                            [r["sentiment"] for r in corpus.records], corpus.stance_labels, params)
    progress.step("final model fitted on all records")
    if headlines:
        scored = StanceModel(artifact).score_sentences([h["text"] for h in headlines])
        evaluation["headlines"] = score_report(headlines, scored, corpus.stance_labels, corpus.sentiment_labels)
        progress.step(f"scored {len(headlines)} real headlines")
    else:
        evaluation["headlines_skipped"] = f"{args.headlines} not found"
    if test:
        scored = StanceModel(artifact).score_sentences(test.texts)
        evaluation["test"] = score_report(test.records, scored, corpus.stance_labels, corpus.sentiment_labels)
        progress.step(f"scored {len(test.records)} blind test sentences")
    else:
        evaluation["test_skipped"] = "no test set (--test)"
    test_records = test.records if test else []
    if any("actors" in record for record in corpus.records + test_records):
        for key, gazetteer, open_class, _ in ACTOR_SETTINGS:
            evaluation[key] = evaluate_actors(corpus.records, ActorMatcher.from_gazetteer(gazetteer, open_class),
                                              test_records)
    else:
        evaluation["actors_skipped"] = "no record has an 'actors' field"
    manifest = build_manifest(args, corpus, params, artifact, evaluation)
    save_model(artifact, manifest, args.out)
    progress.step(f"model written to {args.out}")
    return manifest, evaluation


def build_manifest(args, corpus, params, artifact, evaluation) -> dict:
    def headline_figures(section):
        return {"stance_macro_f1": section["model"]["stance"]["macro_f1"],
                "sentiment_macro_f1": section["model"]["sentiment"]["macro_f1"],
                "baseline_stance_macro_f1": section["baseline"]["stance"]["macro_f1"],
                "baseline_sentiment_macro_f1": section["baseline"]["sentiment"]["macro_f1"]}

    return {
        "name": args.name,
        "version": args.version,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "training_data": {"path": _display_path(args.data), "records": len(corpus.records),
                          "sha256": hashlib.sha256(Path(args.data).read_bytes()).hexdigest()},
        **({"test_data": {"path": _display_path(args.test), "records": evaluation["test"]["sentences"],
                          "sha256": hashlib.sha256(Path(args.test).read_bytes()).hexdigest()}}
           if "test" in evaluation else {}),
        "hyperparameters": params.as_dict(),
        "labels": {"stance": artifact["stance_labels"], "sentiment": artifact["sentiment_labels"]},
        "thresholds": artifact["thresholds"],
        "metrics": {**{key: headline_figures(section) for key, section in evaluation.items()
                       if isinstance(section, dict) and "model" in section},
                    **{key: {part: {k: v for k, v in evaluation[key][part].items() if k != "role_errors"}
                             for part in ("test", "held_out", "all") if part in evaluation[key]}
                       for key, *_ in ACTOR_SETTINGS if key in evaluation}},
        "libraries": library_versions(),
        "python": platform.python_version(),
    }


def _display_path(path: Path) -> str:
    """The path relative to the repository when inside it (no local directories in manifests)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        manifest, evaluation = train(args)
    except CorpusError as error:
        print(f"stance-train: {error}", file=sys.stderr)
        return 2
    report = {key: manifest[key] for key in ("name", "version", "created_at", "training_data")}
    report["evaluation"] = evaluation
    written = write_reports(report, args.report_dir or args.out / "report")
    print(render_text(report))
    print(f"model: {args.out}   reports: {written[0].parent}")
    return 0
