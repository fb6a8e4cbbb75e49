"""Source and target assignment, the per-article actor summary, and the actor evaluation."""
import pytest

from stance import ActorMatcher
from stance.roles import assign_roles
from stance.summary import summarize
from training.actor_eval import evaluate_actors


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher.from_gazetteer()


def roles(matcher, text, labels):
    return assign_roles(text, matcher.find(text), labels)


@pytest.mark.parametrize("text, labels, expected", [
    # VSO wire lead: subject after the cue verb, object after the subject
    ("حثّ وزير الخارجية الألماني أنقرة على ضبط النفس", ["pressure"], ("DEU", "TUR")),
    # the verb's object right after its subject wins over a later actor after على
    ("حث وزير الخارجية الفرنسي موسكو على وقف الهجمات على محطات الطاقة الأوكرانية", ["pressure"], ("FRA", "RUS")),
    # a colon after a clause with the cue is not an "X: quote" headline
    ("السيسي يحذر إثيوبيا: لن نسمح بالمساس بحصة مصر من مياه النيل", ["pressure"], ("sisi", "ETH")),
    # the speaker of a reporting verb, and the person named after a title, hold the stance
    ("وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن موسكو ترفض الاتهامات الغربية", ["denial"],
     ("zakharova", None)),
    ("«يجب على مدريد أن تفي بمسؤوليتها التاريخية»، قال ممثل البوليساريو في إسبانيا", ["pressure"],
     ("POLISARIO", "ESP")),
    ("وطالب المبعوث الأممي إلى اليمن هانس غروندبرغ الحوثيين بالإفراج عن موظفي الأمم المتحدة", ["pressure"],
     ("grundberg", "HOUTHIS")),
    # طالبان is not the verb طالب
    ("طالبان تحذّر إسلام آباد من عواقب أي توغل بري", ["pressure"], ("TALIBAN", "PAK")),
    # SVO headline
    ("موسكو تنفي اتهامات واشنطن بشأن قصف المستشفى", ["denial"], ("RUS", "USA")),
    # headline with a colon: the speaker is before it
    ("لافروف: على الغرب أن يتوقف عن تسليح كييف", ["pressure"], ("lavrov", "UKR")),
    # circumstantial participle shares the main clause's subject
    ("وأبدى الاتحاد الأوروبي أسفه لقرار الانسحاب، داعيا طهران إلى العودة للمفاوضات",
     ["concern", "pressure"], ("EU", "IRN")),
    # concern about a situation: no target
    ("أعربت منظمة الصحة العالمية عن قلقها البالغ من تفشي الكوليرا في المخيمات", ["concern"], ("WHO", None)),
    # the source's own country is not its target
    ("نفى المتحدث باسم الكرملين ديمتري بيسكوف أن تكون روسيا قد نشرت صواريخ", ["denial"], ("peskov", None)),
    # but an institution's own state may be: a union pressing its government (decision 3)
    ("وطالب الاتحاد العام التونسي للشغل الحكومة التونسية بفتح مفاوضات حول الأجور", ["pressure"], ("UGTT", "TUN")),
    # and a state may press its own institutions or compatriots, which have their own ids
    ("ولوّحت الحكومة الإسبانية باتخاذ إجراءات ضد الاتحاد الإسباني لكرة القدم", ["pressure"], ("ESP", "RFEF")),
    ("وطالب إيتمار بن غفير رئيس الوزراء بنيامين نتنياهو بوقف المفاوضات", ["pressure"],
     ("ben_gvir", "netanyahu")),
    # concern aimed at the actor whose act is condemned; denial aimed at whoever made the claim
    ("أعربت منظمة العفو الدولية عن قلقها من لجوء السلطات التونسية إلى قوانين الإرهاب", ["concern"],
     ("AMNESTY", "TUN")),
    ("ورفض الجيش الهندي الأرقام التي أعلنتها باكستان بشأن الطائرات", ["denial"], ("IND", "PAK")),
    # co-subjects joined by و are not the object
    ("وطالبت إسبانيا وأيرلندا المفوضية الأوروبية بمراجعة اتفاق الشراكة", ["pressure"], ("ESP", "EC")),
    # an actor after a preposition before the cue is not the subject
    ("وفي رد على تصريحات أنقرة، طالبت بغداد بسحب القوات التركية", ["pressure"], ("IRQ", "TUR")),
])
def test_source_and_target_follow_the_sentence_structure(matcher, text, labels, expected):
    assert roles(matcher, text, labels) == expected


