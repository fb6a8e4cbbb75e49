"""Actors outside the gazetteer, recognized from how news copy names them ("open class").

No list names every minister, university, union or company that news mentions, so the matcher
(``stance.actors``) also recognizes two shapes of name, from two DATA files:

* ``data/first_names.txt``: a first name followed by a surname is a person (مروان الحلبي، كريس
  رايت، عبد اللطيف ميراوي). A title right before the name is part of the person's mention and
  gives the person's country (وزير التعليم العالي السوري مروان الحلبي: one mention, country SYR;
  data/README.md, decision 9). First names that are also common words (أمين، سلام، جو) are in
  ``data/title_first_names.txt`` and count only right after an official's title that names a
  state or an organization (وزير الاقتصاد اللبناني أمين سلام).
* ``data/org_heads.txt``: a head noun in construct state followed by a name is an organization
  (جامعة كولومبيا، نقابة المحامين الأردنيين، حزب سومار، شركة «إيفانتي»), and so is a head
  with the article followed by an adjective (الحزب الاشتراكي الديمقراطي). The name runs over
  the genitive or adjective chain after it, up to an actor of the gazetteer, a function word or
  punctuation (``organization_end``). An indefinite adjective right after the head (جماعة
  مسلحة، منظمة حقوقية) or a quantifier before it (أكبر شركة) makes it generic, not a name.
  Flags per head say when the name never takes the article (حركة) and when it may be a place
  (جامعة, which after في is where something happens: decision 1).

* ``data/common_words.txt``: the words the annotated corpus uses outside every actor's name,
  learned from it by ``python -m training.common_words``. Right after an official's title
  that names a state or an organization, two or three words none of which is such a word (or
  each a first name) are the title holder's name (رئيس الوزراء الصربي الجديد جورو ماتسوت):
  a verb-first sentence puts a common word there instead (أعلن وزير الصحة المصري نجاح ...).

A first name that folds like a function word counts only as the list writes it (علي, not
على; آلان, not الآن), and never with an attached preposition (بيان is not ب + يان).

Such an actor's id is ``x:`` and its name as written, without clitics or diacritics
(``x:مروان الحلبي``): stable across the sentences of an article, never a gazetteer id. Users
who want a canonical id add the actor to their gazetteer file, which is matched first.
"""
import re
from dataclasses import dataclass

from stance.gazetteer import ARTICLE
from stance.normalize import fold_words, folded_set, remove_diacritics, remove_tatweel
from stance.word_lists import DATA, read_word_list

OPEN_PREFIX = "x:"
FIRST_NAMES = DATA / "first_names.txt"
TITLE_FIRST_NAMES = DATA / "title_first_names.txt"
ORG_HEADS = DATA / "org_heads.txt"
COMMON_WORDS = DATA / "common_words.txt"


@dataclass(frozen=True)
class Cue:
    """What a first name or a head noun opens: a person, or an organization with the flags of
    its head in ``data/org_heads.txt`` (``proper``, ``place``)."""
    kind: str
    flags: frozenset[str] = frozenset()


PERSON = Cue("person")
TITLED_PERSON = Cue("person", frozenset({"after_title"}))  # a first name that is also a common word

# The next word: after spaces only (punctuation ends a name), an opening quote allowed.
_NEXT_WORD = re.compile(r"[ \t]+[«\"]?([^\W\d_]+)")
_CLOSING_QUOTE = re.compile(r"[»\"]")
_QUOTE = re.compile(r"[«»\"]")
_QUOTED_REST = re.compile(r"[^«»\".,،:؛;()]{1,40}[»\"]")  # up to the closing quote, no punctuation
_PLAIN_WORD = re.compile(r"[ \t]+([^\W\d_]+)(?!\w)")  # the next word after spaces, no quote
_UNKNOWN_NAME_WORDS = (2, 3)  # fewest and most words of a title holder's name outside every list
_MAX_MODIFIERS = 2  # title modifiers before such a name (السابق الفريق)
CLITIC_LETTERS = "\u0648\u0641\u0628\u0644\u0643"  # و ف ب ل ك: letters a clitic may start with


# Words that never start or continue a name: function words, pronouns, reporting verbs, days and
# times, which follow a name in news copy (قال محمد أمس، جامعة كولومبيا الثلاثاء).
_NOT_A_NAME = folded_set(
    "في من إلى الى على عن مع أن إن أنه إنه أنها قد لا لم لن ما ماذا هو هي هم هما الذي التي الذين "
    "اللذين اللتين اللواتي ثم أو أم بل لكن كما حيث بعد قبل خلال أمس اليوم غدا عند حتى منذ بين حول "
    "ضد عبر لدى نحو ذلك تلك هذا هذه هؤلاء كل بعض غير أي أيضا إذ إذا لو وقال قال قالت أكد أكدت "
    "أعلن أعلنت يقول تقول وأضاف أضاف أضافت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة "
    "السبت يوم مساء صباح ظهر الماضي الماضية الجاري الجارية المقبل المقبلة الحالي الحالية السابق "
    "السابقة الأسبق الجديد الجديدة نفسه نفسها ذاته ذاتها عام العام سنة شهر الآن يحيي تأمر لاي")
