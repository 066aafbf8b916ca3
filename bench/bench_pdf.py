"""Benchmark of zi's PDFs (issue 16), reported as ratios measured in one run.

    .venv/bin/python bench/bench_pdf.py [--tahun 2026 | --arsip DIR] [--tanpa-lama] [--unoserver DIR]

On the sample plan's drafts of a year (written once by `zi buat`), each measure starting
from the same archive without PDFs:
  (a) baseline: ONE batched `soffice --convert-to pdf` call over all the files (uniquely
      named links, one fresh profile) — LibreOffice's own speed on one core;
  (b) zi's `pastikan_pdf` (zi.pdf) with one converter, then with one per core;
  (c) the old `--pdf` (before issue 16): one LibreOffice start per row folder;
  (d) optionally a pool of `unoserver` listeners (one per core; DIR holds the unoserver
      package, e.g. `pip install --target DIR unoserver`, and python3-uno must be installed).
Then zi over the baseline, the second core's speed-up, and the projection for 550 offices'
year (~50 000 drafts). The load average and the busiest other processes are printed so a
reader can judge the machine's state. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from zi.pdf import jumlah_inti, pastikan_pdf, soffice  # noqa: E402

DRAF_550_KANTOR = 50_000


def beban() -> str:
    """Load average and the three busiest other processes (what else was running)."""
    satu, lima, _ = os.getloadavg()
    ps = subprocess.run(["ps", "-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers"], capture_output=True,
                        text=True).stdout.splitlines()
    lain = [" ".join(p.split()) for p in ps if "ps" not in p.split()[1:]][:3]
    return f"load {satu:.2f}/{lima:.2f}; busiest: {'; '.join(lain)}"


def siapkan(folder: Path, tahun: int) -> Path:
    """The year's drafts, written once by the real command (no PDFs)."""
    asli = folder / "asli"
    h = subprocess.run([str(AKAR / ".venv/bin/zi"), "buat", "--tahun", str(tahun), "--keluaran", str(asli)],
                       capture_output=True, text=True, cwd=AKAR)
    if h.returncode != 0:
        sys.exit(f"zi buat gagal:\n{h.stdout}\n{h.stderr}")
    return asli


def salinan(asli: Path, folder: Path, nama: str) -> tuple[Path, list[Path]]:
    tujuan = folder / nama
    shutil.copytree(asli, tujuan)
    return tujuan, sorted(tujuan.rglob("*.docx"))


def satu_panggilan(berkas: list[Path], kerja: Path) -> int:
    """Baseline: one soffice call over every file (links with unique names), one profile."""
    masuk, keluar = kerja / "masuk", kerja / "keluar"
    masuk.mkdir(parents=True)
    for i, b in enumerate(berkas):
        os.symlink(b, masuk / f"{i:05d}.docx")
    subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation={(kerja / 'profil').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(keluar), *sorted(map(str, masuk.iterdir()))],
                   capture_output=True, check=True)
    return len(list(keluar.glob("*.pdf")))


def cara_lama(berkas: list[Path]) -> int:
    """The `--pdf` before issue 16 (zi/render.py `ke_pdf`): one soffice call per row folder,
    sharing one fresh profile, in one process after another."""
    per_folder: dict[Path, list[Path]] = {}
    for b in berkas:
        per_folder.setdefault(b.parent, []).append(b)
    with tempfile.TemporaryDirectory(prefix="zi-lo-") as profil:
        for folder, daftar in per_folder.items():
            subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{profil}",
                            "--convert-to", "pdf", "--outdir", str(folder), *map(str, daftar)],
                           capture_output=True, timeout=600)
    return sum(b.with_suffix(".pdf").is_file() for b in berkas)


