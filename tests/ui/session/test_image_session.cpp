// The session without any window: opening, replacing, comparing, choosing among the images of one
// archive, a rebuild's before-and-after, and failures. Figures come from the images' expected.json
// (an independent oracle) or from how the fixtures are built.
#include "SampleOracle.h"

#include "ImageWriter.h"
#include "session/ImageSession.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ballast::ImageChoice;
using ballast::ImageSession;
using ballast::LoadedComparison;
using ballast::LoadedImage;

namespace {

constexpr int LoadTimeout = 20000;

QString whiteoutsPath(const char *file)
{
    return QFileInfo(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/") + QLatin1String(file)).absoluteFilePath();
}

// Waits for the session's idle(); false when it does not come.
bool waitForIdle(ImageSession &session)
{
    QSignalSpy idle(&session, &ImageSession::idle);
    return session.isBusy() ? idle.wait(LoadTimeout) : true;
}

} // namespace

class TestImageSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openingTheSampleReportsItOpened();
    void aSecondImageReplacesTheFirst();
    void comparesTwoImages();
    void aFailedLoadNamesTheFileAndKeepsTheOpenImage();
    void theGuardKeepsTheOpenImage();
    void aChoiceOfImagesIsOfferedAsData();
    void aRebuiltImageIsComparedWithTheOneBefore();

private:
    oracle::Sample m_sample;
    QString m_samplePath;
};

void TestImageSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the saved load limits are the defaults, not the user's
    QCoreApplication::setOrganizationName(QStringLiteral("BallastUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_image_session"));
    QSettings().clear();
    m_samplePath = QFileInfo(oracle::samplePath()).canonicalFilePath();
}

void TestImageSession::openingTheSampleReportsItOpened()
{
    ImageSession session;
    QSignalSpy opened(&session, &ImageSession::imageOpened);
    QSignalSpy closed(&session, &ImageSession::imageClosed);
    QSignalSpy busy(&session, &ImageSession::busyChanged);
    QSignalSpy idle(&session, &ImageSession::idle);
    QSignalSpy started(&session, &ImageSession::loadStarted);
    QVERIFY(!session.isBusy());

    session.open(m_samplePath);
    QVERIFY(session.isBusy());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started[0][0].toString(), m_samplePath);
    QVERIFY(idle.wait(LoadTimeout));

    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened[0][0].toString(), m_samplePath);
    const auto loaded = opened[0][1].value<LoadedImage>();
    QCOMPARE(opened[0][2].toBool(), false); // not built from a Dockerfile
    QVERIFY(loaded.image && loaded.analysis);
    const QJsonObject final = m_sample.json[QStringLiteral("finalFilesystem")].toObject();
    QCOMPARE(int(loaded.image->layers.size()), m_sample.json[QStringLiteral("layerCount")].toInt()); // 7
    QCOMPARE(qint64(loaded.image->tree.finalFileCount()), qint64(final[QStringLiteral("fileCount")].toInt())); // 20
    QCOMPARE(qint64(loaded.image->tree.finalFileBytes()),
        qint64(final[QStringLiteral("finalSizeBytes")].toDouble())); // 12 051 833
    QCOMPARE(loaded.image->tags, QStringList { QStringLiteral("ballast-sample:1") });
    QCOMPARE(session.current().image, loaded.image);
    QCOMPARE(session.currentSource(), m_samplePath);
    QCOMPARE(closed.count(), 0); // nothing was open before
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy[0][0].toBool(), true);
    QCOMPARE(busy[1][0].toBool(), false);
    QCOMPARE(idle.count(), 1);
    QVERIFY(!session.isBusy());
}

void TestImageSession::aSecondImageReplacesTheFirst()
{
    ImageSession session;
    session.open(m_samplePath);
    QVERIFY(waitForIdle(session));
    const auto first = session.current().image;
    QVERIFY(first);

    QSignalSpy opened(&session, &ImageSession::imageOpened);
    QSignalSpy closed(&session, &ImageSession::imageClosed);
    const QString second = whiteoutsPath("whiteouts.oci-gzip.tar");
    session.open(second);
    QCOMPARE(session.current().image, first); // open until the new one has loaded
    QVERIFY(waitForIdle(session));

    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed[0][0].toString(), m_samplePath);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened[0][0].toString(), second);
    QCOMPARE(session.currentSource(), second);
    QVERIFY(session.current().image != first);
    QCOMPARE(int(session.current().image->layers.size()), 3); // whiteouts/expected.json: layerCount
    QCOMPARE(session.current().image->tags, QStringList { QStringLiteral("whiteouts:1") });

    // Reload loads the open image again with the options it was opened with: a new, equal image.
    session.reload();
    QVERIFY(waitForIdle(session));
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened[1][0].toString(), second);
    QCOMPARE(closed.count(), 2);
    QCOMPARE(closed[1][0].toString(), second);
    QCOMPARE(int(session.current().image->layers.size()), 3);
}

