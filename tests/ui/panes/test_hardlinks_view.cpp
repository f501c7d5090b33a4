// A hardlink as a person meets it in the main window (offscreen platform, QTest input): the sample's
// layer 5 stores /opt/app/bin/app as an 8 MiB file and /opt/app/dist/app.bin as a link to it
// (`tar -tvf` of the layer: "hrw-r--r-- … opt/app/dist/app.bin link to opt/app/bin/app"; expected.json
// says the same). The link shows its target's size with the hardlink marker, the directory that holds
// only the link says what it names beyond its own 0 B, the mode reads as `ls -l` writes it, both
// names say which one carries the bytes, and every total still counts them once.
#include "UiTestSupport.h"

#include "panes/DetailsPane.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapView.h"

#include <QHelpEvent>
#include <QLabel>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolTip>

using namespace ballast;
using namespace uitest;

namespace {
const QString Link = QStringLiteral("opt/app/dist/app.bin");
const QString Carrier = QStringLiteral("opt/app/bin/app");
constexpr qint64 CarrierBytes = 8388608; // 8 MiB: "8.39 MB" in decimal units
} // namespace

class TestHardlinksView : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(setUpWindow("test_ui_hardlinks")); }
    void init() { QVERIFY(resetToSample()); }
    void cleanupTestCase() { tearDownWindow(); }
    void theSampleStoresALink();
    void linkRowShowsItsTargetsSize();
    void directoryOfTheLinkSaysWhatItNames();
    void detailsOfBothNamesSayWhichCarriesTheBytes();
    void totalsCountTheBytesOnce();
    void treemapTooltipOfTheCarrierNamesTheLink();

private:
    QModelIndex reveal(const QString &path);
    QString toolTipAt(QWidget *widget, QPoint pos);
    bool clickDetailsLink(const QString &text);
};

// Expands the path's parents with the keyboard, as a person would, and returns its row.
QModelIndex TestHardlinksView::reveal(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    for (int depth = 1; depth < parts.size(); ++depth) {
        const QModelIndex parent = findPath(tree()->model(), parts.mid(0, depth).join(QLatin1Char('/')));
        if (!parent.isValid())
            return {};
        if (!treeView()->isExpanded(parent)) {
            clickIndex(treeView(), parent);
            QTest::keyClick(treeView(), Qt::Key_Right);
        }
    }
    return findPath(tree()->model(), path);
}

