// FileTreeModel and LayerTableModel on the committed sample image: Qt's model tester for many scopes,
// and what the models show compared with what resources/sample/expected.json says (SampleOracle.h).
#include "UiTestSupport.h"

#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"
#include "models/FileTreeModel.h"
#include "models/LayerTableModel.h"
#include "util/ByteFormat.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStandardPaths>
#include <QTest>
#include <functional>

using namespace ballast;
using namespace uitest;

Q_DECLARE_METATYPE(ballast::NodeStatus)

namespace {

NodeStatus toNodeStatus(oracle::Status s)
{
    return NodeStatus(int(s));
} // same order by construction

struct NamedFilter {
    const char *name;
    oracle::Filter filter;
};

const std::vector<NamedFilter> &namedFilters()
{
    auto make = [](auto change) {
        oracle::Filter f;
        change(f);
        return f;
    };
    static const std::vector<NamedFilter> filters {
        { "everything", {} },
        { "hide unchanged", make([](auto &f) { f.showUnchanged = false; }) },
        { "removed only", make([](auto &f) { f.showAdded = f.showModified = f.showUnchanged = false; }) },
        { "search build", make([](auto &f) { f.search = QStringLiteral("build"); }) },
        { "search apt (directories)", make([](auto &f) { f.search = QStringLiteral("apt"); }) },
        { "path search", make([](auto &f) { f.search = QStringLiteral("apt/LISTS/"); }) },
        { "regex", make([](auto &f) { f.search = QStringLiteral("\\.(deb|o)$"), f.regex = true; }) },
        { "invalid regex", make([](auto &f) { f.search = QStringLiteral("(["), f.regex = true; }) },
        { "min 100 kB", make([](auto &f) { f.minimumBytes = 100000; }) },
        { "min 1 MB + search", make([](auto &f) { f.minimumBytes = 1000000, f.search = QStringLiteral("app"); }) },
    };
    return filters;
}

TreeFilter toTreeFilter(const oracle::Filter &f)
{
    TreeFilter t;
    t.mode = f.aggregated ? TreeMode::Aggregated : TreeMode::LayerChanges;
    t.showAdded = f.showAdded;
    t.showModified = f.showModified;
    t.showRemoved = f.showRemoved;
    t.showUnchanged = f.showUnchanged;
    t.minimumBytes = f.minimumBytes;
    t.search = f.search;
    t.regex = f.regex;
    return t;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fileTreeScopes_data();
    void fileTreeScopes();
    void aggregatedAfterLastLayer();
    void layerChangesAtLayer6();
    void statusOfPaths_data();
    void statusOfPaths();
    void displayColumns();
    void sortBySize_data();
    void sortBySize();
    void changesModeSizesIgnoreFilter_data();
    void changesModeSizesIgnoreFilter();
    void sortByName();
    void resetAndEmptyScope();
    void scopeStopsWhenCancelled();
    void layerTable();

private:
    std::shared_ptr<FileTreeModel> modelFor(int layer, const oracle::Filter &filter);
    oracle::Sample m_sample;
    std::shared_ptr<const Image> m_image;
    std::shared_ptr<const ImageAnalysis> m_analysis;
};

void TestModels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BallastUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_ui_models"));
    m_image = ImageLoader().load(oracle::samplePath());
    m_analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*m_image));
    QCOMPARE(int(m_image->layers.size()), 7);
    QCOMPARE(m_sample.layerCount(), 7);
}

std::shared_ptr<FileTreeModel> TestModels::modelFor(int layer, const oracle::Filter &filter)
{
    auto model = std::make_shared<FileTreeModel>();
    model->setScope(TreeScope::build(m_image, layer, toTreeFilter(filter)));
    return model;
}

void TestModels::fileTreeScopes_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<bool>("aggregated");
    QTest::addColumn<int>("filterIndex");
    for (int layer = 0; layer < 7; ++layer)
        for (bool aggregated : { true, false })
            for (int f = 0; f < int(namedFilters().size()); ++f)
                QTest::addRow(
                    "layer %d, %s, %s", layer, aggregated ? "aggregated" : "changes", namedFilters()[size_t(f)].name)
                    << layer << aggregated << f;
}

