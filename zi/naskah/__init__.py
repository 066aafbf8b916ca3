"""Document kinds: which plan rows produce which paperwork.

A row's `dokumen` override wins; otherwise the kinds are inferred from its evidence
(`bukti_fisik`) and action (`langkah_aksi`) text, per DESIGN §5. Rows whose evidence is not
paperwork (a banner, a screenshot, an app) produce nothing but stay in the schedule.
"""

from __future__ import annotations

import re

from zi.kode import JENIS, RAPAT
from zi.rencana import Baris

_ATURAN: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\bSK\s+(tim|unit|kelompok)", re.I), ("sk_tim",)),
    (re.compile(r"\bundangan\b|\bdaftar\s+hadir\b|\bnotul|\brapat\b", re.I), RAPAT),
    (re.compile(r"\bmonev\b|\blaporan\s+(hasil\s+)?evaluasi\b|\blaporan\s+monitoring\b", re.I), ("laporan_monev",)),
    (re.compile(r"surat\s+pernyataan\b.*benturan\s+kepentingan", re.I | re.S), ("surat_pernyataan_bk",)),
)


def jenis_baris(baris: Baris) -> tuple[str, ...]:
    """The document kinds a row produces, in the contract's canonical order."""
    if baris.dokumen is not None:
        dipilih = set(baris.dokumen)
    else:
        teks = f"{baris.bukti_fisik}\n{baris.langkah_aksi}"
        dipilih = {j for pola, jenis in _ATURAN if pola.search(teks) for j in jenis}
    return tuple(j for j in JENIS if j in dipilih)


def naskah_kejadian(bahan, jb, kejadian, jenis: tuple[str, ...] | None = None) -> list:
    """Every document one occurrence of a row produces (optionally only some kinds)."""
    from zi.naskah import laporan_monev, rapat, sk_tim, surat_pernyataan_bk

    dipilih = tuple(j for j in jb.jenis if jenis is None or j in jenis)
    hasil = []
    if "sk_tim" in dipilih:
        hasil += sk_tim.naskah(bahan, jb, kejadian)
    trio = tuple(j for j in dipilih if j in RAPAT)
    if trio:
        hasil += rapat.naskah(bahan, jb, kejadian, trio)
    if "laporan_monev" in dipilih:
        hasil += laporan_monev.naskah(bahan, jb, kejadian)
    if "surat_pernyataan_bk" in dipilih:
        hasil += surat_pernyataan_bk.naskah(bahan, jb, kejadian)
    return hasil


WAJIB: dict[str, frozenset[str]] = {
    "sk_tim.docx": frozenset({"instansi", "nomor", "tanggal_surat", "tentang", "menimbang", "mengingat",
                              "diktum", "tim", "penandatangan"}),
    "undangan_rapat.docx": frozenset({"instansi", "nomor", "tanggal_surat", "hal", "kepada", "rapat",
                                      "penandatangan"}),
    "daftar_hadir.docx": frozenset({"instansi", "rapat", "peserta"}),
    "notulensi.docx": frozenset({"instansi", "rapat", "isian", "notulis", "pimpinan_rapat"}),
    "laporan_monev.docx": frozenset({"instansi", "judul", "periode", "rencana_area", "penandatangan"}),
    "surat_pernyataan_bk_bebas.docx": frozenset({"pegawai", "atasan", "tanggal_surat"}),
    "surat_pernyataan_bk_potensi.docx": frozenset({"pegawai", "atasan", "tanggal_surat", "uraian_benturan"}),
}
"""Context keys a template must use: a template that drops one has lost its substance."""
