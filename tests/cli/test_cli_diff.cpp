// `ballast-cli diff` run as a user runs it (QProcess) on the committed real images. What must differ is
// derived from the fixtures' expected.json files (written by an independent oracle from the raw tars,
// tests/data/real/README.md): each final filesystem is rebuilt from `finalFilesystem.entries` and the
// per-layer entry listings, and compared path by path on type, size, mode, owner and link target.
// expected.json records no content hashes; the pairs compared here share only empty files, so equal
// metadata means equal content. Nothing is read back from Ballast.
#include "CliRun.h"
#include "ImageWriter.h"
#include "util/ByteFormat.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

using nlohmann::json;
namespace bt = ballast::test;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Real = QStringLiteral(BALLAST_TEST_DATA "/real");
const QString Whiteouts = Real + QStringLiteral("/whiteouts/whiteouts.docker.tar");
const QString Overlay = Real + QStringLiteral("/whiteouts-overlay/whiteouts-overlay.oci-gzip.tar");
const QString Sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
const QString WhiteoutsExpected = Real + QStringLiteral("/whiteouts/expected.json");
const QString OverlayExpected = Real + QStringLiteral("/whiteouts-overlay/expected.json");
const QString SampleExpected = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json");

using Run = CliRun;

Run runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    return runProgram(Cli, arguments, workingDirectory);
}

json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return json::parse(file.readAll().toStdString());
}

json parseOutput(const Run &run)
{
    try {
        return json::parse(run.out.toStdString());
    } catch (const std::exception &) {
        return {};
    }
}

// ---- the oracle's final filesystem -------------------------------------------------------------------

struct State {
    std::string kind; // file, dir, symlink, hardlink, other
    int64_t size = 0;
    std::string mode;
    int uid = 0, gid = 0;
    std::string link;
    bool implicit = false; // a parent without an entry of its own
};

std::string kindOf(const std::string &type)
{
    if (type == "file" || type == "dir" || type == "symlink" || type == "hardlink")
        return type;
    return "other";
}

std::map<std::string, State> finalState(const json &expected)
{
    std::map<std::string, State> out;
    for (const auto &e : expected.at("finalFilesystem").at("entries")) {
        const std::string path = e.at("path").get<std::string>();
        State state;
        if (e.value("implicit", false)) {
            state.kind = "dir";
            state.implicit = true;
        } else {
            const json *found = nullptr;
            for (const auto &le : expected.at("layers").at(e.at("layer").get<size_t>()).at("entries")) {
                std::string p = le.at("path").get<std::string>();
                while (!p.empty() && p.back() == '/')
                    p.pop_back();
                if (p == path)
                    found = &le; // the last one in the layer wins, as in a tar
            }
            if (!found)
                throw std::runtime_error("expected.json: no layer entry for " + path);
            state.kind = kindOf(found->at("type").get<std::string>());
            state.size = found->at("size").get<int64_t>();
            state.mode = found->at("mode").get<std::string>();
            state.uid = found->value("uid", 0);
            state.gid = found->value("gid", 0);
            state.link = found->value("linkname", std::string());
        }
        out[path] = state;
    }
    return out;
}

bool sameState(const State &x, const State &y)
{
    if (x.kind == "dir" && y.kind == "dir" && (x.implicit || y.implicit))
        return true; // no metadata to compare
    return x.kind == y.kind && x.size == y.size && x.mode == y.mode && x.uid == y.uid && x.gid == y.gid
        && x.link == y.link;
}

// Regular-file bytes at or below `path`.
int64_t rollUp(const std::map<std::string, State> &fs, const std::string &path)
{
    int64_t bytes = 0;
    for (auto it = fs.lower_bound(path); it != fs.end() && it->first.starts_with(path); ++it)
        if ((it->first == path || it->first[path.size()] == '/') && it->second.kind == "file")
            bytes += it->second.size;
    return bytes;
}

std::vector<std::string> components(const std::string &path)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        out.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos)
            return out;
        start = slash + 1;
    }
}

struct Row {
    std::string path, status, kind;
    std::optional<int64_t> sizeA, sizeB;
};

