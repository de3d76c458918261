#!/usr/bin/env python3
"""Build the test corpus from its sources.

Each `sources/NNN_slug.md` holds one letter: a header (layout and first-page block), the body with
footnote marks (`[^1]` in the text, `[^1]: …` definitions), and, after a line `=== gold ===`, the hand
annotation as JSON. From these this script writes, deterministically:

  letters/NNN_slug.txt      plain text, as text extracted from a published letter reads
  letters/pdf/NNN_slug.pdf  the same letter typeset like a Kamerstuk or a ministry letter
  letters/gold.json         the annotations, keyed by the .txt name (the seeds' gold format)

It also checks the annotations: every quote must occur exactly once in the text (and survive the PDF's
line-end hyphenation), every `fulfils` must point at a commitment of an earlier letter.

Usage: render_pdfs.py [--check]   (--check: fail when the generated files are out of date)

Source header keys (one per line, until a line `---`):
  layout:  kamerstuk | letterhead | plain
  head:    a line of the first-page block, in order ("# " prefix: set in bold)
  running: the running header of later pages; the page number is appended
  side:    "Label | value" for the letterhead sidebar (first page); `Pagina i van n` is added
  side2:   the same, repeated on later pages
Body syntax: paragraphs separated by blank lines; "## " heading; "> " a line kept as it is
(signatures, addresses); `<<PAGE>>` forces a page break at that point.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
LETTERS = HERE / "letters"

BODY_FONT, BODY_SIZE, LEADING = "Times-Roman", 10.5, 15.0
BOLD_FONT, ITALIC_FONT = "Times-Bold", "Times-Italic"
SMALL_FONT, SMALL_SIZE, SMALL_LEADING = "Helvetica", 7.5, 9.5
SUP_SIZE, SUP_RISE = 6.5, 3.0
PAGE_W, PAGE_H = A4
BOTTOM = 96.0
NBSP = "\u00a0"

VOWELS = set("aeiouyàáâäèéêëïíîóôöúûü")
ONSETS = ("schr", "spr", "str", "sch", "br", "bl", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kl",
          "kn", "kr", "pl", "pr", "sl", "sm", "sn", "sp", "st", "tr", "vl", "vr", "wr", "zw", "ch")
# clusters that open a syllable even right after a vowel (pa-brade, ge-bruik)
TIGHT = ("br", "bl", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "vl", "vr")
FOOTMARK = re.compile(r"\[\^(\d+)\]")


# ---------------------------------------------------------------- source


@dataclass
class Letter:
    name: str
    layout: str
    head: list[str]
    running: str
    side: list[tuple[str, str]]
    side2: list[tuple[str, str]]
    blocks: list[tuple[str, str]]  # (kind, text): para, heading, keep, page
    notes: dict[str, str]
    gold: dict = field(default_factory=dict)


def parse_source(path: Path) -> Letter:
    raw = path.read_text(encoding="utf-8")
    header, rest = raw.split("\n---\n", 1)
    body, gold = rest.split("\n=== gold ===\n", 1)
    meta: dict[str, list[str]] = {}
    for line in header.splitlines():
        if line.strip():
            k, v = line.split(":", 1)
            meta.setdefault(k.strip(), []).append(v.strip())

    def pairs(key):
        return [tuple(p.strip() for p in v.split("|", 1)) for v in meta.get(key, [])]

    notes = {}
    blocks: list[tuple[str, str]] = []
    para: list[str] = []

    def flush():
        if para:
            blocks.append(("para", " ".join(para)))
            para.clear()

    for line in body.strip("\n").splitlines():
        m = re.match(r"\[\^(\d+)\]:\s*(.*)", line)
        if m:
            flush()
            notes[m.group(1)] = m.group(2).strip()
        elif not line.strip():
            flush()
        elif line.startswith("## "):
            flush()
            blocks.append(("heading", line[3:].strip()))
        elif line.startswith("> ") or line == ">":
            flush()
            blocks.append(("keep", line[2:]))
        elif line.strip() == "<<PAGE>>":
            flush()
            blocks.append(("page", ""))
        else:
            para.append(line.strip())
    flush()
    return Letter(path.stem, meta["layout"][0], [h for h in meta.get("head", [])],
                  meta.get("running", [""])[0], pairs("side"), pairs("side2"), blocks, notes,
                  json.loads(gold))


# ---------------------------------------------------------------- plain text


def plain(s: str) -> str:
    return FOOTMARK.sub(r"\1", s.replace("<<PAGE>>", "")).replace(NBSP, " ")


def render_txt(L: Letter) -> str:
    out = []
    for h in L.head:
        out.append(h[2:] if h.startswith("# ") else h)
    if L.side:
        out.append("")
        out += [f"{k} {v}".rstrip() for k, v in L.side]
    out.append("")
    for kind, text in L.blocks:
        if kind == "para":
            out += textwrap.wrap(plain(text), 78, break_on_hyphens=False, break_long_words=False)
            out.append("")
        elif kind == "heading":
            out += [plain(text), ""]
        elif kind == "keep":
            out.append(plain(text))
    if L.notes:
        out.append("")
        out += [f"{n} {plain(t)}" for n, t in L.notes.items()]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- line breaking


def hyphen_points(word: str) -> list[int]:
    """Syllable boundaries of a Dutch word, roughly: V-CV, VC-CV, and common onsets kept together."""
    w = word.lower()
    isv = [c in VOWELS for c in w]
    for i in range(1, len(w)):
        if w[i] == "j" and w[i - 1] == "i":
            isv[i] = True
    groups, i = [], 0
    while i < len(w):
        if isv[i]:
            j = i
            while j < len(w) and isv[j]:
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    pts = []
    for (_s1, e1), (s2, _e2) in itertools.pairwise(groups):
        cons = w[e1:s2]
        if not cons:
            continue
        if len(cons) == 1:
            p = e1
        else:
            p = s2 - 1
            for on in ONSETS:
                if cons.endswith(on) and (len(cons) > len(on) or on in TIGHT):
                    p = s2 - len(on)
                    break
        if 3 <= p <= len(w) - 3:
            pts.append(p)
    return pts


@dataclass
class Token:
    parts: list[tuple[str, bool]]  # (text, is_superscript mark)
    marks: list[str]

    @property
    def text(self):
        return "".join(t for t, _ in self.parts)


def tokenize(text: str) -> list[Token]:
    # keep dossier numbers together ("27 925", "36 200 X", "21 501-20") and "nr. 12"
    text = re.sub(r"(?<=\b\d{2}) (?=\d{3}\b)", NBSP, text)
    text = re.sub(r"(?<=\d{3}) (?=[A-Z]{1,4}\b[,)\s])", NBSP, text)
    toks = []
    for w in text.split():
        parts, marks, pos = [], [], 0
        for m in FOOTMARK.finditer(w):
            if m.start() > pos:
                parts.append((w[pos:m.start()], False))
            parts.append((m.group(1), True))
            marks.append(m.group(1))
            pos = m.end()
        if pos < len(w):
            parts.append((w[pos:], False))
        toks.append(Token(parts, marks))
    return toks


def width(parts, font=BODY_FONT, size=BODY_SIZE):
    return sum(stringWidth(t, font, SUP_SIZE if sup else size) for t, sup in parts)


def split_token(tok: Token, room: float, font, size):
    """Split a token at line end: (head parts incl. hyphen, tail token) or None."""
    if tok.marks or len(tok.parts) != 1:
        return None
    w = tok.text
    cands = []
    if "-" in w.strip("-"):
        for m in re.finditer(r"(?<=\w)-(?=\w)", w):
            cands.append((w[: m.end()], w[m.end():]))
    else:
        m = re.fullmatch(r"([(«“‘]?)([A-Za-zÀ-ÿ]{7,})([.,;:)»”’]*)", w)
        if m:
            lead, core, trail = m.groups()
            for p in hyphen_points(core):
                cands.append((lead + core[:p] + "-", core[p:] + trail))
    best = None
    for head, tail in cands:
        if stringWidth(head, font, size) <= room:
            best = (head, tail)
    if not best:
        return None
    return [(best[0], False)], Token([(best[1], False)], [])


def break_lines(text: str, avail: float, font=BODY_FONT, size=BODY_SIZE, hyphenate=True):
    """Greedy justified line breaking. Returns [(tokens_parts_list, is_last_line, marks)]."""
    toks = tokenize(text)
    space = stringWidth(" ", font, size)
    lines, cur, curw = [], [], 0.0
    i = 0
    while i < len(toks):
        tok = toks[i]
        tw = width(tok.parts, font, size)
        need = tw + (space if cur else 0)
        if curw + need <= avail or not cur:
            cur.append(tok)
            curw += need
            i += 1
            continue
        room = avail - curw - space
        sp = split_token(tok, room, font, size) if hyphenate else None
        if sp:
            head, tail = sp
            cur.append(Token(head, []))
            toks[i] = tail
        lines.append((cur, False))
        cur, curw = [], 0.0
    if cur:
        lines.append((cur, True))
    return lines


# ---------------------------------------------------------------- layout


@dataclass
class Line:
    y: float
    x: float
    segs: list[tuple[str, bool]]  # text runs; True for a superscript footnote mark
    font: str
    size: float
    wordspace: float = 0.0


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    text_lines: list[str] = field(default_factory=list)  # body text as extracted, for checks


class Layout:
    def __init__(self, L: Letter):
        self.L = L
        if L.layout == "letterhead":
            self.x0, self.w = 78.0, 318.0
        else:
            self.x0, self.w = 118.0, 352.0
        self.pages: list[Page] = []
        self.y = 0.0

    def new_page(self):
        self.pages.append(Page())
        if len(self.pages) == 1:
            self.y = PAGE_H - (150 if self.L.layout == "letterhead" else 170)
        else:
            self.y = PAGE_H - (108 if self.L.layout == "letterhead" else 92)

    def note_height(self, page: Page, extra=()):
        notes = page.notes + [self.L.notes[n] for n in extra if n not in page.notes]
        if not notes:
            return 0.0
        n = sum(len(break_lines(f"{k} {t}", self.w - 8, SMALL_FONT, SMALL_SIZE, False)) for k, t in
                enumerate(notes))
        return 10 + n * SMALL_LEADING

    def place(self, segs, font, size, marks=(), text="", wordspace=0.0):
        page = self.pages[-1]
        if self.y - LEADING < BOTTOM + self.note_height(page, marks):
            self.new_page()
            page = self.pages[-1]
        self.y -= LEADING if font != SMALL_FONT else SMALL_LEADING
        page.lines.append(Line(self.y, self.x0, segs, font, size, wordspace))
        for m in marks:
            if m not in page.notes:
                page.notes.append(m)
        page.text_lines.append(text)

    def para(self, text, font=BODY_FONT, justify=True, hyphenate=True):
        for chunk_i, chunk in enumerate(text.split("<<PAGE>>")):
            if chunk_i:
                self.new_page()
            lines = break_lines(chunk, self.w, font, BODY_SIZE, hyphenate)
            for toks, last in lines:
                segs = []
                for k, t in enumerate(toks):
                    if k:
                        segs.append((" ", False))
                    segs += [(x.replace(NBSP, " "), sup) for x, sup in t.parts]
                natural = width(segs, font)
                gaps = sum(x.count(" ") for x, sup in segs if not sup)
                ws = (self.w - natural) / gaps if justify and not last and gaps else 0.0
                marks = [m for t in toks for m in t.marks]
                self.place(segs, font, BODY_SIZE, marks, " ".join(plain(t.text) for t in toks), ws)
        self.y -= LEADING * 0.5

    def build(self):
        L = self.L
        self.new_page()
        # first-page block
        for h in L.head:
            if not h.strip():
                self.y -= LEADING * 0.6
                continue
            bold = h.startswith("# ")
            txt = h[2:] if bold else h
            for toks, _ in break_lines(txt, self.w, BOLD_FONT if bold else BODY_FONT, BODY_SIZE, False):
                segs = [(" ".join(t.text for t in toks).replace(NBSP, " "), False)]
                self.place(segs, BOLD_FONT if bold else BODY_FONT, BODY_SIZE, (), txt)
        self.y -= LEADING
        for kind, text in L.blocks:
            if kind == "para":
                self.para(text)
            elif kind == "heading":
                self.y -= LEADING * 0.3
                self.para(text, ITALIC_FONT, justify=False, hyphenate=False)
            elif kind == "keep":
                if text.strip():
                    self.para(text, justify=False, hyphenate=False)
                    self.y += LEADING * 0.5
                else:
                    self.y -= LEADING * 0.5
            elif kind == "page":
                self.new_page()
        return self.pages


def draw(L: Letter, pages: list[Page], out: Path):
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1, pageCompression=0)
    c.setAuthor("Tweede Kamer der Staten-Generaal" if L.layout == "kamerstuk" else "Rijksoverheid")
    c.setTitle(L.name)
    c.setCreator("tests/corpus/render_pdfs.py")
    n = len(pages)
    x0 = 118.0 if L.layout != "letterhead" else 78.0
    width_ = 352.0 if L.layout != "letterhead" else 318.0
    for pno, page in enumerate(pages, 1):
        if pno > 1 and L.running and L.layout != "letterhead":
            c.setFont(SMALL_FONT, SMALL_SIZE)
            c.drawString(x0, PAGE_H - 60, L.running)
            c.drawRightString(x0 + width_, PAGE_H - 60, str(pno))
        if L.layout == "letterhead":
            c.setFont("Helvetica-Bold", 9)
            c.drawString(300, PAGE_H - 52, L.running)
            side = L.side if pno == 1 else (L.side2 or L.side)
            sy = PAGE_H - 180
            c.setFont(SMALL_FONT, 7)
            for k, v in list(side) + [("Pagina", f"{pno} van {n}")]:
                if k == "":
                    continue
                c.setFont("Helvetica-Bold", 7)
                c.drawString(430, sy, k)
                sy -= 9
                c.setFont(SMALL_FONT, 7)
                for part in v.split(" / "):
                    c.drawString(430, sy, part)
                    sy -= 9
                sy -= 6
        for line in page.lines:
            tx = c.beginText(line.x, line.y)
            tx.setWordSpace(line.wordspace)
            for t, sup in line.segs:
                tx.setFont(line.font, SUP_SIZE if sup else line.size)
                tx.setRise(SUP_RISE if sup else 0)
                tx.textOut(t)
            c.drawText(tx)
        if page.notes:
            lines = []
            for m in page.notes:
                for k, (toks, _) in enumerate(break_lines(L.notes[m], width_ - 10, SMALL_FONT, SMALL_SIZE, False)):
                    lines.append((m if k == 0 else "", " ".join(t.text for t in toks)))
            y = BOTTOM + (len(lines) - 1) * SMALL_LEADING
            c.setLineWidth(0.4)
            c.line(x0, y + 10, x0 + 60, y + 10)
            for mark, text in lines:
                c.setFont(SMALL_FONT, SMALL_SIZE)
                if mark:
                    c.drawString(x0, y, mark)
                c.drawString(x0 + 10, y, text.replace(NBSP, " "))
                y -= SMALL_LEADING
        if L.layout == "kamerstuk" and pno == 1:
            c.setFont(SMALL_FONT, SMALL_SIZE)
            c.drawString(x0, 28, L.running)
            c.drawRightString(x0 + width_, 28, "1")
            m = re.search(r"(\d{2} \d{3}(?:-\d{2})?(?: [A-Z]+)?)(?: en [^,]+)?, nr\. (\d+)", L.running)
            if m:
                kst = "kst-" + m.group(1).replace(" ", "", 1).replace(" ", "-") + "-" + m.group(2)
                for k, s_ in enumerate((kst, "ISSN 0921 - 7371", "’s-Gravenhage")):
                    c.drawString(30, 56 - 9 * k, s_)
        c.showPage()
    c.save()


# ---------------------------------------------------------------- checks


def norm(s):
    s = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", s or "")
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def check(letters: dict[str, Letter], txts: dict[str, str], pdf_texts: dict[str, str]) -> list[str]:
    errs = []
    dates = {n: L.gold.get("date") for n, L in letters.items()}
    for name, L in letters.items():
        g = L.gold
        t, p = norm(txts[name]), norm(pdf_texts[name])
        for key in ("commitments", "acceptable"):
            for c in g.get(key, []):
                q = norm(c["quote"])
                if len(c["quote"]) > 250:
                    errs.append(f"{name}: quote longer than 250: {c['quote'][:60]}")
                if t.count(q) != 1:
                    errs.append(f"{name}: {key} quote found {t.count(q)}x in txt: {c['quote']}")
                if q not in p:
                    errs.append(f"{name}: {key} quote broken by PDF hyphenation: {c['quote']}")
                if key == "commitments":
                    if c.get("due"):
                        dt.date.fromisoformat(c["due"])
                        if g.get("date") and c["due"] < g["date"]:
                            errs.append(f"{name}: due before letter date: {c['quote']}")
        for f in g.get("fulfils", []):
            other = letters.get(f["file"].rsplit(".", 1)[0])
            if not other:
                errs.append(f"{name}: fulfils unknown file {f['file']}")
                continue
            if f["quote"] not in [c["quote"] for c in other.gold["commitments"]]:
                errs.append(f"{name}: fulfils a quote that is no commitment of {f['file']}: {f['quote']}")
            d1, d2 = dates.get(other.name), g.get("date")
            if d1 and d2 and d1 >= d2:
                errs.append(f"{name}: fulfils a later letter {f['file']}")
        for r in g.get("references", []):
            if not re.fullmatch(r"(\d{4,5}(-\d{2})?(-[A-Z]+)?|[A-Z]+)-(\d+|[A-Z]+)", r):
                errs.append(f"{name}: odd reference id {r}")
        if g.get("kamerstuk") in g.get("references", []):
            errs.append(f"{name}: own number listed as a reference")
    return errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="fail when generated files differ")
    a = ap.parse_args()
    letters = {p.stem: parse_source(p) for p in sorted(SOURCES.glob("*.md")) if p.stem[:3].isdigit()}
    (LETTERS / "pdf").mkdir(parents=True, exist_ok=True)
    txts, pdf_texts, gold, stale = {}, {}, {}, []
    tmp = HERE / ".build"
    tmp.mkdir(exist_ok=True)
    for name, L in letters.items():
        txts[name] = render_txt(L)
        pages = Layout(L).build()
        pdf_texts[name] = "\n".join(t for pg in pages for t in pg.text_lines)
        target_pdf = LETTERS / "pdf" / f"{name}.pdf"
        out_pdf = tmp / f"{name}.pdf"
        draw(L, pages, out_pdf)
        g = {"kind": L.gold["kind"], "date": L.gold["date"]}
        g.update({k: v for k, v in L.gold.items() if k not in g})
        gold[f"{name}.txt"] = g
        for target, data in ((LETTERS / f"{name}.txt", txts[name].encode()), (target_pdf, out_pdf.read_bytes())):
            if not target.exists() or target.read_bytes() != data:
                stale.append(target.name)
                if not a.check:
                    target.write_bytes(data)
        out_pdf.unlink()
    tmp.rmdir()
    gdata = (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode()
    gpath = LETTERS / "gold.json"
    if not gpath.exists() or gpath.read_bytes() != gdata:
        stale.append("gold.json")
        if not a.check:
            gpath.write_bytes(gdata)
    errs = check(letters, txts, pdf_texts)
    for e in errs:
        print("ERROR", e)
    if a.check and stale:
        print("out of date:", ", ".join(stale))
        return 1
    print(f"{len(letters)} letters, {sum(len(L.gold['commitments']) for L in letters.values())} commitments,"
          f" {sum(len(L.gold['references']) for L in letters.values())} references,"
          f" {sum(len(L.gold.get('fulfils', [])) for L in letters.values())} fulfils")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
