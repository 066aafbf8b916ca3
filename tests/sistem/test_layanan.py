"""The CLI and the flows are the same use cases: `zi monev` and the quarterly flow, run on
two copies of one archive, leave the same files."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.bantu import jalankan_zi


def _isi(akar: Path) -> dict[str, object]:
    """Every file of the archive except zi's bookkeeping: documents by their bytes, the
    tracker by its cell values (a workbook's zip carries its save time)."""
    hasil: dict[str, object] = {}
    for p in sorted(akar.rglob("*")):
        rel = p.relative_to(akar).as_posix()
        if not p.is_file() or rel.startswith(".zi/"):
            continue
        if "/_riwayat/" in rel:  # a superseded version is stamped with the time it was moved
            rel = re.sub(r" \d{8}-\d{6}(-\d+)?(\.\w+)$", r" <waktu>\2", rel)
        if p.suffix == ".xlsx":
            wb = openpyxl.load_workbook(io.BytesIO(p.read_bytes()))
            hasil[rel] = {ws.title: [[c.value for c in r] for r in ws.iter_rows()] for ws in wb}
        else:
            hasil[rel] = p.read_bytes()
    return hasil


@pytest.mark.usefixtures("prefect_harness")
def test_monev_cli_dan_flow_triwulan_sama(tmp_path):
    from flows.monev import monev_triwulan

    dasar = tmp_path / "dasar"
    h = jalankan_zi("buat", "--bulan", "2026-02", "--keluaran", str(dasar))
    assert h.returncode == 0, h.stderr
    cli, flow = tmp_path / "cli", tmp_path / "flow"
    shutil.copytree(dasar, cli)
    shutil.copytree(dasar, flow)

    h = jalankan_zi("monev", "--periode", "2026-TW1", "--keluaran", str(cli))
    assert h.returncode == 0, h.stdout + h.stderr
    hasil = monev_triwulan(periode="2026-TW1", keluaran=str(flow))

    a, b = _isi(cli), _isi(flow)
    assert set(a) == set(b)
    assert a == b
    baru = set(a) - set(_isi(dasar))
    assert any("/monev/" in n and "Triwulan I Tahun 2026" in n for n in baru)  # the period's report
    assert "realisasi/realisasi-2026.xlsx" in baru  # the tracker, refreshed by both
    assert hasil["laporan_periode"]["jalur"] in a
