"""Actors outside the gazetteer: a first name with a surname, a head noun with a name."""
import pytest

from stance import ActorMatcher
from stance.open_actors import open_id
from stance.summary import summarize
from training.actor_eval import evaluate_actors


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher.from_gazetteer()


def found(matcher, text):
    return [(m.id, m.text, m.kind, m.country) for m in matcher.find(text)]


def test_a_title_with_a_nisba_and_an_unlisted_name_is_one_person_of_that_country(matcher):
    text = "ونفى وزير التعليم العالي السوري مروان الحلبي ما يتداول عن فصل أساتذة"
    assert found(matcher, text) == [("x:مروان الحلبي", "مروان الحلبي", "person", "SYR")]
    mention = matcher.find(text)[0]
    assert text[mention.start:mention.end] == "مروان الحلبي"


def test_a_person_without_a_title_has_no_country(matcher):
    assert found(matcher, "ورفض مروان الحلبي الاتهامات") == [("x:مروان الحلبي", "مروان الحلبي", "person", None)]


def test_a_first_name_before_a_listed_surname_is_the_listed_person(matcher):
    assert found(matcher, "وقال الرئيس جوزاف عون إن لبنان لن ينجر إلى الحرب")[0][:2] == ("aoun", "جوزاف عون")


@pytest.mark.parametrize("text", [
    "وأكد على أن الحوار هو السبيل الوحيد",  # على folds like the name علي
    "وقال محمد إن الاجتماع تأجل",  # a first name alone, then a function word
    "ووصل أحمد أمس إلى بيروت",
])
def test_a_first_name_without_a_surname_is_not_a_person(matcher, text):
    assert [m for m in matcher.find(text) if m.id.startswith("x:")] == []


def test_the_name_ali_spelled_with_ya_is_a_person(matcher):
    assert found(matcher, "وأعلن علي الزيدي استقالته") == [("x:علي الزيدي", "علي الزيدي", "person", None)]


@pytest.mark.parametrize("text, name", [
    ("وأعلنت مجموعة ماريوت الدولية خططا لافتتاح فنادق جديدة", "مجموعة ماريوت الدولية"),
    ("وحذرت جمعية الفنادق الأردنية من تعديل القانون", "جمعية الفنادق الأردنية"),
    ("وضغط حزب سومار على رئيس الوزراء", "حزب سومار"),
    ("وقالت شركة «إيفانتي» إن الثغرة سدت", "شركة «إيفانتي»"),
    ("ونفت جامعة هارفارد الاتهامات", "جامعة هارفارد"),
])
def test_a_head_noun_with_a_name_is_an_organization(matcher, text, name):
    country = "JOR" if "الأردنية" in name else open_id(name)  # a nisba inside the name gives its state
    assert found(matcher, text) == [(open_id(name), name, "organization", country)]


def test_an_organization_name_stops_before_a_listed_nisba_which_describes_it(matcher):
    assert found(matcher, "تحطمت طائرة تابعة لشركة متروجت الروسية فوق سيناء") == \
        [("x:شركة متروجت", "شركة متروجت", "organization", "x:شركة متروجت")]


@pytest.mark.parametrize("text", [
    "وهاجمت جماعة مسلحة قرية في الشمال",  # an indefinite adjective: generic
    "وقالت منظمة حقوقية إن المعتقلين تعرضوا للتعذيب",
    "وكانت أكبر شركة لشحن الحاويات في العالم",  # a purpose, not a name
    "وأعيد فتح المعبر أمام حركة الشاحنات",  # حركة is not a head noun
    "وتراجعت إيرادات قناة السويس",
])
def test_a_generic_noun_phrase_is_not_an_organization(matcher, text):
    assert [m for m in matcher.find(text) if m.id.startswith("x:")] == []


def test_a_listed_name_after_a_head_noun_stays_the_listed_actor(matcher):
    assert [m.id for m in matcher.find("وقال مصرف لبنان إن الاحتياطي تراجع")] == ["BDL"]


def test_an_unlisted_organization_in_a_title_merges_into_the_person(matcher):
    text = "وقال رئيس جامعة هارفارد آلان غاربر إن الجامعة لن تتخلى عن استقلاليتها"
    assert [m.id for m in matcher.find(text)] == ["x:آلان غاربر"]


def test_open_class_off_finds_only_gazetteer_actors():
    listed_only = ActorMatcher.from_gazetteer(open_class=False)
    assert [m.id for m in listed_only.find("ونفى وزير التعليم العالي السوري مروان الحلبي ذلك")] == ["SYR"]
    assert listed_only.find("ونفت جامعة هارفارد الاتهامات") == []


