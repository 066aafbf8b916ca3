"""Real Prefect flows on a temporary API: what a day's run produces, re-runs, catching up
after missed days, edited files surviving regeneration, bad parameters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import docx
import pytest
import yaml

from zi.arsip.berkas import sha256_berkas
from zi.kalender import mundur_hari_kerja

from tests.bantu import AKAR, jalankan_zi

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _berkas(akar: Path) -> dict[str, bytes]:
    return {p.relative_to(akar).as_posix(): p.read_bytes() for p in akar.rglob("*.docx")}


def _registri(akar: Path) -> dict[str, str]:
    with sqlite3.connect(akar / ".zi" / "arsip.sqlite") as db:
        return dict(db.execute("SELECT path, content_hash FROM naskah"))


def test_harian_membuat_draf_yang_jatuh_tempo(tmp_path):
    from flows.harian import harian

    akar = tmp_path / "arsip"
    hari = dt.date(2026, 2, 2)  # Monday
    hasil = harian(hari_ini=hari, keluaran=str(akar))
    berkas = _berkas(akar)
    assert hasil["jumlah"] == hasil["baru"] == len(berkas) > 0
    # Registry and files agree.
    reg = _registri(akar)
    assert set(reg) == set(berkas)
    assert all(sha256_berkas(akar / p) == h for p, h in reg.items())
    # Everything produced is due: its event date is at most 5 working days after today.
    batas = hari
    while mundur_hari_kerja(batas + dt.timedelta(days=1), 5) <= hari:
        batas += dt.timedelta(days=1)
    for p in berkas:
        tanggal = dt.date.fromisoformat(Path(p).name[:10])
        assert tanggal <= batas, p
    # The SK Tim ZI (8 January) and February's first-week meeting of I.2.1 are there.
    assert any("I.1.1/2026-01-08 SK Tim Pembangunan Zona Integritas" in p for p in berkas)
    assert any(p.startswith("2026/02/I.2.1/") for p in berkas)

    # A second run the same day produces nothing new and touches nothing.
    hasil2 = harian(hari_ini=hari, keluaran=str(akar))
    assert hasil2["jumlah"] == 0
    assert _berkas(akar) == berkas


def test_harian_mengejar_hari_yang_terlewat(tmp_path):
    from flows.harian import harian

    bertahap, sekaligus = tmp_path / "bertahap", tmp_path / "sekaligus"
    harian(hari_ini=dt.date(2026, 1, 5), keluaran=str(bertahap))
    awal = set(_berkas(bertahap))
    # The server was down for five weeks; the next run catches everything up.
    hasil = harian(hari_ini=dt.date(2026, 2, 16), keluaran=str(bertahap))  # Imlek cuti: not a working day
    assert hasil["jumlah"] == 0
    hasil = harian(hari_ini=dt.date(2026, 2, 18), keluaran=str(bertahap))
    assert hasil["jumlah"] > 0
    harian(hari_ini=dt.date(2026, 2, 18), keluaran=str(sekaligus))
    assert set(_berkas(bertahap)) == set(_berkas(sekaligus)) > awal
    assert _berkas(bertahap) == _berkas(sekaligus)


def test_setahun_lewat_flow_sama_dengan_cli(tmp_path):
    """The year as one flow run: one task renders all of it across the process pool, and
    the archive equals the CLI's byte for byte; the run's artifact lists every file."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.harian import harian

    lewat_flow, lewat_cli = tmp_path / "flow", tmp_path / "cli"
    keadaan = harian(hari_ini=dt.date(2026, 12, 31), keluaran=str(lewat_flow), return_state=True)
    hasil = keadaan.result()
    h = jalankan_zi("buat", "--tahun", "2026", "--keluaran", str(lewat_cli))
    assert h.returncode == 0, h.stderr
    berkas = _berkas(lewat_flow)
    assert hasil["baru"] == len(berkas) >= 32  # enough documents for the pool to be used
    assert berkas == _berkas(lewat_cli)

    async def baca():
        async with get_client() as c:
            saring = FlowRunFilter(id=FlowRunFilterId(any_=[keadaan.state_details.flow_run_id]))
            tugas = await c.read_task_runs(flow_run_filter=saring)
            artefak = await c.read_artifacts(flow_run_filter=saring)
            return tugas, artefak

    tugas, artefak = asyncio.run(baca())
    assert [t.name.rsplit("-", 1)[0] for t in tugas] == ["tulis-arsip"]
    assert all(t.state.is_completed() for t in tugas)
    (tabel,) = [a for a in artefak if a.key == "zi-hasil"]
    baris = tabel.data if isinstance(tabel.data, list) else yaml.safe_load(tabel.data)
    assert sorted(b["berkas"] for b in baris) == sorted(berkas)
    assert all(b["area"] == b["baris"].split(".")[0] for b in baris)


