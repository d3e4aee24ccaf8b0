"""Rebuild Qt's ICU data library (libicudata.so.NN, 31 MB on Linux) with only the data Qt can use for TrialDesk.

Qt 6 Core calls ICU for collation (QCollator, also QFileDialog's sorting), locale case mapping, time-zone
names and legacy text codecs; text shaping (Hangul included) is HarfBuzz inside QtGui and does not touch ICU.
Kept: every item that is not per-locale (normalisation, properties, time-zone rules, collation base data,
converter aliases), per-locale data of root/English/Korean, and the Korean and Western legacy codecs.
Dropped: the other ~650 locales' data, break-iterator dictionaries, transliterators, spelled-out numbers
and the other legacy codecs. A locale without its data falls back to root (ICU's own fallback).

    python scripts/icu_subset.py SRC_LIB DEST_LIB      (needs binutils: readelf, as, ld)
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = {"root", "res_index", "en", "en_US", "en_US_POSIX", "en_001", "en_150", "en_GB", "ko", "ko_KR"}
DROP_TREES = {"brkitr", "translit", "rbnf"}
KEEP_CODECS = re.compile(r"(cnvalias\.icu|ibm-970_.*|ibm-949_.*|ibm-1363_.*|windows-949-2000|ibm-5348_.*|"
                         r"ibm-5350_.*|ibm-912_.*|ibm-914_.*|ibm-913_.*|ibm-923_.*|iso-8859_.*)(\.cnv)?$")
LOCALE_FILE = re.compile(r"([a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res$")


def keep_item(name: str) -> bool:
    """Whether a package item ("icudt73l/coll/ko.res") stays."""
    parts = name.split("/")[1:]
    if len(parts) > 1 and parts[0] in DROP_TREES:
        return False
    leaf = parts[-1]
    if leaf.endswith(".cnv"):
        return KEEP_CODECS.match(leaf) is not None
    if LOCALE_FILE.fullmatch(leaf):
        return leaf[: -len(".res")] in KEEP_LOCALES
    return True


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes)]) of a little-endian ICU common-data package (format CmnD)."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:  # magic, format, little-endian
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in toc[1:]] + [len(blob) - header_size]

    def name_at(offset: int) -> str:
        start = header_size + offset
        return blob[start : blob.index(b"\0", start)].decode("ascii")

    items = [(name_at(n), blob[header_size + d : header_size + e]) for (n, d), e in zip(toc, ends, strict=True)]
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of these items (names sorted as ICU's binary search needs, data 16-byte aligned)."""
    items = sorted(items)
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    first = -(-(4 + 8 * len(items) + len(names)) // 16) * 16
    entries, body, name_offset, data_offset = [], [], 4 + 8 * len(items), first
    for n, data in items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(n) + 1
        padded = data + b"\0" * (-len(data) % 16)
        body.append(padded)
        data_offset += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + b"\0" * (first - len(toc)) + b"".join(body)


def subset_package(blob: bytes) -> tuple[bytes, int, int]:
    """The package with only the kept items; returns (package, items kept, items)."""
    header, items = read_package(blob)
    kept = [(name, data) for name, data in items if keep_item(name)]
    return write_package(header, kept), len(kept), len(items)


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the icudtNN_dat object in the library."""
    symbols = subprocess.run(["readelf", "-sW", "--dyn-syms", str(lib)], capture_output=True, text=True,
                             check=True).stdout
    match = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\b", symbols)
    if match is None:
        raise ValueError(f"{lib}: no icudtNN_dat symbol")
    value, size, section = int(match[1], 16), int(match[2], 0), int(match[3])
    sections = subprocess.run(["readelf", "-SW", str(lib)], capture_output=True, text=True, check=True).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if row is None:
        raise ValueError(f"{lib}: section {section} not found")
    address, offset = int(row[1], 16), int(row[2], 16)
    return match[4], offset + value - address, size


def build_library(src: Path, dest: Path) -> str:
    """Write DEST, a libicudata with the same soname and symbol as SRC holding the subset; returns a summary."""
    symbol, offset, size = _data_symbol(src)
    package, kept, total = subset_package(src.read_bytes()[offset : offset + size])
    soname = re.search(r"SONAME\).*\[(.+)\]", subprocess.run(["readelf", "-d", str(src)], capture_output=True,
                                                             text=True, check=True).stdout)
    if soname is None:
        raise ValueError(f"{src}: no soname")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "data.bin").write_bytes(package)
        (folder / "data.s").write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
            f'.incbin "{folder / "data.bin"}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", str(folder / "data.o"), str(folder / "data.s")], check=True)
        dest.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", soname[1], "-o", str(dest), str(folder / "data.o")], check=True)
    return f"{symbol}: kept {kept} of {total} items, {size / 1e6:.1f} MB -> {len(package) / 1e6:.1f} MB"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(build_library(Path(sys.argv[1]), Path(sys.argv[2])))
