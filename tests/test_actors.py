"""Actor recognition: gazetteer forms, inflections, clitics, overlaps, spans and user files."""
import os

import pytest

from stance import ActorMatcher, GazetteerError
from stance.actors import trie_pattern
from stance.gazetteer import expand_form, load_gazetteer, read_gazetteer


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher.from_gazetteer()


def ids(matcher, text):
    return [mention.id for mention in matcher.find(text)]


@pytest.mark.parametrize("word", ["الفرنسي", "الفرنسية", "الفرنسيون", "الفرنسيين", "فرنسيان",
                                  "الفرنسيتين", "فرنسية", "الفرنسيات"])
def test_every_nisba_inflection_names_the_country(matcher, word):
    assert ids(matcher, f"وقال مسؤول عن الجانب {word} في المحادثات") == ["FRA"]


@pytest.mark.parametrize("text, expected", [
    ("والفرنسيون يرفضون", "FRA"), ("فالروس لم يردوا", "RUS"), ("بالأمم المتحدة", "UN"),
    ("للأمم المتحدة", "UN"), ("للولايات المتحدة", "USA"), ("وبالعراق", "IRQ"), ("لسوريا", "SYR"),
    ("وواشنطن", "USA"), ("كالصين", "CHN"),
])
def test_attached_clitics_are_matched(matcher, text, expected):
    assert ids(matcher, text) == [expected]


def test_span_of_a_lam_lam_mention_starts_at_the_merged_article(matcher):
    text = "رسالة للاتحاد الأوروبي"
    [mention] = matcher.find(text)
    assert (mention.id, mention.text) == ("EU", "للاتحاد الأوروبي")
    assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text, expected", [
    ("موسكو ترد على باريس", ["RUS", "FRA"]), ("طهران تتهم تل أبيب", ["IRN", "ISR"]),
    ("قالت الخرطوم إن الرياض", ["SDN", "SAU"]),
])
def test_capitals_are_metonyms_for_their_country(matcher, text, expected):
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("افتتاح معرض الكتاب في بيروت", []), ("انهيار مبنى ببغداد", []), ("وصول أول رحلة إلى مطار دمشق", []),
    ("طالب في جامعة بغداد", []), ("ووقعت اشتباكات في ريف دمشق وفي الرياض", []),
    ("وحمّلت باريس السلطات في دمشق المسؤولية", ["FRA", "SYR"]),
    ("ورفض المجلس العسكري في نيامي الانتقادات", ["NER"]),
    ("ولوحت واشنطن بعقوبات على دمشق", ["USA", "SYR"]), ("رسالة إلى طهران", ["IRN"]),
    ("القتال في سوريا", ["SYR"]),  # a country's name is a mention wherever it stands
])
def test_a_capital_in_a_place_context_names_the_city_not_the_state(matcher, text, expected):
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("جولة للزوار في المتحف العراقي", []), ("قطع أثرية في المتحف العراقي", []),
    ("المتحف العراقي يستعيد قطعا مسروقة", ["IRAQ_MUSEUM"]), ("مندوب مصر في جامعة الدول العربية", ["EGY", "ARAB_LEAGUE"]),
])
def test_an_institution_that_is_also_a_place_is_an_actor_only_outside_a_place_context(matcher, text, expected):
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("تراجع الليرة السورية أمام الدولار", []), ("مزاعم صحيفة إسرائيلية", []), ("طالب أفغاني يفوز بجائزة", []),
    ("ونفت الحكومة السورية", ["SYR"]), ("اتهامات إسرائيلية للحكومة اللبنانية", ["ISR", "LBN"]),
    # with a clitic on the noun, across a construct's genitive, and after a company
    ("مملوكة لشركة بريطانية", []), ("الهجوم على ناقلة النفط اليونانية", []), ("سجن الصحفي الفرنسي", []),
    ("وقعت أدنوك الإماراتية اتفاقا", ["ADNOC"]), ("عقد مع سيمنس الألمانية", ["SIEMENS"]),
    # a nisba on an act of the state is the state (decision 2), also after a construct
    ("قتل في غارة إسرائيلية", ["ISR"]), ("رفع العقوبات الأميركية", ["USA"]), ("وزير الدفاع الروسي", ["RUS"]),
    # its places, people, sides and goods are not the state; its coast guard is
    ("توغل داخل الأراضي السورية", []), ("عودة آلاف السوريين", []), ("دعا الأطراف الليبية", []),
    ("ارتفاع أسعار الغاز الروسي", []), ("وقال خفر السواحل اليوناني", ["GRC"]),
])
def test_a_nisba_on_a_thing_or_a_private_person_is_not_the_state(matcher, text, expected):
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text, state, named", [
    # a company's name of several words without the article before the nisba: the company's
    ("وانهارت مجموعة توماس كوك البريطانية", "GBR", False), ("وأبدت شركة إيه في زد الأسترالية استياءها", "AUS", False),
    # a noun with the article between them: the nisba is that noun's
    ("وقعت شركة مع الحكومة التركية", "TUR", True), ("وطالبت مجموعة دانغوتي الحكومة النيجيرية", "NGA", True),
])
def test_a_nisba_after_a_company_name_of_several_words_is_the_company_s(matcher, text, state, named):
    assert (state in ids(matcher, text)) == named


