// Source URIs, the engines' image listings and build arguments: pure parsing, no tools run.
#include "source/EngineImages.h"
#include "source/ImageBuild.h"
#include "source/SourceReference.h"
#include "util/LoadError.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace ballast;
using Kind = SourceReference::Kind;

class TestSourceParsing : public QObject {
    Q_OBJECT
private slots:
    void references_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("ref");
        QTest::newRow("plain path") << "images/app.tar" << int(Kind::Path) << "images/app.tar"
                                    << "";
        QTest::newRow("path with colon") << "/tmp/a:b.tar" << int(Kind::Path) << "/tmp/a:b.tar"
                                         << "";
        QTest::newRow("docker") << "docker://alpine:3.19" << int(Kind::Docker) << "alpine:3.19"
                                << "";
        QTest::newRow("podman") << "podman://localhost/app:1" << int(Kind::Podman) << "localhost/app:1"
                                << "";
        QTest::newRow("buildah") << "buildah://0123abcd" << int(Kind::Buildah) << "0123abcd"
                                 << "";
        QTest::newRow("registry with port")
            << "registry://127.0.0.1:5000/team/app:2" << int(Kind::Registry) << "127.0.0.1:5000/team/app:2"
            << "";
        QTest::newRow("scheme case") << "Podman://app" << int(Kind::Podman) << "app"
                                     << "";
        QTest::newRow("oci dir") << "oci:/srv/layout" << int(Kind::OciLayout) << "/srv/layout"
                                 << "";
        QTest::newRow("oci dir ref") << "oci:/srv/layout:v2" << int(Kind::OciLayout) << "/srv/layout"
                                     << "v2";
        QTest::newRow("oci relative ref") << "oci:layout:latest" << int(Kind::OciLayout) << "layout"
                                          << "latest";
        QTest::newRow("oci colon in dir") << "oci:/srv/a:b/layout" << int(Kind::OciLayout) << "/srv/a:b/layout"
                                          << "";
    }
    void references()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, location);
        QFETCH(QString, ref);
        const SourceReference source = parseSourceReference(text);
        QCOMPARE(int(source.kind), kind);
        QCOMPARE(source.text, text);
        QCOMPARE(source.location, location);
        QCOMPARE(source.ref, ref);
        QCOMPARE(source.isLocalPath(), kind == int(Kind::Path) || kind == int(Kind::OciLayout));
    }

    void emptyNameIsAnError()
    {
        try {
            parseSourceReference(QStringLiteral("podman://"));
            QFAIL("no error");
        } catch (const LoadError &error) {
            QCOMPARE(error.message(), QStringLiteral("podman://: no image named: use podman://NAME[:TAG]"));
        }
    }

    void dockerListing()
    {
        // The shape of `docker image ls --format '{{json .}}'` (Docker 24), one object per line.
        const QByteArray lines
            = R"({"Containers":"N/A","CreatedAt":"2024-05-01 12:00:00 +0200 CEST","CreatedSince":"2 years ago","Digest":"<none>","ID":"0123456789ab","Repository":"ballast/sample","SharedSize":"N/A","Size":"1.25MB","Tag":"1","UniqueSize":"N/A","VirtualSize":"1.25MB"})"
              "\n"
              R"({"Containers":"N/A","CreatedAt":"2023-01-02 03:04:05 +0000 UTC","CreatedSince":"3 years ago","Digest":"<none>","ID":"ba9876543210","Repository":"<none>","SharedSize":"N/A","Size":"7.8kB","Tag":"<none>","UniqueSize":"N/A","VirtualSize":"7.8kB"})"
              "\n";
        const auto images = parseDockerImageLines(lines);
        QCOMPARE(images.size(), size_t(2));
        QCOMPARE(images[0].engine, QStringLiteral("docker"));
        QCOMPARE(images[0].repository, QStringLiteral("ballast/sample"));
        QCOMPARE(images[0].tag, QStringLiteral("1"));
        QCOMPARE(images[0].id, QStringLiteral("0123456789ab"));
        QCOMPARE(images[0].size, int64_t(1250000));
        QCOMPARE(images[0].created, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc()));
        QCOMPARE(images[0].sourceUri(), QStringLiteral("docker://ballast/sample:1"));
        QCOMPARE(images[1].size, int64_t(7800));
        QCOMPARE(images[1].sourceUri(), QStringLiteral("docker://ba9876543210")); // untagged: by ID
        QVERIFY_THROWS_EXCEPTION(LoadError, parseDockerImageLines("not json\n"));
    }

    // Docker's time is a wall time at its own offset: the local time zone plays no part, not even
    // when that wall time falls into the hour it skips in spring.
    void dockerTimeInALocalDaylightSavingGap()
    {
        const QByteArray savedZone = qgetenv("TZ");
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3"); // POSIX rule: no tzdata needed; 02:00-03:00 skipped
        tzset();
        const auto images = parseDockerImageLines(
            R"({"CreatedAt":"2024-03-31 02:30:00 +0000 UTC","ID":"0123456789ab","Repository":"a","Size":"1kB","Tag":"1"})");
        if (savedZone.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", savedZone);
        tzset();
        QCOMPARE(images.size(), size_t(1));
        QCOMPARE(images[0].created, QDateTime(QDate(2024, 3, 31), QTime(2, 30), QTimeZone::utc()));
    }

    void podmanListing()
    {
        // The shape of `podman images --format json` (podman 4.3): one object per image, every name.
        const QByteArray json = R"([
          {"Id":"a7e65d2087bceba2823a9b17898ab8b78c8a8ab04acbeacfa7441cbc106ea0ac","RepoTags":null,
           "Size":39804,"Names":["localhost/entry-types:1","registry.example:5000/team/entry-types:latest"],
           "Created":1714557600,"CreatedAt":"2024-05-01T10:00:00Z"},
          {"Id":"9f89e949673d0b494538b55f471b00897146022334eaa4eda229ee39a3f1f239","Size":12,"Created":0}
        ])";
        const auto images = parsePodmanImagesJson(json);
        QCOMPARE(images.size(), size_t(3));
        QCOMPARE(images[0].repository, QStringLiteral("localhost/entry-types"));
        QCOMPARE(images[0].tag, QStringLiteral("1"));
        QCOMPARE(images[0].id, QStringLiteral("a7e65d2087bc"));
        QCOMPARE(images[0].size, int64_t(39804));
        QCOMPARE(images[0].created, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc()));
        QCOMPARE(images[1].repository, QStringLiteral("registry.example:5000/team/entry-types"));
        QCOMPARE(images[1].tag, QStringLiteral("latest"));
        QCOMPARE(images[1].sourceUri(), QStringLiteral("podman://registry.example:5000/team/entry-types:latest"));
        QCOMPARE(images[2].repository, QStringLiteral("<none>"));
        QCOMPARE(images[2].sourceUri(), QStringLiteral("podman://9f89e949673d"));
        QVERIFY_THROWS_EXCEPTION(LoadError, parsePodmanImagesJson("{}"));
    }

    void dockerfileOfABuild()
    {
        QTemporaryDir context;
        const QDir dir(context.path());
        QCOMPARE(buildDockerfilePath({}, context.path()), dir.filePath(QStringLiteral("Dockerfile")));
        QFile containerfile(dir.filePath(QStringLiteral("Containerfile")));
        QVERIFY(containerfile.open(QIODevice::WriteOnly));
        containerfile.close();
        QCOMPARE(buildDockerfilePath({}, context.path()), dir.filePath(QStringLiteral("Containerfile")));
        QCOMPARE(buildDockerfilePath({ QStringLiteral("-f"), QStringLiteral("/x/Other.Dockerfile") }, context.path()),
            QStringLiteral("/x/Other.Dockerfile"));
        QCOMPARE(buildDockerfilePath({ QStringLiteral("--file=/y/D") }, context.path()), QStringLiteral("/y/D"));
        QCOMPARE(buildDockerfilePath({ QStringLiteral("--file"), QStringLiteral("rel/D") }, context.path()),
            QDir::current().absoluteFilePath(QStringLiteral("rel/D")));
    }

    void buildArgumentsReadAsTheBuilderReadsThem()
    {
        qputenv("BALLAST_TEST_FROM_ENV", "yes");
        const ParseOptions options = buildParseOptions(
            { QStringLiteral("--build-arg"), QStringLiteral("A=1"), QStringLiteral("--build-arg=B=two=2"),
                QStringLiteral("-t"), QStringLiteral("x"), QStringLiteral("--build-arg"),
                QStringLiteral("BALLAST_TEST_FROM_ENV"), QStringLiteral("--target"), QStringLiteral("runtime") });
        QCOMPARE(options.buildArgs.value(QStringLiteral("A")), QStringLiteral("1"));
        QCOMPARE(options.buildArgs.value(QStringLiteral("B")), QStringLiteral("two=2"));
        QCOMPARE(options.buildArgs.value(QStringLiteral("BALLAST_TEST_FROM_ENV")), QStringLiteral("yes"));
        QCOMPARE(options.buildArgs.size(), 3);
        QCOMPARE(options.target, QStringLiteral("runtime"));
    }
};

QTEST_GUILESS_MAIN(TestSourceParsing)
#include "test_source_parsing.moc"
