"""Letters arrive as HTML pages and Word documents too; each reads like the same letter as text."""

import datetime as dt

import docx

from ingest.pipeline import analyse_path

LETTER = [
    "Tweede Kamer der Staten-Generaal",
    "Vergaderjaar 2023–2024",
    "27 925 Bestrijding internationaal terrorisme",
    "Nr. 962 BRIEF VAN DE MINISTER VAN DEFENSIE",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 15 december 2023",
    "In mijn brief van 21 november jl. (Kamerstuk 27 925, nr. 960) heb ik toegezegd u te informeren.",
    "Voor de zomer informeer ik uw Kamer over de evaluatie van de missie.",
    "De Minister van Defensie,",
]


def check(analysis):
    assert analysis.date == dt.date(2023, 12, 15)
    assert analysis.kamerstuk == "27925-962"
    assert [r.kamerstuk for r in analysis.references] == ["27925-960"]
    assert [c.due for c in analysis.commitments] == [dt.date(2024, 6, 30)]


def test_it_reads_a_letter_from_html_without_its_markup(tmp_path):
    page = tmp_path / "brief.html"
    body = "".join(f"<p>{line}</p>" for line in LETTER)
    page.write_text(f"<html><head><title>Brief</title><script>var x = '<p>nr. 1</p>';</script></head>"
                    f"<body>{body}</body></html>", encoding="utf-8")
    analysis = analyse_path(str(page))
    check(analysis)
    assert "<p>" not in analysis.text and "var x" not in analysis.text


def test_it_reads_a_letter_from_a_word_document(tmp_path):
    document = docx.Document()
    for line in LETTER:
        document.add_paragraph(line)
    path = tmp_path / "brief.docx"
    document.save(path)
    check(analyse_path(str(path)))
