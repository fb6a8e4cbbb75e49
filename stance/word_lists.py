"""Word-list DATA files of the actor matcher (``stance/data/*.txt``): read, never edited in code.

Two shapes: one entry per line (first names, head nouns: ``read_word_list``), and sections of
words (``[name]`` then words separated by spaces or lines: ``read_sections``). ``#`` starts a
comment line; blank lines are skipped.
"""
from importlib import resources

DATA = resources.files("stance") / "data"


def read_word_list(path) -> list[str]:
    """The entries of a one-per-line file, spaces collapsed within each tab-separated field."""
    return ["\t".join(" ".join(field.split()) for field in line.split("\t")) for line in _lines(path)]


def read_sections(path) -> dict[str, list[str]]:
    """The words of each ``[section]`` of a sectioned file."""
    sections: dict[str, list[str]] = {}
    words = None
    for line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            words = sections.setdefault(stripped[1:-1], [])
        elif words is None:
            raise ValueError(f"{path}: words before the first [section]")
        else:
            words.extend(stripped.split())
    return sections


def _lines(path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
