// The Files tab's filters as a person uses them, on the real main window (offscreen), with
// expectations from the sample's expected.json (SampleOracle.h) and its Dockerfile:
// - a search opens and selects its matches, and F3 / Shift+F3 step through them;
// - the "filtered: …" chip on the Files and Treemap tabs and its Clear; the treemap's tooltip shares
//   and its empty map under a filter;
// - every column on screen at 1400 px;
// - the status toggles on and off, in both themes;
// - the layers table's Stored column explains a Stored larger than Size.
#include "PixelCounting.h"
#include "UiTestSupport.h"

#include "Theme.h"
#include "models/EntryText.h"
#include "panes/DetailsPane.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapView.h"
#include "util/ByteFormat.h"
#include "widgets/FilterChip.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>

using namespace ballast;
using namespace uitest;

namespace {
constexpr int Layer5Row = 7; // history: LABEL, 0, 1, ENV, 2, 3, 4, 5, …
const QString Packages = QStringLiteral("var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages");

QSet<QString> setOf(std::initializer_list<const char *> paths)
{
    QSet<QString> out;
    for (const char *path : paths)
        out.insert(QString::fromLatin1(path));
    return out;
}

} // namespace

class TestFileFilters : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(setUpWindow("test_ui_file_filters"));
        applyTheme(Theme::Light);
    }
    void init()
    {
        QVERIFY(resetToSample());
        clickTab(m_window->treemapView()); // tabs switch back and forth as a person would
        clickTab(tree());
    }
    void cleanupTestCase() { tearDownWindow(); }

    void searchOpensEveryMatchAndSelectsTheFirst();
    void findNextAndPreviousWrap();
    void searchSurvivesALayerChangeAndTheTreemap();
    void chipOnBothTabsClearsFromTheTreemap();
    void chipNamesHiddenStatusesAndClears();
    void treemapSaysWhyItIsEmpty();
    void treemapSharesAreOfTheUnfilteredParent();
    void everyColumnFitsAt1400();
    void statusTogglesLookOnAndOff();
    void storedLargerThanSizeIsExplained();

private:
    void clickTab(QWidget *page)
    {
        QTabWidget *tabs = m_window->viewTabs();
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tabs->indexOf(page)).center());
        QCOMPARE(tabs->currentWidget(), page);
    }
    void typeSearch(const QString &text)
    {
        QLineEdit *search = tree()->searchField();
        QTest::mouseClick(search, Qt::LeftButton);
        QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(search, text);
        QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->filter.search, text, LoadTimeout);
        QVERIFY(waitForTree());
    }
    void chooseMinimumSize(const QString &label)
    {
        QComboBox *minimum = comboWithItem(tree(), QStringLiteral("Any size"));
        minimum->setFocus();
        QTest::keyClick(minimum, Qt::Key_Home);
        while (minimum->currentText() != label && minimum->currentIndex() < minimum->count() - 1)
            QTest::keyClick(minimum, Qt::Key_Down);
        QCOMPARE(minimum->currentText(), label);
        QVERIFY(waitForTree());
    }
    bool waitForTreemap() const
    {
        TreemapView *map = m_window->treemapView();
        return QTest::qWaitFor(
            [&] {
                return !tree()->isBusy() && map->scope() == tree()->model()->scope() && !map->isBusy() && map->frame();
            },
            LoadTimeout);
    }
    QString current() const { return pathOf(treeView()->currentIndex()); }
    MergedTree::NodeId nodeOf(const char *path) const { return m_window->session()->current().image->tree.find(path); }
    QString matchLabel() const { return tree()->matchLabel()->text(); }
    // Every directory above `path` is open in the tree.
    bool opened(const QString &path) const
    {
        QStringList parts = path.split(QLatin1Char('/'));
        for (parts.removeLast(); !parts.isEmpty(); parts.removeLast())
            if (!treeView()->isExpanded(findPath(tree()->model(), parts.join(QLatin1Char('/')))))
                return false;
        return true;
    }
    // The treemap's tooltip over the tile drawing `path`.
    QString treemapTip(const char *path) const
    {
        TreemapCanvas *canvas = m_window->treemapView()->canvas();
        const auto &tiles = canvas->frame()->layout->tiles();
        for (uint32_t i = 0; i < tiles.size(); ++i)
            if (tiles[i].node == nodeOf(path) && tiles[i].kind != TileKind::SmallFiles)
                return toolTipAt(canvas, canvas->toWidget(tiles[i]).center().toPoint());
        return QStringLiteral("(no tile for %1)").arg(QLatin1String(path));
    }
};

