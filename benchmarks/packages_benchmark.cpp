// Bytes per package benchmark: what attributing every file to a package costs beside loading the
// image it comes from, both timed in each run, one after the other, on a warm page cache.
//
//   packages_benchmark [--entries N] [--runs R] [--workdir DIR]
//
// It writes the synthetic uncompressed docker archive (8 layers, default 600 000 entries) with a dpkg
// database in layer 0 that lists every file of that layer (status and one .list per package), loads
// it (digests verified, the databases kept as the layers stream by) and runs attributePackages on the
// result. Per run it prints the load, the attribution and their ratio, the number of packages and of
// files the databases list, then the medians.
#include "BenchmarkSupport.h"
#include "ImageLoader.h"
#include "SyntheticImage.h"
#include "packages/PackageAttribution.h"
#include "util/LoadError.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int64_t entries = 600000;
    int runs = 5;
    QString workdir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--entries"))
            entries = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--workdir"))
            workdir = args[i + 1];
    }
    QTemporaryDir scratch(workdir.isEmpty() ? QDir::tempPath() + QStringLiteral("/packages-bench-XXXXXX")
                                            : workdir + QStringLiteral("/packages-bench-XXXXXX"));
    const QString path = scratch.filePath(QStringLiteral("synthetic-dpkg.tar"));
    const SyntheticImageFigures written = writeSyntheticDockerArchive(path, 8, entries, 42, true);
    std::printf("image: %lld entries (database files included), %.1f MB, 8 layers\n",
        static_cast<long long>(written.entries), written.archiveBytes / 1e6);

    ballast::ImageLoader loader;
    try {
        (void)loader.load(path); // warms the page cache; not timed
        std::vector<double> loads, attributions;
        for (int run = 1; run <= runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const auto image = loader.load(path);
            const double load = timer.nsecsElapsed() / 1e9;
            timer.restart();
            const ballast::PackageReport report = ballast::attributePackages(*image);
            const double attribution = timer.nsecsElapsed() / 1e9;
            int64_t listedFiles = 0;
            for (const ballast::InstalledPackage &package : report.packages)
                listedFiles += package.fileCount();
            loads.push_back(load);
            attributions.push_back(attribution);
            std::printf("run %d: load %.3f s, attribution %.1f ms (%.1f %% of the load), %zu packages owning %lld "
                        "files, %lld bytes of no package\n",
                run, load, attribution * 1e3, 100 * attribution / load, report.packages.size(),
                static_cast<long long>(listedFiles), static_cast<long long>(report.unpackagedBytes));
        }
        std::printf("median: load %.3f s, attribution %.1f ms (%.1f %%)\n", median(loads), median(attributions) * 1e3,
            100 * median(attributions) / median(loads));
    } catch (const ballast::LoadError &error) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error.message()));
        return 1;
    }
    return 0;
}
