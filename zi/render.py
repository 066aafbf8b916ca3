"""Template → .docx bytes (and optionally PDF through LibreOffice).

Rendering is docxtpl with autoescape on (so "&" or "<" in a name cannot corrupt the file),
in a sandboxed StrictUndefined Jinja environment (a missing variable is an error, and a
template cannot reach Python internals), with a fresh template object per document. The
output is byte-identical for identical inputs: zip timestamps and core-property dates are
fixed, so the archive can tell "unchanged" from "changed" by hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from zi.bahasa import FILTERS
from zi.galat import ZiError

FOLDER_TEMPLAT = Path(__file__).resolve().parent.parent / "templates_docx"
WAKTU_ZIP = (2026, 1, 1, 0, 0, 0)  # fixed zip entry time: reproducible bytes
UKURAN_KERTAS_CM = {"A4": (21.0, 29.7), "F4": (21.5, 33.0)}
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


BATAS_PANJANG = 1_000_000  # longest string/list a template may build with "*"
BATAS_PANGKAT = 1_000  # largest exponent a template may use with "**"
BATAS_ZIP_BAGIAN = 50 * 2**20  # a template part larger than this when inflated is refused
BATAS_ZIP_TOTAL = 100 * 2**20


@lru_cache(maxsize=1)
def _kelas_lingkungan() -> type:
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class Lingkungan(SandboxedEnvironment):
        """Sandbox that also refuses "*" and "**" results big enough to exhaust memory."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, (int, float)) and abs(right) > BATAS_PANGKAT:
                raise SecurityError(f"pangkat {right} terlalu besar")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > BATAS_PANJANG:
                        raise SecurityError("hasil perkalian teks/daftar terlalu panjang")
            return super().call_binop(context, operator, left, right)

    return Lingkungan


def lingkungan() -> Any:
    """The Jinja environment every template renders in: sandboxed (no Python internals, no
    huge allocations), strict (a missing variable is an error), our filters, no loader
    (so no include/import of other files)."""
    from jinja2 import StrictUndefined

    env = _kelas_lingkungan()(undefined=StrictUndefined, autoescape=True)
    env.filters.update(FILTERS)
    return env


def _tolak_muat_berkas(ast: Any, jalur: Path) -> None:
    """include/import/extends would read other files: templates are self-contained."""
    from jinja2 import nodes

    for jenis, kata in ((nodes.Include, "include"), (nodes.Import, "import"), (nodes.FromImport, "from … import"),
                        (nodes.Extends, "extends")):
        if next(ast.find_all(jenis), None) is not None:
            raise ZiError(f"templat memakai {{% {kata} %}}, yang tidak diizinkan (templat harus berdiri sendiri)", jalur)


def jalur_templat(nama: str, folder: Path | None = None) -> Path:
    jalur = (folder or FOLDER_TEMPLAT) / nama
    if not jalur.is_file():
        raise ZiError("templat tidak ditemukan", jalur)
    return jalur


def bersihkan(nilai: Any) -> Any:
    """Drop characters XML 1.0 cannot hold (control characters) from every string."""
    if isinstance(nilai, str):
        return _BUKAN_XML.sub("", nilai)
    if isinstance(nilai, Mapping):
        return {k: bersihkan(v) for k, v in nilai.items()}
    if isinstance(nilai, (list, tuple)):
        return [bersihkan(v) for v in nilai]
    return nilai


def _buka(jalur: Path) -> Any:
    from docxtpl import DocxTemplate

    if not zipfile.is_zipfile(jalur):
        raise ZiError("bukan berkas .docx (Word)", jalur)
    try:
        with zipfile.ZipFile(jalur) as z:  # declared sizes are enforced by zipfile on read
            ukuran = [i.file_size for i in z.infolist()]
    except zipfile.BadZipFile as e:
        raise ZiError(f"berkas .docx rusak: {e}", jalur) from None
    if any(u > BATAS_ZIP_BAGIAN for u in ukuran) or sum(ukuran) > BATAS_ZIP_TOTAL:
        raise ZiError(f"berkas .docx terlalu besar setelah diekstrak ({sum(ukuran) // 2**20} MB); "
                      "templat naskah biasanya di bawah 1 MB", jalur)
    try:
        tpl = DocxTemplate(jalur)
        tpl.init_docx()
    except _galat_paket() as e:  # what python-docx raises for a broken package
        raise ZiError(f"berkas .docx rusak: {e}", jalur) from None
    return tpl


