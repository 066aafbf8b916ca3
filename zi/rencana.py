"""The plan and the office data as validated models, loaded from the YAML staff edit.

Every error names the file, the row id (or key) and the YAML line, in Indonesian, because
the person fixing it is a secretariat admin with the file open in a text editor.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

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

    pukul: str | None = Field(default=None, pattern=r"^\d{1,2}[.:]\d{2}$", description=(
        "Start time of this row's meetings (\"13.30\"); absent: `instansi.rapat.pukul` (or a session slot)."))
    tempat: Teks | None = Field(default=None, description=(
        "Where this row's meetings are held; absent: `instansi.rapat.tempat`."))
    undangan: Teks | None = Field(default=None, description=(
        "Who is invited: a team id from tim.yaml, or \"semua\" (all staff); absent: the row's `tim`, "
        "else `instansi.rapat.undangan`."))
    tanggal: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description=(
        "A fixed event date (YYYY-MM-DD) for the row, used instead of the date derived from the "
        "target time; ignored with a warning when it falls outside every window."))
    acara: Teks | None = Field(default=None, description=(
        "The agenda item as the invitation states it (\"Evaluasi Pelaksanaan Rencana Aksi ...\"); "
        "also the Hal (\"Undangan Rapat <acara>\"). Without it zi derives one and `zi periksa` warns."))
    hari: Literal["Senin", "Selasa", "Rabu", "Kamis", "Jumat"] | None = Field(default=None, description=(
        "A fixed weekday for the row's events (\"Senin\" for the Monday apel): each occurrence's "
        "event date is the first working day of its window on that weekday."))
    bentuk: Literal["rapat", "apel"] = Field(default="rapat", description=(
        "\"apel\": the row's daftar hadir is the month's apel attendance (one sheet per apel day), "
        "not a meeting."))

    @field_validator("pukul")
    @classmethod
    def _pukul(cls, v: str | None) -> str | None:
        return _cek_pukul(v) if v is not None else None

    @field_validator("acara", mode="before")
    @classmethod
    def _acara(cls, v: Any) -> Any:
        if isinstance(v, str) and not v.strip():
            raise ValueError("acara kosong; tulis acara rapat atau hapus kuncinya")
        return v

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


class SkBaris(_Model):
    """Per-row facts of a decree forming a team (SK Tim)."""

    menimbang: list[Teks] = Field(default_factory=list, description=(
        "The Menimbang sentences (\"bahwa ...;\") before the closing one, which comes from "
        "data/naskah.yaml; empty: naskah.yaml's default sentences."))
    mencabut: bool | Teks = Field(default=False, description=(
        "The decree replaces last year's team: true, or the revoked decree's citation "
        "(\"Keputusan ... Nomor 3 Tahun 2025\"); adds the diktum that revokes it."))


class PernyataanBaris(_Model):
    """Who makes the row's statements (surat pernyataan)."""

    untuk: Literal["pegawai", "komisioner", "semua"] = Field(default="pegawai", description=(
        "pegawai: every employee in pegawai.yaml; komisioner: the commissioners; semua: both."))


class Baris(_Model):
    """One row of the action table, verbatim, with its stable id."""

    id: Teks = Field(description=(
        "Stable row id AREA.KOMPONEN.N (\"V.5.3\"); names the row in schedules, the archive and errors."))
    area: KodeArea = Field(description=(
        "Change area I–VI the row belongs to; must match the id's first part and have a title in `area`."))
    komponen: Teks = Field(description="The plan table's Komponen column, verbatim.")
    indikator: Teks = Field(description="The plan table's Indikator column, verbatim.")
    langkah_aksi: Teks = Field(description="The plan table's Langkah Aksi (action step) column, verbatim.")
    bukti_fisik: Teks = Field(description=(
        "The plan table's Bukti Fisik column, verbatim: the physical evidence the row must leave in the archive."))
    target_waktu: str = Field(description=(
        "Free-text target time from the plan's table, read by zi.jadwal; kept verbatim."))
    jadwal: Teks | None = Field(default=None, description=(
        "An unambiguous schedule phrase read instead of `target_waktu` when that cannot be parsed "
        "(\"Februari, September, Oktober, Desember 2026\")."))
    dokumen: list[Jenis] | None = Field(default=None, description=(
        "Which document kinds the row produces (e.g. [daftar_hadir]); absent: derived from the row's "
        "text; []: none."))
    tim: Teks | None = Field(default=None, description=(
        "Id (from tim.yaml) of the team the row's SK or meeting is about; absent: the team whose "
        "name or alias the row's text mentions."))
    rapat: Rapat | None = Field(default=None, description=(
        "Meeting facts for this row (time, place, invitees, agenda) overriding `instansi.rapat`."))
    sk: SkBaris | None = Field(default=None, description="Facts of the row's SK Tim (Menimbang, revoking last year's).")
    pernyataan: PernyataanBaris | None = Field(default=None, description="Who makes the row's statements.")

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
    """The plan's header: whose plan, which year, and its legal basis."""

    instansi: Teks = Field(description="Name of the office the plan belongs to, as the decree writes it.")
    tahun: int = Field(ge=2000, le=2100, description=(
        "The plan's year: month names in target times fall in it, and documents are dated within it."))
    judul: Teks = Field(description="Full title of the plan (Rencana Aksi Pembangunan Zona Integritas ...).")
    nomor: Teks | None = Field(default=None, description=(
        "Number of the decree adopting this plan (\"12\"), cited in each SK's Memperhatikan; "
        "absent: a dotted blank."))
    mengingat: list[Teks] = Field(default_factory=list, description=(
        "The decree's Mengingat citations (laws and regulations), verbatim; SKs cite them and the "
        "monev report takes the Zona Integritas ones as its legal basis."))


