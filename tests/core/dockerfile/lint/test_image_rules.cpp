// Ballast's image rules: the bytes a line left behind. On the sample image the expected bytes are
// summed from resources/sample/expected.json (the oracle's listing of each layer's tar), per the
// Dockerfile's comments about what each RUN leaves; the other cases use layers built in memory with a
// history, so every byte is known by construction.
#include "DockerfileTestSupport.h"
#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"
#include "dockerfile/mapping/LayerMapping.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

using dftest::lines;
using dftest::Step;
using treetest::F;
using treetest::WH;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Bytes of the regular files of a layer whose paths start with one of `prefixes`, from expected.json.
int64_t oracleBytes(const nlohmann::json &expected, int layer, const std::vector<std::string> &prefixes)
{
    int64_t total = 0;
    for (const auto &e : expected.at("layers").at(size_t(layer)).at("entries")) {
        const std::string path = e.at("path").get<std::string>();
        if (e.at("type").get<std::string>() != "file")
            continue;
        for (const auto &p : prefixes)
            if (path.rfind(p, 0) == 0) {
                total += e.at("size").get<int64_t>();
                break;
            }
    }
    return total;
}

// "line RULE bytes" for the BA findings.
QStringList imageFindings(const std::vector<ballast::LintFinding> &findings)
{
    QStringList out;
    for (const auto &f : findings)
        if (f.rule.startsWith(QLatin1String("BA")))
            out << QStringLiteral("%1 %2 %3").arg(f.line).arg(f.rule).arg(f.bytes.value_or(-1));
    return out;
}

} // namespace

