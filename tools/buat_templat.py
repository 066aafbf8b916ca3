"""Build the Word templates in templates_docx/ (docxtpl/Jinja, tata naskah dinas KPU).

Run once from the project root:

    .venv/bin/python tools/buat_templat.py

After that the .docx files are the source of truth: the administrator edits them in Word.
That is why they are kept plain: every Jinja tag sits whole inside one run, paragraph
control uses docxtpl's `{%p ... %}` (a paragraph holding only that tag), table-row loops
use `{%tr ... %}` alone in the first cell of their own row, and there are no fields,
content controls or RichText.

Layout follows the usual tata naskah dinas setting (PKPU 2/2021 jo. PKPU 8/2021): A4,
margins 2.5/2/3/2 cm (top/bottom/left/right), Arial 12 pt, single spacing, kop surat in
the body (page 1 only), label/colon/value blocks in borderless tables, bordered data
tables whose header row repeats on each page.

The output is deterministic: the same script gives byte-identical files (fixed zip
timestamps, no dates in the core properties), so a template's hash only changes when its
content does.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates_docx"

FONT = "Arial"
SIZE = 12
GREY = RGBColor(0x80, 0x80, 0x80)
TEXT_WIDTH = 16.0  # cm: 21 - 3 (left) - 2 (right)

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

# Child order of the OOXML elements edited by hand below (Word rejects out-of-order XML).
SEQ_TBLPR = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
             "shd", "tblLayout", "tblCellMar", "tblLook")
SEQ_TCPR = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
            "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
SEQ_PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
           "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
           "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
           "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
           "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
           "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
           "sectPr", "pPrChange")


def _child(parent, tag: str, seq: tuple[str, ...]):
    """The `w:tag` child of `parent`, created in schema order if missing."""
    el = parent.find(qn(f"w:{tag}"))
    if el is not None:
        return el
    el = OxmlElement(f"w:{tag}")
    later = set(seq[seq.index(tag) + 1:])
    for i, sib in enumerate(parent):
        if sib.tag.split("}")[-1] in later:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def _twips(cm: float) -> str:
    return str(round(cm * 567))


# --------------------------------------------------------------------------- paragraphs


@dataclass
class R:
    """A run: its text (a Jinja tag must be whole inside one run) and its formatting."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    size: float | None = None
    grey: bool = False


@dataclass
class P:
    """A paragraph: runs (or one string) and paragraph formatting.

    `size`/`bold`/... apply to runs given as plain strings; `after`/`before` in pt;
    `left`/`first`/`hanging` in cm; `tab` a left tab stop in cm.
    """

    runs: str | list[R] = ""
    align: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    size: float | None = None
    grey: bool = False
    before: float = 0
    after: float = 6
    left: float | None = None
    first: float | None = None
    hanging: float | None = None
    tab: float | None = None
    keep_next: bool = False
    page_break: bool = False
    mark_size: float | None = None  # font size of the paragraph mark (empty paragraphs)
    border_bottom: dict | None = None


def tag(text: str, align: str | None = None) -> P:
    """A paragraph holding only a docxtpl `{%p ... %}` tag (removed when rendered).

    `align` only helps the template read well in Word: it matches the guarded lines.
    """
    return P(text, align=align, after=0)


def blank(n: int = 1, size: float = SIZE) -> list[P]:
    """`n` empty lines (signature space and the like)."""
    return [P("", after=0, mark_size=size) for _ in range(n)]


def _format_run(run, r: R) -> None:
    if r.bold is not None:
        run.bold = r.bold
    if r.italic is not None:
        run.italic = r.italic
    if r.underline is not None:
        run.underline = r.underline
    if r.size is not None:
        run.font.size = Pt(r.size)
    if r.grey:
        run.font.color.rgb = GREY


def _fill_paragraph(par, spec: P) -> None:
    runs = spec.runs
    if isinstance(runs, str):
        runs = [R(runs, spec.bold, spec.italic, spec.underline, spec.size, spec.grey)] if runs else []
    for r in runs:
        _format_run(par.add_run(r.text), r)

    pf = par.paragraph_format
    if spec.align:
        pf.alignment = ALIGN[spec.align]
    pf.space_before = Pt(spec.before)
    pf.space_after = Pt(spec.after)
    if spec.left is not None:
        pf.left_indent = Cm(spec.left)
    if spec.first is not None:
        pf.first_line_indent = Cm(spec.first)
    if spec.hanging is not None:
        pf.first_line_indent = Cm(-spec.hanging)
    if spec.tab is not None:
        pf.tab_stops.add_tab_stop(Cm(spec.tab), WD_TAB_ALIGNMENT.LEFT)
    if spec.keep_next:
        pf.keep_with_next = True
    if spec.page_break:
        pf.page_break_before = True

    ppr = par._p.get_or_add_pPr()
    if spec.border_bottom:
        pbdr = _child(ppr, "pBdr", SEQ_PPR)
        bottom = OxmlElement("w:bottom")
        for k, v in spec.border_bottom.items():
            bottom.set(qn(f"w:{k}"), str(v))
        pbdr.append(bottom)
    mark = spec.mark_size or (spec.size if not spec.runs else None)
    if mark:
        rpr = _child(ppr, "rPr", SEQ_PPR)
        for t in ("sz", "szCs"):
            el = OxmlElement(f"w:{t}")
            el.set(qn("w:val"), str(round(mark * 2)))
            rpr.append(el)