def test_the_summary_names_an_unlisted_actor_by_its_text(matcher):
    mention = matcher.find("ونفت جامعة هارفارد الاتهامات")[0].as_dict()
    scored = [{"stance": {"labels": ["denial"]}, "sentiment": {"label": "negative"}, "actors": [mention],
               "source": mention["id"], "target": None}]
    row = summarize(scored, ["denial"], ["negative"], matcher.actors)["actors"][0]
    assert (row["id"], row["name"], row["denial"]) == ("x:جامعة هارفارد", "جامعة هارفارد", 1)


def test_evaluation_credits_an_unlisted_mention_only_where_it_overlaps_the_gold_name(matcher):
    record = {"id": "a", "topic": "universities", "text": "ونفت جامعة هارفارد اتهامات الإدارة الأميركية",
              "stance": ["denial"], "actors": ["HARVARD", "USA"], "source": "HARVARD", "target": "USA",
              "names": {"HARVARD": "جامعة هارفارد"}}
    figures = evaluate_actors([record], matcher)["all"]
    assert (figures["mention_precision"], figures["mention_recall"], figures["source_accuracy"]) == (1.0, 1.0, 1.0)
    elsewhere = {**record, "names": {"HARVARD": "الإدارة"}}  # the gold name is another span
    figures = evaluate_actors([elsewhere], matcher)["all"]
    assert (figures["mention_precision"], figures["mention_recall"], figures["source_accuracy"]) == (0.5, 0.5, 0.0)


def test_evaluation_finds_the_gold_name_as_whole_words_not_inside_a_longer_word(matcher):
    # "هارفارد" first occurs inside هارفاردي; the mention overlaps only its later whole-word use
    record = {"id": "a", "topic": "universities", "text": "قال خريج هارفاردي إن جامعة هارفارد نفت الاتهامات",
              "stance": ["denial"], "actors": ["HARVARD"], "source": "HARVARD", "target": None,
              "names": {"HARVARD": "هارفارد"}}
    figures = evaluate_actors([record], matcher)["all"]
    assert (figures["mention_precision"], figures["mention_recall"], figures["source_accuracy"]) == (1.0, 1.0, 1.0)
    inside_only = {**record, "text": "قال خريج هارفاردي إن جامعة كولومبيا نفت الاتهامات"}
    assert evaluate_actors([inside_only], matcher)["all"]["mention_recall"] == 0.0


@pytest.mark.parametrize("text, expected", [
    ("وأبدى الحزب الاشتراكي الديمقراطي قلقه", ["x:الحزب الاشتراكي الديمقراطي"]),  # head with the article
    ("وقال الحزب الحاكم إن الانتخابات ستجري في موعدها", []),  # no adjective after it
    ("وأعيد فتح المعبر أمام حركة الشاحنات", []),  # حركة takes a name without the article only
    ("وطالبت حركة «جيل زد 212» الحكومة بالإصلاح", ["x:حركة جيل زد 212"]),
    ("جامعة كولومبيا تنفي الاتهامات", ["x:جامعة كولومبيا"]),  # a university named after a state
    ("وقال طالب في جامعة كولومبيا إن الدراسة توقفت", []),  # where a student is: a place, not COL
    ("ودعت بلدية جبيل الأهالي إلى مهرجان الصيف", ["x:بلدية جبيل"]),  # الأهالي does not agree
])
def test_head_noun_flags_and_agreement(matcher, text, expected):
    assert [m.id for m in matcher.find(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("ونفت الحركة في بيان صادر عنها أي صلة", []),  # ب + يان is not the name يان
    ("وهدد رئيس النقابة كلاوس فيزلسكي بإضراب", ["x:كلاوس فيزلسكي"]),  # not ك + لاوس (Laos)
    ("حماس تنفي إطلاق صاروخ من خان يونس وتتهم جهات مشبوهة", ["HAMAS"]),  # وتتهم starts a clause
])
def test_clitics_and_clause_boundaries_around_first_names(matcher, text, expected):
    assert [m.id for m in matcher.find(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a first name that is also a common word, right after an official's title: a person there
    ("ونفى وزير الاقتصاد اللبناني أمين سلام وجود نقص", [("x:أمين سلام", "LBN")]),
    ("ودعا وزير الطاقة اللبناني جو صدي الشركات", [("x:جو صدي", "LBN")]),
    # the same words elsewhere are words: after a ministry, a state, or with nothing before them
    ("وأعلنت وزارة الصحة المصرية سعيد أول", [("EGY", "EGY")]),
    ("وأكد سلام الطرفين على الهدنة", []),
    ("وقال أمين سر اللجنة إن", []),
])
def test_a_common_word_first_name_counts_only_after_a_title(matcher, text, expected):
    assert [(m.id, m.country) for m in matcher.find(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a head with the article, a state's nisba and a purpose with ل: a body of that state
    ("وطالب الاتحاد التونسي للفلاحة والصيد البحري الحكومة بالتعويض",
     [("x:الاتحاد التونسي للفلاحة والصيد البحري", "TUN")]),
    ("وأعلنت الكونفدرالية العامة لعمال اليونان إضرابا", [("x:الكونفدرالية العامة لعمال اليونان", "GRC")]),
    ("وقال الاتحاد الأوروبي للمرة الثانية إن", [("EU", "EU")]),  # الأوروبي here is the EU, not a nisba
    ("وقال الاتحاد الأوروبي لكرة القدم إن", [("UEFA", "UEFA")]),  # the listed name wins
    ("وأعلنت الوكالة الفرنسية للتنمية تمويل المشروع", [("FRA", "FRA")]),  # a state's own agency
    # a quoted name that only starts with a listed one; a quoted listed name stays listed
    ("وحظرت الحكومة حركة «فلسطين أكشن»", [("x:حركة فلسطين أكشن", "x:حركة فلسطين أكشن")]),
    ("ونفت شركة «أرامكو» التقرير", [("ARAMCO", "SAU")]),
    ("فشل المسار التفاوضي", []),  # ف + شل is not Shell
    # a plural noun and a state's name after the head: a body of that state, not an adjective
    ("طالبت نقابة صيادلة مصر الحكومة", [("x:نقابة صيادلة مصر", "EGY")]),
    ("وأبدت منظمة حقوقية مصرية قلقها", [("EGY", "EGY")]),
    ("وقالت الشركة السودانية للموارد المعدنية إن", [("x:الشركة السودانية للموارد المعدنية", "SDN")]),
    ("وقالت الشركة الأمريكية إن الصفقة ألغيت", []),  # a company's nisba is not the state
])
def test_bodies_named_by_purpose_or_quotes(matcher, text, expected):
    assert [(m.id, m.country) for m in matcher.find(text)] == expected


