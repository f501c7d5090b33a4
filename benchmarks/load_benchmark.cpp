// Load benchmark: Ballast's loader against GNU tar merely listing every layer of the same
// image, layer after layer (`tar -xOf IMAGE LAYER | [gzip -dc |] tar -t > /dev/null`), both timed in
// the same run on a warm page cache, with Ballast's peak RSS (load and analysis) and the time the
// analysis adds after loading.
//
//   load_benchmark [--synthetic-entries N] [--layers L] [--runs R] [--workdir DIR] [IMAGE…]
//
// Without IMAGE arguments it generates the synthetic uncompressed docker archive (default 8 layers,
// 600 000 entries) and measures that; any IMAGE given is measured too.
#include "BenchmarkSupport.h"
#include "ImageLoader.h"
#include "SyntheticImage.h"
#include "analysis/ImageAnalysis.h"
#include "archive/ImageLayout.h"
#include "util/LoadError.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct RunFigures {
    double seconds = 0;
    long peakRssKb = 0; // what the child reported (VmHWM), 0 when it does not
    double loadSeconds = 0, analysisSeconds = 0; // what the child reported
    bool ok = false;
};

// Runs a child process and times it. The peak RSS comes from the child itself: rusage figures of a
// spawned child include the parent's memory from before the exec.
RunFigures runChild(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    RunFigures figures;
    figures.seconds = timer.nsecsElapsed() / 1e9;
    figures.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n'))
        if (line.startsWith("peak_rss_kb="))
            figures.peakRssKb = line.mid(12).toLong();
        else if (line.startsWith("load_seconds="))
            figures.loadSeconds = line.mid(13).toDouble();
        else if (line.startsWith("analysis_seconds="))
            figures.analysisSeconds = line.mid(17).toDouble();
    return figures;
}

long peakRssOfThisProcessKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The GNU tar pipeline that lists every layer, decompressing with the tool the blob's magic calls for.
QString tarBaseline(const QString &image)
{
    auto files = ballast::ImageFiles::open(image);
    const auto layout = ballast::readImageLayout(*files, {});
    QStringList steps;
    for (const auto &layer : layout.layers) {
        const auto range = files->find(layer.archivePath);
        QFile blob(range->file);
        blob.open(QIODevice::ReadOnly);
        blob.seek(range->offset);
        const QByteArray magic = blob.read(4);
        QString decompress;
        if (magic.startsWith("\x1f\x8b"))
            decompress = QStringLiteral(" | gzip -dc");
        else if (magic.startsWith("\x28\xb5\x2f\xfd"))
            decompress = QStringLiteral(" | zstd -dc");
        steps << QStringLiteral("tar -xOf %1 %2%3 | tar -t > /dev/null")
                     .arg(shellQuote(image), shellQuote(layer.archivePath), decompress);
    }
    return QStringLiteral("set -o pipefail; ") + steps.join(QStringLiteral("; "));
}

int loadOnly(const QString &image)
{
    try {
        QElapsedTimer timer;
        timer.start();
        auto loaded = ballast::ImageLoader().load(image);
        const double loadSeconds = timer.nsecsElapsed() / 1e9;
        timer.restart();
        const auto analysis = ballast::analyzeImage(*loaded);
        const double analysisSeconds = timer.nsecsElapsed() / 1e9;
        std::printf("loaded %zu layers, %lld paths in %.3f s; analysis %.3f s (%zu findings)\n"
                    "peak_rss_kb=%ld\nload_seconds=%.4f\nanalysis_seconds=%.4f\n",
            loaded->layers.size(), static_cast<long long>(loaded->tree.finalEntryCount()), loadSeconds, analysisSeconds,
            analysis.findings.size(), peakRssOfThisProcessKb(), loadSeconds, analysisSeconds);
        return 0;
    } catch (const ballast::LoadError &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 2;
    }
}

void measure(const QString &image, int runs, const QString &self)
{
    const QString baseline = tarBaseline(image);
    runChild(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("cat ") + shellQuote(image) + QStringLiteral(" > /dev/null") }); // warm the page cache
    std::vector<double> tarTimes, ballastTimes, loadTimes, analysisTimes;
    long ballastRss = 0;
    for (int r = 0; r < runs; ++r) {
        RunFigures tar = runChild(QStringLiteral("bash"), { QStringLiteral("-c"), baseline });
        RunFigures ours = runChild(self, { QStringLiteral("--load-only"), image });
        if (!tar.ok || !ours.ok) {
            std::fprintf(stderr, "a run failed (tar ok %d, ballast ok %d)\n", tar.ok, ours.ok);
            return;
        }
        tarTimes.push_back(tar.seconds);
        ballastTimes.push_back(ours.seconds);
        loadTimes.push_back(ours.loadSeconds);
        analysisTimes.push_back(ours.analysisSeconds);
        ballastRss = std::max(ballastRss, ours.peakRssKb);
    }
    const double tarMedian = median(tarTimes), oursMedian = median(ballastTimes);
    // The process is timed as a whole (start-up included) against tar; the analysis is timed inside it.
    std::printf("%s\n  GNU tar listing (baseline): median %.3f s over %d runs\n"
                "  ballast load (process):     median %.3f s, peak RSS %ld MB\n"
                "  ratio ballast / tar:        %.2f\n"
                "  analysis after load:        median %.3f s = %.0f %% of the load (%.3f s)\n",
        qPrintable(image), tarMedian, runs, oursMedian, ballastRss / 1024, oursMedian / tarMedian,
        median(analysisTimes), 100.0 * median(analysisTimes) / median(loadTimes), median(loadTimes));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--load-only"))
        return loadOnly(args[2]);
    int64_t entries = 600000;
    int layers = 8, runs = 3;
    QString workdir;
    QStringList images;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--synthetic-entries") && i + 1 < args.size())
            entries = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--layers") && i + 1 < args.size())
            layers = args[++i].toInt();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--workdir") && i + 1 < args.size())
            workdir = args[++i];
        else
            images << args[i];
    }
    std::unique_ptr<QTemporaryDir> temp;
    if (images.isEmpty() || entries > 0) {
        if (workdir.isEmpty()) {
            temp = std::make_unique<QTemporaryDir>();
            workdir = temp->path();
        }
        const QString synthetic = QDir(workdir).filePath(QStringLiteral("synthetic-%1.docker.tar").arg(entries));
        if (!QFile::exists(synthetic)) {
            QElapsedTimer timer;
            timer.start();
            auto figures = writeSyntheticDockerArchive(synthetic, layers, entries);
            std::printf("generated %s: %d layers, %lld entries, %.0f MB in %.1f s\n", qPrintable(synthetic), layers,
                static_cast<long long>(figures.entries), figures.archiveBytes / 1e6, timer.nsecsElapsed() / 1e9);
        }
        images.prepend(synthetic);
    }
    for (const QString &image : images)
        measure(image, runs, app.applicationFilePath());
    return 0;
}
