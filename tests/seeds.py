"""Where the five real seed documents are: their text and hand annotation in tests/corpus/seeds, their
Kamerstuk-style PDFs in samples/ (which `make run` loads)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = ROOT / "tests" / "corpus" / "seeds"
SEED_PDFS = ROOT / "samples"
IRAK_LETTER_PDF = SEED_PDFS / "000_997e94ac44658105.pdf"