// Every scope passes Qt's model tester, and shows exactly what the oracle derives from expected.json:
// the same paths, statuses and bytes; rows shown only as context (ancestors of matches) are greyed.
void TestModels::fileTreeScopes()
{
    QFETCH(int, layer);
    QFETCH(bool, aggregated);
    QFETCH(int, filterIndex);
    oracle::Filter filter = namedFilters()[size_t(filterIndex)].filter;
    filter.aggregated = aggregated;

    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto scope = TreeScope::build(m_image, layer, toTreeFilter(filter));
    model.setScope(scope);
    QCOMPARE(model.columnCount(), int(FileTreeModel::ColumnCount));

    const auto rows = shown(model);
    const QSet<QString> expected = m_sample.visible(layer, filter);
    QCOMPARE(keys(rows), expected);
    QCOMPARE(scope->visibleCount, qint64(expected.size()));
    const QSet<QString> matching = m_sample.matching(layer, filter);
    const QSet<QString> hits = m_sample.searchHits(layer, filter);
    QCOMPARE(scope->matchCount, qint64(hits.size()));
    // The hits, as paths, in the order the rows are shown depth first; each hit in bold, no other row.
    QStringList hitPaths, hitRowsInOrder;
    for (auto node : scope->hits)
        hitPaths << QString::fromStdString(m_image->tree.path(node));
    QCOMPARE(QSet<QString>(hitPaths.begin(), hitPaths.end()), hits);
    std::function<void(const QModelIndex &)> depthFirst = [&](const QModelIndex &parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const bool bold = index.data(Qt::FontRole).value<QFont>().bold();
            QCOMPARE(bold, hits.contains(pathOf(index)));
            if (bold)
                hitRowsInOrder << pathOf(index);
            depthFirst(index);
        }
    };
    depthFirst({});
    QCOMPARE(hitPaths, hitRowsInOrder);
    if (filter.search == QLatin1String("(["))
        QVERIFY(!scope->searchError.isEmpty());

    const QColor context = QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        const QString &path = it.key();
        QCOMPARE(
            NodeStatus(it.value().data(FileTreeModel::StatusRole).toInt()), toNodeStatus(m_sample.status(layer, path)));
        // Sizes: aggregated bytes, or in "layer changes" the bytes of the changed files below. Whether a
        // narrowing filter may change a directory's size is checked by changesModeSizesIgnoreFilter.
        const qint64 bytes = it.value().data(FileTreeModel::BytesRole).toLongLong();
        if (aggregated || filterIndex == 0 || !m_sample.isDirectory(layer, path)) {
            const qint64 want = aggregated ? m_sample.bytes(layer, path) : m_sample.changedBytes(layer, path);
            QVERIFY2(bytes == want, qPrintable(QStringLiteral("%1: %2, expected %3").arg(path).arg(bytes).arg(want)));
        }
        QCOMPARE(it.value().data(Qt::ToolTipRole).toString(), QLatin1Char('/') + path);
        const bool isContext = it.value().data(Qt::ForegroundRole).value<QColor>() == context;
        if (matching.contains(path) == isContext)
            QFAIL(qPrintable(
                QStringLiteral("%1: greyed %2, matches %3").arg(path).arg(isContext).arg(matching.contains(path))));
        QCOMPARE(model.indexOfNode(model.nodeAt(it.value())), it.value());
    }
    // Re-sorting a fully fetched model, watched by the tester (layoutChanged, persistent indexes).
    model.sort(FileTreeModel::NameColumn, Qt::AscendingOrder);
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(keys(shown(model)), expected);
}

void TestModels::aggregatedAfterLastLayer()
{
    oracle::Filter hideRemoved;
    hideRemoved.showRemoved = false;
    const QSet<QString> finalPaths = m_sample.finalPaths();
    QCOMPARE(finalPaths.size(), 329);
    const auto withoutRemoved = modelFor(6, hideRemoved);
    QCOMPARE(keys(shown(*withoutRemoved)), finalPaths);

    // With removed files shown (the default), layer 6's deletions appear too, as dive shows them.
    const QSet<QString> removed { QStringLiteral("tmp/build"), QStringLiteral("tmp/build/obj"),
        QStringLiteral("tmp/build/obj/app.o"), QStringLiteral("tmp/build/obj/version.o"),
        QStringLiteral("opt/app/dist/app.bin.bak"), QStringLiteral("var/cache/apt/archives/libdemo1_1.0-1_amd64.deb"),
        QStringLiteral("var/cache/apt/archives/demo-tools_2.3-1_amd64.deb") };
    const auto everything = modelFor(6, {});
    QCOMPARE(keys(shown(*everything)), finalPaths | removed);
}