// Typing `apt` matches two directories (layer 3 of the Dockerfile made /var/cache/apt and
// /var/lib/apt): both are opened to and the first row of them is selected; each keeps its contents.
void TestFileFilters::searchOpensEveryMatchAndSelectsTheFirst()
{
    QTest::mouseClick(toolButton(tree(), QStringLiteral("Collapse all")), Qt::LeftButton);
    typeSearch(QStringLiteral("apt"));
    oracle::Filter apt;
    apt.search = QStringLiteral("apt");
    QCOMPARE(m_sample.searchHits(6, apt), setOf({ "var/cache/apt", "var/lib/apt" }));
    for (const QString &hit : m_sample.searchHits(6, apt))
        QVERIFY2(opened(hit), qPrintable(hit));
    // Sorted by size, /var/lib (the 1.4 MB package list) comes before /var/cache (its .debs are deleted).
    QVERIFY(m_sample.bytes(6, QStringLiteral("var/lib")) > m_sample.bytes(6, QStringLiteral("var/cache")));
    QCOMPARE(current(), QStringLiteral("var/lib/apt"));
    QCOMPARE(matchLabel(), QStringLiteral("1 of 2 matches"));
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("/var/lib/apt")));
    QCOMPARE(tree()->searchField()->text(), QStringLiteral("apt")); // typing was not interrupted
    QCOMPARE(QApplication::focusWidget(), tree()->searchField());

    // A matched directory keeps its contents: after Expand all each has its arrow and its files.
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, apt));
    QVERIFY(allPaths(tree()->model()).contains(Packages));
    QVERIFY(allPaths(tree()->model())
                .contains(QStringLiteral("var/cache/apt/archives/libdemo1_1.0-1_amd64.deb"))); // removed by layer 6
    QTest::mouseClick(toolButton(tree(), QStringLiteral("Expand all")), Qt::LeftButton);
    for (const QString &hit : m_sample.searchHits(6, apt)) {
        const QModelIndex index = findPath(tree()->model(), hit);
        QVERIFY2(tree()->model()->hasChildren(index) && treeView()->isExpanded(index), qPrintable(hit));
    }
    QVERIFY(treeView()->visualRect(findPath(tree()->model(), Packages)).isValid());
}

