// fuzz_json: the JSON documents of an image without the tar around them. The first byte picks the
// document: 0 an image config (then its history mapped to layers and read back into Dockerfile
// steps, and matched against the sample Dockerfile), 1 a docker `manifest.json`, 2 an OCI
// `index.json`. The rest is up to three documents separated by "\n@@@\n": the first is that file,
// the others are the blobs sha256:aaaa… and sha256:bbbb… of the layout, so that index → manifest →
// config chains can be followed without the fuzzer computing digests.
#include "FuzzSupport.h"
#include "archive/ImageLayout.h"
#include "dockerfile/mapping/LayerMapping.h"
#include "dockerfile/parse/Dockerfile.h"
#include "image/HistoryMapping.h"
#include "report/CreatedBy.h"

#include <QDir>
#include <QFile>

namespace {

const QString BlobA = QStringLiteral("blobs/sha256/") + QString(64, QLatin1Char('a'));
const QString BlobB = QStringLiteral("blobs/sha256/") + QString(64, QLatin1Char('b'));

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
}

void readConfig(const QByteArray &json)
{
    ballast::Image image;
    try {
        image.config = ballast::ImageConfig::parse(json, QStringLiteral("config.json"));
    } catch (const ballast::LoadError &) {
        return;
    }
    // As many (empty) layers as the config declares, capped: the mapping is per history entry.
    image.layers.resize(std::min<size_t>(size_t(image.config.diffIds.size()), 64));
    for (size_t i = 0; i < image.layers.size(); ++i)
        image.layers[i].index = int(i);
    ballast::mapHistoryToLayers(image);
    for (const ballast::HistoryEntry &entry : image.config.history) {
        FUZZ_CHECK(entry.layerIndex < int(image.layers.size()), "history maps to existing layers");
        (void)ballast::cleanCreatedBy(entry.createdBy);
    }
    for (const ballast::Layer &layer : image.layers)
        FUZZ_CHECK(layer.historyIndex < int(image.config.history.size()), "layers map to existing history");
    image.tree = ballast::MergedTree::build(image.layers);
    (void)image.platform();
    static const ballast::Dockerfile sample = [] {
        QFile file(QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/Dockerfile"));
        if (!file.open(QIODevice::ReadOnly))
            std::abort();
        return ballast::parseDockerfile(QString::fromUtf8(file.readAll()));
    }();
    const ballast::LayerMapping mapping = ballast::mapInstructionsToLayers(sample, image);
    for (const int instruction : mapping.instructionOfLayer)
        FUZZ_CHECK(instruction < int(sample.instructions.size()), "layers map to existing instructions");
    fuzz::exerciseImage(image);
}

void readLayout(const char *kind, const QString &member, const QList<QByteArray> &documents)
{
    const QString dir = fuzz::scratch().filePath(QString::fromLatin1(kind));
    QDir().mkpath(dir + QStringLiteral("/blobs/sha256"));
    writeFile(dir + QLatin1Char('/') + member, documents.value(0));
    writeFile(dir + QLatin1Char('/') + BlobA, documents.value(1));
    writeFile(dir + QLatin1Char('/') + BlobB, documents.value(2));
    try {
        const auto files = ballast::ImageFiles::open(dir);
        const ballast::ImageLayout layout = ballast::readImageLayout(*files, ballast::ImageSelection {});
        FUZZ_CHECK(!layout.configPath.isEmpty(), "a layout names its config");
        if (files->exists(layout.configPath))
            (void)ballast::ImageConfig::parse(files->read(layout.configPath), layout.configPath);
    } catch (const ballast::LoadError &error) {
        FUZZ_CHECK(!error.message().isEmpty(), "load errors say what was wrong");
    }
}

QList<QByteArray> splitDocuments(const QByteArray &bytes)
{
    static const QByteArray separator("\n@@@\n");
    QList<QByteArray> out;
    qsizetype start = 0;
    for (qsizetype at; out.size() < 2 && (at = bytes.indexOf(separator, start)) >= 0; start = at + separator.size())
        out << bytes.mid(start, at - start);
    out << bytes.mid(start);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        readConfig(rest);
        break;
    case 1:
        readLayout("docker", QStringLiteral("manifest.json"), splitDocuments(rest));
        break;
    case 2:
        readLayout("oci", QStringLiteral("index.json"), splitDocuments(rest));
        break;
    }
    return 0;
}
