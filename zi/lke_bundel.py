"""The evidence bundle for the ZI desk evaluation: one zip of a year's evidence, in the
LKE's order — a folder per pengungkit area, in it a folder per plan row — with an index.

    I Manajemen Perubahan/I.1.1 Tim Kerja/2026-01/2026-01-08 SK Tim ….docx (and its PDF)

A row's evidence is every document the registry says serves it (a merged meeting goes under
each of its rows), that document's PDF, and every other file staff put in the row's
folders; what counts as archive content is the archive's rule (`zi.arsip.tata`).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from zi.arsip.berkas import nama_aman, tulis_atomik
from zi.arsip.registri import Catatan, CatatanPdf
from zi.arsip.tata import berkas_isi, draf_baru, folder_baris
from zi.bahasa import romawi
from zi.galat import ZiError
from zi.lke import Lke, angka
from zi.rencana import Baris, Rencana


@dataclass
class BerkasBukti:
    """One file of the bundle: where it is in the archive and in the zip, and its origin."""

    sumber: str  # relative to the archive root
    path: str  # inside the zip
    asal: str
    sha256: str = ""


@dataclass
class HasilBundelLke:
    jalur: Path
    berkas: int = 0
    tanpa_bukti: list[str] = field(default_factory=list)  # row ids with no evidence at all


def folder_area(urutan: int, nama: str) -> str:
    """"I Manajemen Perubahan": the evaluation's roman number and name."""
    return nama_aman(f"{romawi(urutan)} {nama}")


def folder_baris_lke(b: Baris) -> str:
    """"I.1.1 Tim Kerja": the row id and its component."""
    return nama_aman(f"{b.id} {b.komponen}")[:80].rstrip(" .")


def _asal(c: Catatan, akar: Path) -> str:
    from zi.arsip.kebijakan import keadaan

    return "draf zi" if keadaan(akar, c) == "asli" else "draf zi (disunting)"


def bukti_baris(akar: Path, b: Baris, catatan: list[Catatan], pdf: dict[str, CatatanPdf]) -> list[BerkasBukti]:
    """A row's evidence files (relative to the row's folder in the bundle: "<YYYY-MM>/<name>")."""
    hasil: list[BerkasBukti] = []
    terdaftar = {c.path for c in catatan} | {p.path for p in pdf.values()}
    bulan = set()
    for c in catatan:
        if c.jenis != "laporan_monev_periode" and b.id in (c.baris or (c.baris_id,)) and (akar / c.path).is_file():
            hasil.append(BerkasBukti(c.path, f"{c.bulan}/{Path(c.path).name}", _asal(c, akar)))
            p = pdf.get(c.path)
            if p is not None and (akar / p.path).is_file():
                hasil.append(BerkasBukti(p.path, f"{c.bulan}/{Path(p.path).name}", "PDF naskah"))
        bulan.add(c.bulan)
    for kode in sorted({*bulan, *_bulan_folder(akar, b.id)}):
        for f in berkas_isi(folder_baris(akar, kode, b.id)):
            rel = f.relative_to(akar).as_posix()
            if rel not in terdaftar and not draf_baru(f):
                hasil.append(BerkasBukti(rel, f"{kode}/{f.relative_to(folder_baris(akar, kode, b.id)).as_posix()}",
                                         "berkas staf"))
    return sorted(hasil, key=lambda x: x.path)


def _bulan_folder(akar: Path, baris_id: str) -> list[str]:
    """Months whose folder holds a folder for the row (staff may add files to any month)."""
    return [f"{p.parent.parent.name}-{p.parent.name}" for p in sorted(akar.glob(f"[0-9][0-9][0-9][0-9]/[0-9][0-9]/{nama_aman(baris_id)}"))
            if p.is_dir()]


def _tulis_zip(z: zipfile.ZipFile, nama: str, isi: bytes) -> None:
    """A zip entry with a fixed time: the same evidence gives the same bundle."""
    info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, isi)


def _indeks(**konteks: object) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("zi.arsip", "templat"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined)
    return env.get_template("indeks_lke.html").render(**konteks)


def bundel_lke(akar: Path, rencana: Rencana, lke: Lke, tahun: int, instansi: str) -> HasilBundelLke:
    """Write `<akar>/bundel/bukti-lke-<tahun>.zip` atomically; returns its path and counts."""
    from zi.arsip.registri import Registri

    with Registri.buka(akar, tulis=False) as reg:
        catatan = [c for c in reg.semua() if c.bulan.startswith(f"{tahun:04d}-")]
        pdf = reg.semua_pdf()
    hasil = HasilBundelLke(akar / "bundel" / f"bukti-lke-{tahun}.zip")
    keluar, area = io.BytesIO(), []
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for i, a in enumerate(lke.area, 1):
            fa = folder_area(i, a.nama)
            baris = []
            for b in (x for x in rencana.baris if x.area == a.area_rencana):
                fb = f"{fa}/{folder_baris_lke(b)}"
                daftar = bukti_baris(akar, b, catatan, pdf)
                for f in daftar:
                    isi = (akar / f.sumber).read_bytes()
                    f.path, f.sha256 = f"{fb}/{f.path}", hashlib.sha256(isi).hexdigest()
                    _tulis_zip(z, f.path, isi)
                if not daftar:
                    hasil.tanpa_bukti.append(b.id)
                hasil.berkas += len(daftar)
                baris.append({"id": b.id, "langkah_aksi": b.langkah_aksi, "bukti_fisik": b.bukti_fisik,
                              "berkas": daftar})
            area.append({"folder": fa, "bobot": angka(a.bobot), "baris": baris})
        _tulis_zip(z, "indeks.html", _indeks(tahun=tahun, instansi=instansi, sumber=lke.sumber, jumlah=hasil.berkas,
                                             area=area).encode())
    tulis_atomik(hasil.jalur, keluar.getvalue())
    return hasil
