// Quick fixes of the image rules: BA1001 appends a cache's cleanup to the RUN that filled it, BA1005
// moves the `rm` of files a later RUN deletes into the RUN that created them. Each case is a
// Dockerfile, the image it built (history and layers written by hand) and the exact text after the
// fix, written by hand; the fixed text must parse and lint without new findings. The sample's fixes
// are checked on the real sample image and its Dockerfile.
#include "DockerfileTestSupport.h"
#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"

#include <QTest>

using dftest::lines;
using dftest::readText;
using dftest::Step;
using treetest::F;
using treetest::WH;

namespace {

const ballast::LintFinding *findingAt(const std::vector<ballast::LintFinding> &findings, const QString &rule, int line)
{
    for (const auto &f : findings)
        if (f.rule == rule && f.line == line)
            return &f;
    return nullptr;
}

QSet<QString> rulesOf(const std::vector<ballast::LintFinding> &findings)
{
    QSet<QString> out;
    for (const auto &f : findings)
        out.insert(f.rule);
    return out;
}

// The fixed text parses, and linting it without the image finds nothing new (no parse error).
bool stillValid(const QString &before, const QString &after)
{
    const auto parsed = ballast::parseDockerfile(after);
    if (!parsed.errors.empty()) {
        qWarning("parse error on line %d: %s", parsed.errors.front().line, qPrintable(parsed.errors.front().message));
        return false;
    }
    const QSet<QString> was = rulesOf(ballast::lint(ballast::parseDockerfile(before)));
    const QSet<QString> now = rulesOf(ballast::lint(parsed));
    if (!was.contains(now)) {
        qWarning("new findings: %s", qPrintable(QStringList((now - was).values()).join(QLatin1Char(' '))));
        return false;
    }
    return true;
}

const QString NoFix = QStringLiteral("(no fix)");

} // namespace

