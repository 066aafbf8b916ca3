"""Drafts a secretariat signs as they are (issue 13), read back with python-docx and checked
against the data files read here with yaml.safe_load (never zi's own functions)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import holidays
import openpyxl
import pytest
import yaml

from tests.bantu import DATA, jalankan_zi, teks

RENCANA = yaml.safe_load((DATA / "rencana_aksi_2026.yaml").read_text(encoding="utf-8"))
BARIS = {b["id"]: b for b in RENCANA["baris"]}
PEGAWAI = yaml.safe_load((DATA / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"]
NAMA = {p["nip"]: p["nama"] for p in PEGAWAI}
TIM = {t["id"]: t for t in yaml.safe_load((DATA / "tim.yaml").read_text(encoding="utf-8"))["tim"]}
INSTANSI = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))
SEKRETARIS = INSTANSI["sekretaris"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
PLACEHOLDER = ("${nomor_naskah}", "${tanggal_naskah}", "${ttd_pengirim}", "${nama_pengirim}", "${nip_pengirim}",
               "${jabatan_pengirim}")


def _peran(tim_id: str, peran: str) -> str:
    a = next(a for a in TIM[tim_id]["anggota"] if a["peran"] == peran)
    return NAMA[a["nip"]] if "nip" in a else a["nama"]


@pytest.fixture(scope="module")
def arsip(tmp_path_factory) -> Path:
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


@pytest.fixture(scope="module")
def daftar(arsip) -> list[dict]:
    h = jalankan_zi("arsip", "--keluaran", str(arsip), "--json")
    assert h.returncode == 0, h.stderr
    return json.loads(h.stdout)


def _tanggal(path: str) -> dt.date:
    return dt.date.fromisoformat(Path(path).name[:10])


def test_satu_rapat_per_hari_untuk_undangan_yang_beririsan(arsip, daftar):
    """Every meeting row's occurrences are served; one day's meetings with overlapping
    invitees are one undangan with a numbered agenda."""
    rapat = {i for i, b in BARIS.items() if (b.get("rapat") or {}).get("acara")}
    undangan = [d for d in daftar if d["jenis"] == "undangan_rapat"]
    assert {b for d in undangan for b in d["baris"]} == rapat
    per_hari: dict[dt.date, list[set[str]]] = {}
    for d in undangan:
        tabel = docx.Document(str(arsip / d["path"])).tables[-1]
        per_hari.setdefault(_tanggal(d["path"]), []).append({r.cells[1].text for r in tabel.rows[1:]})
    for hari, peserta in per_hari.items():
        for i, a in enumerate(peserta):
            for b in peserta[i + 1:]:
                assert not a & b, f"{hari}: two meetings share invitees"
    # 2 February: I.2.1 (all staff), I.3.1 and V.2.4 (Tim ZI) are one meeting, three items.
    feb = [d for d in undangan if d["path"].startswith("2026/02/")]
    assert len(feb) == 1 and set(feb[0]["baris"]) == {"I.2.1", "I.3.1", "V.2.4"}
    isi = teks(arsip / feb[0]["path"])
    acara = [BARIS[i]["rapat"]["acara"].replace("{{ tahun }}", "2026").replace("{{ triwulan }}", "Triwulan I Tahun 2026")
             for i in ("I.2.1", "I.3.1", "V.2.4")]
    for no, a in enumerate(acara, 1):
        assert f"{no}.\t{a}" in isi, a
    assert "Undangan Rapat Tim Pembangunan ZI" in isi  # Hal, proper case, by the team
    assert "Rapat Tim Pembangunan ZI" in feb[0]["path"]


def test_acara_bukan_langkah_aksi(arsip, daftar):
    for d in daftar:
        if d["jenis"] in ("undangan_rapat", "daftar_hadir", "notulensi"):
            isi = teks(arsip / d["path"])
            baris_isi = {re.sub(r"^\d+\.\t", "", x).strip().rstrip(".") for x in isi.split("\n")}
            for b in d["baris"]:
                langkah = BARIS[b]["langkah_aksi"].strip().rstrip(".")
                assert langkah not in baris_isi, (d["path"], b)  # never the agenda item itself
                assert len(langkah) < 40 or langkah not in isi, (d["path"], b)
            assert "Langkah aksi:" not in isi


def test_undangan_tim_dan_bukan_penandatangan(arsip, daftar):
    d = next(d for d in daftar if d["jenis"] == "undangan_rapat" and d["path"].startswith("2026/03/"))
    assert BARIS[d["id"]]["rapat"]["undangan"] == "tim_zi"
    tabel = docx.Document(str(arsip / d["path"])).tables[-1]
    diundang = [r.cells[1].text for r in tabel.rows[1:]]
    harapan = [NAMA[a["nip"]] if "nip" in a else a["nama"] for a in TIM["tim_zi"]["anggota"]
               if a.get("nip") != SEKRETARIS["nip"]]
    assert diundang == harapan  # the team with its Pengarah, never the signatory
    assert SEKRETARIS["nama"] not in diundang
    isi = teks(arsip / d["path"])
    assert SEKRETARIS["nama"] in isi  # she signs it


def test_pimpinan_dan_notulis_dari_peran_tim(arsip, daftar):
    d = next(d for d in daftar if d["jenis"] == "notulensi" and d["path"].startswith("2026/03/"))
    isi = teks(arsip / d["path"])
    assert f"Pimpinan Rapat\n:\n{_peran('tim_zi', 'Ketua')}" in isi
    assert f"Notulis\n:\n{_peran('tim_zi', 'Sekretaris')}" in isi
    assert "Mengetahui," in isi and SEKRETARIS["nama"] in isi


def test_rapat_tim_tidak_sebelum_sk(daftar):
    sk = {d["id"]: _tanggal(d["path"]) for d in daftar if d["jenis"] == "sk_tim"}
    sk_zi = sk["I.1.1"]
    for d in daftar:
        if d["jenis"] in ("undangan_rapat", "daftar_hadir", "notulensi"):
            if any((BARIS[b].get("rapat") or {}).get("undangan") == "tim_zi" for b in d["baris"]):
                assert _tanggal(d["path"]) >= sk_zi, d["path"]
    # one event's documents share one date
    per_baris: dict[tuple, set] = {}
    for d in daftar:
        if d["jenis"] in ("undangan_rapat", "daftar_hadir", "notulensi"):
            per_baris.setdefault((tuple(d["baris"]), d["path"][:7]), set()).add(_tanggal(d["path"]))
    assert all(len(v) == 1 for v in per_baris.values())


def test_sk_satu_per_tim_dengan_kalimat_dari_data(arsip, daftar):
    sk = [d for d in daftar if d["jenis"] == "sk_tim"]
    tim_sk = {BARIS[i]["tim"] for i in BARIS if BARIS[i].get("tim") and "SK" in BARIS[i]["bukti_fisik"]}
    assert len(sk) == len(tim_sk) == 3
    upg = next(d for d in sk if "Gratifikasi" in d["path"])
    assert set(upg["baris"]) == {"V.1.1", "V.1.2"}
    for d in sk:
        doc = docx.Document(str(arsip / d["path"]))
        isi = teks(arsip / d["path"])
        assert "NOMOR ...... TAHUN 2026" in isi
        assert "Ref." not in isi and not re.search(r"\b(I|II|III|IV|V|VI)\.\d+\.\d+\b", isi)
        for b in d["baris"]:
            assert b in doc.core_properties.subject
        baris = next(BARIS[b] for b in d["baris"] if BARIS[b].get("sk"))
        for m in baris["sk"]["menimbang"]:
            assert m in isi
        assert "Memperhatikan" in isi and RENCANA["rencana"]["judul"] in isi
        tim = TIM[baris["tim"]]
        for t in tim["tugas"]:
            assert any(p.text.endswith(t) for c in doc.tables[1].columns[2].cells for p in c.paragraphs), t
        assert ("dicabut dan dinyatakan tidak berlaku" in isi) == bool(baris["sk"].get("mencabut"))
        assert "Pemeritah" not in isi and "Undang- Undang" not in isi
        assert len(re.findall(r"^\d+\.\t", "\n".join(p.text for p in doc.tables[0].columns[2].cells[2].paragraphs),
                              re.M)) == len(RENCANA["rencana"]["mengingat"])
    # the plan's own text stays verbatim
    assert any("Pemeritah" in m for m in RENCANA["rencana"]["mengingat"])


def test_mengetahui_atasan_bukan_diri_sendiri(arsip):
    for b in sorted(arsip.glob("2026/07/V.5.3/*.docx")):
        t = docx.Document(str(b)).tables[-1]
        atasan, diri = t.rows[2].cells[0].text.strip(), t.rows[2].cells[1].text.strip()
        assert atasan and atasan.split("\n")[0] != diri.split("\n")[0], b.name
        if SEKRETARIS["nip"] in b.name:
            assert INSTANSI["ketua"]["nama"] in atasan
            assert "Ketua" in t.rows[0].cells[0].text


def test_apel_senin_hari_kerja(arsip):
    libur = holidays.country_holidays("ID", years=2026, categories=("public", "government"))
    for m in range(1, 13):
        (berkas,) = sorted(arsip.glob(f"2026/{m:02d}/I.4.1/*Apel*.docx"))
        isi = teks(berkas)
        senin = [dt.date(2026, m, d) for d in range(1, 32) if _ada(2026, m, d)
                 and dt.date(2026, m, d).weekday() == 0 and dt.date(2026, m, d) not in libur]
        assert isi.count("DAFTAR HADIR APEL") == len(senin)
        for d in senin:
            assert f"SENIN, {d.day} {BULAN[m - 1].upper()} 2026" in isi
        assert "09.00" not in isi and "Ruang Rapat" not in isi


def _ada(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def test_cetak_nomor_halaman_dan_tanpa_penanda(arsip, daftar):
    for d in daftar:
        if d["jenis"] == "laporan_monev":
            continue  # H6's
        berkas = arsip / d["path"]
        with zipfile.ZipFile(berkas) as z:
            kepala = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
            dokumen = z.read("word/document.xml").decode()
        assert any('w:instr="PAGE"' in h for h in kepala), d["path"]
        assert "<w:titlePg/>" in dokumen  # no number on page 1
        isi = teks(berkas)
        assert "Ref." not in isi, d["path"]
        assert d["id"] in docx.Document(str(berkas)).core_properties.subject


def test_daftar_hadir_kolom_ttd_lebar_dan_tamu(arsip, daftar):
    d = next(d for d in daftar if d["jenis"] == "daftar_hadir" and d["path"].startswith("2026/03/"))
    doc = docx.Document(str(arsip / d["path"]))
    tabel = next(t for t in doc.tables if "Tanda Tangan" in t.rows[0].cells[-1].text)
    assert tabel.columns[-1].width.cm >= 5.0
    orang = len([a for a in TIM["tim_zi"]["anggota"] if a.get("nip") != SEKRETARIS["nip"]])  # the invitees
    assert len(tabel.rows) - 1 == orang + 5  # five blank rows for guests
    kiri_kanan = [tabel.rows[i].cells[-1].paragraphs[0].paragraph_format.left_indent for i in (1, 2)]
    assert kiri_kanan[0] in (None, 0) and kiri_kanan[1].cm > 1


def _data_bernomor(tmp_path: Path) -> Path:
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    f = tujuan / "instansi.yaml"
    s = f.read_text(encoding="utf-8")
    assert "  aktif: false" in s
    f.write_text(s.replace("  aktif: false", "  aktif: true"), encoding="utf-8")
    return tujuan


def _nomor_undangan(akar: Path) -> dict[str, str]:
    hasil = {}
    for b in sorted(akar.glob("2026/*/*/*Undangan*.docx")):
        t = docx.Document(str(b)).tables[0]
        hasil[b.relative_to(akar).as_posix()] = t.rows[0].cells[2].text
    return hasil


def test_penomoran_aktif_stabil_dan_berlanjut(tmp_path):
    data = _data_bernomor(tmp_path)
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--tahun", "2026", "--data", str(data), "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    nomor = _nomor_undangan(akar)
    pola = INSTANSI["penomoran"]
    urut = []
    for path, n in nomor.items():
        bulan = int(path.split("/")[1])
        m = re.fullmatch(r"(\d+)/" + re.escape(f"{pola['kode']['undangan_rapat']}/{pola['satker']}/") + r"([IVX]+)/2026", n)
        assert m, n
        urut.append(int(m.group(1)))
    assert sorted(urut) == list(range(1, len(urut) + 1))
    sk = teks(next(akar.glob("2026/01/I.1.1/*SK*.docx")))
    assert re.search(r"NOMOR \d+ TAHUN 2026", sk)
    # a re-run renumbers nothing
    h = jalankan_zi("buat", "--tahun", "2026", "--data", str(data), "--keluaran", str(akar))
    assert h.returncode == 0 and "tidak berubah" in h.stdout
    assert _nomor_undangan(akar) == nomor
    # a new meeting (a row that had none) takes the next number; the others keep theirs
    f = data / "rencana_aksi_2026.yaml"
    s = f.read_text(encoding="utf-8")
    lama = '    target_waktu: "Mei 2026"\n'
    assert s.count(lama) == 1
    f.write_text(s.replace(lama, lama + '    dokumen: [undangan_rapat]\n    rapat:\n      undangan: tim_zi\n'
                           '      acara: "Kaji Ulang Standar Operasional Prosedur"\n'), encoding="utf-8")
    h = jalankan_zi("buat", "--tahun", "2026", "--data", str(data), "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    baru = _nomor_undangan(akar)
    for path, n in nomor.items():
        assert baru[path] == n
    (tambahan,) = set(baru) - set(nomor)
    assert baru[tambahan].startswith(f"{len(nomor) + 1}/")


def test_srikandi_placeholder_utuh_dan_lembar(tmp_path):
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-01", "--srikandi", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    surat = sorted(akar.glob("2026/01/*/*Undangan*.docx")) + sorted(akar.glob("2026/01/*/*SK*.docx"))
    assert surat
    for b in surat:
        with zipfile.ZipFile(b) as z:
            xml = z.read("word/document.xml").decode()
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
        for p in PLACEHOLDER:
            assert any(p in r for r in runs), (b.name, p)  # whole inside one run
        # no dotted number left for the TU desk (the Rencana Aksi decree's number cited in
        # Memperhatikan is the plan's `rencana.nomor`, absent in the sample)
        assert not [r for r in runs if "......" in r and "Tahun 2026 tentang Rencana Aksi" not in r], b.name
    wb = openpyxl.load_workbook(akar / "srikandi" / "srikandi-2026-01.xlsx")
    ws = wb.active
    kepala = [c.value for c in ws[1]]
    for k in ("Jenis Naskah", "Sifat", "Tingkat Urgensi", "Klasifikasi", "Hal", "Isi Ringkas", "Tujuan",
              "Tembusan", "Penandatangan", "Berkas"):
        assert k in kepala
    assert ws.max_row - 1 == len(surat)
    berkas = {r[kepala.index("Berkas")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert berkas == {b.name for b in surat}


def test_mengetahui_atasan_langsung_dari_unit(arsip):
    """A staff member's statement is acknowledged by the head ("Kepala ...") of their unit."""
    kepala = {p["unit"]: p for p in PEGAWAI if p["jabatan"].startswith("Kepala")}
    for p in PEGAWAI:
        if p["jabatan"].startswith("Kepala") or p["nip"] == SEKRETARIS["nip"]:
            continue
        (b,) = sorted(arsip.glob(f"2026/07/V.5.3/*{p['nip']}*.docx"))
        atasan = docx.Document(str(b)).tables[-1].rows[2].cells[0].text
        harapan = kepala[p["unit"]]["nama"] if p["unit"] in kepala else SEKRETARIS["nama"]
        assert harapan in atasan, (p["nama"], atasan)


