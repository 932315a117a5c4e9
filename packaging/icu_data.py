"""A slimmer ICU data library for the Linux bundle.

PySide6's Linux wheels ship ICU 73 with its complete data (libicudata.so.73, 32 MB): every
locale's names, currencies, units, time zones, calendars, transliterators, break-iterator
dictionaries and ~230 legacy converters. QtCore is the only user of ICU in the bundle (QtGui
lays out text with its own HarfBuzz and Unicode tables, and character properties, case
mapping and NFC live in libicuuc's code, not in the data), and it asks ICU for:

- collation (QCollator; Gloss itself sorts in SQLite, but Qt's own file dialog sorts file
  names with QCollator): every collation tailoring is kept, so names sort as the user's
  language expects;
- character sets that Qt does not decode itself (QStringDecoder, used e.g. by
  QMimeData.html() when HTML on the clipboard declares a legacy charset): the converters of
  the WHATWG Encoding Standard are kept, the set a browser can have put there;
- time-zone display names (QTimeZone.displayName), which Gloss never asks for; Qt falls
  back to the zone's abbreviation without them.

Everything else is dropped. The data is a "common data" package (ICU's CmnD format, the one
`icupkg` reads and writes); this module copies the kept items into a new package and links it
into a shared library that exports the same `icudtNN_dat` symbol under the same soname, with
binutils' `as` and `ld` (CI installs binutils for `strip` already). Without them, or for a
library it cannot read, it returns None and the bundle keeps Qt's full data.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

# Items kept, by their name inside the package (without the "icudtNNl/" prefix).
KEEP_PREFIXES = ("coll/",)
CONVERTERS = {
    # The converters behind the WHATWG Encoding Standard's labels (as ICU resolves them),
    # plus the alias table that maps a label to its converter. UTF-*, US-ASCII and
    # ISO-8859-1 are algorithmic and need no data.
    "cnvalias.icu",
    "ibm-866_P100-1995.cnv",
    "ibm-912_P100-1995.cnv",  # iso-8859-2
    "ibm-913_P100-2000.cnv",
    "ibm-914_P100-1995.cnv",
    "ibm-915_P100-1995.cnv",
    "ibm-1089_P100-1995.cnv",  # iso-8859-6
    "ibm-9005_X110-2007.cnv",
    "ibm-5012_P100-1999.cnv",  # iso-8859-8
    "iso-8859_10-1998.cnv",
    "iso-8859_11-2001.cnv",
    "ibm-921_P100-1995.cnv",  # iso-8859-13
    "iso-8859_14-1998.cnv",
    "ibm-923_P100-1998.cnv",  # iso-8859-15
    "ibm-878_P100-1996.cnv",  # koi8-r
    "ibm-1168_P100-2002.cnv",  # koi8-u
    "macos-0_2-10.2.cnv",  # macintosh
    "macos-7_3-10.2.cnv",  # x-mac-cyrillic
    "windows-874-2000.cnv",
    "ibm-5346_P100-1998.cnv",  # windows-1250
    "ibm-5347_P100-1998.cnv",
    "ibm-5348_P100-1997.cnv",  # windows-1252
    "ibm-5349_P100-1998.cnv",
    "ibm-5350_P100-1998.cnv",
    "ibm-9447_P100-2002.cnv",  # windows-1255
    "ibm-9448_X100-2005.cnv",
    "ibm-9449_P100-2002.cnv",
    "ibm-5354_P100-1998.cnv",  # windows-1258
    "windows-936-2000.cnv",  # gbk, an extension of:
    "ibm-1386_P100-2001.cnv",
    "ibm-1383_P110-1999.cnv",  # gb2312
    "gb18030.cnv",
    "windows-950-2000.cnv",  # big5, an extension of:
    "ibm-1373_P100-2002.cnv",
    "euc-jp-2007.cnv",
    "ibm-943_P15A-2003.cnv",  # shift_jis, and JIS X 0208 inside iso-2022-jp
    "jisx-212.cnv",  # iso-2022-jp's JIS X 0212
    "ibm-970_P110_P110-2006_U2.cnv",  # euc-kr
    "windows-949-2000.cnv",  # an extension of:
    "ibm-1363_P11B-1998.cnv",
}

_SYMBOL = re.compile(rb"icudt(\d+)_dat")


def read_common_data(library: Path) -> tuple[str, bytes] | None:
    """The exported `icudtNN_dat` symbol's name and bytes, from a 64-bit little-endian ELF."""
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        return None
    shoff, shentsize, shnum = struct.unpack_from("<Q10xHH", elf, 0x28)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _f, _addr, offset, size, link, _i, _a, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for at in range(offset, offset + size, entsize):
            st_name, _info, _other, shndx, value, length = struct.unpack_from("<IBBHQQ", elf, at)
            start = strtab[4] + st_name
            name = elf[start : elf.index(b"\0", start)]
            if _SYMBOL.fullmatch(name) and 0 < shndx < shnum:
                home = sections[shndx]
                begin = value - home[3] + home[4]
                return name.decode(), elf[begin : begin + length]
    return None