def _port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pool_unoserver(berkas: list[Path], kerja: Path, n: int, paket: Path) -> int:
    """n unoserver listeners (system python3 with python3-uno), each fed its share over
    XML-RPC, one document per request. Start-up included."""
    from xmlrpc.client import ServerProxy

    env = dict(os.environ, PYTHONPATH=str(paket))
    pelayan = []
    for i in range(n):
        port, port_uno = _port(), _port()
        p = subprocess.Popen(["/usr/bin/python3", "-m", "unoserver.server", "--port", str(port), "--uno-port",
                              str(port_uno), "--user-installation", str(kerja / f"profil{i}"), "--quiet"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        pelayan.append((p, ServerProxy(f"http://127.0.0.1:{port}", allow_none=True)))
    try:
        for _, proxy in pelayan:
            batas = time.monotonic() + 60
            while True:
                try:
                    proxy.info()
                    break
                except OSError:
                    if time.monotonic() > batas:
                        raise
                    time.sleep(0.1)

        def layani(i: int) -> None:
            for b in berkas[i::n]:
                pelayan[i][1].convert(str(b), None, str(b.with_suffix(".pdf")), "pdf", None, [], False, None, None)

        with ThreadPoolExecutor(n) as pool:
            list(pool.map(layani, range(n)))
    finally:
        for p, _ in pelayan:
            os.killpg(p.pid, 9)
            p.wait()
    return sum(b.with_suffix(".pdf").is_file() for b in berkas)


def ukur(fungsi, *argumen) -> tuple[float, object]:
    mulai = time.perf_counter()
    hasil = fungsi(*argumen)
    return time.perf_counter() - mulai, hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tahun", type=int, default=2026)
    ap.add_argument("--tanpa-lama", action="store_true", help="skip the old --pdf (about 75 s)")
    ap.add_argument("--arsip", type=Path, metavar="DIR", help="use this archive's drafts instead of writing the year's")
    ap.add_argument("--unoserver", type=Path, metavar="DIR", help="also measure a pool of unoserver listeners")
    a = ap.parse_args()
    inti = jumlah_inti()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as t:
        folder = Path(t)
        asli = a.arsip.resolve() if a.arsip else siapkan(folder, a.tahun)
        n = len(list(asli.rglob("*.docx")))
        print(f"{n} drafts of {a.tahun}, {inti} cores; before: {beban()}")
        _, berkas = salinan(asli, folder, "dasar")
        t_dasar, jadi = ukur(satu_panggilan, berkas, folder / "kerja-dasar")
        print(f"(a) one batched soffice call: {t_dasar:.1f} s ({jadi} PDFs, {n / t_dasar:.1f} PDF/s)")
        hasil = {}
        for p in sorted({1, inti}):
            akar, berkas = salinan(asli, folder, f"zi{p}")
            hasil[p], h = ukur(lambda: pastikan_pdf(akar, berkas, proses=p))
            print(f"(b) zi, {p} converter(s): {hasil[p]:.1f} s ({len(h.dibuat)} PDFs, {len(h.gagal)} failed, "
                  f"{n / hasil[p]:.1f} PDF/s)")
        akar, berkas = salinan(asli, folder, "ulang")
        pastikan_pdf(akar, berkas)
        t_ulang, _ = ukur(lambda: pastikan_pdf(akar, berkas))
        print(f"    unchanged re-run: {t_ulang * 1000:.0f} ms")
        t_lama = None
        if not a.tanpa_lama:
            _, berkas = salinan(asli, folder, "lama")
            t_lama, jadi = ukur(cara_lama, berkas)
            print(f"(c) old --pdf (one start per row folder): {t_lama:.1f} s ({jadi} PDFs)")
        if a.unoserver:
            _, berkas = salinan(asli, folder, "uno")
            t_uno, jadi = ukur(pool_unoserver, berkas, folder / "kerja-uno", inti, a.unoserver.resolve())
            print(f"(d) {inti} unoserver listeners: {t_uno:.1f} s ({jadi} PDFs); zi is {t_uno / hasil[inti]:.2f}× faster")
        zi = hasil[inti]
        print(f"\nzi / one batched call: {zi / t_dasar:.2f} (goal ≤ 1, with two cores < 1)")
        if inti > 1:
            print(f"second core: {hasil[1] / zi:.2f}× (1 converter {hasil[1]:.1f} s → {inti}: {zi:.1f} s)")
        if t_lama:
            print(f"old --pdf / zi: {t_lama / zi:.1f}× faster (goal ≥ 5×)")
        print(f"projected 550 offices' year (~{DRAF_550_KANTOR} drafts, one office after another on this "
              f"machine): {DRAF_550_KANTOR / n * zi / 60:.0f} min")
        print(f"after: {beban()}")


if __name__ == "__main__":
    main()