class ImageFixesTest : public QObject {
    Q_OBJECT

private slots:
    void fixes_data()
    {
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<std::vector<Step>>("history");
        QTest::addColumn<treetest::ImageSpec>("layers");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line"); // the finding's line
        QTest::addColumn<QString>("fixed"); // the whole text after the fix, or NoFix

        const Step base { "/bin/sh -c #(nop) ADD file:1 in / " };
        const treetest::LayerSpec baseLayer { F("bin/sh", 100000, 99) };

        // BA1001
        QTest::newRow("pip cache: rm on the same line")
            << lines({ "FROM scratch", "RUN pip install flask" })
            << std::vector<Step> { { "/bin/sh -c pip install flask" } }
            << treetest::ImageSpec { { F("root/.cache/pip/http/a", 5000, 1), F("usr/lib/python3/flask.py", 100, 2) } }
            << "BA1001" << 2 << lines({ "FROM scratch", "RUN pip install flask && rm -rf /root/.cache/pip" });
        // The caches the treemap already coloured and the findings now report: removed where they were filled.
        QTest::newRow("maven repository: rm, settings.xml kept")
            << lines({ "FROM scratch", "RUN mvn -B package" }) << std::vector<Step> { { "/bin/sh -c mvn -B package" } }
            << treetest::ImageSpec { { F("root/.m2/repository/org/a.jar", 9000, 1), F("root/.m2/settings.xml", 50, 2),
                   F("app/target/app.jar", 100, 3) } }
            << "BA1001" << 2 << lines({ "FROM scratch", "RUN mvn -B package && rm -rf /root/.m2/repository" });
        QTest::newRow("composer: its own cleanup")
            << lines({ "FROM scratch", "RUN composer install" })
            << std::vector<Step> { { "/bin/sh -c composer install" } }
            << treetest::ImageSpec { { F("root/.composer/cache/files/p.zip", 9000, 1), F("app/vendor/a.php", 100, 2) } }
            << "BA1001" << 2 << lines({ "FROM scratch", "RUN composer install && composer clear-cache" });
        QTest::newRow("apt lists: a continuation line in the RUN's style")
            << lines({ "FROM debian:12", "RUN apt-get update \\", "    && apt-get install -y curl", "CMD [\"curl\"]" })
            << std::vector<Step> { base, { "/bin/sh -c apt-get update     && apt-get install -y curl" },
                   { "/bin/sh -c #(nop)  CMD [\"curl\"]", false } }
            << treetest::ImageSpec { baseLayer,
                   { F("var/lib/apt/lists/deb_Packages", 40000, 3), F("usr/bin/curl", 1000, 4) } }
            << "BA1001" << 2
            << lines({ "FROM debian:12", "RUN apt-get update \\", "    && apt-get install -y curl \\",
                   "    && rm -rf /var/lib/apt/lists/*", "CMD [\"curl\"]" });
        QTest::newRow("apt lists a later apt-get install needs: no fix")
            << lines({ "FROM debian:12", "RUN apt-get update", "RUN apt-get install -y curl" })
            << std::vector<Step> { base, { "/bin/sh -c apt-get update" }, { "/bin/sh -c apt-get install -y curl" } }
            << treetest::ImageSpec { baseLayer, { F("var/lib/apt/lists/deb_Packages", 40000, 3) },
                   { F("usr/bin/curl", 1000, 4) } }
            << "BA1001" << 2 << NoFix;
        QTest::newRow("apt archives: apt-get clean where apt-get ran")
            << lines(
                   { "FROM debian:12", "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*" })
            << std::vector<Step> { base,
                   { "/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*" } }
            << treetest::ImageSpec { baseLayer,
                   { F("var/cache/apt/archives/curl.deb", 30000, 5), F("usr/bin/curl", 1000, 4) } }
            << "BA1001" << 2
            << lines({ "FROM debian:12",
                   "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && apt-get clean" });
        QTest::newRow("npm cache: npm's own cleanup")
            << lines({ "FROM node:20", "RUN npm ci" }) << std::vector<Step> { base, { "/bin/sh -c npm ci" } }
            << treetest::ImageSpec { baseLayer, { F("root/.npm/_cacache/x", 8000, 6), F("app/node_modules/a", 10, 7) } }
            << "BA1001" << 2 << lines({ "FROM node:20", "RUN npm ci && npm cache clean --force" });
        QTest::newRow("cleaned already (the image is older): no fix")
            << lines({ "FROM scratch", "RUN pip install flask && rm -rf /root/.cache/pip" })
            << std::vector<Step> { { "/bin/sh -c pip install flask" } }
            << treetest::ImageSpec { { F("root/.cache/pip/http/a", 5000, 1) } } << "BA1001" << 2 << NoFix;
        QTest::newRow("a later line reads the cache: no fix")
            << lines({ "FROM scratch", "RUN pip install flask", "RUN cp -r /root/.cache/pip /wheels" })
            << std::vector<Step> { { "/bin/sh -c pip install flask" }, { "/bin/sh -c cp -r /root/.cache/pip /wheels" } }
            << treetest::ImageSpec { { F("root/.cache/pip/http/a", 5000, 1) }, { F("wheels/http/a", 5000, 1) } }
            << "BA1001" << 2 << NoFix;
        QTest::newRow("a comment in the RUN: no fix")
            << lines({ "FROM scratch", "RUN pip install flask # the web framework" })
            << std::vector<Step> { { "/bin/sh -c pip install flask # the web framework" } }
            << treetest::ImageSpec { { F("root/.cache/pip/http/a", 5000, 1) } } << "BA1001" << 2 << NoFix;
        QTest::newRow("a COPY: no fix")
            << lines({ "FROM scratch", "COPY cache/ /root/.cache/pip/" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY dir:1 in /root/.cache/pip/ " } }
            << treetest::ImageSpec { { F("root/.cache/pip/http/a", 5000, 1) } } << "BA1001" << 2 << NoFix;

        // BA1005
        QTest::newRow("rm moved up, the deleting RUN keeps the rest")
            << lines({ "FROM scratch", "RUN mkdir /build && make -C /src O=/build \\", " && cp /build/app /usr/bin/app",
                   "RUN rm -rf /build \\", " && echo done > /log" })
            << std::vector<
                   Step> { { "/bin/sh -c mkdir /build && make -C /src O=/build  && cp /build/app /usr/bin/app" },
                   { "/bin/sh -c rm -rf /build  && echo done > /log" } }
            << treetest::ImageSpec { { F("build/app.o", 7000, 1), F("build/app", 3000, 2), F("usr/bin/app", 3000, 2) },
                   { WH(".wh.build"), F("log", 5, 3) } }
            << "BA1005" << 2
            << lines({ "FROM scratch", "RUN mkdir /build && make -C /src O=/build \\",
                   " && cp /build/app /usr/bin/app \\", " && rm -rf /build", "RUN echo done > /log" });
        QTest::newRow("a RUN that only deleted goes")
            << lines({ "FROM scratch", "RUN make install", "RUN rm -rf /build", "CMD [\"/app\"]" })
            << std::vector<Step> { { "/bin/sh -c make install" }, { "/bin/sh -c rm -rf /build" },
                   { "/bin/sh -c #(nop)  CMD [\"/app\"]", false } }
            << treetest::ImageSpec { { F("build/x.o", 9000, 1), F("app", 100, 2) }, { WH(".wh.build") } } << "BA1005"
            << 2 << lines({ "FROM scratch", "RUN make install && rm -rf /build", "CMD [\"/app\"]" });
        QTest::newRow("an rm in the middle of the chain")
            << lines({ "FROM scratch", "RUN fetch /tmp/t.tar && tar -xf /tmp/t.tar -C /opt",
                   "RUN echo a > /a && rm /tmp/t.tar && echo b > /b" })
            << std::vector<Step> { { "/bin/sh -c fetch /tmp/t.tar && tar -xf /tmp/t.tar -C /opt" },
                   { "/bin/sh -c echo a > /a && rm /tmp/t.tar && echo b > /b" } }
            << treetest::ImageSpec { { F("tmp/t.tar", 6000, 1), F("opt/t", 6000, 2) },
                   { WH("tmp/.wh.t.tar"), F("a", 2, 3), F("b", 2, 4) } }
            << "BA1005" << 2
            << lines({ "FROM scratch", "RUN fetch /tmp/t.tar && tar -xf /tmp/t.tar -C /opt && rm /tmp/t.tar",
                   "RUN echo a > /a && echo b > /b" });
        QTest::newRow("a glob, and the rm that deletes another layer's files stays")
            << lines({ "FROM scratch", "RUN get /var/cache/apt/archives/a.deb", "RUN build /tmp/build",
                   "RUN rm -rf /tmp/build && rm -f /var/cache/apt/archives/*.deb" })
            << std::vector<Step> { { "/bin/sh -c get /var/cache/apt/archives/a.deb" },
                   { "/bin/sh -c build /tmp/build" },
                   { "/bin/sh -c rm -rf /tmp/build && rm -f /var/cache/apt/archives/*.deb" } }
            << treetest::ImageSpec { { F("var/cache/apt/archives/a.deb", 7000, 1) }, { F("tmp/build/o", 6000, 2) },
                   { WH("tmp/.wh.build"), WH("var/cache/apt/archives/.wh.a.deb") } }
            << "BA1005" << 2
            << lines({ "FROM scratch", "RUN get /var/cache/apt/archives/a.deb && rm -f /var/cache/apt/archives/*.deb",
                   "RUN build /tmp/build", "RUN rm -rf /tmp/build" });
        QTest::newRow("files of two layers: not before the second one wrote")
            << lines({ "FROM scratch", "RUN mkdir /build && touch /build/a", "RUN ./generate.sh", "RUN rm -rf /build" })
            << std::vector<Step> { { "/bin/sh -c mkdir /build && touch /build/a" }, { "/bin/sh -c ./generate.sh" },
                   { "/bin/sh -c rm -rf /build" } }
            << treetest::ImageSpec { { F("build/a", 5000, 1) }, { F("build/b", 6000, 2) }, { WH(".wh.build") } }
            << "BA1005" << 2 << NoFix;
        QTest::newRow("files of two layers: into the second one")
            << lines(
                   { "FROM scratch", "RUN mkdir /build && touch /build/a", "RUN touch /build/b", "RUN rm -rf /build" })
            << std::vector<Step> { { "/bin/sh -c mkdir /build && touch /build/a" }, { "/bin/sh -c touch /build/b" },
                   { "/bin/sh -c rm -rf /build" } }
            << treetest::ImageSpec { { F("build/a", 5000, 1) }, { F("build/b", 6000, 2) }, { WH(".wh.build") } }
            << "BA1005" << 3
            << lines({ "FROM scratch", "RUN mkdir /build && touch /build/a", "RUN touch /build/b && rm -rf /build" });
        QTest::newRow("a line in between reads the files: no fix")
            << lines({ "FROM scratch", "RUN make O=/build", "RUN cp /build/app /usr/bin/app", "RUN rm -rf /build" })
            << std::vector<Step> { { "/bin/sh -c make O=/build" }, { "/bin/sh -c cp /build/app /usr/bin/app" },
                   { "/bin/sh -c rm -rf /build" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { F("usr/bin/app", 5000, 1) }, { WH(".wh.build") } }
            << "BA1005" << 2 << NoFix;
        QTest::newRow("the deleting RUN reads them before the rm: no fix")
            << lines({ "FROM scratch", "RUN make O=/build", "RUN cp /build/app /usr/bin/app && rm -rf /build" })
            << std::vector<Step> { { "/bin/sh -c make O=/build" },
                   { "/bin/sh -c cp /build/app /usr/bin/app && rm -rf /build" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { F("usr/bin/app", 5000, 1), WH(".wh.build") } }
            << "BA1005" << 2 << NoFix;
        QTest::newRow("a variable in the rm: no fix")
            << lines({ "FROM scratch", "ENV B=/build", "RUN make O=/build", "RUN rm -rf $B" })
            << std::vector<Step> { { "/bin/sh -c #(nop)  ENV B=/build", false }, { "/bin/sh -c make O=/build" },
                   { "/bin/sh -c rm -rf $B" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { WH(".wh.build") } } << "BA1005" << 3 << NoFix;
        QTest::newRow("rm || true: no fix")
            << lines({ "FROM scratch", "RUN make O=/build", "RUN rm -rf /build || true" })
            << std::vector<Step> { { "/bin/sh -c make O=/build" }, { "/bin/sh -c rm -rf /build || true" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { WH(".wh.build") } } << "BA1005" << 2 << NoFix;
        QTest::newRow("exec form: no fix")
            << lines({ "FROM scratch", "RUN make O=/build", "RUN [\"rm\", \"-rf\", \"/build\"]" })
            << std::vector<Step> { { "/bin/sh -c make O=/build" }, { "/bin/sh -c [\"rm\", \"-rf\", \"/build\"]" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { WH(".wh.build") } } << "BA1005" << 2 << NoFix;
        QTest::newRow("a comment line inside the deleting RUN: no fix")
            << lines({ "FROM scratch", "RUN make O=/build", "RUN rm -rf /build \\", "# keep the log",
                   " && echo done > /log" })
            << std::vector<Step> { { "/bin/sh -c make O=/build" }, { "/bin/sh -c rm -rf /build  && echo done > /log" } }
            << treetest::ImageSpec { { F("build/app", 5000, 1) }, { WH(".wh.build"), F("log", 5, 2) } } << "BA1005" << 2
            << NoFix;
        QTest::newRow("base-image files: no fix")
            << lines({ "FROM debian:12", "RUN rm -rf /usr/share/doc" })
            << std::vector<Step> { base, { "/bin/sh -c rm -rf /usr/share/doc" } }
            << treetest::ImageSpec { { F("usr/share/doc/a/copyright", 20000, 1) }, { WH("usr/share/.wh.doc") } }
            << "BA1005" << 2 << NoFix;
    }

    void fixes()
    {
        QFETCH(QString, dockerfile);
        QFETCH(std::vector<Step>, history);
        QFETCH(treetest::ImageSpec, layers);
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(QString, fixed);
        const auto image = dftest::historyImage(history, layers);
        const auto findings = ballast::lint(ballast::parseDockerfile(dockerfile), image.get());
        const ballast::LintFinding *finding = findingAt(findings, rule, line);
        QVERIFY2(finding, qPrintable(QStringLiteral("no %1 on line %2").arg(rule).arg(line)));
        QVERIFY(finding->imageFinding >= 0);
        if (fixed == NoFix) {
            QVERIFY2(!finding->fix, qPrintable(finding->fix ? finding->fix->title : QString()));
            return;
        }
        QVERIFY(finding->fix);
        const QString result = ballast::applyEdits(dockerfile, finding->fix->edits);
        QCOMPARE(result, fixed);
        QVERIFY(stillValid(dockerfile, result));
    }

    void sample_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("title");
        // Lines of the sample's Dockerfile replaced by the fix (1-based, from..to inclusive) and what
        // replaces them; the comments around stay as they are.
        QTest::addColumn<QList<int>>("replaced");
        QTest::addColumn<QStringList>("with");

        // Line 42 (layer 5) made /tmp/build and app.bin.bak that line 56 (layer 6) deletes.
        QTest::newRow("BA1005 line 42")
            << "BA1005" << 42 << "Move `rm -rf /tmp/build`, `rm /opt/app/dist/app.bin.bak` from line 56 into this RUN"
            << QList<int> { 51, 51, 56, 58 }
            << QStringList { " && echo 'build finished' > /var/log/build.log \\", " && rm -rf /tmp/build \\",
                   " && rm /opt/app/dist/app.bin.bak", "|", "RUN rm -f /var/cache/apt/archives/*.deb \\" };
        // Line 26 (layer 3) wrote the .deb files line 56 deletes; the commands in between never name them.
        QTest::newRow("BA1005 line 26")
            << "BA1005" << 26 << "Move `rm -f /var/cache/apt/archives/*.deb` from line 56 into this RUN"
            << QList<int> { 34, 34, 56, 57 }
            << QStringList { " && echo 'Copyright: none, this is a sample' > /usr/share/doc/libdemo1/copyright \\",
                   " && rm -f /var/cache/apt/archives/*.deb", "|", "RUN rm -rf /tmp/build \\" };
        // Line 42 also left a pip cache; no line after it names /root/.cache/pip.
        QTest::newRow("BA1001 line 42") << "BA1001" << 42 << "Append `rm -rf /root/.cache/pip` to this RUN"
                                        << QList<int> { 51, 51 }
                                        << QStringList { " && echo 'build finished' > /var/log/build.log \\",
                                               " && rm -rf /root/.cache/pip" };
        // Line 56 stores the package list again (its chmod), and nothing after it runs apt.
        QTest::newRow("BA1001 line 56")
            << "BA1001" << 56 << "Append `rm -rf /var/lib/apt/lists/*` to this RUN" << QList<int> { 61, 61 }
            << QStringList {
                   " && chmod 0600 /var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages \\",
                   " && rm -rf /var/lib/apt/lists/*"
               };
    }

    void sample()
    {
        QFETCH(QString, rule);
        QFETCH(int, line);
        QFETCH(QString, title);
        QFETCH(QList<int>, replaced);
        QFETCH(QStringList, with);
        const QString dir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
        ballast::ImageLoader loader;
        const auto image = loader.load(dir + QStringLiteral("/sample.oci-gzip.tar"));
        QVERIFY(image);
        const QString text = readText(dir + QStringLiteral("/Dockerfile"));
        const auto findings = ballast::lint(ballast::parseDockerfile(text), image.get());
        const ballast::LintFinding *finding = findingAt(findings, rule, line);
        QVERIFY(finding && finding->fix);
        QCOMPARE(finding->fix->title, title);
        // The expected text: the file's own lines, with the hand-written replacements ("|" separates them),
        // applied from the last so that earlier line numbers stay valid.
        QStringList expected = text.split(QLatin1Char('\n'));
        const QStringList groups = with.join(QLatin1Char('\n')).split(QStringLiteral("\n|\n"));
        for (qsizetype g = groups.size() - 1; g >= 0; --g) {
            const int from = replaced[2 * g], to = replaced[2 * g + 1];
            expected.remove(from - 1, to - from + 1);
            const QStringList lines = groups[g].split(QLatin1Char('\n'));
            for (qsizetype k = lines.size() - 1; k >= 0; --k)
                expected.insert(from - 1, lines[k]);
        }
        const QString result = ballast::applyEdits(text, finding->fix->edits);
        QCOMPARE(result, expected.join(QLatin1Char('\n')));
        QVERIFY(stillValid(text, result));
    }
};

QTEST_GUILESS_MAIN(ImageFixesTest)
#include "test_image_fixes.moc"
