"""Safe names and safe writes (the layout itself is `zi.arsip.tata`).

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

PANJANG_NAMA_MAKS = 120  # keeps full paths well under Windows' 260-character limit
_TERLARANG = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_NAMA_CADANGAN = {"CON", "PRN", "AUX", "NUL", *(f"{p}{i}" for p in ("COM", "LPT") for i in (*"0123456789", "¹", "²", "³"))}


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
    kepala, titik, ekor = s.partition(".")
    if kepala.rstrip(" ").upper() in _NAMA_CADANGAN:  # "NUL.txt", "CON .x" are devices too
        s = f"{kepala.rstrip(' ')}_{titik}{ekor}"
    return s


def di_dalam(akar: Path, jalur: Path) -> Path:
    """`jalur`, after checking it stays inside `akar` (defence in depth for names).

    Lexical (no filesystem access): every name below the root is one zi made safe."""
    akar_n = os.path.normpath(os.path.abspath(akar))
    jalur_n = os.path.normpath(os.path.abspath(jalur))
    if jalur_n != akar_n and not jalur_n.startswith(akar_n + os.sep):
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


def sha256_berkas(jalur: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(jalur, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def tulis_di_samping(akar: Path, relatif: Path, isi: bytes) -> Path:
    """Write a new draft beside a file a person owns: "<nama> (draf baru).docx", numbered
    if that is taken by different content. Returns the relative path used."""
    ke = 1
    while True:
        akhiran = " (draf baru)" if ke == 1 else f" (draf baru {ke})"
        calon = relatif.with_name(f"{relatif.stem}{akhiran}{relatif.suffix}")
        tujuan = di_dalam(akar, akar / calon)
        if not tujuan.exists():
            tulis_atomik(tujuan, isi)
            return calon
        if tujuan.read_bytes() == isi:
            return calon
        ke += 1