def test_pernyataan_untuk_komisioner_juga(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    f = data / "rencana_aksi_2026.yaml"
    s = f.read_text(encoding="utf-8")
    assert "      untuk: pegawai\n" in s
    f.write_text(s.replace("      untuk: pegawai\n", "      untuk: semua\n"), encoding="utf-8")
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-07", "--jenis", "surat_pernyataan_bk", "--data", str(data),
                    "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    berkas = sorted(akar.glob("2026/07/V.5.3/*.docx"))
    assert len(berkas) == len(PEGAWAI) + len(INSTANSI["komisioner"])
    for k in INSTANSI["komisioner"]:
        (b,) = [b for b in berkas if b.name.endswith(f"{k['nama']}.docx")]
        isi = teks(b)
        assert "NIP" not in isi.split("Jabatan")[0]  # a commissioner has no NIP or rank
        if k["nama"] == INSTANSI["ketua"]["nama"]:
            assert "Mengetahui" not in isi  # nobody in the office above the Ketua
        else:
            assert "Mengetahui" in isi and INSTANSI["ketua"]["nama"] in isi


def test_tim_berbeda_satu_hari_beda_sesi(tmp_path):
    """Two teams with no member in common meeting on one day: two meetings, the second in
    the next slot of instansi.rapat.sesi."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    f = data / "tim.yaml"
    f.write_text(f.read_text(encoding="utf-8") + (
        "  - id: tim_uji\n    nama: Tim Uji\n    tugas: [menguji]\n    anggota:\n"
        "      - {nip: \"199108142014022003\", peran: Ketua}\n      - {nip: \"198812012014031006\", peran: Sekretaris}\n"),
        encoding="utf-8")
    f = data / "rencana_aksi_2026.yaml"
    s = f.read_text(encoding="utf-8")
    lama = '    target_waktu: "Maret, Juni, September, Desember 2026"\n'
    assert s.count(lama) == 1
    f.write_text(s.replace(lama, lama + "    dokumen: [undangan_rapat]\n    rapat:\n      undangan: tim_uji\n"
                           "      acara: \"Rekapitulasi Whistle Blowing System\"\n"), encoding="utf-8")
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-03", "--jenis", "undangan_rapat", "--data", str(data),
                    "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    hari = {}
    for b in sorted(akar.glob("2026/03/*/*Undangan*.docx")):
        isi = teks(b)
        tanggal = re.search(r"hari/tanggal\n:\n(.+)", isi).group(1)
        pukul = re.search(r"pukul\n:\n(\d\d\.\d\d)", isi).group(1)
        hari.setdefault(tanggal, []).append(pukul)
    assert any(len(v) == 2 for v in hari.values()), hari
    sesi = [INSTANSI["rapat"]["pukul"]] + [s["pukul"] for s in INSTANSI["rapat"]["sesi"]]
    for v in hari.values():
        assert sorted(v) == sorted(sesi[:len(v)])


def test_rapat_tanpa_acara_diturunkan_dan_diperingatkan(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    f = data / "rencana_aksi_2026.yaml"
    s = f.read_text(encoding="utf-8")
    acara = '      acara: "Monitoring dan Evaluasi Rencana Tindak Pengendalian Intern"\n'
    assert s.count(acara) == 1
    f.write_text(s.replace(acara, ""), encoding="utf-8")
    h = jalankan_zi("periksa", "--data", str(data))
    assert "baris V.2.4" in h.stdout and "rapat.acara" in h.stdout
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-02", "--jenis", "undangan_rapat", "--data", str(data),
                    "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    isi = teks(next(akar.glob("2026/02/*/*Undangan*.docx")))
    komponen = BARIS["V.2.4"]["komponen"]
    assert f"Komponen {komponen}" in isi  # derived from the component, in proper case
    assert BARIS["V.2.4"]["langkah_aksi"] not in isi
