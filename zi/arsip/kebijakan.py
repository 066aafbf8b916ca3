"""The archive's state policy: what a run does with each document, written once.

| situation                                   | what zi does                              | status        |
|---------------------------------------------|-------------------------------------------|---------------|
| never written                               | write it                                  | baru          |
| same inputs as the registered version       | nothing (decided before rendering)        | tidak berubah |
| inputs changed, file untouched              | new version in place, old to `_riwayat`   | diperbarui    |
| registered, but the file is gone            | write it again                            | dibuat ulang  |
| a person edited it, inputs unchanged        | leave it alone                            | disunting     |
| a person edited (or owns) it, inputs changed| new draft beside it, "(draf baru)"        | konflik       |

"Inputs" are the input-hash recipe (`hash_input`); "a person edited it" is `disunting`.
`zi buat`, the flows and `zi monev` all archive through `tanpa_render` + `terapkan`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from zi.arsip.berkas import di_dalam, sha256_berkas, tulis_atomik, tulis_di_samping
from zi.arsip.registri import Catatan, Registri, kunci_arsip
from zi.arsip.tata import riwayat
from zi.naskah.umum import Naskah

STATUS = ("baru", "diperbarui", "dibuat ulang", "tidak berubah", "disunting", "konflik")
"""The outcomes of a run for one document, in the order a summary lists them."""

Keadaan = Literal["asli", "disunting", "hilang"]


@dataclass(frozen=True)
class Keluaran:
    """What happened to one document in a run."""

    naskah: Naskah
    jalur: Path  # relative to the archive root
    status: str  # one of STATUS


def hash_input(n: Naskah, hash_templat: str, kertas: str, *tambahan: str) -> str:
    """Everything that decides a document's bytes: context, template and its version,
    paper, date, and whatever is added after rendering (e.g. a chart's hash)."""
    data = json.dumps([n.konteks, n.templat, hash_templat, kertas, n.tanggal.isoformat(), *tambahan],
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def keadaan(akar: Path, c: Catatan) -> Keadaan:
    """A registered document now: "hilang" (gone), "disunting" (a person changed its
    bytes since zi wrote them) or "asli"."""
    jalur = di_dalam(akar, akar / c.path)
    if not jalur.is_file():
        return "hilang"
    return "asli" if sha256_berkas(jalur) == c.content_hash else "disunting"


def disunting(akar: Path, c: Catatan) -> bool:
    """Did a person edit this file? (It exists and is not the bytes zi wrote.)"""
    return keadaan(akar, c) == "disunting"


@dataclass
class Langkah:
    """One document's way through a run: where it goes and, once decided, what happened."""

    naskah: Naskah
    relatif: Path
    hash_templat: str
    hash_input: str
    catatan: Catatan | None
    hasil: Keluaran | None = None


def tanpa_render(akar: Path, x: Langkah) -> Keluaran | None:
    """Same inputs as the registered version: nothing to render; say whether a person
    has edited the file since. None when new content is needed."""
    if x.catatan is None or x.catatan.input_hash != x.hash_input:
        return None
    k = keadaan(akar, x.catatan)
    if k == "hilang":
        return None
    return Keluaran(x.naskah, Path(x.catatan.path), "disunting" if k == "disunting" else "tidak berubah")


def terapkan(reg: Registri, akar: Path, x: Langkah, isi: bytes, run_id: str, zona: ZoneInfo | None) -> Keluaran:
    """Write one rendered document where the policy says it goes (caller holds the lock)."""
    n, relatif, c = x.naskah, x.relatif, x.catatan
    waktu = dt.datetime.now(zona or dt.timezone.utc).replace(microsecond=0)
    baru = _catatan(x, relatif, isi, run_id, waktu.isoformat())
    if c is not None:
        k = keadaan(akar, c)
        if k == "disunting":
            return Keluaran(n, tulis_di_samping(akar, Path(c.path), isi), "konflik")
        tulis_dulu = k == "asli"
        lama = pindah_ke_riwayat(akar, Path(c.path), waktu) if tulis_dulu else None
        tulis_atomik(di_dalam(akar, akar / relatif), isi)
        reg.simpan(baru, lama, c.content_hash if lama else None)
        return Keluaran(n, relatif, "diperbarui" if tulis_dulu else "dibuat ulang")
    tujuan = di_dalam(akar, akar / relatif)
    if tujuan.exists():
        if tujuan.read_bytes() != isi:  # a file zi did not register: not ours to replace
            return Keluaran(n, tulis_di_samping(akar, relatif, isi), "konflik")
        status = "tidak berubah"  # written by a run that stopped before recording it
    else:
        tulis_atomik(tujuan, isi)
        status = "baru"
    reg.simpan(baru)
    return Keluaran(n, relatif, status)


def _catatan(x: Langkah, relatif: Path, isi: bytes, run_id: str, waktu: str) -> Catatan:
    n = x.naskah
    return Catatan(kunci=n.kunci, path=relatif.as_posix(), jenis=n.jenis, baris_id=n.baris_id,
                   bulan=n.tanggal.strftime("%Y-%m"), minggu=n.kejadian.minggu, tanggal=n.tanggal.isoformat(),
                   templat_hash=x.hash_templat, input_hash=x.hash_input,
                   content_hash=hashlib.sha256(isi).hexdigest(), waktu=waktu, run_id=run_id, baris=n.baris)


def pindah_ke_riwayat(akar: Path, relatif: Path, waktu: dt.datetime) -> str:
    """Move a superseded version into its month's `_riwayat` folder, stamped with the
    office's time. Returns the new relative path."""
    cap = waktu.strftime("%Y%m%d-%H%M%S")
    folder = riwayat(relatif)
    baru = folder / f"{relatif.stem} {cap}{relatif.suffix}"
    ke = 2
    while di_dalam(akar, akar / baru).exists():
        baru = folder / f"{relatif.stem} {cap}-{ke}{relatif.suffix}"
        ke += 1
    (akar / folder).mkdir(parents=True, exist_ok=True)
    os.replace(akar / relatif, akar / baru)
    return baru.as_posix()


def arsipkan_isi(akar: Path, n: Naskah, relatif: Path, isi: bytes, hash_templat: str, input_hash: str,
                 zona: ZoneInfo | None = None, run_id: str | None = None) -> Keluaran:
    """Archive one document rendered elsewhere (e.g. with a chart inserted after
    rendering) under exactly the rules `zi buat` applies."""
    with Registri.buka(akar) as reg, kunci_arsip(akar):
        x = Langkah(n, relatif, hash_templat, input_hash, reg.cari(n.kunci))
        return tanpa_render(akar, x) or terapkan(reg, akar, x, isi, run_id or uuid.uuid4().hex, zona)
