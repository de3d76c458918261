"""The body text of a PDF: furniture out, hyphenation undone, footnotes apart, pages rejoined."""

import os
import subprocess

import pytest

from fixtures.kamerstuk_pdf import PrintedPage, write_kamerstuk
from ingest.pipeline import analyse_path
from tests.seeds import SEED_PDFS, SEED_TEXTS

HEADER = [
    "Tweede Kamer der Staten-Generaal 2",
    "Vergaderjaar 2023–2024",
    "27 925 Bestrijding internationaal terrorisme",
    "Nr. 960 BRIEF VAN DE MINISTER VAN DEFENSIE",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 21 november 2023",
]
FOOTER = "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 960"


@pytest.fixture(scope="module")
def letter(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "kamerstuk.pdf"
    first = PrintedPage(
        lines=[
            "Sinds 7 oktober is de situatie in het Midden-",
            "Oosten gespannen. Over de nieuwe veiligheids-",
            "inzet en het terugtrekken van niet-",
            "essentiële staf door de anti-ISIS-",
            "coalitie schreef ik in de artikel 100-",
            "brief^1 en in Kamerstuk 27 925, nr.",
        ],
        footnotes=["1 Kamerstuk 27 925, nr. 943."],
    )
    second = PrintedPage(lines=["946 over de eerdere stand van zaken.", "", "In december informeer ik uw Kamer."])
    write_kamerstuk(path, [first, second], header=HEADER, footer=FOOTER,
                    colophon="kst-27925-960 ISSN 0921 - 7371 ’s-Gravenhage 2023")
    return analyse_path(path)


def test_it_removes_the_header_block_running_footer_and_colophon(letter):
    assert letter.text.startswith("Sinds 7 oktober")
    for furniture in ("Tweede Kamer", "Vergaderjaar", "ISSN", "Den Haag, 21"):
        assert furniture not in letter.text


def test_it_rejoins_words_hyphenated_at_a_line_end(letter):
    assert "veiligheidsinzet" in letter.text


def test_it_keeps_real_hyphens_at_a_line_end(letter):
    for word in ("Midden-Oosten", "niet-essentiële", "anti-ISIS-coalitie", "artikel 100-brief"):
        assert word in letter.text


def test_it_moves_footnotes_out_of_the_text(letter):
    assert letter.footnotes == ["1 Kamerstuk 27 925, nr. 943."]
    assert "nr. 943" not in letter.text
    assert [(r.kamerstuk, r.footnote) for r in letter.references if r.footnote is not None] == [("27925-943", 0)]


def test_it_joins_a_sentence_and_a_reference_broken_over_a_page(letter):
    assert "in Kamerstuk 27 925, nr. 946 over de eerdere stand van zaken." in letter.text
    assert letter.references[0].kamerstuk == "27925-946"
    assert letter.text[letter.page_starts[1]:].startswith("946 over")


def test_it_keeps_paragraph_breaks(letter):
    assert "stand van zaken.\n\nIn december informeer ik uw Kamer." in letter.text


def test_it_reads_the_metadata_of_a_printed_kamerstuk(letter):
    assert (letter.kamerstuk, str(letter.date), letter.pages) == ("27925-960", "2023-11-21", 2)
    assert letter.sender == "Minister van Defensie"


def test_it_removes_repeated_letterhead_lines_and_page_counters(tmp_path):
    path = tmp_path / "briefpapier.pdf"
    topics = ["de inzet in Irak", "de kosten van de missie", "de veiligheid van het personeel"]
    pages = [
        PrintedPage(lines=["Ministerie van Defensie", f"Pagina {n} van 3", f"Deze pagina gaat over {topic}.",
                           "Daarover meer in de volgende alinea.", "Kenmerk BS2024001234"])
        for n, topic in enumerate(topics, start=1)
    ]
    write_kamerstuk(path, pages)
    analysis = analyse_path(path)
    assert "Pagina" not in analysis.text and "Ministerie van Defensie" not in analysis.text
    assert "Kenmerk" not in analysis.text
    assert all(f"Deze pagina gaat over {topic}." in analysis.text for topic in topics)


def test_it_removes_soft_hyphens(tmp_path):
    path = tmp_path / "zacht.txt"
    path.write_text("Dit is de ver\u00adklaring van de minis\u00adter.\n", encoding="utf-8")
    assert analyse_path(path).text == "Dit is de verklaring van de minister."


def test_it_reads_the_seed_pdfs_like_their_text():
    for name in ("000_997e94ac44658105", "004_71c25b278fb7f6e3"):
        from_pdf = analyse_path(SEED_PDFS / f"{name}.pdf")
        from_text = analyse_path(SEED_TEXTS / f"{name}.txt")
        assert {r.kamerstuk for r in from_pdf.references} == {r.kamerstuk for r in from_text.references}
        assert " ".join(from_pdf.text.split())[:500] == " ".join(from_text.text.split())[:500]


def test_a_line_set_in_pieces_reads_once_in_its_order(tmp_path):
    # Browsers and word processors write a line as many text objects, a kerned pair's boxes overlapping
    # ("V" and "AN"), a footnote mark raised beside a word: each letter once ("VAN", not "VAVAN"), in order.
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "stukken.pdf"
    pdf = canvas.Canvas(str(path))
    x = 72.0
    for piece, kern in (("BRIEF V", -1.5), ("AN DE MINISTER V", -1.5), ("AN DEFENSIE", 0.0)):
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(x, 760, piece)
        x += stringWidth(piece, "Helvetica-Bold", 11) + kern
    x = 72.0
    for piece, size, rise in (("Den Haag, 21 november 2023. Het gaat over nabestaanden bij de zorg van tbs", 11, 0),
                              ("1", 7, 4), (". In december informeer ik uw Kamer.", 11, 0)):
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, 730 + rise, piece)
        x += stringWidth(piece, "Helvetica", size)
    pdf.showPage()
    pdf.save()
    text = analyse_path(path).text
    assert "BRIEF VAN DE MINISTER VAN DEFENSIE" in text
    # the raised mark is a footnote's, kept out of the sentence, which reads on in its order
    assert "nabestaanden bij de zorg van tbs . In december informeer ik uw Kamer." in text


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PRINTED_LETTER = """<html lang="nl"><meta charset="utf-8"><style>@page { size: A4; margin: 2cm }
body { font-family: serif; font-size: 11pt; width: 9.5cm } p { text-align: justify }</style><body>
<p>Tweede Kamer der Staten-Generaal<br>Vergaderjaar 2011–2012</p><p>33 000 IV Vaststelling van de begroting</p>
<p>Nr. 57 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES</p>
<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p><p>Den Haag, 21 februari 2012</p>
<p>Met deze brief ga ik in op de brief van 2 december jl. die mijn ambtsvoorganger u, mede namens de
minister-president, deed toekomen (Kamerstukken 2011–12, 33 000 IV, nr. 42). Voor de zomer informeer ik uw
Kamer over de uitkomsten van het overleg met de eilanden over de integriteit van het bestuur.</p>
<p>De Minister van Binnenlandse Zaken en Koninkrijksrelaties,<br>J.W.E. Spies</p></body></html>"""


