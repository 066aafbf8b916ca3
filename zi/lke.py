"""The ZI evaluation's view (LKE): the plan's progress per pengungkit area, weighted.

The evaluation (PermenPANRB 90/2021 as amended by 5/2024) scores six pengungkit areas out
of 60 points. Which areas, their weights and the plan area that evidences each live in
`data/lke.yaml` (a regulation changes; a user corrects the file, not the code). The figures
come from the period report's single computation (`zi.monev.rekap`), so `zi lke` and the
report's LKE table cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from zi.galat import ZiError
from zi.rencana import DATA_BAWAAN, Rencana, Teks, _Model, _validasi, tampil_jalur

if TYPE_CHECKING:
    from zi.realisasi import Kegiatan

NAMA_BERKAS = "lke.yaml"


class AreaLke(_Model):
    """One pengungkit area of the evaluation."""

    area_rencana: Teks = Field(description="kode area rencana aksi (I–VI) yang menjadi bukti area ini")
    nama: Teks = Field(description="nama area pengungkit menurut LKE, mis. \"Manajemen Perubahan\"")
    bobot: float = Field(description="bobot area ini dari komponen pengungkit (mis. 8 dari 60), lebih dari 0")

    @field_validator("bobot")
    @classmethod
    def _positif(cls, v: float) -> float:
        if v <= 0:
            raise ValueError("bobot harus lebih dari 0")
        return v


class Lke(_Model):
    """The LKE's pengungkit areas with their weights and source."""

    sumber: Teks = Field(description="dasar hukum bobot (peraturan dan lampirannya)")
    jumlah_bobot: float = Field(description="jumlah bobot komponen pengungkit (60); bobot area harus berjumlah ini")
    area: list[AreaLke] = Field(min_length=1, description="area pengungkit, berurutan seperti di LKE")
    berkas: str = Field("", description="berkas asal (diisi zi)")


def jalur_lke(folder: str | Path | None = None) -> Path:
    """The office's `lke.yaml` when its folder has one, else the bundled one."""
    if folder is not None and (Path(folder) / NAMA_BERKAS).is_file():
        return Path(folder) / NAMA_BERKAS
    return DATA_BAWAAN / NAMA_BERKAS


def muat_lke(rencana: Rencana, folder: str | Path | None = None) -> Lke:
    """Load and check the weights file against the plan: weights summing to `jumlah_bobot`,
    every `area_rencana` an area of the plan, no plan area mapped twice."""
    jalur = jalur_lke(folder)
    berkas = tampil_jalur(jalur)
    lke: Lke = _validasi(Lke, jalur, berkas=berkas)
    for i, a in enumerate(lke.area, 1):
        if a.area_rencana not in rencana.area:
            raise ZiError(f"area \"{a.area_rencana}\" tidak ada di rencana {rencana.tahun} "
                          f"(ada: {', '.join(rencana.area)})", berkas, f"area ke-{i} ({a.nama}), kunci area_rencana")
        if [x.area_rencana for x in lke.area[:i - 1]].count(a.area_rencana):
            raise ZiError(f"area rencana \"{a.area_rencana}\" sudah dipetakan ke area lain", berkas,
                          f"area ke-{i} ({a.nama}), kunci area_rencana")
    jumlah = sum(a.bobot for a in lke.area)
    if abs(jumlah - lke.jumlah_bobot) > 1e-9:
        rincian = " + ".join(angka(a.bobot) for a in lke.area)
        raise ZiError(f"bobot area berjumlah {angka(jumlah)} ({rincian}), seharusnya {angka(lke.jumlah_bobot)} "
                      "(kunci jumlah_bobot)", berkas, "kunci area[*].bobot")
    return lke


def angka(x: float) -> str:
    """8.0 → "8", 7.5 → "7,5" (Indonesian decimal comma)."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


@dataclass(frozen=True)
class BarisLke:
    """One pengungkit area's figures for a period."""

    area: str  # the plan's area code
    nama: str
    bobot: float
    jatuh_tempo: int
    selesai: int
    dengan_bukti: int
    tanpa_bukti: tuple[Kegiatan, ...]  # done, but no evidence in the archive
    belum_selesai: tuple[Kegiatan, ...]  # due, not done

    @property
    def bagian(self) -> float | None:
        """Share of due items done with evidence (None when nothing was due)."""
        return self.dengan_bukti / self.jatuh_tempo if self.jatuh_tempo else None

    @property
    def persen(self) -> float | None:
        return None if self.bagian is None else round(100 * self.bagian, 1)

    @property
    def nilai(self) -> float | None:
        return None if self.bagian is None else round(self.bobot * self.bagian, 2)


def hitung(lke: Lke, kegiatan: Iterable[Kegiatan]) -> list[BarisLke]:
    """Figures per LKE area from the period's items (only those due within the period)."""
    dalam = [k for k in kegiatan if k.dalam_periode]
    hasil = []
    for a in lke.area:
        ini = [k for k in dalam if k.butir.area == a.area_rencana]
        selesai = [k for k in ini if k.selesai]
        hasil.append(BarisLke(a.area_rencana, a.nama, a.bobot, len(ini), len(selesai),
                              sum(1 for k in selesai if k.bukti_arsip),
                              tuple(k for k in selesai if not k.bukti_arsip),
                              tuple(k for k in ini if not k.selesai)))
    return hasil


def _butir_json(k: Kegiatan) -> dict[str, str]:
    return {"id": k.butir.id, "bulan": k.butir.bulan, "tenggat": k.butir.tenggat.isoformat()}


def ke_json(baris: list[BarisLke]) -> list[dict[str, Any]]:
    """The `zi lke --json` shape (DESIGN §9), plus the rows missing evidence or not done."""
    return [{"area": b.area, "nama": b.nama, "bobot": int(b.bobot) if b.bobot.is_integer() else b.bobot,
             "jatuh_tempo": b.jatuh_tempo, "selesai": b.selesai, "dengan_bukti": b.dengan_bukti,
             "persen": b.persen, "nilai": b.nilai,
             "tanpa_bukti": [_butir_json(k) for k in b.tanpa_bukti],
             "belum_selesai": [_butir_json(k) for k in b.belum_selesai]} for b in baris]


def persen_teks(x: float | None) -> str:
    """62.5 → "62,5%"; None → "-"."""
    return "-" if x is None else f"{angka(x)}%"


def konteks_lke(lke: Lke, baris: list[BarisLke]) -> dict[str, Any]:
    """The report's LKE table: one line per area and the total."""
    nilai = sum(b.nilai or 0 for b in baris)
    return {
        "sumber": lke.sumber,
        "baris": [{"area": b.area, "nama": b.nama, "bobot": angka(b.bobot), "jatuh_tempo": b.jatuh_tempo,
                   "selesai": b.selesai, "dengan_bukti": b.dengan_bukti, "persen": persen_teks(b.persen),
                   "nilai": "-" if b.nilai is None else angka(b.nilai),
                   "tanpa_bukti": [f"{k.butir.id} ({k.butir.bulan})" for k in b.tanpa_bukti]} for b in baris],
        "jumlah": {"bobot": angka(lke.jumlah_bobot), "jatuh_tempo": sum(b.jatuh_tempo for b in baris),
                   "selesai": sum(b.selesai for b in baris), "dengan_bukti": sum(b.dengan_bukti for b in baris),
                   "nilai": angka(round(nilai, 2))},
    }
