"""Arabic text normalization for features: one pure ``str -> str`` function per rule.

``normalize_text`` composes the rules in a fixed order and is the single entry point used
by training and scoring alike. Normalization is only ever applied to a copy of the text
for feature extraction; sentence spans always point into the original text.

Policies decided here (documented in the README):

* alef forms أ إ آ ٱ become bare alef ا; hamza on waw/ya (ؤ ئ) and lone hamza ء are kept,
  because pyarabic's "uniform" hamza mode would merge distinct words.
* alef maqsura ى becomes ya ي and teh marbuta ة becomes heh ه: both pairs are written
  interchangeably at word end in news copy (سورية/سوريه, على/علي), so merging them makes
  spelling variants share features. pyarabic's ``normalize_alef`` is NOT used because it
  also turns ى into ا (على -> علا).
"""
import re
from collections.abc import Sequence

from pyarabic import araby

# Diacritics: pyarabic's eight harakat plus marks it leaves in place
# (U+0653-U+065F maddah/hamza marks, U+0670 superscript alef, U+06D6-U+06ED Quranic marks).
_EXTRA_MARKS = [chr(c) for c in range(0x0653, 0x0660)] + ["\u0670"]
_EXTRA_MARKS += [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DE, 0x06E9)]
_DIACRITICS = str.maketrans("", "", "".join(araby.TASHKEEL) + "".join(_EXTRA_MARKS))

_ALEF_FORMS = str.maketrans({
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0622": "\u0627",  # آ alef with madda
    "\u0671": "\u0627",  # ٱ alef wasla
})
_ALEF_MAQSURA = str.maketrans({"\u0649": "\u064A"})  # ى -> ي
_TEH_MARBUTA = str.maketrans({"\u0629": "\u0647"})  # ة -> ه

_DIGITS = str.maketrans(
    {chr(0x0660 + d): str(d) for d in range(10)}  # Arabic-Indic ٠-٩
    | {chr(0x06F0 + d): str(d) for d in range(10)}  # Persian ۰-۹
)

# Bidi embedding/override/isolate controls, marks (LRM, RLM, ALM) and zero-width characters.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069\u061c\u2060\ufeff"
_INVISIBLES = str.maketrans("", "", _INVISIBLE)

_QUOTES = str.maketrans({q: '"' for q in "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033"})

_HASHTAG = re.compile(r"#+(\w+)")
_WHITESPACE = re.compile(r"\s+")


def remove_diacritics(text: str) -> str:
    """Remove tashkeel (harakat, tanween, shadda, sukun) and other combining Arabic marks."""
    return text.translate(_DIACRITICS)


def remove_tatweel(text: str) -> str:
    """Remove the tatweel (kashida) stretching character U+0640."""
    return araby.strip_tatweel(text)


def normalize_alef(text: str) -> str:
    """Unify alef with hamza, madda or wasla to bare alef (leaves ى alone)."""
    return text.translate(_ALEF_FORMS)


def normalize_alef_maqsura(text: str) -> str:
    """Write alef maqsura ى as ya ي."""
    return text.translate(_ALEF_MAQSURA)


def normalize_teh_marbuta(text: str) -> str:
    """Write teh marbuta ة as heh ه."""
    return text.translate(_TEH_MARBUTA)


def normalize_digits(text: str) -> str:
    """Turn Arabic-Indic and Persian (extended) digits into ASCII digits."""
    return text.translate(_DIGITS)


def remove_invisibles(text: str) -> str:
    """Strip bidi control characters and zero-width characters."""
    return text.translate(_INVISIBLES)


def expand_hashtags(text: str) -> str:
    """Turn ``#الهدنة_في_الغوطة`` into ``الهدنة في الغوطة``."""
    return _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), text)


def normalize_quotes(text: str) -> str:
    """Unify guillemets and curly double quotes to the ASCII double quote."""
    return text.translate(_QUOTES)


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace (including no-break spaces) to one space; trim."""
    return _WHITESPACE.sub(" ", text).strip()


RULES = (
    remove_invisibles,
    remove_diacritics,
    remove_tatweel,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_teh_marbuta,
    normalize_digits,
    expand_hashtags,
    normalize_quotes,
    collapse_whitespace,
)


def normalize_text(text: str) -> str:
    """Apply every rule of ``RULES`` in order; the result is idempotent."""
    for rule in RULES:
        text = rule(text)
    return text


# Per-character folding for dictionary matching (``fold_with_offsets``): the letter rules of
# ``normalize_text`` that never change the length of a word, plus the removals.
_FOLD = {**_ALEF_FORMS, **_ALEF_MAQSURA, **_TEH_MARBUTA, **_DIACRITICS, **_INVISIBLES, 0x0640: None}
FOLD_REMOVED = frozenset(chr(code) for code, value in _FOLD.items() if value is None or value == "")


_FOLD_LETTERS = tuple((chr(code), value) for code, value in _FOLD.items() if value)  # one for one
_FOLD_REMOVED_CHARACTER = re.compile("[" + "".join(map(re.escape, sorted(FOLD_REMOVED))) + "]")


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text`` for matching names and return, per folded character, its index in ``text``.

    Folding removes diacritics, tatweel and invisible characters and unifies alef forms, ى
    and ة (as ``normalize_text`` does) but keeps whitespace and punctuation, so a match in
    the folded text maps back to a span of the original.
    """
    if _FOLD_REMOVED_CHARACTER.search(text) is None:
        # The common case: only one-for-one letters change, offsets are the identity. A few
        # str.replace calls are ~3x faster than str.translate with a dict on Arabic text.
        for letter, replacement in _FOLD_LETTERS:
            if letter in text:
                text = text.replace(letter, replacement)
        return text, range(len(text))
    folded = text.translate(_FOLD)
    return folded, [index for index, char in enumerate(text) if char not in FOLD_REMOVED]


def fold_words(text: str) -> str:
    """``text`` folded for matching names, one space between words (a gazetteer form, a word list)."""
    return " ".join(fold_with_offsets(text)[0].split())


def folded_set(words: str) -> frozenset[str]:
    """The folded words of a space-separated list, as a set to look folded words up in."""
    return frozenset(fold_words(words).split())


# All character-level rules of ``RULES`` fused into one table: ``normalize_for_features``
# runs on every sentence scored, and one ``str.translate`` pass is ~6x faster than eight.
_CHARACTER_RULES = {**_INVISIBLES, **_DIACRITICS, 0x0640: None, **_ALEF_FORMS, **_ALEF_MAQSURA,
                    **_TEH_MARBUTA, **_DIGITS, **_QUOTES}


def normalize_for_features(text: str) -> str:
    """The vectorizer's preprocessor: ``normalize_text(text).lower()``, computed in one pass.

    Equal to the composition of ``RULES`` (a property test checks it on arbitrary text).
    """
    text = text.translate(_CHARACTER_RULES)
    if "#" in text:
        text = expand_hashtags(text)
    return collapse_whitespace(text).lower()