def test_place_forms_of_a_user_gazetteer_follow_the_same_rule(tmp_path):
    path = write(tmp_path, "ruritania\tcountry\truritania\tروريتانيا\tروريتانيا|@ستريلساو")
    matcher = ActorMatcher.from_gazetteer(path)
    assert ids(matcher, "ستريلساو ترفض الاتهامات") == ["ruritania"]
    assert ids(matcher, "مؤتمر في ستريلساو") == []


@pytest.mark.parametrize("variant", ["سوريا", "سورية", "سوريه"])
def test_spelling_variants_of_a_country(matcher, variant):
    assert ids(matcher, f"في {variant} اليوم") == ["SYR"]


@pytest.mark.parametrize("text, expected", [("وقالت بنغلادش إن", ["BGD"]), ("وقالت بنغلاديش إن", ["BGD"]),
                                            ("وغرّم الويفا النادي", ["UEFA"]), ("وغرّم اليويفا النادي", ["UEFA"])])
def test_spelling_variants_found_on_the_tenth_test_set(matcher, text, expected):
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text", ["الجيش الأمريكي", "الجيش الأميركي", "غوتيريس", "غوتيريش", "إردوغان", "أردوغان"])
def test_spelling_variants_of_nisbas_and_names(matcher, text):
    assert len(matcher.find(text)) == 1


def test_diacritics_and_tatweel_do_not_hide_a_name_and_spans_keep_them(matcher):
    text = "أعربت فـرنسـا عن قلقها من تصريحات موسكُو"  # tatweel U+0640 and damma U+064F
    found = matcher.find(text)
    assert [m.id for m in found] == ["FRA", "RUS"]
    assert [text[m.start:m.end] for m in found] == ["فـرنسـا", "موسكُو"]


@pytest.mark.parametrize("text, expected", [
    ("الاتحاد الأفريقي لكرة القدم يفرض غرامة", ["CAF_FOOTBALL"]),  # not AU
    ("الاتحاد الأوروبي لكرة القدم", ["UEFA"]),  # not EU
    ("مجلس الأمن الدولي", ["UNSC"]),
    ("الأمم المتحدة والولايات المتحدة", ["UN", "USA"]),
    ("المجلس النرويجي للاجئين", ["NRC"]),  # a country nisba inside an organization's name
    ("حكومة جنوب السودان", ["SSD"]),  # not SDN
    ("رئيس الوزراء العراقي محمد شياع السوداني", ["sudani"]),  # name, not the Sudanese nisba
])
def test_the_longest_overlapping_name_wins(matcher, text, expected):
    assert ids(matcher, text) == expected


