// Odd but valid layer contents: they must load, and the figures must be the ones counted by hand here.
#include "CaseSupport.h"

namespace hostile {
namespace {

// One OCI archive with the given layers (uncompressed unless said), written as directory/file.
// Returns layer 0's archive path.
QString writeLayers(const QString &directory, const QString &file, std::vector<std::vector<EntrySpec>> layers,
    LayerCompression compression = LayerCompression::None)
{
    ImageSpec image;
    image.tags = { "hostile/layers:1" };
    for (auto &entries : layers) {
        LayerSpec layer;
        layer.entries = std::move(entries);
        layer.compression = compression;
        layer.createdBy = "RUN step " + std::to_string(image.layers.size());
        image.layers.push_back(layer);
    }
    QTemporaryDir scratch;
    const WrittenArchive written
        = writeArchive(singleImage(Format::OciArchive, image), scratch.path(), QStringLiteral("x"));
    writeFileBytes(QDir(directory).filePath(file), readFileBytes(written.path));
    return written.images[0].layers[0].archivePath;
}

std::vector<JsonCheck> finalFigures(int layers, int entries, int files, int64_t bytes)
{
    return { at("/image/layerCount", layers), at("/image/entryCount", entries), at("/image/fileCount", files),
        at("/image/finalSizeBytes", bytes) };
}

std::vector<JsonCheck> operator+(std::vector<JsonCheck> a, const std::vector<JsonCheck> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

void addLayerContentCases(const QString &directory, std::vector<HostileCase> &cases)
{
    auto add = [&](const char *file, const char *name, const char *what, std::vector<std::vector<EntrySpec>> layers,
                   std::vector<JsonCheck> checks, const char *format = "json",
                   LayerCompression compression = LayerCompression::None) {
        writeLayers(directory, QLatin1String(file), std::move(layers), compression);
        cases.push_back(loads(
            QLatin1String(name), QLatin1String(file), QLatin1String(what), std::move(checks), QLatin1String(format)));
    };

    // Entries that climb out or start at /: normalised to paths inside the image root.
    const std::vector<EntrySpec> escaping = { dirEntry("etc/"), fileEntry("../../etc/shadow", "root:x\n"), // 7 bytes
        dirEntry("abs/"), fileEntry("/abs/file", "abs\n"), // 4
        fileEntry("a/../../b", "b\n"), // 2
        hardlinkEntry("hl", "../../etc/shadow") };
    add("paths-escaping.tar", "paths/.. and absolute entries stay inside the root (dive-json paths)",
        "../../etc/shadow, /abs/file, a/../../b and a hardlink to ../../etc/shadow", { escaping },
        { pathsAt("/layer/0/fileList", { "abs", "abs/file", "b", "etc", "etc/shadow", "hl" }),
            at("/layer/0/fileList/5/linkName", "etc/shadow") },
        "dive-json");
    add("paths-escaping-figures.tar", "paths/.. and absolute entries stay inside the root (figures)",
        "the same entries; etc/shadow 7 + abs/file 4 + b 2 bytes", { escaping },
        finalFigures(1, 6, 3, 13)
            + std::vector<JsonCheck> { at("/layers/0/entryCount", 6), at("/layers/0/fileCount", 3) });

    // Hardlinks whose target is missing, or themselves.
    add("hardlinks-dangling.tar", "hardlinks/to nowhere and to itself",
        "bin/real (100 bytes), bin/ghost -> does/not/exist, bin/self -> bin/self, bin/ok -> bin/real",
        { { dirEntry("bin/"), fileEntry("bin/real", filler(100, 'r')), hardlinkEntry("bin/ghost", "does/not/exist"),
            hardlinkEntry("bin/self", "bin/self"), hardlinkEntry("bin/ok", "bin/real") } },
        finalFigures(1, 5, 1, 100)
            + std::vector<JsonCheck> { at("/layers/0/entryCount", 5), at("/layers/0/fileCount", 1) });

    // The same path three times in one layer: the last one wins.
    add("repeat-same-path.tar", "repeat/same path three times in one layer (last wins)",
        "etc/conf written with 100, 250 and then 40 bytes",
        { { dirEntry("etc/"), fileEntry("etc/conf", filler(100, '1')), fileEntry("etc/conf", filler(250, '2')),
            fileEntry("etc/conf", filler(40, '3')) } },
        finalFigures(1, 2, 1, 40)
            + std::vector<JsonCheck> { at("/layers/0/entryCount", 4), at("/layers/0/fileCount", 3),
                at("/layers/0/sizeBytes", 390), at("/image/sizeBytes", 390) });
    add("repeat-file-dir-file.tar", "repeat/file, then directory, then file again",
        "x: a 100-byte file; then x/ with x/inner (10); then a 30-byte file",
        { { fileEntry("x", filler(100, 'x')) }, { dirEntry("x/"), fileEntry("x/inner", filler(10, 'i')) },
            { fileEntry("x", filler(30, 'y')) } },
        finalFigures(3, 1, 1, 30) + std::vector<JsonCheck> { at("/image/sizeBytes", 140) });
    add("repeat-dir-file-dir.tar", "repeat/directory, then file, then directory again",
        "y/ with y/a (5); then y a 7-byte file; then y/ with y/b (9): y/a does not come back",
        { { dirEntry("y/"), fileEntry("y/a", "aaaaa") }, { fileEntry("y", "fffffff") },
            { dirEntry("y/"), fileEntry("y/b", "bbbbbbbbb") } },
        finalFigures(3, 2, 1, 9));
    add("whiteout-never-existed.tar", "whiteout/of paths that never existed",
        "layer 1 whites out /phantom, etc/ghost and nowhere/deeper/ghost; none existed",
        { { dirEntry("etc/"), fileEntry("etc/hostname", "hostile\n") },
            { whiteoutEntry("", "phantom"), whiteoutEntry("etc", "ghost"), whiteoutEntry("nowhere/deeper", "ghost") } },
        // nowhere/ and nowhere/deeper/ are implied by the marker's own path, as a runtime creates them.
        finalFigures(2, 4, 1, 8)
            + std::vector<JsonCheck> { at("/layers/1/entryCount", 3), at("/layers/1/fileCount", 0) });
    add("whiteout-opaque-first-layer.tar", "whiteout/opaque marker in the first layer",
        "layer 0: etc/, etc/.wh..wh..opq, etc/a (5); layer 1: etc/b (2)",
        { { dirEntry("etc/"), opaqueEntry("etc"), fileEntry("etc/a", "12345") }, { fileEntry("etc/b", "xy") } },
        finalFigures(2, 3, 2, 7)
            + std::vector<JsonCheck> { at("/layers/0/entryCount", 3), at("/layers/0/fileCount", 1) });

    // Names that are not UTF-8 or hold control characters.
    const std::vector<EntrySpec> oddNames = { fileEntry("bad\xff\xfe", "1"), fileEntry("new\nline", "22"),
        fileEntry("tab\tname", "333"), dirEntry("dir\xff/"), fileEntry("dir\xff/x", "4444") };
    add("names-not-utf8.tar", "names/not UTF-8, newline, tab (figures)",
        "bad\\xff\\xfe, new\\nline, tab\\tname, dir\\xff/x", { oddNames },
        finalFigures(1, 5, 4, 10) + std::vector<JsonCheck> { at("/layers/0/entryCount", 5) });
    add("names-not-utf8-paths.tar", "names/not UTF-8, newline, tab (dive-json paths)",
        "the same entries; invalid bytes and control characters shown as \\xNN", { oddNames },
        { pathsAt("/layer/0/fileList", { "bad\\xff\\xfe", "dir\\xff", "dir\\xff/x", "new\\x0aline", "tab\\x09name" }) },
        "dive-json");
    EntrySpec paxName = fileEntry("pax\xff\xfe-name", "55555");
    paxName.longName = LongName::Pax; // a pax path record that is not UTF-8, as the pax spec requires
    add("names-pax-not-utf8.tar", "names/pax path record not UTF-8",
        "one file named pax\\xff\\xfe-name in a pax record", { { paxName } },
        { at("/image/fileCount", 1), at("/image/finalSizeBytes", 5) });

    // Links that go nowhere good, kept as written and never followed.
    add("symlinks-loops.tar", "symlinks/loops and escapes inside a layer",
        "loop/a -> b, loop/b -> a, self -> self, up -> ../../../../etc/passwd, abs -> /etc/passwd, data (10 bytes)",
        { { dirEntry("loop/"), symlinkEntry("loop/a", "b"), symlinkEntry("loop/b", "a"), symlinkEntry("self", "self"),
            symlinkEntry("up", "../../../../etc/passwd"), symlinkEntry("abs", "/etc/passwd"),
            fileEntry("data", "0123456789") } },
        finalFigures(1, 7, 1, 10) + std::vector<JsonCheck> { at("/layers/0/entryCount", 7) });
    // A 5000-byte link target of 500 ten-byte components loads (under --max-depth and --max-name-length);
    // one 5000-byte component is over --max-name-length (1024 bytes a component).
    std::string longTarget;
    for (int i = 0; i < 500; ++i)
        longTarget += (i ? "/" : "") + std::string(9, char('a' + i % 26));
    longTarget += "z"; // 500 × 9 + 499 slashes + 1 = 5000 bytes
    add("symlink-long-target.tar", "symlinks/target of 5000 bytes in 500 components",
        "long -> a 5000-byte target (500 components; a pax linkpath record)", { { symlinkEntry("long", longTarget) } },
        { at("/layer/0/fileList/0/path", "long"), at("/layer/0/fileList/0/linkName", longTarget) }, "dive-json");
    const std::string hugeTarget(5000, 'l');
    const QString hugeLayer = writeLayers(
        directory, QStringLiteral("symlink-huge-component.tar"), { { symlinkEntry("long", hugeTarget) } });
    cases.push_back(broken(QStringLiteral("symlinks/target of one 5000-byte component"),
        QStringLiteral("symlink-huge-component.tar"), QStringLiteral("long -> 5000 × 'l'"),
        { QStringLiteral("{path}: layer 0 (%1): entry \"long\"").arg(hugeLayer),
            QStringLiteral("a name of 5000 bytes, over the limit of 1024 (--max-name-length)") }));
    add("names-text-output.tar", "names/not UTF-8 in the text report", "the non-UTF-8 entries, --format text",
        { oddNames }, {}, "text");
}

std::vector<HostileCase> writeCommittedCases(const QString &directory)
{
    std::vector<HostileCase> cases;
    addNotAnArchiveCases(directory, cases);
    addTruncationCases(directory, cases);
    addDamagedBlobCases(directory, cases);
    addManifestCases(directory, cases);
    addLayerContentCases(directory, cases);
    addPackageDatabaseCases(directory, cases);
    return cases;
}

} // namespace hostile