void TestFileFilters::findNextAndPreviousWrap()
{
    typeSearch(QStringLiteral("apt"));
    QCOMPARE(current(), QStringLiteral("var/lib/apt"));
    pressOnWindow(Qt::Key_F3);
    QCOMPARE(current(), QStringLiteral("var/cache/apt"));
    QCOMPARE(matchLabel(), QStringLiteral("2 of 2 matches"));
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("/var/cache/apt")));
    pressOnWindow(Qt::Key_F3); // wraps to the first
    QCOMPARE(current(), QStringLiteral("var/lib/apt"));
    QCOMPARE(matchLabel(), QStringLiteral("1 of 2 matches"));
    pressOnWindow(Qt::Key_F3, Qt::ShiftModifier); // and back over the start to the last
    QCOMPARE(current(), QStringLiteral("var/cache/apt"));
    QCOMPARE(matchLabel(), QStringLiteral("2 of 2 matches"));
    // Enter in the search field is Find Next too.
    QTest::keyClick(tree()->searchField(), Qt::Key_Return);
    QCOMPARE(current(), QStringLiteral("var/lib/apt"));

    // `build` matches the removed /tmp/build and /var/log/build.log. By size /var (1.4 MB) comes before
    // /tmp (0 B: what layer 6 removed is not counted in it); by name /tmp comes first. The list of
    // matches follows the order the rows are sorted in.
    typeSearch(QStringLiteral("build"));
    oracle::Filter build;
    build.search = QStringLiteral("build");
    QCOMPARE(m_sample.searchHits(6, build), setOf({ "tmp/build", "var/log/build.log" }));
    QVERIFY(m_sample.bytes(6, QStringLiteral("var")) > m_sample.bytes(6, QStringLiteral("tmp")));
    QCOMPARE(current(), QStringLiteral("var/log/build.log"));
    QCOMPARE(matchLabel(), QStringLiteral("1 of 2 matches"));
    QHeaderView *header = treeView()->header();
    auto clickHeader = [header](int column) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(column) + 10, header->height() / 2));
    };
    clickHeader(FileTreeModel::NameColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QVERIFY(waitForTree());
    QCOMPARE(current(), QStringLiteral("var/log/build.log")); // the selection stays
    QCOMPARE(matchLabel(), QStringLiteral("2 of 2 matches"));
    pressOnWindow(Qt::Key_F3);
    QCOMPARE(current(), QStringLiteral("tmp/build"));
    QCOMPARE(matchLabel(), QStringLiteral("1 of 2 matches"));
    clickHeader(FileTreeModel::SizeColumn); // ascending, then back to the default: largest first
    clickHeader(FileTreeModel::SizeColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(waitForTree());
}

// Search, then another layer, then the Treemap tab and back: the selection, the opened matches and
// the chip follow.
void TestFileFilters::searchSurvivesALayerChangeAndTheTreemap()
{
    typeSearch(QStringLiteral("apt"));
    pressOnWindow(Qt::Key_F3);
    QCOMPARE(current(), QStringLiteral("var/cache/apt"));
    QTest::mouseClick(toolButton(tree(), QStringLiteral("Collapse all")), Qt::LeftButton);

    clickIndex(layersView(), layersView()->model()->index(Layer3Row, LayerTableModel::CommandColumn));
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->layer, 3, LoadTimeout);
    QVERIFY(waitForTree());
    oracle::Filter apt;
    apt.search = QStringLiteral("apt");
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(3, apt));
    QCOMPARE(m_sample.searchHits(3, apt), setOf({ "var/cache/apt", "var/lib/apt" }));
    for (const QString &hit : m_sample.searchHits(3, apt))
        QVERIFY2(opened(hit), qPrintable(hit)); // opened again in the new layer
    QCOMPARE(current(), QStringLiteral("var/cache/apt")); // still shown, so still selected
    QCOMPARE(matchLabel(), QStringLiteral("2 of 2 matches"));
    QCOMPARE(tree()->filterChip()->text(), QStringLiteral("filtered: search 'apt' · Clear"));
    QVERIFY(tree()->filterChip()->isVisible());

    clickTab(m_window->treemapView());
    QVERIFY(waitForTreemap());
    TreemapView *map = m_window->treemapView();
    QCOMPARE(map->scope()->layer, 3);
    QVERIFY(map->filterChip()->isVisible());
    QCOMPARE(map->filterChip()->text(), QStringLiteral("filtered: search 'apt' · Clear"));
    QCOMPARE(map->selectedNode(), nodeOf("var/cache/apt"));
    saveGrab(m_window.get(), QStringLiteral("filters-treemap-search.png"));

    clickTab(tree());
    QCOMPARE(current(), QStringLiteral("var/cache/apt"));
    QCOMPARE(matchLabel(), QStringLiteral("2 of 2 matches"));
    QVERIFY(tree()->filterChip()->isVisible());
    pressOnWindow(Qt::Key_F3);
    QCOMPARE(current(), QStringLiteral("var/lib/apt"));
}

