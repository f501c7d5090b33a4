// The Packages view driven as a person would. The images are written for the test
// (DebianLikeImages.h): dpkg's database lists libc6 (1000 bytes, through the merged-/usr lib symlink)
// and bash (600) in layer 0, and curl (300) in layer 1, which also leaves a 2000-byte apt cache. Every
// figure is a fixture string's length, summed by hand there; the sample image, opened last, has no
// package database.
#include "UiTestSupport.h"

#include "DebianLikeImages.h"
#include "compare/ComparePane.h"
#include "compare/PackageChangesView.h"
#include "editor/DockerfileEditor.h"
#include "packages/PackagesModel.h"
#include "packages/PackagesView.h"
#include "util/ByteFormat.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTreeWidget>

using namespace ballast;
using namespace uitest;
using namespace debianlike;

namespace {

// The rows as shown, top to bottom: "package | version | size".
QStringList shownRows(PackagesView *view)
{
    QStringList rows;
    const QAbstractItemModel *model = view->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        rows << QStringLiteral("%1 | %2 | %3")
                    .arg(model->index(row, PackagesModel::Name).data().toString(),
                        model->index(row, PackagesModel::Version).data().toString(),
                        model->index(row, PackagesModel::Size).data().toString());
    return rows;
}

QString row(const char *name, const char *version, int64_t bytes)
{
    return QStringLiteral("%1 | %2 | %3").arg(QLatin1String(name), QLatin1String(version), formatBytes(bytes));
}

QString unpackagedRow(int64_t bytes)
{
    return QStringLiteral("(not from a package) |  | %1").arg(formatBytes(bytes));
}

QModelIndex rowNamed(PackagesView *view, const QString &name)
{
    const QAbstractItemModel *model = view->view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, PackagesModel::Name).data().toString() == name)
            return model->index(r, PackagesModel::Name);
    return {};
}

} // namespace

