"""Making documents: the plan's documents of a period (built by the kinds table, then
filtered), which are due, and rendering them into the archive under its policy.

The use cases in `zi.layanan` call these; the CLI and the flows call the use cases.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from zi.arsip.berkas import sha256_berkas
from zi.arsip.kebijakan import STATUS, Keluaran, Langkah, arsipkan_isi, hash_input, tanpa_render, terapkan
from zi.arsip.registri import Registri, kunci_arsip
from zi.arsip.tata import relatif_naskah
from zi.galat import ZiError
from zi.kalender import mundur_hari_kerja
from zi.naskah import WAJIB, bangun, jadwal_baris, susun_jadwal
from zi.naskah.umum import Bahan, JadwalBaris, Naskah
from zi.periode import Periode
from zi.naskah.penomoran import beri_nomor
from zi.render import jalur_templat, render_banyak, variabel_templat
from zi.render_logo import hash_logo
from zi.rencana import Kantor, Rencana

__all__ = ["STATUS", "JadwalBaris", "Keluaran", "arsipkan_isi", "hash_input", "jadwal_baris", "jatuh_tempo",
           "jalur_naskah", "periksa_templat", "rencanakan", "susun_jadwal", "tanggal_siap", "tulis"]


def rencanakan(rencana: Rencana, kantor: Kantor, *, periode: Periode | None = None, bulan: str | None = None,
               tahun: int | None = None, area: str | None = None, jenis: tuple[str, ...] | None = None,
               akar: Path | None = None) -> list[Naskah]:
    """Every document the plan implies for the period (nothing written): the whole plan
    is built, then the documents of the period and area kept (a merged meeting is the
    same document whichever of its areas is asked for). `bulan`/`tahun` are shorthands
    for a month or year period. Errors in the data surface here, before any file is touched.
    """
    if periode is None and (bulan or tahun):
        periode = Periode(int(bulan[:4]), "bulan", int(bulan[5:7])) if bulan else Periode.setahun(int(tahun or 0))
    semua = bangun(Bahan(rencana, kantor, tuple(susun_jadwal(rencana)), akar), jenis)
    return [n for n in semua if (periode is None or periode.memuat(n.tanggal))  # the document's own date
            and (not area or area in n.daftar_area)]


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
    return relatif_naskah(n.tanggal.isoformat(), n.baris_id, n.judul)


def tulis(daftar: list[Naskah], akar: Path, *, kertas: str = "A4", folder_templat: Path | None = None,
          run_id: str | None = None, kemajuan: Callable[[int, int], None] | None = None,
          proses: int | None = None, zona: ZoneInfo | None = None) -> list[Keluaran]:
    """Render and archive documents under the archive lock, per the archive's policy
    (`zi.arsip.kebijakan`). Nothing a person edited is ever overwritten. What needs no new
    content is decided from the registry first; the rest is rendered (in `proses`
    processes, default one per core), then written in order, each file atomically before
    its registry row. `zona`: the office's time zone, for the archive's timestamps."""
    run_id = run_id or uuid.uuid4().hex
    # First, without creating or locking anything: what needs rendering, and can its
    # templates be filled? Bad templates fail here, leaving the archive untouched.
    with Registri.buka(akar, tulis=False) as reg:
        daftar = beri_nomor(reg, daftar, simpan=False)  # H5: running numbers (penomoran.aktif)
        langkah = _rencana_langkah(reg, akar, daftar, kertas, folder_templat)
    if all(x.hasil is not None for x in langkah):
        return [x.hasil for x in langkah if x.hasil is not None]
    periksa_templat([x.naskah for x in langkah if x.hasil is None], folder_templat)
    with Registri.buka(akar) as reg, kunci_arsip(akar):
        daftar = beri_nomor(reg, daftar, simpan=True)
        langkah = _rencana_langkah(reg, akar, daftar, kertas, folder_templat)  # again, under the lock
        perlu = [x for x in langkah if x.hasil is None]
        tugas = [(jalur_templat(x.naskah.templat, folder_templat), x.naskah.konteks, kertas, x.naskah.tanggal)
                 for x in perlu]
        selesai = len(langkah) - len(perlu)
        # Render everything before writing anything: a template that fails only while
        # rendering (a sandbox refusal, say) then leaves the archive as it was.
        isi_semua = []
        for isi in render_banyak(tugas, proses):
            isi_semua.append(isi)
            if kemajuan:
                kemajuan(selesai + len(isi_semua), len(langkah))
        for x, isi in zip(perlu, isi_semua):
            x.hasil = terapkan(reg, akar, x, isi, run_id, zona)
    return [x.hasil for x in langkah if x.hasil is not None]


def _rencana_langkah(reg: Registri, akar: Path, daftar: list[Naskah], kertas: str,
                     folder_templat: Path | None) -> list[Langkah]:
    """Paths, hashes and the decisions that need no rendering (unchanged, edited)."""
    langkah = []
    terpakai: set[Path] = set()
    hash_templat: dict[str, str] = {}
    for n in daftar:
        if n.templat not in hash_templat:
            hash_templat[n.templat] = sha256_berkas(jalur_templat(n.templat, folder_templat))
        th = hash_templat[n.templat]
        relatif = jalur_naskah(n)
        ke = 2
        while relatif in terpakai:  # two documents that would share a name in one run
            relatif = relatif.with_name(f"{jalur_naskah(n).stem} ({ke}).docx")
            ke += 1
        terpakai.add(relatif)
        x = Langkah(n, relatif, th, hash_input(n, th, kertas, *hash_logo(n.konteks)), reg.cari(n.kunci))
        x.hasil = tanpa_render(akar, x)
        langkah.append(x)
    return langkah