# Words after a first name that make it the name of a place or a thing (مطار آدن عدي الدولي،
# جلال آباد).
_NOT_A_SURNAME = _NOT_A_NAME | folded_set("الدولي الدولية آباد")
# Words that join the parts of a name (محمد بن سلمان، أبو محمد الجولاني، عبد اللطيف).
_NAME_LINKS = folded_set("بن ابن بنت أبو أبي أبا آل ولد عبد دي دا دو لا فان فون")
# Indefinite adjectives that make a head noun generic (جماعة مسلحة، حزب معارض، شركة ناشئة).
_GENERIC = folded_set(
    "مسلح مسلحة حقوقي حقوقية معارض معارضة محلي محلية دولي دولية أجنبي أجنبية خاص خاصة حكومي "
    "حكومية كبير كبيرة كبرى صغير صغيرة جديد جديدة ناشئة ناشئ عملاق عملاقة عالمي عالمية إقليمي "
    "إقليمية متطرف متطرفة إرهابي إرهابية يميني يمينية يساري يسارية إسلامي إسلامية غربي غربية "
    "عربي عربية أوروبي أوروبية أمنية عسكرية عسكري طبية طبي إنسانية إنساني خيرية خيري تابعة تابع "
    "مقربة مقرب أخرى آخر واحد واحدة ثالثة ثالث ثانية ثان أولى أول عدة جديدا أكبر "
    # a relative clause right after an indefinite head (تحالف تقوده سيمنس، شركة تملكها الدولة)
    "تقوده يقوده تقودها يقودها تضم يضم تملكها يملكها تملكه يملكه تتخذ يتخذ مقرها مقره "
    "سابق سابقة سابقا")
# ال لل وال: the start of a genitive or adjective chain
_ARTICLES = ("\u0627\u0644", "\u0644\u0644", "\u0648\u0627\u0644")
_FOR = "\u0644\u0644"  # لل: a purpose, not a name (شركة لشحن الحاويات)
_FEMININE_ENDING = "\u0647"  # ة folded: an indefinite feminine adjective agreeing with its head
_NISBA_ENDING = "\u064a"  # ي
_PREPOSITION = re.compile("[\u0628\u0644\u0643]")  # ب ل ك
# A verb or noun joined by و with its ت (وتتهم، وتقليص) ends a name: it starts the next clause. Not
# و + ي / ا, which start Western names (ويلسون، والتر).
_CONJOINED_VERB = re.compile("^\u0648\u062a\\w\\w")
_MAX_CHAIN = 4  # words of an organization's name after the head noun
_LINKED = _ARTICLES[1:]  # لل وال
_FEMININE_NISBA = "\u064a\u0647"  # يه: agrees with a feminine head (مجموعة ماريوت الدولية)
# Endings of an adjective (folded): nisba forms and sound plurals (الدولية، المتفرغين، الوطني).
_ADJECTIVE_ENDINGS = ("\u064a", "\u064a\u0647", "\u064a\u0646", "\u064a\u0648\u0646", "\u064a\u0627\u062a")
# Adjectives of a head with the article that a purpose with ل follows (الكونفدرالية العامة للشغل).
_GENERAL = folded_set("العام العامة الأعلى العليا")
_PURPOSE = re.compile("\u0644\\w{3,}")  # ل and a word: للشغل، لعمال
# Words before a head noun that make it generic (أكبر شركة، أي شركة، كل حزب).
_QUANTIFIERS = folded_set("أي كل أكبر أول ثاني ثالث أكثر أقدم إحدى أحد كبرى أبرز")


def cue_forms() -> tuple[dict[str, Cue], dict[str, frozenset[str]]]:
    """Folded first names and head nouns, each with its ``Cue``; and, for a first name that
    folds like a function word (علي like على، آلان like الآن), the spellings that make it a name."""
    names = read_word_list(FIRST_NAMES)
    forms = {fold_words(name): TITLED_PERSON for name in read_word_list(TITLE_FIRST_NAMES)}
    forms.update({fold_words(name): PERSON for name in names})
    for line in read_word_list(ORG_HEADS):
        head, _, flags = line.partition("\t")
        forms[fold_words(head)] = Cue("organization", frozenset(flags.split()))
    clashes = {form: frozenset(name for name in names if fold_words(name) == form)
               for form in forms.keys() & _NOT_A_NAME}
    return forms, clashes


