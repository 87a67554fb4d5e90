"""The accuracy benchmark's scorer (benchmarks/accuracy/score.py) scores what it should:
a perfect prediction 1.0 / 0, an empty one 0 / 1, a known half-right one its figure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ACC = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy"
sys.path.insert(0, str(ACC))

import run  # noqa: E402
import score  # noqa: E402
import source  # noqa: E402

import unparse  # noqa: E402

EXAMPLE = source.SOURCES / "ga-res-example.txt"


@pytest.fixture(scope="module")
def example() -> source.Source:
    return source.load(EXAMPLE)


def test_source_gold_shape(example: source.Source) -> None:
    g = example.gold()
    assert [p["number"] for p in g["paragraphs"]] == [1, 2, 3]
    assert len(g["preamble"]) == 3
    assert [i["label"] for i in g["preamble"][2]["sub_items"]] == ["(أ)", "(ب)"]
    nested = g["paragraphs"][1]["sub_items"][0]["sub_items"]
    assert [(i["label"], i["text"]) for i in nested] == [
        ("'1'", "أن تتيح التسجيل المجاني للمواليد؛"),
        ("'2'", "أن تيسر لم شمل الأسر، في غضون 90 يوما على الأكثر؛"),
    ]
    assert [f["marker"] for f in g["footnotes"]] == ["1", "2", "3"]
    # The reference is in the clean text as (M), not in the gold paragraph text.
    assert "الإنسان(2)،" in example.clean_text()
    assert "الإنسان،" in g["preamble"][1]["text"]


def test_eastern_digits_keep_latin_symbols() -> None:
    src = source.parse_source(
        "kind: resolution\ndigits: eastern\n===\npara 12: القرار 76/172 والوثيقة A/78/320 في عام 2023[^1]\n"
        "note 1: A/78/1.\n"
    )
    assert src.clean_text() == "١٢ - القرار ٧٦/١٧٢ والوثيقة A/78/320 في عام ٢٠٢٣(١)\n\n(١) A/78/1.\n"


def test_source_errors_name_the_line() -> None:
    with pytest.raises(source.SourceError, match=r"x:4: not a block line"):
        source.parse_source("kind: report\n===\ntext: ok\nbogus line\n", "x")
    with pytest.raises(source.SourceError, match="references without a note"):
        source.parse_source("kind: report\n===\ntext: ok[^1]\n", "x")


def test_perfect_prediction(example: source.Source) -> None:
    blocks, notes = run.gold_blocks(example)
    text = score.score_text(example.clean_text(), blocks, notes)
    assert (text.edits, text.cer, text.number_recall) == (0, 0.0, 1.0)
    doc = unparse.parse_text(example.clean_text())
    paras, subs, feet, first = score.score_document(doc, example.gold())
    assert (paras.value, subs.value, feet.value, first) == (1.0, 1.0, 1.0, None)


def test_structure_counts(example: source.Source) -> None:
    gold = score.structure_counts(example.gold())
    assert gold == {
        "preamble": 3,
        "paragraphs": 3,
        "sub_items": 6,
        "sections": 0,
        "footnotes": 3,
        "annexes": 0,
        "annex_paragraphs": 0,
    }
    assert score.structure_counts(unparse.parse_text(example.clean_text())) == gold
    # One paragraph merged into the one before it: the counts say so.
    merged = example.clean_text().replace("\n\n3 - ", " 3 - ", 1)
    assert merged != example.clean_text()
    counts = score.structure_counts(unparse.parse_text(merged))
    assert score.counts_off(counts, gold) == "paragraphs 2/3"


def test_empty_prediction(example: source.Source) -> None:
    blocks, notes = run.gold_blocks(example)
    text = score.score_text("", blocks, notes)
    assert (text.cer, text.number_recall) == (1.0, 0.0)
    paras, subs, feet, first = score.score_document(unparse.parse_text(""), example.gold())
    assert (paras.value, subs.value, feet.value) == (0.0, 0.0, 0.0)
    assert first is not None and first.startswith("إذ تشير إلى")


def test_half_right_units() -> None:
    gold = [
        score.Unit("1", "أ" * 50),
        score.Unit("2", "ب" * 50),
        score.Unit("3", "ت" * 50),
        score.Unit("4", "ث" * 50),
    ]
    pred = [
        score.Unit("1", "أ" * 50),  # right
        score.Unit("2", "ب" * 45 + "خ" * 5),  # 10% CER: still right
        score.Unit("3", "ت" * 44 + "خ" * 6),  # 12%: wrong
        score.Unit("5", "ث" * 50),  # wrong number
    ]
    f1, missed = score.f1_of(gold, pred)
    assert (f1.matched, f1.value, missed) == (2, 0.5, [2, 3])
    # One prediction split in two: one match of 4 gold, 5 predicted → 2/9.
    f1, _ = score.f1_of(gold, [pred[0], score.Unit("2", "ب" * 25), score.Unit("2", "ب" * 25), *pred[2:]])
    assert f1.value == pytest.approx(2 / 9)


def test_half_text(example: source.Source) -> None:
    blocks, notes = run.gold_blocks(example)
    half = blocks[: len(blocks) // 2]
    text = score.score_text("\n".join(half), blocks, notes)
    missing = sum(len(score.unit_text(b)) for b in blocks[len(half) :] + notes)
    assert text.edits == missing
    assert text.cer == pytest.approx(missing / text.length)


def test_moved_footnote_and_furniture(example: source.Source) -> None:
    blocks, notes = run.gold_blocks(example)
    # A footnote at the page foot, mid-document, costs nothing; a running header costs its
    # characters; a deleted number is missed by number recall.
    body = (
        "\n".join(blocks[:12]) + "\n" + notes[0] + "\nA/RES/78/212 2\n" + "\n".join(blocks[12:] + notes[1:])
    )
    text = score.score_text(body, blocks, notes)
    assert text.edits == len("A/RES/78/2122")
    lost = score.score_text(example.clean_text().replace("8 565", "8"), blocks, notes)
    assert lost.numbers_found == lost.numbers_total - 1


def test_paragraph_broken_by_a_page(example: source.Source) -> None:
    blocks, notes = run.gold_blocks(example)
    # The longest paragraph, broken by a page: its footnote and the next page's header set
    # between its two halves. The footnote costs nothing where it stands, the header its
    # characters, the paragraph nothing: it is all there, in order.
    k = max(range(len(blocks)), key=lambda i: len(blocks[i]))
    words = blocks[k].split(" ")
    first, second = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])
    header = "A/RES/78/212 2"
    broken = [*blocks[:k], first, notes[0], header, second, *blocks[k + 1 :], *notes[1:]]
    text = score.score_text("\n".join(broken), blocks, notes)
    assert text.edits == len(header.replace(" ", ""))
    # The halves in the wrong order are not the paragraph: one of them is missed.
    swapped = [*blocks[:k], second, notes[0], header, first, *blocks[k + 1 :], *notes[1:]]
    wrong = score.score_text("\n".join(swapped), blocks, notes)
    half = min(len(score.unit_text(first)), len(score.unit_text(second)))
    assert wrong.edits >= half


def test_fair_normalisation() -> None:
    assert score.fair("ﺍﻷﻣﻢ") == "الأمم"  # presentation forms
    assert score.fair("\u202bالفقرة ٥\u202c\f") == "الفقرة 5"
    assert score.unit_text("وفقاً للمادة 3(1)، و¹") == "وفقا للمادة 3، و"


def test_eastern_digits_spare_latin_stretches() -> None:
    src = source.parse_source("kind: report\ndigits: eastern\n===\ntext: x\n")
    assert src.digits("14 July 2022") == "14 July 2022"
    assert src.digits("vol. 1577, No. 27531، الفقرة 45") == "vol. 1577, No. 27531، الفقرة ٤٥"
    assert src.digits("S/RES/2754 (2024) في 2024") == "S/RES/2754 (2024) في ٢٠٢٤"


def test_scorer_docstring_examples() -> None:
    # benchmarks/ is outside pytest's doctest paths: the scorer's examples run here.
    import doctest

    assert doctest.testmod(score).failed == 0
