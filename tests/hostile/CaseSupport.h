#pragma once
// Shared by the case builders: the base image with its figures counted by hand, and short ways to
// state an expected outcome.
#include "ArchiveOutput.h"
#include "Compressors.h"
#include "HostileCase.h"
#include "HostileStreams.h"
#include "ImageWriter.h"

#include <QDir>
#include <QTemporaryDir>

namespace hostile {

using namespace ballast::test;

// Layer 0: etc/, etc/hostname (8 bytes), bin/, bin/tool (3000) = 4 entries, 2 files, 3008 bytes.
// Layer 1: app/, app/data (2000) = 2 entries, 1 file, 2000 bytes.
// Final tree: etc, etc/hostname, bin, bin/tool, app, app/data = 6 entries, 3 files, 5008 bytes.
inline ImageSpec baseImage(LayerCompression compression)
{
    ImageSpec image;
    image.tags = { "hostile/base:1" };
    LayerSpec base;
    base.createdBy = "ADD rootfs /";
    base.entries = { dirEntry("etc/"), fileEntry("etc/hostname", "hostile\n"), dirEntry("bin/"),
        fileEntry("bin/tool", filler(3000, 't'), 0755) };
    LayerSpec app;
    app.createdBy = "COPY app /app";
    app.entries = { dirEntry("app/"), fileEntry("app/data", filler(2000, 'd')) };
    base.compression = app.compression = compression;
    image.layers = { base, app };
    return image;
}

inline JsonCheck at(std::string pointer, nlohmann::json value)
{
    return JsonCheck { std::move(pointer), std::move(value), false };
}

inline JsonCheck pathsAt(std::string pointer, std::vector<std::string> sortedPaths)
{
    return JsonCheck { std::move(pointer), nlohmann::json(sortedPaths), true };
}

inline std::vector<JsonCheck> baseFigures()
{
    return { at("/image/layerCount", 2), at("/image/entryCount", 6), at("/image/fileCount", 3),
        at("/image/finalSizeBytes", 5008), at("/image/sizeBytes", 5008), at("/layers/0/entryCount", 4),
        at("/layers/0/fileCount", 2), at("/layers/0/sizeBytes", 3008), at("/layers/1/entryCount", 2),
        at("/layers/1/sizeBytes", 2000) };
}

inline HostileCase broken(QString name, QString file, QString what, QStringList stderrHas, QStringList options = {})
{
    HostileCase c;
    c.name = std::move(name);
    c.file = std::move(file);
    c.what = std::move(what);
    c.exitCode = 2;
    c.stderrHas = std::move(stderrHas);
    c.options = std::move(options);
    return c;
}

inline HostileCase loads(
    QString name, QString file, QString what, std::vector<JsonCheck> checks, QString format = QStringLiteral("json"))
{
    HostileCase c;
    c.name = std::move(name);
    c.file = std::move(file);
    c.what = std::move(what);
    c.exitCode = 0;
    c.checks = std::move(checks);
    c.format = std::move(format);
    return c;
}

// Writes `spec` under a scratch name and returns what the writer reported; the caller moves or edits it.
inline WrittenArchive writeScratch(const ArchiveSpec &spec, const QTemporaryDir &scratch, const QString &base)
{
    return writeArchive(spec, scratch.path(), base);
}

inline QString hexOf(const QString &digest)
{
    return digest.section(QLatin1Char(':'), 1);
}

} // namespace hostile

namespace hostile {
// The committed cases, by theme; each writes its inputs into `directory`.
void addNotAnArchiveCases(const QString &directory, std::vector<HostileCase> &cases);
void addTruncationCases(const QString &directory, std::vector<HostileCase> &cases);
void addDamagedBlobCases(const QString &directory, std::vector<HostileCase> &cases);
void addManifestCases(const QString &directory, std::vector<HostileCase> &cases);
void addLayerContentCases(const QString &directory, std::vector<HostileCase> &cases);
void addPackageDatabaseCases(const QString &directory, std::vector<HostileCase> &cases);
} // namespace hostile

namespace hostile {
// Placeholders an edit adds to the expectations ({newManifest} → hex, …).
using Replacements = std::vector<std::pair<QString, QString>>;
using ArchiveEdit = std::function<Replacements(QByteArray &tar, const WrittenArchive &written)>;

// Replaces {layerN.path|digest|declared|diffId}, {config}, {configDigest}, {manifest} (hex) of image 0.
QString expand(QString text, const WrittenArchive &written);
// Writes `spec` (then `edit`s its bytes) as directory/file; returns a broken case whose expected
// substrings are expanded with what the writer and the edit reported.
HostileCase writeBroken(const QString &directory, const QString &file, const ArchiveSpec &spec, QString name,
    QString what, const QStringList &stderrHas, const ArchiveEdit &edit = {});

void dropMember(QByteArray &tar, const QString &path);
void editMember(QByteArray &tar, const QString &path, const std::function<void(TarMemberCopy &)> &edit);
// Replaces image 0's OCI manifest with `edit`ed JSON text, stored under its new digest and named so in
// index.json. Returns the new hex.
QString rewriteOciManifest(
    QByteArray &tar, const WrittenArchive &written, const std::function<void(nlohmann::json &)> &edit);
} // namespace hostile
