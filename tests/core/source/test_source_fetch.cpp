// ImageLoader on docker:// sources with a fake `docker` on PATH (no engine runs here): the archive it
// streams loads; a truncated stream, an endless one, a failing tool and a cancel all end in a clear
// error that names the URI, never our temporary copy; and the temporary directory is always gone.
#include "ImageLoader.h"
#include "util/LoadError.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace ballast;

namespace {
const QString Sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
constexpr int SampleLayers = 7; // resources/sample/expected.json, from tar -tv
} // namespace

class TestSourceFetch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_bin.isValid() && m_tmp.isValid());
        // The fake: `docker image save NAME` behaves as the script in $FAKE_DOCKER_MODE says.
        QFile script(m_bin.filePath(QStringLiteral("docker")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n"
                     "[ \"$1 $2\" = \"image save\" ] || { echo \"unexpected: $*\" >&2; exit 64; }\n"
                     "case \"$FAKE_DOCKER_MODE\" in\n"
                     "  whole) exec cat \"$FAKE_DOCKER_ARCHIVE\" ;;\n"
                     "  truncated) head -c 30000 \"$FAKE_DOCKER_ARCHIVE\" ;;\n"
                     "  endless) exec cat /dev/zero ;;\n"
                     "  slow) head -c 10000 \"$FAKE_DOCKER_ARCHIVE\"; exec sleep 60 ;;\n"
                     "  missing) echo 'Error response from daemon: reference does not exist' >&2; exit 1 ;;\n"
                     "esac\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        qputenv("PATH", (m_bin.path() + QStringLiteral(":") + qEnvironmentVariable("PATH")).toLocal8Bit());
        qputenv("TMPDIR", m_tmp.path().toLocal8Bit()); // QDir::tempPath() reads it: our copies go there
        qputenv("FAKE_DOCKER_ARCHIVE", Sample.toLocal8Bit());
    }

    void cleanup()
    {
        // Nothing is left behind, whatever happened.
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    void streamedArchiveLoads()
    {
        qputenv("FAKE_DOCKER_MODE", "whole");
        ImageLoader loader;
        const auto image = loader.load(QStringLiteral("docker://ballast/sample:1"));
        QCOMPARE(int(image->layers.size()), SampleLayers);
        QCOMPARE(image->sourcePath, QStringLiteral("docker://ballast/sample:1"));
        QCOMPARE(loader.bytesFetched(), QFileInfo(Sample).size());
        QVERIFY(!loader.isFetching());
    }

    void truncatedStreamNamesTheUri()
    {
        qputenv("FAKE_DOCKER_MODE", "truncated");
        try {
            ImageLoader().load(QStringLiteral("docker://ballast/sample:1"));
            QFAIL("no error");
        } catch (const LoadError &error) {
            QVERIFY2(
                error.message().startsWith(QStringLiteral("docker://ballast/sample:1")), qPrintable(error.message()));
            QVERIFY2(!error.message().contains(m_tmp.path()), qPrintable(error.message()));
        }
    }

    void endlessStreamStopsAtTheLimit()
    {
        qputenv("FAKE_DOCKER_MODE", "endless");
        LoadOptions options;
        options.limits.maxUncompressedBytes = 4 << 20;
        try {
            ImageLoader(options).load(QStringLiteral("docker://bomb"));
            QFAIL("no error");
        } catch (const LoadError &error) {
            QCOMPARE(error.message(),
                QStringLiteral(
                    "docker://bomb: docker wrote more than 4194304 bytes, over the limit of 4194304 (--max-bytes)"));
        }
    }

    void missingImage()
    {
        qputenv("FAKE_DOCKER_MODE", "missing");
        try {
            ImageLoader().load(QStringLiteral("docker://nope:1"));
            QFAIL("no error");
        } catch (const LoadError &error) {
            QCOMPARE(error.message(),
                QStringLiteral("docker://nope:1: no such image in docker's local storage "
                               "(docker said: Error response from daemon: reference does not exist)"));
        }
    }

    void cancelWhileTheEngineStreams()
    {
        qputenv("FAKE_DOCKER_MODE", "slow");
        ImageLoader loader;
        std::thread canceller([&] {
            QElapsedTimer wait;
            wait.start();
            while (!(loader.isFetching() && loader.bytesFetched() >= 10000) && wait.elapsed() < 10000)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            loader.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, loader.load(QStringLiteral("docker://slow")));
        canceller.join();
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

private:
    QTemporaryDir m_bin, m_tmp;
};

QTEST_GUILESS_MAIN(TestSourceFetch)
#include "test_source_fetch.moc"
