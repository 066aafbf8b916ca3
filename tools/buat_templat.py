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


def _baris_kop() -> list[P]:
    return [tag("{%p for k in instansi.kop %}", "center"),
            P("{{ k }}", align="center", bold=True, size=14, after=0),
            tag("{%p endfor %}", "center"),
            P("{{ instansi.alamat }}", align="center", size=10, after=0),
            tag("{%p if instansi.kontak %}", "center"),
            P("{{ instansi.kontak }}", align="center", size=10, after=0),
            tag("{%p endif %}", "center")]


def kop(doc) -> None:
    """Kop surat at the top of the body (page 1 only), closed by a thick double rule.

    With `instansi.logo` the logo stands in a narrow left column beside the centred text;
    without one the text runs the full width, as a text-only kop does."""
    put(doc, tag("{%p if instansi.logo %}", "center"))
    t = table(doc, [2.2, 13.8], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("{{ instansi.logo }}", align="center", after=0), valign="center")
    fill(r.cells[1], *_baris_kop(), valign="center")
    put(doc, tag("{%p else %}", "center"), *_baris_kop(), tag("{%p endif %}", "center"))
    put(doc, P("", after=12, mark_size=3, border_bottom={
        "val": "thickThinSmallGap", "sz": 18, "space": 1, "color": "000000"}))


def title(doc, *lines: str, underline_first: bool = False, after: float = 12) -> None:
    """Centred bold title lines."""
    for i, text in enumerate(lines):
        last = i == len(lines) - 1
        put(doc, P(text, align="center", bold=True, underline=underline_first and i == 0,
                   after=after if last else 0, keep_next=True))


def rapat_rows(hari_label: str = "Hari/Tanggal") -> list[tuple]:
    """hari/tanggal, pukul, tempat and the agenda (numbered when it has several items)."""
    return [
        (hari_label, "{{ rapat.tanggal|hari_tanggal }}"),
        ("Pukul", "{{ rapat.pukul }} s.d. selesai"),
        ("Tempat", "{{ rapat.tempat }}"),
        ("Acara", "{% if rapat.agenda|length == 1 %}{{ rapat.acara[0] }}{% endif %}", _agenda_bernomor()),
    ]


def _agenda_bernomor(after: float = 0) -> list[P]:
    """The numbered agenda, only when there are several items (one item stands alone)."""
    return [tag("{%p if rapat.agenda|length > 1 %}"), tag("{%p for a in rapat.agenda %}"),
            P("{{ a.no }}.\t{{ a.acara }}", left=0.6, hanging=0.6, tab=0.6, after=after),
            tag("{%p endfor %}"), tag("{%p endif %}")]


def _ruang_ttd(srikandi: bool) -> list[P]:
    """Space for the signature; with `--srikandi` SRIKANDI's ${ttd_pengirim} sits there."""
    if not srikandi:
        return blank(4)
    return [tag("{%p if penandatangan.ttd %}", "center"), P("", after=0),
            P("{{ penandatangan.ttd }}", align="center", after=0), P("", after=0),
            tag("{%p else %}", "center"), *blank(4), tag("{%p endif %}", "center")]


def name_nip(name_tag: str, nip_tag: str | None, cond: str | None, align: str = "center",
             underline: bool = True) -> list[P]:
    """Signer's name (bold, underlined) and a `NIP. …` line, kept only if `cond` holds."""
    out = [P(name_tag, align=align, bold=True, underline=underline or None, after=0)]
    if nip_tag:
        nip = P(f"NIP. {nip_tag}", align=align, after=0)
        out += [tag(f"{{%p if {cond} %}}", align), nip, tag("{%p endif %}", align)] if cond else [nip]
    return out


