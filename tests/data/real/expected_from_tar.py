#!/usr/bin/env python3
"""Independent oracle: the expected figures for Ballast's real-image fixtures.

This script shares no code and no logic with Ballast. It reads the saved image archives with
Python's tarfile module, cross-checks every layer listing against GNU tar (`tar -tv --numeric-owner`)
and hashes blobs with hashlib, so tests compare Ballast against a second, independent reading of the
same bytes. Run it only when the fixtures are rebuilt (make-fixtures.sh does); never edit the JSON
it writes by hand.

usage: expected_from_tar.py --name NAME ARCHIVE [ARCHIVE ...] > expected.json
  All archives must hold the same image (docker-archive and/or OCI archives, gzip/zstd/plain layers).
  Layer contents are read from the first archive; the others must give the same diff_ids.

Definitions (what the numbers mean):
  layer entryCount     entries in the layer tar, the root entry ("./", "/", ".") excluded;
                       whiteout markers (.wh.*) and hardlinks included.
  layer sizeBytes      sum of the tar header sizes of all entries (hardlinks, symlinks, dirs and
                       whiteout markers are 0, so this is the regular-file bytes of the layer).
  layer regularFileCount   regular files, whiteout markers and hardlinks excluded.
  final filesystem     layers applied in manifest order (base first): a marker DIR/.wh.NAME deletes
                       DIR/NAME and everything below it from the lower layers; DIR/.wh..wh..opq hides
                       everything the lower layers had below DIR (what the same layer adds stays);
                       a non-directory replacing a directory drops the directory's children;
                       parent directories without an entry of their own are counted once as
                       directories. entryCount = distinct paths (root excluded), fileCount = regular
                       files (hardlinks not counted), finalSizeBytes = sum of those files' sizes.
"""
import argparse
import gzip
import hashlib
import io
import json
import posixpath
import subprocess
import sys
import tarfile

WH = ".wh."
OPQ = ".wh..wh..opq"


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def decompress(blob, where):
    if blob[:2] == b"\x1f\x8b":
        return gzip.decompress(blob), "gzip"
    if blob[:4] == b"\x28\xb5\x2f\xfd":
        out = subprocess.run(["zstd", "-dc"], input=blob, capture_output=True, check=True).stdout
        return out, "zstd"
    if blob[257:262] == b"ustar":
        return blob, "none"
    sys.exit(f"{where}: neither gzip, zstd nor tar")


