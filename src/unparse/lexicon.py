"""Arabic language knowledge shared by the stages: ordinals, months, letters of sub-items.

General knowledge of Arabic and of UN drafting conventions, never words of one document.
"""

from __future__ import annotations

import regex

_UNITS = {
    "الأول": 1,
    "الأولى": 1,
    "الحادي": 1,
    "الحادية": 1,
    "الواحد": 1,
    "الثاني": 2,
    "الثانية": 2,
    "الثالث": 3,
    "الثالثة": 3,
    "الرابع": 4,
    "الرابعة": 4,
    "الخامس": 5,
    "الخامسة": 5,
    "السادس": 6,
    "السادسة": 6,
    "السابع": 7,
    "السابعة": 7,
    "الثامن": 8,
    "الثامنة": 8,
    "التاسع": 9,
    "التاسعة": 9,
    "العاشر": 10,
    "العاشرة": 10,
}
_TENS = {
    "العشرون": 20,
    "العشرين": 20,
    "الثلاثون": 30,
    "الثلاثين": 30,
    "الأربعون": 40,
    "الأربعين": 40,
    "الخمسون": 50,
    "الخمسين": 50,
    "الستون": 60,
    "الستين": 60,
    "السبعون": 70,
    "السبعين": 70,
    "الثمانون": 80,
    "الثمانين": 80,
    "التسعون": 90,
    "التسعين": 90,
}


def parse_ordinal(phrase: str) -> int | None:
    """``"السادسة والسبعون"`` → 76; ``"الحادية عشرة"`` → 11; ``"الخامسة"`` → 5."""
    words = [w.removeprefix("و") if w.startswith("وال") else w for w in phrase.split()]
    if not words:
        return None
    first = words[0]
    if first in _TENS:
        return _TENS[first]
    if first not in _UNITS:
        return None
    value = _UNITS[first]
    if len(words) > 1 and words[1] in ("عشر", "عشرة"):
        return 10 + value
    if len(words) > 1 and words[1] in _TENS:
        return _TENS[words[1]] + value
    return value


SESSION_RE = regex.compile(r"الدورة\s+((?:ال\p{Arabic}+)(?:\s+(?:و?ال\p{Arabic}+|عشرة?))?)")

# Gregorian month names (as used in UN Arabic) and their Levantine equivalents. UN style
# writes both, Levantine first: "أيار/مايو".
GREGORIAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيه",
    "يوليه",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
LEVANTINE_MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
MONTH_NUMBER: dict[str, int] = {}
for _i, (_g, _l) in enumerate(zip(GREGORIAN_MONTHS, LEVANTINE_MONTHS, strict=True), start=1):
    MONTH_NUMBER[_g] = _i
    MONTH_NUMBER[_l] = _i
MONTH_NUMBER.update({"يونيو": 6, "يوليو": 7, "إبريل": 4, "ابريل": 4, "اكتوبر": 10})

_LEV = "|".join(sorted((regex.escape(m) for m in LEVANTINE_MONTHS), key=len, reverse=True))
_GRE = "|".join(
    sorted((regex.escape(m) for m in [*GREGORIAN_MONTHS, "يونيو", "يوليو"]), key=len, reverse=True)
)
DATE_RE = regex.compile(rf"(?P<day>\d{{1,2}})\s*(?P<lev>{_LEV})\s*/\s*(?P<gre>{_GRE})\s*(?P<year>\d{{4}})")
LEVANTINE_PATTERN = _LEV
GREGORIAN_PATTERN = _GRE

# Labels of sub-items, in order (abjad-like order used in UN Arabic texts).
SUB_ITEM_LETTERS = [
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
]

# Section labels of reports: ordinal adverbs (level 1) and letter names (level 2).
SECTION_ORDINALS = [
    "أولاً",
    "ثانياً",
    "ثالثاً",
    "رابعاً",
    "خامساً",
    "سادساً",
    "سابعاً",
    "ثامناً",
    "تاسعاً",
    "عاشراً",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
]
SECTION_LETTERS = [
    "ألف",
    "باء",
    "جيم",
    "دال",
    "هاء",
    "واو",
    "زاي",
    "حاء",
    "طاء",
    "ياء",
    "كاف",
    "لام",
    "ميم",
    "نون",
    "سين",
    "عين",
    "فاء",
    "صاد",
    "قاف",
    "راء",
]

