"""The actor gazetteer: a tab-separated DATA file of actors and the Arabic forms that name them.

Format (UTF-8, one actor per line, ``#`` starts a comment line, blank lines ignored)::

    id <TAB> kind <TAB> country <TAB> name <TAB> forms

* ``id``: canonical id (ISO 3166 alpha-3 for countries, e.g. ``FRA``; ``UN``; ``macron``).
* ``kind``: one of ``KINDS``.
* ``country``: the country or organization id the actor belongs to (its own id for
  countries and organizations).
* ``name``: display name (Arabic).
* ``forms``: surface forms separated by ``|``, written as in news copy (diacritics, hamza
  and teh marbuta spellings do not matter: forms are folded like the text). A form starting
  with ``~`` is a nisba stem ending in ي (``~فرنسي``) and is expanded to every inflection
  with and without the article (الفرنسي، فرنسية، الفرنسيون، الفرنسيين، الفرنسيتين ...).
  A form starting with ``@`` is a *place form*: a capital or a seat of government
  (``@بيروت``, ``@البيت الأبيض``), or an institution that is also a place (``@جامعة القاهرة``,
  ``@المتحف البريطاني``). It names the actor when it stands for the state or acts
  (رفضت بيروت، البيت الأبيض يحذر، جامعة القاهرة تعلن) and not when it is the place where
  something happens (في بيروت، ببغداد، مطار دمشق، طالب في جامعة القاهرة); see ``stance.actors``.

The shipped file is ``stance/data/gazetteer.tsv``. User files in the same format are read
after it, in order: a line whose id already exists REPLACES that actor; new ids are added. A
line ``id <TAB> -`` removes an actor. The name ``extended`` stands for the shipped extended
list ``stance/data/gazetteer_extended.tsv`` (about 3,100 more officials, parties, media,
companies and public figures: higher recall, slower matching).
"""
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from stance.errors import GazetteerError

KINDS = ("country", "organization", "person", "group")
DEFAULT_GAZETTEER = resources.files("stance") / "data" / "gazetteer.tsv"
EXTENDED_GAZETTEER = resources.files("stance") / "data" / "gazetteer_extended.tsv"
EXTENDED = "extended"  # the name that selects EXTENDED_GAZETTEER among user files
REMOVE = "-"
NISBA_MARK = "~"
PLACE_MARK = "@"
_ID = re.compile(r"^(?:[A-Z][A-Z0-9_]*|[a-z][a-z0-9_]*)$")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Endings of a nisba adjective after its stem in ي: m/f singular, dual, sound plurals.
NISBA_ENDINGS = ("", "\u0629", "\u0648\u0646", "\u064a\u0646", "\u0627\u0646", "\u062a\u0627\u0646",
                 "\u062a\u064a\u0646", "\u0627\u062a")  # "" ة ون ين ان تان تين ات
ARTICLE = "\u0627\u0644"  # ال


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    country: str
    name: str
    forms: tuple[str, ...]


def expand_form(form: str) -> list[str]:
    """A plain form as is; a ``~`` nisba stem as all its inflections, with and without ال;
    a ``@`` place form without its mark."""
    if form.startswith(PLACE_MARK):
        return [form[len(PLACE_MARK):]]
    if not form.startswith(NISBA_MARK):
        return [form]
    stem = form[len(NISBA_MARK):]
    inflected = [stem + ending for ending in NISBA_ENDINGS]
    return inflected + [ARTICLE + word for word in inflected]


def parse_line(line: str, where: str) -> Actor | str:
    """Parse one data line into an ``Actor`` (or the id to remove); raise ``GazetteerError``."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) == 2 and fields[1].strip() == REMOVE:
        return _checked_id(fields[0].strip(), where)
    if len(fields) != 5:
        raise GazetteerError(f"{where}: expected 5 tab-separated fields "
                             f"(id, kind, country, name, forms), found {len(fields)}")
    actor_id, kind, country, name, forms = (field.strip() for field in fields)
    _checked_id(actor_id, where)
    if kind not in KINDS:
        raise GazetteerError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if not _ID.match(country):
        raise GazetteerError(f"{where}: country {country!r} is not a valid id")
    if not name:
        raise GazetteerError(f"{where}: empty name")
    surface = tuple(form.strip() for form in forms.split("|"))
    for form in surface:
        if not _ARABIC_LETTER.search(form):
            raise GazetteerError(f"{where}: form {form!r} has no Arabic letter")
        if form.startswith(PLACE_MARK) and not _ARABIC_LETTER.match(form[len(PLACE_MARK):]):
            raise GazetteerError(f"{where}: place form {form!r} must start with an Arabic letter after @")
        if form.startswith(NISBA_MARK) and not form.endswith("\u064a"):
            raise GazetteerError(f"{where}: nisba stem {form!r} must end in ي")
    return Actor(actor_id, kind, country, name, surface)


def read_gazetteer(path, actors: dict[str, Actor] | None = None) -> dict[str, Actor]:
    """Read a gazetteer file on top of ``actors`` (replacing and removing by id)."""
    actors = dict(actors or {})
    try:
        text = Path(path).read_text(encoding="utf-8") if isinstance(path, (str, Path)) \
            else path.read_text(encoding="utf-8")
    except OSError as error:
        raise GazetteerError(f"cannot read gazetteer {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"gazetteer {path} is not UTF-8 text") from None
    seen = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        parsed = parse_line(line, where)
        actor_id = parsed if isinstance(parsed, str) else parsed.id
        if actor_id in seen:
            raise GazetteerError(f"{where}: id {actor_id} appears twice in this file")
        seen.add(actor_id)
        if isinstance(parsed, str):
            if parsed not in actors:
                raise GazetteerError(f"{where}: cannot remove unknown id {parsed}")
            del actors[parsed]
        else:
            actors[parsed.id] = parsed
    return actors


def load_gazetteer(user_path=None) -> dict[str, Actor]:
    """The shipped gazetteer with the user's files applied on top, in order. ``user_path``: a
    path, or several joined by ``os.pathsep``; ``extended`` names the shipped extended list."""
    actors = read_gazetteer(DEFAULT_GAZETTEER)
    for path in str(user_path or "").split(os.pathsep):
        if path:
            actors = read_gazetteer(EXTENDED_GAZETTEER if path == EXTENDED else path, actors)
    return actors


def _checked_id(actor_id: str, where: str) -> str:
    if not _ID.match(actor_id):
        raise GazetteerError(f"{where}: id {actor_id!r} must be UPPER_CASE or lower_case "
                             "letters, digits and _")
    return actor_id