def xml_templat(jalur: Path) -> tuple[str, str]:
    """The template's body, headers and footers: raw, and as docxtpl sees them after its
    tag clean-up (which rejoins tags Word split across runs)."""
    tpl = _buka(jalur)
    mentah = [tpl.get_xml()]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, xml in tpl.get_headers_footers(uri):
            mentah.append(tpl.get_part_xml(xml))
    return "\n".join(mentah), "\n".join(tpl.patch_xml(x) for x in mentah)


def _tanpa_markup(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


_TAG = re.compile(r"\{[{%].*?[}%]\}", re.S)


def periksa_tag_terpotong(jalur: Path, mentah: str, bersih: str) -> None:
    """A tag Word split beyond what docxtpl can rejoin is an error naming it.

    docxtpl rejoins a tag split across runs of one paragraph; a tag broken across
    paragraphs or table cells (Enter pressed inside it) would silently merge them, and
    markup left inside a tag makes rendering fail.
    """
    for tag in _TAG.findall(mentah):
        if "</w:p>" in tag or "</w:tc>" in tag:
            raise ZiError(f"tag \"{_tanpa_markup(tag)}\" terpotong antarparagraf oleh Word; "
                          "ketik ulang tag itu dalam satu baris", jalur)
    for tag in _TAG.findall(bersih):
        if "<" in tag:
            raise ZiError(f"tag \"{_tanpa_markup(tag)}\" terpotong oleh format Word; ketik ulang tag itu sekaligus", jalur)


@lru_cache(maxsize=64)
def _variabel(jalur: Path, mtime_ns: int) -> frozenset[str]:
    from jinja2 import TemplateSyntaxError, meta

    mentah, xml = xml_templat(jalur)
    periksa_tag_terpotong(jalur, mentah, xml)
    try:
        ast = lingkungan().parse(xml)
        _tolak_muat_berkas(ast, jalur)
        return frozenset(meta.find_undeclared_variables(ast))  # may raise for an unknown filter
    except TemplateSyntaxError as e:
        raise ZiError(f"sintaks Jinja salah: {e.message}", jalur, _sekitar(xml, e.lineno)) from None


def variabel_templat(jalur: Path) -> frozenset[str]:
    """Top-level names a template uses (cached per file version)."""
    return _variabel(jalur, jalur.stat().st_mtime_ns)


def _sekitar(xml: str, baris: int | None) -> str | None:
    if not baris:
        return None
    potong = xml.splitlines()[max(baris - 2, 0): baris + 1]
    teks = " ".join(_tanpa_markup(p).strip() for p in potong).strip()
    return f"dekat teks \"{teks[:80]}\"" if teks else None


@lru_cache(maxsize=1)
def _galat_paket() -> tuple[type[BaseException], ...]:
    """What reading a broken .docx raises: a missing part, bad XML, a bad zip."""
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    return (PackageNotFoundError, XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError)


@lru_cache(maxsize=1)
def _galat_isian() -> tuple[type[BaseException], ...]:
    """What filling a template can raise because of the template: Jinja's errors (syntax,
    a missing variable, the sandbox), and a filter or operator applied to the wrong kind
    of value. Anything else is a bug in zi and is not dressed up as bad input."""
    from jinja2 import TemplateError

    return (TemplateError, ZiError, TypeError, ValueError, ArithmeticError, LookupError)


def _galat_jinja(jalur: Path, e: Exception) -> ZiError:
    """A Jinja failure while filling a template, as a message naming the template."""
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(e, UndefinedError):
        return ZiError(f"variabel tidak tersedia: {e.message}", jalur)
    if isinstance(e, SecurityError):
        return ZiError(f"templat mencoba akses yang tidak diizinkan: {e}", jalur)
    if isinstance(e, TemplateError):
        konteks_docx = " ".join(getattr(e, "docx_context", []) or []).strip()
        lokasi = f"dekat teks \"{konteks_docx[:80]}\"" if konteks_docx else None
        return ZiError(f"templat tidak bisa diisi: {e.message or e}", jalur, lokasi)
    if isinstance(e, ZiError):
        return e
    # A filter applied to the wrong kind of value, the sandbox's range limit, …
    return ZiError(f"templat tidak bisa diisi: {type(e).__name__}: {e}", jalur)


def _waktu(tanggal: dt.date | None) -> dt.datetime:
    return dt.datetime.combine(tanggal or dt.date(2026, 1, 1), dt.time())


def render_docxtpl(jalur: Path, konteks: Mapping[str, Any], *, kertas: str = "A4",
                   tanggal: dt.date | None = None) -> bytes:
    """The reference path: plain docxtpl with a fresh template object per document.

    `render` must produce the same document content; it falls back to this for templates
    using what the compiled path does not handle (tags in headers/footers or properties).
    """

    tpl = _buka(jalur)
    try:
        tpl.render(bersihkan(dict(konteks)), jinja_env=lingkungan(), autoescape=True)
    except _galat_isian() as e:  # what a template (the administrator's file) can make fail
        raise _galat_jinja(jalur, e) from None
    doc = tpl.docx
    _atur_kertas(doc.element.body, kertas)
    waktu = _waktu(tanggal)
    props = doc.core_properties
    props.created = props.modified = waktu
    props.last_printed = waktu
    props.revision = 1
    props.last_modified_by = "zi"
    keluaran = io.BytesIO()
    tpl.save(keluaran)
    return zip_tetap(keluaran.getvalue())


def _atur_kertas(badan: Any, kertas: str) -> None:
    """Set every section's page size (w:pgSz, in twips) to A4 or F4 where it differs."""
    from docx.shared import Cm

    lebar, tinggi = (str(Cm(x).twips) for x in UKURAN_KERTAS_CM[kertas])
    for ukuran in badan.iter(f"{_W}pgSz"):
        if abs(int(ukuran.get(f"{_W}w", lebar)) - int(lebar)) > 28 or abs(int(ukuran.get(f"{_W}h", tinggi)) - int(tinggi)) > 28:
            ukuran.set(f"{_W}w", lebar)
            ukuran.set(f"{_W}h", tinggi)


# --------------------------------------------------------------------------- compiled path

_SENTINEL = dt.datetime(1999, 9, 9, 9, 9, 9)
_SENTINEL_TEKS = "1999-09-09T09:09:09Z"


@dataclass(frozen=True)
class _Entri:
    """One zip entry, compressed once: name, CRC-32, uncompressed size, deflated bytes."""

    nama: str
    crc: int
    ukuran: int
    data: bytes


@dataclass(frozen=True)
class _Kompilasi:
    """A template prepared once: docxtpl's tag clean-up and Jinja compilation of the body,
    the document shell, core properties with a date placeholder, and every other part of
    the python-docx-normalised package already deflated for reuse."""

    badan: Any  # jinja2.Template of the body XML
    kerangka: bytes  # word/document.xml as python-docx writes it, body to be replaced
    inti: str  # docProps/core.xml with _SENTINEL_TEKS where the dates go
    entri: tuple[_Entri, ...]  # every other part, in package order
    urutan: tuple[str, ...]  # all part names in package order
    properti: tuple[tuple[str, Any], ...] = ()  # (placeholder in `inti`, Jinja template) of tagged core props


class _TidakDidukung(Exception):
    """The template uses something only the docxtpl path renders."""


def _kempis(data: bytes) -> _Entri:
    kompresor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return _Entri("", zlib.crc32(data), len(data), kompresor.compress(data) + kompresor.flush())


@lru_cache(maxsize=32)
def _kompilasi(hash_templat: str, jalur: Path) -> _Kompilasi:
    from jinja2 import TemplateError

    tpl = _buka(jalur)
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, bagian in tpl.get_headers_footers(uri):
            if _TAG.search(tpl.get_part_xml(bagian)):
                raise _TidakDidukung("tag di header/footer")
    props = tpl.docx.core_properties
    teks_props = ("author", "comments", "identifier", "language", "subject", "title")
    env = lingkungan()
    properti = []
    for p in teks_props:  # as docxtpl's render_properties does (it writes empty ones too)
        if _TAG.search(getattr(props, p) or ""):  # (H5) e.g. the rows a document serves, per document
            properti.append((f"ZIPROPERTI{p.upper()}ZI", env.from_string(getattr(props, p))))
            setattr(props, p, properti[-1][0])
        else:
            setattr(props, p, env.from_string(getattr(props, p)).render({}))
    sumber = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    # docxtpl's escape markers ({_{ … }_}) for literal braces in a template: resolved here
    # in the source, as Jinja string literals, so data containing them prints unchanged.
    for tanda, teks in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        sumber = sumber.replace(tanda, "{{ '" + teks + "' }}")
    try:
        ast = env.parse(sumber)
        _tolak_muat_berkas(ast, jalur)
        badan = env.from_string(ast)  # compiled from the tree already parsed
    except TemplateError as e:
        raise _galat_jinja(jalur, e) from None
    props.created = props.modified = props.last_printed = _SENTINEL
    props.revision = 1
    props.last_modified_by = "zi"
    paket = io.BytesIO()
    tpl.docx.save(paket)  # python-docx serialisation, as docxtpl.save does after render
    entri, urutan = [], []
    kerangka = inti = None
    with zipfile.ZipFile(paket) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            urutan.append(info.filename)
            if info.filename == "word/document.xml":
                kerangka = data
            elif info.filename == "docProps/core.xml":
                inti = data.decode("utf-8")
            else:
                e = _kempis(data)
                entri.append(_Entri(info.filename, e.crc, e.ukuran, e.data))
    if kerangka is None or inti is None or _SENTINEL_TEKS not in inti:
        raise _TidakDidukung("paket tanpa document.xml atau core.xml")
    return _Kompilasi(badan, kerangka, inti, tuple(entri), tuple(urutan), tuple(properti))


def render(jalur: Path, konteks: Mapping[str, Any], *, kertas: str = "A4", tanggal: dt.date | None = None) -> bytes:
    """Render one document and return its .docx bytes (reproducible for equal inputs).

    Per template (cached by its hash) docxtpl's clean-up and Jinja compilation happen once;
    per document only the body is rendered and re-serialised, and the zip is assembled from
    the other parts' already-deflated bytes. The content equals `render_docxtpl`'s.
    """
    from docxtpl import DocxTemplate
    from lxml import etree

    isi_templat = _baca_templat(jalur)
    try:
        k = _kompilasi(hashlib.sha256(isi_templat).hexdigest(), jalur)
    except _TidakDidukung:
        return render_docxtpl(jalur, konteks, kertas=kertas, tanggal=tanggal)
    try:
        xml = k.badan.render(bersihkan(dict(konteks)))
    except _galat_isian() as e:  # what a template (the administrator's file) can make fail
        raise _galat_jinja(jalur, e) from None
    # The same post-processing as docxtpl's render_xml_part / render (escape markers were
    # resolved in the source at compile time).
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    if re.search("[\t\n\a\f]", xml):
        xml = DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
    badan = DocxTemplate.fix_tables(None, xml)  # type: ignore[arg-type]
    for nomor, elemen in enumerate(badan.xpath("//wp:docPr", namespaces=_NS_WP), start=1001):
        elemen.attrib["id"] = str(nomor)
    _atur_kertas(badan, kertas)
    akar = etree.fromstring(k.kerangka)
    akar.replace(akar.find(f"{_W}body"), badan)
    dokumen = etree.tostring(akar, encoding="UTF-8", standalone=True)
    inti = k.inti.replace(_SENTINEL_TEKS, _waktu(tanggal).strftime("%Y-%m-%dT%H:%M:%SZ"))
    for tanda, templat in k.properti:  # rendered as docxtpl does, then escaped as lxml writes text
        from xml.sax.saxutils import escape

        inti = inti.replace(tanda, escape(templat.render(bersihkan(dict(konteks)))))
    inti = inti.encode("utf-8")
    baru = {"word/document.xml": dokumen, "docProps/core.xml": inti}
    lama = {e.nama: e for e in k.entri}
    entri = []
    for nama in k.urutan:
        if nama in baru:
            e = _kempis(baru[nama])
            entri.append(_Entri(nama, e.crc, e.ukuran, e.data))
        else:
            entri.append(lama[nama])
    return _zip(entri)


AMBANG_PARALEL = 32  # fewer documents than this: a process pool costs more than it saves


def _render_tugas(tugas: tuple[Path, Mapping[str, Any], str, dt.date]) -> bytes:
    from zi.render_logo import pasang_logo

    jalur, konteks, kertas, tanggal = tugas
    return pasang_logo(render(jalur, konteks, kertas=kertas, tanggal=tanggal), konteks)


def _mati_bersama_induk() -> None:
    """Pool worker set-up: die with the parent. A run killed with SIGKILL cannot stop its
    workers, and an orphaned worker would otherwise wait on its queue forever."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers still end when the queue closes
        pass


def render_banyak(tugas: list[tuple[Path, Mapping[str, Any], str, dt.date]], proses: int | None = None) -> Iterator[bytes]:
    """Render many documents, in order, across `proses` processes (default: one per core).

    Templates are compiled in this process first, so forked workers inherit the cache.
    """
    import concurrent.futures
    import multiprocessing

    proses = proses or os.cpu_count() or 1
    if proses <= 1 or len(tugas) < AMBANG_PARALEL or "fork" not in multiprocessing.get_all_start_methods():
        for t in tugas:
            yield _render_tugas(t)
        return
    for jalur in dict.fromkeys(t[0] for t in tugas):
        try:
            _kompilasi(hashlib.sha256(_baca_templat(jalur)).hexdigest(), jalur)
        except _TidakDidukung:
            pass
    konteks_mp = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(proses, mp_context=konteks_mp,
                                                initializer=_mati_bersama_induk) as pool:
        yield from pool.map(_render_tugas, tugas, chunksize=max(1, len(tugas) // (proses * 4)))


def _baca_templat(jalur: Path) -> bytes:
    try:
        return jalur.read_bytes()
    except FileNotFoundError:
        raise ZiError("templat tidak ditemukan", jalur) from None
    except OSError as e:
        raise ZiError(f"templat tidak bisa dibaca: {e.strerror}", jalur) from None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS_WP = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
_DOS_WAKTU = ((WAKTU_ZIP[3] << 11) | (WAKTU_ZIP[4] << 5) | (WAKTU_ZIP[5] // 2))
_DOS_TANGGAL = (((WAKTU_ZIP[0] - 1980) << 9) | (WAKTU_ZIP[1] << 5) | WAKTU_ZIP[2])


def _zip(entri: list[_Entri]) -> bytes:
    """Assemble a zip from deflated entries (fixed times, no extras): the byte-level
    counterpart of zipfile, so unchanged parts are copied rather than recompressed."""
    lokal, pusat = io.BytesIO(), io.BytesIO()
    for e in entri:
        nama = e.nama.encode("utf-8")
        bendera = 0 if nama.isascii() else 0x800
        offset = lokal.tell()
        lokal.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, bendera, 8, _DOS_WAKTU, _DOS_TANGGAL,
                                e.crc, len(e.data), e.ukuran, len(nama), 0))
        lokal.write(nama)
        lokal.write(e.data)
        pusat.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, bendera, 8, _DOS_WAKTU,
                                _DOS_TANGGAL, e.crc, len(e.data), e.ukuran, len(nama), 0, 0, 0, 0,
                                0o600 << 16, offset))
        pusat.write(nama)
    cd = pusat.getvalue()
    akhir = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entri), len(entri), len(cd), lokal.tell(), 0)
    return lokal.getvalue() + cd + akhir


def zip_tetap(isi: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and deflate, in the same order: same in, same out."""
    entri = []
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk:
        for info in masuk.infolist():
            e = _kempis(masuk.read(info.filename))
            entri.append(_Entri(info.filename, e.crc, e.ukuran, e.data))
    return _zip(entri)


# --------------------------------------------------------------------------- PDF

def __getattr__(nama: str) -> Any:
    """PDF conversion moved to zi.pdf (issue 16); `zi.render.ke_pdf`/`soffice` still resolve there."""
    if nama in ("ke_pdf", "soffice"):
        import zi.pdf

        return getattr(zi.pdf, nama)
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
