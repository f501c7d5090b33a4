// The main window driven as a person would: mouse clicks and key presses on the real widgets
// (offscreen platform): open the sample, select layers, switch modes, filter, search, sort, navigate.
// Expectations come from the sample's expected.json (SampleOracle.h).
#include "UiTestSupport.h"

#include "panes/DetailsPane.h"
#include "widgets/LoadBanner.h"
#include "widgets/StartPage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>

using namespace ballast;
using namespace uitest;

namespace {
QString matchLabelText(FileTreePane *pane)
{
    for (QLabel *label : pane->findChildren<QLabel *>())
        if (label->text().contains(QLatin1String("match")) || label->text().startsWith(QLatin1String("invalid")))
            return label->text();
    return {};
}
} // namespace

class TestMainWindow : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(setUpWindow("test_ui_main_window")); }
    void init()
    {
        if (m_window->session()->current().image) // the first test opens it from the start page
            QVERIFY(resetToSample());
    }
    void cleanupTestCase() { tearDownWindow(); }
    void startPageOpensTheSample();
    void clickingALayerShowsIt();
    void emptyHistoryRowIsNotALayer();
    void switchModes();
    void searchShowsMatchCount();
    void unchangedToggleHidesUnchanged();
    void minimumSizeFilter();
    void sortByNameFromTheCombo();
    void clickTreeRowShowsDetails();
    void keyboardNavigationInTree();
    void ctrlFFocusesSearch();
};

void TestMainWindow::startPageOpensTheSample()
{
    auto *stack = m_window->findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget(), m_window->startPage());
    auto *recent = m_window->startPage()->findChild<QListWidget *>();
    QCOMPARE(recent->count(), 1);
    QCOMPARE(recent->item(0)->text(), QStringLiteral("(none yet)"));
    QTest::mouseClick(m_window->startPage()->sampleButton(), Qt::LeftButton);
    QVERIFY(m_window->loadBanner()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->current().image != nullptr, LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(stack->currentWidget(), m_window->layersPane()->parentWidget()->parentWidget());
    QVERIFY(!m_window->loadBanner()->isVisible());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ballast-sample:1 — Ballast"));
    QCOMPARE(layersView()->model()->rowCount(), 13);
    QCOMPARE(layersView()->currentIndex().row(), Layer6Row); // the last layer is selected
    QCOMPARE(tree()->model()->scope()->layer, 6);
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("ballast-sample:1")));
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("Findings")));
    const QString status = m_window->statusBar()->findChildren<QLabel *>().value(0)->text();
    QVERIFY2(status.contains(QLatin1String("7 layers")) && status.contains(QLatin1String("in 20 files")),
        qPrintable(status));
    // The tree opens on the heaviest path: /opt/app/bin holds the 8 MiB app.
    QVERIFY(treeView()->isExpanded(findPath(tree()->model(), QStringLiteral("opt/app/bin"))));
}

void TestMainWindow::clickingALayerShowsIt()
{
    clickIndex(layersView(), layersView()->model()->index(Layer3Row, LayerTableModel::CommandColumn));
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->layer, 3, LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(m_window->layersPane()->selectedLayer(), 3);
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("Layer 3")));
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(3, {}));
    // Keyboard: Down moves to the next history row (layer 4), Up back to layer 3.
    QTest::keyClick(layersView(), Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->layer, 4, LoadTimeout);
    QTest::keyClick(layersView(), Qt::Key_Up);
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->layer, 3, LoadTimeout);
}

// A greyed history step (ENV) is no layer: clicking it must not change what the tree and the
// details pane describe.
void TestMainWindow::emptyHistoryRowIsNotALayer()
{
    clickIndex(layersView(), layersView()->model()->index(EnvRow, LayerTableModel::CommandColumn));
    QVERIFY(!layersView()->selectionModel()->isRowSelected(EnvRow, {}));
    QTRY_VERIFY(layersView()->selectionModel()->isRowSelected(Layer6Row, {}));
    QVERIFY(waitForTree());
    QCOMPARE(tree()->model()->scope()->layer, 6);
    const QModelIndex opt = findPath(tree()->model(), QStringLiteral("opt"));
    clickIndex(treeView(), opt);
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt"));
    // The tree shows layer 6, so the details must describe /opt at layer 6 (which rewrote it).
    const QString details = m_window->detailsPane()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("unchanged")) && details.contains(QLatin1String("layer 6: written")),
        qPrintable(details));
}

