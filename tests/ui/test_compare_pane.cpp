// The compare view as a person uses it: two images side by side, a click on a file in one treemap
// selects the same path in the other treemap and in the diff tree, and a row picked in the diff tree
// is selected in both treemaps. Both sides are the sample image, so every path exists on both.
#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"
#include "compare/ComparePane.h"
#include "compare/DiffTreeModel.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapFrame.h"
#include "treemap/TreemapView.h"

#include <QStandardPaths>
#include <QTest>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>

using namespace ballast;

class TestComparePane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameScaleForEqualImages();
    void clickInTreemapSelectsEverywhere();
    void diffTreeRowSelectsInBothTreemaps();

private:
    static QString pathOfDiffRow(const ImageDiff &diff, const QModelIndex &index);
    std::unique_ptr<ComparePane> m_pane;
    LoadedComparison m_comparison;
};

void TestComparePane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
    for (LoadedImage *side : {&m_comparison.a, &m_comparison.b}) {
        side->image = ImageLoader().load(sample);
        side->analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*side->image));
    }
    m_comparison.diff = std::make_shared<const ImageDiff>(ImageDiff::compute(m_comparison.a.image, m_comparison.b.image));
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

QString TestComparePane::pathOfDiffRow(const ImageDiff &diff, const QModelIndex &index)
{
    return index.isValid() ? QString::fromStdString(diff.path(uint32_t(index.data(DiffTreeModel::DiffNodeRole).toUInt()))) : QString();
}

QTEST_MAIN(TestComparePane)
#include "test_compare_pane.moc"
