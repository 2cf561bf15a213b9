#!/usr/bin/env python3
"""Independent checks of zip files for the archive tests, with Python's zipfile.

  zipcheck.py list ZIP              one line per entry: name, size, method, sha256 (all data
                                    read, so CRCs are checked); exit 1 on any error
  zipcheck.py craft KIND OUT        writes a malicious or broken archive of the given kind
"""
import hashlib
import io
import struct
import sys
import zipfile


def list_zip(path):
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            h = hashlib.sha256()
            with z.open(info) as f:
                while True:
                    b = f.read(1 << 20)
                    if not b:
                        break
                    h.update(b)
            name = info.filename
            print(f"{name}\t{info.file_size}\t{info.compress_type}\t{h.hexdigest()}")


def plain(out, names, data=b"hello\n"):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            z.writestr(n, data)


def craft(kind, out):
    if kind in ("dotdot", "absolute", "drive", "backslash", "nested-dotdot", "fine-dots"):
        name = {
            "dotdot": "../evil.txt",
            "absolute": "/etc/evil.txt",
            "drive": "C:/evil.txt",
            "backslash": "wp-content\\..\\..\\evil.txt",
            "nested-dotdot": "wp-content/plugins/../../../evil.txt",
            "fine-dots": "wp-content/plugins/a..b.txt",
        }[kind]
        # zipfile rewrites some names on write; build the info by hand to keep the bytes.
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("ok.txt", b"fine\n")
            info = zipfile.ZipInfo("x")
            info.filename = name
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, b"payload\n")
    elif kind == "symlink":
        with zipfile.ZipFile(out, "w") as z:
            info = zipfile.ZipInfo("wp-content/uploads/link")
            info.external_attr = (0o120777 << 16)
            z.writestr(info, b"/etc/passwd")
    elif kind == "bomb":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("zeros.bin", b"\0" * (20 << 20))
    elif kind == "big":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            z.writestr("a.bin", b"x" * (3 << 20))
            z.writestr("b.bin", b"y" * (3 << 20))
    elif kind in ("crc", "longer"):
        buf = io.BytesIO()
        data = b"abcdefgh" * 1000
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
            z.writestr("data.bin", data)
        raw = bytearray(buf.getvalue())
        if kind == "crc":
            raw[30 + len("data.bin") + 10] ^= 0xFF  # one byte of the data
        else:
            # Declare 100 bytes less in both headers: the stored data is then longer.
            lh = raw.find(b"PK\x03\x04")
            cd = raw.find(b"PK\x01\x02")
            for off in (lh + 18, lh + 22, cd + 20, cd + 24):
                v = struct.unpack_from("<I", raw, off)[0]
                struct.pack_into("<I", raw, off, v - 100)
        open(out, "wb").write(bytes(raw))
    elif kind == "deleted-traversal":
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("backup-manifest.json", b'{"type":"incremental"}')
            z.writestr("deleted-files.json",
                       b'{"count":1,"paths":["wp-content/plugins/../../victim.php"]}')
    else:
        raise SystemExit("unknown kind " + kind)


if __name__ == "__main__":
    try:
        if sys.argv[1] == "list":
            list_zip(sys.argv[2])
        else:
            craft(sys.argv[2], sys.argv[3])
    except Exception as e:  # noqa: BLE001 - any failure is the answer
        print("error:", e)
        sys.exit(1)
