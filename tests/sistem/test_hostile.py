"""Hostile content: data that looks like template code, XML or paths, and templates that try
to escape the sandbox. (Names with "&", "<", "{{ }}" in one employee's name are covered in
test_naskah.py, the sandbox on a bare renderer in test_render.py; this goes further.)

* Data values holding "{{ … }}", "{% … %}", "</w:t>", "&", control characters and 10 000
  characters, in the plan, instansi, pegawai and tim files at once, print literally in
  valid documents.
* Names such as "../../etc", "CON", "a/b", "NUL.txt" (employees, a team) never put a file
  outside the archive and give Windows-safe names.
* Templates reaching for Python internals or other files fail with exit 2, a message naming
  the template, and an untouched archive.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from tests.bantu import AKAR, DATA, aman_windows, baris_registri, ganti_xml_docx, jalankan_zi, potret, teks



PANJANG = ("Rapat koordinasi " * 600)[:10_000]
KODE = "{{ 7*7 }} {% if true %}JALAN{% endif %} {{ ''.__class__ }} {% include '/etc/passwd' %}"
XML = "</w:t></w:r></w:p><w:p><w:r><w:t>disisipkan</w:t> & <b>tebal</b> &amp; ]]> <!-- -->"
KENDALI = "awal\x01\x07\x0b\x1bakhir"
NAMA_JAHAT = {"199004032015031002": "../../etc", "199108142014022003": "CON",
              "199206302019031005": "a/b", "199305112020122004": "NUL.txt"}


def _tanpa_kendali(s: str) -> str:
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", s)


@pytest.fixture(scope="module")
def arsip_jahat(tmp_path_factory):
    """A year generated from data full of hostile values."""
    kerja = tmp_path_factory.mktemp("jahat")
    data = kerja / "data"
    shutil.copytree(DATA, data)

    def ubah(nama: str, fungsi) -> None:
        berkas = data / nama
        isi = yaml.safe_load(berkas.read_text(encoding="utf-8"))
        fungsi(isi)
        berkas.write_text(yaml.safe_dump(isi, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")

    def rencana(r):
        b = next(b for b in r["baris"] if b["id"] == "V.2.4")
        b["langkah_aksi"] = f"{KODE} {XML} {PANJANG}"
        b["rapat"]["acara"] = f"{XML} {PANJANG}"  # the agenda the invitation prints (its own {{ }} are placeholders)

    def instansi(i):
        i["rapat"]["tempat"] = f"Ruang {XML} {KENDALI}"
        i["kop"][0] = f"KOMISI {KODE}"

    def pegawai(p):
        for x in p["pegawai"]:
            if x["nip"] in NAMA_JAHAT:
                x["nama"] = NAMA_JAHAT[x["nip"]]
            if x["nip"] == "198003212006041003":
                x["jabatan"] = f"Kepala {XML} {KENDALI}"
            if x["nip"] == "199108142014022003":
                x["benturan_kepentingan"] = f"{KODE} {PANJANG}"

    def tim(t):
        t["tim"][0]["nama"] = "../../etc/passwd {{ 7*7 }} & Co"

    ubah("rencana_aksi_2026.yaml", rencana)
    ubah("instansi.yaml", instansi)
    ubah("pegawai.yaml", pegawai)
    ubah("tim.yaml", tim)
    akar = kerja / "keluaran" / "arsip"
    h = jalankan_zi("buat", "--tahun", "2026", "--rencana", str(data / "rencana_aksi_2026.yaml"),
                    "--data", str(data), "--keluaran", str(akar))
    assert h.returncode == 0, h.stdout + h.stderr
    return kerja, akar


def test_nilai_jahat_tercetak_apa_adanya(arsip_jahat):
    _, akar = arsip_jahat
    # V.2.4's meeting is merged into the 2 February meeting, filed under its first row.
    undangan = next(p for p in akar.glob("2026/02/*/*Undangan*.docx") if KODE in teks(p))
    isi = teks(undangan)
    assert KODE in isi and XML in isi and PANJANG in isi  # the 10 000 characters, whole
    assert "49" not in isi.split("{{ 7*7 }}")[0][-5:] and "JALAN" not in isi.replace("JALAN{%", "")
    assert f"Ruang {XML} {_tanpa_kendali(KENDALI)}" in isi
    assert isi.count("KOMISI " + KODE) == 1  # the letterhead line
    hadir = teks(next(undangan.parent.glob("*Daftar Hadir*.docx")))
    assert f"Kepala {XML} {_tanpa_kendali(KENDALI)}" in hadir
    for nama in NAMA_JAHAT.values():
        assert nama in hadir
    sk = teks(next(akar.glob("2026/01/I.1.1/*.docx")))
    assert "../../ETC/PASSWD {{ 7*7 }} & CO" in sk  # tentang, upper case
    potensi = next(p for p in akar.glob("2026/07/V.5.3/*.docx") if "199108142014022003" in p.name)
    assert f"{KODE} {PANJANG}" in teks(potensi)


def test_nama_jahat_tetap_di_arsip_dan_aman_di_windows(arsip_jahat):
    kerja, akar = arsip_jahat
    # Nothing outside the archive: the work folder holds only the data and the archive.
    assert {p.name for p in kerja.iterdir()} == {"data", "keluaran"}
    assert [p.name for p in (kerja / "keluaran").iterdir()] == ["arsip"]
    assert not list(kerja.rglob("passwd*")) and not (kerja / "etc").exists()
    jalur = [p.relative_to(akar) for p in akar.rglob("*") if ".zi" not in p.parts]
    for p in jalur:
        for bagian in p.parts:
            assert aman_windows(bagian), p
        assert len(str(p)) < 220, p
    # Each hostile employee got their own statement, its name made safe but readable.
    nama = [p.name for p in akar.glob("2026/07/V.5.3/*.docx")]
    for nip, jahat in NAMA_JAHAT.items():
        cocok = [n for n in nama if nip in n]
        assert len(cocok) == 1, (nip, nama)
    assert any("..-..-etc" in n or "..-etc" in n for n in nama)
    sk = [p.name for p in akar.glob("2026/01/I.1.1/*.docx")]
    assert len(sk) == 1 and "passwd" in sk[0] and "/" not in sk[0]
    # The registry's paths are the files'.
    assert {b[1] for b in baris_registri(akar)} == {p.as_posix() for p in jalur if p.suffix == ".docx"}


# --------------------------------------------------------------------------- hostile templates

@pytest.fixture(scope="module")
def arsip_feb(tmp_path_factory) -> Path:
    akar = tmp_path_factory.mktemp("feb") / "arsip"
    assert jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(akar)).returncode == 0
    return akar


@pytest.mark.parametrize("serangan,kata", [
    ("{{ ''.__class__.__mro__ }}", "tidak diizinkan"),
    ("{{ hal.__class__.__base__.__subclasses__() }}", "tidak diizinkan"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "tidak diizinkan"),
    ("{{ hal|attr('__class__') }}", "tidak diizinkan"),
    ("{{ self._TemplateReference__context }}", "tidak diizinkan"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% import 'os' as os %}{{ os }}", "import"),
    ("{% from '/etc/passwd' import root %}", "import"),
    ("{% extends '/etc/passwd' %}", "extends"),
    ("{{ range(10**9)|list }}", "Range too big"),
    ("{{ 'x' * 10**10 }}", "terlalu panjang"),
], ids=["mro", "subclasses", "globals", "attr", "self", "include", "import", "from", "extends", "range",
        "memori"])
def test_templat_jahat_ditolak(tmp_path, arsip_feb, serangan, kata):
    folder = tmp_path / "templat"
    shutil.copytree(AKAR / "templates_docx", folder)
    ganti_xml_docx(folder / "undangan_rapat.docx", [["{{ hal }}", "{{ hal }} " + serangan.replace("'", "&apos;")]])
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_feb, akar)
    sebelum = potret(akar)
    def batas() -> None:  # 1 GB of address space: a memory bomb fails fast instead of swapping
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    h = subprocess.run([sys.executable, "-m", "zi.cli", "buat", "--bulan", "2026-02", "--templat", str(folder),
                        "--keluaran", str(akar)], capture_output=True, text=True, cwd=AKAR, timeout=120,
                       preexec_fn=batas)
    assert "Traceback" not in h.stderr, h.stderr[-2000:]
    assert h.returncode == 2, h.stdout + h.stderr
    assert "undangan_rapat.docx" in h.stderr and kata in h.stderr
    assert "root:" not in h.stdout + h.stderr  # /etc/passwd was not read
    assert potret(akar) == sebelum


def test_templat_gagal_saat_render_tidak_menyisakan_sebagian(tmp_path, arsip_feb):
    """March on the February archive: the attendance sheet of I.4.1 (2 March) comes before
    the first invitation (IV.1.3, 2 March) whose template fails in the sandbox. A refused run
    must leave the archive as it was."""
    folder = tmp_path / "templat"
    shutil.copytree(AKAR / "templates_docx", folder)
    ganti_xml_docx(folder / "undangan_rapat.docx", [["{{ hal }}", "{{ hal }}{{ hal.__class__ }}"]])
    akar = tmp_path / "arsip"
    shutil.copytree(arsip_feb, akar)
    sebelum = potret(akar)
    h = jalankan_zi("buat", "--bulan", "2026-03", "--templat", str(folder), "--keluaran", str(akar))
    assert h.returncode == 2 and "undangan_rapat.docx" in h.stderr and "Traceback" not in h.stderr
    assert sorted(potret(akar)) == sorted(sebelum)


# --------------------------------------------------------------------------- services

# `zi serve` listening on loopback only is checked against a real server by
# tests/sistem/test_serve.py (the server's own command line and its answers on 127.0.0.1).


def test_readme_menyuruh_server_di_loopback():
    teks = (AKAR / "README.md").read_text(encoding="utf-8")
    perintah = [b for b in teks.splitlines() if re.match(r"\s*(\S*/)?prefect server start", b)]
    assert perintah and all("--host 127.0.0.1" in b for b in perintah), perintah
    for url in re.findall(r"PREFECT_API_URL=(\S+)", teks):
        assert url.startswith(("http://127.0.0.1", "http://localhost")), url


def test_log_flow_tanpa_data_pribadi(tmp_path, data_salinan, prefect_harness, caplog):
    """Flow logs (as the Prefect UI shows them, and Python's records at DEBUG) and the run's
    artifact hold no personal data beyond what documents carry. NIPs appear only inside
    archive paths (file names are "Nama NIP", like the documents); the declared conflict of
    interest from pegawai.yaml appears nowhere, nor in Prefect's result storage."""
    from prefect.client.orchestration import get_client
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import get_current_settings

    from flows.regenerasi import regenerasi

    pegawai = yaml.safe_load((data_salinan / "pegawai.yaml").read_text(encoding="utf-8"))["pegawai"]
    rahasia = [p["benturan_kepentingan"] for p in pegawai if p.get("benturan_kepentingan")]
    nip = {p["nip"] for p in pegawai}
    assert rahasia
    penyimpanan = Path(get_current_settings().results.local_storage_path)
    sudah_ada = set(penyimpanan.rglob("*")) if penyimpanan.exists() else set()
    caplog.set_level(logging.DEBUG, logger="prefect")
    akar = tmp_path / "arsip"
    h1 = regenerasi(area="V", bulan="2026-07", keluaran=str(akar), data=str(data_salinan))
    # A person edits the "potensi" statement, then the declaration changes: a conflict,
    # whose warning names the file.
    target = next(p for p in akar.rglob("*.docx") if "199108142014022003" in p.name)
    d = docx.Document(str(target))
    d.add_paragraph("Sudah ditandatangani.")
    d.save(str(target))
    berkas = data_salinan / "pegawai.yaml"
    baru = "Adik ipar bekerja pada penyedia jasa katering kantor"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace(rahasia[0], baru), encoding="utf-8")
    rahasia.append(baru)
    h2 = regenerasi(area="V", bulan="2026-07", keluaran=str(akar), data=str(data_salinan))
    assert h1["baru"] == 12 and h2["konflik"] == 1

    APILogWorker.drain_all(timeout=10)

    async def dari_api():
        async with get_client() as c:
            return [log.message for log in await c.read_logs()], [str(a.data) for a in await c.read_artifacts()]

    log_api, artefak = asyncio.run(dari_api())
    assert any("KONFLIK" in m for m in log_api), "the UI's copy of the logs was not read"
    pesan = [r.getMessage() for r in caplog.records] + log_api
    assert any("KONFLIK" in m for m in pesan) and any(m.startswith("Regenerasi area V") for m in pesan)
    for m in pesan + artefak:
        for r in rahasia:
            assert r not in m, m
        tanpa_jalur = re.sub(r"\S*\d{4}/\d{2}/[^\n]*?\.docx", "<jalur>", m)
        assert not (set(re.findall(r"\d{18}", tanpa_jalur)) & nip), m
    for p in set(penyimpanan.rglob("*")) - sudah_ada if penyimpanan.exists() else []:
        if p.is_file():
            isi = p.read_bytes()
            try:
                isi += base64.b64decode(isi, validate=False)
            except ValueError:
                pass
            assert not any(r.encode("utf-8") in isi for r in rahasia), p
    print(f"\n{len(pesan)} log messages and {len(artefak)} artifacts checked")