def signature(doc, top: list[P], *, before: float = 12, srikandi: bool = False) -> None:
    """Single signature on the right half: `top` lines, 4 blank lines, name and NIP."""
    t = table(doc, [7.5, 8.5], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    top[0].before = before
    for p in top:
        p.keep_next = True
    fill(r.cells[1], *top, *_ruang_ttd(srikandi),
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}", "penandatangan.nip"))


def place_date(align: str = "center", after: float = 0, srikandi: bool = False, **kw) -> P:
    """The place-and-date line: "Sarolangun, 5 Januari 2026" (SRIKANDI's ${tanggal_naskah})."""
    tanggal = "{{ tanggal_ttd }}" if srikandi else "{{ tanggal_surat|tanggal }}"
    return P("{{ instansi.kota }}, " + tanggal, align=align, after=after, **kw)


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


def nomor_halaman(doc) -> None:
    """"- 2 -" centred at the top of every page after the first (tata naskah dinas)."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    par = sec.header.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.add_run("- ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "2"
    r.append(t)
    fld.append(r)
    par._p.append(fld)
    par.add_run(" -")
    sec.first_page_header.paragraphs[0].text = ""


def properti_baris(doc) -> None:
    """The rows a document serves go into its core properties (subject), not on the page."""
    doc.core_properties.subject = "{{ properti.subjek }}"
    doc.core_properties.keywords = ""


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
    nomor_halaman(doc)
    properti_baris(doc)
    kop(doc)
    put(doc, place_date(align="right", after=12, srikandi=True))
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
         P("{{ penerima }}{% if loop.last %} (daftar terlampir){% endif %}", after=0),
         tag("{%p endfor %}"))
    put(doc, P("di –", after=0), P("Tempat", left=1.1, after=18))

    put(doc, body("{{ pembuka }}", first=1.25, after=6, keep_next=True))
    label_table(doc, [
        ("hari/tanggal", "{{ rapat.tanggal|hari_tanggal }}"),
        ("pukul", "{{ rapat.pukul }} s.d. selesai"),
        ("tempat", "{{ rapat.tempat }}"),
        ("acara", "{% if rapat.agenda|length == 1 %}{{ rapat.acara[0] }}{% endif %}", _agenda_bernomor(after=2)),
    ], widths=(3.0, 0.4, 11.35), indent=1.25, after=2)
    put(doc, body("{{ penutup }}", first=1.25, before=6, keep_next=True))
    signature(doc, [P("{{ penandatangan.jabatan }},", align="center", after=0)], srikandi=True)
    tembusan(doc)

    # Lampiran: list of invitees on its own page.
    put(doc,
        P("Lampiran Surat {{ instansi.nama }}", page_break=True, left=7.0, after=0))
    label_table(doc, [("Nomor", "{{ nomor }}"), ("Tanggal", "{{ tanggal_ttd }}")],
                widths=(2.0, 0.4, 6.6), indent=7.0)
    put(doc, P("DAFTAR UNDANGAN", align="center", bold=True, before=24, after=12, keep_next=True))
    t = data_table(doc, ["No", "Nama", "Jabatan"], [1.2, 7.0, 7.8])
    loop_rows(t, "p in peserta", ["{{ p.no }}", "{{ p.nama }}", "{{ p.jabatan }}{% if p.peran %} ({{ p.peran }} Tim){% endif %}"],
              ["center", None, None])
    end_mark(doc)
    return doc


def _kolom_ttd(cell, nomor: str) -> None:
    """The signature cell: numbered places alternating left and right, as offices do."""
    fill(cell, tag("{%p if " + nomor + " is odd %}"),
         P(nomor.join(("{{ ", " }}.")) + " ....................", size=10, before=8, after=8),
         tag("{%p else %}"),
         P(nomor.join(("{{ ", " }}.")) + " ....................", size=10, left=2.6, before=8, after=8),
         tag("{%p endif %}"), valign="center")


def daftar_hadir():
    doc = new_document("Daftar Hadir Rapat")
    nomor_halaman(doc)
    properti_baris(doc)
    kop(doc)
    title(doc, "DAFTAR HADIR RAPAT", "{{ rapat.nama|upper }}")
    label_table(doc, rapat_rows(), widths=(3.2, 0.4, 12.4), after=2)
    put(doc, P("", after=6, mark_size=6))
    t = data_table(doc, ["No", "Nama / NIP", "Jabatan", "Tanda Tangan"], [1.0, 5.4, 4.0, 5.6], size=11)
    tr_tag(t, "{%tr for p in peserta %}")
    r = row(t, height=1.1, cant_split=True)
    fill(r.cells[0], P("{{ p.no }}", align="center", size=11, after=0), valign="center")
    fill(r.cells[1], P("{{ p.nama }}", size=11, after=0), tag("{%p if p.nip %}"),
         P("NIP. {{ p.nip }}", size=9, after=0), tag("{%p endif %}"), valign="center")
    fill(r.cells[2], P("{{ p.jabatan }}", size=10, after=0), valign="center")
    _kolom_ttd(r.cells[3], "p.no")
    tr_tag(t, "{%tr endfor %}")
    tr_tag(t, "{%tr for n in tamu %}")
    r = row(t, height=1.1, cant_split=True)
    fill(r.cells[0], P("{{ n }}", align="center", size=11, after=0), valign="center")
    fill(r.cells[1], P("", after=0))
    fill(r.cells[2], P("", after=0))
    _kolom_ttd(r.cells[3], "n")
    tr_tag(t, "{%tr endfor %}")
    t = table(doc, [7.5, 8.5], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    fill(r.cells[1], P("Pimpinan Rapat,", align="center", before=18, after=0, keep_next=True), *blank(4),
         *name_nip("{{ pimpinan_rapat.nama }}", "{{ pimpinan_rapat.nip }}", "pimpinan_rapat.nip"))
    end_mark(doc)
    return doc


def daftar_hadir_apel():
    """The month's apel attendance: one sheet per apel day, every employee, the pembina."""
    doc = new_document("Daftar Hadir Apel")
    nomor_halaman(doc)
    properti_baris(doc)
    kop(doc)
    put(doc, tag("{%p for a in apel %}"),
        tag("{%p if not loop.first %}"),
        P("", page_break=True, after=0, mark_size=2),
        tag("{%p endif %}"))
    title(doc, "DAFTAR HADIR APEL", "{{ a.tanggal|hari_tanggal|upper }}")
    label_table(doc, [("Pukul", "{{ pukul }}"), ("Tempat", "{{ tempat }}"),
                      ("Pembina Apel", "{{ a.pembina.nama }} ({{ a.pembina.jabatan }})")],
                widths=(3.2, 0.4, 12.4), after=2)
    put(doc, P("", after=6, mark_size=6))
    t = data_table(doc, ["No", "Nama / NIP", "Jabatan", "Tanda Tangan"], [1.0, 5.4, 4.0, 5.6], size=11)
    tr_tag(t, "{%tr for p in peserta %}")
    r = row(t, height=0.9, cant_split=True)
    fill(r.cells[0], P("{{ p.no }}", align="center", size=11, after=0), valign="center")
    fill(r.cells[1], P("{{ p.nama }}", size=11, after=0), P("NIP. {{ p.nip }}", size=9, after=0),
         valign="center")
    fill(r.cells[2], P("{{ p.jabatan }}", size=10, after=0), valign="center")
    _kolom_ttd(r.cells[3], "p.no")
    tr_tag(t, "{%tr endfor %}")
    t = table(doc, [7.5, 8.5], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0))
    fill(r.cells[1], P("Pembina Apel,", align="center", before=18, after=0, keep_next=True), *blank(4),
         *name_nip("{{ a.pembina.nama }}", "{{ a.pembina.nip }}", "a.pembina.nip"))
    put(doc, tag("{%p endfor %}"))
    end_mark(doc)
    return doc


