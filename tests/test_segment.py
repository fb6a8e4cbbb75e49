"""Sentence splitter: each case checks the sentences and that spans point into the original."""
import pytest

from stance.segment import split_sentences


def sentences(text):
    spans = split_sentences(text)
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert span.text == span.text.strip()
    return [span.text for span in spans]


@pytest.mark.parametrize("text, expected", [
    ("قال الوزير. وأضاف أن المحادثات مستمرة! فهل تنجح؟ ربما",
     ["قال الوزير.", "وأضاف أن المحادثات مستمرة!", "فهل تنجح؟", "ربما"]),
    ("السطر الأول\nالسطر الثاني\r\nالثالث", ["السطر الأول", "السطر الثاني", "الثالث"]),
    ("انتهى الاجتماع.,وقال المتحدث إن الجولة المقبلة في جنيف.,وتابع",
     ["انتهى الاجتماع.", "وقال المتحدث إن الجولة المقبلة في جنيف.", "وتابع"]),
    ("بلغ النمو 3.5 في المئة. وارتفع", ["بلغ النمو 3.5 في المئة.", "وارتفع"]),
    ("تراجع المؤشر 2.75% اليوم. ثم تعافى", ["تراجع المؤشر 2.75% اليوم.", "ثم تعافى"]),
    ("نشر في 2019-08-18 14:55:10. وتابع", ["نشر في 2019-08-18 14:55:10.", "وتابع"]),
    ("وقع الحادث في 18.08.2019 عند الساعة 14.30 مساء. وأضاف",
     ["وقع الحادث في 18.08.2019 عند الساعة 14.30 مساء.", "وأضاف"]),
    ("التقى د. محمد المسؤولين. ثم غادر", ["التقى د. محمد المسؤولين.", "ثم غادر"]),
    ("قال مسؤول U.S. إن Mr. Smith وصل. وانتهى", ["قال مسؤول U.S. إن Mr. Smith وصل.", "وانتهى"]),
    ("التفاصيل على https://example.com/news/a.b?id=3. وتابع", ["التفاصيل على https://example.com/news/a.b?id=3.", "وتابع"]),
    ("راسلونا على info.desk@example.org. شكرا", ["راسلونا على info.desk@example.org.", "شكرا"]),
    ("وقال: «لن نتراجع. سنواصل القتال». وأضاف", ["وقال: «لن نتراجع. سنواصل القتال».", "وأضاف"]),
    ('وقال: "هل هذا معقول؟ لا". وأضاف', ['وقال: "هل هذا معقول؟ لا".', "وأضاف"]),
    ("وتساءل: «هل نقبل هذا؟» وانتهى اللقاء", ["وتساءل: «هل نقبل هذا؟»", "وانتهى اللقاء"]),
    ("وقال إن الأمر… معقد. وتابع", ["وقال إن الأمر… معقد.", "وتابع"]),
    ("تعثر المفاوضات.. الوسطاء يعودون إلى الدوحة", ["تعثر المفاوضات.. الوسطاء يعودون إلى الدوحة"]),
    ("وأكد الوزير أن الحكومة ستعمل على...\nوفي سياق آخر", ["وأكد الوزير أن الحكومة ستعمل على...", "وفي سياق آخر"]),
    ("عنوان بلا نقطة في النهاية", ["عنوان بلا نقطة في النهاية"]),
    ("وقال المتحدث . وأضاف , وتابع ؟ ثم", ["وقال المتحدث .", "وأضاف , وتابع ؟", "ثم"]),
    ("نص الخبر.\nأخبار ذات صلة\nموسكو تنفي استهداف مستشفى 2019-08-18 14:55:10\n2019-08-17 09:12:44\n"
     "الجيش يتقدم في ريف إدلب 17/08/2019 10:05",
     ["نص الخبر.", "أخبار ذات صلة", "موسكو تنفي استهداف مستشفى", "الجيش يتقدم في ريف إدلب"]),
    ("...  .\n!!\n  \n123 . 45", []),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_offsets_survive_leading_space_and_invisible_marks():
    text = "  \u200fقال الوزير.  وأضاف  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(3, 14), (16, 21)]


def test_long_text_keeps_splitting_past_32_sentences():
    # pyarabic's sentence_tokenize stops after 32 pieces; this splitter must not.
    text = " ".join(f"الجملة رقم {i}." for i in range(100))
    assert len(split_sentences(text)) == 100


def test_commas_and_colons_do_not_split():
    assert sentences("قال الوزير: إن الاجتماع، الذي عقد أمس، كان مثمرا") == [
        "قال الوزير: إن الاجتماع، الذي عقد أمس، كان مثمرا"]


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError):
        split_sentences(b"bytes")
