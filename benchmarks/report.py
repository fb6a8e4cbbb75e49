"""Shared printing of benchmark figures: one line per figure with its target and verdict."""
import json
from pathlib import Path


def verdict_line(name: str, value: str, target: str, met: bool) -> str:
    return f"{name}: {value}  (target {target}: {'met' if met else 'NOT MET'})"


def finish(figures: dict, rows, json_path: Path | None) -> int:
    """Print ``rows`` (figure, value, target, met), write ``figures`` as JSON if asked; exit status 0."""
    for row in rows:
        print(verdict_line(*row))
    if json_path:
        Path(json_path).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0
