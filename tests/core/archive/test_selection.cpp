// Choosing one image: several tagged images in one archive, multi-platform OCI indexes (nested, with
// BuildKit attestation manifests), and the errors that list the choices.
#include "FormatTestSupport.h"

#include <QSysInfo>
#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestSelection : public QObject {
    Q_OBJECT
private slots:
    void selectByTag_data();
    void selectByTag();
    void selectPlatform_data();
    void selectPlatform();
    void dockerArchiveWithTwoPlatforms_data();
    void dockerArchiveWithTwoPlatforms();
    void attestationsAreIgnored_data();
    void attestationsAreIgnored();
};

namespace {

// A shared base layer plus one layer holding `marker` (content: the tag), so images differ.
ImageSpec taggedImage(const std::string &tag, const std::string &arch = "amd64", const std::string &variant = {})
{
    ImageSpec image;
    if (!tag.empty())
        image.tags = { tag };
    image.architecture = arch;
    image.variant = variant;
    LayerSpec base;
    base.createdBy = "ADD base";
    base.entries = { dirEntry("etc/"), fileEntry("etc/os-release", "ID=synthetic\n") };
    LayerSpec own;
    own.createdBy = "COPY marker";
    own.compression = LayerCompression::Gzip;
    own.entries = { fileEntry("marker", tag + "/" + arch + variant) };
    image.layers = { base, own };
    return image;
}

// linux/amd64 is what this program picks by default on x86-64, linux/arm64 on arm64 hosts.
int hostImageIndex()
{
    const QString arch = QSysInfo::currentCpuArchitecture();
    return arch == QLatin1String("arm64") ? 1 : 0;
}

void checkIsImage(const ballast::Image &image, const WrittenImage &expected, int64_t markerBytes)
{
    QCOMPARE(image.layers.size(), expected.layers.size());
    for (size_t k = 0; k < expected.layers.size(); ++k)
        QCOMPARE(image.layers[k].diffId, expected.layers[k].diffId);
    const auto marker = image.tree.find("marker");
    QVERIFY(marker != ballast::MergedTree::NoNode);
    QCOMPARE(image.tree.entry(marker, 1)->size, markerBytes);
}

bool someChoiceContains(const QList<ballast::ImageChoice> &choices, const QString &text)
{
    return std::any_of(
        choices.begin(), choices.end(), [&](const ballast::ImageChoice &c) { return c.text().contains(text); });
}

} // namespace

void TestSelection::selectByTag_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("chosen"); // image index, -1 when a LoadError is expected
    QTest::addColumn<QStringList>("offered"); // tags the error's choices must list
    QTest::addColumn<QString>("message"); // substring of the error

    const QStringList all { "app:1", "app:2", "other:latest" };
    for (Format format : allFormats()) {
        const QString f = QLatin1String(formatName(format)) + QLatin1Char('/');
        QTest::newRow(qPrintable(f + "no tag")) << format << QString() << -1 << all << QStringLiteral("holds 3 images");
        QTest::newRow(qPrintable(f + "app:1")) << format << "app:1" << 0 << QStringList() << QString();
        QTest::newRow(qPrintable(f + "app:2")) << format << "app:2" << 1 << QStringList() << QString();
        QTest::newRow(qPrintable(f + "other:latest")) << format << "other:latest" << 2 << QStringList() << QString();
        QTest::newRow(qPrintable(f + "name only")) << format << "other" << 2 << QStringList() << QString();
        QTest::newRow(qPrintable(f + "tag only")) << format << "latest" << 2 << QStringList() << QString();
        QTest::newRow(qPrintable(f + "ambiguous name"))
            << format << "app" << -1 << QStringList { "app:1", "app:2" } << QStringLiteral("holds 2 images");
        QTest::newRow(qPrintable(f + "unknown tag"))
            << format << "missing:9" << -1 << all << QStringLiteral("no image tagged \"missing:9\"");
    }
}

