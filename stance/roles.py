"""Who holds a stance and towards whom: source and target actors of a scored sentence.

Rules over the sentence's structure around the stance cue (on folded text):

* the cue is the first verb or noun of the predicted stance labels (حث، دعا، نفى، أعرب ...);
* a headline ``actor: quote`` has its source before the colon;
* a cue that opens its clause (VSO: "نفت وزارة الدفاع الروسية ...") takes the first actor
  after it as source; otherwise (SVO: "موسكو تنفي ...") the nearest actor before it that is
  not the object of a preposition; a circumstantial participle (داعيا، محذرا) shares the
  subject of the main clause, the first actor of the sentence;
* the target is a later actor that is not the source, nor a co-subject joined to it by و
  (دعت فرنسا والسعودية البرلمان اللبناني), nor a person's own state or organization:
  for pressure, the first one, preferring one introduced by على / إلى / من / ضد; for
  denial, only the actor who made the claim denied (اتهامات واشنطن، الاتهامات الأميركية);
  for concern, only the actor whose act is condemned (ندد بقرار مجلس النواب، أدان الهجوم
  الإسرائيلي). Concern about a situation, or a denial with no named accuser: null.
"""
import re

from stance.actors import Mention
from stance.normalize import fold_with_offsets

# Cue stems per stance label, on folded text (أ إ آ -> ا, ى -> ي, ة -> ه). Verb forms
# are listed with their usual prefixes/suffixes; the match must start a word.
CUES = {
    "pressure": r"(?:[وف]?(?:دع[اوت]|يدعو|تدعو|داعي[اه]|حث|يحث|تحث|حاث|حض|يحض|تحض|طالب|يطالب|تطالب|مطالب"
                r"|ضغط|يضغط|تضغط|اتهم|يتهم|تتهم|متهم|هدد|يهدد|تهدد|مهدد|لوح|يلوح|تلوح|ملوح"
                r"|امهل|يمهل|تمهل|حمل|يحمل|تحمل|محمل|حذر|يحذر|تحذر|محذر|ناشد|يناشد|تناشد"
                r"|توعد|يتوعد|تتوعد|اشترط|يشترط|تشترط|شدد|يشدد|تشدد|اكد ضروره|يجب|ينبغي|لن نسمح|لن نقبل"
                r"|امر|يامر))",
    "concern": r"(?:[وف]?(?:اعرب|يعرب|تعرب|معرب|ابد[يت]|يبدي|تبدي|مبدي|عبر|يعبر|تعبر|معبر|ندد|يندد|تندد|مندد"
               r"|ادان|يدين|تدين|مدين|استنكر|يستنكر|تستنكر|مستنكر|شجب|يشجب|تشجب|استهجن|يستهجن|تستهجن"
               r"|اسف|ياسف|تاسف|قلق|مخاوف|انزعاج|حذر|يحذر|تحذر|محذر))",
    "denial": r"(?:[وف]?(?:نف[يت]|ينفي|تنفي|نافي|كذب|يكذب|تكذب|دحض|يدحض|تدحض|رفض|يرفض|ترفض|رافض"
              r"|تنصل|يتنصل|تتنصل|انكر|ينكر|تنكر|لا صحه|عاري[هة]? عن الصحه|مفبرك|لا اساس))",
}
_CUE = {label: re.compile(rf"(?<!\w)(?![وف]?طالبان){pattern}") for label, pattern in CUES.items()}  # not Taliban
# Reporting verbs: in "قال X إن ..." or "«...»، قال X" the speaker X holds the stance.
_REPORTING = re.compile(r"(?<!\w)[وف]?(?:قال|قالت|اكد|اكدت|اعلن|اعلنت|اوضح|اوضحت|اضاف|اضافت|صرح|صرحت|ذكر|ذكرت"
                        r"|يقول|تقول)(?!\w)")
# Circumstantial participles (حال): their subject is the main clause's subject.
_PARTICIPLE = re.compile(r"^[وف]?(?:داعي|مطالب|محذر|معرب|مبدي|مندد|نافي|رافض|مهدد|ملوح|مستنكر|معبر)")
_PREPOSITION = re.compile(r"(?:^|\s)(?:علي|الي|من|عن|في|مع|ضد|بين|حول|بشان|ازاء|حيال|تجاه|لدي|عبر)\s+"
                          r"(?:\S+\s+){0,2}$")