def test_a_title_with_the_persons_nisba_is_one_mention_of_the_person(matcher):
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن واشنطن"
    assert ids(matcher, text) == ["lavrov", "USA"]


def test_a_title_naming_a_place_on_the_way_to_the_person_is_one_mention_of_the_person(matcher):
    assert ids(matcher, "وطالب المبعوث الأممي إلى اليمن هانس غروندبرغ الأطراف بضبط النفس") == ["grundberg"]
    # a person of another country does not absorb the title
    assert ids(matcher, "وقال وزير الخارجية الأمريكي إن إيمانويل ماكرون") == ["USA", "macron"]
    # a mandate after المعني / المعنية is part of the title, places in it too
    assert ids(matcher, "ودعا المقرر الخاص للأمم المتحدة المعني بالحق في الغذاء مايكل فخري الدول") == ["fakhri"]
    assert ids(matcher, "وحذرت المقررة الأممية الخاصة المعنية بحرية الرأي والتعبير إيرين خان من") == ["irene_khan"]


@pytest.mark.parametrize("text, expected", [
    ("وطالبت منظمة العفو الدولية الدول الأوروبية بوقف الترحيل", ["AMNESTY"]),
    ("وقلق أوروبي من قوارب الهجرة", ["EU"]), ("انطلاق مؤتمر بروكسل لدعم سوريا", ["SYR"]),
    ("المفوضية الأممية للاجئين تحذر", ["UNHCR"]), ("وقال المفوض الأوروبي للصحة", ["EC"]),
])
def test_regional_nisbas_name_the_union_only_on_an_actor(matcher, text, expected):
    assert ids(matcher, text) == expected


def test_common_words_that_look_like_names_are_not_actors(matcher):
    assert ids(matcher, "قدم الصندوق الدعم المالي للطالب وقال إن ضغط الدم مرتفع") == []
    assert ids(matcher, "قتلت امرأة وأم لثلاثة أطفال كونا أسرة") == []  # not the agencies وام، كونا


def test_trie_pattern_prefers_the_longest_name():
    import re
    pattern = re.compile(f"(?:{trie_pattern(['ab', 'abc', 'abcd', 'x y'])})$")
    assert all(pattern.match(word) for word in ["ab", "abc", "abcd", "x   y"])
    assert not pattern.match("abce")


def test_expand_form_inflects_nisba_stems_and_leaves_names():
    assert expand_form("فرنسا") == ["فرنسا"]
    forms = expand_form("~فرنسي")
    assert {"فرنسي", "الفرنسية", "الفرنسيون", "الفرنسيين"} <= set(forms) and len(forms) == 16


def test_shipped_gazetteer_has_the_actor_kinds_and_ids_of_the_guide():
    actors = load_gazetteer()
    assert {"FRA", "RUS", "UN", "UNSC", "EU", "NATO", "ARAB_LEAGUE", "macron"} <= actors.keys()
    assert actors["macron"].country == "FRA" and actors["macron"].kind == "person"
    assert {actor.kind for actor in actors.values()} == {"country", "organization", "person", "group"}
    assert len(actors) >= 300


