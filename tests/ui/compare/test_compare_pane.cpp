// The compare view as a person uses it: two images side by side, a click on a file in one treemap
// selects the same path in the other treemap and in the diff tree, and a row picked in the diff tree
// is selected in both treemaps. Both sides are the sample image, so every path exists on both.
// A second pane compares two small images written for the purpose (ComparePair.h), whose differences
// are known by construction: the names on the maps, the steps behind each layer with their changed
// words, the findings resolved, new and still present, the search in the diff tree, the status column.
#include "ComparePair.h"
#include "ImageLoader.h"
#include "PixelCounting.h"
#include "analysis/ImageAnalysis.h"
#include "compare/ComparePane.h"
#include "compare/DiffTreeModel.h"
#include "models/EntryText.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapFrame.h"
#include "treemap/TreemapView.h"

#include "treemap/TreemapBreadcrumb.h"
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>

using namespace ballast;

class TestComparePane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameScaleForEqualImages();
    void clickInTreemapSelectsEverywhere();
    void diffTreeRowSelectsInBothTreemaps();
    void mapsAreNamedAfterTheirImages();
    void detailRowShowsBothStepsWithChangedWordsMarked();
    void hoverShowsTheFullSteps();
    void findingsResolvedNewAndStillPresent();
    void searchFindsSelectsAndSteps();
    void statusTextIsNotCut();
    void statusTogglesLookOnAndOff();
    void openButtonsOfferEachImage();

private:
    static QString pathOfDiffRow(const ImageDiff &diff, const QModelIndex &index);
    static LoadedComparison load(const QString &a, const QString &b);
    int layerRow(const QString &match) const;
    std::unique_ptr<ComparePane> m_pane;
    LoadedComparison m_comparison;
    // The before/after pair of ComparePair.h.
    QTemporaryDir m_dir;
    comparepair::Paths m_paths;
    std::unique_ptr<ComparePane> m_edited;
    LoadedComparison m_pair;
};

namespace {

// The highlighted runs of a rich text, "A:…" or "B:…" by the line they are on (A's line comes first).
QStringList marks(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    const qsizetype sideB = document.toPlainText().indexOf(QStringLiteral("B · layer"));
    QStringList out;
    int lastEnd = -1;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().background().style() == Qt::NoBrush)
                continue;
            const QString side
                = sideB >= 0 && fragment.position() >= sideB ? QStringLiteral("B:") : QStringLiteral("A:");
            if (fragment.position() == lastEnd && !out.isEmpty() && out.last().startsWith(side))
                out.last() += fragment.text();
            else
                out << side + fragment.text();
            lastEnd = fragment.position() + fragment.length();
        }
    return out;
}

QString plainText(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

QStringList childTexts(const QTreeWidgetItem *group)
{
    QStringList out;
    for (int i = 0; i < group->childCount(); ++i) {
        const QTreeWidgetItem *item = group->child(i);
        out << QStringLiteral("%1 | %2 | %3 | %4").arg(item->text(0), item->text(1), item->text(2), item->text(3));
    }
    return out;
}

} // namespace

LoadedComparison TestComparePane::load(const QString &a, const QString &b)
{
    LoadedComparison comparison;
    comparison.a.image = ImageLoader().load(a);
    comparison.b.image = ImageLoader().load(b);
    for (LoadedImage *side : { &comparison.a, &comparison.b })
        side->analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*side->image));
    comparison.diff = std::make_shared<const ImageDiff>(ImageDiff::compute(comparison.a.image, comparison.b.image));
    return comparison;
}

void TestComparePane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_paths = comparepair::write(m_dir.path());
    m_pair = load(m_paths.before, m_paths.after);
    m_edited = std::make_unique<ComparePane>();
    m_edited->resize(1600, 900);
    m_edited->show();
    m_edited->setComparison(m_pair);
    QTRY_VERIFY_WITH_TIMEOUT(m_edited->treemapA()->frame() && m_edited->treemapB()->frame()
            && !m_edited->treemapA()->isBusy() && !m_edited->treemapB()->isBusy(),
        20000);
    const QString sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
    for (LoadedImage *side : { &m_comparison.a, &m_comparison.b }) {
        side->image = ImageLoader().load(sample);
        side->analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*side->image));
    }
    m_comparison.diff
        = std::make_shared<const ImageDiff>(ImageDiff::compute(m_comparison.a.image, m_comparison.b.image));
    m_pane = std::make_unique<ComparePane>();
    m_pane->resize(1400, 900);
    m_pane->show();
    m_pane->setComparison(m_comparison);
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->treemapA()->frame() && m_pane->treemapB()->frame() && !m_pane->treemapA()->isBusy()
            && !m_pane->treemapB()->isBusy(),
        20000);
}

