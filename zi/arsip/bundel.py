"""The month bundle for the inspectorate: a zip of one month of the archive with an index
(`templat/indeks.html`, rendered with Jinja's HTML autoescaping)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zi.arsip.berkas import tulis_atomik
from zi.arsip.kebijakan import disunting
from zi.arsip.registri import Catatan, CatatanPdf
from zi.arsip.tata import berkas_isi, draf_baru, folder_bulan
from zi.galat import ZiError


@dataclass(frozen=True)
class BarisIndeks:
    """One line of the bundle's index."""

    path: str
    jenis: str
    baris: str
    tanggal: str
    asal: str
    sha256: str


@lru_cache(maxsize=1)
def _templat_indeks():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("zi.arsip", "templat"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template("indeks.html")


def _asal(akar: Path, c: Catatan | None, p: Path) -> str:
    if c is None:
        return "draf baru zi (menunggu keputusan)" if draf_baru(p) else "bukti/berkas staf"
    return "draf zi, disunting" if disunting(akar, c) else "draf zi"


def _asal_pdf(cp: CatatanPdf, h: str) -> str:
    return "PDF naskah" if cp.pdf_hash == h else "PDF naskah, diganti orang"


def bundel_bulan(akar: Path, bulan: str, catatan: list[Catatan], pdf: dict[str, CatatanPdf] | None = None) -> Path:
    """Zip one month of the archive for the inspectorate, with an `indeks.html` listing
    every file: kind, rows, date, sha256, and whether it was edited after generation.

    What goes in is the month's archive content (`zi.arsip.tata.isi_arsip`): documents,
    staff's evidence files and new drafts; not superseded versions nor bookkeeping.
    Written atomically to `<akar>/bundel/arsip-<bulan>.zip`; returns that path.
    `pdf` (the registry's PDF records, see zi.pdf) marks each document's PDF as such.
    """
    folder = folder_bulan(akar, bulan)
    if not folder.is_dir():
        raise ZiError(f"arsip bulan {bulan} kosong atau belum ada", folder)
    per_path = {c.path: c for c in catatan}
    per_pdf = {v.path: v for v in (pdf or {}).values()}
    indeks = []
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for p in berkas_isi(folder):
            rel = p.relative_to(akar).as_posix()
            info = zipfile.ZipInfo.from_file(p, rel)
            info.compress_type = zipfile.ZIP_DEFLATED
            isi = p.read_bytes()  # read once: into the zip and into its hash
            z.writestr(info, isi)
            c, h = per_path.get(rel), hashlib.sha256(isi).hexdigest()
            cp = per_pdf.get(rel)
            if cp is not None:  # a document's PDF: described by its document
                c = per_path.get(cp.docx)
            bagian = p.relative_to(folder).parts
            baris = ", ".join(c.baris) or "-" if c else (bagian[0] if len(bagian) > 1 else "-")
            indeks.append(BarisIndeks(rel, c.jenis if c else "-", baris, c.tanggal if c else "-",
                                      _asal_pdf(cp, h) if cp else _asal(akar, c, p), h))
        z.writestr("indeks.html", _templat_indeks().render(bulan=bulan, berkas=indeks))
    tujuan = akar / "bundel" / f"arsip-{bulan}.zip"
    tulis_atomik(tujuan, keluar.getvalue())
    return tujuan