class Rencana(_Model):
    """The whole plan: header facts, area titles and rows."""

    rencana: KepalaRencana = Field(description="The plan's header facts (office, year, title, legal basis).")
    area: dict[KodeArea, Teks] = Field(description="Title of each change area I–VI, as the plan's table heads it.")
    baris: list[Baris] = Field(min_length=1, description="The rows of the action table, in the plan's order.")
    berkas: str = Field(default="", description=(
        "Path of the plan file, set by the loader (not written in the YAML); errors and warnings name it."))

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
    """An official who signs or is named in documents (Ketua, Sekretaris, a commissioner)."""

    nama: Teks = Field(description="Full name with titles, as printed under the signature.")
    jabatan: Teks = Field(description="Position (\"Ketua Komisi Pemilihan Umum Kabupaten ...\", \"Anggota\").")
    nip: str | None = Field(default=None, description=(
        "NIP, 18 digits; absent for commissioners, who have none."))
    pangkat: Teks | None = Field(default=None, description="Rank and grade (\"Pembina Tingkat I (IV/b)\"), if any.")

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: str | None) -> str | None:
        return _cek_nip(v) if v is not None else None


class SesiRapat(_Model):
    """A meeting slot: the n-th separate meeting of one day takes the n-th slot."""

    pukul: str = Field(pattern=r"^\d{1,2}[.:]\d{2}$", description="Start time, \"13.30\".")
    tempat: Teks | None = Field(default=None, description="Room; absent: `rapat.tempat`.")

    @field_validator("pukul")
    @classmethod
    def _pukul(cls, v: str) -> str:
        return _cek_pukul(v)


class RapatBawaan(_Model):
    """The office's meeting defaults; a plan row's `rapat` overrides them."""

    pukul: str = Field(default="09.00", pattern=r"^\d{1,2}[.:]\d{2}$", description=(
        "Default start time of meetings (\"09.00\")."))
    tempat: Teks = Field(default="Ruang Rapat", description="Default meeting room.")
    undangan: Teks = Field(default="semua", description=(
        "Default invitees when a row names no team: \"semua\" (all staff) or a team id from tim.yaml."))
    hari_kerja_sebelum: int = Field(default=5, ge=0, le=30, description=(
        "How many working days before the meeting the invitation is dated."))
    sesi: list[SesiRapat] = Field(default_factory=list, description=(
        "Slots for a day with several separate meetings (different teams): the first meeting "
        "takes `pukul`/`tempat`, the next ones these slots in order."))
    apel_pukul: str = Field(default="07.30", pattern=r"^\d{1,2}[.:]\d{2}$", description="Time of the apel.")
    apel_tempat: Teks = Field(default="Halaman Kantor", description="Where the apel is held.")

    @field_validator("pukul")
    @classmethod
    def _pukul(cls, v: str) -> str:
        return _cek_pukul(v)


class Penomoran(_Model):
    """Letter numbers: left as dotted blanks unless `aktif` (numbers come from the TU book)."""

    aktif: bool = Field(default=False, description=(
        "true: zi fills running numbers from the archive's registry; false: numbers stay dotted "
        "blanks for the TU book."))
    pola: Teks = Field(default="{nomor}/{kode}/{satker}/{bulan_romawi}/{tahun}", description=(
        "Pattern of a letter number; may use {nomor}, {kode}, {satker}, {bulan_romawi}, {bulan}, {tahun}."))
    satker: Teks = Field(default="", description="The office's work-unit (satker) code used in numbers (\"1503\").")
    kode: dict[str, str] = Field(default_factory=dict, description=(
        "Kode klasifikasi per kind (undangan_rapat: PR.01.1-Und); a kind without one is not numbered."))
    pola_keputusan: Teks = Field(default="{nomor}", description=(
        "The number inside \"NOMOR <n> TAHUN <tahun>\" of a Keputusan (SK)."))

    @field_validator("pola")
    @classmethod
    def _pola(cls, v: str) -> str:
        return _cek_pola(v)

    @field_validator("pola_keputusan")
    @classmethod
    def _pola_keputusan(cls, v: str) -> str:
        return _cek_pola(v)


