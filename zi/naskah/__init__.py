"""The table of document kinds: each kind's code, template(s), the context keys its
templates must use, its builder and the rule that infers it from a plan row.

A row's `dokumen` override wins; otherwise its kinds are inferred from its evidence
(`bukti_fisik`) and action (`langkah_aksi`) text, per DESIGN §5. Rows whose evidence is not
paperwork (a banner, a screenshot, an app) produce nothing but stay in the schedule.

A builder gets every (row, occurrence) pair of its kind across the whole plan at once
(so a meeting builder can merge one day's meetings and an SK builder can make one decree
per team): `builder(bahan, pasangan) -> list[Naskah]`. Area and month filters are applied
to the built documents by `zi.buat.rencanakan`, never before building.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from zi.jadwal import Jadwal, baca_baris  # noqa: F401  (Jadwal re-exported)
from zi.galat import ZiError, ZiErrors
from zi.kode import JENIS
from zi.naskah import laporan_monev, rapat, sk_tim, surat_pernyataan_bk
from zi.naskah.umum import Bahan, JadwalBaris, Naskah, Pasangan
from zi.rencana import Baris, Rencana

Pembangun = Callable[[Bahan, list[Pasangan]], list[Naskah]]


@dataclass(frozen=True)
class JenisNaskah:
    """One kind of document. `wajib` maps each template to the context keys it must use
    (a template that drops one has lost its substance). A kind without `pembangun` is not
    made from plan rows (the period monev report is made by `zi.monev` from the tracker).
    A kind that `membaca_arsip` reports on what the archive holds: it is built only after
    the run's other documents are written, so a run sees what it wrote and a re-run of the
    same inputs changes nothing."""

    kode: str
    wajib: dict[str, frozenset[str]]
    pembangun: Pembangun | None = None
    aturan: re.Pattern[str] | None = None
    membaca_arsip: bool = False

    @property
    def templat(self) -> tuple[str, ...]:
        return tuple(self.wajib)

    @property
    def dari_baris(self) -> bool:
        return self.pembangun is not None


def _pola(teks: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(teks, flags)


_RAPAT = _pola(r"\bundangan\b|\bdaftar\s+hadir\b|\bnotul|\brapat\b")
_SURAT = ("instansi", "nomor", "tanggal_surat")

JENIS_NASKAH: dict[str, JenisNaskah] = {j.kode: j for j in (
    JenisNaskah("sk_tim", {"sk_tim.docx": frozenset({"instansi", "nomor", "tanggal_ttd", "tentang", "menimbang",
                                                        "mengingat", "memperhatikan", "diktum", "tim",
                                                        "penandatangan"})},
                sk_tim.naskah, _pola(r"\bSK\s+(tim|unit|kelompok)")),
    JenisNaskah("undangan_rapat", {"undangan_rapat.docx": frozenset({"instansi", "nomor", "tanggal_ttd", "hal",
                                                                        "kepada", "rapat", "penandatangan"})},
                rapat.undangan, _RAPAT),
    JenisNaskah("daftar_hadir", {"daftar_hadir.docx": frozenset({"instansi", "rapat", "peserta", "tamu"}),
                                 "daftar_hadir_apel.docx": frozenset({"instansi", "apel", "peserta"})},
                rapat.daftar_hadir, _RAPAT),
    JenisNaskah("notulensi", {"notulensi.docx": frozenset({"instansi", "rapat", "isian", "notulis",
                                                              "pimpinan_rapat"})},
                rapat.notulensi, _RAPAT),
    JenisNaskah("laporan_monev", {"laporan_monev.docx": frozenset({"instansi", "judul", "periode", "pemantauan",
                                                                      "penandatangan"})},
                laporan_monev.naskah,
                _pola(r"\bmonev\b|\blaporan\s+(hasil\s+)?evaluasi\b|\blaporan\s+monitoring\b"),
                membaca_arsip=True),
    JenisNaskah("surat_pernyataan_bk", {
        "surat_pernyataan_bk_bebas.docx": frozenset({"pegawai", "atasan", "tanggal_surat"}),
        "surat_pernyataan_bk_potensi.docx": frozenset({"pegawai", "atasan", "tanggal_surat", "uraian_benturan"})},
        surat_pernyataan_bk.naskah, _pola(r"surat\s+pernyataan\b.*benturan\s+kepentingan", re.I | re.S)),
    JenisNaskah("laporan_monev_periode", {"laporan_monev_periode.docx": frozenset({
        *_SURAT, "periode", "area", "total", "terlambat", "kendala", "lke", "penandatangan"})}),
)}
"""Every kind, in the contract's canonical order (the row kinds first)."""