void TestModels::layerChangesAtLayer6()
{
    oracle::Filter changes;
    changes.aggregated = false;
    const QSet<QString> changed { // removed by whiteouts
        QStringLiteral("tmp/build"), QStringLiteral("tmp/build/obj"), QStringLiteral("tmp/build/obj/app.o"),
        QStringLiteral("tmp/build/obj/version.o"), QStringLiteral("opt/app/dist/app.bin.bak"),
        QStringLiteral("var/cache/apt/archives/libdemo1_1.0-1_amd64.deb"),
        QStringLiteral("var/cache/apt/archives/demo-tools_2.3-1_amd64.deb"),
        // modified: appended to, sed -i, chmod
        QStringLiteral("opt/app/config/app.ini"), QStringLiteral("etc/os-release"),
        QStringLiteral("var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages")
    };
    QSet<QString> expected = changed;
    for (const QString &path : changed)
        for (const QString &parent : oracle::ancestors(path))
            expected.insert(parent);
    QCOMPARE(expected.size(), 23);
    QCOMPARE(m_sample.visible(6, changes), expected); // the oracle agrees with the README
    const auto model = modelFor(6, changes);
    const auto rows = shown(*model);
    QCOMPARE(keys(rows), expected);
    // The directories are context only: layer 6 rewrote them unchanged.
    QCOMPARE(NodeStatus(rows.value(QStringLiteral("var/cache")).data(FileTreeModel::StatusRole).toInt()),
        NodeStatus::Unchanged);
}

void TestModels::statusOfPaths_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("path");
    QTest::addColumn<NodeStatus>("status");
    const QString aptList
        = QStringLiteral("var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages");
    QTest::newRow("tmp/build removed at 6") << 6 << "tmp/build" << NodeStatus::Removed;
    QTest::newRow("app.o removed with it") << 6 << "tmp/build/obj/app.o" << NodeStatus::Removed;
    QTest::newRow("app.bin.bak removed") << 6 << "opt/app/dist/app.bin.bak" << NodeStatus::Removed;
    QTest::newRow("a .deb removed") << 6 << "var/cache/apt/archives/libdemo1_1.0-1_amd64.deb" << NodeStatus::Removed;
    QTest::newRow("app.ini modified at 6") << 6 << "opt/app/config/app.ini" << NodeStatus::Modified;
    QTest::newRow("os-release modified at 6") << 6 << "etc/os-release" << NodeStatus::Modified;
    QTest::newRow("apt list chmod at 6") << 6 << aptList << NodeStatus::Modified;
    QTest::newRow("busybox unchanged at 6") << 6 << "bin/busybox" << NodeStatus::Unchanged;
    QTest::newRow("tmp/build added at 5") << 5 << "tmp/build" << NodeStatus::Added;
    QTest::newRow("apt list added at 3") << 3 << aptList << NodeStatus::Added;
    QTest::newRow("busybox added at 0") << 0 << "bin/busybox" << NodeStatus::Added;
    QTest::newRow("app.ini added at 4") << 4 << "opt/app/config/app.ini" << NodeStatus::Added;
}

void TestModels::statusOfPaths()
{
    QFETCH(int, layer);
    QFETCH(QString, path);
    QFETCH(NodeStatus, status);
    QCOMPARE(toNodeStatus(m_sample.status(layer, path)), status); // the oracle agrees with the README
    for (bool aggregated : { true, false }) {
        if (!aggregated && status == NodeStatus::Unchanged)
            continue; // not a change: not shown in "layer changes only"

        oracle::Filter filter;
        filter.aggregated = aggregated;
        const auto model = modelFor(layer, filter);
        const auto rows = shown(*model);
        QVERIFY2(rows.contains(path), qPrintable(path));
        const QModelIndex index = rows.value(path);
        QCOMPARE(NodeStatus(index.data(FileTreeModel::StatusRole).toInt()), status);
        QCOMPARE(index.siblingAtColumn(FileTreeModel::StatusColumn).data().toString(),
            QString::fromLatin1(nodeStatusName(status)));
    }
}