QString describe(const Row &r)
{
    auto size = [](const std::optional<int64_t> &s) { return s ? QString::number(*s) : QStringLiteral("null"); };
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(QString::fromStdString(r.path), QString::fromStdString(r.status), QString::fromStdString(r.kind),
            size(r.sizeA), size(r.sizeB));
}

// The rows `files` must hold, in tree order (a directory, then what it holds; siblings byte-wise).
std::vector<Row> expectedRows(const std::map<std::string, State> &a, const std::map<std::string, State> &b)
{
    std::vector<Row> rows;
    std::map<std::string, int> paths;
    for (const auto &[p, s] : a)
        paths[p] |= 1;
    for (const auto &[p, s] : b)
        paths[p] |= 2;
    for (const auto &[path, where] : paths) {
        if (where == 3 && sameState(a.at(path), b.at(path)))
            continue;
        Row row;
        row.path = path;
        row.status = where == 1 ? "removed" : where == 2 ? "added" : "modified";
        row.kind = (where & 2 ? b : a).at(path).kind;
        if (where & 1)
            row.sizeA = rollUp(a, path);
        if (where & 2)
            row.sizeB = rollUp(b, path);
        rows.push_back(row);
    }
    std::sort(
        rows.begin(), rows.end(), [](const Row &x, const Row &y) { return components(x.path) < components(y.path); });
    return rows;
}

QStringList describeRows(const std::vector<Row> &rows)
{
    QStringList out;
    for (const Row &r : rows)
        out << describe(r);
    return out;
}

QStringList describeJsonRows(const json &files)
{
    QStringList out;
    for (const auto &f : files) {
        Row r;
        r.path = f.at("path").get<std::string>();
        r.status = f.at("status").get<std::string>();
        r.kind = f.at("kind").get<std::string>();
        if (!f.at("sizeA").is_null())
            r.sizeA = f.at("sizeA").get<int64_t>();
        if (!f.at("sizeB").is_null())
            r.sizeB = f.at("sizeB").get<int64_t>();
        out << describe(r);
    }
    return out;
}

QStringList pairs(const json &list)
{
    QStringList out;
    for (const auto &p : list)
        out << QStringLiteral("A%1=B%2").arg(p.at("a").get<int>()).arg(p.at("b").get<int>());
    return out;
}

// Layer matching as the compare defines it, from the oracle's layers: same diff_id wherever it sits, then
// the rest by the instruction that made them (here the created_by texts are compared as they are).
void expectedLayers(const json &a, const json &b, QStringList *shared, QStringList *aligned, int *onlyA, int *onlyB)
{
    const auto &la = a.at("layers"), &lb = b.at("layers");
    std::vector<bool> usedA(la.size()), usedB(lb.size());
    for (size_t i = 0; i < la.size(); ++i)
        for (size_t j = 0; j < lb.size(); ++j)
            if (!usedB[j] && la[i].at("diffId") == lb[j].at("diffId")) {
                *shared << QStringLiteral("A%1=B%2").arg(i).arg(j);
                usedA[i] = usedB[j] = true;
                break;
            }
    for (size_t i = 0; i < la.size(); ++i)
        for (size_t j = 0; j < lb.size() && !usedA[i]; ++j)
            if (!usedB[j] && la[i].at("createdBy") == lb[j].at("createdBy")) {
                *aligned << QStringLiteral("A%1=B%2").arg(i).arg(j);
                usedA[i] = usedB[j] = true;
            }
    *onlyA = int(std::count(usedA.begin(), usedA.end(), false));
    *onlyB = int(std::count(usedB.begin(), usedB.end(), false));
}

int64_t countStatus(const std::vector<Row> &rows, const char *status)
{
    return std::count_if(rows.begin(), rows.end(), [&](const Row &r) { return r.status == status; });
}