void TestMainWindow::switchModes()
{
    QComboBox *mode = tree()->modeBox();
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(mode->currentText(), QStringLiteral("Layer changes only"));
    QVERIFY(waitForTree());
    QCOMPARE(tree()->model()->scope()->filter.mode, TreeMode::LayerChanges);
    oracle::Filter changes;
    changes.aggregated = false;
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, changes));
    QVERIFY(treeView()->isExpanded(
        findPath(tree()->model(), QStringLiteral("tmp/build/obj")))); // small change sets open fully

    QAction *aggregated = nullptr, *layerChanges = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == QLatin1String("&Aggregated Filesystem"))
            aggregated = action;
        if (action->text() == QLatin1String("Layer &Changes Only"))
            layerChanges = action;
    }
    QVERIFY(aggregated && layerChanges);
    QVERIFY(layerChanges->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(mode->currentText(), QStringLiteral("Aggregated"));
    QVERIFY(aggregated->isChecked());
    QVERIFY(waitForTree());
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, {}));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(mode->currentText(), QStringLiteral("Layer changes only"));
    QVERIFY(layerChanges->isChecked());
    QVERIFY(waitForTree());
    QCOMPARE(tree()->model()->scope()->filter.mode, TreeMode::LayerChanges);
}

void TestMainWindow::searchShowsMatchCount()
{
    QLineEdit *search = tree()->searchField();
    QTest::mouseClick(search, Qt::LeftButton);
    QTest::keyClicks(search, QStringLiteral("build"));
    oracle::Filter filter;
    filter.search = QStringLiteral("build");
    const int count = int(m_sample.searchHits(6, filter).size());
    QCOMPARE(count, 2); // /tmp/build (removed by layer 6) and /var/log/build.log
    // The first match is selected at once (by size, /var before /tmp: see test_file_filters).
    QTRY_COMPARE_WITH_TIMEOUT(matchLabelText(tree()), QStringLiteral("1 of 2 matches"), LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, filter));

    // A regular expression, then an invalid one.
    QTest::mouseClick(tree()->findChild<QCheckBox *>(), Qt::LeftButton);
    QTest::mouseClick(search, Qt::LeftButton);
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(search, QStringLiteral("\\.deb$"));
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->filter.search, QStringLiteral("\\.deb$"), LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(matchLabelText(tree()), QStringLiteral("1 of 2 matches")); // the two .debs layer 6 deleted
    QTest::keyClicks(search, QStringLiteral("(["));
    QTRY_VERIFY_WITH_TIMEOUT(matchLabelText(tree()).startsWith(QLatin1String("invalid")), LoadTimeout);
    QCOMPARE(tree()->model()->rowCount(), 0);

    // Clearing the field shows everything again.
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(search, Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(tree()->model()->scope()->filter.search.isEmpty(), LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(matchLabelText(tree()), QString());
    QCOMPARE(allPaths(tree()->model()).size(), 336); // 329 final paths and the 7 layer 6 removed
}

void TestMainWindow::unchangedToggleHidesUnchanged()
{
    QToolButton *unchanged = tree()->statusButton(NodeStatus::Unchanged);
    QCOMPARE(unchanged->text(), QStringLiteral("Unchanged"));
    QTest::mouseClick(unchanged, Qt::LeftButton);
    QVERIFY(!unchanged->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!tree()->model()->scope()->filter.showUnchanged, LoadTimeout);
    QVERIFY(waitForTree());
    oracle::Filter filter;
    filter.showUnchanged = false;
    const QSet<QString> shown = allPaths(tree()->model());
    QCOMPARE(shown, m_sample.visible(6, filter));
    for (const QString &path : shown) // unchanged rows remain only as the directories around a change
        if (m_sample.status(6, path) == oracle::Status::Unchanged)
            QVERIFY2(tree()->model()->hasChildren(findPath(tree()->model(), path)), qPrintable(path));
    QVERIFY(!shown.contains(QStringLiteral("bin/busybox")));
    QTest::mouseClick(unchanged, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tree()->model()->scope()->filter.showUnchanged, LoadTimeout);
}

void TestMainWindow::minimumSizeFilter()
{
    QComboBox *minimum = comboWithItem(tree(), QStringLiteral("Any size"));
    QVERIFY(minimum);
    minimum->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(minimum, Qt::Key_Down);
    QCOMPARE(minimum->currentText(), QStringLiteral("≥ 1 MB"));
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->scope()->filter.minimumBytes, qint64(1000000), LoadTimeout);
    QVERIFY(waitForTree());
    oracle::Filter filter;
    filter.minimumBytes = 1000000;
    QCOMPARE(allPaths(tree()->model()), m_sample.visible(6, filter));
    QVERIFY(allPaths(tree()->model()).contains(QStringLiteral("bin/busybox")));
    QVERIFY(!allPaths(tree()->model()).contains(QStringLiteral("etc")));
}