_TARGET_LEAD = re.compile(r"(?:^|\s)(?:علي|الي|من|ازاء|حيال|تجاه|ضد)\s+(?:\S+\s+){0,2}$")
_DIRECT_OBJECT = re.compile(r"^\s*$")
_CO_SUBJECT = re.compile(r"\s+و$")  # matched from the subject's end up to the next actor
_CLAUSE_START = re.compile(r"(?:^|[.,،:؛;«(\-]|\s(?:و|ثم|بينما|فيما|كما|حيث))\s*[وف]?$")
# A person right after a title (المبعوث الأممي إلى اليمن هانس غروندبرغ) is the more specific source.
_TITLE_TO_PERSON = re.compile(r"^[^.,،:؛;«»\"()]{0,40}$")
_HEADLINE_COLON = re.compile(r"^[^:،,]{1,60}:")
# A denial is aimed at an actor only when that actor made the claim or demand: "اتهامات واشنطن",
# "الاتهامات الأميركية", "ما نشرته قناة ...". Otherwise its target is null.
_CLAIM_LEAD = re.compile(r"(?:اتهام|اتهامات|الاتهامات|تقرير|تقارير|التقارير|مزاعم|المزاعم|ادعاءات|الادعاءات|رواي[هة]"
                         r"|الرواي[هة]|مطالب|المطالب|مطالبات|المطالبات|دعوات|الدعوات|ما نشرت[هه]?|ما اورد[هت]+|ما نقلت[هه]?|ما ذكرت[هه]?|تصريحات|اتهم[هت]+"
                         r"|طلب|طلبا|الطلب|تقييم|التقييم|انتقادات|الانتقادات|بيان|البيان|الارقام|ارقام|ما قال[هت]?"
                         r"|(?:التي|الذي) (?:وجه|اعلن|نشر|اطلق|ساق|تقدم|ذكر|اورد)ت?(?:ه|ها)?)"
                         r"\s+(?:\S+\s+){0,1}$")
# Concern is aimed at an actor when it condemns that actor's act: "ندد بقرار مجلس النواب",
# "أدان الهجوم الإسرائيلي", "انتقد واشنطن". Concern about a situation has no target.
_ACT_LEAD = re.compile(r"(?:^|\s)[وفب]?(?:ال)?(?:قرار|تصريح|تصريحات|هجوم|هجمات|قصف|غار[هة]|غارات|ضرب[هة]|سياس[هة]"
                       r"|سياسات|موقف|اجراءات|خطو[هة]|سلوك|اعتداء|اعتداءات|انتهاكات|ممارسات|تهديدات|عمليات|حمل[هة]"
                       r"|توغل|اقتحام|عدوان|انسحاب|تدخل|تصرفات|لجوء|تمديد|استخدام|احكام|قانون|تعديلات|منع|اعتقال|اعتقالات"
                       r"|احتجاز|ترحيل|قمع|حظر|اغلاق|استهداف|ضربات|الضربات التي شنتها|تهديد)\s+(?:\S+\s+){0,2}$")
_CONDEMN = re.compile(r"(?:^|\s)[وف]?(?:ندد|نددت|يندد|تندد|ادان|ادانت|يدين|تدين|استنكر|استنكرت|انتقد|انتقدت|ينتقد"
                      r"|تنتقد|شجب|شجبت|اتهم|اتهمت|يتهم|تتهم)(?:\s+\S+){0,4}\s+$")


def find_cue(folded: str, labels: list[str]) -> re.Match | None:
    """The first cue in ``folded`` of any of ``labels`` (None: no cue found)."""
    found = [m for label in labels if label in _CUE and (m := _CUE[label].search(folded))]
    return min(found, key=lambda m: m.start()) if found else None