@pytest.mark.parametrize("furniture", [
    "",
    # a symbol beyond the BMP, or one the font maps to no character: PDFium's text has it twice, or not at all
    "<p>Preview document (\U0001F517 origineel)</p>",
], ids=["plain", "symbol"])
def test_a_letter_printed_from_a_browser_reads_like_its_text(tmp_path, furniture):
    # A browser writes each word, or a kerned pair, as a text object of its own, and breaks a hyphenated word
    # over two lines with no line break in PDFium's text between them.
    page = tmp_path / "brief.html"
    page.write_text(PRINTED_LETTER.replace("<body>", "<body>" + furniture), encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
    analysis = analyse_path(pdf)
    assert analysis.kamerstuk == "33000-IV-57"
    assert analysis.sender == "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
    assert [r.kamerstuk for r in analysis.references] == ["33000-IV-42"]
    assert "nr. 42" in analysis.text and "Voor de zomer informeer ik uw Kamer" in analysis.text
    [promise] = analysis.commitments
    assert promise.text.startswith("Voor de zomer informeer ik uw Kamer over de uitkomsten")


@pytest.mark.parametrize("line", [
    "Het MIRT – projectenboek 2014 ‘Investeren in mobiliteit’ verschijnt als bijstuk van de begroting.",
    # a full stop and the closing quotation mark after it are both low boxes: the mark stays at the end
    "De minister schrijft: ‘Vanwege het overleg dat de beantwoording vraagt, kan ik niet op zo korte termijn aan "
    "dit verzoek voldoen. Ik streef ernaar u zo spoedig mogelijk te berichten.’",
], ids=["dash", "quote-after-full-stop"])
def test_a_dash_or_quotation_mark_a_browser_sets_on_its_own_keeps_the_line_whole(tmp_path, line):
    # their boxes are too low to show the baseline; read box by box, the letters boxes share came out twice
    page = tmp_path / "brief.html"
    page.write_text(PRINTED_LETTER.replace("<p>De Minister van", f"<p>{line}</p><p>De Minister van"),
                    encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
    text = " ".join(analyse_path(pdf).text.split())
    assert line in text
