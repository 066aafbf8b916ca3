"""The plan and the office data as validated models, loaded from the YAML staff edit.

Every error names the file, the row id (or key) and the YAML line, in Indonesian, because
the person fixing it is a secretariat admin with the file open in a text editor.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from zi.galat import ZiError
from zi.kode import JENIS, KODE_AREA, Jenis, KodeArea  # noqa: F401  (re-exported)

Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
POLA_ID = re.compile(r"^(I|II|III|IV|V|VI)\.(\d+)\.(\d+)$")
POLA_NIP = re.compile(r"^\d{18}$")

DATA_BAWAAN = Path(__file__).resolve().parent.parent / "data"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- plan

class Rapat(_Model):
    """Per-row meeting facts overriding `instansi.rapat`."""

    pukul: str | None = Field(default=None, pattern=r"^\d{1,2}[.:]\d{2}$")
    tempat: Teks | None = None
    undangan: Teks | None = None  # a team id from tim.yaml, or "semua"
    tanggal: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")

    @field_validator("pukul")
    @classmethod
    def _pukul(cls, v: str | None) -> str | None:
        return _cek_pukul(v) if v is not None else None

    @field_validator("tanggal")
    @classmethod
    def _tanggal(cls, v: str | None) -> str | None:
        if v is not None:
            import datetime as dt

            try:
                dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError(f"tanggal \"{v}\" tidak ada di kalender") from None
        return v


class Baris(_Model):
    """One row of the action table, verbatim, with its stable id."""

    id: Teks
    area: KodeArea
    komponen: Teks
    indikator: Teks
    langkah_aksi: Teks
    bukti_fisik: Teks
    target_waktu: str
    jadwal: Teks | None = None  # an unambiguous phrase used instead of target_waktu
    dokumen: list[Jenis] | None = None
    tim: Teks | None = None  # team the row's SK or meeting is about
    rapat: Rapat | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not POLA_ID.match(v):
            raise ValueError(f"id \"{v}\" harus berbentuk AREA.KOMPONEN.N, mis. V.5.3")
        return v

    @field_validator("target_waktu")
    @classmethod
    def _target(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("target waktu kosong")
        return v

    @model_validator(mode="after")
    def _area_cocok(self) -> "Baris":
        if self.id.split(".")[0] != self.area:
            raise ValueError(f"id {self.id} tidak cocok dengan area {self.area}")
        return self

    @property
    def frasa_jadwal(self) -> str:
        """The phrase the schedule is read from: the override if any."""
        return self.jadwal or self.target_waktu


class KepalaRencana(_Model):
    instansi: Teks
    tahun: int = Field(ge=2000, le=2100)
    judul: Teks
    mengingat: list[Teks] = Field(default_factory=list)


class Rencana(_Model):
    """The whole plan: header facts, area titles and rows."""

    rencana: KepalaRencana
    area: dict[KodeArea, Teks]
    baris: list[Baris] = Field(min_length=1)
    berkas: str = ""

    @model_validator(mode="after")
    def _unik(self) -> "Rencana":
        dilihat: set[str] = set()
        for b in self.baris:
            if b.id in dilihat:
                raise ValueError(f"id {b.id} dipakai lebih dari sekali")
            dilihat.add(b.id)
            if b.area not in self.area:
                raise ValueError(f"baris {b.id}: area {b.area} tidak punya judul di bagian `area`")
        return self

    @property
    def tahun(self) -> int:
        return self.rencana.tahun

    @cached_property
    def per_id(self) -> dict[str, Baris]:
        return {b.id: b for b in self.baris}


# --------------------------------------------------------------------------- office data

class Pejabat(_Model):
    nama: Teks
    jabatan: Teks
    nip: str | None = None
    pangkat: Teks | None = None

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: str | None) -> str | None:
        return _cek_nip(v) if v is not None else None


class RapatBawaan(_Model):
    pukul: str = Field(default="09.00", pattern=r"^\d{1,2}[.:]\d{2}$")
    tempat: Teks = "Ruang Rapat"
    undangan: Teks = "semua"
    hari_kerja_sebelum: int = Field(default=5, ge=0, le=30)

    @field_validator("pukul")
    @classmethod
    def _pukul(cls, v: str) -> str:
        return _cek_pukul(v)


class Penomoran(_Model):
    """Letter numbers: left as dotted blanks unless `aktif` (numbers come from the TU book)."""

    aktif: bool = False
    pola: Teks = "{nomor}/{kode}/{satker}/{bulan_romawi}/{tahun}"
    satker: Teks = ""
    kode: dict[str, str] = Field(default_factory=dict)

    @field_validator("pola")
    @classmethod
    def _pola(cls, v: str) -> str:
        import string

        boleh = ("nomor", "kode", "satker", "bulan_romawi", "bulan", "tahun")
        try:
            nama = [f for _, f, _, _ in string.Formatter().parse(v) if f is not None]
        except ValueError:
            raise ValueError(f"pola \"{v}\" rusak: kurung kurawal tidak seimbang") from None
        salah = [f for f in nama if f not in boleh]
        if salah:
            raise ValueError(f"pola memakai {{{salah[0]}}} yang tidak dikenal; yang boleh: "
                             + ", ".join(f"{{{b}}}" for b in boleh))
        return v


class Instansi(_Model):
    nama: Teks
    singkatan: Teks
    kop: list[Teks] = Field(min_length=1)
    alamat: Teks
    kontak: Teks | None = None
    kota: Teks
    zona_waktu: Teks = "Asia/Jakarta"
    ketua: Pejabat
    sekretaris: Pejabat
    komisioner: list[Pejabat] = Field(default_factory=list)
    rapat: RapatBawaan = RapatBawaan()
    penomoran: Penomoran = Penomoran()
    kertas: Literal["A4", "F4"] = "A4"
    draf_hari_kerja_sebelum: int = Field(default=5, ge=0, le=60)  # drafts appear this early
    tembusan: dict[Jenis, list[Teks]] = Field(default_factory=dict)
    catatan: str | None = None

    @field_validator("zona_waktu")
    @classmethod
    def _zona(cls, v: str) -> str:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(v)
        except (KeyError, ValueError, OSError):  # not found is a KeyError; "../x" a ValueError
            raise ValueError(f"zona waktu \"{v}\" tidak dikenal; mis. Asia/Jakarta (WIB)") from None
        return v


class Pegawai(_Model):
    nama: Teks
    nip: str
    pangkat: Teks
    golongan: Teks
    jabatan: Teks
    unit: Teks
    benturan_kepentingan: str | None = None  # a declared potential conflict, if any

    @field_validator("nip", mode="before")
    @classmethod
    def _nip(cls, v: Any) -> str:
        if v is None or (isinstance(v, str) and not v.strip()):
            raise ValueError("NIP wajib diisi (18 angka)")
        return _cek_nip(str(v))


class AnggotaTim(_Model):
    """A member: staff by NIP, or a commissioner by name (commissioners have no NIP)."""

    peran: Teks
    nip: str | None = None
    nama: Teks | None = None

    @model_validator(mode="after")
    def _salah_satu(self) -> "AnggotaTim":
        if (self.nip is None) == (self.nama is None):
            raise ValueError("isi salah satu: `nip` (pegawai) atau `nama` (komisioner)")
        return self


class Tim(_Model):
    id: Teks
    nama: Teks
    alias: list[Teks] = Field(default_factory=list)  # words in the plan that mean this team
    tugas: list[Teks] = Field(min_length=1)
    anggota: list[AnggotaTim] = Field(min_length=1)


class DaftarPegawai(_Model):
    pegawai: list[Pegawai] = Field(min_length=1)
    catatan: str | None = None

    @model_validator(mode="after")
    def _unik(self) -> "DaftarPegawai":
        dilihat: set[str] = set()
        for p in self.pegawai:
            if p.nip in dilihat:
                raise ValueError(f"NIP {p.nip} tercatat lebih dari sekali")
            dilihat.add(p.nip)
        return self


class DaftarTim(_Model):
    tim: list[Tim] = Field(min_length=1)
    catatan: str | None = None


def _cek_pukul(v: str) -> str:
    jam, menit = (int(x) for x in v.replace(":", ".").split("."))
    if not (0 <= jam <= 23 and 0 <= menit <= 59):
        raise ValueError(f"pukul \"{v}\" tidak ada (00.00–23.59)")
    return v


def _cek_nip(v: str) -> str:
    v = v.strip().replace(" ", "")
    if not POLA_NIP.match(v):
        raise ValueError(f"NIP \"{v}\" harus 18 angka")
    return v


# --------------------------------------------------------------------------- loading

_PESAN = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci tidak dikenal",
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "list_type": "harus berupa daftar",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "bool_type": "harus true atau false",
    "string_too_short": "tidak boleh kosong",
    "too_short": "tidak boleh kosong",
    "literal_error": "nilai tidak dikenal",
    "string_pattern_mismatch": "bentuknya salah",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
}


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~20× faster when present


def _baca_yaml(jalur: Path, berkas: str) -> tuple[Any, str]:
    """Parse YAML; errors name the file and the line. Returns the data and the text."""
    try:
        teks = jalur.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ZiError("berkas tidak ditemukan", berkas) from None
    except UnicodeDecodeError as e:
        raise ZiError(f"bukan teks UTF-8 (bita ke-{e.start})", berkas) from None
    except OSError as e:
        raise ZiError(f"tidak bisa dibaca: {e.strerror}", berkas) from None
    try:
        data = yaml.load(teks, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        lokasi = f"baris YAML {mark.line + 1}, kolom {mark.column + 1}" if mark else None
        raise ZiError(f"YAML rusak: {e.problem or e.context}", berkas, lokasi) from None
    except yaml.YAMLError as e:
        raise ZiError(f"YAML rusak: {e}", berkas) from None
    return data, teks


def _baris_yaml(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based YAML line of the element at `loc`, as deep as the node tree goes."""
    baris = None
    for kunci in loc:
        if isinstance(node, yaml.MappingNode):
            cocok = [v for k, v in node.value if k.value == str(kunci)]
            if not cocok:
                break
            node = cocok[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(kunci, int) and kunci < len(node.value):
            node = node.value[kunci]
        else:
            break
        baris = node.start_mark.line + 1
    return baris


def _lokasi(data: Any, node: yaml.Node | None, loc: tuple[Any, ...]) -> str:
    """"baris V.5.3, kolom target_waktu (baris YAML 412)": readable place of an error."""
    bagian: list[str] = []
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data, dict):
        daftar = data.get(loc[0])
        elemen = daftar[loc[1]] if isinstance(daftar, list) and loc[1] < len(daftar) else None
        nama = None
        if isinstance(elemen, dict):
            nama = elemen.get("id") or elemen.get("nama") or elemen.get("nip")
        bagian.append(f"{loc[0]} {nama}" if nama else f"{loc[0]} ke-{loc[1] + 1}")
        sisa = [str(x) for x in loc[2:]]
    else:
        sisa = [str(x) for x in loc]
    if sisa:
        bagian.append("kunci " + ".".join(sisa))
    baris = _baris_yaml(node, loc)
    if baris:
        bagian.append(f"baris YAML {baris}")
    return ", ".join(bagian)


