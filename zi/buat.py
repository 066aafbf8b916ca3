"""The one generation pipeline: plan → occurrences → contexts → files.

The CLI and the Prefect flows both call these functions, so they behave the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zi.arsip.berkas import di_dalam, nama_aman, pindah_ke_riwayat, sha256_berkas, tulis_atomik, tulis_di_samping
from zi.galat import ZiError
from zi.jadwal import Jadwal, Kejadian, baca_untuk_baris
from zi.kalender import mundur_hari_kerja
from zi.naskah import WAJIB, jenis_baris, naskah_kejadian
from zi.naskah.umum import Bahan, Naskah
from zi.render import jalur_templat, render_banyak, variabel_templat
from zi.arsip.registri import Catatan, Registri, kunci_arsip, sekarang
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
    status: str  # one of STATUS


STATUS = ("baru", "diperbarui", "dibuat ulang", "tidak berubah", "disunting", "konflik")
"""baru: first written; diperbarui: inputs changed, old version moved to _riwayat;
dibuat ulang: registered but the file was gone; tidak berubah: same inputs, nothing done;
disunting: a person edited the file and there is nothing new to offer; konflik: a person
edited (or owns) the file and the inputs changed: the new draft was written beside it."""


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


def tanggal_siap(n: Naskah, jeda_hari_kerja: int) -> dt.date:
    """When a draft is due to appear: `jeda` working days before its event, and never
    after the date the letter itself carries (an invitation goes out before its meeting)."""
    return min(n.konteks.get("tanggal_surat", n.tanggal), mundur_hari_kerja(n.tanggal, jeda_hari_kerja))


def jatuh_tempo(daftar: list[Naskah], hari_ini: dt.date, jeda_hari_kerja: int, sudah: set[str]) -> list[Naskah]:
    """Drafts whose time has come and that the archive does not hold yet: a day the
    service missed is caught up by the next run."""
    return [n for n in daftar if tanggal_siap(n, jeda_hari_kerja) <= hari_ini and n.kunci not in sudah]


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


@dataclass
class _Langkah:
    """One document's way through a run: where it goes and, once decided, what happened."""

    naskah: Naskah
    relatif: Path
    templat: Path
    hash_templat: str
    hash_input: str
    catatan: Catatan | None
    hasil: Keluaran | None = None


def tulis(daftar: list[Naskah], akar: Path, *, kertas: str = "A4", folder_templat: Path | None = None,
          run_id: str | None = None, kemajuan: Callable[[int, int], None] | None = None,
          proses: int | None = None) -> list[Keluaran]:
    """Render and archive documents under the archive lock, per the registry's rules
    (see STATUS). Nothing a person edited is ever overwritten. What needs no new content is
    decided from the registry first; the rest is rendered (in `proses` processes, default
    one per core), then written in order, each file atomically before its registry row."""
    run_id = run_id or uuid.uuid4().hex
    # First, without creating or locking anything: what needs rendering, and can its
    # templates be filled? Bad templates fail here, leaving the archive untouched.
    with Registri.buka(akar, tulis=False) as reg:
        langkah = _rencana_langkah(reg, akar, daftar, kertas, folder_templat)
    if all(x.hasil is not None for x in langkah):
        return [x.hasil for x in langkah if x.hasil is not None]
    periksa_templat([x.naskah for x in langkah if x.hasil is None], folder_templat)
    with Registri.buka(akar) as reg, kunci_arsip(akar):
        langkah = _rencana_langkah(reg, akar, daftar, kertas, folder_templat)  # again, under the lock
        perlu = [x for x in langkah if x.hasil is None]
        tugas = [(x.templat, x.naskah.konteks, kertas, x.naskah.tanggal) for x in perlu]
        selesai = len(langkah) - len(perlu)
        # Render everything before writing anything: a template that fails only while
        # rendering (a sandbox refusal, say) then leaves the archive as it was.
        isi_semua = []
        for isi in render_banyak(tugas, proses):
            isi_semua.append(isi)
            if kemajuan:
                kemajuan(selesai + len(isi_semua), len(langkah))
        for x, isi in zip(perlu, isi_semua):
            x.hasil = _terapkan(reg, akar, x, isi, run_id)
    return [x.hasil for x in langkah if x.hasil is not None]


