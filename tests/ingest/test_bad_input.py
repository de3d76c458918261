"""Files the engine cannot read give an ExtractionError with a code and a Dutch reason.

Every bad file is made here, so each test shows exactly what is wrong with it.
"""

import zlib

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from ingest import ExtractionError, analyse_file
from tests.seeds import IRAK_LETTER_PDF

SEED_PDF = IRAK_LETTER_PDF


def refused(path, **limits) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        analyse_file(path, **limits)
    assert caught.value.reason  # always something a clerk can read
    return caught.value


def text_pdf(path, text="Den Haag, 21 november 2023. In december informeer ik uw Kamer.", encrypt=None, pages=1):
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for _ in range(pages):
        pdf.drawString(72, 700, text)
        pdf.showPage()
    pdf.save()
    return path


def raw_pdf(path, content: bytes, filters: str = "/FlateDecode"):
    """A one-page PDF whose content stream is `content`, written by hand."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(out)
    return path


def deflated_spaces(megabytes: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def test_it_refuses_an_empty_file(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    assert refused(path).code == "leeg"


def test_it_refuses_a_pdf_that_is_not_a_pdf(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_text("<html><body>404 Not Found</body></html>")
    error = refused(path)
    assert error.code == "onbekend-type"
    assert "geen PDF" in error.reason


def test_it_refuses_a_binary_file(tmp_path):
    path = tmp_path / "brief.dat"
    path.write_bytes(bytes(range(256)) * 10)
    assert refused(path).code == "onbekend-type"


def test_it_reads_a_pdf_with_the_wrong_extension(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(open(SEED_PDF, "rb").read())
    assert analyse_file(path).kamerstuk == "27925-960"


def test_it_refuses_a_truncated_pdf(tmp_path):
    whole = text_pdf(tmp_path / "heel.pdf").read_bytes()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert refused(path).code == "corrupt"


def test_it_refuses_a_password_protected_pdf(tmp_path):
    path = text_pdf(tmp_path / "geheim.pdf", encrypt=pdfencrypt.StandardEncryption("geheim", ownerPassword="baas"))
    error = refused(path)
    assert error.code == "versleuteld"
    assert "wachtwoord" in error.reason


def test_it_reads_a_pdf_protected_only_against_changes(tmp_path):
    path = text_pdf(tmp_path / "beperkt.pdf", encrypt=pdfencrypt.StandardEncryption("", ownerPassword="baas"))
    assert analyse_file(path).date is not None


def test_it_refuses_a_scan_without_a_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 500, 300, 200, fill=1)  # drawn, not written: no characters at all
    pdf.showPage()
    pdf.save()
    error = refused(path)
    assert error.code == "geen-tekst"
    assert "geen tekstlaag" in error.reason


def test_it_refuses_a_file_over_the_size_limit(tmp_path):
    path = text_pdf(tmp_path / "groot.pdf")
    assert refused(path, max_bytes=100).code == "te-groot"


def test_it_refuses_too_many_pages(tmp_path):
    path = text_pdf(tmp_path / "dik.pdf", pages=5)
    error = refused(path, max_pages=3)
    assert error.code == "te-groot"
    assert "5 pagina's" in error.reason


def test_it_refuses_a_decompression_bomb_before_reading_it(tmp_path):
    path = raw_pdf(tmp_path / "bom.pdf", deflated_spaces(600))
    assert path.stat().st_size < 1024 * 1024
    error = refused(path, max_memory_mb=512)
    assert error.code == "te-groot"


def test_it_survives_a_bomb_hidden_behind_two_filters(tmp_path):
    # the first look inflates one layer only; the memory limit of the child stops the rest
    path = raw_pdf(tmp_path / "bom2.pdf", zlib.compress(deflated_spaces(1200), 9), "[/FlateDecode /FlateDecode]")
    assert refused(path, max_memory_mb=400).code == "te-groot"


def test_it_stops_a_file_that_takes_too_long(tmp_path):
    error = refused(SEED_PDF, timeout=0.002)  # a real letter takes tens of milliseconds to read
    assert error.code == "te-lang" and "0.002 seconden" in error.reason


def test_it_refuses_billion_laughs_xml(tmp_path):
    path = tmp_path / "lol.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><kamerstuk><al>&c;</al></kamerstuk>'
    )
    error = refused(path)
    assert error.code == "corrupt"
    assert "entiteiten" in error.reason


def test_it_refuses_external_entities_in_xml(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE k [<!ENTITY x SYSTEM "file:///etc/passwd">]><kamerstuk><al>&x;</al></kamerstuk>'
    )
    error = refused(path)
    assert error.code == "corrupt"
    assert "root:" not in error.reason


def test_it_refuses_xml_that_is_no_publication(tmp_path):
    path = tmp_path / "rss.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>Nieuws</title></channel></rss>')
    assert refused(path).code == "onbekend-type"


LETTER = "Den Haag, 21 november 2023\n\nIn december informeer ik uw Kamer over de voortgang van de evaluatie.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])  # "utf-16" writes a byte-order mark
def test_it_reads_utf16_text(tmp_path, encoding):
    path = tmp_path / "brief.txt"
    path.write_bytes(LETTER.encode(encoding))
    analysis = analyse_file(path)
    assert "In december informeer ik uw Kamer" in analysis.text
    assert str(analysis.commitments[0].due) == "2023-12-31"


def test_it_reads_utf16_html(tmp_path):
    path = tmp_path / "brief.html"
    path.write_bytes(f"<html><body><p>{LETTER}</p></body></html>".encode("utf-16"))
    assert "In december informeer ik uw Kamer" in analyse_file(path).text


@pytest.mark.parametrize("name, content, word", [
    ("leeg.html", b"<html><head><title>Leeg</title><script>var x = 1;</script></head><body><nav>Menu</nav>"
                  b"<img src='brief.png'></body></html>", "webpagina"),
    ("wit.txt", b"   \n\n\t\n", "witruimte"),
    ("lege-alinea.xml", b'<?xml version="1.0"?><kamerstuk><stuk><al/></stuk></kamerstuk>', "XML-bestand"),
])
def test_a_file_without_text_says_why(tmp_path, name, content, word):
    path = tmp_path / name
    path.write_bytes(content)
    error = refused(path)
    assert error.code == "geen-tekst" and word in error.reason


def test_a_word_document_without_text_says_why(tmp_path):
    import docx

    path = tmp_path / "leeg.docx"
    docx.Document().save(path)
    error = refused(path)
    assert error.code == "geen-tekst" and "Word-document bevat geen tekst" in error.reason


def test_it_refuses_deeply_nested_xml_with_a_reason(tmp_path):
    path = tmp_path / "diep.xml"
    path.write_text('<?xml version="1.0"?><kamerstuk><stuk>' + "<al>" * 50_000 + "tekst" + "</al>" * 50_000
                    + "</stuk></kamerstuk>")
    error = refused(path)
    assert error.code == "corrupt" and "dieper genest dan 200 niveaus" in error.reason
