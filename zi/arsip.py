"""Archive layout and safe writes: `outputs/<tahun>/<MM>/<baris>/<tanggal> <judul>.docx`.

Names are human-readable and valid on Windows (the secretariat's machines); every write is
a temporary file in the same folder renamed over the target, so a crash never leaves a
half-written document.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from zi.galat import ZiError

AKAR_BAWAAN = Path("outputs")
PANJANG_NAMA_MAKS = 120  # keeps full paths well under Windows' 260-character limit
_TERLARANG = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_NAMA_CADANGAN = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def nama_aman(teks: str, cadangan: str = "naskah") -> str:
    """A Windows-safe file or folder name that still reads like `teks`.

    Path separators and reserved characters become "-", "." and ".." cannot escape the
    folder, reserved device names (CON, NUL, COM1…) get a suffix, length is capped.
    """
    s = unicodedata.normalize("NFC", teks)
    s = _TERLARANG.sub("-", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"-{2,}", "-", s)
    s = s.strip(" .")
    if len(s) > PANJANG_NAMA_MAKS:
        s = s[:PANJANG_NAMA_MAKS].rstrip(" .-")
    if not s or set(s) <= {".", "-", " "}:
        s = cadangan
    if s.split(".")[0].upper() in _NAMA_CADANGAN:
        s = f"{s}_"
    return s


def folder_bulan(akar: Path, tahun: int, bulan: int) -> Path:
    return akar / f"{tahun:04d}" / f"{bulan:02d}"


def di_dalam(akar: Path, jalur: Path) -> Path:
    """`jalur`, after checking it stays inside `akar` (defence in depth for names)."""
    akar_r, jalur_r = akar.resolve(), jalur.resolve()
    if akar_r != jalur_r and akar_r not in jalur_r.parents:
        raise ZiError(f"jalur \"{jalur}\" keluar dari folder arsip", akar)
    return jalur


def tulis_atomik(tujuan: Path, isi: bytes) -> None:
    """Write `isi` to `tujuan` all at once: temp file + fsync + rename."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=".zi-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