def test_word_list_files_are_read_as_data(tmp_path):
    from stance.word_lists import read_sections, read_word_list
    lists = tmp_path / "words.txt"
    lists.write_text("# comment\n[things]\nالليرة  الدوري\nالسلع\n[heads]\nناقلة\n", encoding="utf-8")
    assert read_sections(lists) == {"things": ["الليرة", "الدوري", "السلع"], "heads": ["ناقلة"]}
    lists.write_text("الليرة\n[things]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="before the first"):
        read_sections(lists)
    lists.write_text("# heads\nجامعة\tplace\nحزب\n", encoding="utf-8")
    assert read_word_list(lists) == ["جامعة\tplace", "حزب"]


def test_a_nisba_on_goods_is_not_the_state(matcher):
    assert [m.id for m in matcher.find("المكسيك تنفي السماح بمرور السلع الصينية عبر أراضيها")] == ["MEX"]


@pytest.mark.parametrize("text, expected", [
    # two or three words the corpus never uses outside a name, right after an official's title
    ("وقال رئيس الوزراء الصربي الجديد جورو ماتسوت إن", [("x:جورو ماتسوت", "person", "SRB")]),
    ("ونفى وزير الداخلية العراقي السابق كيرفان دوسلاني الاتهامات",
     [("x:كيرفان دوسلاني", "person", "IRQ")]),
    # a common word there starts the clause (a verb-first sentence), and one unknown word is not a name
    ("أعلن وزير الصحة المصري نجاح أول عملية", [("EGY", "country", "EGY")]),
    ("وقال وزير الخارجية المصري دوسلاني إن", [("EGY", "country", "EGY")]),
    # no title before the state: unknown words after it are not its holder
    ("وشاركت الحكومة المصرية كيرفان دوسلاني", [("EGY", "country", "EGY")]),
])
def test_an_unknown_name_after_a_title_is_the_titles_holder(matcher, text, expected):
    assert [(m.id, m.kind, m.country) for m in matcher.find(text)] == expected


def test_common_words_are_the_words_outside_actor_names():
    from stance.normalize import fold_words
    from training.common_words import common_words
    named = {"text": "وقال وزير الخارجية الفرنسي كيرفان دوسلاني إن باريس ترفض",
             "names": {"x": "كيرفان دوسلاني", "FRA": "الفرنسي"}}
    unnamed = {"text": "ونفى ماتسوت ذلك"}
    words = common_words([named, unnamed])
    assert {fold_words(word) for word in ("وقال", "وزير", "الخارجية", "إن", "باريس", "ونفى", "ماتسوت")} \
        <= set(words)
    assert not {fold_words(word) for word in ("كيرفان", "دوسلاني", "الفرنسي")} & set(words)
    assert words == sorted(words)


def test_the_shipped_common_words_are_learned_from_the_shipped_corpus(tmp_path):
    from stance.open_actors import COMMON_WORDS
    from training.common_words import main
    out = tmp_path / "common_words.txt"
    assert main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == COMMON_WORDS.read_text(encoding="utf-8"), \
        "stance/data/common_words.txt is stale: run python -m training.common_words"