void TestImageSession::comparesTwoImages()
{
    ImageSession session;
    QSignalSpy ready(&session, &ImageSession::comparisonReady);
    QSignalSpy opened(&session, &ImageSession::imageOpened);
    QSignalSpy started(&session, &ImageSession::compareStarted);
    // One image saved twice: docker-archive and OCI with zstd layers (whiteouts/expected.json lists
    // the same config digest for both), so every layer is shared and no file differs.
    const QString a = whiteoutsPath("whiteouts.docker.tar"), b = whiteoutsPath("whiteouts.oci-zstd.tar");
    session.compare(a, b);
    QVERIFY(session.isBusy());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started[0][0].toString(), a);
    QCOMPARE(started[0][1].toString(), b);
    QVERIFY(waitForIdle(session));

    QCOMPARE(ready.count(), 1);
    const auto comparison = ready[0][0].value<LoadedComparison>();
    QCOMPARE(comparison.a.image->sourcePath, a);
    QCOMPARE(comparison.b.image->sourcePath, b);
    QVERIFY(comparison.diff);
    const std::vector<std::pair<int, int>> allShared { { 0, 0 }, { 1, 1 }, { 2, 2 } };
    QCOMPARE(comparison.diff->layers.shared, allShared);
    QCOMPARE(comparison.diff->added, 0);
    QCOMPARE(comparison.diff->removed, 0);
    QCOMPARE(comparison.diff->modified, 0);
    QCOMPARE(session.comparison().diff, comparison.diff);
    QCOMPARE(opened.count(), 0); // comparing opens neither image alone
    QVERIFY(!session.current().image);

    // One side opened alone, as it is: no load.
    session.openCompared(comparison.b);
    QVERIFY(!session.isBusy());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(session.current().image, comparison.b.image);
    QCOMPARE(session.currentSource(), b);
}

void TestImageSession::aFailedLoadNamesTheFileAndKeepsTheOpenImage()
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("random.tar"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();

    ImageSession session;
    session.open(m_samplePath);
    QVERIFY(waitForIdle(session));
    const auto open = session.current().image;
    QSignalSpy failed(&session, &ImageSession::loadFailed);
    QSignalSpy opened(&session, &ImageSession::imageOpened);
    QSignalSpy closed(&session, &ImageSession::imageClosed);
    session.open(garbage);
    QVERIFY(waitForIdle(session));

    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed[0][0].toString(), garbage);
    const QString message = failed[0][1].toString();
    QVERIFY2(message.startsWith(garbage + QLatin1Char(':')), qPrintable(message));
    QCOMPARE(opened.count(), 0);
    QCOMPARE(closed.count(), 0);
    QCOMPARE(session.current().image, open);
    QCOMPARE(session.currentSource(), m_samplePath);

    // A comparison with a side that cannot load fails naming that side.
    QSignalSpy compareFailed(&session, &ImageSession::compareFailed);
    const QString missing = dir.filePath(QStringLiteral("missing.tar"));
    session.compare(m_samplePath, missing);
    QVERIFY(waitForIdle(session));
    QCOMPARE(compareFailed.count(), 1);
    QVERIFY2(compareFailed[0][0].toString().contains(missing), qPrintable(compareFailed[0][0].toString()));
}