def notulensi():
    doc = new_document("Notulensi Rapat")
    nomor_halaman(doc)
    properti_baris(doc)
    kop(doc)
    title(doc, "NOTULENSI RAPAT", "{{ rapat.nama|upper }}")
    label_table(doc, rapat_rows() + [
        ("Pimpinan Rapat", "{{ pimpinan_rapat.nama }}"),
        ("Notulis", "{{ notulis.nama }}"),
        ("Peserta", "{{ jumlah_peserta }} orang diundang (daftar hadir terlampir)"),
    ], widths=(3.6, 0.4, 12.0), after=2)
    section(doc, "A. Pembukaan")
    put(doc, body("Rapat dibuka oleh {{ pimpinan_rapat.nama }} selaku Pimpinan Rapat dengan acara "
                  "sebagaimana tersebut di atas.", left=0.75),
        body("{{ isian }}", left=0.75))
    section(doc, "B. Pembahasan")
    put(doc, tag("{%p for a in rapat.agenda %}"),
        P("{{ a.no }}.\t{{ a.acara }}", bold=True, left=1.35, hanging=0.6, tab=1.35, before=6, after=3,
          keep_next=True),
        body("{{ isian }}", left=1.35),
        tag("{%p endfor %}"))
    for heading in ("C. Kesimpulan", "D. Tindak Lanjut"):
        section(doc, heading)
        put(doc, body("{{ isian }}", left=0.75, keep_next=heading.startswith("D")))

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
         *name_nip("{{ pimpinan_rapat.nama }}", "{{ pimpinan_rapat.nip }}", "pimpinan_rapat.nip"))

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


def _diktum_sel(r, keep: bool) -> None:
    fill(r.cells[0], P("{{ d.nomor|diktum }}", after=6, keep_next=keep))
    fill(r.cells[1], P(":", after=6, keep_next=keep))
    fill(r.cells[2], P("{{ d.isi }}", align="justify", after=6, keep_next=keep),
         tag("{%p for b in d.butir %}"),
         P("{{ b.huruf }}.\t{{ b.isi }}", align="justify", left=0.8, hanging=0.8, tab=0.8, after=3, keep_next=keep),
         tag("{%p endfor %}"))