void TestModels::displayColumns()
{
    const auto model = modelFor(6, {});
    const auto rows = shown(*model);
    auto cell = [&](const char *path, int column) {
        return rows.value(QString::fromLatin1(path)).siblingAtColumn(column).data();
    };
    QCOMPARE(cell("tmp/build", FileTreeModel::NameColumn).toString(), QStringLiteral("build"));
    QCOMPARE(cell("opt/app/bin/app", FileTreeModel::SizeColumn).toString(), QStringLiteral("8.39 MB"));
    QCOMPARE(cell("tmp/build/obj/app.o", FileTreeModel::SizeColumn).toString(), QStringLiteral("4.19 MB"));
    // bin holds busybox (1 982 256 bytes) and 268 symlinks of 0 bytes.
    QCOMPARE(cell("bin/busybox", FileTreeModel::ShareColumn).toString(), QStringLiteral("100.0 %"));
    QCOMPARE(
        cell("usr/local/bin/become-root", FileTreeModel::PermissionsColumn).toString(), QStringLiteral("-rwsr-xr-x"));
    QCOMPARE(cell("tmp", FileTreeModel::PermissionsColumn).toString(), QStringLiteral("drwxrwxrwt"));
    QCOMPARE(cell("var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages",
                 FileTreeModel::PermissionsColumn)
                 .toString(),
        QStringLiteral("-rw-------"));
    QCOMPARE(cell("opt/app/README.txt", FileTreeModel::OwnerColumn).toString(), QStringLiteral("1000:1000"));
    QCOMPARE(cell("opt/app/config/app.ini", FileTreeModel::LayerColumn).toInt(), 6);
    QCOMPARE(cell("opt/app/README.txt", FileTreeModel::LayerColumn).toInt(), 4);
    QCOMPARE(cell("tmp/build/obj/app.o", FileTreeModel::LayerColumn).toInt(), 5); // removed: the layer that wrote it
    QCOMPARE(cell("opt/app/dist/app.bin", FileTreeModel::LinkColumn).toString(), QStringLiteral("⇒ /opt/app/bin/app"));
    QCOMPARE(cell("usr/lib/x86_64-linux-gnu/libdemo.so.1", FileTreeModel::LinkColumn).toString(),
        QStringLiteral("→ libdemo.so.1.0"));
    QCOMPARE(cell("bin/sh", FileTreeModel::LinkColumn).toString(), QStringLiteral("→ /bin/busybox"));
    QVERIFY(!cell("bin/busybox", FileTreeModel::LinkColumn).isValid());
    QCOMPARE(model->headerData(FileTreeModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
}

void TestModels::sortBySize_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<bool>("aggregated");
    QTest::addColumn<QString>("first");
    QTest::newRow("aggregated 6") << 6 << true << "opt"; // the 8 MiB app binary
    QTest::newRow("aggregated 3") << 3 << true << "bin"; // busybox outweighs the apt list
    QTest::newRow("changes 5") << 5 << false << "opt"; // app.bin and its backup
    QTest::newRow("changes 6") << 6 << false << "opt"; // the deleted 8 MiB backup
}

// Default order: each directory's children by descending bytes (a hardlink by its target's), names
// breaking ties.
void TestModels::sortBySize()
{
    QFETCH(int, layer);
    QFETCH(bool, aggregated);
    QFETCH(QString, first);
    oracle::Filter filter;
    filter.aggregated = aggregated;
    const auto model = modelFor(layer, filter);
    const auto rows = shown(*model);
    int directories = 0;
    const QStringList directoriesAndRoot = QStringList(rows.keys()) << QString();
    for (const QString &dir : directoriesAndRoot) {
        const QModelIndex parent = dir.isEmpty() ? QModelIndex() : rows.value(dir);
        if (model->rowCount(parent) < 2)
            continue;
        ++directories;
        QStringList actual, names;
        const QString prefix = dir.isEmpty() ? QString() : dir + QLatin1Char('/');
        for (int row = 0; row < model->rowCount(parent); ++row)
            actual << model->index(row, 0, parent).data().toString();
        names = actual;
        auto size = [&](const QString &name) {
            // A hardlink shows, and sorts by, the size of the file it names (its own is 0).
            const oracle::State &state = m_sample.after(layer);
            if (const auto it = state.find(prefix + name);
                it != state.end() && it->second.type == QLatin1String("hardlink"))
                return state.at(it->second.link).size;
            return aggregated ? m_sample.bytes(layer, prefix + name) : m_sample.changedBytes(layer, prefix + name);
        };
        std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
            return size(a) != size(b) ? size(a) > size(b) : a.toUtf8() < b.toUtf8();
        });
        QCOMPARE(actual, names);
    }
    QVERIFY(directories > 1);
    QCOMPARE(model->index(0, 0).data().toString(), first);
}

void TestModels::changesModeSizesIgnoreFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<qint64>("minimumBytes");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("bytes");
    // Layer 6 removes tmp/build: obj/app.o (4 194 304 bytes) and obj/version.o (32 768 bytes).
    QTest::newRow("no filter") << QString() << qint64(0) << "tmp/build" << qint64(4227072);
    QTest::newRow("search matches the directory only") << "build" << qint64(0) << "tmp/build" << qint64(4227072);
    QTest::newRow("minimum size hides version.o") << QString() << qint64(1000000) << "tmp/build" << qint64(4227072);
}

// "Layer changes only" sizes a directory by the bytes the layer changed below it. Narrowing what is
// listed (search, minimum size) must not change that figure, as it does not in aggregated mode.
void TestModels::changesModeSizesIgnoreFilter()
{
    QFETCH(QString, search);
    QFETCH(qint64, minimumBytes);
    QFETCH(QString, path);
    QFETCH(qint64, bytes);
    oracle::Filter filter;
    filter.aggregated = false;
    filter.search = search;
    filter.minimumBytes = minimumBytes;
    QCOMPARE(m_sample.changedBytes(6, path), bytes);
    const auto model = modelFor(6, filter);
    const auto rows = shown(*model);
    QVERIFY(rows.contains(path));
    QCOMPARE(rows.value(path).data(FileTreeModel::BytesRole).toLongLong(), bytes);
}

void TestModels::sortByName()
{
    const auto model = modelFor(6, {});
    const QModelIndex bin = shown(*model).value(QStringLiteral("bin"));
    const QPersistentModelIndex busybox = shown(*model).value(QStringLiteral("bin/busybox"));
    QCOMPARE(busybox.row(), 0); // the only non-empty file in bin
    for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        model->sort(FileTreeModel::NameColumn, order);
        const auto rows = shown(*model);
        const QStringList directoriesAndRoot = QStringList(rows.keys()) << QString();
        for (const QString &dir : directoriesAndRoot) {
            const QModelIndex parent = dir.isEmpty() ? QModelIndex() : rows.value(dir);
            for (int row = 1; row < model->rowCount(parent); ++row) {
                const QByteArray a = model->index(row - 1, 0, parent).data().toString().toUtf8();
                const QByteArray b = model->index(row, 0, parent).data().toString().toUtf8();
                QVERIFY2(order == Qt::AscendingOrder ? a < b : a > b, a + " / " + b);
            }
        }
        QVERIFY(busybox.isValid());
        QCOMPARE(busybox.data().toString(), QStringLiteral("busybox")); // persistent indexes follow their node
    }
    model->sort(FileTreeModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(model->index(0, 0, bin).data().toString(), QStringLiteral("["));
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("bin"));
}

void TestModels::resetAndEmptyScope()
{
    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QVERIFY(!model.index(0, 0).isValid());
    model.setScope(TreeScope::build(m_image, 6, {}));
    shown(model);
    model.sort(FileTreeModel::NameColumn, Qt::AscendingOrder); // sorting before and after a reset
    model.setScope(TreeScope::build(m_image, 2, {}));
    QCOMPARE(keys(shown(model)), m_sample.visible(2, {}));
    model.setScope(nullptr);
    QCOMPARE(model.rowCount(), 0);
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QVERIFY(!model.indexOfNode(5).isValid());
}

void TestModels::scopeStopsWhenCancelled()
{
    // A scope a newer request superseded stops at its first look at the flag; a flag that stays down
    // changes nothing.
    std::atomic<bool> cancelled { true };
    TreeFilter search;
    search.search = QStringLiteral("os-release");
    QCOMPARE(TreeScope::build(m_image, 6, {}, nullptr, {}, &cancelled), nullptr);
    QCOMPARE(TreeScope::build(m_image, 6, search, nullptr, {}, &cancelled), nullptr);
    cancelled = false;
    const auto scope = TreeScope::build(m_image, 6, {}, nullptr, {}, &cancelled);
    QVERIFY(scope);
    QCOMPARE(scope->visibleCount, qint64(m_sample.visible(6, {}).size()));
}