QString TestHardlinksView::toolTipAt(QWidget *widget, QPoint pos)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QCoreApplication::sendEvent(widget, &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

// Clicks the first link of the details pane whose text is `text`; false when there is none.
bool TestHardlinksView::clickDetailsLink(const QString &text)
{
    DetailsPane *details = m_window->detailsPane();
    for (QTextBlock block = details->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor() && it.fragment().text() == text) {
                QTextCursor cursor(details->document());
                cursor.setPosition(it.fragment().position() + 1);
                details->setTextCursor(cursor);
                details->ensureCursorVisible();
                QTest::mouseClick(details->viewport(), Qt::LeftButton, {}, details->cursorRect(cursor).center());
                return true;
            }
    return false;
}

void TestHardlinksView::theSampleStoresALink()
{
    // The oracle (expected.json, from Python's tarfile) agrees with the `tar -tvf` listing above.
    const oracle::Entry link = m_sample.after(6).at(Link);
    QCOMPARE(link.type, QStringLiteral("hardlink"));
    QCOMPARE(link.link, Carrier);
    QCOMPARE(link.size, qint64(0));
    QCOMPARE(link.mode, 0644);
    QCOMPARE(m_sample.after(6).at(Carrier).type, QStringLiteral("file"));
    QCOMPARE(m_sample.after(6).at(Carrier).size, CarrierBytes);
}

void TestHardlinksView::linkRowShowsItsTargetsSize()
{
    const QModelIndex row = reveal(Link);
    QVERIFY(row.isValid());
    clickIndex(treeView(), row);
    QCOMPARE(pathOf(treeView()->currentIndex()), Link);
    QCOMPARE(row.siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("⇒ 8.39 MB"));
    QCOMPARE(row.siblingAtColumn(FileTreeModel::PermissionsColumn).data().toString(), QStringLiteral("-rw-r--r--"));
    QCOMPARE(row.siblingAtColumn(FileTreeModel::LinkColumn).data().toString(), QStringLiteral("⇒ /opt/app/bin/app"));
    const QModelIndex size = row.siblingAtColumn(FileTreeModel::SizeColumn);
    treeView()->scrollTo(size);
    QCOMPARE(toolTipAt(treeView()->viewport(), treeView()->visualRect(size).center()),
        QStringLiteral(
            "/opt/app/dist/app.bin\n8.39 MB, hardlink to /opt/app/bin/app, whose 8.39 MB are counted there"));
}

void TestHardlinksView::directoryOfTheLinkSaysWhatItNames()
{
    // After layer 6 dist holds only the link: it counts 0 B, and shows the 8.39 MB its link names
    // behind the hardlink marker, with what that means in the tooltip.
    QModelIndex dist = reveal(QStringLiteral("opt/app/dist/app.bin")).parent();
    QCOMPARE(pathOf(dist), QStringLiteral("opt/app/dist"));
    QCOMPARE(m_sample.bytes(6, QStringLiteral("opt/app/dist")), qint64(0));
    QCOMPARE(dist.siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("⇒ 8.39 MB"));
    const QModelIndex size = dist.siblingAtColumn(FileTreeModel::SizeColumn);
    treeView()->scrollTo(size);
    QCOMPARE(toolTipAt(treeView()->viewport(), treeView()->visualRect(size).center()),
        QStringLiteral("/opt/app/dist\n0 B counted here: the hardlinks below it name 8.39 MB, counted once at their "
                       "other names outside this directory."));
    // Its details do not contradict the row: a directory's own tar size (always 0) is not shown.
    clickIndex(treeView(), dist);
    const QString details = m_window->detailsPane()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("/opt/app/dist")) && !details.contains(QLatin1String("0 B")),
        qPrintable(details));
    // Its parent holds the carrier too: its total has the bytes, once, and nothing is added.
    const QModelIndex app = dist.parent();
    QCOMPARE(m_sample.bytes(6, QStringLiteral("opt/app")), CarrierBytes + 69 + 111 + 50 + 592);
    QCOMPARE(app.siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("8.39 MB"));

    // At layer 5 dist also holds the 8 MiB backup, counted there: that is its figure, and the tooltip
    // adds what the link names.
    clickIndex(layersView(), layersView()->model()->index(Layer6Row - 1, LayerTableModel::CommandColumn));
    QVERIFY(waitForTree());
    QCOMPARE(tree()->model()->scope()->layer, 5);
    dist = reveal(QStringLiteral("opt/app/dist/app.bin")).parent();
    QCOMPARE(m_sample.bytes(5, QStringLiteral("opt/app/dist")), CarrierBytes);
    QCOMPARE(dist.siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("8.39 MB"));
    const QModelIndex distSize = dist.siblingAtColumn(FileTreeModel::SizeColumn);
    treeView()->scrollTo(distSize);
    QCOMPARE(toolTipAt(treeView()->viewport(), treeView()->visualRect(distSize).center()),
        QStringLiteral(
            "/opt/app/dist\n8.39 MB counted here. Hardlinks below it name 8.39 MB more, counted once at their "
            "other names outside this directory."));

    // "Layer changes only" counts what the layer wrote: no figure for links there.
    tree()->modeBox()->setFocus();
    QTest::keyClick(tree()->modeBox(), Qt::Key_Down);
    QVERIFY(waitForTree());
    dist = reveal(QStringLiteral("opt/app/dist/app.bin")).parent();
    QCOMPARE(dist.siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("8.39 MB"));
    treeView()->scrollTo(dist.siblingAtColumn(FileTreeModel::SizeColumn));
    QCOMPARE(toolTipAt(treeView()->viewport(),
                 treeView()->visualRect(dist.siblingAtColumn(FileTreeModel::SizeColumn)).center()),
        QStringLiteral("/opt/app/dist"));
    QCOMPARE(reveal(Link).siblingAtColumn(FileTreeModel::SizeColumn).data().toString(), QStringLiteral("⇒ 8.39 MB"));
}