// A synthetic multi-platform archive: linux/amd64 holds etc/os (4 bytes); linux/arm64 also app/arm.bin.
bt::ImageSpec platformImage(const std::string &arch)
{
    bt::ImageSpec image;
    image.architecture = arch;
    bt::LayerSpec base;
    base.createdBy = "ADD rootfs /";
    base.entries = { bt::dirEntry("etc/"), bt::fileEntry("etc/os", "os!\n") };
    image.layers = { base };
    if (arch == "arm64") {
        bt::LayerSpec extra;
        extra.createdBy = "COPY arm.bin /app/";
        extra.entries = { bt::dirEntry("app/"), bt::fileEntry("app/arm.bin", bt::filler(700, 'r')) };
        image.layers.push_back(extra);
    }
    return image;
}

} // namespace

class TestCliDiff : public QObject {
    Q_OBJECT
private slots:
    void whiteoutsVsOverlay();
    void sampleVsItself();
    void sampleVsWhiteouts();
    void textAndMarkdown_data();
    void textAndMarkdown();
    void badArguments_data();
    void badArguments();
    void missingFile();
    void tagAndPlatformOptions();
    void secondImageFollowsPlatform();
};

// The two encodings of the same build (vfs: per-file whiteouts; overlay: an opaque directory) merge to
// the same final filesystem: no file rows; every layer differs by diff_id but aligns by instruction.
void TestCliDiff::whiteoutsVsOverlay()
{
    const json ea = readJson(WhiteoutsExpected), eb = readJson(OverlayExpected);
    QVERIFY(!ea.is_null() && !eb.is_null());
    const std::vector<Row> rows = expectedRows(finalState(ea), finalState(eb));
    QCOMPARE(rows.size(), size_t(0)); // what the fixtures' README promises

    const Run run = runCli({ "diff", Whiteouts, Overlay, "--format", "json" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const json out = parseOutput(run);
    QVERIFY2(out.is_object(), qPrintable(run.out.left(2000)));
    const json &summary = out.at("summary");
    QCOMPARE(
        summary.at("finalSizeBytesA").get<int64_t>(), ea.at("finalFilesystem").at("finalSizeBytes").get<int64_t>());
    QCOMPARE(
        summary.at("finalSizeBytesB").get<int64_t>(), eb.at("finalFilesystem").at("finalSizeBytes").get<int64_t>());
    QCOMPARE(summary.at("finalSizeBytesA").get<int64_t>(), int64_t(48));
    QCOMPARE(summary.at("deltaBytes").get<int64_t>(), int64_t(0));
    QCOMPARE(summary.at("added").get<int64_t>(), int64_t(0));
    QCOMPARE(summary.at("removed").get<int64_t>(), int64_t(0));
    QCOMPARE(summary.at("modified").get<int64_t>(), int64_t(0));
    QCOMPARE(summary.at("topMovements").size(), size_t(0));
    QCOMPARE(describeJsonRows(out.at("files")), describeRows(rows));

    QStringList shared, aligned;
    int onlyA = 0, onlyB = 0;
    expectedLayers(ea, eb, &shared, &aligned, &onlyA, &onlyB);
    QCOMPARE(shared, QStringList());
    QCOMPARE(aligned, (QStringList { "A0=B0", "A1=B1", "A2=B2" }));
    const json &layers = out.at("layers");
    QCOMPARE(pairs(layers.at("shared")), shared);
    QCOMPARE(pairs(layers.at("aligned")), aligned);
    QCOMPARE(int(layers.at("onlyA").size()), onlyA);
    QCOMPARE(int(layers.at("onlyB").size()), onlyB);
    QCOMPARE(summary.at("layersShared").get<int>(), 0);
    for (size_t i = 0; i < 3; ++i) {
        QCOMPARE(layers.at("aligned").at(i).at("diffIdA").dump(), ea.at("layers").at(i).at("diffId").dump());
        QCOMPARE(layers.at("aligned").at(i).at("diffIdB").dump(), eb.at("layers").at(i).at("diffId").dump());
        QCOMPARE(layers.at("aligned").at(i).at("sizeBytesA").dump(), ea.at("layers").at(i).at("sizeBytes").dump());
        QCOMPARE(layers.at("aligned").at(i).at("sizeBytesB").dump(), eb.at("layers").at(i).at("sizeBytes").dump());
    }
}

void TestCliDiff::sampleVsItself()
{
    const json expected = readJson(SampleExpected);
    QVERIFY(!expected.is_null());
    const Run run = runCli({ "diff", Sample, Sample, "--format", "json" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const json out = parseOutput(run);
    QVERIFY2(out.is_object(), qPrintable(run.out.left(2000)));
    const int64_t bytes = expected.at("finalFilesystem").at("finalSizeBytes").get<int64_t>();
    QCOMPARE(out.at("summary").at("finalSizeBytesA").get<int64_t>(), bytes);
    QCOMPARE(out.at("summary").at("finalSizeBytesB").get<int64_t>(), bytes);
    QCOMPARE(out.at("summary").at("deltaBytes").get<int64_t>(), int64_t(0));
    QCOMPARE(out.at("files").size(), size_t(0));
    QCOMPARE(expected.at("layerCount").get<int>(), 7);
    QStringList all;
    for (int i = 0; i < 7; ++i)
        all << QStringLiteral("A%1=B%1").arg(i);
    QCOMPARE(pairs(out.at("layers").at("shared")), all);
    QCOMPARE(out.at("summary").at("layersShared").get<int>(), 7);
    QCOMPARE(out.at("layers").at("aligned").size(), size_t(0));
    QCOMPARE(out.at("layers").at("onlyA").size(), size_t(0));
    QCOMPARE(out.at("layers").at("onlyB").size(), size_t(0));
}

// A real, large difference: every row derived from the two oracles.
void TestCliDiff::sampleVsWhiteouts()
{
    const json ea = readJson(SampleExpected), eb = readJson(WhiteoutsExpected);
    QVERIFY(!ea.is_null() && !eb.is_null());
    const std::vector<Row> rows = expectedRows(finalState(ea), finalState(eb));
    const Run run = runCli({ "diff", Sample, Whiteouts, "--format", "json" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const json out = parseOutput(run);
    QVERIFY2(out.is_object(), qPrintable(run.out.left(2000)));
    QCOMPARE(describeJsonRows(out.at("files")), describeRows(rows));
    const json &summary = out.at("summary");
    const int64_t a = ea.at("finalFilesystem").at("finalSizeBytes").get<int64_t>();
    const int64_t b = eb.at("finalFilesystem").at("finalSizeBytes").get<int64_t>();
    QCOMPARE(summary.at("finalSizeBytesA").get<int64_t>(), a);
    QCOMPARE(summary.at("finalSizeBytesB").get<int64_t>(), b);
    QCOMPARE(summary.at("deltaBytes").get<int64_t>(), b - a);
    QCOMPARE(summary.at("added").get<int64_t>(), countStatus(rows, "added"));
    QCOMPARE(summary.at("removed").get<int64_t>(), countStatus(rows, "removed"));
    QCOMPARE(summary.at("modified").get<int64_t>(), countStatus(rows, "modified"));
    QVERIFY(countStatus(rows, "removed") > 100);
    QCOMPARE(summary.at("layersA").get<int>(), ea.at("layerCount").get<int>());
    QCOMPARE(summary.at("layersB").get<int>(), eb.at("layerCount").get<int>());
    QCOMPARE(out.at("layers").at("shared").size(), size_t(0));
    // Top movements: added or removed subtrees as a whole and modified files, largest
    // |delta| first, the first 10 of them.
    std::map<std::string, std::string> statusOf;
    for (const Row &r : rows)
        statusOf[r.path] = r.status;
    std::map<std::string, int64_t> movements;
    for (const Row &r : rows) {
        const size_t slash = r.path.rfind('/');
        const std::string parent = slash == std::string::npos ? std::string() : r.path.substr(0, slash);
        const std::string up = statusOf.count(parent) ? statusOf.at(parent) : std::string();
        const bool whole = r.status != "modified" && up != "added" && up != "removed";
        const bool modifiedFile = r.status == "modified" && r.kind != "dir";
        const int64_t delta = r.sizeB.value_or(0) - r.sizeA.value_or(0);
        if ((whole || modifiedFile) && delta != 0)
            movements[r.path] = delta;
    }
    std::vector<int64_t> magnitudes;
    for (const auto &[path, delta] : movements)
        magnitudes.push_back(std::abs(delta));
    std::sort(magnitudes.rbegin(), magnitudes.rend());
    magnitudes.resize(std::min<size_t>(magnitudes.size(), 10));
    std::vector<int64_t> listed;
    for (const auto &m : summary.at("topMovements")) {
        const std::string path = m.at("path").get<std::string>();
        QVERIFY2(movements.count(path), path.c_str());
        QCOMPARE(m.at("deltaBytes").get<int64_t>(), movements.at(path));
        QCOMPARE(m.at("status").get<std::string>(), statusOf.at(path));
        listed.push_back(std::abs(movements.at(path)));
    }
    QCOMPARE(listed, magnitudes);
}

void TestCliDiff::textAndMarkdown_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedA");
    QTest::addColumn<QString>("expectedB");
    QTest::addColumn<bool>("markdown");
    QTest::newRow("text, default") << QStringList { "diff", Sample, Whiteouts } << SampleExpected << WhiteoutsExpected
                                   << false;
    QTest::newRow("text") << QStringList { "diff", Whiteouts, Overlay, "--format", "text" } << WhiteoutsExpected
                          << OverlayExpected << false;
    QTest::newRow("markdown") << QStringList { "diff", Sample, Whiteouts, "--format", "markdown" } << SampleExpected
                              << WhiteoutsExpected << true;
    QTest::newRow("markdown, same") << QStringList { "diff", Sample, Sample, "--format", "markdown" } << SampleExpected
                                    << SampleExpected << true;
}

void TestCliDiff::textAndMarkdown()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedA);
    QFETCH(QString, expectedB);
    QFETCH(bool, markdown);
    const json ea = readJson(expectedA), eb = readJson(expectedB);
    const std::vector<Row> rows = expectedRows(finalState(ea), finalState(eb));
    const int64_t a = ea.at("finalFilesystem").at("finalSizeBytes").get<int64_t>();
    const int64_t b = eb.at("finalFilesystem").at("finalSizeBytes").get<int64_t>();
    const Run run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(ballast::formatBytes(a)), qPrintable(run.out));
    QVERIFY2(run.out.contains(ballast::formatBytes(b)), qPrintable(run.out));
    const QString counts = QString::fromLatin1(
        markdown ? "%1 paths added, %2 removed, %3 modified" : "%1 added, %2 removed, %3 modified")
                               .arg(countStatus(rows, "added"))
                               .arg(countStatus(rows, "removed"))
                               .arg(countStatus(rows, "modified"));
    QVERIFY2(run.out.contains(counts), qPrintable(run.out));
    if (markdown) {
        QVERIFY2(run.out.startsWith(QStringLiteral("### ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("| Final filesystem |")), qPrintable(run.out));
    } else {
        QVERIFY2(run.out.contains(QStringLiteral("final filesystem")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("LAYERS")), qPrintable(run.out));
    }
}

void TestCliDiff::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // part of stderr
    QTest::newRow("no images") << QStringList { "diff" } << QStringLiteral("usage: ballast-cli diff");
    QTest::newRow("one image") << QStringList { "diff", Sample } << QStringLiteral("usage: ballast-cli diff");
    QTest::newRow("three images") << QStringList { "diff", Sample, Sample, Sample }
                                  << QStringLiteral("usage: ballast-cli diff");
    QTest::newRow("unknown option") << QStringList { "diff", Sample, Sample, "--frobnicate" }
                                    << QStringLiteral("frobnicate");
    QTest::newRow("unknown format") << QStringList { "diff", Sample, Sample, "--format", "xml" }
                                    << QStringLiteral("xml");
    QTest::newRow("option without value")
        << QStringList { "diff", Sample, Sample, "--platform-b" } << QStringLiteral("platform-b");
}

void TestCliDiff::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
}

void TestCliDiff::missingFile()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no-such-image.tar"));
    for (const QStringList &arguments :
        { QStringList { "diff", missing, Sample }, QStringList { "diff", Sample, missing, "--format", "json" } }) {
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    }
}

void TestCliDiff::tagAndPlatformOptions()
{
    // --tag picks in A only, --tag-b in B only; --platform-b picks B's platform.
    for (const QStringList &extra :
        { QStringList { "--platform-b", "linux/amd64" }, QStringList { "--tag-b", "whiteouts-overlay:1" },
            QStringList { "--tag", "whiteouts:1", "--tag-b", "whiteouts-overlay:1", "--platform-b", "linux/amd64" },
            QStringList { "--platform", "linux/amd64" } }) {
        const Run run = runCli(QStringList { "diff", Whiteouts, Overlay, "--format", "json" } + extra);
        QVERIFY2(run.exitCode == 0, qPrintable(extra.join(' ') + ": " + run.err));
        const json out = parseOutput(run);
        QVERIFY2(out.is_object(), qPrintable(run.out.left(2000)));
        QCOMPARE(out.at("files").size(), size_t(0));
        QCOMPARE(out.at("layers").at("aligned").size(), size_t(3));
    }
    Run run = runCli({ "diff", Whiteouts, Overlay, "--tag-b", "nope:1" });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(Overlay) && run.err.contains(QStringLiteral("nope:1")), qPrintable(run.err));
    run = runCli({ "diff", Whiteouts, Overlay, "--platform-b", "linux/s390x" });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(Overlay) && run.err.contains(QStringLiteral("linux/s390x")), qPrintable(run.err));
}

