"""The archive's layout: where each thing lives and what counts as archive content.

    <akar>/<tahun>/<MM>/<baris>/<YYYY-MM-DD> <judul>.docx   a document, by its event month
    <akar>/<tahun>/<MM>/monev/…                               the period monev reports
    <akar>/<tahun>/<MM>/_riwayat/…                            superseded versions
    <akar>/.zi/                                               zi's bookkeeping (registry, lock)

The listing, the month bundle and the tracker's evidence search all ask here, so a file is
content for one exactly when it is content for the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from zi.arsip.berkas import nama_aman

RIWAYAT = "_riwayat"
MONEV = "monev"
_ABAIKAN = {"thumbs.db", "desktop.ini", ".ds_store"}  # what Windows/macOS drop into folders
_DRAF_BARU = re.compile(r" \(draf baru( \d+)?\)\.[^.]+$")


def folder_bulan(akar: Path, bulan: str) -> Path:
    """`<akar>/<YYYY>/<MM>/` of a month code "YYYY-MM"."""
    return akar / bulan[:4] / bulan[5:7]


def folder_baris(akar: Path, bulan: str, baris_id: str) -> Path:
    """`<akar>/<YYYY>/<MM>/<row id>/`: where a row's drafts and evidence of a month live."""
    return folder_bulan(akar, bulan) / nama_aman(baris_id)


def relatif_naskah(tanggal_iso: str, folder: str, judul: str) -> Path:
    """A document's path relative to the archive root: <YYYY>/<MM>/<folder>/<date> <title>.docx."""
    nama = nama_aman(f"{tanggal_iso} {judul}")
    return Path(tanggal_iso[:4], tanggal_iso[5:7], nama_aman(folder), f"{nama}.docx")


def relatif_monev(bulan: str, judul: str) -> Path:
    """A period monev report: <YYYY>/<MM of the period's end>/monev/<judul>.docx."""
    return Path(bulan[:4], bulan[5:7], MONEV, f"{nama_aman(judul)}.docx")


def riwayat(relatif: Path) -> Path:
    """The month's `_riwayat` folder (relative) for a superseded version of `relatif`."""
    return Path(*relatif.parts[:2], RIWAYAT)


def draf_baru(p: Path) -> bool:
    """A new draft written beside a file a person edited ("… (draf baru).docx"): it awaits
    the person's choice, so it is archive content (listed, bundled) but not evidence that
    the work was done — the edited file beside it is."""
    return bool(_DRAF_BARU.search(p.name))


def isi_arsip(p: Path, folder: Path) -> bool:
    """Whether file `p` found under `folder` is archive content: not a superseded version,
    not zi's temporary or bookkeeping file (".zi-…", ".zi/"), not an Office lock file
    ("~$…") nor what the desktop drops into folders (Thumbs.db, desktop.ini, .DS_Store)."""
    bagian = p.relative_to(folder).parts
    return not (RIWAYAT in bagian or any(b.startswith(".") for b in bagian) or p.name.startswith("~$")
                or p.name.lower() in _ABAIKAN)


def berkas_isi(folder: Path) -> Iterator[Path]:
    """Every content file below `folder`, sorted (see `isi_arsip`)."""
    if folder.is_dir():
        yield from (p for p in sorted(folder.rglob("*")) if p.is_file() and isi_arsip(p, folder))