// "filtered: ≥ 1 MB, search 'apt' · Clear" on the Files and the Treemap tab; Clear on the treemap
// shows the whole tree again.
void TestFileFilters::chipOnBothTabsClearsFromTheTreemap()
{
    QVERIFY(!tree()->filterChip()->isVisible());
    chooseMinimumSize(QStringLiteral("≥ 1 MB"));
    typeSearch(QStringLiteral("apt"));
    oracle::Filter filter;
    filter.minimumBytes = 1000000;
    filter.search = QStringLiteral("apt");
    QCOMPARE(m_sample.searchHits(6, filter), setOf({ "var/lib/apt" })); // /var/cache/apt holds 0 B now
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, filter));
    QCOMPARE(matchLabel(), QStringLiteral("1 of 1 match"));
    const QString chip = QStringLiteral("filtered: ≥ 1 MB, search 'apt' · Clear");
    QVERIFY(tree()->filterChip()->isVisible());
    QCOMPARE(tree()->filterChip()->text(), chip);
    saveGrab(m_window.get(), QStringLiteral("filters-files-light.png"));
    applyTheme(Theme::Dark);
    QTest::qWait(50);
    saveGrab(m_window.get(), QStringLiteral("filters-files-dark.png"));

    clickTab(m_window->treemapView());
    TreemapView *map = m_window->treemapView();
    QVERIFY(waitForTreemap());
    QVERIFY(map->filterChip()->isVisible());
    QCOMPARE(map->filterChip()->text(), chip);
    saveGrab(m_window.get(), QStringLiteral("filters-treemap-dark.png"));
    applyTheme(Theme::Light);
    QTest::qWait(50); // the map is drawn again in the light colours
    QVERIFY(waitForTreemap());
    saveGrab(m_window.get(), QStringLiteral("filters-treemap-light.png"));

    QTest::mouseClick(map->filterChip()->clearButton(), Qt::LeftButton);
    QVERIFY(waitForTree());
    QCOMPARE(tree()->model()->scope()->filter, TreeFilter {});
    QCOMPARE(tree()->searchField()->text(), QString());
    QCOMPARE(comboWithItem(tree(), QStringLiteral("Any size"))->currentText(), QStringLiteral("Any size"));
    QVERIFY(waitForTreemap());
    QVERIFY(!map->filterChip()->isVisible());
    QCOMPARE(map->scope()->filter, TreeFilter {});
    clickTab(tree());
    QVERIFY(!tree()->filterChip()->isVisible());
    QCOMPARE(matchLabel(), QString());
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, {}));
    QCOMPARE(allPaths(tree()->model()).size(), 336); // 329 final paths and the 7 layer 6 removed
}

void TestFileFilters::chipNamesHiddenStatusesAndClears()
{
    QTest::mouseClick(tree()->statusButton(NodeStatus::Unchanged), Qt::LeftButton);
    QTest::mouseClick(tree()->statusButton(NodeStatus::Removed), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tree()->model()->scope()->filter.showRemoved, LoadTimeout);
    QVERIFY(waitForTree());
    QVERIFY(tree()->filterChip()->isVisible());
    QCOMPARE(tree()->filterChip()->text(), QStringLiteral("filtered: hiding removed, unchanged · Clear"));
    // Layer changes only is a view of the layer, not a filter: Clear keeps it.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QVERIFY(waitForTree());
    QTest::mouseClick(tree()->filterChip()->clearButton(), Qt::LeftButton);
    QVERIFY(waitForTree());
    QVERIFY(tree()->statusButton(NodeStatus::Unchanged)->isChecked());
    QVERIFY(tree()->statusButton(NodeStatus::Removed)->isChecked());
    QCOMPARE(tree()->model()->scope()->filter.mode, TreeMode::LayerChanges);
    QVERIFY(!tree()->filterChip()->isVisible());
    oracle::Filter changes;
    changes.aggregated = false;
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, changes));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QVERIFY(waitForTree());
}