// Without --platform-b the second image uses the first one's platform choice.
void TestCliDiff::secondImageFollowsPlatform()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    bt::ArchiveSpec multi;
    multi.format = bt::Format::OciArchive;
    multi.multiPlatform = true;
    multi.indexTag = "multi:1";
    multi.images = { platformImage("amd64"), platformImage("arm64") };
    const QString multiPath = bt::writeArchive(multi, dir.path(), QStringLiteral("multi")).path;
    const QString armPath = bt::writeArchive(
        bt::singleImage(bt::Format::DockerLegacy, platformImage("arm64")), dir.path(), QStringLiteral("arm"))
                                .path;

    struct Expect {
        QStringList arguments;
        QStringList files; // "path status"
        int shared;
    };
    const QStringList armOnly { "app added", "app/arm.bin added" };
    const QStringList armGone { "app removed", "app/arm.bin removed" };
    const std::vector<Expect> cases {
        { { armPath, multiPath }, {}, 2 }, // A is arm64: so is B
        { { armPath, multiPath, "--platform-b", "linux/amd64" }, armGone, 1 }, // unless told otherwise
        { { multiPath, multiPath, "--platform", "linux/arm64" }, {}, 2 },
        { { multiPath, multiPath, "--platform", "linux/arm64", "--platform-b", "linux/amd64" }, armGone, 1 },
        { { multiPath, multiPath, "--platform", "linux/amd64", "--platform-b", "linux/arm64" }, armOnly, 1 },
    };
    for (const Expect &e : cases) {
        const Run run = runCli(QStringList { "diff" } + e.arguments + QStringList { "--format", "json" });
        QVERIFY2(run.exitCode == 0, qPrintable(e.arguments.join(' ') + ": " + run.err));
        const json out = parseOutput(run);
        QVERIFY2(out.is_object(), qPrintable(run.out.left(2000)));
        QStringList files;
        for (const auto &f : out.at("files"))
            files << QString::fromStdString(f.at("path").get<std::string>() + " " + f.at("status").get<std::string>());
        QCOMPARE(files, e.files);
        QCOMPARE(out.at("summary").at("layersShared").get<int>(), e.shared);
        QCOMPARE(out.at("summary").at("finalSizeBytesA").get<int64_t>() + (e.files == armOnly ? 700 : 0),
            out.at("summary").at("finalSizeBytesB").get<int64_t>() + (e.files == armGone ? 700 : 0));
    }
    // A chosen explicitly: B must have it too.
    const Run run = runCli({ "diff", multiPath, armPath, "--platform", "linux/amd64" });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(armPath) && run.err.contains(QStringLiteral("linux/amd64")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliDiff)
#include "test_cli_diff.moc"