void TestComparePane::sameScaleForEqualImages()
{
    QCOMPARE(m_pane->treemapA()->size(), m_pane->treemapB()->size()); // equal bytes, equal areas
    QVERIFY(m_pane->summaryLabel()->text().contains(QLatin1String("0 added, 0 removed, 0 modified")));
}

void TestComparePane::clickInTreemapSelectsEverywhere()
{
    // Show unchanged paths too, like a person would with the filter button.
    QTest::mouseClick(m_pane->statusButton(DiffStatus::Unchanged), Qt::LeftButton);
    QVERIFY(m_pane->statusButton(DiffStatus::Unchanged)->isChecked());
    const Image &a = *m_comparison.a.image, &b = *m_comparison.b.image;
    const auto busyboxA = a.tree.find("bin/busybox"), busyboxB = b.tree.find("bin/busybox");
    auto frame = m_pane->treemapA()->frame();
    const uint32_t tile = frame->layout->tileOfNode(busyboxA);
    QVERIFY(tile != Tile::NoTile);
    QCOMPARE(frame->layout->tiles()[tile].node, busyboxA); // busybox (1.98 MB) is big enough to have its own tile
    TreemapCanvas *canvas = m_pane->treemapA()->canvas();
    const QPoint centre = canvas->toWidget(frame->layout->tiles()[tile]).center().toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, centre);
    QCOMPARE(m_pane->treemapA()->selectedNode(), busyboxA);
    QCOMPARE(m_pane->treemapB()->selectedNode(), busyboxB);
    QCOMPARE(pathOfDiffRow(*m_comparison.diff, m_pane->diffView()->currentIndex()), QStringLiteral("bin/busybox"));
}

void TestComparePane::diffTreeRowSelectsInBothTreemaps()
{
    QTreeView *view = m_pane->diffView();
    QModelIndex opt;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data().toString() == QLatin1String("opt"))
            opt = view->model()->index(row, 0);
    QVERIFY(opt.isValid());
    view->scrollTo(opt);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(opt).center());
    QCOMPARE(m_pane->treemapA()->selectedNode(), m_comparison.a.image->tree.find("opt"));
    QCOMPARE(m_pane->treemapB()->selectedNode(), m_comparison.b.image->tree.find("opt"));
}

// Untagged images used to be labelled "image", both of them.
void TestComparePane::mapsAreNamedAfterTheirImages()
{
    QCOMPARE(m_edited->treemapA()->breadcrumb()->segments().value(0)->text(), QStringLiteral("A: before.tar"));
    QCOMPARE(m_edited->treemapB()->breadcrumb()->segments().value(0)->text(), QStringLiteral("B: after.tar"));
    // Tagged: the tag, on both sides of the sample's comparison.
    QCOMPARE(m_pane->treemapA()->breadcrumb()->segments().value(0)->text(), QStringLiteral("A: ballast-sample:1"));
    QCOMPARE(m_pane->treemapB()->breadcrumb()->segments().value(0)->text(), QStringLiteral("B: ballast-sample:1"));
    QVERIFY2(m_edited->summaryLabel()->text().contains(QStringLiteral("A: before.tar → B: after.tar")),
        qPrintable(m_edited->summaryLabel()->text()));
}

int TestComparePane::layerRow(const QString &match) const
{
    const QTableWidget *table = m_edited->layersTable();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 2)->text() == match)
            return row;
    return -1;
}

// Layer 1 was edited (a flag and a cleanup added) and layer 2 copied other content: a click on each
// row shows both steps in full, the words only one side has marked.
void TestComparePane::detailRowShowsBothStepsWithChangedWordsMarked()
{
    QTableWidget *table = m_edited->layersTable();
    auto *detail = m_edited->findChild<QTextBrowser *>(QStringLiteral("layerStepDetail"));
    QVERIFY(detail);
    QCOMPARE(table->rowCount(), 3); // shared, same step, edited: nothing only in one image
    const int edited = layerRow(QStringLiteral("edited")), sameStep = layerRow(QStringLiteral("same step"));
    QVERIFY(edited >= 0 && sameStep >= 0 && layerRow(QStringLiteral("shared")) >= 0);
    QTest::mouseClick(
        table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(sameStep, 5)).center());
    QCOMPARE(marks(detail->toHtml()),
        (QStringList {
            QStringLiteral("A:dir:") + comparepair::DigestB, QStringLiteral("B:dir:") + comparepair::DigestC }));
    QTest::mouseClick(
        table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(edited, 0)).center());
    const QString text = plainText(detail->toHtml());
    QVERIFY2(text.contains(QStringLiteral("A · layer 1")) && text.contains(comparepair::RunBefore), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("B · layer 1")) && text.contains(comparepair::RunAfter), qPrintable(text));
    QCOMPARE(marks(detail->toHtml()),
        (QStringList {
            QStringLiteral("B:--no-install-recommends"), QStringLiteral("B:&& rm -rf /var/lib/apt/lists/*") }));
    QCOMPARE(table->item(edited, 0)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(edited, 1)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(edited, 5)->text(), comparepair::RunAfter);
}

