"""The build's helpers: the ICU data subset (scripts/icu_subset.py) and the self-test the built binary runs."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import icu_subset  # noqa: E402

HEADER = struct.pack("<HBBHHBBBB4s4s4s", 32, 0xDA, 0x27, 20, 0, 0, 0, 2, 0, b"CmnD", bytes([1, 0, 0, 0]),
                     bytes(4)).ljust(32, b"\0")


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/coll/ko.res", True), ("icudt73l/coll/root.res", True), ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/coll/de.res", False), ("icudt73l/coll/zh_Hant.res", False), ("icudt73l/coll/res_index.res", True),
    ("icudt73l/zone/ko.res", True), ("icudt73l/zone/pool.res", True), ("icudt73l/zone/tzdbNames.res", True),
    ("icudt73l/zone/fr_CA.res", False), ("icudt73l/en_GB.res", True), ("icudt73l/ja.res", False),
    ("icudt73l/zoneinfo64.res", True), ("icudt73l/metaZones.res", True), ("icudt73l/supplementalData.res", True),
    ("icudt73l/brkitr/word.brk", False), ("icudt73l/translit/root.res", False), ("icudt73l/rbnf/ko.res", False),
    ("icudt73l/cnvalias.icu", True), ("icudt73l/ibm-970_P110_P110-2006_U2.cnv", True),
    ("icudt73l/windows-949-2000.cnv", True), ("icudt73l/gb18030.cnv", False), ("icudt73l/nfkc.nrm", True),
])
def test_keep_item(name: str, kept: bool) -> None:
    assert icu_subset.keep_item(name) is kept


def test_package_round_trip_sorted_and_aligned() -> None:
    items = [("icudt73l/zz.icu", b"z" * 5), ("icudt73l/coll/ko.res", b"k" * 33), ("icudt73l/a.res", b"a" * 16)]
    package = icu_subset.write_package(HEADER, items)
    header, read = icu_subset.read_package(package)
    assert header == HEADER
    assert [name for name, _ in read] == sorted(name for name, _ in items)
    assert {name: data.rstrip(b"\0") for name, data in read} == dict(items)
    count = struct.unpack_from("<I", package, 32)[0]
    offsets = [struct.unpack_from("<II", package, 36 + 8 * i)[1] for i in range(count)]
    assert all((32 + offset) % 16 == 0 for offset in offsets)


def test_subset_package_drops_only_what_keep_item_refuses() -> None:
    items = [("icudt73l/coll/ko.res", b"1" * 16), ("icudt73l/coll/de.res", b"2" * 16), ("icudt73l/x.cnv", b"3" * 16)]
    package, kept, total = icu_subset.subset_package(icu_subset.write_package(HEADER, items))
    assert (kept, total) == (1, 3)
    assert icu_subset.read_package(package)[1] == [("icudt73l/coll/ko.res", b"1" * 16)]


def _qt_icu_data() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


LINUX_WITH_BINUTILS = sys.platform.startswith("linux") and all(shutil.which(t) for t in ("readelf", "as", "ld"))


@pytest.mark.skipif(not LINUX_WITH_BINUTILS, reason="a Linux build step (needs binutils)")
def test_build_library_keeps_korean_and_english_items_byte_for_byte(tmp_path: Path) -> None:
    source = _qt_icu_data()
    if source is None:
        pytest.skip("this PySide6 ships no ICU")
    target = tmp_path / source.name
    icu_subset.build_library(source, target)
    _, original = icu_subset.read_package(_symbol_bytes(source))
    _, subset = icu_subset.read_package(_symbol_bytes(target))
    originals = dict(original)
    assert subset and all(data.startswith(originals[name]) for name, data in subset)
    names = {name.split("/", 1)[1] for name, _ in subset}
    assert {"coll/ko.res", "coll/root.res", "coll/ucadata.icu", "zone/ko.res", "zoneinfo64.res"} <= names
    assert "coll/de.res" not in names and not any(n.startswith("brkitr/") for n in names)
    assert target.stat().st_size < source.stat().st_size / 4
    soname = subprocess.run(["readelf", "-d", str(target)], capture_output=True, text=True, check=True).stdout
    assert f"[{source.name}]" in soname


def _symbol_bytes(lib: Path) -> bytes:
    _, offset, size = icu_subset._data_symbol(lib)
    return lib.read_bytes()[offset : offset + size]


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIALDESK_DATA_DIR=str(tmp_path / "userdata"))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"], capture_output=True, text=True,
                          env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Self-test passed." in done.stdout
    assert "ok    Qt text services" in done.stdout