def put(container, *specs: P) -> None:
    """Append paragraphs to the document body (or to a cell, after what it holds)."""
    for spec in specs:
        _fill_paragraph(container.add_paragraph(), spec)


def fill(cell, *specs: P, valign: str | None = None) -> None:
    """Fill an empty table cell: the first spec uses the cell's own first paragraph."""
    first, *rest = specs
    _fill_paragraph(cell.paragraphs[0], first)
    put(cell, *rest)
    if valign:
        cell.vertical_alignment = {
            "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
            "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
            "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
        }[valign]


# ------------------------------------------------------------------------------- tables


def table(doc, widths: list[float], *, borders: bool, indent: float = 0.0,
          pad: float | None = None):
    """A fixed-layout table with column `widths` (cm) and no rows yet.

    Layout tables (`borders=False`) have no cell padding left/right by default, so their
    text lines up with the body text; data tables get single 0.5 pt borders.
    """
    body = doc.element.body
    last = body[-2] if len(body) > 1 else None  # body[-1] is the sectPr
    if last is not None and last.tag == qn("w:tbl"):
        # Two tables in a row would merge into one (Word and LibreOffice): keep them apart.
        put(doc, P("", after=0, mark_size=2))
    t = doc.add_table(rows=0, cols=len(widths))
    t.autofit = False
    tblPr = t._tbl.tblPr

    tblW = _child(tblPr, "tblW", SEQ_TBLPR)
    tblW.set(qn("w:w"), _twips(sum(widths)))
    tblW.set(qn("w:type"), "dxa")
    ind = _child(tblPr, "tblInd", SEQ_TBLPR)
    ind.set(qn("w:w"), _twips(indent))
    ind.set(qn("w:type"), "dxa")

    bdr = _child(tblPr, "tblBorders", SEQ_TBLPR)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if borders:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        bdr.append(el)

    if pad is None:
        pad = 0.15 if borders else 0.0
    mar = _child(tblPr, "tblCellMar", SEQ_TBLPR)
    for side, w in (("top", 0), ("left", pad), ("bottom", 0), ("right", pad if borders else 0.1)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), _twips(w))
        el.set(qn("w:type"), "dxa")
        mar.append(el)

    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), _twips(w))
    t._zi_widths = widths  # remembered for the rows added later
    return t


def row(t, *, header: bool = False, height: float | None = None, cant_split: bool = False):
    """Append a row whose cells carry the table's column widths."""
    r = t.add_row()
    for cell, w in zip(r.cells, t._zi_widths):
        tcW = cell._tc.get_or_add_tcPr().get_or_add_tcW()
        tcW.set(qn("w:w"), _twips(w))
        tcW.set(qn("w:type"), "dxa")
    trPr = r._tr.get_or_add_trPr()
    if cant_split or header:
        trPr.append(OxmlElement("w:cantSplit"))
    if header:
        trPr.append(OxmlElement("w:tblHeader"))
    if height:
        r.height = Cm(height)
        r.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return r


def span(r, first: int, last: int):
    """Merge cells first..last (inclusive) of row `r`; returns the merged cell."""
    return r.cells[first].merge(r.cells[last])


def tr_tag(t, text: str) -> None:
    """A row holding only a docxtpl `{%tr ... %}` tag (the row is removed when rendered).

    Its cells are merged so the tag reads in one piece when the template is opened in Word.
    """
    r = row(t)
    cell = span(r, 0, len(t._zi_widths) - 1)
    fill(cell, P(text, after=0))


def label_table(doc, rows: list[tuple], widths=(3.0, 0.4, 12.6), *, indent: float = 0.0,
                after: float = 0):
    """A borderless label : value block. `rows`: (label, value) or (label, value, extra
    paragraphs for the value cell)."""
    t = table(doc, list(widths), borders=False, indent=indent)
    for item in rows:
        label, value, *more = item
        r = row(t)
        fill(r.cells[0], P(label, after=after))
        fill(r.cells[1], P(":", after=after))
        fill(r.cells[2], P(value, after=after), *(more[0] if more else []))
    return t


def data_table(doc, headers: list[str], widths: list[float], *, indent: float = 0.0,
               size: float | None = None):
    """A bordered data table with a bold header row that repeats on each page.

    `size`: font size for the whole table when 12 pt would not fit (dense tables).
    """
    t = table(doc, widths, borders=True, indent=indent)
    t._zi_size = size
    r = row(t, header=True)
    for cell, h in zip(r.cells, headers):
        fill(cell, P(h, align="center", bold=True, size=size, before=2, after=2),
             valign="center")
    return t


def data_row(t, texts: list[str], aligns: list[str | None] | None = None,
             height: float | None = None):
    """The repeated row of a data table (placed between its `{%tr for %}` rows)."""
    r = row(t, height=height, cant_split=True)
    aligns = aligns or [None] * len(texts)
    for cell, text, align in zip(r.cells, texts, aligns):
        fill(cell, P(text, align=align, size=t._zi_size, before=2, after=2),
             valign="center" if height else None)
    return r


