"""Template → .docx bytes (and optionally PDF through LibreOffice).

Rendering is docxtpl with autoescape on (so "&" or "<" in a name cannot corrupt the file),
in a sandboxed StrictUndefined Jinja environment (a missing variable is an error, and a
template cannot reach Python internals), with a fresh template object per document. The
output is byte-identical for identical inputs: zip timestamps and core-property dates are
fixed, so the archive can tell "unchanged" from "changed" by hash.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from zi.bahasa import FILTERS
from zi.galat import ZiError

FOLDER_TEMPLAT = Path(__file__).resolve().parent.parent / "templates_docx"
WAKTU_ZIP = (2026, 1, 1, 0, 0, 0)  # fixed zip entry time: reproducible bytes
UKURAN_KERTAS_CM = {"A4": (21.0, 29.7), "F4": (21.5, 33.0)}
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def lingkungan() -> Any:
    """The Jinja environment every template renders in: sandboxed, strict, our filters."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters.update(FILTERS)
    return env


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
        tpl = DocxTemplate(jalur)
        tpl.init_docx()
    except Exception as e:  # python-docx raises several kinds for a broken package
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
    except TemplateSyntaxError as e:
        raise ZiError(f"sintaks Jinja salah: {e.message}", jalur, _sekitar(xml, e.lineno)) from None
    return frozenset(meta.find_undeclared_variables(ast))


def variabel_templat(jalur: Path) -> frozenset[str]:
    """Top-level names a template uses (cached per file version)."""
    return _variabel(jalur, jalur.stat().st_mtime_ns)


def _sekitar(xml: str, baris: int | None) -> str | None:
    if not baris:
        return None
    potong = xml.splitlines()[max(baris - 2, 0): baris + 1]
    teks = " ".join(re.sub(r"<[^>]+>", "", p).strip() for p in potong).strip()
    return f"dekat teks \"{teks[:80]}\"" if teks else None


def render(jalur: Path, konteks: Mapping[str, Any], *, kertas: str = "A4", tanggal: dt.date | None = None) -> bytes:
    """Render one document and return its .docx bytes (reproducible for equal inputs)."""
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    tpl = _buka(jalur)
    try:
        tpl.render(bersihkan(dict(konteks)), jinja_env=lingkungan(), autoescape=True)
    except UndefinedError as e:
        raise ZiError(f"variabel tidak tersedia: {e.message}", jalur) from None
    except SecurityError as e:
        raise ZiError(f"templat mencoba akses yang tidak diizinkan: {e}", jalur) from None
    except TemplateError as e:
        konteks_docx = " ".join(getattr(e, "docx_context", []) or []).strip()
        lokasi = f"dekat teks \"{konteks_docx[:80]}\"" if konteks_docx else None
        raise ZiError(f"templat tidak bisa diisi: {e.message or e}", jalur, lokasi) from None
    doc = tpl.docx
    _atur_kertas(doc, kertas)
    waktu = dt.datetime.combine(tanggal or dt.date(2026, 1, 1), dt.time())
    props = doc.core_properties
    props.created = props.modified = waktu
    props.last_printed = waktu
    props.revision = 1
    props.last_modified_by = "zi"
    keluaran = io.BytesIO()
    tpl.save(keluaran)
    return zip_tetap(keluaran.getvalue())


def _atur_kertas(doc: Any, kertas: str) -> None:
    from docx.shared import Cm

    lebar, tinggi = UKURAN_KERTAS_CM[kertas]
    for s in doc.sections:
        if abs(s.page_height.cm - tinggi) > 0.05 or abs(s.page_width.cm - lebar) > 0.05:
            s.page_width, s.page_height = Cm(lebar), Cm(tinggi)


def zip_tetap(isi: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and order-preserving deflate: same in, same out."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as masuk, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=WAKTU_ZIP)
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o600 << 16
            z.writestr(baru, masuk.read(info.filename))
    return keluar.getvalue()


# --------------------------------------------------------------------------- PDF

def soffice() -> str:
    """Path of LibreOffice's `soffice`, or a clear error saying how to install it."""
    for nama in ("soffice", "libreoffice"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    raise ZiError("LibreOffice tidak terpasang; pasang dengan: apt-get install libreoffice-writer-nogui "
                  "(atau jalankan tanpa --pdf)")


def ke_pdf(berkas: list[Path], folder_keluar: Path | None = None, batas_detik: int = 600) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice call, with a private profile.

    Two LibreOffice processes sharing a profile fail silently, so each call gets its own
    `-env:UserInstallation`. Returns the PDF paths (beside the documents by default).
    """
    if not berkas:
        return []
    program = soffice()
    hasil = []
    with tempfile.TemporaryDirectory(prefix="zi-lo-") as profil:
        per_folder: dict[Path, list[Path]] = {}
        for b in berkas:
            per_folder.setdefault(folder_keluar or b.parent, []).append(b)
        for folder, daftar in per_folder.items():
            folder.mkdir(parents=True, exist_ok=True)
            proses = subprocess.run(
                [program, "--headless", "--norestore", f"-env:UserInstallation=file://{profil}",
                 "--convert-to", "pdf", "--outdir", str(folder), *map(str, daftar)],
                capture_output=True, text=True, timeout=batas_detik,
            )
            for b in daftar:
                pdf = folder / (b.stem + ".pdf")
                if not pdf.is_file():
                    raise ZiError(f"LibreOffice gagal membuat PDF: {proses.stderr.strip()[:200]}", b)
                hasil.append(pdf)
    return hasil