class ImageRulesTest : public QObject {
    Q_OBJECT

private slots:
    void sample()
    {
        const QString dir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
        ballast::ImageLoader loader;
        const auto image = loader.load(dir + QStringLiteral("/sample.oci-gzip.tar"));
        const auto df = ballast::parseDockerfile(readText(dir + QStringLiteral("/Dockerfile")));
        QFile file(dir + QStringLiteral("/expected.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto expected = nlohmann::json::parse(file.readAll().toStdString());
        const auto findings = ballast::lint(df, image.get());
        // Line 26 (layer 3) writes two .deb files that line 56 deletes; line 42 (layer 5) writes a pip
        // cache, /tmp/build and a backup copy, the last two deleted by line 56 (layer 6), which also
        // re-stores the apt package list only to change its mode.
        const int64_t debs = oracleBytes(expected, 3, { "var/cache/apt/archives/" });
        const int64_t pip = oracleBytes(expected, 5, { "root/.cache/pip/" });
        const int64_t build = oracleBytes(expected, 5, { "tmp/build/", "opt/app/dist/app.bin.bak" });
        const int64_t lists = oracleBytes(expected, 6, { "var/lib/apt/lists/" });
        QCOMPARE(debs, 196608 + 98304);
        QCOMPARE(build, 4194304 + 32768 + 8388608);
        QCOMPARE(imageFindings(findings),
            (QStringList { QStringLiteral("26 BA1005 %1").arg(debs), QStringLiteral("42 BA1001 %1").arg(pip),
                QStringLiteral("42 BA1005 %1").arg(build), QStringLiteral("56 BA1001 %1").arg(lists),
                QStringLiteral("56 BA1003 %1").arg(lists) }));
        const auto *deleted = dftest::findingFor(findings, QStringLiteral("BA1005"));
        QVERIFY(deleted->message.contains(QLatin1String("deleted in line 56")));
        QCOMPARE(deleted->severity, ballast::LintSeverity::Warning);
    }

    void rules_data()
    {
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<std::vector<Step>>("history");
        QTest::addColumn<treetest::ImageSpec>("layers");
        QTest::addColumn<QStringList>("findings"); // line RULE bytes
        QTest::addColumn<QString>("message"); // a part of the first finding's message

        QTest::newRow("apt lists left by the RUN")
            << lines({ "FROM scratch", "RUN apt-get update && apt-get install -y curl" })
            << std::vector<Step> { { "/bin/sh -c apt-get update && apt-get install -y curl" } }
            << treetest::ImageSpec { { F("usr/bin/curl", 300000, 1),
                   F("var/lib/apt/lists/deb_Packages", 41000000, 2) } }
            << QStringList { "2 BA1001 41000000" }
            << "this RUN left 41.0 MB of apt package lists in /var/lib/apt/lists";
        QTest::newRow("COPY with node_modules/.cache")
            << lines({ "FROM scratch", "COPY . /app" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY dir:1 in /app " } }
            << treetest::ImageSpec { { F("app/main.js", 100000, 1), F("app/node_modules/.cache/a", 3000000, 2),
                   F("app/node_modules/.cache/b", 1000000, 3), F("app/.git/pack", 500000, 4) } }
            << QStringList { "2 BA1002 4500000" }
            << "this COPY added 4.60 MB, 4.50 MB of it /app/node_modules/.cache (4.00 MB), /app/.git (500 kB)";
        QTest::newRow("a little junk in a big COPY is not worth it")
            << lines({ "FROM scratch", "COPY . /app" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY dir:1 in /app " } }
            << treetest::ImageSpec { { F("app/big", 5000000, 1), F("app/.git/HEAD", 100, 2) } } << QStringList {} << "";
        QTest::newRow("only permissions changed")
            << lines({ "FROM scratch", "COPY data /data", "RUN chmod 600 /data/big" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY dir:1 in /data " }, { "/bin/sh -c chmod 600 /data/big" } }
            << treetest::ImageSpec { { F("data/big", 50000, 7) }, { F("data/big", 50000, 7).mode(0600) } }
            << QStringList { "3 BA1003 50000" }
            << "this layer only changed permissions or owners but re-stored 50.0 kB";
        QTest::newRow("toolchain in the RUN and in the base")
            << lines({ "FROM debian:12", "RUN apt-get install -y gcc=12" })
            << std::vector<Step> { { "/bin/sh -c #(nop) ADD file:1 in / " },
                   { "/bin/sh -c apt-get install -y gcc=12" } }
            << treetest::ImageSpec { { F("usr/include/stdio.h", 1000, 1) },
                   { F("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 30000000, 2) } }
            << QStringList { "1 BA1004 1000", "2 BA1004 30000000" }
            << "the base image ships a compiler toolchain (1.00 kB)";
        QTest::newRow("deleting base files")
            << lines({ "FROM debian:12", "RUN rm -rf /usr/share/doc" })
            << std::vector<Step> { { "/bin/sh -c #(nop) ADD file:1 in / " }, { "/bin/sh -c rm -rf /usr/share/doc" } }
            << treetest::ImageSpec { { F("usr/share/doc/a/copyright", 20000, 1), F("bin/sh", 100000, 2) },
                   { WH("usr/share/.wh.doc") } }
            << QStringList { "2 BA1005 20000" }
            << "deleting 20.0 kB of base-image files here does not make the image smaller";
        QTest::newRow("deleted two lines later")
            << lines({ "FROM scratch", "RUN make", "RUN make install", "RUN rm -rf /build" })
            << std::vector<Step> { { "/bin/sh -c make" }, { "/bin/sh -c make install" },
                   { "/bin/sh -c rm -rf /build" } }
            << treetest::ImageSpec { { F("build/app.o", 7000000, 1) }, { F("usr/bin/app", 1000000, 2) },
                   { WH(".wh.build") } }
            << QStringList { "2 BA1005 7000000" }
            << "7.00 MB written here are deleted in line 4 but still stored in this layer";
        QTest::newRow("replaced later") << lines(
            { "FROM scratch", "COPY big.conf /etc/big.conf", "RUN generate > /etc/big.conf" })
                                        << std::vector<Step> { { "/bin/sh -c #(nop) COPY file:1 in /etc/big.conf " },
                                               { "/bin/sh -c generate > /etc/big.conf" } }
                                        << treetest::ImageSpec { { F("etc/big.conf", 10000, 1) },
                                               { F("etc/big.conf", 12000, 2) } }
                                        << QStringList { "2 BA1006 10000" }
                                        << "10.0 kB written here are replaced in line 3";
        QTest::newRow("small replacements are left out")
            << lines({ "FROM scratch", "COPY a /etc/a", "RUN generate > /etc/a" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY file:1 in /etc/a " }, { "/bin/sh -c generate > /etc/a" } }
            << treetest::ImageSpec { { F("etc/a", 100, 1) }, { F("etc/a", 120, 2) } } << QStringList {} << "";
        QTest::newRow("ballast pragma") << lines(
            { "FROM scratch", "# ballast ignore=BA1001", "# (the lists are needed at run time)", "RUN apt-get update" })
                                        << std::vector<Step> { { "/bin/sh -c apt-get update" } }
                                        << treetest::ImageSpec { { F("var/lib/apt/lists/p", 900000, 1) } }
                                        << QStringList {} << "";
    }

    void rules()
    {
        QFETCH(QString, dockerfile);
        QFETCH(std::vector<Step>, history);
        QFETCH(treetest::ImageSpec, layers);
        QFETCH(QStringList, findings);
        QFETCH(QString, message);
        const auto image = dftest::historyImage(history, layers);
        const auto df = ballast::parseDockerfile(dockerfile);
        const auto analysis = ballast::analyzeImage(*image);
        const auto found = ballast::lint(df, image.get(), &analysis);
        QCOMPARE(imageFindings(found), findings);
        if (!message.isEmpty()) {
            const auto first = std::find_if(
                found.begin(), found.end(), [](const auto &f) { return f.rule.startsWith(QLatin1String("BA")); });
            QVERIFY2(first->message.contains(message), qPrintable(first->message));
        }
        // The context-based entry point the editor uses gives the same.
        const ballast::ImageLintContext context(*image, analysis);
        QCOMPARE(imageFindings(ballast::lint(df, context)), findings);
        ballast::LayerMapping mapping;
        QCOMPARE(imageFindings(ballast::lint(df, context, mapping)), findings);
        QCOMPARE(mapping.rows.size(), ballast::mapInstructionsToLayers(df, *image).rows.size());
        QCOMPARE(mapping.instructionOfLayer, ballast::mapInstructionsToLayers(df, *image).instructionOfLayer);
    }

    void noImageNoImageRules()
    {
        const auto df = ballast::parseDockerfile(lines({ "FROM scratch", "RUN apt-get update" }));
        QVERIFY(imageFindings(ballast::lint(df)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ImageRulesTest)
#include "test_image_rules.moc"