// A search that matches nothing: the treemap says so and offers Clear, instead of "Nothing to draw".
void TestFileFilters::treemapSaysWhyItIsEmpty()
{
    typeSearch(QStringLiteral("no-such-file"));
    QCOMPARE(matchLabel(), QStringLiteral("no match"));
    QCOMPARE(tree()->model()->rowCount(), 0);
    clickTab(m_window->treemapView());
    TreemapView *map = m_window->treemapView();
    QVERIFY(waitForTreemap());
    QVERIFY(map->frame()->layout->tiles().empty());
    FilteredOutNote *note = map->filteredOutNote();
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("No file matches the filter (search 'no-such-file')"));
    saveGrab(m_window.get(), QStringLiteral("filters-treemap-empty.png"));
    QTest::mouseClick(note->clearButton(), Qt::LeftButton);
    QVERIFY(waitForTree());
    QCOMPARE(tree()->searchField()->text(), QString());
    QVERIFY(waitForTreemap());
    QVERIFY(!map->frame()->layout->tiles().empty());
    QVERIFY(!note->isVisible());
    QVERIFY(!map->filterChip()->isVisible());
}

// Layer 5 (the Dockerfile's "build" step) wrote /tmp/build/obj/app.o (4 194 304 bytes) and version.o
// (32 768 bytes). With a 1 MB minimum only app.o is drawn, yet it is 99.2 % of its directory, not 100 %.
void TestFileFilters::treemapSharesAreOfTheUnfilteredParent()
{
    clickIndex(layersView(), layersView()->model()->index(Layer5Row, LayerTableModel::CommandColumn));
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->layer, 5, LoadTimeout);
    chooseMinimumSize(QStringLiteral("≥ 1 MB"));
    clickTab(m_window->treemapView());
    QVERIFY(waitForTreemap());
    const qint64 appO = m_sample.bytes(5, QStringLiteral("tmp/build/obj/app.o"));
    const qint64 obj = m_sample.bytes(5, QStringLiteral("tmp/build/obj"));
    qint64 image = 0; // the filesystem after layer 5: every regular file's bytes
    for (const auto &[path, entry] : m_sample.after(5))
        if (entry.type == QLatin1String("file"))
            image += entry.size;
    QCOMPARE(formatBytes(image), QStringLiteral("25.0 MB")); // the Total column of layer 5
    QCOMPARE(appO, qint64(4194304));
    QCOMPARE(obj, qint64(4194304 + 32768));
    const QString ofImage = QLocale().toString(100.0 * double(appO) / double(image), 'f', 1);
    QString tip = treemapTip("tmp/build/obj/app.o");
    QVERIFY2(tip.contains(QStringLiteral("4.19 MB, %1 % of the image").arg(ofImage)), qPrintable(tip));
    // The directory: its own size and share, and what the filter leaves of it.
    // (A directory's tile lies under its children's, so its tooltip is read by tile.)
    TreemapCanvas *canvas = m_window->treemapView()->canvas();
    const auto &tiles = canvas->frame()->layout->tiles();
    for (uint32_t i = 0; i < tiles.size(); ++i)
        if (tiles[i].node == nodeOf("tmp"))
            tip = canvas->toolTipFor(i);
    QVERIFY2(tip.contains(QStringLiteral("4.23 MB, %1 % of the image")
                              .arg(QLocale().toString(100.0 * double(obj) / double(image), 'f', 1))),
        qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("the filter shows 4.19 MB of it")), qPrintable(tip));

    // Zoomed into /tmp/build/obj (double-click the file): 4 194 304 / 4 227 072 = 99.2 %.
    QPoint at;
    for (const Tile &t : tiles)
        if (t.node == nodeOf("tmp/build/obj/app.o"))
            at = canvas->toWidget(t).center().toPoint();
    doubleClick(canvas, at);
    QTRY_COMPARE(m_window->treemapView()->zoomRoot(), nodeOf("tmp/build/obj"));
    QVERIFY(waitForTreemap());
    tip = treemapTip("tmp/build/obj/app.o");
    QCOMPARE(QLocale().toString(100.0 * double(appO) / double(obj), 'f', 1), QStringLiteral("99.2"));
    QVERIFY2(tip.contains(QStringLiteral("4.19 MB, 99.2 % of /tmp/build/obj")), qPrintable(tip));
    QTest::keyClick(canvas, Qt::Key_Backspace);
}