def _rencana_langkah(reg: Registri, akar: Path, daftar: list[Naskah], kertas: str,
                     folder_templat: Path | None) -> list[_Langkah]:
    """Paths, hashes and the decisions that need no rendering (unchanged, edited)."""
    langkah = []
    terpakai: set[Path] = set()
    hash_templat: dict[str, str] = {}
    for n in daftar:
        templat = jalur_templat(n.templat, folder_templat)
        if n.templat not in hash_templat:
            hash_templat[n.templat] = sha256_berkas(templat)
        th = hash_templat[n.templat]
        relatif = jalur_naskah(n)
        ke = 2
        while relatif in terpakai:  # two documents that would share a name in one run
            relatif = relatif.with_name(f"{jalur_naskah(n).stem} ({ke}).docx")
            ke += 1
        terpakai.add(relatif)
        x = _Langkah(n, relatif, templat, th, hash_input(n, th, kertas), reg.cari(n.kunci))
        x.hasil = _tanpa_render(akar, x)
        langkah.append(x)
    return langkah


def _tanpa_render(akar: Path, x: _Langkah) -> Keluaran | None:
    """Same inputs as the registered version: nothing to render; say whether a person
    has edited the file since. None when new content is needed."""
    if x.catatan is None or x.catatan.input_hash != x.hash_input:
        return None
    lama = Path(x.catatan.path)
    tujuan = di_dalam(akar, akar / lama)
    if not tujuan.exists():
        return None
    disunting = sha256_berkas(tujuan) != x.catatan.content_hash
    return Keluaran(x.naskah, lama, "disunting" if disunting else "tidak berubah")


def arsipkan_isi(akar: Path, n: Naskah, relatif: Path, isi: bytes, hash_templat: str, input_hash: str,
                 run_id: str | None = None) -> Keluaran:
    """Archive one document rendered elsewhere (e.g. with a chart inserted after
    rendering) under exactly the rules `tulis` applies."""
    with Registri.buka(akar) as reg, kunci_arsip(akar):
        x = _Langkah(n, relatif, Path(n.templat), hash_templat, input_hash, reg.cari(n.kunci))
        return _tanpa_render(akar, x) or _terapkan(reg, akar, x, isi, run_id or uuid.uuid4().hex)


def _terapkan(reg: Registri, akar: Path, x: _Langkah, isi: bytes, run_id: str) -> Keluaran:
    """Write one rendered document where the archive's rules say it goes."""
    n, relatif = x.naskah, x.relatif
    catatan = x.catatan
    if catatan is not None:
        lama = Path(catatan.path)
        if (akar / lama).exists():
            if sha256_berkas(akar / lama) != catatan.content_hash:
                return Keluaran(n, tulis_di_samping(akar, lama, isi), "konflik")
            riwayat = pindah_ke_riwayat(akar, lama)
            tulis_atomik(di_dalam(akar, akar / relatif), isi)
            reg.simpan(_catatan(n, relatif, x.hash_templat, x.hash_input, isi, run_id), riwayat,
                       catatan.content_hash)
            return Keluaran(n, relatif, "diperbarui")
        tulis_atomik(di_dalam(akar, akar / relatif), isi)
        reg.simpan(_catatan(n, relatif, x.hash_templat, x.hash_input, isi, run_id))
        return Keluaran(n, relatif, "dibuat ulang")
    tujuan = di_dalam(akar, akar / relatif)
    if tujuan.exists():
        if tujuan.read_bytes() != isi:  # a file zi did not register: not ours to replace
            return Keluaran(n, tulis_di_samping(akar, relatif, isi), "konflik")
        status = "tidak berubah"  # written by a run that stopped before recording it
    else:
        tulis_atomik(tujuan, isi)
        status = "baru"
    reg.simpan(_catatan(n, relatif, x.hash_templat, x.hash_input, isi, run_id))
    return Keluaran(n, relatif, status)


def _catatan(n: Naskah, relatif: Path, th: str, ih: str, isi: bytes, run_id: str) -> Catatan:
    return Catatan(kunci=n.kunci, path=relatif.as_posix(), jenis=n.jenis, baris_id=n.baris_id,
                   bulan=n.kejadian.kode_bulan, minggu=n.kejadian.minggu, tanggal=n.tanggal.isoformat(),
                   templat_hash=th, input_hash=ih, content_hash=hashlib.sha256(isi).hexdigest(),
                   waktu=sekarang(), run_id=run_id)


def hash_input(n: Naskah, hash_templat: str, kertas: str) -> str:
    """Everything that decides a document's bytes: context, template version, paper."""
    data = json.dumps([n.konteks, n.templat, hash_templat, kertas, n.tanggal.isoformat()],
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