def assign_roles(text: str, mentions: list[Mention], labels: list[str],
                 folded: str | None = None) -> tuple[str | None, str | None]:
    """(source id, target id) of the stance act in ``text``; (None, None) without labels.

    ``mentions`` come from ``ActorMatcher.find``; ``folded`` is ``fold_with_offsets(text)[0]``
    when the caller already has it.
    """
    if not labels or not mentions:
        return None, None
    folded = folded if folded is not None else fold_with_offsets(text)[0]
    spans = [(*m.folded_span, m) for m in mentions]
    cue = find_cue(folded, labels)
    source = _source(folded, spans, cue)
    target = _target(folded, spans, cue, source, labels)
    return (source.id if source else None), (target.id if target else None)


def _source(folded: str, spans, cue) -> Mention | None:
    chosen = _subject(folded, spans, cue)
    if chosen is not None and chosen.kind != "person":
        people = [(start, m) for start, end, m in spans if start >= chosen.folded_span[1] and m.kind == "person"]
        if people and _TITLE_TO_PERSON.match(folded[chosen.folded_span[1]:people[0][0]]):
            return people[0][1]
    return chosen


def _subject(folded: str, spans, cue) -> Mention | None:
    colon = _HEADLINE_COLON.match(folded)
    if colon and (cue is None or cue.start() >= colon.end()):  # "X: quote", the cue after the colon
        before_colon = [m for start, end, m in spans if end <= colon.end()]
        if before_colon:
            return before_colon[-1]
    if cue is not None:
        for reporting in _REPORTING.finditer(folded):
            speakers = [m for start, end, m in spans if start >= reporting.end()
                        and (reporting.start() > cue.start() or end <= cue.start())]
            if speakers:  # "قال X إن ... cue" or "«... cue ...»، قال X"
                return speakers[0]
    if cue is None:
        return spans[0][2]
    cue_start, cue_end = cue.start(), cue.end()
    if _PARTICIPLE.match(folded[cue_start:]) and spans[0][0] < cue_start:
        return spans[0][2]
    if _CLAUSE_START.search(folded[:cue_start]):
        after = [m for start, end, m in spans if start >= cue_end]
        if after:
            return after[0]
    before = [(start, end, m) for start, end, m in spans if end <= cue_start]
    for start, end, mention in reversed(before):
        if not _PREPOSITION.search(folded[:start]):
            return mention
    if before:
        return before[0][2]
    return spans[0][2]


def _target(folded: str, spans, cue, source: Mention | None, labels) -> Mention | None:
    anchor = cue.end() if cue is not None else 0
    if source is not None and source.folded_span[0] >= anchor:  # VSO: the object follows the subject
        anchor = source.folded_span[1]
        for start, end, _ in spans:  # and its co-subjects: "دعت فرنسا والسعودية البرلمان اللبناني"
            if start < anchor:
                continue
            if not _CO_SUBJECT.match(folded, anchor, start):
                break
            anchor = end
    # A person's own state or organization is not their target; an institution's state may be
    # (a union pressing its government), and so may a compatriot or an institution of the
    # source's state (a government pressing its football federation: decision 3 in data/README.md).
    own = ({source.id, source.country} if source.kind == "person" else {source.id}) if source else set()
    candidates = [(start, m) for start, end, m in spans
                  if start >= anchor and m is not source and m.id not in own]
    if not candidates:
        return None
    if "pressure" not in labels:  # concern or denial: only an actor named as the act's object
        lead = _CLAIM_LEAD if "denial" in labels and "concern" not in labels else None
        for start, mention in candidates:
            before = folded[:start]
            if (lead and lead.search(before)) or (not lead and (_ACT_LEAD.search(before) or _CONDEMN.search(before))) \
                    or ("denial" in labels and _CLAIM_LEAD.search(before)):
                return mention
        return None
    first_start, first = candidates[0]
    after_subject = max(anchor, source.folded_span[1] if source else anchor)
    if first_start >= after_subject and _DIRECT_OBJECT.match(folded[after_subject:first_start]):
        return first  # the verb's object right after its subject: "حث الوزير الفرنسي موسكو على"
    for start, mention in candidates:
        if _TARGET_LEAD.search(folded[:start]):
            return mention
    return first