// At 1400 px every column of the file tree is on screen, and the columns still resize by hand.
void TestFileFilters::everyColumnFitsAt1400()
{
    // The window at 1400 px with the panes as a first start divides it (restoreSettings: 45 % | 55 %).
    m_window->resize(1400, 900);
    auto *workspace = qobject_cast<QSplitter *>(m_window->viewTabs()->parentWidget());
    QVERIFY(workspace);
    QTRY_COMPARE(m_window->width(), 1400);
    workspace->setSizes({ 1400 * 45 / 100, 1400 * 55 / 100 });
    QTest::qWait(50);
    QHeaderView *header = treeView()->header();
    const int viewport = treeView()->viewport()->width();
    // The Files tab's share of 1400 px (at least the width of its row of controls, about 880 px).
    QVERIFY2(viewport > 500 && viewport < 1000, qPrintable(QString::number(viewport)));
    for (int column = 0; column < FileTreeModel::ColumnCount; ++column) {
        const int left = header->sectionViewportPosition(column), size = header->sectionSize(column);
        const QString title = tree()->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(left >= 0 && left + size <= viewport,
            qPrintable(QStringLiteral("%1: %2 + %3 > %4").arg(title).arg(left).arg(size).arg(viewport)));
        QVERIFY2(size >= header->fontMetrics().horizontalAdvance(title), qPrintable(title)); // its title is readable
    }
    QVERIFY(header->sectionSize(FileTreeModel::NameColumn) >= 150);
    saveGrab(tree(), QStringLiteral("files-columns-1400.png"));

    // Drag the border between Name and Size 60 px to the left: Name narrows, and stays so on resize.
    const int nameWidth = header->sectionSize(FileTreeModel::NameColumn);
    const int border = header->sectionViewportPosition(FileTreeModel::SizeColumn) - 1;
    const int y = header->height() / 2;
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(border, y));
    QTest::mouseMove(header->viewport(), QPoint(border - 30, y));
    QTest::mouseMove(header->viewport(), QPoint(border - 60, y));
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(border - 60, y));
    QCOMPARE(header->sectionSize(FileTreeModel::NameColumn), nameWidth - 60);
    m_window->resize(1500, 900);
    QTest::qWait(50);
    QCOMPARE(header->sectionSize(FileTreeModel::NameColumn), nameWidth - 60);
    m_window->resize(1400, 900);
}

// On: tinted with the status colour and a ticked box; off: no trace of it. In light and dark themes.
void TestFileFilters::statusTogglesLookOnAndOff()
{
    for (Theme theme : { Theme::Light, Theme::Dark }) {
        applyTheme(theme);
        QTest::qWait(20);
        for (NodeStatus status :
            { NodeStatus::Added, NodeStatus::Modified, NodeStatus::Removed, NodeStatus::Unchanged }) {
            QToolButton *toggle = tree()->statusButton(status);
            const QColor accent = statusColor(status, QApplication::palette());
            QVERIFY(toggle->isChecked());
            const QImage on = toggle->grab().toImage();
            QTest::mouseClick(toggle, Qt::LeftButton);
            QVERIFY(!toggle->isChecked());
            QVERIFY(waitForTree());
            QTest::mouseMove(tree()->searchField()); // not hovered while grabbed
            const QImage off = toggle->grab().toImage();
            const int box = toggle->fontMetrics().height() * 3 / 4;
            const QString what
                = toggle->text() + (theme == Theme::Dark ? QStringLiteral(" (dark)") : QStringLiteral(" (light)"));
            QVERIFY2(pixelsNear(on, accent) >= box * box / 2,
                qPrintable(what + QStringLiteral(": on, %1 pixels of its colour").arg(pixelsNear(on, accent))));
            QVERIFY2(pixelsNear(off, accent) <= 2,
                qPrintable(what + QStringLiteral(": off, %1 pixels of its colour").arg(pixelsNear(off, accent))));
            if (status == NodeStatus::Modified) // Added and Modified off, Removed and Unchanged on
                saveGrab(tree(),
                    theme == Theme::Dark ? QStringLiteral("toggles-dark.png") : QStringLiteral("toggles-light.png"));
        }
        for (NodeStatus status :
            { NodeStatus::Added, NodeStatus::Modified, NodeStatus::Removed, NodeStatus::Unchanged })
            QTest::mouseClick(tree()->statusButton(status), Qt::LeftButton);
        QVERIFY(waitForTree());
    }
    applyTheme(Theme::Light);
}

