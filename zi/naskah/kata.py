"""The fixed sentences of the documents (data/naskah.yaml), so wording needs no programmer.

Each sentence is a small Jinja text (sandboxed, strict): a name the sentence uses that zi does
not provide is bad input naming the file and the key, not a blank in a signed decree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from zi.galat import ZiError
from zi.rencana import DATA_BAWAAN, Teks, _validasi, tampil_jalur

NAMA_BERKAS = "naskah.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Perbaikan(_Model):
    cari: Teks = Field(description="A Python regular expression to find (a common typo).")
    ganti: str = Field(description="Its replacement (\\1 refers to a group).")


class Diktum(_Model):
    isi: Teks = Field(description="The diktum's sentence.")
    tugas: bool = Field(default=False, description="Hang the team's tasks under it as a list.")


class KataSk(_Model):
    tentang: Teks
    menimbang: list[Teks] = Field(min_length=1, description="Default Menimbang sentences.")
    menimbang_penutup: Teks
    memperhatikan: list[Teks] = Field(default_factory=list)
    diktum: list[Diktum] = Field(min_length=1)
    diktum_mencabut: Teks
    dicabut: Teks = Field(description="How last year's decree is cited when the row gives no citation.")
    diktum_penutup: Teks
    perbaikan_mengingat: list[Perbaikan] = Field(default_factory=list)


class KataRapat(_Model):
    acara_bawaan: Teks
    hal_satu: Teks
    hal_banyak: Teks
    pembuka: Teks
    penutup: Teks
    kepada_tim: Teks
    kepada_semua: Teks
    nama_rapat_semua: Teks


class KataPernyataan(_Model):
    bebas: list[Teks] = Field(min_length=1)
    potensi_pembuka: Teks
    potensi_penutup: Teks
    penutup: Teks


class Kata(_Model):
    """The whole wording file."""

    sk: KataSk
    rapat: KataRapat
    pernyataan: KataPernyataan
    berkas: str = ""


def muat_kata(folder: str | Path | None = None) -> Kata:
    """The office's wording: `<folder>/naskah.yaml`, else the bundled one."""
    jalur = Path(folder) / NAMA_BERKAS if folder else None
    if jalur is None or not jalur.exists():
        jalur = DATA_BAWAAN / NAMA_BERKAS
    return _muat(jalur.resolve(), jalur.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _muat(jalur: Path, _mtime: int) -> Kata:
    kata = _validasi(Kata, jalur, berkas=tampil_jalur(jalur))
    for i, p in enumerate(kata.sk.perbaikan_mengingat, 1):
        try:
            re.compile(p.cari)
        except re.error as e:
            raise ZiError(f"ekspresi reguler rusak: {e}", kata.berkas, f"kunci sk.perbaikan_mengingat ke-{i}") from None
    return kata


@lru_cache(maxsize=1)
def _lingkungan() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@lru_cache(maxsize=512)
def _templat(teks: str) -> Any:
    return _lingkungan().from_string(teks)


def isi(teks: str, nilai: dict[str, Any], berkas: str, kunci: str) -> str:
    """One sentence with its names filled in; an unknown name or broken tag is bad input."""
    from jinja2 import TemplateError

    try:
        return _templat(teks).render(nilai).strip()
    except TemplateError as e:
        tersedia = ", ".join(sorted(nilai))
        nama = re.match(r"'(\w+)' is undefined", e.message or "")
        sebab = f"nama {{{{ {nama.group(1)} }}}} tidak dikenal" if nama else f"tag rusak ({e.message})"
        raise ZiError(f"kalimat tidak bisa diisi: {sebab} (nama yang tersedia: {tersedia})",
                      berkas, f"kunci {kunci}") from None


_KATA_SAMBUNG = frozenset("dan atau di ke dari yang untuk pada dalam terhadap serta dengan per tentang "
                          "oleh bagi atas sebagai secara".split())


def huruf_judul(teks: str) -> str:
    """Proper case as a Hal is written: each word capitalised except conjunctions and
    prepositions (not the first); acronyms (ZI, KPU, WBS) and words with capitals inside
    (LKjIP, e-PPID) are kept as they are."""
    hasil = []
    for i, kata in enumerate(teks.split()):
        inti = kata.strip("()\"'.,;:")
        if any(c.isupper() for c in inti[1:]) or any(c.isdigit() for c in inti):
            hasil.append(kata)
        elif i > 0 and inti.lower() in _KATA_SAMBUNG:
            hasil.append(kata.lower())
        else:
            hasil.append("-".join(b[:1].upper() + b[1:].lower() for b in kata.split("-")))
    return " ".join(hasil)


def rapikan(teks: str, perbaikan: list[Perbaikan]) -> str:
    """A legal-basis line with the wording file's typo fixes applied."""
    for p in perbaikan:
        teks = re.sub(p.cari, p.ganti, teks)
    return teks.strip()