def filter_common_data(data: bytes, keep) -> tuple[bytes, list[str]]:
    """A CmnD package with only the items for which `keep(name)` is true, and their names.

    Layout (ICU's udata.cpp / pkgitems): a header of `header_size` bytes, then a table of
    contents (count, then per item the offsets of its name and its data, both from the table's
    start), the NUL-terminated names, and the items, each starting 16-byte aligned.
    """
    header_size, magic = struct.unpack_from("<H2s", data, 0)
    if magic != b"\xda\x27" or data[12:16] != b"CmnD" or data[8] != 0:  # little-endian
        raise ValueError("not a little-endian ICU common data package")
    base = data[header_size:]
    count = struct.unpack_from("<I", base, 0)[0]
    toc = [struct.unpack_from("<II", base, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(toc):
        name = base[name_at : base.index(b"\0", name_at)]
        end = toc[i + 1][1] if i + 1 < count else len(base)
        short = name.decode("ascii").split("/", 1)[1]
        if keep(short):
            items.append((name, base[data_at:end]))  # in the original (sorted) order
    names_at = 4 + 8 * len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    offset = names_at + len(names)
    offset += -offset % 16
    table, blobs, cursor = [], [], names_at
    for name, blob in items:
        table.append(struct.pack("<II", cursor, offset))
        cursor += len(name) + 1
        blobs.append(blob + b"\0" * (-len(blob) % 16))
        offset += len(blobs[-1])
    head = struct.pack("<I", len(items)) + b"".join(table) + names
    head += b"\0" * (-len(head) % 16)
    kept = [name.decode("ascii") for name, _ in items]
    return data[:header_size] + head + b"".join(blobs), kept


def wanted(short_name: str) -> bool:
    return short_name.startswith(KEEP_PREFIXES) or short_name in CONVERTERS


def slim_library(library: Path, workdir: Path) -> Path | None:
    """Build a slim copy of `library` (a libicudataNN.so) in `workdir`; None if impossible."""
    as_, ld = shutil.which("as"), shutil.which("ld")
    if as_ is None or ld is None:
        print("icu_data: binutils' as/ld not found; keeping Qt's full ICU data (32 MB)")
        return None
    found = read_common_data(library)
    if found is None:
        print(f"icu_data: no ICU data symbol found in {library}; keeping it whole")
        return None
    symbol, data = found
    slim, kept = filter_common_data(data, wanted)
    missing = CONVERTERS - {name.split("/", 1)[1] for name in kept}
    if missing:  # a newer ICU renamed a converter: keep everything rather than lose one
        print(f"icu_data: {sorted(missing)} not in {library.name}; keeping it whole")
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    dat = workdir / f"{symbol.removesuffix('_dat')}l.dat"
    dat.write_bytes(slim)
    asm = workdir / "icudata.s"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, %object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{dat.name}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",%progbits\n',
        encoding="ascii",
    )
    out = workdir / library.name
    subprocess.run([as_, "-o", "icudata.o", asm.name], cwd=workdir, check=True)
    subprocess.run(
        [ld, "-shared", "-soname", library.name, "-o", str(out), "icudata.o"],
        cwd=workdir,
        check=True,
    )
    print(
        f"icu_data: {library.name} {len(data) / 1e6:.1f} MB -> {len(slim) / 1e6:.1f} MB "
        f"({len(kept)} items: collation and the web's character sets)"
    )
    return out
