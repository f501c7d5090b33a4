// GUI benchmark: on a synthetic image of 600 000 entries, the time from selecting a layer
// to the file tree showing it, and the time to expand a directory of 10 000 entries and paint it.
// The baseline printed beside them is the same layer switch with the tree's work done synchronously
// (TreeScope::build), i.e. what the worker thread keeps off the GUI thread.
//
//   QT_QPA_PLATFORM=offscreen gui_benchmark [--synthetic-entries N] [--workdir DIR]
#include "BenchmarkSupport.h"
#include "MainWindow.h"
#include "SyntheticImage.h"
#include "models/FileTreeModel.h"
#include "panes/FileTreePane.h"
#include "panes/LayersPane.h"
#include "session/ImageSession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <algorithm>
#include <cstdio>

namespace { } // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BallastBenchmark"));
    int64_t entries = 600000;
    QString workdir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--synthetic-entries"))
            entries = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--workdir"))
            workdir = args[++i];
    }
    QTemporaryDir temp;
    if (workdir.isEmpty())
        workdir = temp.path();
    const QString image = QDir(workdir).filePath(QStringLiteral("synthetic-%1.docker.tar").arg(entries));
    if (!QFile::exists(image))
        writeSyntheticDockerArchive(image, 8, entries);

    ballast::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QElapsedTimer timer;
    timer.start();
    window.session()->open(image);
    auto *tree = window.fileTreePane();
    if (!waitFor([&] { return window.session()->current().image && !tree->isBusy() && tree->model()->scope(); })) {
        std::fprintf(stderr, "the image did not load\n");
        return 1;
    }
    std::printf("%s: loaded and shown in %.2f s (%zu nodes)\n", qPrintable(image), timer.nsecsElapsed() / 1e9,
        window.session()->current().image->tree.nodeCount());

    const int layers = int(window.session()->current().image->layers.size());
    std::vector<double> selectTimes, syncTimes;
    for (int round = 0; round < 2; ++round) {
        for (int layer = 0; layer < layers; ++layer) {
            timer.restart();
            window.layersPane()->selectLayer(layer);
            waitFor([&] { return !tree->isBusy(); });
            tree->view()->viewport()->repaint();
            selectTimes.push_back(timer.nsecsElapsed() / 1e6);
            timer.restart();
            auto scope = ballast::TreeScope::build(window.session()->current().image, layer, tree->filter());
            syncTimes.push_back(timer.nsecsElapsed() / 1e6);
        }
    }
    std::printf("select a layer → tree shown: median %.1f ms, max %.1f ms over %zu selections\n", median(selectTimes),
        *std::max_element(selectTimes.begin(), selectTimes.end()), selectTimes.size());
    std::printf("  baseline, the same scope built synchronously: median %.1f ms (done on a worker thread)\n",
        median(syncTimes));

    const auto wide = window.session()->current().image->tree.find("usr/share/wide");
    std::vector<double> expandTimes;
    for (int round = 0; round < 5; ++round) {
        window.layersPane()->selectLayer(layers - 1 - round % 2);
        waitFor([&] { return !tree->isBusy(); });
        tree->collapseAll();
        const QModelIndex index = tree->model()->indexOfNode(wide);
        if (!index.isValid()) {
            std::fprintf(stderr, "usr/share/wide is not shown\n");
            return 1;
        }
        tree->view()->scrollTo(index, QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        timer.restart();
        tree->view()->expand(index);
        tree->view()->viewport()->repaint();
        expandTimes.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("expand a directory of %d entries and paint: median %.1f ms, max %.1f ms over %zu runs\n",
        WideDirectoryEntries, median(expandTimes), *std::max_element(expandTimes.begin(), expandTimes.end()),
        expandTimes.size());
    return 0;
}