// Hovering over the instruction cell shows the same two steps, in full.
void TestComparePane::hoverShowsTheFullSteps()
{
    QTableWidget *table = m_edited->layersTable();
    const int edited = layerRow(QStringLiteral("edited"));
    QVERIFY(edited >= 0);
    const QPoint at = table->visualRect(table->model()->index(edited, 5)).center();
    QTest::mouseMove(table->viewport(), at);
    QHelpEvent hover(QEvent::ToolTip, at, table->viewport()->mapToGlobal(at));
    QApplication::sendEvent(table->viewport(), &hover);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(plainText(tip).contains(comparepair::RunBefore) && plainText(tip).contains(comparepair::RunAfter),
        qPrintable(tip));
    QCOMPARE(marks(tip),
        (QStringList {
            QStringLiteral("B:--no-install-recommends"), QStringLiteral("B:&& rm -rf /var/lib/apt/lists/*") }));
    QToolTip::hideText();
}

void TestComparePane::findingsResolvedNewAndStillPresent()
{
    auto *findings = m_edited->findChild<QTreeWidget *>(QStringLiteral("findingsChanges"));
    QVERIFY(findings);
    QCOMPARE(findings->topLevelItemCount(), 3);
    QCOMPARE(findings->topLevelItem(0)->text(0), QStringLiteral("Resolved in B (1)"));
    QCOMPARE(childTexts(findings->topLevelItem(0)),
        QStringList { QStringLiteral("apt package lists left in the image | 3.00 kB | – | -3.00 kB") });
    QCOMPARE(findings->topLevelItem(1)->text(0), QStringLiteral("New in B (1)"));
    QCOMPARE(childTexts(findings->topLevelItem(1)),
        QStringList { QStringLiteral("files that look like secrets | – | 12 B | +12 B") });
    QCOMPARE(findings->topLevelItem(2)->text(0), QStringLiteral("Still present (2)"));
    QCOMPARE(childTexts(findings->topLevelItem(2)),
        (QStringList { QStringLiteral("documentation and man pages | 1.00 kB | 1.50 kB | +500 B"),
            QStringLiteral("the container runs as root | 0 B | 0 B | 0 B") }));
    QVERIFY2(m_edited->summaryLabel()->text().contains(QStringLiteral("1 resolved, 1 new, 2 still present")),
        qPrintable(m_edited->summaryLabel()->text()));
    // What a finding is about is one hover away.
    QVERIFY(findings->topLevelItem(1)->child(0)->toolTip(0).contains(QStringLiteral("/app/.env")));
}

// Type in the search field: the first match is selected (expanded to, and in both maps); Enter and
// the arrow buttons step through the matches, in the tree's order. (F3 and Shift+F3 are the window's
// Find Next / Find Previous: test_compare_window presses them.)
void TestComparePane::searchFindsSelectsAndSteps()
{
    auto *field = m_edited->findChild<QLineEdit *>(QStringLiteral("diffSearch"));
    auto *count = m_edited->findChild<QLabel *>(QStringLiteral("diffSearchCount"));
    QVERIFY(field && count);
    QTreeView *view = m_edited->diffView();
    const ImageDiff &diff = *m_pair.diff;
    m_edited->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_edited.get()));
    QTest::mouseClick(field, Qt::LeftButton);
    QTest::keyClicks(field, QStringLiteral("CURL"));
    // usr/bin/curl is unchanged, so hidden: only the doc directory matches.
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 1"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("usr/share/doc/curl"));
    QVERIFY(view->isExpanded(view->currentIndex().parent()));
    QCOMPARE(m_edited->treemapB()->selectedNode(), m_pair.b.image->tree.find("usr/share/doc/curl"));
    QVERIFY(field->hasFocus()); // typing goes on in the field

    QTest::mouseClick(m_edited->statusButton(DiffStatus::Unchanged), Qt::LeftButton);
    // usr/share (+500 B) comes before usr/bin (0 B) in the tree: so do their matches.
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 2"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("usr/share/doc/curl"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(count->text(), QStringLiteral("2 of 2"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("usr/bin/curl"));
    QCOMPARE(m_edited->treemapA()->selectedNode(), m_pair.a.image->tree.find("usr/bin/curl"));
    auto *next = m_edited->findChild<QToolButton *>(QStringLiteral("diffSearchNext"));
    auto *previous = m_edited->findChild<QToolButton *>(QStringLiteral("diffSearchPrevious"));
    QVERIFY(next && previous);
    QTest::mouseClick(next, Qt::LeftButton); // past the last comes the first
    QCOMPARE(count->text(), QStringLiteral("1 of 2"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("usr/share/doc/curl"));
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(count->text(), QStringLiteral("2 of 2"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("usr/bin/curl"));

    // A path search, and one with no match.
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("app/.e"));
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 1"));
    QCOMPARE(pathOfDiffRow(diff, view->currentIndex()), QStringLiteral("app/.env"));
    QTest::keyClicks(field, QStringLiteral("x"));
    QTRY_COMPARE(count->text(), QStringLiteral("no match"));
    QTest::mouseClick(m_edited->statusButton(DiffStatus::Unchanged), Qt::LeftButton); // as it was
}

