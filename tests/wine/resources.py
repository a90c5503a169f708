#!/usr/bin/env python3
"""Checks the Windows .exe the way Explorer shows it: a GUI program (no console window),
an icon in the usual sizes, and the version information build.rs embeds (product name,
company, description and the version from Cargo.toml, in Vietnamese).

    tests/wine/resources.py target/x86_64-pc-windows-gnu/release/thidua.exe Cargo.toml
"""
import re
import struct
import sys

exe_path, cargo_toml = sys.argv[1], sys.argv[2]
data = open(exe_path, "rb").read()
version = re.search(r'^version\s*=\s*"([^"]+)"', open(cargo_toml, encoding="utf-8").read(), re.M).group(1)
failures = []

# PE header: the subsystem of a window program is 2 (IMAGE_SUBSYSTEM_WINDOWS_GUI).
pe = struct.unpack_from("<I", data, 0x3C)[0]
assert data[pe:pe + 4] == b"PE\0\0", "not a PE file"
optional = pe + 24
subsystem = struct.unpack_from("<H", data, optional + 68)[0]
if subsystem != 2:
    failures.append(f"subsystem {subsystem}, expected 2 (Windows GUI: no console window)")

def utf16(text):
    return text.encode("utf-16-le")

for key, value in [
    ("ProductName", "Thi đua – Khen thưởng"),
    ("CompanyName", "Sở Công Thương"),
    ("FileDescription", "Thi đua – Khen thưởng – Sở Công Thương"),
    ("ProductVersion", version),
    ("FileVersion", version),
]:
    # In a VERSIONINFO String the key, NUL-padded to 32 bits, is followed by its value.
    if not re.search(re.escape(utf16(key)) + b"(\0\0)+" + re.escape(utf16(value)) + b"\0\0", data):
        failures.append(f"version information lacks {key} = {value}")

# Vietnamese (0x042A) with the Unicode code page (1200 = 0x04B0): the block "042A04B0".
if utf16("042A04B0") not in data and utf16("042a04b0") not in data:
    failures.append("no Vietnamese (042A04B0) string table")

# The icon group (RT_GROUP_ICON) lists each image's width; 0 stands for 256.
sizes = set()
for m in re.finditer(rb"\0\0\x01\0([\x01-\x10])\0", data):
    count = m.group(1)[0]
    start = m.end()
    entries = [data[start + 14 * i:start + 14 * (i + 1)] for i in range(count)]
    if all(len(e) == 14 and e[0] == e[1] and struct.unpack_from("<H", e, 6)[0] == 32 for e in entries):
        sizes |= {e[0] or 256 for e in entries}
for size in (16, 32, 48, 256):
    if size not in sizes:
        failures.append(f"no {size}x{size} icon (found {sorted(sizes)})")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"resources ok: GUI subsystem, icons {sorted(sizes)}, version {version}, Vietnamese")