void TestModels::layerTable()
{
    LayerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setImage(m_image, m_analysis);
    const QJsonArray history = m_sample.json[QStringLiteral("history")].toArray();
    QCOMPARE(history.size(), 13);
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount));

    // Layer rows: tar sizes and stored (gzip) sizes from the README's table, formatted "1.98 MB".
    const QStringList sizes { "1.98 MB", "0 B", "143 B", "1.84 MB", "805 B", "21.1 MB", "1.42 MB" };
    const QStringList stored { "1.08 MB", "3.95 kB", "489 B", "557 kB", "686 B", "195 kB", "124 kB" };
    // Layers that store bytes hidden later: os-release (2), the .debs and apt list (3), app.ini (4),
    // tmp/build and app.bin.bak (5).
    const QSet<int> waste { 2, 3, 4, 5 };
    int layer = 0;
    for (int row = 0; row < 13; ++row) {
        const QJsonObject step = history[row].toObject();
        const bool empty = step[QStringLiteral("empty_layer")].toBool();
        const QModelIndex index = model.index(row, LayerTableModel::IndexColumn);
        QCOMPARE(index.data(Qt::ToolTipRole).toString().isEmpty(), false);
        QCOMPARE(model.index(row, LayerTableModel::CommandColumn).data(Qt::ToolTipRole).toString(),
            step[QStringLiteral("created_by")].toString());
        if (empty) {
            QCOMPARE(model.layerAt(row), -1);
            QVERIFY(!(model.flags(index) & Qt::ItemIsSelectable));
            QVERIFY(model.flags(index) & Qt::ItemIsEnabled);
            QCOMPARE(model.index(row, LayerTableModel::SizeColumn).data().toString(), QString());
            QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(),
                QApplication::palette().color(QPalette::Disabled, QPalette::Text));
            continue;
        }
        QCOMPARE(model.layerAt(row), layer);
        QCOMPARE(model.rowOfLayer(layer), row);
        QVERIFY(model.flags(index) & Qt::ItemIsSelectable);
        QCOMPARE(index.data().toInt(), layer);
        QCOMPARE(model.index(row, LayerTableModel::SizeColumn).data().toString(), sizes[layer]);
        QCOMPARE(model.index(row, LayerTableModel::StoredColumn).data().toString(), stored[layer]);
        qint64 total = 0;
        for (const auto &[path, entry] : m_sample.after(layer))
            total += entry.type == QLatin1String("file") ? entry.size : 0;
        QCOMPARE(model.index(row, LayerTableModel::TotalColumn).data().toString(), formatBytes(total));
        QCOMPARE(index.data(Qt::DecorationRole).isValid(), waste.contains(layer));
        ++layer;
    }
    QCOMPARE(layer, 7);
    QCOMPARE(
        model.index(model.rowOfLayer(6), LayerTableModel::TotalColumn).data().toString(), QStringLiteral("12.1 MB"));
    QCOMPARE(model.index(model.rowOfLayer(5), LayerTableModel::SizeColumn)
                 .data(LayerTableModel::SizeFractionRole)
                 .toDouble(),
        1.0);
    QCOMPARE(model.index(model.rowOfLayer(0), LayerTableModel::SizeColumn)
                 .data(LayerTableModel::SizeFractionRole)
                 .toDouble(),
        1982256.0 / 21135398.0);
    QCOMPARE(model.index(0, LayerTableModel::CommandColumn).data().toString().left(6), QStringLiteral("LABEL "));
    QCOMPARE(model.index(2, LayerTableModel::CommandColumn).data().toString(),
        QStringLiteral("RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]"));
    QVERIFY(model.index(8, LayerTableModel::CommandColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("RUN rm -rf /tmp/build")));
    QCOMPARE(model.index(12, LayerTableModel::CommandColumn).data().toString(),
        QStringLiteral("CMD [\"/opt/app/bin/start.sh\"]"));
    model.setImage(nullptr, nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestModels)
#include "test_models.moc"