def _validasi(model: type[_Model], jalur: Path, **tambahan: Any) -> Any:
    berkas = tampil_jalur(jalur)
    data, teks = _baca_yaml(jalur, berkas)
    if not isinstance(data, dict):
        raise ZiError("isi berkas harus berupa pemetaan (kunci: nilai) di tingkat atas", berkas)
    try:
        return model.model_validate({**data, **tambahan})
    except ValidationError as e:
        node = yaml.compose(teks, Loader=_Loader)  # only now: line numbers for the message
        pesan = []
        for err in e.errors():
            loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
            teks = err["msg"].removeprefix("Value error, ")
            if err["type"] in _PESAN:
                teks = _PESAN[err["type"]]
                if err["type"] == "literal_error":
                    teks += f" (boleh: {err['ctx']['expected']})"
            lokasi = _lokasi(data, node, loc)
            pesan.append(f"{lokasi}: {teks}" if lokasi else teks)
        raise ZiError("; ".join(pesan[:8]) + (f"; dan {len(pesan) - 8} galat lain" if len(pesan) > 8 else ""), berkas) from None


def tampil_jalur(jalur: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    jalur = Path(jalur)
    try:
        return str(jalur.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(jalur)


def muat_rencana(berkas: str | Path | None = None) -> Rencana:
    """Load and validate the plan (default: the bundled sample plan)."""
    jalur = Path(berkas) if berkas else DATA_BAWAAN / "rencana_aksi_2026.yaml"
    return _validasi(Rencana, jalur, berkas=tampil_jalur(jalur))


def muat_instansi(folder: str | Path | None = None) -> Instansi:
    return _validasi(Instansi, Path(folder or DATA_BAWAAN) / "instansi.yaml")


def muat_pegawai(folder: str | Path | None = None) -> list[Pegawai]:
    return list(_validasi(DaftarPegawai, Path(folder or DATA_BAWAAN) / "pegawai.yaml").pegawai)


def muat_tim(folder: str | Path | None = None) -> list[Tim]:
    return list(_validasi(DaftarTim, Path(folder or DATA_BAWAAN) / "tim.yaml").tim)


class Kantor(BaseModel):
    """One office's data (instansi, pegawai, tim), cross-checked against each other."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    instansi: Instansi
    pegawai: list[Pegawai]
    tim: list[Tim]
    folder: str = ""

    @cached_property
    def pegawai_per_nip(self) -> dict[str, Pegawai]:
        return {p.nip: p for p in self.pegawai}

    @cached_property
    def tim_per_id(self) -> dict[str, Tim]:
        return {t.id: t for t in self.tim}


def muat_kantor(folder: str | Path | None = None) -> Kantor:
    """Load instansi/pegawai/tim of one office and check that they refer to each other."""
    folder = Path(folder or DATA_BAWAAN)
    kantor = Kantor(instansi=muat_instansi(folder), pegawai=muat_pegawai(folder),
                    tim=muat_tim(folder), folder=tampil_jalur(folder))
    komisioner = {k.nama for k in kantor.instansi.komisioner} | {kantor.instansi.ketua.nama}
    berkas_tim = tampil_jalur(folder / "tim.yaml")
    dilihat: set[str] = set()
    for t in kantor.tim:
        if t.id in dilihat:
            raise ZiError(f"id tim \"{t.id}\" dipakai lebih dari sekali", berkas_tim, f"tim {t.id}")
        dilihat.add(t.id)
        for i, a in enumerate(t.anggota, 1):
            if a.nip is not None and a.nip not in kantor.pegawai_per_nip:
                raise ZiError(f"NIP {a.nip} tidak ada di pegawai.yaml", berkas_tim, f"tim {t.id}, anggota ke-{i}")
            if a.nama is not None and a.nama not in komisioner:
                raise ZiError(f"\"{a.nama}\" bukan komisioner di instansi.yaml", berkas_tim, f"tim {t.id}, anggota ke-{i}")
    undangan = kantor.instansi.rapat.undangan
    if undangan != "semua" and undangan not in kantor.tim_per_id:
        raise ZiError(f"undangan \"{undangan}\" bukan \"semua\" atau id tim", tampil_jalur(folder / "instansi.yaml"), "kunci rapat.undangan")
    return kantor


def cari_rencana(folder: str | Path) -> Path | None:
    """The plan file of a unit folder (`rencana_aksi_*.yaml`), if it has exactly one."""
    calon = sorted(Path(folder).glob("rencana_aksi_*.yaml"))
    if len(calon) > 1:
        raise ZiError(f"lebih dari satu berkas rencana: {', '.join(p.name for p in calon)}; pilih dengan --rencana",
                      tampil_jalur(folder))
    return calon[0] if calon else None


def muat_unit(folder: str | Path) -> tuple[Rencana, Kantor]:
    """One office (satker) as a folder: instansi.yaml, pegawai.yaml, tim.yaml and its plan.

    Many offices = many such folders; each is generated into its own archive root.
    """
    berkas = cari_rencana(folder)
    if berkas is None:
        raise ZiError("tidak ada berkas rencana_aksi_*.yaml", tampil_jalur(folder))
    return muat_rencana(berkas), muat_kantor(folder)
