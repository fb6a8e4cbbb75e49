"""A keyword baseline: a handful of cue-word rules per label, applied to normalized text.

It is evaluated on the same splits as the model, so every report shows what the model adds
over "look for the verb". Stance labels without rules (a user's extra label) are never
predicted by the baseline.
"""
import re

from stance.normalize import normalize_for_features

_PREFIX = r"(?:^|[\s\"(])[وف]?"
STANCE_CUES = {
    "pressure": ["دعا", "يدعو", "تدعو", "دعت", "حث", "يحث", "تحث", "حثت", "حض", "طالب", "يطالب",
                 "تطالب", "طالبت", "ضغط على", "ضغوطا", "هدد", "يهدد", "تهدد", "هددت", "لوح", "يلوح",
                 "أمهل", "يجب على", "شدد على ضرورة", "حمل", "حملت"],
    "concern": ["قلق", "مخاوف", "ندد", "تندد", "يندد", "أدان", "أدانت", "يدين", "تدين", "استنكر",
                "استنكرت", "حذر من", "يحذر من", "تحذر من", "حذرت من", "أسف", "إدانة"],
    "denial": ["نفى", "نفت", "ينفي", "تنفي", "كذب", "دحض", "رفض الاتهامات", "ترفض الاتهامات",
               "عارية عن الصحة", "لا أساس", "لا صحة"],
}
NEGATIVE_CUES = ["قتل", "قتلى", "مقتل", "قصف", "هجوم", "أزمة", "انفجار", "كارثة", "تدهور", "اتهام",
                 "عقوبات", "حرب", "ضحايا", "جرحى", "اشتباكات", "قلق", "إدانة", "أدان", "ندد", "انهيار",
                 "تهديد", "هدد", "نفى", "نفت", "مجاعة", "وباء", "اعتقال", "خسائر", "تراجع"]
POSITIVE_CUES = ["اتفاق", "تعاون", "رحب", "ترحيب", "الإفراج", "أفرج", "تقدم", "نجاح", "فوز", "فاز",
                 "أمل", "مساعدات", "توقيع", "وقع", "انتعاش", "ارتفاع", "تحسن", "هدنة", "مصالحة",
                 "إشادة", "أشاد", "تضامن", "دعم"]


def _pattern(cues: list[str]) -> re.Pattern:
    words = sorted({normalize_for_features(cue) for cue in cues}, key=len, reverse=True)
    return re.compile(_PREFIX + "(?:" + "|".join(map(re.escape, words)) + ")")


class KeywordBaseline:
    """Predict stance sets and sentiment from cue words alone."""

    def __init__(self, stance_labels: list[str], sentiment_labels: list[str]):
        self.stance_labels = list(stance_labels)
        self.sentiment_labels = list(sentiment_labels)
        self._stance = {label: _pattern(STANCE_CUES[label]) for label in stance_labels if label in STANCE_CUES}
        self._negative = _pattern(NEGATIVE_CUES)
        self._positive = _pattern(POSITIVE_CUES)

    def predict(self, texts: list[str]) -> tuple[list[list[str]], list[str]]:
        stance_sets, sentiments = [], []
        for text in texts:
            normalized = normalize_for_features(text)
            stance_sets.append([label for label, pattern in self._stance.items() if pattern.search(normalized)])
            sentiments.append(self._sentiment(normalized))
        return stance_sets, sentiments

    def _sentiment(self, normalized: str) -> str:
        negative = len(self._negative.findall(normalized))
        positive = len(self._positive.findall(normalized))
        label = "negative" if negative > positive else "positive" if positive > negative else "neutral"
        return label if label in self.sentiment_labels else self.sentiment_labels[0]