void TestMainWindow::sortByNameFromTheCombo()
{
    QComboBox *sort = comboWithItem(tree(), QStringLiteral("Sort by size"));
    sort->setFocus();
    QTest::keyClick(sort, Qt::Key_Down);
    QCOMPARE(sort->currentText(), QStringLiteral("Sort by name"));
    const QAbstractItemModel *model = tree()->model();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QCOMPARE(names, sorted);
    QCOMPARE(names.value(0), QStringLiteral("bin"));
    QCOMPARE(treeView()->header()->sortIndicatorSection(), int(FileTreeModel::NameColumn));
    QTest::keyClick(sort, Qt::Key_Up);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("opt"));
}

void TestMainWindow::clickTreeRowShowsDetails()
{
    const QModelIndex app = findPath(tree()->model(), QStringLiteral("opt/app/bin/app"));
    QVERIFY(app.isValid());
    for (QModelIndex up = app.parent(); up.isValid(); up = up.parent())
        treeView()->expand(up);
    clickIndex(treeView(), app);
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt/app/bin/app"));
    const QString details = m_window->detailsPane()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("/opt/app/bin/app")), qPrintable(details));
    QVERIFY(details.contains(QLatin1String("8388608 bytes")));
    // Double-clicking a collapsed directory opens it.
    const QModelIndex config = findPath(tree()->model(), QStringLiteral("opt/app/config"));
    treeView()->collapse(config);
    treeView()->scrollTo(config);
    doubleClick(treeView()->viewport(), treeView()->visualRect(config).center());
    QVERIFY(treeView()->isExpanded(config));
}

void TestMainWindow::keyboardNavigationInTree()
{
    QTest::mouseClick(toolButton(tree(), QStringLiteral("Collapse all")), Qt::LeftButton);
    clickIndex(treeView(), tree()->model()->index(0, 0));
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt"));
    QVERIFY(!treeView()->isExpanded(treeView()->currentIndex()));
    QTest::keyClick(treeView(), Qt::Key_Right); // expands
    QVERIFY(treeView()->isExpanded(treeView()->currentIndex()));
    QTest::keyClick(treeView(), Qt::Key_Down);
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt/app"));
    QTest::keyClick(treeView(), Qt::Key_Right);
    QTest::keyClick(treeView(), Qt::Key_Right); // on an expanded directory: to its first child
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt/app/bin"));
    QVERIFY(m_window->detailsPane()->toPlainText().contains(QLatin1String("/opt/app/bin")));
    QTest::keyClick(treeView(), Qt::Key_Left); // to the parent
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt/app"));
    QTest::keyClick(treeView(), Qt::Key_Left); // collapses
    QVERIFY(!treeView()->isExpanded(treeView()->currentIndex()));
    QTest::keyClick(treeView(), Qt::Key_Up);
    QTest::keyClick(treeView(), Qt::Key_Left);
    QTest::keyClick(treeView(), Qt::Key_Down);
    // Root children by size: opt (8.4 MB), bin (busybox, 2 MB), var (the 1.4 MB apt list), …
    QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("bin"));
    QTest::keyClick(treeView(), Qt::Key_End);
    QCOMPARE(treeView()->currentIndex().row(), tree()->model()->rowCount() - 1);
}

void TestMainWindow::ctrlFFocusesSearch()
{
    clickIndex(treeView(), tree()->model()->index(0, 0));
    QCOMPARE(QApplication::focusWidget(), treeView());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), tree()->searchField());
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