void TestHardlinksView::detailsOfBothNamesSayWhichCarriesTheBytes()
{
    // Another row first: a click on the row that is already current after a layer click shows nothing new.
    clickIndex(treeView(), findPath(tree()->model(), QStringLiteral("opt")));
    clickIndex(treeView(), reveal(Link));
    QCOMPARE(pathOf(treeView()->currentIndex()), Link);
    QString details = m_window->detailsPane()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("8.39 MB, hardlink to /opt/app/bin/app, whose 8.39 MB are counted there")),
        qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("-rw-r--r-- (0644)")), qPrintable(details));

    // The target's name is a link: it selects the carrier, whose details name the link.
    QVERIFY(clickDetailsLink(QStringLiteral("/opt/app/bin/app")));
    QTRY_COMPARE_WITH_TIMEOUT(pathOf(treeView()->currentIndex()), Carrier, LoadTimeout);
    details = m_window->detailsPane()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("8.39 MB (8388608 bytes)")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Also named"))
            && details.contains(
                QLatin1String("/opt/app/dist/app.bin (hardlinked: one file, its bytes counted here once)")),
        qPrintable(details));
    // And back again.
    QVERIFY(clickDetailsLink(QStringLiteral("/opt/app/dist/app.bin")));
    QTRY_COMPARE_WITH_TIMEOUT(pathOf(treeView()->currentIndex()), Link, LoadTimeout);

    // A file without other names says nothing of the kind.
    clickIndex(treeView(), reveal(QStringLiteral("opt/app/bin/start.sh")));
    QVERIFY(!m_window->detailsPane()->toPlainText().contains(QLatin1String("Also named")));
}

void TestHardlinksView::totalsCountTheBytesOnce()
{
    // expected.json: the final filesystem holds 20 regular files of 12 051 833 bytes, the link not
    // among them; the status bar and the root rows say the same.
    QCOMPARE(m_sample.json[QStringLiteral("finalFilesystem")].toObject()[QStringLiteral("finalSizeBytes")].toDouble(),
        12051833.0);
    const QString status = m_window->statusBar()->findChildren<QLabel *>().value(0)->text();
    QVERIFY2(status.contains(QLatin1String("final 12.1 MB in 20 files")), qPrintable(status));
    qint64 roots = 0;
    for (int row = 0; row < tree()->model()->rowCount(); ++row)
        roots += tree()->model()->index(row, 0).data(FileTreeModel::BytesRole).toLongLong();
    QCOMPARE(roots, qint64(12051833)); // removed files are shown, but not counted in present parents
    QCOMPARE(reveal(Link).data(FileTreeModel::BytesRole).toLongLong(), qint64(0));
    QCOMPARE(reveal(Link).parent().data(FileTreeModel::BytesRole).toLongLong(), qint64(0));
    QCOMPARE(findPath(tree()->model(), QStringLiteral("opt")).data(FileTreeModel::BytesRole).toLongLong(),
        m_sample.bytes(6, QStringLiteral("opt")));
}

void TestHardlinksView::treemapTooltipOfTheCarrierNamesTheLink()
{
    QTabWidget *tabs = m_window->viewTabs();
    QTest::mouseClick(
        tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tabs->indexOf(m_window->treemapView())).center());
    TreemapView *treemap = m_window->treemapView();
    QTRY_VERIFY_WITH_TIMEOUT(
        treemap->frame() && !treemap->isBusy() && treemap->frame()->layout->weights().scope == tree()->model()->scope(),
        LoadTimeout);
    const auto carrier = m_window->session()->current().image->tree.find(Carrier.toStdString());
    const auto &tiles = treemap->frame()->layout->tiles();
    const auto tile = std::find_if(tiles.begin(), tiles.end(), [&](const Tile &t) { return t.node == carrier; });
    QVERIFY(tile != tiles.end());
    const QPoint centre = treemap->canvas()->toWidget(*tile).center().toPoint();
    QTest::mouseMove(treemap->canvas(), centre);
    const QString tip = toolTipAt(treemap->canvas(), centre);
    QVERIFY2(tip.startsWith(QLatin1String("/opt/app/bin/app\n8.39 MB")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("\nAlso named /opt/app/dist/app.bin (hardlinked, counted once)\n")),
        qPrintable(tip));
    // The link has no tile of its own: its bytes are the carrier's.
    const auto link = m_window->session()->current().image->tree.find(Link.toStdString());
    QVERIFY(std::none_of(tiles.begin(), tiles.end(), [&](const Tile &t) { return t.node == link; }));
    m_window->showView(View::Files);
}

QTEST_MAIN(TestHardlinksView)
#include "test_hardlinks_view.moc"
