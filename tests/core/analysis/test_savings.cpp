// What the findings together would save (ImageAnalysis::savings): each stored copy of a file counted
// once. On the sample, the figures are summed from resources/sample/expected.json (the oracle's listing
// of every layer's tar and of the final filesystem) by replaying its layers here, and from what the
// sample's Dockerfile says each line leaves; the overlaps are checked on images built in memory, whose
// bytes are known by construction.
#include "AnalysisTestSupport.h"
#include "ImageLoader.h"
#include "SavingsOracle.h"

#include <QTest>

using namespace treetest;
using analysistest::makeImage;

using savingsoracle::finalBytesUnder;
using savingsoracle::hiddenBytes;

class TestSavings : public QObject {
    Q_OBJECT

private slots:
    void sample()
    {
        const QString dir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
        ballast::ImageLoader loader;
        const auto image = loader.load(dir + QStringLiteral("/sample.oci-gzip.tar"));
        QVERIFY(image);
        const auto analysis = ballast::analyzeImage(*image);
        const auto expected = savingsoracle::readExpected(dir + QStringLiteral("/expected.json"));

        // Hidden: /tmp/build and app.bin.bak (deleted by layer 6), the two .deb files (idem), the old
        // os-release and app.ini (rewritten by layer 6) and the package list's first copy (layer 6
        // stores it again for a chmod).
        const int64_t hidden = hiddenBytes(expected);
        QCOMPARE(hidden, int64_t(4194304 + 32768 + 8388608 + 196608 + 98304 + 53 + 33 + 1417788));
        QCOMPARE(analysis.savings.hiddenBytes, hidden);
        QCOMPARE(analysis.savings.hiddenBytes, analysis.reclaimableBytes);
        // In the final filesystem: the package list (apt lists), the pip cache, /usr/share/doc, and
        // one copy of each of the two pairs of identical files the Dockerfile makes (libdemo.so.1.0
        // copied to /usr/local/lib; logo.svg and logo-copy.svg from the build context).
        const int64_t inWasteDirectories
            = finalBytesUnder(expected, { "var/lib/apt/lists", "var/cache/apt", "root/.cache/pip", "usr/share/doc" });
        QCOMPARE(inWasteDirectories, int64_t(1417788 + 131072 + 34));
        const int64_t duplicates
            = finalBytesUnder(expected, { "usr/local/lib/libdemo.so.1.0", "opt/app/static/img/logo-copy.svg" });
        QCOMPARE(duplicates, int64_t(65536 + 296));
        QCOMPARE(analysis.savings.finalBytes, inWasteDirectories + duplicates);
        QCOMPARE(analysis.savings.bytes(), int64_t(15943192));
        // The share is of the image's size as the status bar reports it: the layers' tar sizes.
        QCOMPARE(image->sizeBytes(), expected.at("totals").at("layerSizeBytes").get<int64_t>());
        QCOMPARE(qRound(100.0 * double(analysis.savings.bytes()) / double(image->sizeBytes())), 60);
    }

    // The whiteouts fixtures: files deleted (per-file and opaque whiteouts), rewritten, chmodded; no
    // cache, no duplicate. Everything to save is hidden.
    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("whiteouts") << "whiteouts";
        QTest::newRow("whiteouts-overlay") << "whiteouts-overlay";
    }

    void fixtures()
    {
        QFETCH(QString, name);
        const QString dir = QStringLiteral(BALLAST_TEST_DATA "/real/") + name;
        ballast::ImageLoader loader;
        const auto image = loader.load(dir + QLatin1Char('/') + name + QStringLiteral(".oci-gzip.tar"));
        QVERIFY(image);
        const auto analysis = ballast::analyzeImage(*image);
        const auto expected = savingsoracle::readExpected(dir + QStringLiteral("/expected.json"));
        // gone.txt 4, gone-dir/a.txt and sub/c.txt 2 + 2, recreated/old1.txt and sub/old2.txt 5 + 5,
        // emptied/x.txt and y.txt 2 + 2 (layer 1); keep.txt 5 (layer 2); modified.txt's first 3 bytes;
        // chmodded.txt's first copy, 11.
        QCOMPARE(hiddenBytes(expected), int64_t(4 + 2 + 2 + 5 + 5 + 2 + 2 + 5 + 3 + 11));
        QCOMPARE(analysis.savings.hiddenBytes, hiddenBytes(expected));
        QCOMPARE(analysis.savings.finalBytes, int64_t(0));
    }

    void overlaps_data()
    {
        QTest::addColumn<ImageSpec>("image");
        QTest::addColumn<qint64>("hidden");
        QTest::addColumn<qint64>("final");

        QTest::newRow("a duplicate inside a cache counts once")
            << ImageSpec { { F("root/.cache/pip/a.whl", 1000, 7), F("opt/a.whl", 1000, 7) } } << qint64(0)
            << qint64(1000);
        QTest::newRow("both copies in a cache count twice")
            << ImageSpec { { F("root/.cache/pip/a.whl", 1000, 7), F("root/.cache/pip/b.whl", 1000, 7) } } << qint64(0)
            << qint64(2000);
        QTest::newRow("three identical files: two extra")
            << ImageSpec { { F("a", 500, 3), F("b", 500, 3), F("c", 500, 3), F("d", 500, 4) } } << qint64(0)
            << qint64(1000);
        QTest::newRow("a cache stored again for a chmod: both copies")
            << ImageSpec { { F("var/lib/apt/lists/P", 4000, 9) }, { F("var/lib/apt/lists/P", 4000, 9).mode(0600) } }
            << qint64(4000) << qint64(4000);
        QTest::newRow("a .git inside a toolchain directory counts once")
            << ImageSpec { { F("usr/include/x/.git/pack", 300, 1), F("usr/include/x/x.h", 20, 2) } } << qint64(0)
            << qint64(320);
        QTest::newRow("deleted later, and a hardlink is no duplicate") << ImageSpec {
            { F("tmp/big", 9000, 5), F("opt/bin", 700, 6), H("opt/bin2", "opt/bin") }, { WH("tmp/.wh.big") }
        } << qint64(9000) << qint64(0);
        QTest::newRow("setuid and the largest files save nothing")
            << ImageSpec { { F("usr/local/bin/su", 5000, 8).mode(04755), F("opt/app", 70000, 1) } } << qint64(0)
            << qint64(0);
    }

    void overlaps()
    {
        QFETCH(ImageSpec, image);
        QFETCH(qint64, hidden);
        QFETCH(qint64, final);
        const auto built = makeImage(image);
        const auto analysis = ballast::analyzeImage(*built);
        QCOMPARE(analysis.savings.hiddenBytes, hidden);
        QCOMPARE(analysis.savings.finalBytes, final);
    }

    void onlyWasteFindingsSaveBytes()
    {
        const auto built
            = makeImage({ { F("usr/local/bin/su", 5000, 8).mode(04755), F("root/.cache/pip/w", 100, 2) } });
        const auto analysis = ballast::analyzeImage(*built);
        QStringList saving, notSaving;
        for (const auto &finding : analysis.findings)
            (ballast::findingSavesBytes(finding) ? saving : notSaving) << finding.category;
        QCOMPARE(saving, QStringList { QStringLiteral("pip-cache") });
        QVERIFY(notSaving.contains(QStringLiteral("setuid")));
        QVERIFY(notSaving.contains(QStringLiteral("largest-files")));
    }
};

QTEST_GUILESS_MAIN(TestSavings)
#include "test_savings.moc"