def test_regenerasi_tidak_menimpa_suntingan(tmp_path, data_salinan):
    from flows.regenerasi import regenerasi

    akar = tmp_path / "arsip"
    hasil = regenerasi(area="V", bulan="2026-07", keluaran=str(akar), data=str(data_salinan))
    assert hasil["baru"] == 12  # one surat pernyataan per employee
    target = next(p for p in akar.rglob("*.docx") if "199108142014022003" in p.name)
    d = docx.Document(str(target))
    d.add_paragraph("Sudah ditandatangani.")
    d.save(str(target))
    disunting = target.read_bytes()
    pegawai = data_salinan / "pegawai.yaml"
    pegawai.write_text(pegawai.read_text(encoding="utf-8").replace("Pengelola Keuangan", "Bendahara Pengeluaran"),
                       encoding="utf-8")
    hasil = regenerasi(area="V", bulan="2026-07", jenis=["surat_pernyataan_bk"], keluaran=str(akar),
                       data=str(data_salinan))
    assert hasil["konflik"] == 1 and hasil["tidak berubah"] == 11
    assert target.read_bytes() == disunting
    assert target.with_name(f"{target.stem} (draf baru).docx").is_file()


@pytest.mark.parametrize("argumen,kata", [
    ({"area": "VII", "bulan": "2026-07"}, "area \"VII\""),
    ({"area": "V", "bulan": "Juli"}, "bulan \"Juli\""),
    ({"area": "V", "bulan": "2031-07"}, "di luar rencana"),
    ({"area": "V", "bulan": "2026-07", "jenis": ["sk"]}, "jenis naskah \"sk\""),
])
def test_regenerasi_parameter_salah_gagal_dengan_pesan(tmp_path, argumen, kata):
    from flows.regenerasi import regenerasi
    from zi.galat import ZiError

    akar = tmp_path / "arsip"
    with pytest.raises(ZiError, match=kata):
        regenerasi(keluaran=str(akar), **argumen)
    assert not akar.exists()


def test_monev_triwulan(tmp_path):
    from flows.monev import monev_triwulan

    akar = tmp_path / "arsip"
    hasil = monev_triwulan(periode="2026-TW2", keluaran=str(akar))
    berkas = _berkas(akar)
    assert hasil["baru"] == len(berkas) > 0
    assert all("Laporan Monev" in p and p[:7] in ("2026/04", "2026/05", "2026/06") for p in berkas)


def test_registri_rusak_gagal_tanpa_mengubah_arsip(tmp_path):
    from flows.regenerasi import regenerasi
    from zi.galat import ZiError

    akar = tmp_path / "arsip"
    (akar / ".zi").mkdir(parents=True)
    (akar / ".zi" / "arsip.sqlite").write_bytes(b"ini bukan basis data SQLite" * 100)
    sebelum = {p: p.read_bytes() for p in akar.rglob("*") if p.is_file()}
    with pytest.raises(ZiError, match="registri arsip rusak"):
        regenerasi(area="I", bulan="2026-01", keluaran=str(akar))
    assert {p: p.read_bytes() for p in akar.rglob("*") if p.is_file()} == sebelum
    h = jalankan_zi("buat", "--bulan", "2026-01", "--keluaran", str(akar))
    assert h.returncode == 2 and "registri arsip rusak" in h.stderr


def test_prefect_yaml_entrypoint_dan_jadwal_kalender():
    """Every entrypoint loads; schedules come from the build step, whose zone is the
    office's (instansi.yaml) and whose rules are RRULE sets Prefect accepts."""
    from prefect.client.schemas.schedules import RRuleSchedule
    from prefect.utilities.importtools import import_object

    from flows.layan import muat_flow

    proyek = yaml.safe_load((AKAR / "prefect.yaml").read_text(encoding="utf-8"))
    ((fqn, masukan),) = [next(iter(langkah.items())) for langkah in proyek["build"]]
    assert masukan["zi_home"] == "{{ $ZI_HOME }}" and masukan["id"] == "kalender"
    keluaran = import_object(fqn)(zi_home=str(AKAR), data=masukan["data"])
    zona = yaml.safe_load((AKAR / masukan["data"] / "instansi.yaml").read_text(encoding="utf-8"))["zona_waktu"]
    assert keluaran["zona"] == zona
    nama = set()
    for d in proyek["deployments"]:
        f = muat_flow(d["entrypoint"])
        assert callable(f) and hasattr(f, "to_deployment"), d["entrypoint"]
        for s in d.get("schedules", []):
            assert s["timezone"] == "{{ kalender.zona }}"
            kunci = s["rrule"].removeprefix("{{ kalender.").removesuffix(" }}")
            assert kunci in ("harian", "monev")
            RRuleSchedule(rrule=keluaran[kunci], timezone=zona)
        nama.add(d["name"])
    assert nama == {"harian", "monev-triwulan", "regenerasi", "semua-kantor"}
    assert any(d.get("schedules") for d in proyek["deployments"])


def test_area_pilihan_di_ui():
    from flows.regenerasi import regenerasi

    skema = regenerasi.parameters.model_dump()
    area = skema["properties"]["area"]
    ref = area.get("$ref") or area.get("allOf", [{}])[0].get("$ref")
    enum = skema["definitions"][ref.split("/")[-1]]["enum"]
    assert enum == ["I", "II", "III", "IV", "V", "VI"]
