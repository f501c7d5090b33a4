// Diff benchmark: two versions of a synthetic image of 600 000 entries (same paths,
// different sizes and contents), loaded once; then the time of ImageDiff::compute and of the JSON
// report, against the baseline of merely walking both final trees once (the least any diff must do).
//
//   diff_benchmark [--synthetic-entries N] [--workdir DIR] [--runs R]
#include "BenchmarkSupport.h"
#include "ImageLoader.h"
#include "SyntheticImage.h"
#include "diff/ImageDiff.h"
#include "report/DiffReport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

namespace {

// The baseline: visit every present path of both final filesystems once.
int64_t walkBoth(const ballast::Image &a, const ballast::Image &b)
{
    int64_t visited = 0;
    for (const ballast::Image *image : { &a, &b }) {
        const int last = int(image->layers.size()) - 1;
        for (ballast::MergedTree::NodeId n = 1; n < image->tree.nodeCount(); ++n)
            visited += image->tree.existsAfter(n, last) ? int64_t(image->tree.name(n).size()) : 0;
    }
    return visited;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int64_t entries = 600000;
    int runs = 5;
    QString workdir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--synthetic-entries"))
            entries = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--workdir"))
            workdir = args[++i];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[++i].toInt();
    }
    QTemporaryDir temp;
    if (workdir.isEmpty())
        workdir = temp.path();
    QStringList paths;
    for (uint64_t seed : { 42u, 43u }) {
        const QString path
            = QDir(workdir).filePath(QStringLiteral("synthetic-%1-seed%2.docker.tar").arg(entries).arg(seed));
        if (!QFile::exists(path))
            writeSyntheticDockerArchive(path, 8, entries, seed);
        paths << path;
    }
    auto a = ballast::ImageLoader().load(paths[0]);
    auto b = ballast::ImageLoader().load(paths[1]);
    std::vector<double> diffTimes, reportTimes, walkTimes;
    size_t rows = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        volatile int64_t sink = walkBoth(*a, *b);
        (void)sink;
        walkTimes.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const auto diff = ballast::ImageDiff::compute(a, b);
        diffTimes.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        rows = ballast::diffJson(diff)["files"].size();
        reportTimes.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("A: %zu paths, B: %zu paths (%lld entries each image)\n", size_t(a->tree.finalEntryCount()),
        size_t(b->tree.finalEntryCount()), static_cast<long long>(entries));
    std::printf("ImageDiff::compute: median %.1f ms over %d runs\n", median(diffTimes), runs);
    std::printf("  baseline, walking both final trees once: median %.1f ms\n", median(walkTimes));
    std::printf("JSON report of %zu differing paths: median %.1f ms\n", rows, median(reportTimes));
    return 0;
}