if tuple(k for k, j in JENIS_NASKAH.items() if j.dari_baris) != JENIS:  # pragma: no cover - import-time check
    raise ImportError("zi.kode.JENIS and the kinds table disagree")

WAJIB: dict[str, frozenset[str]] = {t: w for j in JENIS_NASKAH.values() for t, w in j.wajib.items()}
"""Context keys each template must use (a view of the table, by template name)."""


def tahap_jenis(jenis: Iterable[str] | None = None) -> list[tuple[str, ...]]:
    """The kinds asked for (None: every row kind) in the order a run writes them: first
    those made from the plan alone, then those that report on the archive."""
    dipilih = [k for k, j in JENIS_NASKAH.items() if j.dari_baris and (jenis is None or k in set(jenis))]
    tahap = ([k for k in dipilih if not JENIS_NASKAH[k].membaca_arsip],
             [k for k in dipilih if JENIS_NASKAH[k].membaca_arsip])
    return [tuple(t) for t in tahap if t]


def jenis_baris(baris: Baris) -> tuple[str, ...]:
    """The document kinds a row produces, in the contract's canonical order."""
    if baris.dokumen is not None:
        dipilih = set(baris.dokumen)
    else:
        teks = f"{baris.bukti_fisik}\n{baris.langkah_aksi}"
        dipilih = {j.kode for j in JENIS_NASKAH.values() if j.aturan is not None and j.aturan.search(teks)}
    return tuple(k for k, j in JENIS_NASKAH.items() if j.dari_baris and k in dipilih)


def jadwal_baris(rencana: Rencana, baris: Baris) -> JadwalBaris:
    """One row's schedule; its `jadwal` override, when present, is what gets read."""
    jadwal = baca_baris(baris, rencana.tahun, rencana.berkas)
    if baris.jadwal:
        jadwal = replace(jadwal, teks=baris.target_waktu,
                         peringatan=(f"dibaca dari kolom jadwal: \"{baris.jadwal}\"", *jadwal.peringatan))
    return JadwalBaris(baris, jadwal, jenis_baris(baris))


def susun_jadwal(rencana: Rencana, area: str | None = None) -> list[JadwalBaris]:
    """Read every row's schedule (the `jadwal` override where present).

    Unreadable rows raise `ZiErrors` listing every one (file, row id, text, why).
    """
    hasil, galat = [], []
    for b in rencana.baris:
        if area and b.area != area:
            continue
        try:
            hasil.append(jadwal_baris(rencana, b))
        except ZiError as e:
            galat.append(e)
    if galat:
        raise ZiErrors(galat)
    return hasil


def bangun(bahan: Bahan, jenis: Iterable[str] | None = None) -> list[Naskah]:
    """Every document of the plan (optionally only some kinds), each builder called once
    with all the pairs of its kind, in date order. Documents come out ordered by
    occurrence date, row and kind, as a person reads the year."""
    pasangan = sorted(((jb, k) for jb in bahan.jadwal for k in jb.jadwal.kejadian),
                      key=lambda p: (p[1].tanggal(), p[0].baris.id))
    dipilih = set(jenis) if jenis is not None else None
    urutan = {k: i for i, k in enumerate(JENIS_NASKAH)}
    hasil: list[Naskah] = []
    for kode, j in JENIS_NASKAH.items():
        if j.pembangun is None or (dipilih is not None and kode not in dipilih):
            continue
        milik = [p for p in pasangan if kode in p[0].jenis]
        if milik:
            hasil += j.pembangun(bahan, milik)
    return sorted(hasil, key=lambda n: (n.kejadian.tanggal(), n.baris_id, urutan[n.jenis]))
