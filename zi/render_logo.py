"""The kop's logo: `instansi.logo` in a document's context, and its picture after rendering.

The context's `instansi.logo` is a `Logo`: a string (the file name as written in
instansi.yaml, so the template takes its logo layout and the input hash sees the name)
that also knows where the file is (`jalur`, resolved against the office folder as
`zi.rencana._cek_logo` does). The template prints that name in the kop's logo cell;
`pasang_logo` then puts the picture in that cell with python-docx, keeping render's
reproducible zip. A context without a logo (`""`) is left untouched, byte for byte.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

LEBAR_LOGO_CM = 2.0  # the kop's logo column is 2.2 cm; the cell's margins take the rest


class Logo(str):
    """The logo's file name (what templates and the input hash see) with its path."""

    jalur: Path

    def __new__(cls, nama: str, jalur: str | Path) -> "Logo":
        diri = super().__new__(cls, nama)
        diri.jalur = Path(jalur)
        return diri

    def __reduce__(self) -> tuple[Any, ...]:  # survives the worker processes' pickling
        return (Logo, (str(self), self.jalur))


def logo_konteks(konteks: Mapping[str, Any]) -> Logo | None:
    """The configured logo of a document's context, or None."""
    instansi = konteks.get("instansi")
    logo = instansi.get("logo") if isinstance(instansi, Mapping) else None
    return logo if isinstance(logo, Logo) and logo else None


def hash_logo(konteks: Mapping[str, Any]) -> tuple[str, ...]:
    """The logo bytes' hash as an extra input-hash part (`hash_input(..., *hash_logo(k))`):
    a changed picture regenerates the drafts; no logo adds nothing (hashes stay as before)."""
    logo = logo_konteks(konteks)
    if logo is None:
        return ()
    return (f"logo:{hashlib.sha256(logo.jalur.read_bytes()).hexdigest()}",)


def pasang_logo(isi: bytes, konteks: Mapping[str, Any], lebar_cm: float = LEBAR_LOGO_CM) -> bytes:
    """Put the context's logo into the kop: the first top-level table cell whose text is the
    logo's name (what the template's logo cell prints). Without a logo, `isi` unchanged."""
    logo = logo_konteks(konteks)
    if logo is None:
        return isi
    import docx
    from docx.shared import Cm

    from zi.render import zip_tetap

    doc = docx.Document(io.BytesIO(isi))
    gambar = logo.jalur.read_bytes()
    for tabel in doc.tables:
        for baris in tabel.rows:
            for sel in baris.cells:
                for p in sel.paragraphs:
                    if p.text.strip() == str(logo):
                        for r in p.runs:
                            r.text = ""
                        run = p.runs[0] if p.runs else p.add_run()
                        run.add_picture(io.BytesIO(gambar), width=Cm(lebar_cm))
                        keluar = io.BytesIO()
                        doc.save(keluar)
                        return zip_tetap(keluar.getvalue())
    return isi
