"""The one generation pipeline: plan → occurrences → contexts → files.

The CLI and the Prefect flows both call these functions, so they behave the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zi.arsip import di_dalam, nama_aman, tulis_atomik
from zi.galat import ZiError
from zi.jadwal import Jadwal, Kejadian, baca_untuk_baris
from zi.naskah import WAJIB, jenis_baris, naskah_kejadian
from zi.naskah.umum import Bahan, Naskah
from zi.render import jalur_templat, render, variabel_templat
from zi.rencana import Baris, Kantor, Rencana


@dataclass(frozen=True)
class JadwalBaris:
    """A plan row with its reading of the target time and the documents it produces."""

    baris: Baris
    jadwal: Jadwal
    jenis: tuple[str, ...]

    def kejadian_dalam(self, bulan: str | None = None) -> list[Kejadian]:
        return [k for k in self.jadwal.kejadian if bulan is None or k.kode_bulan == bulan]


def susun_jadwal(rencana: Rencana, area: str | None = None) -> list[JadwalBaris]:
    """Read every row's schedule (the `jadwal` override where present).

    The first unreadable row raises `ZiError` naming the file, the row id and the text.
    """
    return [jadwal_baris(rencana, b) for b in rencana.baris if not area or b.area == area]


def jadwal_baris(rencana: Rencana, baris: Baris) -> JadwalBaris:
    """One row's schedule; its `jadwal` override, when present, is what gets read."""
    jadwal = baca_untuk_baris(baris.id, baris.frasa_jadwal, rencana.tahun, rencana.berkas)
    if baris.jadwal:
        jadwal = Jadwal(
            teks=baris.target_waktu, bentuk=jadwal.bentuk, kejadian=jadwal.kejadian,
            peringatan=(f"dibaca dari kolom jadwal: \"{baris.jadwal}\"", *jadwal.peringatan),
        )
    return JadwalBaris(baris, jadwal, jenis_baris(baris))


# --------------------------------------------------------------------------- generation

@dataclass(frozen=True)
class Keluaran:
    """What happened to one document in a run."""

    naskah: Naskah
    jalur: Path  # relative to the archive root
    status: str  # "baru", "tidak berubah", "konflik"


def pilih_kejadian(jadwal: list[JadwalBaris], bulan: str | None = None, tahun: int | None = None) -> list[tuple[JadwalBaris, Kejadian]]:
    """The (row, occurrence) pairs of a month or a year, in date order."""
    pasangan = [
        (jb, k) for jb in jadwal for k in jb.jadwal.kejadian
        if (bulan is None or k.kode_bulan == bulan) and (tahun is None or k.tahun == tahun)
    ]
    return sorted(pasangan, key=lambda p: (p[1].tanggal(), p[0].baris.id))


def rencanakan(rencana: Rencana, kantor: Kantor, *, bulan: str | None = None, tahun: int | None = None,
               area: str | None = None, jenis: tuple[str, ...] | None = None) -> list[Naskah]:
    """Every document the plan implies for the period, with its context (nothing written).

    Errors in the data surface here, before any file is touched.
    """
    semua = susun_jadwal(rencana)
    bahan = Bahan(rencana, kantor, tuple(semua))
    dipilih = [jb for jb in semua if not area or jb.baris.area == area]
    hasil: list[Naskah] = []
    for jb, k in pilih_kejadian(dipilih, bulan, tahun):
        hasil += naskah_kejadian(bahan, jb, k, jenis)
    return hasil


def periksa_templat(daftar: list[Naskah], folder: Path | None = None) -> None:
    """Each template used must find every variable it needs in its context, and use the
    keys its kind requires: checked once per template before anything is rendered."""
    dilihat: set[str] = set()
    for n in daftar:
        if n.templat in dilihat:
            continue
        dilihat.add(n.templat)
        jalur = jalur_templat(n.templat, folder)
        dipakai = variabel_templat(jalur)
        kurang = sorted(dipakai - set(n.konteks))
        if kurang:
            raise ZiError(f"templat memakai variabel yang tidak disediakan: {', '.join(kurang)} "
                          f"(tersedia: {', '.join(sorted(n.konteks))})", jalur)
        hilang = sorted(WAJIB.get(n.templat, frozenset()) - dipakai)
        if hilang:
            raise ZiError(f"templat tidak memakai variabel wajib: {', '.join(hilang)}", jalur)


def jalur_naskah(n: Naskah) -> Path:
    """Archive path (relative): <tahun>/<MM>/<baris>/<YYYY-MM-DD> <judul>.docx."""
    nama = nama_aman(f"{n.tanggal.isoformat()} {n.judul}")
    return Path(f"{n.tanggal.year:04d}", f"{n.tanggal.month:02d}", nama_aman(n.baris_id), f"{nama}.docx")


def tulis(daftar: list[Naskah], akar: Path, *, kertas: str = "A4", folder_templat: Path | None = None,
          kemajuan: Callable[[int, int], None] | None = None) -> list[Keluaran]:
    """Render and archive documents. Identical content is left alone; a file that differs
    (someone may have edited it) is never overwritten: the new draft goes beside it."""
    hasil = []
    terpakai: set[Path] = set()
    for i, n in enumerate(daftar, 1):
        isi = render(jalur_templat(n.templat, folder_templat), n.konteks, kertas=kertas, tanggal=n.tanggal)
        relatif = jalur_naskah(n)
        ke = 2
        while relatif in terpakai:  # two documents that would share a name in one run
            relatif = relatif.with_name(f"{relatif.stem} ({ke}).docx")
            ke += 1
        terpakai.add(relatif)
        tujuan = di_dalam(akar, akar / relatif)
        if tujuan.exists():
            if tujuan.read_bytes() == isi:
                hasil.append(Keluaran(n, relatif, "tidak berubah"))
            else:
                beside = relatif.with_name(f"{relatif.stem} (draf baru).docx")
                tulis_atomik(akar / beside, isi)
                hasil.append(Keluaran(n, beside, "konflik"))
        else:
            tulis_atomik(tujuan, isi)
            hasil.append(Keluaran(n, relatif, "baru"))
        if kemajuan:
            kemajuan(i, len(daftar))
    return hasil