# The organs whose resolutions and decisions carry a symbol built from their number:
# organ → (resolution prefix, decision prefix); "" where the organ issues no such series.
ORGAN_SYMBOLS: dict[str, tuple[str, str]] = {
    "الجمعية العامة": ("A/RES/", "A/DEC/"),
    "مجلس الأمن": ("S/RES/", ""),
    "المجلس الاقتصادي والاجتماعي": ("E/RES/", "E/DEC/"),
    "مجلس حقوق الإنسان": ("A/HRC/RES/", "A/HRC/DEC/"),
}
# Organ names printed alone in the masthead of a UN document (the last one is the most
# specific: "الجمعية العامة" then "مجلس حقوق الإنسان").
UN_ORGANS = [*ORGAN_SYMBOLS, "مجلس الوصاية", "محكمة العدل الدولية", "الأمانة العامة"]

ENGLISH_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}

# Stems of the verbs that open operative paragraphs and decisions, without the prefix of
# the third person: the Assembly's are feminine (ت + stem: "تقرر"), the Councils' and
# Conferences' masculine (ي + stem: "يقرر").
_LEAD_VERB_STEMS = (
    "قرر", "طلب", "حث", "دعو", "رحب", "ؤكد", "حيط", "شجع", "عرب", "لاحظ", "عتمد", "وافق",
    "دين", "طالب", "هيب", "شدد", "سلم", "شير", "كرر", "علن", "ؤيد", "عترف", "ناشد", "أذن",
    "حيل", "نتخب", "عين", "مدد", "وصي", "أخذ", "عيد", "شيد", "ثني", "دعم", "كلف", "أسف",
    "ستنكر", "شكر", "عتبر", "قبل", "وجه", "نوه", "قدر", "قر", "ذكر", "ستذكر", "درك", "ضع",
    "لتمس", "حظر", "منح", "نشئ", "خول", "ود", "تطلع",
)  # fmt: skip
LEAD_VERBS = frozenset(p + s for s in _LEAD_VERB_STEMS for p in ("ت", "ي"))
_MARKS_RE = regex.compile(r"[\p{Mn}\u0640]")


def is_lead_verb(word: str) -> bool:
    """Whether ``word`` is a common lead verb of an operative paragraph, of either gender;
    diacritics ("يحثّ") and trailing punctuation do not count."""
    return _MARKS_RE.sub("", word).rstrip("،,:؛") in LEAD_VERBS


# -- Arabic legislation ------------------------------------------------------------------
# Ordinal words as laws print them, feminine for articles ("المادة الحادية عشرة") and
# masculine for chapters ("الباب الثاني"); Egyptian spelling writes a final yaa as alif
# maqsura ("الثانى", "الحادى").
_LEGAL_UNITS = [w for w in _UNITS if w != "الواحد"]
_FOLDED = [w[:-1] + "ى" for w in _LEGAL_UNITS if w.endswith("ي")]
_U = "|".join(sorted(_LEGAL_UNITS + _FOLDED, key=len, reverse=True))
_T = "|".join(sorted(_TENS, key=len, reverse=True))
# "الأولى", "الحادية عشرة", "الخامسة والعشرون", "العشرون"; bounded: at most two words.
LEGAL_ORDINAL_PATTERN = rf"(?:(?:{_U})(?:\s+(?:عشرة?|و(?:{_T})))?|(?:{_T}))"


def legal_ordinal(phrase: str) -> int | None:
    """``"الثانى"`` → 2, ``"الحادية عشرة"`` → 11: an ordinal of a law's article or chapter."""
    words = phrase.split()
    if words and words[0] not in _UNITS and words[0].endswith("ى") and words[0][:-1] + "ي" in _UNITS:
        words[0] = words[0][:-1] + "ي"
    return parse_ordinal(" ".join(words))


# Units of a law's structure, from the largest: "الكتاب الأول" > "الباب" > "القسم" > "الفصل"
# > "الفرع". A chapter's level is its rank among the units the law uses.
LEGAL_UNITS = ("كتاب", "باب", "قسم", "فصل", "فرع")