def loop_rows(t, loop: str, texts: list[str], aligns: list[str | None] | None = None,
              height: float | None = None) -> None:
    """`{%tr for <loop> %}`, the repeated data row, `{%tr endfor %}`."""
    tr_tag(t, f"{{%tr for {loop} %}}")
    data_row(t, texts, aligns, height=height)
    tr_tag(t, "{%tr endfor %}")


def end_mark(doc) -> None:
    """A tiny closing paragraph: a body must not end with a table."""
    put(doc, P("", after=0, mark_size=2))


# ---------------------------------------------------------------------- shared blocks


def kop(doc) -> None:
    """Kop surat at the top of the body (page 1 only), closed by a thick double rule."""
    put(
        doc,
        tag("{%p for k in instansi.kop %}", "center"),
        P("{{ k }}", align="center", bold=True, size=14, after=0),
        tag("{%p endfor %}", "center"),
        P("{{ instansi.alamat }}", align="center", size=10, after=0),
        tag("{%p if instansi.kontak %}", "center"),
        P("{{ instansi.kontak }}", align="center", size=10, after=0),
        tag("{%p endif %}", "center"),
        P("", after=12, mark_size=3, border_bottom={
            "val": "thickThinSmallGap", "sz": 18, "space": 1, "color": "000000"}),
    )


def title(doc, *lines: str, underline_first: bool = False, after: float = 12) -> None:
    """Centred bold title lines."""
    for i, text in enumerate(lines):
        last = i == len(lines) - 1
        put(doc, P(text, align="center", bold=True, underline=underline_first and i == 0,
                   after=after if last else 0, keep_next=True))


def rapat_rows(hari_label: str = "Hari/Tanggal") -> list[tuple]:
    return [
        (hari_label, "{{ rapat.tanggal|hari_tanggal }}"),
        ("Pukul", "{{ rapat.pukul }}"),
        ("Tempat", "{{ rapat.tempat }}"),
        ("Acara", "{{ rapat.acara }}", [
            P("Langkah aksi: {{ baris.langkah_aksi }}", size=10, italic=True, grey=True, after=0)]),
    ]


def name_nip(name_tag: str, nip_tag: str | None, cond: str | None, align: str = "center",
             underline: bool = True) -> list[P]:
    """Signer's name (bold, underlined) and a `NIP. …` line, kept only if `cond` holds."""
    out = [P(name_tag, align=align, bold=True, underline=underline or None, after=0)]
    if nip_tag:
        nip = P(f"NIP. {nip_tag}", align=align, after=0)
        out += [tag(f"{{%p if {cond} %}}", align), nip, tag("{%p endif %}", align)] if cond else [nip]
    return out


def signature(doc, top: list[P], *, before: float = 12) -> None:
    """Single signature on the right half: `top` lines, 4 blank lines, name and NIP."""
    t = table(doc, [7.5, 8.5], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    top[0].before = before
    fill(r.cells[1], *top, *blank(4),
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}", "penandatangan.nip"))


def place_date(align: str = "center", after: float = 0, **kw) -> P:
    """The place-and-date line: "Sarolangun, 5 Januari 2026"."""
    return P("{{ instansi.kota }}, {{ tanggal_surat|tanggal }}", align=align, after=after, **kw)


def tembusan(doc) -> None:
    put(
        doc,
        tag("{%p if tembusan %}"),
        P("Tembusan:", before=18, after=0, keep_next=True),
        tag("{%p for t in tembusan %}"),
        P("{{ loop.index }}.\t{{ t }}", left=0.6, hanging=0.6, tab=0.6, after=0),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    )


def section(doc, heading: str) -> None:
    """A lettered section heading "A. Pendahuluan" (hanging, kept with what follows)."""
    letter, text = heading.split(" ", 1)
    put(doc, P(f"{letter}\t{text}", bold=True, left=0.75, hanging=0.75, tab=0.75,
               before=12, after=6, keep_next=True))


def body(text: str, **kw) -> P:
    kw.setdefault("align", "justify")
    return P(text, **kw)


# ----------------------------------------------------------------------------- document


def new_document(title_text: str):
    doc = Document()

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.header_distance = sec.footer_distance = Cm(1.25)

    styles = doc.styles.element
    # Document defaults: explicit Arial for every script (theme fonts would win otherwise),
    # 12 pt, Indonesian proofing, single spacing with 6 pt after.
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(SIZE * 2))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(SIZE * 2))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "id-ID")
    lang.set(qn("w:eastAsia"), "id-ID")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    sp = ppr.find(qn("w:spacing"))
    sp.set(qn("w:after"), "120")
    sp.set(qn("w:line"), "240")

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(6), 1.0
    pf.widow_control = True

    # Word 2013+ table geometry (indent measured to the border, not to the text).
    settings = doc.settings.element
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")

    cp = doc.core_properties
    cp.title = title_text
    cp.author = "zi"
    cp.subject = "Templat naskah dinas Rencana Aksi Zona Integritas"
    cp.comments = ""
    cp.last_modified_by = ""
    cp.revision = 1
    for name in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        prefix, local = name.split(":")
        ns = {"dcterms": "http://purl.org/dc/terms/",
              "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}[prefix]
        for el in cp._element.findall(f"{{{ns}}}{local}"):
            cp._element.remove(el)

    # Leftovers of python-docx's stock template: its thumbnail (a blank page, a misleading
    # preview) and Word 2010's stylesWithEffects.xml (a second, stale copy of the styles).
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]

    # Start from an empty body, whatever the stock template holds.
    for p in list(doc.paragraphs):
        p._p.getparent().remove(p._p)
    return doc