def sk_tim():
    doc = new_document("Keputusan Pembentukan Tim")
    nomor_halaman(doc)
    properti_baris(doc)
    kop(doc)
    title(doc, "KEPUTUSAN {{ instansi.nama_kapital }}", "NOMOR {{ nomor }} TAHUN {{ tahun }}", after=12)
    title(doc, "TENTANG", "{{ tentang }}", after=18)
    title(doc, "KETUA {{ instansi.nama_kapital }},", after=12)

    # Menimbang / Mengingat / Memperhatikan: label | : | the items, one paragraph each.
    t = table(doc, [3.4, 0.5, 12.1], borders=False)
    for label, items, var, number in (
        ("Menimbang", "menimbang", "m", "{{ loop.index|huruf }}."),
        ("Mengingat", "mengingat", "g", "{{ loop.index }}."),
        ("Memperhatikan", "memperhatikan", "h", "{% if memperhatikan|length > 1 %}{{ loop.index }}.{% endif %}"),
    ):
        if label != "Menimbang":  # a little air between the blocks
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

    t = table(doc, [3.4, 0.5, 12.1], borders=False)
    r = row(t)
    fill(r.cells[0], P("Menetapkan", after=12))
    fill(r.cells[1], P(":", after=12))
    fill(r.cells[2], P("KEPUTUSAN {{ instansi.nama_kapital }} TENTANG {{ tentang }}.",
                       after=12))  # capitals: justified would gape
    # The last diktum is kept with the signature block below it (never a signature alone).
    tr_tag(t, "{%tr for d in diktum %}")
    tr_tag(t, "{%tr if loop.last %}")
    _diktum_sel(row(t, cant_split=True), True)
    tr_tag(t, "{%tr else %}")
    _diktum_sel(row(t), False)
    tr_tag(t, "{%tr endif %}")
    tr_tag(t, "{%tr endfor %}")

    # SRIKANDI's ${jabatan_pengirim} where it signs; else the decree's "KETUA ...," line.
    ketua = ("{% if penandatangan.ttd %}{{ penandatangan.jabatan }}{% else %}KETUA {{ instansi.nama_kapital }}"
             "{% endif %},")
    t = table(doc, [8.0, 8.0], borders=False)
    r = row(t, cant_split=True)
    fill(r.cells[0], P("", after=0, keep_next=True))
    fill(r.cells[1],
         P("Ditetapkan di {{ instansi.kota }}", before=18, after=0, keep_next=True),
         P("pada tanggal {{ tanggal_ttd }}", after=12, keep_next=True),
         P(ketua, after=0, keep_next=True), *_ruang_ttd(True),
         # a decree's name line is bold, not underlined
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}",
                   "penandatangan.nip", align="left", underline=False))
    tembusan(doc)

    # Lampiran: members of the team, on its own page.
    lamp = dict(left=8.0, size=10, after=0)
    put(doc,
        P("LAMPIRAN", page_break=True, **lamp),
        P("KEPUTUSAN {{ instansi.nama_kapital }}", **lamp),
        P("NOMOR {{ nomor }} TAHUN {{ tahun }}", **lamp),
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
    fill(r.cells[1], P(ketua, before=24, after=0, keep_next=True), *_ruang_ttd(True),
         *name_nip("{{ penandatangan.nama }}", "{{ penandatangan.nip }}",
                   "penandatangan.nip", align="left", underline=False))
    end_mark(doc)
    return doc


def laporan_monev():
    """A row's laporan monev: its component's items from the tracker, topical facts (the
    conflict-of-interest statements and declarations; a team's SK and meetings)."""
    doc = new_document("Laporan Monitoring dan Evaluasi")
    kop(doc)
    title(doc, "LAPORAN MONITORING DAN EVALUASI", "{{ judul }}", "PERIODE {{ periode }}",
          after=0)
    put(doc, P("Nomor: {{ nomor }}", align="center", after=12))
    _monev_baris_pendahuluan(doc)
    _monev_baris_hasil(doc)
    _monev_baris_fakta(doc)
    _monev_baris_penutup(doc)
    end_mark(doc)
    return doc


def _monev_baris_pendahuluan(doc) -> None:
    section(doc, "A. Pendahuluan")
    put(doc, P("1.\tDasar", left=1.35, hanging=0.6, tab=1.35, after=3, keep_next=True),
        tag("{%p for d in dasar %}"),
        P("{{ loop.index }})\t{{ d }};", align="justify", left=1.95, hanging=0.6, tab=1.95, after=3),
        tag("{%p endfor %}"),
        P("{{ dasar|length + 1 }})\t{{ rencana_judul }}.", align="justify", left=1.95, hanging=0.6,
          tab=1.95, after=6),
        P("2.\tMaksud dan Tujuan", left=1.35, hanging=0.6, tab=1.35, after=3, keep_next=True),
        body("Laporan ini dimaksudkan untuk menyajikan hasil pemantauan dan evaluasi atas komponen "
             "{{ baris.komponen }} pada area {{ baris.area }} ({{ baris.area_judul }}) Rencana Aksi "
             "Pembangunan Zona Integritas {{ instansi.nama }} Tahun {{ tahun }}. Tujuannya adalah "
             "mengetahui sejauh mana indikator \u201c{{ baris.indikator }}\u201d telah tercapai, "
             "mengenali kendala pelaksanaannya, dan menetapkan tindak lanjut.", left=1.35))
    section(doc, "B. Pelaksanaan")
    put(doc, body(
        "Pemantauan dilaksanakan oleh {{ pelaksana }} terhadap {{ ringkasan.jumlah }} kegiatan komponen "
        "{{ baris.komponen }} yang jatuh tempo dalam kurun {{ mulai|tanggal }} sampai dengan "
        "{{ selesai|tanggal }} (serta kegiatan sebelumnya yang belum selesai), berdasarkan isian Tim "
        "pada berkas {{ sumber }} dan naskah serta bukti fisik yang tersimpan dalam arsip.",
        left=0.75))
    put(doc, tag('{%p if keadaan_realisasi != "terisi" %}'),
        body("Berkas {{ sumber }} belum tersedia atau tidak dapat dibaca pada saat laporan ini "
             "disusun, sehingga status setiap kegiatan tercatat \u201cbelum dilaporkan\u201d.",
             left=0.75, italic=True),
        tag("{%p endif %}"))


def _monev_baris_hasil(doc) -> None:
    section(doc, "C. Hasil Pemantauan")
    put(doc, tag("{%p if pemantauan %}"),
        body("Keadaan setiap kegiatan sampai dengan {{ selesai|tanggal }}:", left=0.75, keep_next=True))
    t = data_table(doc, ["No", "Langkah Aksi", "Jatuh Tempo", "Status", "Tanggal Selesai", "Bukti"],
                   [0.8, 5.5, 2.1, 2.0, 2.0, 2.85], indent=0.75, size=9)
    loop_rows(t, "r in pemantauan",
              ["{{ loop.index }}", "{{ r.id }} {{ r.langkah_aksi }}", "{{ r.tenggat|tanggal }}",
               "{{ r.status }}", "{{ r.tanggal_selesai }}", "{{ r.bukti }}"],
              ["center", None, "center", "center", "center", None])
    put(doc, body("Dari {{ ringkasan.jumlah }} kegiatan tersebut, {{ ringkasan.selesai }} selesai, "
                  "{{ ringkasan.proses }} dalam proses, {{ ringkasan.belum_dilaporkan }} belum dilaporkan, "
                  "dan {{ ringkasan.terlambat }} terlambat.", left=0.75, before=6),
        tag("{%p else %}"),
        body("Tidak ada kegiatan lain pada komponen ini yang jatuh tempo dalam kurun tersebut.",
             left=0.75),
        tag("{%p endif %}"))


def _monev_baris_fakta(doc) -> None:
    """The topical facts: conflict-of-interest statements and declarations; a team's SK and meetings."""
    put(doc, tag("{%p if benturan %}"),
        P("Surat pernyataan benturan kepentingan yang tersimpan di arsip sampai dengan "
          "{{ selesai|tanggal }}: {{ benturan.pernyataan|length }} dari {{ benturan.jumlah_pegawai }} "
          "pegawai ({{ benturan.bebas }} pernyataan bebas, {{ benturan.potensi }} pernyataan potensi "
          "benturan kepentingan).", align="justify", left=0.75, before=6),
        tag("{%p if benturan.dinyatakan %}"),
        body("Benturan kepentingan yang dinyatakan pegawai dan penanganannya:", left=0.75,
             keep_next=True))
    t = data_table(doc, ["No", "Pegawai", "Benturan Kepentingan", "Penanganan"],
                   [0.8, 4.0, 5.45, 5.0], indent=0.75, size=9)
    loop_rows(t, "d in benturan.dinyatakan",
              ["{{ loop.index }}", "{{ d.nama }}, {{ d.jabatan }}", "{{ d.uraian }}",
               "{% if d.penanganan %}{{ d.penanganan }}{% else %}[uraikan penanganannya]{% endif %}"],
              ["center", None, None, None])
    put(doc, tag("{%p else %}"),
        body("Tidak ada pegawai yang menyatakan potensi benturan kepentingan.", left=0.75),
        tag("{%p endif %}"),
        tag("{%p endif %}"))

    put(doc, tag("{%p if tim %}"),
        P("{{ tim.nama }}: {% if tim.sk %}ditetapkan dengan {% for s in tim.sk %}{{ s.berkas }} "
          "({{ s.tanggal|tanggal }}){% if not loop.last %}, {% endif %}{% endfor %}{% else %}SK "
          "pembentukannya belum ada di arsip{% endif %}; rapat dalam kurun ini: "
          "{{ tim.rapat|length }}.", align="justify", left=0.75, before=6),
        tag("{%p for r in tim.rapat %}"),
        P("\u2022\t{{ r.tanggal|hari_tanggal }}: {{ r.berkas }} (baris {{ r.baris }}; notulen: {{ r.notulen }})",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=0),
        tag("{%p endfor %}"),
        tag("{%p endif %}"))


def _monev_baris_penutup(doc) -> None:
    section(doc, "D. Kendala")
    put(doc, tag("{%p for r in kendala %}"),
        P("\u2022\t{{ r.komponen }} ({{ r.id }}) belum selesai sejak jatuh temponya {{ r.tenggat|tanggal }} "
          "({{ r.terlambat }} hari). [uraikan penyebabnya]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        tag("{%p for r in telat %}"),
        P("\u2022\t{{ r.komponen }} ({{ r.id }}) selesai {{ r.terlambat }} hari sesudah jatuh temponya "
          "{{ r.tenggat|tanggal }}. [uraikan penyebabnya]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        tag("{%p if not kendala and not telat %}"),
        body("Tidak ada keterlambatan yang tercatat. [tambahkan kendala lain bila ada]", left=0.75),
        tag("{%p endif %}"),
        P("{{ isian }}", left=0.75, italic=True, grey=True))
    section(doc, "E. Tindak Lanjut dan Rekomendasi")
    put(doc, tag("{%p for r in kendala %}"),
        P("\u2022\tMenyelesaikan {{ r.id }} ({{ r.langkah_aksi }}) dan menyimpan bukti fisiknya di arsip. "
          "[tetapkan penanggung jawab dan batas waktunya]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        tag("{%p if benturan %}"),
        tag("{%p for d in benturan.dinyatakan %}"),
        P("\u2022\tMemantau penanganan benturan kepentingan {{ d.nama }} sampai tuntas. "
          "[sebutkan langkahnya]", align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag("{%p if not kendala and not (benturan and benturan.dinyatakan) %}"),
        body("Mempertahankan ketepatan waktu pelaksanaan komponen ini pada periode berikutnya. "
             "[tambahkan rekomendasi lain bila ada]", left=0.75),
        tag("{%p endif %}"),
        P("{{ isian }}", left=0.75, italic=True, grey=True))
    section(doc, "F. Penutup")
    put(doc, body("Demikian laporan ini disusun sebagai bahan evaluasi pembangunan Zona "
                  "Integritas {{ instansi.singkatan }}.", left=0.75, keep_next=True))
    signature(doc, [place_date(), P("{{ penandatangan.jabatan }},", align="center", after=0)],
              before=18)


def _pernyataan(subtitle: str, statement: list):
    """The frame of both conflict-of-interest statements; `statement`: paragraphs or
    callables that add blocks to the document."""
    doc = new_document(f"Surat Pernyataan {subtitle.title()}")
    nomor_halaman(doc)
    properti_baris(doc)
    title(doc, "SURAT PERNYATAAN", subtitle, underline_first=True, after=24)
    put(doc, P("Yang bertanda tangan di bawah ini:", after=6))
    t = table(doc, [4.1, 0.4, 10.75], borders=False, indent=0.75)
    for label, value, cond in (("Nama", "{{ pegawai.nama }}", None),
                               ("NIP", "{{ pegawai.nip }}", "not komisioner"),
                               ("Pangkat/Golongan", "{{ pegawai.pangkat }} ({{ pegawai.golongan }})", "not komisioner"),
                               ("Jabatan", "{{ pegawai.jabatan }}", None),
                               ("Unit Kerja", "{{ pegawai.unit }}", None)):
        if cond:
            tr_tag(t, f"{{%tr if {cond} %}}")
        r = row(t)
        fill(r.cells[0], P(label, after=4))
        fill(r.cells[1], P(":", after=4))
        fill(r.cells[2], P(value, after=4))
        if cond:
            tr_tag(t, "{%tr endif %}")
    put(doc, P("", after=0, mark_size=6))
    for spec in statement:
        if isinstance(spec, P):
            put(doc, spec)
        else:
            spec(doc)
    put(doc, body("{{ kalimat.penutup }}", keep_next=True))

    # Mengetahui (left) and the declarant (right), rows aligned: titles / space / names.
    t = table(doc, [8.0, 8.0], borders=False)
    r1 = row(t, cant_split=True)
    fill(r1.cells[0], P("", before=18, after=0, keep_next=True),
         tag("{%p if ada_atasan %}"), P("Mengetahui,", align="center", after=0, keep_next=True),
         P("{{ atasan.jabatan }},", align="center", after=0, keep_next=True), tag("{%p endif %}"))
    fill(r1.cells[1], place_date(keep_next=True), P("Yang membuat pernyataan,", align="center", after=0,
                                                    keep_next=True))
    r1.cells[1].paragraphs[0].paragraph_format.space_before = Pt(18)
    r2 = row(t, height=2.4, cant_split=True)
    fill(r2.cells[0], P("", after=0), valign="center")
    fill(r2.cells[1], P("Meterai Rp10.000", align="center", size=8, grey=True, after=0),
         valign="center")
    r3 = row(t, cant_split=True)
    fill(r3.cells[0], tag("{%p if ada_atasan %}"), *name_nip("{{ atasan.nama }}", "{{ atasan.nip }}", "atasan.nip"),
         tag("{%p endif %}"))
    fill(r3.cells[1], *name_nip("{{ pegawai.nama }}", "{{ pegawai.nip }}", "not komisioner"))
    end_mark(doc)
    return doc


def surat_pernyataan_bk_bebas():
    return _pernyataan("BEBAS BENTURAN KEPENTINGAN", [
        tag("{%p for k in kalimat.bebas %}"),
        body("{{ k }}"),
        tag("{%p endfor %}"),
    ])


def _uraian_box(doc) -> None:
    t = table(doc, [15.25], borders=True, indent=0.75, pad=0.2)
    r = row(t)
    fill(r.cells[0], P("{{ uraian_benturan }}", align="justify", before=4, after=4))
    put(doc, P("", after=0, mark_size=6))


def surat_pernyataan_bk_potensi():
    return _pernyataan("POTENSI BENTURAN KEPENTINGAN", [
        body("{{ kalimat.potensi_pembuka }}", keep_next=True),
        _uraian_box,
        body("{{ kalimat.potensi_penutup }}"),
    ])


def _butir(items: str, var: str, after: float = 3) -> list[P]:
    """A bullet list, one paragraph per item of `items` (indented under a section)."""
    return [tag(f"{{%p for {var} in {items} %}}"),
            P(f"•\t{{{{ {var} }}}}", align="justify", left=1.35, hanging=0.6, tab=1.35, after=after),
            tag("{%p endfor %}")]


def _kotak_peringatan(doc, cond: str, specs: list) -> None:
    """A bordered one-cell box shown only when `cond` holds (a warning the reader must see)."""
    put(doc, tag(f"{{%p if {cond} %}}"))
    t = table(doc, [15.25], borders=True, indent=0.75)
    fill(row(t, cant_split=True).cells[0], *specs)
    put(doc, tag("{%p endif %}"))


_DAFTAR = "{% if not loop.last %}; {% endif %}{% endfor %}"
_KOMA = "{% if not loop.last %}, {% endif %}{% endfor %}"


def laporan_monev_periode():
    """The period report (quarter, semester, year) built from the realisasi tracker.

    `{{ grafik }}` / `{{ grafik_bulanan }}` stand alone in their paragraphs: zi replaces
    each with its chart. Every sentence is here; zi gives facts (counts, ids, dates).
    """
    doc = new_document("Laporan Monitoring dan Evaluasi Rencana Aksi Zona Integritas")
    kop(doc)
    title(doc, "LAPORAN MONITORING DAN EVALUASI", "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
          "PERIODE {{ periode }}", after=0)
    put(doc, P("Nomor: {{ nomor }}", align="center", after=12))
    _kotak_peringatan(doc, 'keadaan_realisasi != "terisi"', [
        P("PERHATIAN", bold=True, size=11, before=3, after=3),
        tag('{%p if keadaan_realisasi == "tidak_ada" %}'),
        P("Berkas realisasi belum tersedia pada saat laporan ini disusun, sehingga seluruh kegiatan "
          "yang jatuh tempo dicatat belum terlaksana. Angka dalam laporan ini belum menggambarkan "
          "pelaksanaan yang sebenarnya.", size=11, align="justify", after=3),
        tag('{%p elif keadaan_realisasi == "tak_terbaca" %}'),
        P("Berkas {{ sumber }} tidak dapat dibaca (lihat Lampiran), sehingga seluruh kegiatan yang "
          "jatuh tempo dicatat belum terlaksana.", size=11, align="justify", after=3),
        tag("{%p else %}"),
        P("Berkas {{ sumber }} belum diisi oleh Tim: tidak satu pun kegiatan berstatus proses atau "
          "selesai. Angka dalam laporan ini belum menggambarkan pelaksanaan yang sebenarnya; "
          "lengkapi isian status dan tanggal selesai, lalu buat ulang laporan.", size=11,
          align="justify", after=3),
        tag("{%p endif %}"),
    ])
    _periode_pendahuluan(doc)
    _periode_capaian(doc)
    _periode_terlambat(doc)
    _periode_lke(doc)
    _periode_kendala(doc)
    _periode_penutup(doc)
    end_mark(doc)
    return doc


def _periode_pendahuluan(doc) -> None:
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
        "jatuh tempo pada periode ini, berdasarkan isian Tim pada berkas {{ sumber }} (status, "
        "tanggal selesai dan bukti setiap kegiatan) serta naskah dan bukti fisik yang tersimpan "
        "dalam arsip. Keadaan dihitung sampai dengan {{ batas|tanggal }}. Jatuh tempo suatu "
        "kegiatan adalah hari kerja terakhir dari rentang target waktunya; kegiatan dinilai "
        "terlambat apabila selesai sesudah jatuh temponya atau belum selesai sampai dengan tanggal "
        "tersebut, dan lama keterlambatan dihitung dalam hari kalender.", left=0.75))


def _periode_capaian(doc) -> None:
    """Per area, the total, the charts (and, for the year, month by month)."""
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
        P("Gambar 1. Persentase kegiatan yang selesai per area (selesai dari target)", align="center",
          size=10, italic=True, after=12))

    put(doc, tag("{%p if tahunan %}"),
        body("Kemajuan pelaksanaan per bulan (kegiatan yang jatuh tempo pada bulan itu, yang sudah "
             "selesai, dan capaian kumulatif sejak awal tahun):", left=0.75, keep_next=True))
    t = data_table(doc, ["Bulan", "Jatuh Tempo", "Selesai", "Kumulatif Jatuh Tempo",
                         "Kumulatif Selesai", "Capaian Kumulatif"],
                   [2.6, 2.3, 2.0, 2.9, 2.8, 2.65], indent=0.75, size=9)
    loop_rows(t, "b in bulanan",
              ["{{ b.bulan }}", "{{ b.jatuh_tempo }}", "{{ b.selesai }}", "{{ b.kumulatif_jatuh_tempo }}",
               "{{ b.kumulatif_selesai }}", "{{ b.persen }}"],
              ["center", "center", "center", "center", "center", "center"])
    put(doc, P("{{ grafik_bulanan }}", align="center", before=6, after=0, keep_next=True),
        P("Gambar 2. Kemajuan pelaksanaan per bulan", align="center", size=10, italic=True, after=12),
        tag("{%p endif %}"))


def _periode_terlambat(doc) -> None:
    """The period's late items, the arrears, the items done without evidence."""
    put(doc, tag("{%p if terlambat %}"),
        body("Kegiatan periode ini yang terlambat atau belum terlaksana ({{ terlambat|length }} "
             "kegiatan):", left=0.75, keep_next=True))
    t = data_table(doc, ["No", "Baris", "Langkah Aksi", "Jatuh Tempo", "Status", "Selesai",
                         "Terlambat (hari)"], [0.8, 1.5, 5.05, 2.1, 1.5, 2.1, 2.2], indent=0.75,
                   size=9)
    loop_rows(t, "k in terlambat",
              ["{{ loop.index }}", "{{ k.id }}", "{{ k.langkah_aksi }}", "{{ k.jatuh_tempo }}",
               "{{ k.status }}", "{{ k.selesai }}", "{{ k.hari }}"],
              ["center", None, None, "center", "center", "center", "center"])
    put(doc, tag("{%p else %}"),
        body("Tidak ada kegiatan periode ini yang terlambat.", left=0.75),
        tag("{%p endif %}"))
    put(doc, tag("{%p if tunggakan %}"),
        body("Tunggakan dari bulan-bulan sebelumnya yang belum selesai sampai dengan "
             "{{ batas|tanggal }} ({{ tunggakan|length }} kegiatan, tidak termasuk dalam angka "
             "periode ini):", left=0.75, before=6, keep_next=True))
    t = data_table(doc, ["No", "Baris", "Langkah Aksi", "Jatuh Tempo", "Status",
                         "Terlambat (hari)"], [0.8, 1.5, 6.55, 2.1, 1.9, 2.4], indent=0.75, size=9)
    loop_rows(t, "k in tunggakan",
              ["{{ loop.index }}", "{{ k.id }}", "{{ k.langkah_aksi }}", "{{ k.jatuh_tempo }}",
               "{{ k.status }}", "{{ k.hari }}"],
              ["center", None, None, "center", "center", "center"])
    put(doc, tag("{%p endif %}"))
    put(doc, tag("{%p if tanpa_bukti %}"),
        body("Kegiatan berstatus selesai yang belum memiliki bukti fisik di arsip maupun di kolom "
             "Bukti Lain:", left=0.75, before=6, keep_next=True),
        *_butir("tanpa_bukti", "b", after=0),
        tag("{%p endif %}"))


def _periode_lke(doc) -> None:
    """The LKE table (same figures as `zi lke`) and the plan's data problems."""
    put(doc, body("Capaian menurut komponen pengungkit Lembar Kerja Evaluasi (LKE) Zona Integritas "
                  "(kegiatan yang jatuh tempo pada periode ini):", left=0.75, before=12, keep_next=True))
    t = data_table(doc, ["No", "Area Pengungkit", "Bobot", "Jatuh Tempo", "Selesai", "Dengan Bukti",
                         "Capaian", "Nilai"], [0.8, 5.0, 1.3, 1.7, 1.5, 1.7, 1.75, 1.5], indent=0.75, size=9)
    loop_rows(t, "l in lke.baris",
              ["{{ loop.index }}", "{{ l.area }}. {{ l.nama }}", "{{ l.bobot }}", "{{ l.jatuh_tempo }}",
               "{{ l.selesai }}", "{{ l.dengan_bukti }}", "{{ l.persen }}", "{{ l.nilai }}"],
              ["center", None, "center", "center", "center", "center", "center", "center"])
    r = row(t, cant_split=True)
    fill(span(r, 0, 1), P("Jumlah", align="center", bold=True, size=9, before=2, after=2))
    for i, value in enumerate(("{{ lke.jumlah.bobot }}", "{{ lke.jumlah.jatuh_tempo }}",
                               "{{ lke.jumlah.selesai }}", "{{ lke.jumlah.dengan_bukti }}", "",
                               "{{ lke.jumlah.nilai }}"), 2):
        fill(r.cells[i], P(value, align="center", bold=True, size=9, before=2, after=2))
    put(doc, P("Capaian = kegiatan selesai yang buktinya tersimpan di arsip dibagi kegiatan yang jatuh "
               "tempo; Nilai = Bobot × Capaian. Bobot menurut {{ lke.sumber }}.", left=0.75, size=9,
               italic=True, before=3, align="justify"))

    put(doc, tag("{%p if data_rencana %}"),
        body("Catatan data rencana: kejadian berikut berjatuh tempo di luar tahun rencana {{ tahun }}, "
             "sehingga tidak dihitung sebagai capaian maupun keterlambatan. Periksa target waktunya "
             "pada rencana aksi:", left=0.75, before=6, keep_next=True),
        tag("{%p for d in data_rencana %}"),
        P("•\t{{ d.id }}: target waktu \u201c{{ d.target_waktu }}\u201d, jatuh tempo {{ d.tenggat|tanggal }}.",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=0),
        tag("{%p endfor %}"),
        tag("{%p endif %}"))


def _periode_kendala(doc) -> None:
    """Kendala and Rekomendasi: one sentence per area with late items, for the team to finish."""
    section(doc, "D. Kendala")
    put(doc, tag("{%p for a in kendala %}"),
        P("•\tArea {{ a.kode }} ({{ a.judul }}): "
          "{% if a.belum %}{{ a.belum|length }} kegiatan belum selesai melewati jatuh temponya, yaitu "
          "{% for k in a.belum %}{{ k.komponen }} ({{ k.id }}) sejak {{ k.tenggat|tanggal }}, "
          "terlambat {{ k.hari }} hari" + _DAFTAR + ".{% endif %}"
          "{% if a.telat %} {{ a.telat|length }} kegiatan selesai terlambat, yaitu "
          "{% for k in a.telat %}{{ k.komponen }} ({{ k.id }}), {{ k.hari }} hari sesudah jatuh tempo "
          "{{ k.tenggat|tanggal }}" + _DAFTAR + ".{% endif %}"
          "{% if a.tunggakan %} Tunggakan bulan sebelumnya: {% for k in a.tunggakan %}{{ k.komponen }} "
          "({{ k.id }}) sejak {{ k.tenggat|tanggal }}" + _DAFTAR + ".{% endif %}"
          " [uraikan penyebab keterlambatannya]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p else %}"),
        P("•\tTidak ada keterlambatan yang tercatat pada periode ini. [tambahkan kendala lain bila ada]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        P("{{ isian }}", left=0.75, italic=True, grey=True))
    section(doc, "E. Rekomendasi dan Tindak Lanjut")
    put(doc, tag("{%p for a in kendala %}"),
        P("•\tArea {{ a.kode }}: "
          "{% if a.belum or a.tunggakan %}menyelesaikan {{ (a.belum|length) + (a.tunggakan|length) }} "
          "kegiatan yang tertunda ({% for k in a.belum %}{{ k.id }}" + _KOMA +
          "{% if a.belum and a.tunggakan %}, {% endif %}{% for k in a.tunggakan %}{{ k.id }}" + _KOMA +
          ") dan menyimpan bukti fisiknya di arsip{% endif %}"
          "{% if (a.belum or a.tunggakan) and a.telat %}; {% endif %}"
          "{% if a.telat %}memulai lebih awal kegiatan yang selesai terlambat ({% for k in a.telat %}"
          "{{ k.id }}" + _KOMA + ") pada jadwal berikutnya{% endif %}. "
          "[tetapkan penanggung jawab dan batas waktunya]",
          align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endfor %}"),
        tag("{%p if tanpa_bukti %}"),
        P("•\tMelengkapi bukti fisik {{ tanpa_bukti|length }} kegiatan yang sudah selesai tetapi belum ada "
          "buktinya di arsip (lihat bagian C).", align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endif %}"),
        tag("{%p if not kendala and not tanpa_bukti %}"),
        P("•\tMempertahankan ketepatan waktu pelaksanaan rencana aksi pada periode berikutnya. "
          "[tambahkan rekomendasi lain bila ada]", align="justify", left=1.35, hanging=0.6, tab=1.35, after=3),
        tag("{%p endif %}"),
        P("{{ isian }}", left=0.75, italic=True, grey=True))


def _periode_penutup(doc) -> None:
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


TEMPLATES = {
    "sk_tim.docx": sk_tim,
    "undangan_rapat.docx": undangan_rapat,
    "daftar_hadir.docx": daftar_hadir,
    "daftar_hadir_apel.docx": daftar_hadir_apel,
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
