"""Shared fixtures: paths of the bundled sample data and a helper to run the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bantu import DATA, jalankan_zi



@pytest.fixture
def data_salinan(tmp_path: Path) -> Path:
    """A writable copy of the sample data folder, for tests that break it."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


@pytest.fixture(scope="module")
def arsip_dasar(tmp_path_factory) -> Path:
    """An archive holding area I's January drafts (made by `zi buat`), per test module."""
    akar = tmp_path_factory.mktemp("arsip")
    h = jalankan_zi("buat", "--bulan", "2026-01", "--area", "I", "--keluaran", str(akar))
    assert h.returncode == 0, h.stderr
    return akar


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (~12 s to start)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    from flows.tugas import tanpa_detak

    with prefect_test_harness(server_startup_timeout=180), tanpa_detak():  # a busy 2-core machine
        yield