def _set_fonts(rpr) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for a in list(rfonts.attrib):
        del rfonts.attrib[a]
    for a in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{a}"), FONT)


def save(doc, name: str) -> Path:
    """Save with fixed zip timestamps so that rebuilding gives identical bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path = OUT / name
    path.write_bytes(out.getvalue())
    return path


# ---------------------------------------------------------------------------- templates


def undangan_rapat():
    doc = new_document("Undangan Rapat")
    kop(doc)
    put(doc, place_date(align="right", after=12))
    label_table(doc, [
        ("Nomor", "{{ nomor }}"),
        ("Sifat", "{{ sifat }}"),
        ("Lampiran", "{{ lampiran }}"),
        ("Hal", "{{ hal }}"),
    ], widths=(2.5, 0.4, 13.1))

    put(doc, P("", after=0, mark_size=SIZE))
    t = table(doc, [1.1, 9.0], borders=False)
    r = row(t)
    fill(r.cells[0], P("Yth.", after=0))
    fill(r.cells[1],
         tag("{%p for penerima in kepada %}"),
         P("{{ penerima }}", after=0),
         tag("{%p endfor %}"))
    put(doc, P("di –", after=0), P("Tempat", left=1.1, after=18))

    put(doc, body(
        "Dalam rangka pelaksanaan Rencana Aksi Pembangunan Zona Integritas "
        "{{ instansi.nama }} Tahun {{ tahun }}, komponen {{ baris.komponen }}, bersama ini "
        "kami mengundang Bapak/Ibu untuk hadir pada:", first=1.25, after=6))
    label_table(doc, [
        ("hari/tanggal", "{{ rapat.tanggal|hari_tanggal }}"),
        ("pukul", "{{ rapat.pukul }} s.d. selesai"),
        ("tempat", "{{ rapat.tempat }}"),
        ("acara", "{{ rapat.acara }}"),
    ], widths=(3.0, 0.4, 11.35), indent=1.25, after=2)
    put(doc, body("Demikian disampaikan, atas perhatian dan kehadiran Bapak/Ibu diucapkan "
                  "terima kasih.", first=1.25, before=6))
    signature(doc, [P("{{ penandatangan.jabatan }},", align="center", after=0)])
    tembusan(doc)

    # Lampiran: list of invitees on its own page.
    put(doc,
        P("Lampiran Surat {{ instansi.nama }}", page_break=True, left=7.0, after=0))
    label_table(doc, [("Nomor", "{{ nomor }}"), ("Tanggal", "{{ tanggal_surat|tanggal }}")],
                widths=(2.0, 0.4, 6.6), indent=7.0)
    put(doc, P("DAFTAR UNDANGAN", align="center", bold=True, before=24, after=12, keep_next=True))
    t = data_table(doc, ["No", "Nama", "Jabatan"], [1.2, 7.0, 7.8])
    loop_rows(t, "p in peserta", ["{{ p.no }}", "{{ p.nama }}", "{{ p.jabatan }}"], ["center", None, None])
    end_mark(doc)
    return doc


def daftar_hadir():
    doc = new_document("Daftar Hadir Rapat")
    kop(doc)
    title(doc, "DAFTAR HADIR")
    label_table(doc, rapat_rows(), widths=(3.2, 0.4, 12.4), after=2)
    put(doc, P("", after=6, mark_size=6))
    # 11 pt: an 18-digit NIP and a signature column must fit beside name and jabatan.
    t = data_table(doc, ["No", "Nama", "NIP", "Jabatan", "Tanda Tangan"],
                   [0.9, 4.4, 4.2, 4.0, 2.5], size=11)
    loop_rows(t, "p in peserta", ["{{ p.no }}", "{{ p.nama }}", "{{ p.nip }}", "{{ p.jabatan }}", ""],
              ["center", None, None, None, None], height=1.0)
    signature(doc, [place_date(), P("{{ penandatangan.jabatan }},", align="center", after=0)],
              before=18)
    end_mark(doc)
    return doc


def notulensi():
    doc = new_document("Notulensi Rapat")
    kop(doc)
    title(doc, "NOTULENSI RAPAT")
    label_table(doc, rapat_rows() + [
        ("Pimpinan Rapat", "{{ pimpinan_rapat.nama }}"),
        ("Notulis", "{{ notulis.nama }}"),
        ("Peserta", "{{ jumlah_peserta }} orang (daftar hadir terlampir)"),
    ], widths=(3.6, 0.4, 12.0), after=2)
    for heading in ("A. Pembukaan", "B. Pembahasan", "C. Kesimpulan", "D. Tindak Lanjut"):
        section(doc, heading)
        put(doc, body("{{ isian }}", left=0.75))

    # Two signatures side by side; row 2 starts level in both columns so names align.
    t = table(doc, [8.0, 8.0], borders=False)
    r1 = row(t, cant_split=True)
    fill(r1.cells[0], P("", before=18, after=0, keep_next=True),
         P("Notulis,", align="center", after=0, keep_next=True))
    fill(r1.cells[1], place_date(keep_next=True),
         P("Pimpinan Rapat,", align="center", after=0, keep_next=True))
    r1.cells[1].paragraphs[0].paragraph_format.space_before = Pt(18)
    r2 = row(t, cant_split=True)
    fill(r2.cells[0], *blank(4),
         *name_nip("{{ notulis.nama }}", "{{ notulis.nip }}", "notulis.nip"))
    fill(r2.cells[1], *blank(4),
         *name_nip("{{ pimpinan_rapat.nama }}", None, None),
         P("{{ pimpinan_rapat.jabatan }}", align="center", after=0))

    # The official who acknowledges the minutes, centred below; left out when that official
    # chaired the meeting (already signed above).
    put(doc, tag("{%p if penandatangan.nama != pimpinan_rapat.nama %}"),
        P("", after=0, mark_size=6))
    t = table(doc, [8.0], borders=False, indent=4.0)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("Mengetahui,", align="center", before=12, after=0),
         P("{{ penandatangan.jabatan }},", align="center", after=0), *blank(4),
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}", "penandatangan.nip"))
    put(doc, tag("{%p endif %}"))
    end_mark(doc)
    return doc


def sk_tim():
    doc = new_document("Keputusan Pembentukan Tim")
    kop(doc)
    title(doc, "KEPUTUSAN {{ instansi.nama_kapital }}", "NOMOR {{ nomor }}", after=12)
    title(doc, "TENTANG", "{{ tentang }}", after=18)
    title(doc, "KETUA {{ instansi.nama_kapital }},", after=12)

    # Menimbang / Mengingat: label | : | the items, one paragraph each ("a." or "1." hanging).
    # A paragraph loop inside one cell reads better in Word than a row loop with narrow cells.
    t = table(doc, [3.0, 0.5, 12.5], borders=False)
    for label, items, var, number in (
        ("Menimbang", "menimbang", "m", "{{ loop.index|huruf }}."),
        ("Mengingat", "mengingat", "g", "{{ loop.index }}."),
    ):
        if label == "Mengingat":  # a little air between the two blocks
            fill(span(row(t), 0, 2), P("", after=0, mark_size=6))
        r = row(t)
        fill(r.cells[0], P(label, after=6))
        fill(r.cells[1], P(":", after=6))
        fill(r.cells[2],
             tag(f"{{%p for {var} in {items} %}}"),
             P(f"{number}\t{{{{ {var} }}}}", align="justify", left=0.8, hanging=0.8, tab=0.8,
               after=6),
             tag("{%p endfor %}"))

    put(doc, P("MEMUTUSKAN:", align="center", bold=True, before=12, after=12, keep_next=True))

    t = table(doc, [3.0, 0.5, 12.5], borders=False)
    r = row(t)
    fill(r.cells[0], P("Menetapkan", after=12))
    fill(r.cells[1], P(":", after=12))
    fill(r.cells[2], P("KEPUTUSAN {{ instansi.nama_kapital }} TENTANG {{ tentang }}.",
                       after=12))  # capitals: justified would gape
    tr_tag(t, "{%tr for d in diktum %}")
    r = row(t)
    fill(r.cells[0], P("{{ d.nomor|diktum }}", after=6))
    fill(r.cells[1], P(":", after=6))
    fill(r.cells[2], P("{{ d.isi }}", align="justify", after=6))
    tr_tag(t, "{%tr endfor %}")

    ketua = "KETUA {{ instansi.nama_kapital }},"
    t = table(doc, [8.0, 8.0], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    fill(r.cells[1],
         P("Ditetapkan di {{ instansi.kota }}", before=18, after=0),
         P("pada tanggal {{ tanggal_surat|tanggal }}", after=12),
         P(ketua, after=0), *blank(4),
         # a decree's name line is bold, not underlined
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}",
                   "penandatangan.nip", align="left", underline=False))
    tembusan(doc)

    # Lampiran: members of the team, on its own page.
    lamp = dict(left=8.0, size=10, after=0)
    put(doc,
        P("LAMPIRAN", page_break=True, **lamp),
        P("KEPUTUSAN {{ instansi.nama_kapital }}", **lamp),
        P("NOMOR {{ nomor }}", **lamp),
        P("TENTANG {{ tentang }}", **lamp))
    put(doc, P("SUSUNAN KEANGGOTAAN {{ tim.nama_kapital }}", align="center", bold=True,
               before=24, after=12, keep_next=True))
    t = data_table(doc, ["No", "Nama", "Jabatan", "Kedudukan dalam Tim"], [1.1, 5.6, 5.3, 4.0])
    tr_tag(t, "{%tr for a in tim.anggota %}")
    r = row(t, cant_split=True)
    fill(r.cells[0], P("{{ a.no }}", align="center", before=2, after=2))
    fill(r.cells[1], P("{{ a.nama }}", before=2, after=0),
         tag("{%p if a.nip %}"), P("NIP. {{ a.nip }}", size=10, after=2), tag("{%p endif %}"),
         P("", after=0, mark_size=2))
    fill(r.cells[2], P("{{ a.jabatan }}", before=2, after=2))
    fill(r.cells[3], P("{{ a.peran }}", before=2, after=2))
    tr_tag(t, "{%tr endfor %}")

    t = table(doc, [8.0, 8.0], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    fill(r.cells[1], P(ketua, before=24, after=0), *blank(4),
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}",
                   "penandatangan.nip", align="left", underline=False))
    put(doc, P("Ref. {{ baris.id }}", size=8, grey=True, before=24, after=0))
    return doc


def laporan_monev():
    doc = new_document("Laporan Monitoring dan Evaluasi")
    kop(doc)
    title(doc, "LAPORAN MONITORING DAN EVALUASI", "{{ judul }}", "PERIODE {{ periode }}",
          after=0)
    put(doc, P("Nomor: {{ nomor }}", align="center", after=12))

    section(doc, "A. Pendahuluan")
    put(doc, body(
        "Laporan ini disusun sebagai pelaksanaan Rencana Aksi Pembangunan Zona Integritas "
        "{{ instansi.nama }} Tahun {{ tahun }}, area {{ baris.area }} {{ baris.area_judul }}, "
        "komponen {{ baris.komponen }}, dengan indikator: {{ baris.indikator }}", left=0.75))
    section(doc, "B. Pelaksanaan")
    put(doc, body(
        "Kegiatan monitoring dan evaluasi berupa {{ baris.langkah_aksi }} dilaksanakan pada "
        "{{ tanggal_kegiatan|hari_tanggal }} dengan bukti fisik {{ baris.bukti_fisik }}.",
        left=0.75))
    section(doc, "C. Hasil")
    put(doc, body("Capaian rencana aksi area {{ baris.area }} sampai dengan periode ini:",
                  left=0.75, keep_next=True))
    t = data_table(doc, ["No", "Langkah Aksi", "Target Waktu", "Status", "Keterangan"],
                   [0.9, 6.05, 3.3, 2.5, 2.5], indent=0.75, size=11)
    loop_rows(t, "r in rencana_area",
              ["{{ loop.index }}", "{{ r.id }} {{ r.langkah_aksi }}", "{{ r.target_waktu }}",
               "{{ r.status }}", "{{ r.keterangan }}"], ["center", None, None, None, None])
    section(doc, "D. Kendala")
    put(doc, body("{{ isian }}", left=0.75))
    section(doc, "E. Rekomendasi dan Tindak Lanjut")
    put(doc, body("{{ isian }}", left=0.75))
    section(doc, "F. Penutup")
    put(doc, body("Demikian laporan ini disusun sebagai bahan evaluasi pembangunan Zona "
                  "Integritas {{ instansi.singkatan }}.", left=0.75))
    signature(doc, [place_date(), P("{{ penandatangan.jabatan }},", align="center", after=0)],
              before=18)
    end_mark(doc)
    return doc


def _pernyataan(subtitle: str, statement: list):
    """The frame of both conflict-of-interest statements; `statement`: paragraphs or
    callables that add blocks to the document."""
    doc = new_document(f"Surat Pernyataan {subtitle.title()}")
    title(doc, "SURAT PERNYATAAN", subtitle, underline_first=True, after=24)
    put(doc, P("Yang bertanda tangan di bawah ini:", after=6))
    label_table(doc, [
        ("Nama", "{{ pegawai.nama }}"),
        ("NIP", "{{ pegawai.nip }}"),
        ("Pangkat/Golongan", "{{ pegawai.pangkat }} ({{ pegawai.golongan }})"),
        ("Jabatan", "{{ pegawai.jabatan }}"),
        ("Unit Kerja", "{{ pegawai.unit }}, {{ instansi.nama }}"),
    ], widths=(4.1, 0.4, 10.75), indent=0.75, after=4)
    put(doc, P("", after=0, mark_size=6))
    for spec in statement:
        if isinstance(spec, P):
            put(doc, spec)
        else:
            spec(doc)
    put(doc, body("Demikian surat pernyataan ini saya buat dengan sebenarnya tanpa paksaan "
                  "dari pihak mana pun."))

    # Mengetahui (left) and the declarant (right), rows aligned: titles / space / names.
    t = table(doc, [8.0, 8.0], borders=False)
    r1 = row(t, cant_split=True)
    fill(r1.cells[0], P("", before=18, after=0), P("Mengetahui,", align="center", after=0),
         P("{{ atasan.jabatan }},", align="center", after=0))
    fill(r1.cells[1], place_date(), P("Yang membuat pernyataan,", align="center", after=0))
    r1.cells[1].paragraphs[0].paragraph_format.space_before = Pt(18)
    r2 = row(t, height=2.4, cant_split=True)
    fill(r2.cells[0], P("", after=0), valign="center")
    fill(r2.cells[1], P("Meterai Rp10.000", align="center", size=8, grey=True, after=0),
         valign="center")
    r3 = row(t, cant_split=True)
    fill(r3.cells[0], *name_nip("{{ atasan.nama }}", "{{ atasan.nip }}", None))
    fill(r3.cells[1], *name_nip("{{ pegawai.nama }}", "{{ pegawai.nip }}", None))
    put(doc, P("Ref. {{ baris.id }}", size=8, grey=True, before=36, after=0))
    return doc


def surat_pernyataan_bk_bebas():
    return _pernyataan("BEBAS BENTURAN KEPENTINGAN", [
        body("dengan ini menyatakan dengan sesungguhnya bahwa dalam melaksanakan tugas dan "
             "fungsi saya di lingkungan {{ instansi.nama }} pada Tahun {{ tahun }}, saya tidak "
             "memiliki benturan kepentingan, baik secara langsung maupun tidak langsung, yang "
             "dapat memengaruhi keputusan dan/atau tindakan dalam jabatan saya."),
        body("Apabila di kemudian hari terdapat benturan kepentingan, saya akan segera "
             "melaporkannya kepada atasan langsung dan bersedia menerima sanksi sesuai dengan "
             "ketentuan peraturan perundang-undangan."),
    ])


def _uraian_box(doc) -> None:
    t = table(doc, [15.25], borders=True, indent=0.75, pad=0.2)
    r = row(t)
    fill(r.cells[0], P("{{ uraian_benturan }}", align="justify", before=4, after=4))
    put(doc, P("", after=0, mark_size=6))


def surat_pernyataan_bk_potensi():
    return _pernyataan("POTENSI BENTURAN KEPENTINGAN", [
        body("dengan ini menyatakan dengan sesungguhnya bahwa dalam melaksanakan tugas dan "
             "fungsi saya di lingkungan {{ instansi.nama }} pada Tahun {{ tahun }}, terdapat "
             "potensi benturan kepentingan sebagai berikut:", keep_next=True),
        _uraian_box,
        body("Atas potensi benturan kepentingan tersebut, saya bersedia untuk tidak terlibat "
             "dalam pengambilan keputusan yang berkaitan dan mematuhi tindak lanjut yang "
             "ditetapkan oleh atasan langsung."),
    ])


def _butir(items: str, var: str, after: float = 3) -> list[P]:
    """A bullet list, one paragraph per item of `items` (indented under a section)."""
    return [tag(f"{{%p for {var} in {items} %}}"),
            P(f"•\t{{{{ {var} }}}}", align="justify", left=1.35, hanging=0.6, tab=1.35, after=after),
            tag("{%p endfor %}")]


def laporan_monev_periode():
    """The period report (quarter, semester, year) built from the realisasi tracker.

    `{{ grafik }}` stands alone in its paragraph: zi replaces that paragraph with the chart.
    """
    doc = new_document("Laporan Monitoring dan Evaluasi Rencana Aksi Zona Integritas")
    kop(doc)
    title(doc, "LAPORAN MONITORING DAN EVALUASI", "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
          "PERIODE {{ periode }}", after=0)
    put(doc, P("Nomor: {{ nomor }}", align="center", after=12))

    section(doc, "A. Pendahuluan")
    put(doc, body(
        "Rencana Aksi Pembangunan Zona Integritas {{ instansi.nama }} Tahun {{ tahun }} menetapkan "
        "langkah aksi pada enam area perubahan, masing-masing dengan target waktunya. Laporan ini "
        "menyajikan hasil monitoring dan evaluasi pelaksanaan langkah aksi tersebut pada "
        "{{ periode_judul }} ({{ awal|tanggal }} sampai dengan {{ akhir|tanggal }}) sebagai bahan "
        "evaluasi dan tindak lanjut pimpinan.", left=0.75))

    section(doc, "B. Pelaksanaan")
    put(doc, body(
        "Monitoring dilaksanakan oleh Tim Pembangunan Zona Integritas atas setiap langkah aksi yang "
        "jatuh tempo pada periode ini, berdasarkan berkas realisasi {{ sumber }} (status, tanggal "
        "selesai dan bukti setiap kegiatan) serta naskah dan bukti fisik yang tersimpan dalam arsip. "
        "Keadaan dihitung sampai dengan {{ batas|tanggal }}. Kegiatan dinilai terlambat apabila "
        "selesai sesudah tanggal jatuh temponya atau belum selesai sampai dengan tanggal tersebut; "
        "lama keterlambatan dihitung dalam hari kalender.", left=0.75))
    put(doc, tag("{%p if not ada_realisasi %}"),
        body("Berkas realisasi belum tersedia pada saat laporan ini disusun, sehingga seluruh "
             "kegiatan yang jatuh tempo dicatat belum terlaksana.", left=0.75, italic=True),
        tag("{%p endif %}"))

    section(doc, "C. Hasil")
    put(doc, body("Capaian pelaksanaan langkah aksi per area pada {{ periode_judul }}:", left=0.75,
                  keep_next=True))
    t = data_table(doc, ["No", "Area", "Target", "Selesai", "Terlambat", "Capaian"],
                   [0.9, 7.05, 1.8, 1.8, 2.0, 1.7], indent=0.75, size=10)
    loop_rows(t, "a in area",
              ["{{ loop.index }}", "{{ a.kode }}. {{ a.judul }}", "{{ a.target }}",
               "{{ a.selesai }}", "{{ a.terlambat }}", "{{ a.persen }}"],
              ["center", None, "center", "center", "center", "center"])
    r = row(t, cant_split=True)
    fill(span(r, 0, 1), P("Jumlah", align="center", bold=True, size=10, before=2, after=2))
    for i, value in enumerate(("{{ total.target }}", "{{ total.selesai }}",
                               "{{ total.terlambat }}", "{{ total.persen }}"), 2):
        fill(r.cells[i], P(value, align="center", bold=True, size=10, before=2, after=2))
    put(doc, body(
        "Secara keseluruhan {{ total.selesai }} dari {{ total.target }} kegiatan yang dijadwalkan "
        "pada periode ini telah selesai ({{ total.persen }}) dan {{ total.terlambat }} kegiatan "
        "terlambat.", left=0.75, before=6))
    put(doc, tag("{%p if belum_jatuh_tempo %}"),
        body("Sebanyak {{ belum_jatuh_tempo }} kegiatan lainnya belum jatuh tempo sampai dengan "
             "{{ batas|tanggal }}.", left=0.75),
        tag("{%p endif %}"))
    put(doc, P("{{ grafik }}", align="center", before=6, after=0, keep_next=True),
        P("Gambar 1. Jumlah kegiatan yang dijadwalkan dan yang selesai per area", align="center",
          size=10, italic=True, after=12))

    put(doc, body("Kegiatan yang terlambat atau belum terlaksana:", left=0.75, keep_next=True),
        tag("{%p if terlambat %}"))
    t = data_table(doc, ["No", "Baris", "Langkah Aksi", "Jatuh Tempo", "Status", "Selesai",
                         "Terlambat (hari)"], [0.8, 1.5, 5.05, 2.1, 1.5, 2.1, 2.2], indent=0.75,
                   size=9)
    loop_rows(t, "k in terlambat",
              ["{{ loop.index }}", "{{ k.id }}", "{{ k.langkah_aksi }}", "{{ k.jatuh_tempo }}",
               "{{ k.status }}", "{{ k.selesai }}", "{{ k.hari }}"],
              ["center", None, None, "center", "center", "center", "center"])
    put(doc, tag("{%p if tunggakan %}"),
        P("Termasuk {{ tunggakan }} kegiatan dari periode sebelumnya yang belum selesai.",
          left=0.75, size=10, italic=True, before=3),
        tag("{%p endif %}"),
        tag("{%p else %}"),
        body("Tidak ada kegiatan yang terlambat.", left=0.75),
        tag("{%p endif %}"))
    put(doc, tag("{%p if tanpa_bukti %}"),
        body("Kegiatan berstatus selesai yang belum memiliki bukti fisik di arsip maupun di kolom "
             "Bukti Lain:", left=0.75, before=6, keep_next=True),
        *_butir("tanpa_bukti", "b", after=0),
        tag("{%p endif %}"))

    section(doc, "D. Kendala")
    put(doc, *_butir("kendala", "k"), P("{{ isian }}", left=0.75, italic=True, grey=True))
    section(doc, "E. Rekomendasi dan Tindak Lanjut")
    put(doc, *_butir("rekomendasi", "k"), P("{{ isian }}", left=0.75, italic=True, grey=True))
    section(doc, "F. Penutup")
    put(doc, body("Demikian laporan monitoring dan evaluasi ini disusun sebagai bahan evaluasi dan "
                  "tindak lanjut pembangunan Zona Integritas {{ instansi.singkatan }}.", left=0.75,
                  keep_next=True))  # not parted from the signature
    signature(doc, [place_date(), P("{{ penandatangan.jabatan }},", align="center", after=0)],
              before=18)

    # Appendix: what was wrong in the tracker, cell by cell (only when something was).
    put(doc, tag("{%p if pemeriksaan %}"),
        P("Lampiran Laporan Monitoring dan Evaluasi {{ periode_judul }}", page_break=True,
          after=0),
        P("CATATAN PEMERIKSAAN DATA", align="center", bold=True, before=18, after=12),
        body("Masalah berikut ditemukan pada data realisasi ({{ sumber }}). Laporan tetap disusun: "
             "status yang tidak dikenal dihitung belum, tanggal yang tidak terbaca dianggap kosong. "
             "Perbaiki sel yang disebut lalu buat ulang laporan."),
        tag("{%p for m in pemeriksaan %}"),
        P("{{ loop.index }}.\t{{ m }}", left=0.75, hanging=0.75, tab=0.75, size=10, after=3),
        tag("{%p endfor %}"),
        tag("{%p endif %}"))
    end_mark(doc)
    return doc


TEMPLATES = {
    "sk_tim.docx": sk_tim,
    "undangan_rapat.docx": undangan_rapat,
    "daftar_hadir.docx": daftar_hadir,
    "notulensi.docx": notulensi,
    "laporan_monev.docx": laporan_monev,
    "surat_pernyataan_bk_bebas.docx": surat_pernyataan_bk_bebas,
    "surat_pernyataan_bk_potensi.docx": surat_pernyataan_bk_potensi,
    "laporan_monev_periode.docx": laporan_monev_periode,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in TEMPLATES.items():
        path = save(build(), name)
        print(f"{path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
