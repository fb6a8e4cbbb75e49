import pytest

from stance import normalize as n


@pytest.mark.parametrize("rule, raw, expected", [
    # fatha, damma, kasra, shadda, tanween, sukun (U+064B-U+0652)
    (n.remove_diacritics, "مُحَمَّدٌ يَكْتُبْ", "محمد يكتب"),
    # superscript alef U+0670 and maddah above U+0653, which pyarabic leaves in place
    (n.remove_diacritics, "هٰذا آ\u0653", "هذا آ"),
    (n.remove_tatweel, "العـــربية", "العربية"),  # U+0640
    (n.normalize_alef, "أحمد إلى آمن ٱلكتاب", "احمد الى امن الكتاب"),
    (n.normalize_alef, "على", "على"),  # unlike pyarabic.normalize_alef, ى stays
    (n.normalize_alef_maqsura, "على مستوى", "علي مستوي"),
    (n.normalize_teh_marbuta, "سورية الجديدة", "سوريه الجديده"),
    (n.normalize_digits, "٢٠١٩ و۱۴۰۲", "2019 و1402"),  # Arabic-Indic and Persian digits
    (n.remove_invisibles, "\u200fقال\u200b \u202bالوزير\u202c\u2066\u2069\ufeff", "قال الوزير"),
    (n.expand_hashtags, "تابعوا #الهدنة_في_الغوطة الآن", "تابعوا الهدنة في الغوطة الآن"),
    (n.normalize_quotes, "«نرفض» “تماما”", '"نرفض" "تماما"'),
    (n.collapse_whitespace, "  قال\u00a0\u00a0الوزير\n\tإن  ", "قال الوزير إن"),
])
def test_each_rule_does_its_one_job(rule, raw, expected):
    assert rule(raw) == expected


def test_normalize_text_composes_every_rule():
    raw = "\u200fقالـــت الخارجيّة: «نرفض #التدخل_الأجنبي» على الحدود ٢٠١٩  "
    assert n.normalize_text(raw) == 'قالت الخارجيه: "نرفض التدخل الاجنبي" علي الحدود 2019'


def test_normalize_text_is_idempotent_on_tricky_input():
    raw = "##أ_#ب  ٱلـ«ة»\u200d"
    once = n.normalize_text(raw)
    assert n.normalize_text(once) == once


def test_normalize_for_features_lowercases_latin_only():
    assert n.normalize_for_features("NATO والناتو") == "nato والناتو"