def read_common_words() -> frozenset[str]:
    """The folded words of ``data/common_words.txt``; empty when the file is absent."""
    return frozenset(read_word_list(COMMON_WORDS)) if COMMON_WORDS.is_file() else frozenset()


def unknown_name_span(folded: str, position: int, limit: int, common_words, first_names,
                      modifiers) -> tuple[int, int] | None:
    """The folded span of a title holder's name that no list has, right after ``position`` (the
    end of the title) and past up to two ``modifiers`` (السابق، الفريق): two or three words,
    ending by ``limit``, each a first name or a word outside ``common_words``; or None."""
    word = _PLAIN_WORD.match(folded, position)
    for _ in range(_MAX_MODIFIERS):
        if word is None or word.group(1) not in modifiers:
            break
        word = _PLAIN_WORD.match(folded, word.end())
    fewest, most = _UNKNOWN_NAME_WORDS
    words = []
    while word is not None and word.end() <= limit and len(words) < most \
            and _is_unknown_name_word(word.group(1), common_words, first_names):
        words.append(word)
        word = _PLAIN_WORD.match(folded, word.end())
    return (words[0].start(1), words[-1].end()) if len(words) >= fewest else None


def _is_unknown_name_word(word: str, common_words, first_names) -> bool:
    """Whether a folded word can be part of a name no list has: a first name, or a word the
    corpus never uses outside an actor's name, also after a clitic (وبحث is و + بحث)."""
    if word in _NOT_A_NAME or word.startswith(ARTICLE):
        return False
    if word in first_names:
        return True
    return word not in common_words and not (len(word) > 3 and word[0] in CLITIC_LETTERS
                                             and word[1:] in common_words)


def person_end(text: str, folded: str, offsets, first: re.Match, first_names, clashes, listed_at):
    """``(end, actor)`` of the person's name whose first name is ``first`` (the matcher's
    match): its folded end, and the gazetteer person it names when its surname is one (جوزاف
    عون -> the actor of عون), else None; or None when no surname follows. ``first_names``: the
    folded first names; ``clashes``: as from ``cue_forms``; ``listed_at(position)``: ``(actor,
    end)`` of the gazetteer form that starts there, or None."""
    name = first.group("name")
    if name in clashes:  # على is not علي, الآن is not آلان
        written = text[offsets[first.start("name")]:offsets[first.end("name") - 1] + 1]
        if remove_diacritics(written) not in clashes[name]:
            return None
    if _PREPOSITION.search(first.group("clitic")):
        return None  # بيان، لأي، كريم: a preposition on a short name is another word
    word = _NEXT_WORD.match(folded, first.end())
    if word is None or word.group(1) in _NOT_A_SURNAME or _CONJOINED_VERB.match(word.group(1)):
        return None
    listed = listed_at(word.start(1))
    if listed is not None:
        actor, end = listed
        return (end, actor) if actor.kind == "person" else None
    end = word.end()
    if word.group(1) in _NAME_LINKS or word.group(1) in first_names:
        # a link (محمد بن ...) or a second given name (جان نويل ...): the surname follows
        following = _NEXT_WORD.match(folded, end)
        if following is not None and following.group(1) not in _NOT_A_NAME \
                and listed_at(following.start(1)) is None:
            end = following.end()
        elif word.group(1) in _NAME_LINKS:
            return None
    return end, None


