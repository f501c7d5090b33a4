// The Files tab's filters as a person uses them, on the real main window (offscreen), with
// expectations from the sample's expected.json (SampleOracle.h) and its Dockerfile:
// - a search opens and selects its matches, and F3 / Shift+F3 step through them;
#include "UiTestSupport.h"

#include "panes/DetailsPane.h"
#include "treemap/TreemapView.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTabWidget>

using namespace ballast;
using namespace uitest;

namespace {
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
    QString current() const { return pathOf(treeView()->currentIndex()); }
    MergedTree::NodeId nodeOf(const char *path) const { return m_window->current().image->tree.find(path); }
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

QTEST_MAIN(TestFileFilters)
#include "test_file_filters.moc"
