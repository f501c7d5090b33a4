// Treemap benchmark: a synthetic tree of 1 000 000 files (100 × 100 directories of 100
// files, sizes spread over six orders of magnitude) built in memory, then
//  - weights + layout + hit grid + colours + first paint at 1600×1000 (median of the runs), with the
//    layout alone again once the per-scope weights are cached (a zoom or a resize);
//  - hit-testing: mean time over 100 000 random points;
//  - memory of the layout per drawn tile (tiles, small-files records and the hit grid);
//  - the number of tiles drawn;
//  - the same through a TreemapView: a new scope until its frame is shown and painted.
// Baselines measured in the same run: the same layout without the minimum tile size (every file a
// tile of its own, as a naive treemap draws it), and hit-testing by scanning every tile.
//
//   treemap_benchmark [--files N] [--runs R] [--width W] [--height H] [--save PNG]
#include "models/TreeScope.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapFrame.h"
#include "treemap/TreemapView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <string>

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One layer: usr/dNN/eNN/fNNN.ext; sizes log-uniform between 10 B and 10 MB, a few of 100 MB.
std::shared_ptr<ballast::Image> syntheticImage(int64_t files)
{
    auto image = std::make_shared<ballast::Image>();
    image->sourcePath = QStringLiteral("synthetic");
    image->tags = { QStringLiteral("synthetic:treemap") };
    ballast::Layer layer;
    QRandomGenerator random(20240605);
    auto add = [&](const std::string &path, ballast::EntryType type, int64_t size) {
        ballast::LayerEntry e;
        e.pathOffset = uint32_t(layer.strings.size());
        e.pathLength = uint32_t(path.size());
        layer.strings += path;
        e.linkOffset = uint32_t(layer.strings.size());
        e.type = type;
        e.tarType = type == ballast::EntryType::Directory ? '5' : '0';
        e.size = size;
        e.mode = type == ballast::EntryType::Directory ? 0755 : 0644;
        e.contentHash = uint64_t(layer.entries.size()) * 0x9e3779b97f4a7c15ull;
        layer.size += size;
        layer.entries.push_back(e);
    };
    static const char *extensions[] = { ".so", ".py", ".pyc", ".txt", ".h", ".gz", ".png", "", ".json", ".a" };
    const int64_t perDirectory = 100;
    const int64_t directories = (files + perDirectory - 1) / perDirectory;
    const int64_t top = std::max<int64_t>(1, int64_t(std::sqrt(double(directories))));
    layer.entries.reserve(size_t(files + directories + top + 1));
    add("usr", ballast::EntryType::Directory, 0);
    int64_t made = 0;
    for (int64_t d = 0; d < top && made < files; ++d) {
        const std::string dir = "usr/d" + std::to_string(d);
        add(dir, ballast::EntryType::Directory, 0);
        for (int64_t e = 0; e < (directories + top - 1) / top && made < files; ++e) {
            const std::string sub = dir + "/e" + std::to_string(e);
            add(sub, ballast::EntryType::Directory, 0);
            for (int64_t f = 0; f < perDirectory && made < files; ++f, ++made) {
                int64_t size = int64_t(std::pow(10.0, 1.0 + random.generateDouble() * 6.0));
                if (random.bounded(20000) == 0)
                    size = 100000000;
                add(sub + "/f" + std::to_string(f) + extensions[random.bounded(10)], ballast::EntryType::File, size);
            }
        }
    }
    image->layers.push_back(std::move(layer));
    image->tree = ballast::MergedTree::build(image->layers);
    return image;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int64_t files = 1000000;
    int runs = 7, width = 1600, height = 1000;
    QString savePath;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--files"))
            files = args[++i].toLongLong();
        else if (args[i] == QLatin1String("--runs"))
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--width"))
            width = args[++i].toInt();
        else if (args[i] == QLatin1String("--height"))
            height = args[++i].toInt();
        else if (args[i] == QLatin1String("--save"))
            savePath = args[++i];
    }
    QElapsedTimer timer;
    timer.start();
    auto image = syntheticImage(files);
    auto scope = ballast::TreeScope::build(image, 0, {});
    std::printf("synthetic tree: %lld files, %zu nodes, built in %.1f s\n", (long long)image->tree.finalFileCount(),
        image->tree.nodeCount(), timer.nsecsElapsed() / 1e9);

    ballast::TreemapLayoutOptions layoutOptions;
    layoutOptions.headerHeight = float(QFontMetricsF(app.font()).height() + 3);
    ballast::TreemapRenderOptions renderOptions;
    renderOptions.font = app.font();
    const auto W = float(width), H = float(height);
    // The application has its fonts loaded long before a treemap is drawn: load them here too, so that
    // the first run does not time fontconfig's start-up.
    QFontMetricsF(renderOptions.font).horizontalAdvance(QStringLiteral("warm-up"));

    std::vector<double> total, weightsMs, layoutMs, gridMs, colorMs, paintMs, relayoutMs;
    std::shared_ptr<const ballast::TreemapLayout> layout;
    std::shared_ptr<const ballast::TreemapHitGrid> grid;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer step;
        timer.restart();
        step.start();
        auto weights = ballast::TreemapWeights::compute(scope);
        weightsMs.push_back(step.nsecsElapsed() / 1e6);
        step.restart();
        layout = ballast::TreemapLayout::build(weights, ballast::MergedTree::Root, W, H, layoutOptions);
        layoutMs.push_back(step.nsecsElapsed() / 1e6);
        step.restart();
        grid = std::make_shared<ballast::TreemapHitGrid>(*layout);
        gridMs.push_back(step.nsecsElapsed() / 1e6);
        step.restart();
        const auto colors = ballast::tileColors(*layout, ballast::TreemapColoring::FileType);
        colorMs.push_back(step.nsecsElapsed() / 1e6);
        step.restart();
        const QImage painted = ballast::renderTreemap(*layout, colors, renderOptions);
        paintMs.push_back(step.nsecsElapsed() / 1e6);
        if (run == 0 && !savePath.isEmpty())
            painted.save(savePath);
        total.push_back(timer.nsecsElapsed() / 1e6);
        step.restart();
        ballast::TreemapLayout::build(weights, ballast::MergedTree::Root, W - 1, H, layoutOptions);
        relayoutMs.push_back(step.nsecsElapsed() / 1e6);
    }
    std::printf("layout + first paint at %d×%d: median %.1f ms, slowest %.1f ms over %d runs (target < 300 ms)\n",
        width, height, median(total), *std::max_element(total.begin(), total.end()), runs);
    std::printf(
        "  weights (once per scope) %.1f ms, layout %.1f ms, hit grid %.1f ms, colours %.1f ms, paint %.1f ms\n",
        median(weightsMs), median(layoutMs), median(gridMs), median(colorMs), median(paintMs));
    std::printf("  layout again with the scope's weights cached (zoom, resize): median %.1f ms\n", median(relayoutMs));

    const size_t tiles = layout->tiles().size();
    const size_t layoutBytes = layout->memoryBytes() + grid->memoryBytes();
    std::printf(
        "tiles drawn: %zu (%zu small-files areas standing for %lld files)\n", tiles, layout->smallFiles().size(), [&] {
            long long n = 0;
            for (const auto &info : layout->smallFiles())
                n += info.files;
            return n;
        }());
    std::printf("memory per drawn tile: %.1f bytes (tiles %zu × %zu B, small-files records %zu B, hit grid %zu B; "
                "target < 100)\n",
        double(layoutBytes) / double(tiles), tiles, sizeof(ballast::Tile),
        layout->smallFiles().capacity() * sizeof(ballast::SmallFilesInfo), grid->memoryBytes());
    std::printf("  per-scope weights, shared by every layout of the scope: %.1f MB (%.1f B per node)\n",
        ballast::TreemapWeights::compute(scope)->memoryBytes() / 1e6,
        double(ballast::TreemapWeights::compute(scope)->memoryBytes()) / double(image->tree.nodeCount()));

    // Hit-testing at random points, and the same points by scanning every tile (the baseline).
    QRandomGenerator random(7);
    const int points = 100000;
    std::vector<std::pair<float, float>> at(points);
    for (auto &p : at)
        p = { float(random.generateDouble() * W), float(random.generateDouble() * H) };
    timer.restart();
    uint64_t checksum = 0;
    double worstNs = 0;
    for (const auto &[x, y] : at) {
        QElapsedTimer one;
        one.start();
        checksum += grid->tilesAt(x, y).size();
        worstNs = std::max(worstNs, double(one.nsecsElapsed()));
    }
    const double gridUs = timer.nsecsElapsed() / 1e3 / points;
    const int scanned = 2000;
    timer.restart();
    for (int i = 0; i < scanned; ++i) {
        const auto &[x, y] = at[size_t(i)];
        for (uint32_t t = uint32_t(tiles); t-- > 0;)
            if (layout->tiles()[t].isLeaf() && layout->tiles()[t].contains(x, y)) {
                checksum += t;
                break;
            }
    }
    const double scanUs = timer.nsecsElapsed() / 1e3 / scanned;
    std::printf(
        "hit-test (tile and its ancestors): mean %.2f µs, worst %.1f µs over %d random points (target < 1 ms)\n",
        gridUs, worstNs / 1e3, points);
    std::printf("  baseline, scanning every tile: mean %.1f µs over %d points (checksum %llu)\n", scanUs, scanned,
        (unsigned long long)checksum);

    // Baseline: no minimum tile size (every file drawn as its own tile).
    ballast::TreemapLayoutOptions naive = layoutOptions;
    naive.minimumArea = 0;
    naive.minimumSide = 0;
    auto weights = ballast::TreemapWeights::compute(scope);
    std::vector<double> naiveMs;
    size_t naiveTiles = 0;
    for (int run = 0; run < std::max(1, runs / 2); ++run) {
        timer.restart();
        auto all = ballast::TreemapLayout::build(weights, ballast::MergedTree::Root, W, H, naive);
        ballast::TreemapHitGrid naiveGrid(*all);
        const QImage painted = ballast::renderTreemap(
            *all, ballast::tileColors(*all, ballast::TreemapColoring::FileType), renderOptions);
        naiveMs.push_back(timer.nsecsElapsed() / 1e6);
        naiveTiles = all->tiles().size();
    }
    std::printf(
        "  baseline, no minimum tile size: layout + paint median %.1f ms, %zu tiles\n", median(naiveMs), naiveTiles);

    // The same through the widget: a new scope → worker thread → frame shown and the canvas painted.
    ballast::TreemapView view;
    view.resize(width, height + 60);
    view.show();
    QCoreApplication::processEvents();
    std::vector<double> viewMs;
    for (int run = 0; run < runs; ++run) {
        auto fresh = ballast::TreeScope::build(image, 0, {}, &scope->snapshot); // a new scope: no cached weights
        timer.restart();
        view.setScope(fresh);
        while (view.isBusy() || !view.frame())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        view.canvas()->repaint();
        viewMs.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("TreemapView, new scope -> shown (canvas %d×%d): median %.1f ms, slowest %.1f ms over %d runs\n",
        view.canvas()->width(), view.canvas()->height(), median(viewMs),
        *std::max_element(viewMs.begin(), viewMs.end()), runs);
    return 0;
}