def organization_end(folded: str, head: re.Match, flags: frozenset[str],
                     listed_at) -> tuple[int, str | None] | None:
    """``(end, country)`` of the organization's name opened by ``head`` (a head noun): its
    folded end and the state of a nisba inside it (نقابة المحامين الأردنيين -> JOR); or None
    when no name follows: a generic noun phrase (أكبر شركة، جماعة مسلحة) or an actor of the
    gazetteer (مصرف لبنان). ``listed_at`` as for ``person_end``.

    After a proper name (جامعة هارفارد، مجموعة ماريوت) only adjectives with the article that
    agree with the head follow (الدولية, not الأهالي), up to a nisba, which describes it (شركة
    متروجت الروسية); after a genitive with the article (نقابة المحامين) the chain goes on over
    adjectives, a nisba included, and over لل / وال (اتحاد الغرف السياحية، حزب العدالة
    والتنمية). Never over a noun that may be the verb's object (ونفت جامعة هارفارد الاتهامات).
    A quoted name runs to its closing quote (حركة «جيل زد 212»).

    ``flags``: the head's flags from ``data/org_heads.txt``: ``proper`` (the name never takes
    the article: حركة إنصاف, not حركة المرور), ``place`` (the name may be a place or state of
    the gazetteer: جامعة كولومبيا، بلدية أنقرة). A head with the article
    (الاتحاد، الحزب) takes only an adjective with the article (الحزب الاشتراكي الديمقراطي, not
    الحزب الحاكم)."""
    head_name = head.group("name")
    before = folded[:head.start()].rsplit(None, 1)[-1:]
    word = _NEXT_WORD.match(folded, head.end())
    if word is None or (before and before[0] in _QUANTIFIERS):
        return None
    first, listed = word.group(1), listed_at(word.start(1))
    definite = head_name.startswith(_ARTICLES[0])
    if definite and (purpose := _purpose_end(folded, word, listed, "state" in flags)):
        return _chain_end(folded, purpose, _ADJECTIVE_ENDINGS, listed_at, proper=False,
                          country=listed[0].id if listed else None)
    quoted = _QUOTE.match(folded, word.start(1) - 1) is not None
    if quoted and listed is not None and (rest := _QUOTED_REST.match(folded, word.start(1))) \
            and listed[1] < rest.end() - 1:
        return rest.end(), None  # a quoted name that only starts with a listed one: «فلسطين أكشن»
    named_after_place = "place" in flags and listed is not None and listed[0].kind == "country" \
        and not _is_nisba(first)  # جامعة كولومبيا
    if listed is not None and not named_after_place:
        return None
    if first in _NOT_A_NAME or first in _GENERIC or first.startswith(_FOR):
        return None
    proper = not first.startswith(_ARTICLES)
    if definite:  # الحزب الاشتراكي: an adjective with the article
        if proper or not _is_nisba(first):
            return None
    elif "proper" in flags and not proper:
        return None
    feminine = head_name.endswith(_FEMININE_ENDING)
    agrees_as_adjective = first.endswith(_FEMININE_ENDING if feminine else _NISBA_ENDING)
    if proper and not quoted and len(first) > 3 and agrees_as_adjective:
        state = _NEXT_WORD.match(folded, word.end())
        named = listed_at(state.start(1)) if state else None
        if named is None or named[0].kind != "country" or _is_nisba(state.group(1)):
            return None  # an indefinite adjective agreeing with the head: منظمة حقوقية، حزب يميني
        return named[1], named[0].id  # a plural noun and a state's name: نقابة صيادلة مصر
    if quoted and (rest := _QUOTED_REST.match(folded, word.start(1))):
        return rest.end(), None
    agreeing = (_FEMININE_NISBA if feminine else _NISBA_ENDING) if proper else _ADJECTIVE_ENDINGS
    return _chain_end(folded, listed[1] if listed else word.end(), agreeing, listed_at, proper)


def _purpose_end(folded: str, adjective: re.Match, listed, state_body: bool) -> int | None:
    """After a head with the article: the end of ``adjective`` and of the purpose that follows it
    with ل (الاتحاد التونسي للفلاحة، الكونفدرالية العامة لعمال اليونان), or None. The adjective
    may be a state's nisba (``listed``), which then gives the body's state instead of naming the
    state itself, unless the head is a state's own body (``state_body``: الوكالة الفرنسية للتنمية
    is France)."""
    if listed is not None:
        if state_body or listed[0].kind != "country" or not _is_nisba(adjective.group(1)):
            return None
        end = listed[1]
    elif adjective.group(1) in _GENERAL:
        end = adjective.end()
    else:
        return None
    purpose = _NEXT_WORD.match(folded, end)
    if purpose is None or not _PURPOSE.match(purpose.group(1)) or purpose.group(1) in _NOT_A_NAME:
        return None
    return purpose.end()


def _chain_end(folded: str, end: int, agreeing, listed_at, proper: bool, country=None):
    """``(end, country)`` of a name that has reached ``end``, going on over the words that
    continue it (see ``organization_end``)."""
    for _ in range(_MAX_CHAIN - 1):
        word = _NEXT_WORD.match(folded, end)
        if word is None or word.group(1) in _NOT_A_NAME or not word.group(1).startswith(_ARTICLES):
            break
        listed = listed_at(word.start(1))
        if listed is not None:
            if proper or listed[0].kind != "country":
                break
            end, country = listed[1], listed[0].id  # المحامين الأردنيين: the lawyers' state
        elif word.group(1).startswith(_LINKED) or word.group(1).endswith(agreeing):
            end = word.end()
        else:
            break
    closing = _CLOSING_QUOTE.match(folded, end)
    return (closing.end() if closing else end), country


def _is_nisba(word: str) -> bool:
    return word.endswith(_ADJECTIVE_ENDINGS)


def open_id(surface: str) -> str:
    """The id of an actor outside the gazetteer: ``x:`` and its name without diacritics,
    tatweel or quotes, one space between words."""
    return OPEN_PREFIX + " ".join(remove_tatweel(remove_diacritics(surface)).replace("«", " ")
                                  .replace("»", " ").replace('"', " ").split())
