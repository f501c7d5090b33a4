// Mapping the final stage's instructions to history entries and layers. First on the committed real
// images, built by buildah from the committed Dockerfiles: every RUN/COPY line must land on its layer,
// with the layer's size taken from the fixture's expected.json (written by an independent oracle from
// the raw tars). Then on histories written the way each builder writes them (classic docker, BuildKit, buildah,
// kaniko).
#include "DockerfileTestSupport.h"
#include "ImageLoader.h"
#include "dockerfile/mapping/LayerMapping.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

using dftest::lines;
using dftest::Step;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// "line:layers:confidence" for each row; layers comma-separated, "-" for none.
QStringList describe(const ballast::Dockerfile &df, const ballast::LayerMapping &mapping)
{
    QStringList out;
    for (const auto &row : mapping.rows) {
        QStringList layers;
        for (int l : row.layers)
            layers << QString::number(l);
        out << QStringLiteral("%1:%2:%3")
                   .arg(df.instructions[size_t(row.instruction)].line)
                   .arg(layers.isEmpty() ? QStringLiteral("-") : layers.join(QLatin1Char(',')))
                   .arg(QLatin1String(ballast::confidenceName(row.confidence)));
    }
    return out;
}

} // namespace

class LayerMappingTest : public QObject {
    Q_OBJECT

private slots:
    void realImages_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("fixture"); // directory with the Dockerfile and expected.json
        QTest::addColumn<QStringList>("rows"); // line:layers:confidence, every instruction of the stage
        const QString sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
        // Lines counted in resources/sample/Dockerfile: FROM 4, LABEL 5-6, COPY 9, RUN 12, ENV 14,
        // RUN 17-22, RUN 26-34, COPY 38, RUN 42-51, RUN 56-61, WORKDIR 63, USER 64, EXPOSE 65, CMD 66.
        QTest::newRow("sample") << sample + QStringLiteral("/sample.oci-gzip.tar") << sample
                                << QStringList { "4:-:exact", "5:-:exact", "9:0:exact", "12:1:exact", "14:-:exact",
                                       "17:2:exact", "26:3:exact", "38:4:exact", "42:5:exact", "56:6:exact",
                                       "63:-:exact", "64:-:exact", "65:-:exact", "66:-:exact" };
        const QString data = QStringLiteral(BALLAST_TEST_DATA "/real");
        // whiteouts/Dockerfile: FROM 7, RUN 10, RUN 14, RUN 17.
        const QStringList whiteouts = { "7:-:exact", "10:0:exact", "14:1:exact", "17:2:exact" };
        // entry-types/Dockerfile: FROM 8, LABEL 9, ENV 10, COPY 13, RUN 16, RUN 19, USER 21, WORKDIR 22,
        // EXPOSE 23, ENTRYPOINT 24, CMD 25.
        const QStringList entryTypes = { "8:-:exact", "9:-:exact", "10:-:exact", "13:0:exact", "16:1:exact",
            "19:2:exact", "21:-:exact", "22:-:exact", "23:-:exact", "24:-:exact", "25:-:exact" };
        for (const char *variant : { "docker.tar", "oci-gzip.tar", "oci-zstd.tar" }) {
            QTest::addRow("whiteouts %s", variant)
                << data + QStringLiteral("/whiteouts/whiteouts.") + QLatin1String(variant)
                << data + QStringLiteral("/whiteouts") << whiteouts;
            QTest::addRow("entry-types %s", variant)
                << data + QStringLiteral("/entry-types/entry-types.") + QLatin1String(variant)
                << data + QStringLiteral("/entry-types") << entryTypes;
        }
    }

    void realImages()
    {
        QFETCH(QString, archive);
        QFETCH(QString, fixture);
        QFETCH(QStringList, rows);
        ballast::ImageLoader loader;
        const auto image = loader.load(archive);
        const auto df = ballast::parseDockerfile(readText(fixture + QStringLiteral("/Dockerfile")));
        QVERIFY(df.errors.empty());
        const auto mapping = ballast::mapInstructionsToLayers(df, *image);
        QCOMPARE(describe(df, mapping), rows);
        QVERIFY(mapping.notes.isEmpty());
        // Sizes: each layer-making row has its layer's size from the oracle.
        QFile expectedFile(fixture + QStringLiteral("/expected.json"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const auto expected = nlohmann::json::parse(expectedFile.readAll().toStdString());
        int layerRows = 0;
        for (const auto &row : mapping.rows) {
            const auto &in = df.instructions[size_t(row.instruction)];
            const bool makesLayer = in.keyword == QLatin1String("RUN") || in.keyword == QLatin1String("COPY");
            QCOMPARE(row.layer() >= 0, makesLayer);
            if (!makesLayer)
                continue;
            ++layerRows;
            const auto &layer = expected.at("layers").at(size_t(row.layer()));
            QCOMPARE(row.sizeBytes(*image), layer.at("sizeBytes").get<int64_t>());
            QCOMPARE(mapping.instructionFor(row.layer()), row.instruction);
        }
        QCOMPARE(layerRows, expected.at("layerCount").get<int>());
    }

    void builders_data()
    {
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<std::vector<Step>>("history");
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<int>("notes");

        const std::vector<Step> debianBase
            = { { "/bin/sh -c #(nop) ADD file:9a1b2c in / ", true }, { "/bin/sh -c #(nop)  CMD [\"bash\"]", false } };
        const QString app
            = lines({ "FROM debian:12", "ARG VERSION=1.2", "RUN apt-get update && apt-get install -y curl=$VERSION",
                "ENV APP=/app", "COPY . $APP", "EXPOSE 80", "CMD [\"/app/run\", \"--port\", \"80\"]" });
        std::vector<Step> classic = debianBase;
        classic.insert(classic.end(),
            { { "/bin/sh -c #(nop)  ARG VERSION=1.2", false },
                { "|1 VERSION=1.2 /bin/sh -c apt-get update && apt-get install -y curl=$VERSION", true },
                { "/bin/sh -c #(nop)  ENV APP=/app", false }, { "/bin/sh -c #(nop) COPY dir:0123abcd in /app ", true },
                { "/bin/sh -c #(nop)  EXPOSE 80", false },
                { "/bin/sh -c #(nop)  CMD [\"/app/run\" \"--port\" \"80\"]", false } });
        // The first own step matched exactly, so the base image's history ends right before it.
        const QStringList appRows
            = { "1:0:exact", "2:-:exact", "3:1:exact", "4:-:exact", "5:2:exact", "6:-:exact", "7:-:exact" };
        QTest::newRow("classic docker") << app << classic << appRows << 0;

        std::vector<Step> buildkit = debianBase;
        buildkit.insert(buildkit.end(),
            { { "ARG VERSION=1.2", false },
                { "RUN |1 VERSION=1.2 /bin/sh -c apt-get update && apt-get install -y curl=$VERSION # buildkit", true },
                { "ENV APP=/app", false }, { "COPY . /app # buildkit", true }, { "EXPOSE map[80/tcp:{}]", false },
                { "CMD [\"/app/run\" \"--port\" \"80\"]", false } });
        QTest::newRow("buildkit") << app << buildkit << appRows << 0;

        std::vector<Step> buildah
            = { { "/bin/sh -c #(nop) ADD file:9a1b2c in / ", true }, { "/bin/sh -c #(nop)  CMD [\"bash\"]", false },
                  { "/bin/sh -c #(nop) ARG VERSION=1.2", false, "FROM docker.io/library/debian:12" },
                  { "|1 VERSION=1.2 /bin/sh -c apt-get update && apt-get install -y curl=$VERSION", true },
                  { "/bin/sh -c #(nop) ENV APP=/app", false }, { "/bin/sh -c #(nop) COPY dir:0123abcd in /app ", true },
                  { "/bin/sh -c #(nop) EXPOSE 80", false },
                  { "/bin/sh -c #(nop) CMD [\"/app/run\", \"--port\", \"80\"]", false } };
        QTest::newRow("buildah with a base image") << app << buildah << appRows << 0;

        // kaniko writes no entries for metadata instructions.
        const std::vector<Step> kaniko
            = { { "/bin/sh -c #(nop) ADD file:77aa in / ", true }, { "/bin/sh -c #(nop)  CMD [\"/bin/sh\"]", false },
                  { "RUN apk add --no-cache curl=8.5.0-r0", true }, { "COPY app /app", true } };
        QTest::newRow("kaniko") << lines({ "FROM alpine:3.19", "ENV A=1", "RUN apk add --no-cache curl=8.5.0-r0",
            "COPY app /app", "CMD [\"/app/run\"]" })
                                << kaniko
                                << QStringList { "1:0:likely", "2:-:unmatched", "3:1:exact", "4:2:exact",
                                       "5:-:unmatched" }
                                << 0;

        QTest::newRow("buildah exec form and mount")
            << lines({ "FROM scratch", "COPY busybox /bin/busybox",
                   "RUN --mount=type=bind,source=b,target=/b [\"/b\", \"sh\", \"-c\", \"echo hi\"]" })
            << std::vector<Step> { { "/bin/sh -c #(nop) COPY file:01b0 in /bin/busybox ", true },
                   { "/bin/sh -c --mount=type=bind,source=b,target=/b [\"/b\", \"sh\", \"-c\", \"echo hi\"]", true,
                       "FROM a9f64a22ce68" } }
            << QStringList { "1:-:exact", "2:0:exact", "3:1:exact" } << 0;

        QTest::newRow("custom SHELL, classic")
            << lines({ "FROM ubuntu:22.04", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
                   "RUN curl -fsSL https://x/i.sh | sh" })
            << std::vector<Step> { { "/bin/sh -c #(nop) ADD file:1 in / ", true },
                   { "/bin/sh -c #(nop)  SHELL [/bin/bash -o pipefail -c]", false },
                   { "/bin/bash -o pipefail -c curl -fsSL https://x/i.sh | sh", true } }
            << QStringList { "1:0:exact", "2:-:exact", "3:1:exact" } << 0;

        // The Dockerfile was edited after the build: the RUN's text no longer matches.
        QTest::newRow("edited after the build")
            << lines({ "FROM debian:12", "RUN apt-get update && apt-get install -y curl wget", "COPY . /app" })
            << std::vector<Step> { { "/bin/sh -c #(nop) ADD file:1 in / ", true },
                   { "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit", true },
                   { "COPY . /app # buildkit", true } }
            << QStringList { "1:0:likely", "2:1:likely", "3:2:exact" } << 0;

        // An image the Dockerfile did not build: nothing matches, everything is the FROM's, and a note says so.
        QTest::newRow("another image") << lines(
            { "FROM golang:1.22", "RUN go build -o /app .", "COPY --from=0 /app /app" })
                                       << std::vector<Step> { { "/bin/sh -c #(nop) ADD file:1 in / ", true },
                                              { "/bin/sh -c #(nop)  ENV PATH=/usr/bin", false } }
                                       << QStringList { "1:0:unmatched", "2:-:unmatched", "3:-:unmatched" } << 1;

        QTest::newRow("final stage of a multi-stage build")
            << lines({ "FROM golang:1.22 AS build", "RUN go build -o /out/app .", "FROM gcr.io/distroless/static",
                   "COPY --from=build /out/app /app", "ENTRYPOINT [\"/app\"]" })
            << std::vector<Step> { { "bazel build distroless", true }, { "COPY /out/app /app # buildkit", true },
                   { "ENTRYPOINT [\"/app\"]", false } }
            << QStringList { "3:0:exact", "4:1:exact", "5:-:exact" } << 0;
    }

    void builders()
    {
        QFETCH(QString, dockerfile);
        QFETCH(std::vector<Step>, history);
        QFETCH(QStringList, rows);
        QFETCH(int, notes);
        const auto image = dftest::historyImage(history);
        const auto df = ballast::parseDockerfile(dockerfile);
        QVERIFY(df.errors.empty());
        const auto mapping = ballast::mapInstructionsToLayers(df, *image);
        QCOMPARE(describe(df, mapping), rows);
        QCOMPARE(int(mapping.notes.size()), notes);
    }

    void withoutHistory()
    {
        // No history at all: the RUN/COPY lines take the last layers in order, marked likely.
        auto image = dftest::historyImage({ { "a", true }, { "b", true }, { "c", true } });
        image->config.history.clear();
        const auto df = ballast::parseDockerfile(lines({ "FROM alpine", "RUN a", "ENV X=1", "COPY b /b" }));
        const auto mapping = ballast::mapInstructionsToLayers(df, *image);
        QCOMPARE(describe(df, mapping), (QStringList { "1:0:likely", "2:1:likely", "3:-:unmatched", "4:2:likely" }));
        QCOMPARE(int(mapping.notes.size()), 1);
    }

    // "N of M steps matched": the steps are the final stage's RUN/COPY/ADD lines, counted by hand in
    // the Dockerfiles; only exact matches count, so a Dockerfile that built another image matches none.
    void agreement_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("dockerfile");
        QTest::addColumn<QStringList>("replacedLines"); // "LINE=TEXT": the Dockerfile with lines edited
        QTest::addColumn<int>("matched");
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("trusted");
        const QString sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
        const QString sampleImage = sample + QStringLiteral("/sample.oci-gzip.tar");
        const QString sampleDockerfile = sample + QStringLiteral("/Dockerfile");
        const QString data = QStringLiteral(BALLAST_TEST_DATA "/real");
        // The sample's final stage: COPY 9, RUN 12, RUN 17, RUN 26, COPY 38, RUN 42, RUN 56.
        QTest::newRow("sample, its own") << sampleImage << sampleDockerfile << QStringList() << 7 << 7 << true;
        // Steps reworded since the build: still the same kind of step, so only "likely" matches.
        const QString run12 = QStringLiteral("12=RUN [\"/bin/busybox\", \"--install\", \"/bin\"]");
        const QString copy38 = QStringLiteral("38=COPY app/ /srv/app/"); // buildah records only the destination
        QTest::newRow("sample, 2 steps edited")
            << sampleImage << sampleDockerfile << QStringList { run12, copy38 } << 5 << 7 << true;
        QTest::newRow("sample, 4 steps edited") << sampleImage << sampleDockerfile
                                                << QStringList { QStringLiteral("9=COPY busybox /bin/sh"), run12,
                                                       copy38, QStringLiteral("17=RUN mkdir -p /root \\") }
                                                << 3 << 7 << false;
        // whiteouts/Dockerfile: three RUNs (lines 10, 14, 17), none of them the sample's.
        QTest::newRow("whiteouts Dockerfile, sample image")
            << sampleImage << data + QStringLiteral("/whiteouts/Dockerfile") << QStringList() << 0 << 3 << false;
        QTest::newRow("sample Dockerfile, whiteouts image")
            << data + QStringLiteral("/whiteouts/whiteouts.oci-gzip.tar") << sampleDockerfile << QStringList() << 0 << 7
            << false;
        // entry-types/Dockerfile: COPY 13 (to /srv/files, the sample copies to /opt/app and /bin), RUN 16, RUN 19.
        QTest::newRow("entry-types Dockerfile, sample image")
            << sampleImage << data + QStringLiteral("/entry-types/Dockerfile") << QStringList() << 0 << 3 << false;
        QTest::newRow("whiteouts, its own")
            << data + QStringLiteral("/whiteouts/whiteouts.docker.tar")
            << data + QStringLiteral("/whiteouts/Dockerfile") << QStringList() << 3 << 3 << true;
    }

    void agreement()
    {
        QFETCH(QString, archive);
        QFETCH(QString, dockerfile);
        QFETCH(QStringList, replacedLines);
        QFETCH(int, matched);
        QFETCH(int, steps);
        QFETCH(bool, trusted);
        QStringList text = readText(dockerfile).split(QLatin1Char('\n'));
        for (const QString &replacement : replacedLines) {
            const int line = replacement.section(QLatin1Char('='), 0, 0).toInt();
            QVERIFY(text.value(line - 1).startsWith(
                replacement.section(QLatin1Char('='), 1).section(QLatin1Char(' '), 0, 0)));
            text[line - 1] = replacement.section(QLatin1Char('='), 1);
        }
        const auto image = ballast::ImageLoader().load(archive);
        const auto df = ballast::parseDockerfile(text.join(QLatin1Char('\n')));
        QVERIFY(df.errors.empty());
        const auto agreement = ballast::mappingAgreement(df, ballast::mapInstructionsToLayers(df, *image));
        QCOMPARE(agreement.matched, matched);
        QCOMPARE(agreement.steps, steps);
        QCOMPARE(agreement.trusted(), trusted);
    }

    void agreementWithoutHistory()
    {
        // Nothing contradicts the positional guess: a step that found a layer counts as matched.
        auto image = dftest::historyImage({ { "a", true } });
        image->config.history.clear();
        const auto df = ballast::parseDockerfile(lines({ "FROM alpine", "RUN a", "ENV X=1", "COPY b /b" }));
        const auto agreement = ballast::mappingAgreement(df, ballast::mapInstructionsToLayers(df, *image));
        QCOMPARE(agreement.matched, 1); // one layer for two steps: COPY gets it, RUN none
        QCOMPARE(agreement.steps, 2);
        QVERIFY(agreement.trusted());
        // A stage without any layer-making step is judged by its other instructions.
        const auto metadataOnly = ballast::parseDockerfile(lines({ "FROM alpine", "ENV X=1", "CMD [\"a\"]" }));
        const auto counted
            = ballast::mappingAgreement(metadataOnly, ballast::mapInstructionsToLayers(metadataOnly, *image));
        QCOMPARE(counted.steps, 2);
    }

    void shellAtInstruction()
    {
        const auto df = ballast::parseDockerfile(lines({ "FROM a AS base", "SHELL [\"/bin/bash\", \"-c\"]", "RUN x",
            "FROM base", "RUN y", "SHELL [\"/bin/zsh\", \"-c\"]", "RUN z" }));
        QCOMPARE(ballast::shellAt(df, 0), (QStringList { "/bin/sh", "-c" }));
        QCOMPARE(ballast::shellAt(df, 2), (QStringList { "/bin/bash", "-c" }));
        QCOMPARE(ballast::shellAt(df, 4), (QStringList { "/bin/bash", "-c" }));
        QCOMPARE(ballast::shellAt(df, 6), (QStringList { "/bin/zsh", "-c" }));
    }

    void createdBy_data()
    {
        QTest::addColumn<QString>("createdBy");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<QString>("text");
        QTest::newRow("classic run") << "/bin/sh -c apt-get update"
                                     << "RUN"
                                     << "/bin/sh -c apt-get update";
        QTest::newRow("classic build args") << "|2 A=1 B=2 /bin/sh -c make"
                                            << "RUN"
                                            << "/bin/sh -c make";
        QTest::newRow("classic nop two spaces") << "/bin/sh -c #(nop)  ENV A=1"
                                                << "ENV"
                                                << "A=1";
        QTest::newRow("classic copy") << "/bin/sh -c #(nop) COPY file:abc in /dest "
                                      << "COPY"
                                      << "file:abc in /dest";
        QTest::newRow("buildkit run") << "RUN /bin/sh -c make # buildkit"
                                      << "RUN"
                                      << "/bin/sh -c make";
        QTest::newRow("buildkit run args") << "RUN |1 V=2 /bin/sh -c make # buildkit"
                                           << "RUN"
                                           << "/bin/sh -c make";
        QTest::newRow("buildkit copy") << "COPY src dst # buildkit"
                                       << "COPY"
                                       << "src dst";
        QTest::newRow("buildkit expose") << "EXPOSE map[80/tcp:{}]"
                                         << "EXPOSE"
                                         << "map[80/tcp:{}]";
        QTest::newRow("buildah exec") << "/bin/sh -c [\"/bin/busybox\", \"--install\"]"
                                      << "RUN"
                                      << "/bin/sh -c [\"/bin/busybox\", \"--install\"]";
        QTest::newRow("buildah nop") << "/bin/sh -c #(nop) CMD [\"/bin/sh\"]"
                                     << "CMD"
                                     << "[\"/bin/sh\"]";
        QTest::newRow("kaniko run") << "RUN apt-get install x"
                                    << "RUN"
                                    << "apt-get install x";
        QTest::newRow("windows shell") << "cmd /S /C dir"
                                       << "RUN"
                                       << "cmd /S /C dir";
    }

    void createdBy()
    {
        QFETCH(QString, createdBy);
        QFETCH(QString, keyword);
        QFETCH(QString, text);
        const auto step = ballast::parseCreatedBy(createdBy);
        QCOMPARE(step.keyword, keyword);
        QCOMPARE(step.text, text);
    }
};

QTEST_GUILESS_MAIN(LayerMappingTest)
#include "test_layer_mapping.moc"
