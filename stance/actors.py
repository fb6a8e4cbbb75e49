"""Actor recognition: find gazetteer actors in a sentence, with spans into the original text.

All surface forms of all actors are compiled into ONE regular expression shaped like a
trie (shared prefixes factored out), matched on the folded text (``fold_with_offsets``)
and mapped back to offsets of the original. A mention may carry the attached clitics
و ف (conjunctions) and ب ل ك (prepositions), including ل + ال written لل.
"""
import re
from dataclasses import dataclass, field

from stance.gazetteer import ARTICLE, Actor, expand_form, load_gazetteer
from stance.normalize import FOLD_REMOVED, fold_with_offsets

_CLITICS = "(?P<clitic>[\u0648\u0641]?[\u0628\u0644\u0643]?)"  # [وف]? [بلك]?
_LAM = "\u0644"
# What may stand between a title (الرئيس الفرنسي) and the person's name: a first name or two, no
# punctuation, and no word that starts a clause (أن يكون باشينيان is not a title).
_TITLE_GAP = re.compile(r"^(?!.*(?<!\w)(?:[أإا]ن|[أإا]نه|يكون|كان|الذي|التي|قد)(?!\w))[\s\w]{0,20}$")


@dataclass(frozen=True)
class Mention:
    id: str
    text: str
    start: int
    end: int
    kind: str
    country: str
    folded_span: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)  # in the folded text

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
    ends_here = "" in node
    branches = [(r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # greedy optional: the longer name is tried first
        return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body


class ActorMatcher:
    """Find actor mentions; build once (from ``load_gazetteer``) and reuse."""

    def __init__(self, actors: dict[str, Actor]):
        self.actors = dict(actors)
        self._form_owner: dict[str, str] = {}
        self._lam_forms: set[str] = set()  # ل + name-without-ال, valid only after a ل clitic
        for actor in self.actors.values():
            for form in actor.forms:
                for surface in expand_form(form):
                    folded = _fold_words(surface)
                    self._form_owner.setdefault(folded, actor.id)
                    if folded.startswith(ARTICLE) and len(folded) > 3:
                        self._lam_forms.add(_LAM + folded[2:])
        self._lam_forms -= self._form_owner.keys()
        names = trie_pattern(sorted(self._form_owner.keys() | self._lam_forms))
        self._pattern = re.compile(rf"(?<!\w){_CLITICS}(?P<name>{names})(?!\w)") if names else None

    @classmethod
    def from_gazetteer(cls, user_path=None) -> "ActorMatcher":
        return cls(load_gazetteer(user_path))

    def find(self, text: str, folding: tuple[str, list[int]] | None = None) -> list[Mention]:
        """Actor mentions in ``text`` in order; titles merged into the person they introduce.

        ``folding``: ``fold_with_offsets(text)`` when the caller already has it.
        """
        if self._pattern is None:
            return []
        folded, offsets = folding or fold_with_offsets(text)
        mentions = []
        for match in self._pattern.finditer(folded):
            name, begin = match.group("name"), match.start("name")
            if name in self._lam_forms:  # لل: the clitic's ل is also the article's
                if not match.group("clitic").endswith(_LAM):
                    continue
                name, begin = ARTICLE + name[1:], begin - 1
            actor = self.actors[self._form_owner[name]]
            start = offsets[begin]
            end = _extend_over_marks(text, offsets[match.end("name") - 1] + 1)
            mentions.append(Mention(actor.id, text[start:end], start, end, actor.kind, actor.country,
                                    (begin, match.end("name"))))
        return self._merge_titles(text, mentions)

    def _merge_titles(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Drop a country or organization mention that is the title of the next mention, a
        person of that country (الرئيس الفرنسي إيمانويل ماكرون is one mention of macron)."""
        kept = []
        for index, mention in enumerate(mentions):
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if (following is not None and following.kind == "person"
                    and following.country == mention.id
                    and _TITLE_GAP.match(text[mention.end:following.start])):
                continue
            kept.append(mention)
        return kept


def _fold_words(form: str) -> str:
    return " ".join(fold_with_offsets(form)[0].split())


def _extend_over_marks(text: str, end: int) -> int:
    """Move ``end`` past diacritics that follow the last matched letter."""
    while end < len(text) and text[end] in FOLD_REMOVED:
        end += 1
    return end