void TestImageSession::theGuardKeepsTheOpenImage()
{
    ImageSession session;
    QStringList asked;
    bool allow = true;
    session.setReplaceGuard([&](const QString &source) {
        asked << source;
        return allow;
    });
    session.open(m_samplePath);
    QVERIFY(waitForIdle(session));
    const auto open = session.current().image;
    QVERIFY(open);

    allow = false;
    QSignalSpy declined(&session, &ImageSession::openDeclined);
    QSignalSpy opened(&session, &ImageSession::imageOpened);
    const QString second = whiteoutsPath("whiteouts.oci-gzip.tar");
    session.open(second);
    QVERIFY(waitForIdle(session));
    QCOMPARE(asked, QStringList({ m_samplePath, second }));
    QCOMPARE(declined.count(), 1);
    QCOMPARE(declined[0][0].toString(), second);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(session.current().image, open);
    QCOMPARE(session.currentSource(), m_samplePath);
}

void TestImageSession::aChoiceOfImagesIsOfferedAsData()
{
    namespace bt = ballast::test;
    QTemporaryDir dir;
    bt::ArchiveSpec spec;
    spec.format = bt::Format::OciArchive;
    for (const std::string tag : { "app:1", "app:2" }) {
        bt::ImageSpec image;
        image.tags = { tag };
        bt::LayerSpec layer;
        layer.createdBy = "COPY marker";
        layer.entries = { bt::fileEntry("marker", tag) };
        image.layers = { layer };
        spec.images.push_back(image);
    }
    const QString path = bt::writeArchive(spec, dir.path()).path;

    ImageSession session;
    QList<QList<ImageChoice>> offered;
    session.setChooser([&](const QString &source, const QList<ImageChoice> &choices) -> std::optional<ImageChoice> {
        if (source != path)
            return std::nullopt;
        offered << choices;
        return choices.value(1);
    });
    QSignalSpy opened(&session, &ImageSession::imageOpened);
    session.open(path);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, LoadTimeout);

    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered[0].size(), 2);
    QCOMPARE(offered[0][0].tags, QStringList { QStringLiteral("app:1") });
    QCOMPARE(offered[0][1].tags, QStringList { QStringLiteral("app:2") });
    for (const ImageChoice &choice : offered[0])
        QCOMPARE(choice.platform, QStringLiteral("linux/amd64")); // ImageSpec's default os and architecture
    QCOMPARE(session.current().image->tags, QStringList { QStringLiteral("app:2") });
    // The second image's only file holds its tag.
    QCOMPARE(qint64(session.current().image->tree.finalFileBytes()), qint64(std::string("app:2").size()));

    // Without a chooser (an unattended run) the same archive fails with a message that lists both.
    ImageSession unattended;
    QSignalSpy failed(&unattended, &ImageSession::loadFailed);
    unattended.open(path);
    QVERIFY(waitForIdle(unattended));
    QCOMPARE(failed.count(), 1);
    const QString message = failed[0][1].toString();
    QVERIFY2(message.startsWith(path + QStringLiteral(": holds 2 images")), qPrintable(message));
    QVERIFY2(
        message.contains(QStringLiteral("app:1")) && message.contains(QStringLiteral("app:2")), qPrintable(message));
}

void TestImageSession::aRebuiltImageIsComparedWithTheOneBefore()
{
    ImageSession session;
    session.open(m_samplePath);
    QVERIFY(waitForIdle(session));
    const LoadedImage before = session.current();

    QSignalSpy opened(&session, &ImageSession::imageOpened);
    QSignalSpy ready(&session, &ImageSession::comparisonReady);
    QSignalSpy idle(&session, &ImageSession::idle);
    const QString built = whiteoutsPath("whiteouts.oci-gzip.tar"); // stands for what the build made
    session.openRebuilt(built, m_samplePath, before);
    QVERIFY(waitForIdle(session));

    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened[0][0].toString(), built);
    QCOMPARE(opened[0][2].toBool(), true); // built from the Dockerfile
    QCOMPARE(ready.count(), 1); // opened, then compared, before the session is idle
    QCOMPARE(idle.count(), 1);
    const auto comparison = ready[0][0].value<LoadedComparison>();
    QCOMPARE(comparison.a.image, before.image); // as it was, not loaded again
    QCOMPARE(comparison.b.image, session.current().image);
    QCOMPARE(int(comparison.b.image->layers.size()), 3);

    // The next image opened is an ordinary one again.
    session.open(m_samplePath);
    QVERIFY(waitForIdle(session));
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened[1][2].toBool(), false);
    QCOMPARE(ready.count(), 1);
}

QTEST_GUILESS_MAIN(TestImageSession)
#include "test_image_session.moc"
