"""Generated documents, opened with python-docx and checked against the data they came from.

The expected facts are read from the data files and the `zi jadwal --json` contract here,
independently of the context builders.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from tests.bantu import AKAR, DATA, RENCANA, jalankan_zi, teks

PEGAWAI = yaml.safe_load((DATA / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"]
TIM = {t["id"]: t for t in yaml.safe_load((DATA / "tim.yaml").read_text(encoding="utf-8"))["tim"]}
INSTANSI = yaml.safe_load((DATA / "instansi.yaml").read_text(encoding="utf-8"))


def tabel_berisi(jalur: Path, kata: str):
    for t in docx.Document(str(jalur)).tables:
        if any(kata in c.text for c in t.rows[0].cells):
            return t
    raise AssertionError(f"tidak ada tabel dengan kepala '{kata}' di {jalur.name}")


@pytest.fixture(scope="module")
def arsip(tmp_path_factory) -> Path:
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


def _satu(akar: Path, pola: str) -> Path:
    hasil = sorted(akar.glob(pola))
    assert len(hasil) == 1, (pola, hasil)
    return hasil[0]


def test_jumlah_naskah_sesuai_jadwal(arsip):
    """Kinds made per occurrence are counted from the schedule; an SK is one per team and
    year; meetings merge, so there are at most as many as meeting occurrences."""
    jadwal = json.loads(jalankan_zi("jadwal", "--json").stdout)
    rencana = {b["id"]: b for b in yaml.safe_load(RENCANA.read_text(encoding="utf-8"))["baris"]}
    harapan = {"laporan_monev": 0, "surat_pernyataan_bk": 0}
    rapat = 0
    for baris in jadwal:
        for k in baris["kejadian"]:
            if not k["bulan"].startswith("2026"):
                continue
            harapan["laporan_monev"] += "laporan_monev" in k["jenis"]
            harapan["surat_pernyataan_bk"] += len(PEGAWAI) * ("surat_pernyataan_bk" in k["jenis"])
            rapat += "undangan_rapat" in k["jenis"]
    berkas = list(arsip.rglob("*.docx"))
    for b in berkas:
        docx.Document(str(b))  # every one opens
        assert b.relative_to(arsip).parts[0] == "2026"
    assert len([b for b in berkas if "Laporan Monev" in b.name]) == harapan["laporan_monev"]
    assert len([b for b in berkas if "Surat Pernyataan" in b.name]) == harapan["surat_pernyataan_bk"]
    tim_sk = {b["tim"] for b in rencana.values() if b.get("tim") and "SK" in b["bukti_fisik"]}
    assert len([b for b in berkas if b.name[11:].startswith("SK ")]) == len(tim_sk)
    undangan = [b for b in berkas if "Undangan" in b.name]
    assert 0 < len(undangan) < rapat  # one day's meetings with shared invitees were merged
    apel = [b for b in berkas if "Apel" in b.name]
    assert len(apel) == 12


def test_sk_tim_pembangunan_zi(arsip):
    sk = _satu(arsip, "2026/01/I.1.1/*.docx")
    isi = teks(sk)
    for kata in ("KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN SAROLANGUN", "NOMOR", "TAHUN 2026", "TENTANG",
                 "PEMBENTUKAN TIM PEMBANGUNAN ZONA INTEGRITAS", "Menimbang", "Mengingat", "Memperhatikan",
                 "MEMUTUSKAN", "Menetapkan", "KESATU", "KEDUA", "KETIGA", "Ditetapkan di Sarolangun",
                 "8 Januari 2026", "Undang-Undang Nomor 28 Tahun 1999", "LAMPIRAN", INSTANSI["ketua"]["nama"]):
        assert kata.lower() in isi.lower(), kata
    tabel = tabel_berisi(sk, "Nama")
    anggota = TIM["tim_zi"]["anggota"]
    assert len(tabel.rows) - 1 == len(anggota)
    nama_per_nip = {p["nip"]: p["nama"] for p in PEGAWAI}
    isi_tabel = "\n".join(c.text for r in tabel.rows for c in r.cells)
    for a in anggota:
        if "nip" in a:
            assert nama_per_nip[a["nip"]] in isi_tabel and a["nip"] in isi_tabel
        else:
            assert a["nama"] in isi_tabel
        assert a["peran"] in isi_tabel


def test_sk_agen_perubahan_dan_upg(arsip):
    sk = _satu(arsip, "2026/01/I.4.2/*.docx")
    assert "TIM AGEN PERUBAHAN" in teks(sk).upper()
    # UPG: rows V.1.2 (January) and V.1.1 (April) both name its SK: one decree, in January.
    sk = _satu(arsip, "2026/01/V.1.2/*SK*.docx")
    assert "UNIT PENGENDALIAN GRATIFIKASI" in teks(sk).upper()
    assert not list(arsip.glob("2026/04/V.1.1/*SK*.docx"))


def _bernomor() -> bool:
    return bool(INSTANSI.get("penomoran", {}).get("aktif"))


def test_undangan_rapat(arsip):
    undangan = _satu(arsip, "2026/02/*/*Undangan*.docx")
    isi = teks(undangan)
    rencana = {b["id"]: b for b in yaml.safe_load(RENCANA.read_text(encoding="utf-8"))["baris"]}
    acara = rencana["V.2.4"]["rapat"]["acara"]
    # V.2.4 "Februari 2026": first working day is Monday 2 February.
    for kata in ("Senin, 2 Februari 2026", "09.00 WIB s.d. selesai", INSTANSI["rapat"]["tempat"], acara,
                 "Yth.", "Nomor", "Sifat", "Lampiran", "Hal", INSTANSI["sekretaris"]["nama"],
                 INSTANSI["sekretaris"]["nip"]):
        assert kata in isi, kata
    # Dated 5 working days before the meeting: 26 January 2026.
    assert "Sarolangun, 26 Januari 2026" in isi
    nomor = docx.Document(str(undangan)).tables[0].rows[0].cells[2].text
    kode = INSTANSI["penomoran"]["kode"]["undangan_rapat"]
    assert nomor.endswith(f"/{kode}/{INSTANSI['penomoran']['satker']}/I/2026")
    # The running number is a dotted blank exactly when numbering is off (penomoran.aktif).
    assert nomor.startswith("......") != _bernomor()


def test_daftar_hadir_satu_baris_per_peserta(arsip):
    hadir = _satu(arsip, "2026/02/*/*Daftar Hadir Rapat*.docx")
    tabel = tabel_berisi(hadir, "Tanda")
    # The meeting of 2 February invites all staff (I.2.1) and the Tim ZI (its Pengarah too),
    # never the Sekretaris who signs the invitation; five blank rows for guests.
    pengarah = [a["nama"] for a in TIM["tim_zi"]["anggota"] if "nama" in a]
    diundang = [p for p in PEGAWAI if p["nip"] != INSTANSI["sekretaris"]["nip"]]
    assert len(tabel.rows) - 1 == len(diundang) + len(pengarah) + 5
    isi = "\n".join(c.text for r in tabel.rows for c in r.cells)
    for p in diundang:
        assert p["nama"] in isi and p["nip"] in isi
    assert INSTANSI["sekretaris"]["nama"] not in isi
    assert "Senin, 2 Februari 2026" in teks(hadir)


def test_daftar_hadir_apel_bulanan(arsip):
    # I.4.1 produces only an attendance sheet (the apel's), every month.
    for m in range(1, 13):
        berkas = sorted(arsip.glob(f"2026/{m:02d}/I.4.1/*.docx"))
        assert len(berkas) == 1 and "Daftar Hadir Apel" in berkas[0].name


def test_notulensi_isian_ditandai(arsip):
    notulen = _satu(arsip, "2026/02/*/*Notulensi*.docx")
    isi = teks(notulen)
    assert "[diisi oleh notulis]" in isi
    assert "Senin, 2 Februari 2026" in isi
    pengarah = [a for a in TIM["tim_zi"]["anggota"] if "nama" in a]
    assert f"{len(PEGAWAI) - 1 + len(pengarah)} orang diundang" in isi


def test_surat_pernyataan_satu_per_pegawai(arsip):
    berkas = sorted(arsip.glob("2026/07/V.5.3/*.docx"))
    assert len(berkas) == len(PEGAWAI)
    for p in PEGAWAI:
        cocok = [b for b in berkas if p["nip"] in b.name]
        assert len(cocok) == 1
        isi = teks(cocok[0])
        assert p["nama"] in isi and p["nip"] in isi and p["jabatan"] in isi
        if p.get("benturan_kepentingan"):
            assert "POTENSI BENTURAN KEPENTINGAN" in isi.upper()
            assert p["benturan_kepentingan"] in isi
        else:
            assert "BEBAS BENTURAN KEPENTINGAN" in isi.upper()
            assert "tidak memiliki benturan kepentingan" in isi


def test_nama_berkas_aman_untuk_windows(arsip):
    for b in arsip.rglob("*"):
        assert not set(b.name) & set('<>:"\\|?*'), b
        assert len(str(b.relative_to(arsip))) < 200


def test_kertas_a4(arsip):
    d = docx.Document(str(next(arsip.rglob("*.docx"))))
    s = d.sections[0]
    assert abs(s.page_width.cm - 21.0) < 0.1 and abs(s.page_height.cm - 29.7) < 0.1


def test_jalan_kedua_tidak_mengubah_apa_pun(arsip):
    sebelum = {b: b.read_bytes() for b in arsip.rglob("*") if b.is_file() and ".zi" not in b.parts}
    h = jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(arsip))
    assert h.returncode == 0
    jumlah = sum(1 for b in sebelum if b.suffix == ".docx")
    assert f"{jumlah} naskah untuk tahun 2026 di {arsip}/: {jumlah} tidak berubah (" in h.stdout
    assert {b: b.read_bytes() for b in arsip.rglob("*") if b.is_file() and ".zi" not in b.parts} == sebelum


def test_berkas_yang_disunting_tidak_ditimpa(tmp_path, data_salinan):
    akar = tmp_path / "arsip"
    argumen = ("buat", "--bulan", "2026-09", "--area", "V", "--keluaran", str(akar), "--data", str(data_salinan))
    assert jalankan_zi(*argumen).returncode == 0
    target = next(akar.rglob("*Undangan*.docx"))
    d = docx.Document(str(target))
    d.add_paragraph("Catatan tambahan dari Kasubbag.")
    d.save(str(target))
    disunting = target.read_bytes()
    # Same inputs: the edit is left alone and nothing new is written.
    h = jalankan_zi(*argumen)
    assert h.returncode == 0 and "1 disunting" in h.stdout and "KONFLIK" not in h.stdout
    assert not list(akar.rglob("*draf baru*"))
    # Changed inputs (another meeting room): the new draft goes beside the edited file.
    instansi = data_salinan / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8").replace(
        "tempat: Ruang Rapat KPU Kabupaten Sarolangun", "tempat: Aula Lantai 2"), encoding="utf-8")
    h = jalankan_zi(*argumen)
    assert h.returncode == 0 and "KONFLIK" in h.stdout
    assert target.read_bytes() == disunting
    baru = target.parent / f"{target.stem} (draf baru).docx"
    assert "Aula Lantai 2" in teks(baru)
    # The documents nobody edited were updated in place, their old versions kept in _riwayat.
    # a merged meeting is filed under its first row
    hadir = next(b for b in akar.glob("2026/09/*/*Daftar Hadir*.docx") if b.parent.name != "_riwayat")
    assert "Aula Lantai 2" in teks(hadir)
    assert any("Daftar Hadir" in p.name for p in akar.glob("2026/09/_riwayat/*.docx"))


# ------------------------------------------------------------------ hostile and bad input

def test_nama_dengan_karakter_khusus_tercetak_apa_adanya(tmp_path, data_salinan):
    aneh = 'Budi & <Anak> "Q" {{ 7*7 }} {% if x %} \x07Lestari'
    teks_pegawai = (data_salinan / "pegawai.yaml").read_text(encoding="utf-8")
    teks_pegawai = teks_pegawai.replace("nama: Dodi Saputra", f"nama: {json.dumps(aneh)}")
    (data_salinan / "pegawai.yaml").write_text(teks_pegawai, encoding="utf-8")
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-07", "--jenis", "surat_pernyataan_bk", "--data", str(data_salinan),
                    "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    berkas = [b for b in akar.rglob("*.docx") if "198812012014031006" in b.name]
    assert len(berkas) == 1
    isi = teks(berkas[0])
    assert 'Budi & <Anak> "Q" {{ 7*7 }} {% if x %} Lestari' in isi
    assert "49" not in isi.split("Budi")[1][:30]
    assert not set(berkas[0].name) & set('<>:"\\|?*')


def _salin_templat(tmp_path: Path) -> Path:
    folder = tmp_path / "templat"
    shutil.copytree(AKAR / "templates_docx", folder)
    return folder


def _ganti_xml(berkas: Path, lama: str, baru: str) -> None:
    with zipfile.ZipFile(berkas) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["word/document.xml"].decode("utf-8")
    assert lama in xml, lama
    isi["word/document.xml"] = xml.replace(lama, baru, 1).encode("utf-8")
    with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in isi.items():
            z.writestr(n, b)


def _gagal_tanpa_jejak(tmp_path: Path, *argumen: str) -> str:
    akar = tmp_path / "arsip"
    akar.mkdir(exist_ok=True)
    (akar / "lama.txt").write_text("tetap")
    sebelum = sorted(p.relative_to(akar) for p in akar.rglob("*"))
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar), *argumen)
    assert h.returncode == 2, h.stdout + h.stderr
    assert "Traceback" not in h.stderr
    assert sorted(p.relative_to(akar) for p in akar.rglob("*")) == sebelum
    return h.stderr


def test_templat_dengan_variabel_tak_dikenal(tmp_path):
    folder = _salin_templat(tmp_path)
    _ganti_xml(folder / "undangan_rapat.docx", "{{ hal }}", "{{ hal }} {{ tanggal_rapatt }}")
    pesan = _gagal_tanpa_jejak(tmp_path, "--templat", str(folder))
    assert "undangan_rapat.docx" in pesan and "tanggal_rapatt" in pesan


def test_tag_terpotong_antar_run_dipulihkan_docxtpl(tmp_path):
    # Word often stores "{" and "{ rapat.tempat }}" in separate runs: docxtpl rejoins them.
    folder = _salin_templat(tmp_path)
    _ganti_xml(folder / "daftar_hadir.docx", "{{ rapat.tempat }}", "{</w:t></w:r><w:r><w:t>{ rapat.tempat }}")
    akar = tmp_path / "arsip"
    h = jalankan_zi("buat", "--bulan", "2026-02", "--jenis", "daftar_hadir", "--templat", str(folder),
                    "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    assert INSTANSI["rapat"]["tempat"] in teks(next(akar.rglob("*Daftar Hadir*.docx")))


def test_templat_dengan_tag_terpotong_word(tmp_path):
    # A tag broken across paragraphs (Enter pressed inside it) cannot be rejoined.
    folder = _salin_templat(tmp_path)
    _ganti_xml(folder / "daftar_hadir.docx", "{{ rapat.tempat }}",
               "{{ rapat.</w:t></w:r></w:p><w:p><w:r><w:t>tempat }}")
    pesan = _gagal_tanpa_jejak(tmp_path, "--templat", str(folder))
    assert "daftar_hadir.docx" in pesan and "terpotong" in pesan


def test_templat_hilang(tmp_path):
    folder = _salin_templat(tmp_path)
    (folder / "notulensi.docx").unlink()
    pesan = _gagal_tanpa_jejak(tmp_path, "--templat", str(folder))
    assert "notulensi.docx" in pesan and "tidak ditemukan" in pesan


def test_templat_bukan_docx(tmp_path):
    folder = _salin_templat(tmp_path)
    (folder / "notulensi.docx").write_text("bukan word")
    pesan = _gagal_tanpa_jejak(tmp_path, "--templat", str(folder))
    assert "notulensi.docx" in pesan and "bukan berkas .docx" in pesan


def test_pegawai_tanpa_nip(tmp_path, data_salinan):
    berkas = data_salinan / "pegawai.yaml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace('    nip: "199206302019031005"\n', "", 1), encoding="utf-8")
    pesan = _gagal_tanpa_jejak(tmp_path, "--data", str(data_salinan))
    assert "pegawai.yaml" in pesan and "Fajar Setiawan" in pesan and "NIP" in pesan.upper()


def test_periksa_melaporkan_templat_salah(tmp_path):
    folder = _salin_templat(tmp_path)
    _ganti_xml(folder / "sk_tim.docx", "{{ tentang }}", "{{ tentangg }}")
    h = jalankan_zi("periksa", "--templat", str(folder))
    assert h.returncode == 1
    assert "sk_tim.docx" in h.stdout and "tentangg" in h.stdout


def test_periksa_templat_bawaan_cocok():
    h = jalankan_zi("periksa")
    assert h.returncode == 0, h.stdout
    baris = [t.name for t in (AKAR / "templates_docx").glob("*.docx") if t.name != "laporan_monev_periode.docx"]
    assert h.stdout.count("variabel cocok") == len(baris) == 8
