"""Sentence splitting: where a sentence ends in a Kamerbrief, and where it does not."""

import pytest

from ingest.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_it_splits_at_a_full_stop_before_a_capital():
    assert texts("Het kabinet besluit. De Kamer wordt geïnformeerd.") == [
        "Het kabinet besluit.", "De Kamer wordt geïnformeerd."]


@pytest.mark.parametrize("abbreviation", [
    "nr.", "nrs.", "o.a.", "bijv.", "d.w.z.", "art.", "mln.", "mrd.", "m.b.t.", "t.a.v.", "i.v.m.", "e.d.",
])
def test_it_does_not_split_after_common_abbreviations(abbreviation):
    text = f"Dit betreft {abbreviation} De Vries en anderen in de brief."
    assert len(split_sentences(text)) == 1


def test_it_does_not_split_a_kamerstuk_number_or_an_abbreviated_date():
    text = "Zie Kamerstuk 27 925, nr. 943 van 21 nov. 2023 voor details. Daarna volgt meer."
    assert texts(text) == ["Zie Kamerstuk 27 925, nr. 943 van 21 nov. 2023 voor details.", "Daarna volgt meer."]


def test_it_does_not_split_after_initials():
    assert len(split_sentences("De brief is getekend door J.A. de Vries namens het kabinet.")) == 1


def test_jl_before_a_bracket_stays_in_the_sentence_but_jl_before_a_capital_ends_it():
    assert len(split_sentences("In het debat van 25 oktober jl. (Kamerstuk 27 925, nr. 958) is gesproken.")) == 1
    assert texts("Het debat was op 25 oktober jl. Het kabinet zegde toe.") == [
        "Het debat was op 25 oktober jl.", "Het kabinet zegde toe."]


def test_a_line_wrapped_inside_a_paragraph_does_not_end_the_sentence():
    text = "In december informeer ik uw Kamer wederom over de dan geldende\nveiligheidssituatie in Irak."
    assert len(split_sentences(text)) == 1


def test_an_empty_line_ends_a_heading():
    assert texts("Veiligheidssituatie in Irak\n\nDe dreiging is toegenomen.") == [
        "Veiligheidssituatie in Irak", "De dreiging is toegenomen."]


def test_a_footnote_printed_in_the_text_is_not_part_of_the_sentence_before_it():
    text = ("Uw Kamer wordt hierover later geïnformeerd dan eerder gedacht, vanwege de omvang.\n"
            "5 Kamerbrief over de inzet, Kamerstuk 27 925, nr. 946.")
    assert texts(text)[0] == "Uw Kamer wordt hierover later geïnformeerd dan eerder gedacht, vanwege de omvang."


def test_offsets_point_into_the_original_text():
    text = "  Eerste zin hier.\n\nTweede zin, nr. 5 daarna. Derde zin."
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    assert len(split_sentences(text)) == 3


def test_a_footnote_mark_glued_to_the_full_stop_still_ends_the_sentence():
    assert texts("Dit staat in de brief.3 Het kabinet volgt de ontwikkelingen.") == [
        "Dit staat in de brief.3", "Het kabinet volgt de ontwikkelingen."]


def test_a_quotation_opened_with_two_commas_starts_a_sentence():
    # news items type the low opening quotation mark as two commas
    assert texts("De minister meldt het uitstel in een brief. ,,Met de hoge druk verwachten we niet dat het lukt.”") \
        == ["De minister meldt het uitstel in een brief.", ",,Met de hoge druk verwachten we niet dat het lukt.”"]
