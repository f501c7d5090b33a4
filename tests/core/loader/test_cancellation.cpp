// ImageLoader::cancel() from another thread while a biggish synthetic image loads.
#include "FormatTestSupport.h"

#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <thread>

using namespace ballast::test;
using namespace fixture;

class TestCancellation : public QObject {
    Q_OBJECT
private slots:
    void cancelWhileDecodingLayers_data();
    void cancelWhileDecodingLayers();
    void cancelWhileInflatingArchive();
    void cancelBeforeLoad();
};

namespace {

enum class Outcome { Running, Loaded, Cancelled, Failed };

// 4 layers x 8 files x 1.5 MiB = 48 MiB of layer data.
ImageSpec bigImage(LayerCompression compression)
{
    const std::string chunk = filler(3 << 19, 'z');
    ImageSpec image;
    image.tags = { "big:1" };
    for (int k = 0; k < 4; ++k) {
        LayerSpec layer;
        layer.compression = compression;
        layer.createdBy = "RUN make " + std::to_string(k);
        for (int f = 0; f < 8; ++f) {
            std::string content = chunk;
            content[0] = char('A' + k);
            content[1] = char('a' + f);
            layer.entries.push_back(fileEntry("data/" + std::to_string(k) + "/" + std::to_string(f) + ".bin", content));
        }
        image.layers.push_back(layer);
    }
    return image;
}

struct Run {
    std::atomic<Outcome> outcome { Outcome::Running };
    QString error;
};

std::thread startLoad(ballast::ImageLoader &loader, const QString &path, Run &run)
{
    return std::thread([&loader, path, &run] {
        try {
            loader.load(path);
            run.outcome = Outcome::Loaded;
        } catch (const ballast::LoadCancelled &) {
            run.outcome = Outcome::Cancelled;
        } catch (const ballast::LoadError &error) {
            run.error = error.message();
            run.outcome = Outcome::Failed;
        }
    });
}

} // namespace

void TestCancellation::cancelWhileDecodingLayers_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<LayerCompression>("compression");
    QTest::addColumn<int>("threads");
    QTest::newRow("oci-archive/zstd/1 thread") << Format::OciArchive << LayerCompression::Zstd << 1;
    QTest::newRow("oci-archive/zstd/2 threads") << Format::OciArchive << LayerCompression::Zstd << 2;
    QTest::newRow("docker-legacy/none/1 thread") << Format::DockerLegacy << LayerCompression::None << 1;
    QTest::newRow("oci-dir/none/2 threads") << Format::OciDirectory << LayerCompression::None << 2;
}

void TestCancellation::cancelWhileDecodingLayers()
{
    QFETCH(Format, format);
    QFETCH(LayerCompression, compression);
    QFETCH(int, threads);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(singleImage(format, bigImage(compression)), dir.path());

    ballast::LoadOptions options;
    options.threads = threads;
    ballast::ImageLoader loader(options);
    Run run;
    std::thread worker = startLoad(loader, written.path, run);
    // Cancel as soon as the first megabyte of a layer has been read.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (loader.bytesDone() == 0 && run.outcome == Outcome::Running && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    loader.cancel();
    worker.join();

    QVERIFY2(run.outcome != Outcome::Failed, qPrintable(run.error));
    QCOMPARE(run.outcome.load(), Outcome::Cancelled);
    QCOMPARE(loader.layersTotal(), 4);
    int64_t stored = 0;
    for (const WrittenLayer &layer : written.images[0].layers)
        stored += layer.blobSize;
    QCOMPARE(loader.bytesTotal(), stored);
    // Cancelling stops the decoders at their next read (1 MiB of stored bytes): no layer completes, and of
    // uncompressed layers (48 MiB stored) most is never read. A zstd blob here is under 1 MiB, read at once.
    QVERIFY2(loader.layersDone() < loader.layersTotal(),
        qPrintable(QStringLiteral("all %1 layers were decoded after cancel()").arg(loader.layersDone())));
    const int64_t bound = compression == LayerCompression::None ? loader.bytesTotal() / 2 : loader.bytesTotal();
    QVERIFY2(loader.bytesDone() < bound,
        qPrintable(
            QStringLiteral("%1 of %2 bytes read after cancel()").arg(loader.bytesDone()).arg(loader.bytesTotal())));
}

void TestCancellation::cancelWhileInflatingArchive()
{
    // `docker save | gzip`: the whole archive is inflated before anything else; cancel during that.
    QTemporaryDir dir;
    ArchiveSpec spec = singleImage(Format::DockerLegacy, bigImage(LayerCompression::None));
    spec.outer = OuterCompression::Gzip;
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::ImageLoader loader;
    Run run;
    std::thread worker = startLoad(loader, written.path, run);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    loader.cancel();
    worker.join();
    QVERIFY2(run.outcome != Outcome::Failed, qPrintable(run.error));
    QCOMPARE(run.outcome.load(), Outcome::Cancelled);
    QCOMPARE(loader.layersTotal(), 0); // it never got to the layers
}

void TestCancellation::cancelBeforeLoad()
{
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(singleImage(Format::OciArchive, standardImage()), dir.path());
    ballast::ImageLoader loader;
    loader.cancel();
    QVERIFY_THROWS_EXCEPTION(ballast::LoadCancelled, loader.load(written.path));
    QCOMPARE(loader.layersDone(), 0);
}

QTEST_GUILESS_MAIN(TestCancellation)
#include "test_cancellation.moc"
