"""`python -m ingest extract --json FILE...`: one JSON object per file, in order."""

import json
import os
import subprocess
import sys

from tests.seeds import IRAK_LETTER_PDF, SEED_TEXTS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def extract(*args):
    return subprocess.run(
        [sys.executable, "-m", "ingest", "extract", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def test_it_reads_each_file_and_reports_a_broken_one_without_stopping(tmp_path):
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    files = [str(IRAK_LETTER_PDF), str(broken), str(SEED_TEXTS / "004_71c25b278fb7f6e3.txt")]

    result = extract("--json", *files)

    assert result.returncode != 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == files
    letter, failed, later = records
    assert (letter["kamerstuk"], letter["date"], letter["references"]) == (
        "27925-960", "2023-11-21", ["27925-943", "27925-958"])
    assert letter["commitments"][0]["due"] == "2023-12-31"
    assert set(letter) >= {"kind", "title", "sender", "pages", "postponements", "fulfils"}
    assert failed["code"] == "corrupt" and failed["error"]
    assert "27925-960" in later["references"]


def test_it_exits_zero_when_every_file_was_read():
    result = extract("--json", str(SEED_TEXTS / "001_2792b50de437f0a0.txt"))
    assert result.returncode == 0
    assert json.loads(result.stdout)["kind"] == "nieuws"


def test_it_prints_a_summary_for_people():
    result = extract(str(SEED_TEXTS / "000_997e94ac44658105.txt"))
    assert "2023-11-21" in result.stdout
    assert "toezegging" in result.stdout


def test_it_lists_the_rows_of_a_ministrys_table_of_toezeggingen(tmp_path):
    from tests.ingest.fixtures.annexes import write_progress_letter

    path = tmp_path / "voortgangsbrief.pdf"
    write_progress_letter(path)

    rows = json.loads(extract("--json", str(path)).stdout)["table_rows"]
    assert len(rows) == 9
    assert rows[1] == {
        "text": "Toezegging om de Kamer een overzicht te sturen van de vacatures per eenheid.", "page": 2,
        "kind": "toezegging", "vindplaats": "Kamerstuk 29 628, nr. 1150", "kamerstuk": "29628-1150",
        "handelingen": None, "promised_on": None, "tk_number": None, "status": "voldaan",
        "status_text": "Afgedaan met de brief van 3 november 2023 (Kamerstuk 29 628, nr. 1178).", "planning": "",
        "due": None, "fulfilled_by": ["29628-1178"], "section": "Politie",
    }
    summary = extract(str(path)).stdout
    assert ("uit overzicht van het ministerie (p. 2, toezegging, uiterlijk 2024-06-30): De minister informeert de "
            "Kamer over de resultaten van de pilot met bodycams voor handhavers.") in summary
    assert ("vindplaats: Kamerstuk 29 628, nr. 1150 (29628-1150); stand van zaken: Afgedaan met de brief van "
            "3 november 2023 (Kamerstuk 29 628, nr. 1178). (→ voldaan)") in summary