void TestSelection::selectByTag()
{
    QFETCH(Format, format);
    QFETCH(QString, tag);
    QFETCH(int, chosen);
    QFETCH(QStringList, offered);
    QFETCH(QString, message);
    QTemporaryDir dir;
    ArchiveSpec spec;
    spec.format = format;
    spec.images = { taggedImage("app:1"), taggedImage("app:2"), taggedImage("other:latest") };
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::LoadOptions options;
    options.selection.tag = tag;

    if (chosen < 0) {
        const ballast::LoadError error = loadError(written.path, options);
        QVERIFY2(error.message().contains(written.path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        QCOMPARE(error.choices().size(), offered.size());
        for (const QString &t : offered) {
            QVERIFY2(
                someChoiceContains(error.choices(), t), qPrintable(ballast::choiceTexts(error.choices()).join(" | ")));
            QVERIFY2(error.message().contains(t), qPrintable(error.message()));
        }
        return;
    }
    LOAD_OR_FAIL(image, written.path, options);
    QCOMPARE(image->tags, written.images[size_t(chosen)].tags);
    checkIsImage(*image, written.images[size_t(chosen)], written.images[size_t(chosen)].tags.front().size() + 6);
}

void TestSelection::selectPlatform_data()
{
    QTest::addColumn<bool>("attestations");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("chosen"); // -1: LoadError listing the three platforms

    for (bool attest : { false, true }) {
        const QString a = attest ? QStringLiteral("with attestations/") : QStringLiteral("plain/");
        QTest::newRow(qPrintable(a + "default")) << attest << QString() << QString() << hostImageIndex();
        QTest::newRow(qPrintable(a + "linux/amd64")) << attest << QString() << "linux/amd64" << 0;
        QTest::newRow(qPrintable(a + "linux/arm64")) << attest << QString() << "linux/arm64" << 1;
        QTest::newRow(qPrintable(a + "linux/arm64/v8")) << attest << QString() << "linux/arm64/v8" << 1;
        QTest::newRow(qPrintable(a + "linux/arm")) << attest << QString() << "linux/arm" << 2;
        QTest::newRow(qPrintable(a + "linux/arm/v7")) << attest << QString() << "linux/arm/v7" << 2;
        QTest::newRow(qPrintable(a + "tag and platform")) << attest << "multi:1"
                                                          << "linux/arm64" << 1;
        QTest::newRow(qPrintable(a + "windows/amd64")) << attest << QString() << "windows/amd64" << -1;
        QTest::newRow(qPrintable(a + "unknown/unknown")) << attest << QString() << "unknown/unknown" << -1;
        QTest::newRow(qPrintable(a + "linux/arm64/v9")) << attest << QString() << "linux/arm64/v9" << -1;
    }
}

void TestSelection::selectPlatform()
{
    QFETCH(bool, attestations);
    QFETCH(QString, tag);
    QFETCH(QString, platform);
    QFETCH(int, chosen);
    const QString arch = QSysInfo::currentCpuArchitecture();
    if (platform.isEmpty() && arch != QLatin1String("x86_64") && arch != QLatin1String("arm64"))
        QSKIP("the default platform is only known for x86-64 and arm64 hosts");
    QTemporaryDir dir;
    ArchiveSpec spec;
    spec.format = Format::OciArchive;
    spec.multiPlatform = true;
    spec.attestations = attestations;
    spec.indexTag = "multi:1";
    spec.images = { taggedImage("", "amd64"), taggedImage("", "arm64", "v8"), taggedImage("", "arm", "v7") };
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::LoadOptions options;
    options.selection.tag = tag;
    options.selection.platform = platform;

    const QStringList platforms { "linux/amd64", "linux/arm64/v8", "linux/arm/v7" };
    if (chosen < 0) {
        const ballast::LoadError error = loadError(written.path, options);
        QVERIFY2(error.message().contains(written.path), qPrintable(error.message()));
        QVERIFY2(
            error.message().contains(QStringLiteral("no image for platform ") + platform), qPrintable(error.message()));
        QCOMPARE(error.choices().size(), 3);
        for (const QString &p : platforms)
            QVERIFY2(
                someChoiceContains(error.choices(), p), qPrintable(ballast::choiceTexts(error.choices()).join(" | ")));
        QVERIFY2(!someChoiceContains(error.choices(), QStringLiteral("unknown")),
            qPrintable(ballast::choiceTexts(error.choices()).join(" | ")));
        return;
    }
    LOAD_OR_FAIL(image, written.path, options);
    QCOMPARE(image->platform(), platforms[chosen]);
    QCOMPARE(image->tags, QStringList { QStringLiteral("multi:1") });
    QCOMPARE(image->format, QStringLiteral("oci-archive"));
    const WrittenImage &expected = written.images[size_t(chosen)];
    const int64_t markerBytes[3] = { 6, 8, 6 }; // "/amd64", "/arm64v8", "/armv7"
    checkIsImage(*image, expected, markerBytes[chosen]);
    if (platform.isEmpty()) { // the default choice is explained
        QCOMPARE(image->warnings.size(), 1);
        QVERIFY2(image->warnings.front().contains(QStringLiteral("3 platforms available")),
            qPrintable(image->warnings.front()));
        QVERIFY2(image->warnings.front().contains(QStringLiteral("showing ") + platforms[chosen].section('/', 0, 1)),
            qPrintable(image->warnings.front()));
    } else {
        QVERIFY2(image->warnings.isEmpty(), qPrintable(image->warnings.join('\n')));
    }
}

void TestSelection::dockerArchiveWithTwoPlatforms_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<int>("chosen");
    for (Format format : { Format::DockerLegacy, Format::Docker25, Format::OciArchive }) {
        const QString f = QLatin1String(formatName(format)) + QLatin1Char('/');
        QTest::newRow(qPrintable(f + "default")) << format << QString() << QString() << hostImageIndex();
        QTest::newRow(qPrintable(f + "platform")) << format << QString() << "linux/arm64" << 1;
        QTest::newRow(qPrintable(f + "tag")) << format << "app:arm" << QString() << 1;
        QTest::newRow(qPrintable(f + "unknown platform")) << format << QString() << "linux/s390x" << -1;
    }
}

void TestSelection::dockerArchiveWithTwoPlatforms()
{
    QFETCH(Format, format);
    QFETCH(QString, tag);
    QFETCH(QString, platform);
    QFETCH(int, chosen);
    // Docker archives declare platforms only in the configs, which must then be read to choose.
    QTemporaryDir dir;
    ArchiveSpec spec;
    spec.format = format;
    spec.images = { taggedImage("app:x86", "amd64"), taggedImage("app:arm", "arm64") };
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::LoadOptions options;
    options.selection.tag = tag;
    options.selection.platform = platform;
    if (chosen < 0) {
        const ballast::LoadError error = loadError(written.path, options);
        QVERIFY2(error.message().contains(written.path + QStringLiteral(": no image for platform linux/s390x")),
            qPrintable(error.message()));
        QCOMPARE(error.choices().size(), 2);
        QVERIFY(someChoiceContains(error.choices(), QStringLiteral("app:x86 [linux/amd64]")));
        QVERIFY(someChoiceContains(error.choices(), QStringLiteral("app:arm [linux/arm64]")));
        // The choices are data, not only text: a chooser loads again with exactly these.
        QCOMPARE(error.choices()[0].tags, QStringList { QStringLiteral("app:x86") });
        QCOMPARE(error.choices()[0].platform, QStringLiteral("linux/amd64"));
        QCOMPARE(error.choices()[1].tags, QStringList { QStringLiteral("app:arm") });
        QCOMPARE(error.choices()[1].platform, QStringLiteral("linux/arm64"));
        return;
    }
    LOAD_OR_FAIL(image, written.path, options);
    QCOMPARE(image->tags, written.images[size_t(chosen)].tags);
    checkIsImage(*image, written.images[size_t(chosen)], 7 + 1 + 5);
}

void TestSelection::attestationsAreIgnored_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("arch");
    for (Format format : { Format::OciArchive, Format::OciDirectory })
        for (const char *arch : { "amd64", "arm64", "riscv64" })
            QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(formatName(format), arch)))
                << format << QString::fromLatin1(arch);
}

void TestSelection::attestationsAreIgnored()
{
    QFETCH(Format, format);
    QFETCH(QString, arch);
    // One real image beside its attestation: nothing to choose, whatever the host.
    QTemporaryDir dir;
    ArchiveSpec spec;
    spec.format = format;
    spec.multiPlatform = true;
    spec.attestations = true;
    spec.images = { taggedImage("", arch.toStdString()) };
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->platform(), QStringLiteral("linux/") + arch);
    QVERIFY2(image->warnings.isEmpty(), qPrintable(image->warnings.join('\n')));
    QCOMPARE(image->layers.size(), size_t(2));
    QCOMPARE(image->configDigest, written.images[0].configDigest);
    checkIsImage(*image, written.images[0], 1 + arch.size());
}

QTEST_GUILESS_MAIN(TestSelection)
#include "test_selection.moc"