# -- States ------------------------------------------------------------------------------
# The official names of the Arab states (members of the League of Arab States), as their
# legislation prints them, and their ISO 3166-1 alpha-2 codes (the country of an Akoma
# Ntoso work). General knowledge, not words of one document.
ARAB_STATES: dict[str, str] = {
    "المملكة الأردنية الهاشمية": "jo",
    "الإمارات العربية المتحدة": "ae",
    "مملكة البحرين": "bh",
    "الجمهورية التونسية": "tn",
    "الجمهورية الجزائرية الديمقراطية الشعبية": "dz",
    "جمهورية جيبوتي": "dj",
    "المملكة العربية السعودية": "sa",
    "جمهورية السودان": "sd",
    "الجمهورية العربية السورية": "sy",
    "جمهورية الصومال الفيدرالية": "so",
    "جمهورية العراق": "iq",
    "سلطنة عمان": "om",
    "دولة فلسطين": "ps",
    "دولة قطر": "qa",
    "الاتحاد القمري": "km",
    "دولة الكويت": "kw",
    "الجمهورية اللبنانية": "lb",
    "دولة ليبيا": "ly",
    "جمهورية مصر العربية": "eg",
    "المملكة المغربية": "ma",
    "الجمهورية الإسلامية الموريتانية": "mr",
    "الجمهورية اليمنية": "ye",
}
# The code of a work whose country no text names: "zz", user-assigned in ISO 3166-1 and
# used for an unknown region (Unicode CLDR), so it can never be taken for a real country.
UNKNOWN_COUNTRY = "zz"


def _fold_state(text: str) -> str:
    """Spelling variants that do not change a name: marks and tatweel, hamza on alif, final
    yaa written as alif maqsura ("جيبوتى")."""
    return _MARKS_RE.sub("", text).translate(str.maketrans("أإآى", "اااي"))


_STATE_NAMES_FOLDED = sorted((_fold_state(n) for n in ARAB_STATES), key=len, reverse=True)
# A name with its proclitics: "و", "ف", then "ب", "ك" or "ل" ("وبجمهورية"); "ل" before the
# article drops its alif ("للمملكة المغربية").
_STATE_RE = regex.compile(
    r"(?<!\p{L})[وف]?(?:[بكل]?(?P<name>"
    + "|".join(regex.escape(n) for n in _STATE_NAMES_FOLDED)
    + r")|ل(?P<elided>"
    + "|".join(regex.escape(n[1:]) for n in _STATE_NAMES_FOLDED if n.startswith("ال"))
    + r"))(?!\p{L})"
)
_STATE_CODE = {_fold_state(n): c for n, c in ARAB_STATES.items()}


def states_named(text: str) -> list[str]:
    """The ISO 3166-1 alpha-2 codes of the Arab states ``text`` names by their official name,
    in order of appearance, with repeats: ``"... محافظات جمهورية مصر العربية"`` → ``["eg"]``."""
    return [_STATE_CODE[m["name"] or "ا" + m["elided"]] for m in _STATE_RE.finditer(_fold_state(text))]


# Leads of preambular paragraphs ("وإذ تشير", "إذ يستذكر"), read by the segmenter and by the
# PDF reader (where a paragraph starts); "وإن"/"وإنه" appear in texts where an OCR or a
# typist misread "وإذ".
# Besides "إذ", preambular paragraphs open with an adverbial accusative and "منه/منها"
# ("وإدراكا منها", "وتسليما منه") or with "وبعد أن نظر/نظرت".
# The accusative may be any verbal noun ending in alef or ta marbuta after "و" ("ورغبة منه",
# "وتقديرا منها", "وسعيا منه"): the words "منه/منها/منهم" after it are the mark.
PREAMBLE_LEAD_RE = regex.compile(
    r"^(?P<particle>و?إذ|وإن|وإنه|وقد|وبعد أن|و?إدراكا|و?اقتناعا|و?اعترافا"
    r"|و?(?:تسليما|تأكيدا|إقرارا|حرصا|إيمانا|تصميما)ً?(?=\s+منه)"
    r"|و\p{Arabic}{2,9}[اة]ً?(?=\s+منه(?:ا|م)?\s))\s+"
)
