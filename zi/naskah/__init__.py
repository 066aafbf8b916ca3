"""Document kinds: which plan rows produce which paperwork.

A row's `dokumen` override wins; otherwise the kinds are inferred from its evidence
(`bukti_fisik`) and action (`langkah_aksi`) text, per DESIGN §5. Rows whose evidence is not
paperwork (a banner, a screenshot, an app) produce nothing but stay in the schedule.
"""

from __future__ import annotations

import re

from zi.rencana import JENIS, Baris

RAPAT = ("undangan_rapat", "daftar_hadir", "notulensi")

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
