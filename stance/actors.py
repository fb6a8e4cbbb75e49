"""Actor recognition: find gazetteer actors in a sentence, with spans into the original text.

All surface forms of all actors are compiled into ONE regular expression shaped like a
trie (shared prefixes factored out), matched on the folded text (``fold_with_offsets``)
and mapped back to offsets of the original. A mention may carry the attached clitics
و ف (conjunctions) and ب ل ك (prepositions), including ل + ال written لل.

A place form of the gazetteer (a capital, a seat of government, an institution that is also
a place) is a mention of its actor only when it stands for it: after في or the preposition
ب, or as the place of a noun (مطار دمشق، ريف دمشق، طالب في جامعة القاهرة), it names the place
and is left out, unless the words before في govern it (السلطات في دمشق، المجلس العسكري في
باماكو are the state). A nisba adjective is a mention of its state unless it describes one
of ``_THING_NOUNS`` (الليرة السورية، الدوري الإسباني، صحيفة بريطانية، طالب أفغاني، الأراضي
السورية، آلاف السوريين، الأطراف الليبية، الغاز الروسي), the genitive
of a construct headed by one of ``_CONSTRUCT_HEADS`` (ناقلة النفط اليونانية), or the
organization named right before it (أدنوك الإماراتية): things, places, trades, companies,
people and political sides of a country, not the state (data/README.md, decision 2). The
context words are data (``stance/data/context_words.txt``).

First names and organization head nouns are in the same expression: they open actors outside
the gazetteer (``stance.open_actors``).
"""
import functools
import re
from dataclasses import dataclass, field, replace

from stance.gazetteer import ARTICLE, NISBA_MARK, PLACE_MARK, Actor, expand_form, load_gazetteer
from stance.normalize import FOLD_REMOVED, fold_with_offsets, fold_words, folded_set
from stance.open_actors import (CLITIC_LETTERS, OPEN_PREFIX, PERSON, TITLED_PERSON, Cue, cue_forms, open_id,
                                organization_end, person_end, read_common_words, unknown_name_span)
from stance.word_lists import DATA, read_sections

# Lazy: a whole word that is a name wins over a clitic and a shorter name (كلاوس is not ك + لاوس).
_CLITICS = "(?P<clitic>[\u0648\u0641]??[\u0628\u0644\u0643]??)"  # [وف]? [بلك]?
_LAM = "\u0644"
# What may stand between a title (الرئيس الفرنسي) and the person's name: a first name or two, a
# mandate (إلى اليمن، لشؤون اللاجئين، المعنية بحرية الرأي والتعبير), no punctuation, and no word
# that starts a clause (أن يكون باشينيان is not a title).
_TITLE_GAP = re.compile(r"^(?!.*(?<!\w)(?:[أإا]ن|[أإا]نه|يكون|كان|الذي|التي|قد)(?!\w))"
                        r"(?:[\s\w]{0,20}|\s*(?:إلى|الى|في|لدى|لدي|لشؤون)\s[\s\w]{0,30}"
                        r"|\s*(?:\w+\s+)?(?:المعني|المعنية)\s[\s\w]{0,50})$")


_PLACE_PREPOSITION = folded_set("في")
# The context words of the rules below, from stance/data/context_words.txt (see that file).
_CONTEXT = read_sections(DATA / "context_words.txt")
_PLACE_NOUNS = folded_set(" ".join(_CONTEXT["place_nouns"]))
_GOVERNING_NOUNS = folded_set(" ".join(_CONTEXT["governing_nouns"]))
_THING_NOUNS = folded_set(" ".join(_CONTEXT["thing_nouns"]))
_CONSTRUCT_HEADS = folded_set(" ".join(_CONTEXT["construct_heads"]))
_TITLE_NOUNS = folded_set(" ".join(_CONTEXT["title_nouns"]))
_TITLE_MODIFIERS = folded_set(" ".join(_CONTEXT["title_modifiers"]))
_TITLE_WORDS = 4  # words before a title's state or organization in which its title noun stands
_PLACE, _NISBA = "place", "nisba"  # form kinds that need a context check
_MAX_NAME_WORDS = 3  # words of a name between a construct head and its nisba
_PUNCTUATION = re.compile(r"[.,،:؛;()]")
_PREPOSITION_BA = "\u0628"