# ISO 3166 alpha-3 codes of the 193 UN member states, and the two observer states.
UN_MEMBERS_AND_OBSERVERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE VAT PSE""".split()


def test_every_un_member_and_observer_state_is_a_country_under_its_iso_code():
    actors = load_gazetteer()
    missing = [code for code in UN_MEMBERS_AND_OBSERVERS if code not in actors]
    not_countries = [code for code in UN_MEMBERS_AND_OBSERVERS
                     if code in actors and actors[code].kind != "country"]
    assert (len(UN_MEMBERS_AND_OBSERVERS), missing, not_countries) == (195, [], [])


@pytest.mark.parametrize("text, expected", [
    ("وقالت غينيا بيساو إن", ["GNB"]), ("وقالت غينيا إن", ["GIN"]),
    ("وأعلنت غينيا الاستوائية", ["GNQ"]), ("حكومة بابوا غينيا الجديدة", ["PNG"]),
    ("جمهورية الكونغو الديمقراطية تتهم", ["COD"]), ("جمهورية الكونغو تتهم", ["COG"]),
    ("الجيش الكونغولي", ["COD"]), ("الجزر القمرية في التقويم القمري", []),
    ("حذرت تايبيه بكين", ["TWN", "CHN"]), ("اجتماع في تايبيه", []),
    ("رئيس الوزراء الكوسوفي ألبين كورتي", ["kurti"]),
])
def test_states_whose_names_overlap_or_share_words(matcher, text, expected):
    assert ids(matcher, text) == expected


def write(tmp_path, *lines):
    path = tmp_path / "mine.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_user_gazetteer_adds_and_replaces_actors(tmp_path):
    path = write(tmp_path, "# my actors",
                 "acme\torganization\tEGY\tشركة أكمي\tأكمي|شركة أكمي",
                 "FRA\tcountry\tFRA\tفرنسا\tفرنسا")  # replaces FRA: capital and nisba dropped
    matcher = ActorMatcher.from_gazetteer(path)
    assert ids(matcher, "شركة أكمي تنفي") == ["acme"]
    assert ids(matcher, "باريس وفرنسا") == ["FRA"]


def test_the_extended_list_is_selected_by_name_and_user_files_apply_after_it(tmp_path):
    assert "CAIRO_UNIVERSITY" not in load_gazetteer()
    extended = load_gazetteer("extended")
    assert "CAIRO_UNIVERSITY" in extended and len(extended) > len(load_gazetteer()) + 3000
    mine = write(tmp_path, "CAIRO_UNIVERSITY\t-", "acme\torganization\tEGY\tشركة أكمي\tشركة أكمي")
    both = load_gazetteer(f"extended{os.pathsep}{mine}")
    assert "CAIRO_UNIVERSITY" not in both and "acme" in both and "ISKP" in both


def test_user_gazetteer_can_remove_an_actor(tmp_path):
    matcher = ActorMatcher.from_gazetteer(write(tmp_path, "MLI\t-"))
    assert ids(matcher, "في مالي") == []


@pytest.mark.parametrize("line, message", [
    ("acme\torganization\tEGY\tأكمي", "expected 5 tab-separated fields"),
    ("Acme\torganization\tEGY\tأكمي\tأكمي", "id 'Acme'"),
    ("acme\tcompany\tEGY\tأكمي\tأكمي", "kind 'company'"),
    ("acme\torganization\tEGY\tأكمي\tacme", "has no Arabic letter"),
    ("acme\torganization\tEGY\tأكمي\t~أكم", "must end in"),
    ("acme\torganization\tEGY\tأكمي\t@ أكمي", "must start with an Arabic letter after @"),
    ("acme\torganization\tegypt!\tأكمي\tأكمي", "country 'egypt!'"),
    ("nobody\t-", "cannot remove unknown id"),
])
def test_user_gazetteer_errors_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path, "# header", line)
    with pytest.raises(GazetteerError) as error:
        ActorMatcher.from_gazetteer(path)
    assert f"{path}:2:" in str(error.value) and message in str(error.value)


def test_user_gazetteer_rejects_an_id_twice_and_missing_files(tmp_path):
    path = write(tmp_path, "a1\tperson\tEGY\tأ\tأحمد", "a1\tperson\tEGY\tأ\tأحمد")
    with pytest.raises(GazetteerError, match=":2: id a1 appears twice"):
        read_gazetteer(path)
    with pytest.raises(GazetteerError, match="cannot read gazetteer"):
        read_gazetteer(tmp_path / "absent.tsv")