class TestPackagesView : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_image = writeImageA(m_dir.path());
        QVERIFY(setUpWindow("packages"));
        m_window->session()->open(m_image);
        QVERIFY(QTest::qWaitFor(
            [this] { return m_window->windowTitle().startsWith(QLatin1String("ballast/packages:1")); }, LoadTimeout));
        QVERIFY(waitForTree());
        m_view = m_window->packagesView();
        new QAbstractItemModelTester(m_view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal, m_view);
    }

    void theTabListsPackagesLargestFirst()
    {
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Packages"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(2).center());
        QCOMPARE(tabs->currentWidget(), m_view);
        QCOMPARE(shownRows(m_view),
            QStringList({ row("libc6", "2.36-9", 1000), row("bash", "5.2.15-3", 600), row("curl", "7.88.1-10", 300),
                unpackagedRow(Unpackaged) }));
        QCOMPARE(m_view->headline()->text(),
            QStringLiteral("3 packages hold %1 of the final filesystem's %2; %3 belongs to no package.")
                .arg(formatBytes(1900), formatBytes(1900 + Unpackaged), formatBytes(Unpackaged)));
        QVERIFY(!m_view->notRead()->isVisible());
    }

    void sortingKeepsTheBytesOfNoPackageLast()
    {
        QHeaderView *header = m_view->view()->horizontalHeader();
        const QPoint nameHeader(header->sectionViewportPosition(PackagesModel::Name) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, nameHeader);
        QCOMPARE(shownRows(m_view),
            QStringList({ row("bash", "5.2.15-3", 600), row("curl", "7.88.1-10", 300), row("libc6", "2.36-9", 1000),
                unpackagedRow(Unpackaged) }));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, nameHeader);
        QCOMPARE(shownRows(m_view),
            QStringList({ row("libc6", "2.36-9", 1000), row("curl", "7.88.1-10", 300), row("bash", "5.2.15-3", 600),
                unpackagedRow(Unpackaged) }));
        m_view->view()->sortByColumn(PackagesModel::Size, Qt::DescendingOrder);
    }

    void onlyTheSelectedLayer()
    {
        // One history step per layer: row 0 is layer 0, row 1 layer 1.
        clickIndex(layersView(), layersView()->model()->index(0, LayerTableModel::CommandColumn));
        QVERIFY(waitForTree());
        QCOMPARE(m_view->onlySelectedLayer()->text(), QStringLiteral("Only layer 0"));
        clickIndex(layersView(), layersView()->model()->index(1, LayerTableModel::CommandColumn));
        QVERIFY(waitForTree());
        QCOMPARE(m_view->onlySelectedLayer()->text(), QStringLiteral("Only layer 1"));
        QCOMPARE(m_view->model()->layer(), -1); // nothing narrows until asked
        QTest::mouseClick(m_view->onlySelectedLayer(), Qt::LeftButton);
        QVERIFY(m_view->onlySelectedLayer()->isChecked());
        QCOMPARE(shownRows(m_view), QStringList({ row("curl", "7.88.1-10", 300), unpackagedRow(UnpackagedInLayer1) }));
        QCOMPARE(m_view->headline()->text(),
            QStringLiteral("Layer 1 wrote %1 for 1 package; %2 of what it wrote belongs to no package.")
                .arg(formatBytes(300), formatBytes(UnpackagedInLayer1)));
        QTest::mouseClick(m_view->onlySelectedLayer(), Qt::LeftButton);
        QCOMPARE(m_view->view()->model()->rowCount(), 4);
    }

    void theFilterKeepsTheLastRow()
    {
        QTest::keyClicks(m_view->filter(), QStringLiteral("CU"));
        QCOMPARE(shownRows(m_view), QStringList({ row("curl", "7.88.1-10", 300), unpackagedRow(Unpackaged) }));
        m_view->filter()->clear();
        QCOMPARE(m_view->view()->model()->rowCount(), 4);
    }

    void pickingAPackageSelectsItsFiles()
    {
        // Back at the last layer, where every final file is in the tree.
        clickIndex(layersView(), layersView()->model()->index(1, LayerTableModel::CommandColumn));
        QVERIFY(waitForTree());
        QSignalSpy requested(m_view, &PackagesView::filesRequested);
        clickIndex(m_view->view(), rowNamed(m_view, QStringLiteral("libc6")));
        QCOMPARE(requested.size(), 1);
        const auto files = requested.at(0).at(0).value<QList<MergedTree::NodeId>>();
        const MergedTree &tree = m_window->session()->current().image->tree;
        QCOMPARE(files, QList<MergedTree::NodeId>({ tree.find("usr/lib/x86_64-linux-gnu/libc.so.6") }));
        QVERIFY(QTest::qWaitFor([this] {
            const QModelIndexList rows = this->tree()->view()->selectionModel()->selectedRows();
            return rows.size() == 1 && pathOf(rows.front()) == QLatin1String("usr/lib/x86_64-linux-gnu/libc.so.6");
        }));
        // The last row has no files of its own to select.
        clickIndex(m_view->view(), rowNamed(m_view, QStringLiteral("(not from a package)")));
        QCOMPARE(requested.size(), 1);
    }

    void otherViewsAndBack()
    {
        m_window->showView(View::Files);
        m_window->showView(View::Packages);
        QCOMPARE(m_view->view()->model()->rowCount(), 4);
        QCOMPARE(m_view->view()->currentIndex().data().toString(), QStringLiteral("(not from a package)"));
    }

    void compareShowsWhatChangedInPackages()
    {
        const QString b = writeImageB(m_dir.path());
        m_window->session()->compare(m_image, b);
        ComparePane *compare = m_window->comparePane();
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->isComparing() && compare->packagesView()->topLevelItemCount() == 2; }, LoadTimeout));
        QStringList rows;
        for (int i = 0; i < compare->packagesView()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = compare->packagesView()->topLevelItem(i);
            rows << QStringLiteral("%1 | %2 | %3 | %4").arg(item->text(0), item->text(1), item->text(2), item->text(3));
        }
        QCOMPARE(rows,
            QStringList({ QStringLiteral("curl (deb) | 7.88.1-10 | – | %1").arg(formatSignedBytes(-300)),
                QStringLiteral("bash (deb) | 5.2.15-3 | 5.2.15-4 | %1").arg(formatSignedBytes(50)) }));
        QCOMPARE(compare->packagesSummary()->text(),
            QStringLiteral("<b>Packages</b> 1 removed, 1 upgraded; not from a package %1 → %2")
                .arg(formatBytes(Unpackaged), formatBytes(UnpackagedB)));
    }

    void theDockerfileGutterNamesWhatALineInstalled()
    {
        // The editor as the Dockerfile pane feeds it: line 2 made layer 1, which installed curl.
        DockerfileEditor editor;
        editor.setPlainText(QStringLiteral("FROM debian:12\nRUN apt-get install -y curl\n"));
        editor.resize(600, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setLayerLines({ { 2, LayersAtLine { { 1 }, 2345 } } }, false);
        editor.setLayerPackages({ { 1, QStringLiteral("installed curl (300 B)") } });
        QWidget *gutter = editor.findChild<QWidget *>(QStringLiteral("layerGutter"));
        QVERIFY(gutter);
        const int y = editor.cursorRect(QTextCursor(editor.document()->findBlockByNumber(1))).center().y();
        QCOMPARE(toolTipAt(gutter, QPoint(5, y)),
            QStringLiteral("Layer 1: %1; installed curl (300 B)").arg(formatBytes(2345)));
    }

    void anotherImageWithoutPackages()
    {
        m_window->session()->open(m_samplePath);
        QVERIFY(QTest::qWaitFor([this] { return m_window->windowTitle() == SampleTitle; }, LoadTimeout));
        QVERIFY(waitForTree());
        QCOMPARE(m_view->view()->model()->rowCount(), 1);
        const int64_t sampleBytes = m_window->session()->current().image->tree.finalFileBytes();
        QCOMPARE(shownRows(m_view), QStringList({ unpackagedRow(sampleBytes) }));
        QVERIFY(m_view->headline()->text().startsWith(QLatin1String("No package database in this image")));
    }

private:
    QTemporaryDir m_dir;
    QString m_image;
    PackagesView *m_view = nullptr;
};

QTEST_MAIN(TestPackagesView)
#include "test_packages_view.moc"