// "contents changed" used to read "contents cha…": the column makes room for its longest text.
void TestComparePane::statusTextIsNotCut()
{
    QTreeView *view = m_edited->diffView();
    QModelIndex app;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data().toString() == QLatin1String("app"))
            app = view->model()->index(row, DiffTreeModel::StatusColumn);
    QVERIFY(app.isValid());
    QCOMPARE(app.data().toString(), QStringLiteral("contents changed"));
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.font = view->font();
    const int needed = view->itemDelegate()->sizeHint(option, app).width();
    QVERIFY2(view->visualRect(app).width() >= needed,
        qPrintable(QStringLiteral("%1 px shown, %2 px needed").arg(view->visualRect(app).width()).arg(needed)));
    // And in a narrow pane too: the name gives way, not the status.
    m_edited->resize(900, 900);
    QTRY_VERIFY(view->visualRect(app).width() >= needed);
    m_edited->resize(1600, 900);
}

void TestComparePane::openButtonsOfferEachImage()
{
    auto *openA = m_edited->findChild<QPushButton *>(QStringLiteral("openA"));
    auto *openB = m_edited->findChild<QPushButton *>(QStringLiteral("openB"));
    QVERIFY(openA && openB);
    QSignalSpy requested(m_edited.get(), SIGNAL(openImageRequested(ballast::LoadedImage)));
    QVERIFY(requested.isValid());
    QTest::mouseClick(openB, Qt::LeftButton);
    QTest::mouseClick(openA, Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(0).at(0).value<LoadedImage>().image, m_pair.b.image);
    QCOMPARE(requested.at(1).at(0).value<LoadedImage>().image, m_pair.a.image);
}

QString TestComparePane::pathOfDiffRow(const ImageDiff &diff, const QModelIndex &index)
{
    return index.isValid()
        ? QString::fromStdString(diff.path(uint32_t(index.data(DiffTreeModel::DiffNodeRole).toUInt())))
        : QString();
}

// The diff tree's status toggles read on or off at a glance, like the file tree's: tinted in the
// status colour when on, none of it when off.
void TestComparePane::statusTogglesLookOnAndOff()
{
    const std::pair<DiffStatus, NodeStatus> statuses[] = { { DiffStatus::Added, NodeStatus::Added },
        { DiffStatus::Removed, NodeStatus::Removed }, { DiffStatus::Modified, NodeStatus::Modified } };
    for (const auto &[diffStatus, colourOf] : statuses) {
        QToolButton *toggle = m_edited->statusButton(diffStatus);
        const QColor accent = statusColor(colourOf, toggle->palette());
        QVERIFY(toggle->isChecked());
        const QImage on = toggle->grab().toImage();
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!toggle->isChecked());
        QTest::mouseMove(m_edited->diffView()->viewport()); // not hovered while grabbed
        const QImage off = toggle->grab().toImage();
        QTest::mouseClick(toggle, Qt::LeftButton); // back on, as the other tests expect
        const int box = toggle->fontMetrics().height() * 3 / 4;
        QVERIFY2(uitest::pixelsNear(on, accent) >= box * box / 2,
            qPrintable(
                toggle->text() + QStringLiteral(": on, %1 pixels of its colour").arg(uitest::pixelsNear(on, accent))));
        QVERIFY2(uitest::pixelsNear(off, accent) <= 2,
            qPrintable(toggle->text()
                + QStringLiteral(": off, %1 pixels of its colour").arg(uitest::pixelsNear(off, accent))));
    }
}

QTEST_MAIN(TestComparePane)
#include "test_compare_pane.moc"
