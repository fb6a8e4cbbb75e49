"""Evaluation reports: JSON for machines, text for people, PNG confusion matrices."""
import json
from pathlib import Path

from training.actor_eval import ACTOR_SETTINGS

SECTIONS = {"topic": "Topic-held-out cross-validation (test topics never seen in training)",
            "random": "Random cross-validation",
            "headlines": "Real headlines (../shared/benchmarks, evaluation only)",
            "test": "Blind test set (data/test.jsonl: new topics, written blind, never trained on)"}
ACTOR_PARTS = {"test": "blind test", "held_out": "held-out", "development": "development", "all": "all"}


def render_text(report: dict) -> str:
    lines = [f"Model {report['name']} {report['version']}  trained on {report['training_data']['records']} "
             f"records ({report['training_data']['path']})"]
    for key, title in SECTIONS.items():
        section = report["evaluation"].get(key)
        lines += ["", title]
        if section is None:
            lines.append("  skipped: " + report["evaluation"].get(f"{key}_skipped", "not available"))
            continue
        lines += _section_lines(section)
    for key, *_, title in ACTOR_SETTINGS:
        lines += ["", f"Actors and roles, {title} (roles from gold stance labels)"]
        actors = report["evaluation"].get(key)
        if actors is None:
            lines.append("  skipped: " + report["evaluation"].get("actors_skipped", "not available"))
            continue
        lines.append(f"  held-out topics: {', '.join(actors['held_out_topics'])}")
        for part, part_title in ACTOR_PARTS.items():
            if part in actors:
                lines.append(_actor_line(part_title, actors[part]))
    return "\n".join(lines) + "\n"


def _actor_line(title: str, figures: dict) -> str:
    roles = "n/a" if figures["source_accuracy"] is None else \
        f"source {figures['source_accuracy']:.3f}  target {figures['target_accuracy']:.3f}"
    return (f"  {title:<12} {figures['sentences']:>5} sentences  mention P {figures['mention_precision']:.3f}"
            f"  R {figures['mention_recall']:.3f}   {figures['stance_sentences']} stance sentences: {roles}")


def _section_lines(section: dict) -> list[str]:
    model, baseline = section["model"], section["baseline"]
    lines = [f"  {section['sentences']} sentences",
             f"  {'stance label':<14}{'P':>7}{'R':>7}{'F1':>7}   baseline F1{'support':>9}"]
    for label, m in model["stance"]["per_label"].items():
        b = baseline["stance"]["per_label"][label]
        lines.append(f"  {label:<14}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}   "
                     f"{b['f1']:>11.3f}{m['support']:>9}")
    lines.append(f"  stance macro-F1     model {model['stance']['macro_f1']:.3f}   "
                 f"baseline {baseline['stance']['macro_f1']:.3f}")
    lines.append(f"  sentiment macro-F1  model {model['sentiment']['macro_f1']:.3f}   "
                 f"baseline {baseline['sentiment']['macro_f1']:.3f}   "
                 f"(accuracy {model['sentiment']['accuracy']:.3f})")
    calibration = ", ".join(f"{label} {c['brier']:.3f}/{c['ece']:.3f}"
                            for label, c in model["stance_calibration"].items())
    lines.append(f"  calibration (Brier/ECE)  stance: {calibration}; sentiment "
                 f"{model['sentiment_calibration']['brier']:.3f}/{model['sentiment_calibration']['ece']:.3f}")
    errors = ", ".join(f"{kind} ({count})" for kind, count in list(model["stance_error_types"].items())[:6])
    lines.append(f"  main stance errors (true -> predicted): {errors or 'none'}")
    return lines


def write_reports(report: dict, directory) -> list[Path]:
    """Write report.json, report.txt and one PNG per confusion matrix; return the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / "report.json", directory / "report.txt"]
    paths[0].write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    paths[1].write_text(render_text(report), encoding="utf-8")
    for key, section in report["evaluation"].items():
        if isinstance(section, dict) and "model" in section:
            for head in ("stance", "sentiment"):
                path = directory / f"confusion_{head}_{key}.png"
                _plot_confusion(section["model"][f"{head}_confusion"], f"{head}: {SECTIONS[key]}", path)
                paths.append(path)
    return paths


def _plot_confusion(confusion: dict, title: str, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    labels, matrix = confusion["labels"], confusion["matrix"]
    size = 2.2 + 0.6 * len(labels)
    figure, axes = pyplot.subplots(figsize=(size + 1.5, size))
    image = axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("true")
    axes.set_title(title, fontsize=9)
    peak = max(max(row) for row in matrix) or 1
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            axes.text(j, i, value, ha="center", va="center", fontsize=8,
                      color="white" if value > peak / 2 else "black")
    figure.colorbar(image, ax=axes)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    pyplot.close(figure)
