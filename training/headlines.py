"""The real-headline evaluation set in ``../shared/benchmarks`` (evaluation only, never training)."""
import json
from pathlib import Path

DEFAULT_HEADLINES = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "headlines.jsonl"


def load_headlines(path=None) -> list[dict] | None:
    """The headline records, or None when the file is absent (callers skip with a notice)."""
    path = Path(path) if path else DEFAULT_HEADLINES
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
