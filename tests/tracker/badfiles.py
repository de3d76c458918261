"""Files a clerk may upload by mistake, made here so every test has the real thing."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.seeds import IRAK_LETTER_PDF as IRAK_LETTER


def _pdf(draw, **options):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1, **options)
    draw(page)
    page.showPage()
    page.save()
    return buffer.getvalue()


def encrypted_pdf():
    return _pdf(lambda page: page.drawString(72, 720, "Vertrouwelijk"), encrypt="geheim")


def scanned_pdf():
    """A page with only a picture on it, as a scanner makes: no text layer."""
    def draw(page):
        page.setFillGray(0.3)
        for row in range(40):
            page.rect(72, 700 - row * 15, 400, 8, fill=1, stroke=0)
    return _pdf(draw)


def bad_files():
    """(file name, content, the state the document must end in, its error code, a word of its reason)"""
    letter = IRAK_LETTER.read_bytes()
    return [
        ("leeg.pdf", b"", "mislukt", "leeg", "leeg"),
        ("geen-pdf.pdf", b"Geen PDF maar binaire rommel\x00\x01\x02" * 20, "mislukt", "onbekend-type", "niet herkend"),
        ("afgebroken.pdf", letter[: len(letter) // 3], "mislukt", "corrupt", "beschadigd"),
        ("versleuteld.pdf", encrypted_pdf(), "mislukt", "versleuteld", "wachtwoord"),
        ("gescand.pdf", scanned_pdf(), "geen_tekst", "geen-tekst", "geen tekstlaag"),
        ("alleen-opmaak.html", b"<html><head><script>var x;</script></head><body><nav>Menu</nav></body></html>",
         "geen_tekst", "geen-tekst", "webpagina"),
        ("diep.xml", b"<kamerstuk><stuk>" + b"<al>" * 5000 + b"tekst" + b"</al>" * 5000 + b"</stuk></kamerstuk>",
         "mislukt", "corrupt", "genest"),
        # not bad at all: Notepad's "Unicode", read as text
        ("unicode.txt", "In december informeer ik uw Kamer.".encode("utf-16"), "klaar", "", ""),
    ]


# File names a browser or a folder may bring: (name, how the stored name starts, or None when the upload is
# refused with a message). Names that are no UTF-8 only come from folders (test_ingest_command).
BAD_NAMES = [
    ("brief\x1b[31m.txt", "brief"),  # a terminal escape code
    ("brief\u202etxt.exe.txt", "brief"),  # a right-to-left override
    ("brief\x00.txt", "brief"),
    ("brief." + "p" * 300, "brief.ppp"),  # a long "extension": the start of the name stays
    ("b" * 300 + ".txt", "bbbb"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("brief" + "e" * 2000 + ".txt", None),  # too long for Django to read the upload
]