def test_no_stance_or_no_actor_gives_no_roles(matcher):
    assert roles(matcher, "وصل المبعوث الأممي إلى عدن", []) == (None, None)
    assert roles(matcher, "حذر المسؤول من تدهور الأوضاع", ["concern"]) == (None, None)


def sentence(labels, source=None, target=None, mentions=()):
    return {"stance": {"labels": labels}, "sentiment": {"label": "negative"},
            "actors": [{"id": m} for m in mentions], "source": source, "target": target}


def test_summary_tabulates_actors_and_relations(matcher):
    scored = [sentence(["pressure"], "FRA", "RUS", ["FRA", "RUS"]),
              sentence(["pressure", "concern"], "FRA", "RUS", ["FRA", "RUS", "UKR"]),
              sentence(["denial"], "RUS", None, ["RUS"]),
              sentence([], None, None, ["UKR"])]
    summary = summarize(scored, ["concern", "denial", "pressure"], ["negative", "neutral", "positive"],
                        matcher.actors)
    rows = {row["id"]: row for row in summary["actors"]}
    assert [row["id"] for row in summary["actors"]] == ["FRA", "RUS", "UKR"]
    assert rows["FRA"] == {"id": "FRA", "name": "فرنسا", "mentions": 2, "concern": 1, "denial": 0,
                           "pressure": 2, "targeted": 0}
    assert rows["RUS"]["denial"] == 1 and rows["RUS"]["targeted"] == 2 and rows["RUS"]["mentions"] == 3
    assert rows["UKR"] == {"id": "UKR", "name": "أوكرانيا", "mentions": 2, "concern": 0, "denial": 0,
                           "pressure": 0, "targeted": 0}
    assert summary["relations"] == [
        {"source": "FRA", "target": "RUS", "stance": "pressure", "count": 2},
        {"source": "FRA", "target": "RUS", "stance": "concern", "count": 1},
        {"source": "RUS", "target": None, "stance": "denial", "count": 1}]
    assert summary["stance_counts"] == {"concern": 1, "denial": 1, "pressure": 2, "none": 1}


def test_actor_evaluation_counts_mentions_and_roles(matcher):
    records = [
        {"id": "a", "topic": "syria", "text": "موسكو تنفي اتهامات واشنطن", "stance": ["denial"],
         "actors": ["RUS", "USA"], "source": "RUS", "target": "USA"},
        {"id": "b", "topic": "sudan", "text": "باريس تدعو إلى التهدئة", "stance": ["pressure"],
         "actors": ["FRA", "SDN"], "source": "FRA", "target": "SDN"},  # SDN not in the text: a miss
        {"id": "c", "topic": "syria", "text": "قصف في ريف إدلب", "stance": [], "actors": []},
    ]
    figures = evaluate_actors(records, matcher)
    assert figures["all"]["mention_precision"] == 1.0 and figures["all"]["mention_recall"] == 0.75
    assert figures["all"]["source_accuracy"] == 1.0 and figures["all"]["target_accuracy"] == 0.5
    assert figures["held_out"]["sentences"] == 1 and figures["development"]["sentences"] == 2
    assert figures["all"]["role_errors"] == [{"id": "b", "role": "target", "true": "SDN", "predicted": None}]
    assert "test" not in figures
    test = [{"id": "t", "text": "لندن تحث طهران على ضبط النفس", "stance": ["pressure"],
             "actors": ["GBR", "IRN"], "source": "GBR", "target": "IRN"}]
    figures = evaluate_actors(records, matcher, test)
    assert figures["test"]["sentences"] == 1 and figures["test"]["mention_recall"] == 1.0
    assert figures["test"]["target_accuracy"] == 1.0 and figures["all"]["sentences"] == 3