@dataclass(frozen=True, slots=True)  # slots: built for every actor found, 2x faster
class Mention:
    id: str
    text: str
    start: int
    end: int
    kind: str
    country: str
    folded_span: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)  # in the folded text
    opened: bool = field(default=False, repr=False, compare=False)  # found from a first name or head noun

    def as_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end,
                "kind": self.kind, "country": self.country}


def trie_pattern(words) -> str:
    """A regex matching exactly ``words``, longest alternative first at every branch."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    chain = []  # a run of nodes with one child and no word ending: literal characters
    while len(node) == 1 and "" not in node:
        (char, node), = node.items()
        chain.append(_escaped(char))
    ends_here = "" in node
    branches = [_escaped(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return "".join(chain)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # greedy optional: the longer name is tried first
        body = (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return "".join(chain) + body


@functools.lru_cache(maxsize=None)
def _escaped(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


class ActorMatcher:
    """Find actor mentions; build once (from ``load_gazetteer``) and reuse."""

    def __init__(self, actors: dict[str, Actor], open_class: bool = True):
        """``open_class``: also recognize people and organizations outside the gazetteer
        (``stance.open_actors``); their ids start with ``x:``."""
        self.actors = dict(actors)
        self._form_owner: dict[str, str] = {}
        self._lam_forms: set[str] = set()  # ل + name-without-ال, valid only after a ل clitic
        checks: dict[str, str] = {}  # folded form -> the context check it needs (@ place, ~ nisba)
        for actor in self.actors.values():
            for form in actor.forms:
                for surface in expand_form(form):
                    folded = fold_words(surface)
                    if self._form_owner.setdefault(folded, actor.id) == actor.id:
                        if form.startswith(PLACE_MARK):
                            checks[folded] = _PLACE
                        elif form.startswith(NISBA_MARK):
                            checks.setdefault(folded, _NISBA)
                    if folded.startswith(ARTICLE) and len(folded) > 3:
                        self._lam_forms.add(_LAM + folded[2:])
        self._lam_forms -= self._form_owner.keys()
        # One lookup per match: the actor a folded form names, and which context check it needs.
        self._form_actor = {name: (self.actors[owner], checks.get(name))
                            for name, owner in self._form_owner.items()}
        # First names and organization head nouns: cues of actors outside the gazetteer, in the
        # same expression (one pass over the text); a gazetteer form wins over a cue.
        cues, self._name_clashes = cue_forms() if open_class else ({}, {})
        cues = {form: cue for form, cue in cues.items()
                if form not in self._form_owner and form not in self._lam_forms}
        self._first_names = frozenset(form for form, cue in cues.items() if cue is PERSON)
        self._form_actor.update({form: (None, cue) for form, cue in cues.items()})
        self._common_words = read_common_words() if open_class else frozenset()
        names = trie_pattern(sorted(self._form_owner.keys() | self._lam_forms | cues.keys()))
        self._pattern = re.compile(rf"(?<!\w){_CLITICS}(?P<name>{names})(?!\w)") if names else None

    @classmethod
    def from_gazetteer(cls, user_path=None, open_class: bool = True) -> "ActorMatcher":
        return cls(load_gazetteer(user_path), open_class)

    def find(self, text: str, folding: tuple[str, list[int]] | None = None) -> list[Mention]:
        """Actor mentions in ``text`` in order; titles merged into the person they introduce.

        ``folding``: ``fold_with_offsets(text)`` when the caller already has it.
        """
        if self._pattern is None:
            return []
        folded, offsets = folding or fold_with_offsets(text)
        mentions = []
        taken = 0  # folded end of the last name outside the gazetteer: its words are not matched again
        for match in self._pattern.finditer(folded):  # groups: 1 clitic, 2 name
            if match.start() < taken:
                continue
            name = match.group(2)
            begin, name_end = match.span(2)
            if name in self._lam_forms:  # لل: the clitic's ل is also the article's
                if not match.group(1).endswith(_LAM):
                    continue
                name, begin = ARTICLE + name[1:], begin - 1
            actor, form_kind = self._form_actor[name]
            if actor is None:  # a first name or a head noun
                if form_kind is TITLED_PERSON and not _right_after_a_title(folded, match, mentions):
                    continue
                mention, taken = self._open_mention(text, folded, offsets, match, form_kind)
                if mention is not None:
                    mentions.append(mention)
                continue
            if form_kind is _PLACE and _names_the_place(folded, match):
                continue
            if form_kind is _NISBA and (_describes_a_thing(folded, match)
                                        or _follows_a_body(folded, match, mentions)):
                continue
            start, end = offsets[begin], _extend_over_marks(text, offsets[name_end - 1] + 1)
            mentions.append(Mention(actor.id, text[start:end], start, end, actor.kind, actor.country,
                                    (begin, name_end)))
        if self._common_words:
            mentions = self._with_unknown_holders(text, folded, offsets, mentions)
        return self._merge_titles(text, folded, mentions) if len(mentions) > 1 else mentions

    def _open_mention(self, text: str, folded: str, offsets, match: re.Match,
                      cue: Cue) -> tuple[Mention | None, int]:
        """The actor a first name or head noun opens (``stance.open_actors``), or None, and the
        folded end of the words it covers (0: none), which are not matched again."""
        begin = match.start(2)

        def listed_at(position: int) -> tuple[Actor, int] | None:
            return self._listed_at(folded, position)

        if cue.kind == "person":
            found = person_end(text, folded, offsets, match, self._first_names, self._name_clashes,
                               listed_at)
            if found is None:
                return None, 0
            (name_end, listed), country = found, None
        else:
            found = organization_end(folded, match, cue.flags, listed_at)
            if found is None:
                return None, 0
            (name_end, country), listed = found, None
            if "place" in cue.flags and _names_the_place(folded, match):
                return None, name_end  # طالب في جامعة كولومبيا: a place, and so is كولومبيا (decision 1)
        start, end = offsets[begin], _extend_over_marks(text, offsets[name_end - 1] + 1)
        if listed is not None:
            return Mention(listed.id, text[start:end], start, end, listed.kind, listed.country,
                           (begin, name_end), opened=True), name_end
        actor_id = open_id(text[start:end])
        if cue.kind != "person":
            country = country or actor_id  # an organization belongs to itself, as in the gazetteer
        return Mention(actor_id, text[start:end], start, end, cue.kind, country, (begin, name_end),
                       opened=True), name_end

    def _with_unknown_holders(self, text: str, folded: str, offsets, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with the holder of each official's title whose name no list has
        (``unknown_name_span``) added after the title's state or organization, which the title
        merge then drops (رئيس الوزراء الصربي الجديد جورو ماتسوت: one person, country SRB)."""
        found = mentions
        for index in range(len(mentions) - 1, -1, -1):  # backwards: an insertion keeps earlier indices
            mention = mentions[index]
            if mention.kind == "person":
                continue
            limit = mentions[index + 1].folded_span[0] if index + 1 < len(mentions) else len(folded)
            span = unknown_name_span(folded, mention.folded_span[1], limit, self._common_words,
                                     self._first_names, _TITLE_MODIFIERS)
            if span is None or not _after_a_title(folded, mention):  # the cheaper test first
                continue
            start, end = offsets[span[0]], _extend_over_marks(text, offsets[span[1] - 1] + 1)
            holder = Mention(open_id(text[start:end]), text[start:end], start, end, "person",
                             mention.country, span, opened=True)
            found = found[:index + 1] + [holder] + found[index + 1:]
        return found

    def _listed_at(self, folded: str, position: int) -> tuple[Actor, int] | None:
        """The gazetteer actor whose form starts at ``position`` of ``folded``, with the form's end."""
        match = self._pattern.match(folded, position)
        actor = self._form_actor.get(match.group(2), (None,))[0] if match else None
        return (actor, match.end()) if actor is not None else None

    def _merge_titles(self, text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
        """Drop a country or organization mention that is the title of a following person
        (decision 9): right before a person found from a first name, whose country it gives
        (وزير الطاقة الأميركي كريس رايت is one mention, country USA); or before a person of that
        country or organization, with what the title names on the way (الرئيس الفرنسي إيمانويل
        ماكرون is one mention of macron, المبعوث الأممي إلى اليمن هانس غروندبرغ one of grundberg).
        An organization outside the gazetteer is any person's title (المتحدث باسم حزب الإصلاح
        عبد الرزاق الهجري)."""
        if all(mention.kind != "person" for mention in mentions):
            return mentions
        adjacent: list[Mention] = []
        for mention in mentions:
            if mention.opened and mention.kind == "person" and adjacent and adjacent[-1].kind != "person" \
                    and _nothing_between(folded, adjacent[-1], mention.folded_span[0]):
                title = adjacent.pop()
                if mention.country is None:
                    mention = replace(mention, country=title.country)
            adjacent.append(mention)
        mentions = adjacent
        dropped = set()
        for index, mention in enumerate(mentions):
            if mention.kind == "person":
                continue
            for later in range(index + 1, len(mentions)):
                following = mentions[later]
                if following.kind != "person":
                    continue
                if (following.country == mention.id or mention.id.startswith(OPEN_PREFIX)) \
                        and _TITLE_GAP.match(text[mention.end:following.start]):
                    dropped.update(range(index, later))
                break
        return [mention for index, mention in enumerate(mentions) if index not in dropped]


def _right_after_a_title(folded: str, match: re.Match, mentions: list[Mention]) -> bool:
    """Whether a first name that is also a common word follows, with nothing between, a state or
    organization that ends an official's title (وزير الاقتصاد اللبناني أمين سلام), not any
    mention (وزارة الصحة المصرية نجاح أول عملية)."""
    if not mentions or mentions[-1].kind == "person" or match.group("clitic"):
        return False
    return _nothing_between(folded, mentions[-1], match.start()) and _after_a_title(folded, mentions[-1])


def _after_a_title(folded: str, mention: Mention) -> bool:
    """Whether an official's title noun stands in the few words before ``mention`` (وزير
    الاقتصاد اللبناني، رئيسة بعثة مونوسكو)."""
    before = folded[:mention.folded_span[0]].rsplit(None, _TITLE_WORDS)[-_TITLE_WORDS:]
    return any(_is_one_of(word, _TITLE_NOUNS) for word in before)


def _nothing_between(folded: str, mention: Mention, start: int) -> bool:
    """Whether only spaces stand between ``mention`` and the folded position ``start``."""
    return not folded[mention.folded_span[1]:start].strip()


def _names_the_place(folded: str, match: re.Match) -> bool:
    """Whether a place form stands in a place context (في بيروت، ببغداد، مطار دمشق)."""
    if _PREPOSITION_BA in match.group("clitic"):
        return True
    before = folded[:match.start()].rsplit(None, 3)[-3:]  # the last three words, not a full split
    if not before:
        return False
    if _is_one_of(before[-1], _PLACE_NOUNS):
        return True
    if _is_one_of(before[-1], _PLACE_PREPOSITION):
        return not any(_is_one_of(word, _GOVERNING_NOUNS) for word in before[:-1])
    return False


def _describes_a_thing(folded: str, match: re.Match) -> bool:
    """Whether a nisba follows a noun that is not the state (الليرة السورية، طالب أفغاني، لشركة
    بريطانية), the genitive of such a construct (ناقلة النفط اليونانية), or a name of up to three
    words without the article after one (شركة إلبيت سيستمز الإسرائيلية)."""
    if match.group("clitic"):
        return False
    before = folded[:match.start()].rsplit(None, _MAX_NAME_WORDS + 1)[-_MAX_NAME_WORDS - 1:]
    if not before:
        return False
    if _is_one_of(before[-1], _THING_NOUNS):
        return True
    for words in range(1, len(before)):  # words between a construct head and the nisba
        if _is_one_of(before[-words - 1], _CONSTRUCT_HEADS):
            return True
        if not (_is_name_word(before[-words]) and _is_name_word(before[-words - 1])):
            return False  # only a name of words without the article goes on further back
    return False


def _is_name_word(word: str) -> bool:
    """Whether a folded word can be part of a company's or ship's name: no article, no punctuation."""
    return not word.startswith(ARTICLE) and not _PUNCTUATION.search(word)


def _follows_a_body(folded: str, match: re.Match, mentions: list[Mention]) -> bool:
    """Whether a nisba right after an organization or group describes it (أدنوك الإماراتية،
    شركة روساتوم الروسية): the body acts, not the state (data/README.md, decision 2)."""
    if not mentions or match.group("clitic") or mentions[-1].kind not in ("organization", "group"):
        return False
    return not folded[mentions[-1].folded_span[1]:match.start()].strip()


def _is_one_of(word: str, words: frozenset[str]) -> bool:
    """Whether a folded word, with or without up to two attached clitics (ومطار -> مطار), is
    one of ``words``."""
    for _ in range(3):
        if word in words:
            return True
        if len(word) <= 2 or word[0] not in CLITIC_LETTERS:
            return False
        word = word[1:]
    return False


def _extend_over_marks(text: str, end: int) -> int:
    """Move ``end`` past diacritics that follow the last matched letter."""
    while end < len(text) and text[end] in FOLD_REMOVED:
        end += 1
    return end
