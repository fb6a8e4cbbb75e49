"""Sentence splitting for Arabic news text, returning spans into the ORIGINAL text.

``split_sentences(text)`` returns ``Span`` objects such that ``text[span.start:span.end]``
is the sentence exactly as written, trimmed of surrounding whitespace and joiner commas.

Boundaries: line breaks; runs of ``. ! ? ؟``; the ``.,`` joiner scraped articles put
between sentences. Never a boundary: inside URLs, e-mail addresses and decimals or dotted
dates (``3.5``, ``18.08.2019``); after one-letter abbreviations (``د.``, ``U.S.``) and common
Latin ones (``Mr.``); before a Latin letter or digit glued to the dot; inside a quotation,
unless the quotation itself ends with a terminator and is followed by a space or the end.
An ellipsis (``…``, ``..``, ``...``) does not end a sentence by itself: news copy uses it
inside headlines and quotes; a line truncated with ``...`` ends at the line break. Pieces
with no letter (bare timestamps, numbers, punctuation) are skipped, and a date-time stamp
trailing a headline line (related-article blocks) is trimmed from its span.
"""
import re
from dataclasses import dataclass

_TERMINATOR_RUN = re.compile(r"[.!?\u061F\u2026]+|\r\n|[\n\r\v\f\x85\u2028\u2029]")
_LINE_BREAKS = frozenset("\r\n\v\f\x85\u2028\u2029")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u00ab\u00bb\"<>]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_TAIL = ".,!?\u061F:;)]\u00bb\"'\u2026"
# Balanced quotations on one line: «...», "...", “...”.
_QUOTATION = re.compile("\u00ab[^\u00ab\u00bb\n]*\u00bb|\"[^\"\n]*\"|\u201c[^\u201c\u201d\n]*\u201d")
_LATIN_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr inc ltd co corp no vs etc e.g i.e gen col lt sgt rev".split()
)
_TRAILING_STAMP = re.compile(
    r"[\s\-|\u2013\u2014]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# Characters trimmed from both ends of a sentence: whitespace (every character that
# ``str.isspace`` accepts, including the C0 separators) and invisible format controls.
_EDGE = frozenset(char for char in map(chr, range(0x3001)) if char.isspace()) | frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u2060\ufeff")
# Additionally trimmed from the start: joiner punctuation left over from ``.,`` and `` , ``.
_LEADING_JUNK = _EDGE | frozenset(",\u060C;\u061B")


@dataclass(frozen=True, slots=True)
class Span:
    """One sentence: ``text`` equals ``original[start:end]`` (character offsets)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (see the module docstring for the rules)."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects str, got {type(text).__name__}")
    protected = _protected_mask(text)
    closing_quotes = {}
    for match in _QUOTATION.finditer(text):
        start, end = match.span()
        protected[start + 1:end - 1] = b"\x01" * (end - start - 2)
        closing_quotes[end - 1] = end
    spans: list[Span] = []
    start = 0
    for match in _TERMINATOR_RUN.finditer(text):
        run_start, run_end = match.span()
        if text[run_start] in _LINE_BREAKS:
            _emit(text, start, run_start, spans)
            start = run_end
            continue
        end = _sentence_end(text, run_start, run_end, protected, closing_quotes)
        if end is not None and end > start:
            _emit(text, start, end, spans)
            start = end
    _emit(text, start, len(text), spans)
    return spans


def _protected_mask(text: str) -> bytearray:
    """A byte per character, 1 where no boundary may fall (URLs, e-mail addresses)."""
    mask = bytearray(len(text))
    for pattern in (_URL, _EMAIL):
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in _URL_TAIL:
                end -= 1
            mask[start:end] = b"\x01" * (end - start)
    return mask


def _sentence_end(text, run_start, run_end, protected, closing_quotes):
    """The offset where the sentence ending at this terminator run ends, or None."""
    if protected[run_start]:
        if run_end in closing_quotes and _followed_by_break(text, closing_quotes[run_end]):
            return _absorb_terminators(text, closing_quotes[run_end])
        return None
    run = text[run_start:run_end]
    if "\u2026" in run or run.count(".") >= 2 and not set(run) - {"."}:
        return None  # an ellipsis; line breaks end truncated lines
    if run == ".":
        if not _dot_ends_sentence(text, run_start):
            return None
    return run_end


def _dot_ends_sentence(text: str, dot: int) -> bool:
    before = text[dot - 1] if dot > 0 else " "
    after = text[dot + 1] if dot + 1 < len(text) else " "
    if before.isdigit() and after.isdigit():
        return False  # 3.5, 18.08.2019
    if after.isascii() and after.isalnum():
        return False  # example.com, U.S, v1.2
    token_start = dot
    while token_start > 0 and not text[token_start - 1].isspace() and text[token_start - 1] not in ".(\u00ab\"":
        token_start -= 1
    token = text[token_start:dot]
    if len(token) == 1 and token.isalpha():
        return False  # one-letter abbreviation: د. م. U.S.
    return token.lower() not in _LATIN_ABBREVIATIONS


def _followed_by_break(text: str, position: int) -> bool:
    return position >= len(text) or text[position].isspace() or text[position] in ".!?\u061F"


def _absorb_terminators(text: str, position: int) -> int:
    while position < len(text) and text[position] in ".!?\u061F":
        position += 1
    return position


def _emit(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    piece = text[start:end]
    if not any(ch.isalpha() for ch in piece):
        return
    stamp = _TRAILING_STAMP.search(piece)
    if stamp and any(ch.isalpha() for ch in piece[:stamp.start()]):
        end = start + stamp.start()
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    spans.append(Span(start, end, text[start:end]))