// Stored larger than Size: the column's tooltip says why (tar headers and padding), and so does the
// cell, with its figures: the sample's layer 1 (277 symlinks, 0 B of files, 3 946 bytes of gzip) and
// a docker-archive's uncompressed layer (tests/data/real/entry-types: 9 entries, 25 B of files).
void TestFileFilters::storedLargerThanSizeIsExplained()
{
    QHeaderView *header = layersView()->horizontalHeader();
    const QPoint storedHeader(header->sectionViewportPosition(LayerTableModel::StoredColumn) + 5, header->height() / 2);
    const QString columnTip = toolTipAt(header->viewport(), storedHeader);
    QVERIFY2(columnTip.contains(QLatin1String("512-byte header for every entry"))
            && columnTip.contains(QLatin1String("Stored is larger than Size for an uncompressed layer")),
        qPrintable(columnTip));

    auto cellTip = [this](int layer) {
        const QAbstractItemModel *model = layersView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(LayerTableModel::LayerRole).toInt() == layer) {
                const QModelIndex index = model->index(row, LayerTableModel::StoredColumn);
                layersView()->scrollTo(index);
                return toolTipAt(layersView()->viewport(), layersView()->visualRect(index).center());
            }
        return QString();
    };
    const QJsonArray sampleLayers = m_sample.json[QStringLiteral("layers")].toArray();
    QCOMPARE(sampleLayers[1].toObject()[QStringLiteral("sizeBytes")].toInt(), 0);
    QCOMPARE(sampleLayers[1].toObject()[QStringLiteral("entryCount")].toInt(), 277);
    QCOMPARE(m_sample.json[QStringLiteral("archives")][0][QStringLiteral("layers")][1][QStringLiteral("size")].toInt(),
        3946);
    QString tip = cellTip(1);
    QVERIFY2(tip.startsWith(QLatin1String("3.95 kB stored for 0 B of files in 277 entries. Even compressed with gzip")),
        qPrintable(tip));
    tip = cellTip(5); // 21.1 MB of files in 195 kB: no explaining needed, the instruction as before
    QVERIFY2(tip.startsWith(QLatin1String("/bin/sh -c mkdir -p /tmp/build/obj")), qPrintable(tip));

    const QString docker = QStringLiteral(BALLAST_SOURCE_DIR "/tests/data/real/entry-types/entry-types.docker.tar");
    QFile expectedFile(QStringLiteral(BALLAST_SOURCE_DIR "/tests/data/real/entry-types/expected.json"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    const QJsonObject layer0 = expected[QStringLiteral("layers")][0].toObject();
    QCOMPARE(layer0[QStringLiteral("sizeBytes")].toInt(), 25);
    QCOMPARE(layer0[QStringLiteral("entryCount")].toInt(), 9);
    QCOMPARE(
        expected[QStringLiteral("archives")][0][QStringLiteral("layers")][0][QStringLiteral("compression")].toString(),
        QStringLiteral("none"));
    const qint64 stored = 8704; // `tar -tvf entry-types.docker.tar`: 4f1224b1….tar, the first layer's blob
    m_window->session()->open(docker);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session()->currentSource() == docker && m_window->session()->current().image, LoadTimeout);
    QVERIFY(waitForTree());
    tip = cellTip(0);
    QCOMPARE(tip,
        QStringLiteral("%1 stored for 25 B of files in 9 entries. The layer is stored uncompressed, as a plain tar: a "
                       "512-byte header for every entry and every file padded to a multiple of 512 bytes come on top "
                       "of the files' bytes.")
            .arg(formatBytes(stored)));
}

QTEST_MAIN(TestFileFilters)
#include "test_file_filters.moc"