class Archive:
    """An outer archive held in memory, members by normalised path, symlinks resolved."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        self.members = {}
        with tarfile.open(fileobj=io.BytesIO(self.raw), mode="r:") as tf:
            for m in tf.getmembers():
                name = posixpath.normpath(m.name.lstrip("/"))
                data = tf.extractfile(m).read() if m.isreg() else None
                self.members[name] = (m, data)

    def read(self, name, depth=0):
        name = posixpath.normpath(name.lstrip("/"))
        if depth > 8 or name not in self.members:
            sys.exit(f"{self.path}: no member {name}")
        m, data = self.members[name]
        if m.issym():  # buildah's <id>/layer.tar -> ../<sha>.tar
            return self.read(posixpath.join(posixpath.dirname(name), m.linkname), depth + 1)
        return data

    def json(self, name):
        return json.loads(self.read(name))


def load_docker(a):
    manifest = a.json("manifest.json")
    if len(manifest) != 1:
        sys.exit(f"{a.path}: expected one image in manifest.json, found {len(manifest)}")
    m = manifest[0]
    config_bytes = a.read(m["Config"])
    layers = []
    for p in m["Layers"]:
        blob = a.read(p)
        sym = a.members[posixpath.normpath(p)][0]
        layers.append({"path": p, "symlinkTo": sym.linkname if sym.issym() else None, "blob": blob})
    info = {
        "format": "docker-archive",
        "tags": m.get("RepoTags") or [],
        "config": {"path": m["Config"], "digest": sha256(config_bytes), "size": len(config_bytes)},
    }
    return info, json.loads(config_bytes), layers


def load_oci(a):
    index = a.json("index.json")
    desc = index["manifests"]
    if len(desc) != 1:
        sys.exit(f"{a.path}: expected one manifest in index.json, found {len(desc)}")
    d = desc[0]

    def blob(desc):
        algo, hexd = desc["digest"].split(":", 1)
        data = a.read(f"blobs/{algo}/{hexd}")
        if sha256(data) != desc["digest"] or len(data) != desc["size"]:
            sys.exit(f"{a.path}: blob {desc['digest']} does not match its descriptor")
        return data

    mbytes = blob(d)
    manifest = json.loads(mbytes)
    cbytes = blob(manifest["config"])
    layers = []
    for ld in manifest["layers"]:
        layers.append({"mediaType": ld["mediaType"], "digest": ld["digest"], "size": ld["size"],
                       "blob": blob(ld)})
    ref = (d.get("annotations") or {}).get("org.opencontainers.image.ref.name")
    info = {
        "format": "oci-archive",
        "tags": [ref] if ref else [],
        "manifest": {"mediaType": d.get("mediaType") or manifest.get("mediaType"),
                     "digest": d["digest"], "size": d["size"]},
        "config": {"mediaType": manifest["config"]["mediaType"], "digest": manifest["config"]["digest"],
                   "size": manifest["config"]["size"]},
    }
    return info, json.loads(cbytes), layers


def kind(m):
    base = posixpath.basename(m.name.rstrip("/"))
    if m.isreg() and base == OPQ:
        return "opaque"
    if m.isreg() and base.startswith(WH):
        return "whiteout"
    if m.islnk():
        return "hardlink"
    if m.isreg():
        return "file"
    if m.isdir():
        return "dir"
    if m.issym():
        return "symlink"
    if m.isfifo():
        return "fifo"
    if m.ischr():
        return "chardev"
    if m.isblk():
        return "blockdev"
    return "other"


def norm(name):
    p = name
    while p.startswith("./"):
        p = p[2:]
    p = p.strip("/")
    return "" if p in (".", "") else posixpath.normpath(p)


def gnu_tar_listing(data, where):
    """Entry count and size sum as GNU tar reports them, root excluded (the cross-check)."""
    out = subprocess.run(["tar", "-tv", "--numeric-owner", "-f", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8", "surrogateescape")
    count = size = 0
    for line in out.splitlines():
        fields = line.split(None, 5)
        name = fields[5]
        if line.startswith("h"):
            name = name.split(" link to ", 1)[0]
        elif line.startswith("l"):
            name = name.split(" -> ", 1)[0]
        if norm(name) == "":
            continue
        count += 1
        if "," not in fields[2]:  # device entries show major,minor instead of a size
            size += int(fields[2])
    return count, size


def read_layer(data, index):
    entries = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tf:
        for m in tf.getmembers():
            p = norm(m.name)
            if p == "":
                continue
            e = {"path": p, "type": kind(m), "size": m.size if m.isreg() else 0,
                 "mode": f"{m.mode & 0o7777:04o}", "uid": m.uid, "gid": m.gid}
            if m.issym() or m.islnk():
                e["linkname"] = m.linkname
            entries.append(e)
    count, size = gnu_tar_listing(data, f"layer {index}")
    mine = sum(e["size"] for e in entries)
    if count != len(entries) or size != mine:
        sys.exit(f"layer {index}: tarfile says {len(entries)} entries/{mine} bytes, "
                 f"GNU tar says {count}/{size}")
    return entries


def is_under(p, d):
    return d == "" or p.startswith(d + "/")


def merge(layers_entries):
    fs = {}
    for k, entries in enumerate(layers_entries):
        # Markers act on the lower layers only, so apply them before this layer's own entries.
        for e in entries:
            if e["type"] == "opaque":
                d = posixpath.dirname(e["path"])
                for p in [p for p in fs if is_under(p, d) and p != d]:
                    del fs[p]
        for e in entries:
            if e["type"] == "whiteout":
                d, base = posixpath.split(e["path"])
                target = posixpath.join(d, base[len(WH):])
                for p in [p for p in fs if p == target or is_under(p, target)]:
                    del fs[p]
        for e in entries:
            if e["type"] in ("opaque", "whiteout"):
                continue
            parts = e["path"].split("/")
            for i in range(1, len(parts)):
                a = "/".join(parts[:i])
                if a not in fs or fs[a]["type"] != "dir":
                    fs[a] = {"path": a, "type": "dir", "size": 0, "layer": k, "implicit": True}
            old = fs.get(e["path"])
            if old and old["type"] == "dir" and e["type"] != "dir":
                for p in [p for p in fs if is_under(p, e["path"])]:
                    del fs[p]
            fs[e["path"]] = dict(e, layer=k)
    return [fs[p] for p in sorted(fs)]


def layer_summary(entries):
    by = lambda t: sum(1 for e in entries if e["type"] == t)
    return {
        "entryCount": len(entries),
        "sizeBytes": sum(e["size"] for e in entries),
        "regularFileCount": by("file"),
        "dirCount": by("dir"),
        "symlinkCount": by("symlink"),
        "hardlinkCount": by("hardlink"),
        "otherCount": sum(1 for e in entries if e["type"] in ("fifo", "chardev", "blockdev", "other")),
        "whiteouts": [e["path"] for e in entries if e["type"] == "whiteout"],
        "opaqueDirs": [posixpath.dirname(e["path"]) for e in entries if e["type"] == "opaque"],
    }


def dump(doc):
    """Indented JSON, but one line per listed tar entry so the files stay readable and diffable."""
    compact = []

    def mark(x, key=None):
        if isinstance(x, dict):
            return {k: mark(v, k) for k, v in x.items()}
        if isinstance(x, list):
            if key == "entries":
                compact.extend(json.dumps(e, ensure_ascii=False) for e in x)
                return [f"@@entry{len(compact) - len(x) + i}@@" for i in range(len(x))]
            return [mark(v) for v in x]
        return x

    text = json.dumps(mark(doc), indent=1, ensure_ascii=False)
    for i, c in enumerate(compact):
        text = text.replace(f'"@@entry{i}@@"', c, 1)
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--no-entries", action="store_true", help="omit the per-entry listings")
    ap.add_argument("archives", nargs="+")
    args = ap.parse_args()

    formats = []
    primary = None
    for path in args.archives:
        a = Archive(path)
        info, config, layers = (load_oci if "oci-layout" in a.members else load_docker)(a)
        diff_ids = config["rootfs"]["diff_ids"]
        if len(diff_ids) != len(layers):
            sys.exit(f"{path}: {len(layers)} layers but {len(diff_ids)} diff_ids")
        for k, l in enumerate(layers):
            tar_bytes, comp = decompress(l.pop("blob"), f"{path} layer {k}")
            if sha256(tar_bytes) != diff_ids[k]:
                sys.exit(f"{path} layer {k}: sha256 of the uncompressed tar is not diff_id {diff_ids[k]}")
            l["compression"] = comp
            l["diffId"] = diff_ids[k]
            if primary is None:
                l["_tar"] = tar_bytes
        info["file"] = posixpath.basename(path)
        info["fileSize"] = len(a.raw)
        info["layers"] = layers
        if primary is None:
            primary = (config, layers)
        elif [l["diffId"] for l in layers] != [l["diffId"] for l in primary[1]]:
            sys.exit(f"{path}: diff_ids differ from {args.archives[0]}")
        formats.append(info)

    config, layers = primary
    history = [{k: h[k] for k in ("created_by", "empty_layer", "comment") if k in h}
               for h in config.get("history", [])]
    non_empty = [h for h in history if not h.get("empty_layer")]
    layer_entries = [read_layer(l.pop("_tar"), k) for k, l in enumerate(layers)]

    out_layers = []
    for k, entries in enumerate(layer_entries):
        o = {"index": k, "diffId": layers[k]["diffId"],
             "createdBy": non_empty[k].get("created_by") if len(non_empty) == len(layers) else None}
        o.update(layer_summary(entries))
        if not args.no_entries:
            o["entries"] = entries
        out_layers.append(o)

    final = merge(layer_entries)
    files = [e for e in final if e["type"] == "file"]
    final_out = {
        "entryCount": len(final),
        "fileCount": len(files),
        "finalSizeBytes": sum(e["size"] for e in files),
        "dirCount": sum(1 for e in final if e["type"] == "dir"),
        "symlinkCount": sum(1 for e in final if e["type"] == "symlink"),
        "hardlinkCount": sum(1 for e in final if e["type"] == "hardlink"),
    }
    if not args.no_entries:
        final_out["entries"] = [{k: e[k] for k in ("path", "type", "size", "mode", "layer", "linkname", "implicit")
                                 if k in e} for e in final]

    cfg = config.get("config", {})
    doc = {
        "name": args.name,
        "generatedBy": "tests/data/real/expected_from_tar.py (independent oracle: Python tarfile + GNU tar, no Ballast code)",
        "architecture": config.get("architecture"),
        "os": config.get("os"),
        "config": {k: cfg[k] for k in ("Env", "Cmd", "Entrypoint", "WorkingDir", "User", "ExposedPorts", "Labels")
                   if k in cfg},
        "history": history,
        "historyNonEmptyCount": len(non_empty),
        "layerCount": len(layers),
        "totals": {"layerEntryCount": sum(l["entryCount"] for l in out_layers),
                   "layerSizeBytes": sum(l["sizeBytes"] for l in out_layers)},
        "layers": out_layers,
        "finalFilesystem": final_out,
        "archives": formats,
    }
    sys.stdout.write(dump(doc) + "\n")


if __name__ == "__main__":
    main()