def _cek_pola(v: str) -> str:
    """A number pattern may only use the known fields (a typo would print wrongly)."""
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
    """The office itself (instansi.yaml): names, letterhead, officials and document defaults."""

    nama: Teks = Field(description="Full name of the office (\"Komisi Pemilihan Umum Kabupaten ...\").")
    singkatan: Teks = Field(description=(
        "Short name (\"KPU Kabupaten ...\"), appended to commissioners' positions in documents."))
    kop: list[Teks] = Field(min_length=1, description="The letterhead (kop) lines, top to bottom.")
    alamat: Teks = Field(description="Street address printed under the kop.")
    kontak: Teks | None = Field(default=None, description=(
        "Contact line under the address (telephone, website, e-mail); absent: none."))
    kota: Teks = Field(description="City of the place-and-date line (\"Sarolangun, 12 Januari 2026\").")
    zona_waktu: Teks = Field(default="Asia/Jakarta", description=(
        "IANA time zone deciding what \"today\" is for the office (Asia/Jakarta = WIB)."))
    ketua: Pejabat = Field(description="The Ketua (chair), who signs decrees and invitations.")
    sekretaris: Pejabat = Field(description=(
        "The Sekretaris heading the secretariat; acknowledges the unit heads' statements."))
    komisioner: list[Pejabat] = Field(default_factory=list, description=(
        "The commissioners (with the Ketua); tim.yaml names them by `nama`, and they make "
        "statements when a row's `pernyataan.untuk` includes them."))
    rapat: RapatBawaan = Field(default=RapatBawaan(), description=(
        "Meeting defaults (time, room, invitees, sessions, apel) for rows without their own."))
    penomoran: Penomoran = Field(default=Penomoran(), description=(
        "How letter and decree numbers are written (pattern, satker, classification codes)."))
    kertas: Literal["A4", "F4"] = Field(default="A4", description="Paper size of the generated documents.")
    logo: Teks | None = Field(default=None, description=(
        "Image file (PNG/JPEG) printed at the left of the kop, relative to the office folder; "
        "absent: the kop is text only."))
    draf_hari_kerja_sebelum: int = Field(default=5, ge=0, le=60, description=(
        "How many working days before its event a document's draft is due (zi shows it as pending)."))
    tembusan: dict[Jenis, list[Teks]] = Field(default_factory=dict, description=(
        "Carbon-copy (tembusan) recipients per document kind (sk_tim, undangan_rapat, ...)."))
    catatan: str | None = Field(default=None, description="A free note for the people editing the file; zi ignores it.")

    @property
    def zona(self) -> ZoneInfo:
        """The office's time zone: what "today" means for it (see zi.waktu)."""
        return ZoneInfo(self.zona_waktu)

    @field_validator("zona_waktu")
    @classmethod
    def _zona(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (KeyError, ValueError, OSError):  # not found is a KeyError; "../x" a ValueError
            raise ValueError(f"zona waktu \"{v}\" tidak dikenal; mis. Asia/Jakarta (WIB)") from None
        return v


class Pegawai(_Model):
    """One employee of the secretariat (pegawai.yaml)."""

    nama: Teks = Field(description="Full name with titles, as printed in documents.")
    nip: str = Field(description="NIP, 18 digits, unique; teams and `atasan` refer to the employee by it.")
    pangkat: Teks = Field(description="Rank (\"Penata Tingkat I\").")
    golongan: Teks = Field(description="Grade (\"III/d\").")
    jabatan: Teks = Field(description=(
        "Position; a unit's head is the one whose jabatan starts with \"Kepala\"."))
    unit: Teks = Field(description="The subbagian (unit) the employee works in.")
    benturan_kepentingan: str | None = Field(default=None, description=(
        "A declared potential conflict of interest, if any; the employee's statement then declares it."))
    penanganan_benturan: Teks | None = Field(default=None, description=(
        "How the declared conflict is handled (e.g. withdrawn from the procurement it touches); "
        "the conflict-of-interest monev report lists it, or a blank for the team when absent."))
    atasan: str | None = Field(default=None, description=(
        "NIP of the superior who acknowledges this employee's statements; absent: the head of "
        "the employee's unit (\"Kepala ...\"), for a head the Sekretaris, for the Sekretaris the Ketua."))

    @field_validator("nip", mode="before")
    @classmethod
    def _nip(cls, v: Any) -> str:
        if v is None or (isinstance(v, str) and not v.strip()):
            raise ValueError("NIP wajib diisi (18 angka)")
        return _cek_nip(str(v))


class AnggotaTim(_Model):
    """A member: staff by NIP, or a commissioner by name (commissioners have no NIP)."""

    peran: Teks = Field(description="Role in the team (Pengarah, Penanggung Jawab, Ketua, Sekretaris, Anggota).")
    nip: str | None = Field(default=None, description="NIP of a staff member in pegawai.yaml (or give `nama`).")
    nama: Teks | None = Field(default=None, description=(
        "Name of a commissioner as in instansi.yaml (or give `nip`)."))

    @model_validator(mode="after")
    def _salah_satu(self) -> "AnggotaTim":
        if (self.nip is None) == (self.nama is None):
            raise ValueError("isi salah satu: `nip` (pegawai) atau `nama` (komisioner)")
        return self


class Tim(_Model):
    """A team formed by SK (tim.yaml)."""

    id: Teks = Field(description="Unique short id (\"tim_zi\") that plan rows' `tim` and `rapat.undangan` use.")
    nama: Teks = Field(description="Full team name, as the SK titles it.")
    alias: list[Teks] = Field(default_factory=list, description=(
        "Words in the plan that mean this team (\"Tim ZI\", \"UPG\"), for rows without `tim`."))
    tugas: list[Teks] = Field(min_length=1, description="The team's duties, listed in its SK's diktum.")
    anggota: list[AnggotaTim] = Field(min_length=1, description="Members with their roles, in the SK's order.")


class DaftarPegawai(_Model):
    """The whole pegawai.yaml."""

    pegawai: list[Pegawai] = Field(min_length=1, description="All employees; each NIP once.")
    catatan: str | None = Field(default=None, description="A free note for the people editing the file; zi ignores it.")

    @model_validator(mode="after")
    def _unik(self) -> "DaftarPegawai":
        dilihat: set[str] = set()
        for p in self.pegawai:
            if p.nip in dilihat:
                raise ValueError(f"NIP {p.nip} tercatat lebih dari sekali")
            dilihat.add(p.nip)
        return self


class DaftarTim(_Model):
    """The whole tim.yaml."""

    tim: list[Tim] = Field(min_length=1, description="All teams; each id once.")
    catatan: str | None = Field(default=None, description="A free note for the people editing the file; zi ignores it.")


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
    "float_type": "harus berupa angka",
    "float_parsing": "harus berupa angka",
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

    instansi: Instansi = Field(description="The office's instansi.yaml.")
    pegawai: list[Pegawai] = Field(description="The office's employees from pegawai.yaml.")
    tim: list[Tim] = Field(description="The office's teams from tim.yaml.")
    folder: str = Field(default="", description="The office folder the three files were read from, as shown to the user.")

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
    _cek_logo(kantor.instansi.logo, folder)  # H5
    _cek_atasan(kantor, folder)  # H5
    undangan = kantor.instansi.rapat.undangan
    if undangan != "semua" and undangan not in kantor.tim_per_id:
        raise ZiError(f"undangan \"{undangan}\" bukan \"semua\" atau id tim", tampil_jalur(folder / "instansi.yaml"), "kunci rapat.undangan")
    return kantor


_TANDA_GAMBAR = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def _cek_logo(logo: str | None, folder: Path) -> None:
    """The kop's logo must be a PNG or JPEG file in the office folder."""
    if not logo:
        return
    berkas = tampil_jalur(folder / "instansi.yaml")
    jalur = folder / logo
    try:
        awal = jalur.read_bytes()[:8]
    except OSError:
        raise ZiError(f"berkas logo \"{logo}\" tidak ditemukan", berkas, "kunci logo") from None
    if not awal.startswith(_TANDA_GAMBAR):
        raise ZiError(f"berkas logo \"{logo}\" bukan gambar PNG atau JPEG", berkas, "kunci logo")


def _cek_atasan(kantor: "Kantor", folder: Path) -> None:
    """An employee's `atasan` must be another employee's NIP."""
    for p in kantor.pegawai:
        if p.atasan is not None and (p.atasan not in kantor.pegawai_per_nip or p.atasan == p.nip):
            raise ZiError(f"atasan {p.atasan} bukan NIP pegawai lain di pegawai.yaml",
                          tampil_jalur(folder / "pegawai.yaml"), f"pegawai {p.nip}, kunci atasan")


def cari_rencana(folder: str | Path) -> Path | None:
    """The plan file of a unit folder (`rencana_aksi_*.yaml`), if it has exactly one."""
    calon = sorted(Path(folder).glob("rencana_aksi_*.yaml"))
    if len(calon) > 1:
        raise ZiError(f"lebih dari satu berkas rencana: {', '.join(p.name for p in calon)}; pilih dengan --rencana",
                      tampil_jalur(folder))
    return calon[0] if calon else None
