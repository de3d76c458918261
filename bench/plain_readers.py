"""The baselines the benchmark holds the engine to, each a whole process of its own over a list of PDFs.

    python bench/plain_readers.py pdfplumber FILE...   # pdfplumber's Page.extract_text()
    python bench/plain_readers.py pypdfium2 FILE...    # PDFium's raw text, no layout, no cleanup

Prints the number of pages read.
"""

from __future__ import annotations

import sys


def pdfplumber_pages(path: str, limit: int | None = None) -> list[str]:
    import pdfplumber

    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:limit]:
            texts.append(page.extract_text() or "")
            page.close()
    return texts


def pypdfium2_pages(path: str, limit: int | None = None) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    texts = []
    for index in range(min(len(pdf), limit or len(pdf))):
        page = pdf[index]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return texts


READERS = {"pdfplumber": pdfplumber_pages, "pypdfium2": pypdfium2_pages}


def main(argv: list[str]) -> int:
    read = READERS[argv[1]]
    print(sum(len(read(path)) for path in argv[2:]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
