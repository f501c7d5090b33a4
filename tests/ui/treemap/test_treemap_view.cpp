// TreemapView driven like a user drives it, with QTest input events on a real widget (offscreen
// platform): hover, click, double-click, wheel, Backspace, the breadcrumb, the colouring box,
// selection from outside, debounced resizes and newer scopes winning; then the PNG and SVG exports.
#include "FileSizeLimit.h"
#include "TreemapTestSupport.h"
#include "treemap/TreemapBreadcrumb.h"
#include "treemap/TreemapCanvas.h"
#include "treemap/TreemapLegend.h"
#include "treemap/TreemapView.h"
#include "widgets/FilterChip.h"

#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>
#include <QXmlStreamReader>

using namespace treemaptest;
using ballast::TreemapView;

class TestTreemapView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsTheScope();
    void hoverOutlinesAndDescribes();
    void clickSelects();
    void selectionFromOutside();
    void doubleClickZoomsAndBackspaceGoesUp();
    void breadcrumbZoomsOut();
    void wheelZooms();
    void coloringBox();
    void resizeIsDebounced();
    void newerScopeWins();
    void scopeSetWhileHidden();
    void sameImageKeepsZoomNewImageResets();
    void exportPng();
    void exportSvg();
    void exportOnAFullDiskKeepsTheOldFile_data();
    void exportOnAFullDiskKeepsTheOldFile();
    void mapScaleShrinksOnlyTheMap();
    void filteredMapKeepsTheTrueSharesAndSaysSo();

private:
    QPoint centreOf(const char *path) const;
    bool waitReady()
    {
        return QTest::qWaitFor([&] { return !m_view->isBusy() && m_view->frame(); }, 10000);
    }

    std::shared_ptr<ballast::Image> m_image;
    TreemapView *m_view = nullptr;
};

QPoint TestTreemapView::centreOf(const char *path) const
{
    const auto &layout = *m_view->frame()->layout;
    const uint32_t tile = tileOf(layout, node(*m_image, path));
    Q_ASSERT(tile != Tile::NoTile);
    return centerOf(layout.tiles()[tile]).toPoint();
}

void TestTreemapView::init()
{
    m_image = sampleImage();
    m_view = new TreemapView;
    m_view->resize(700, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->setScope(scopeOf(m_image, 1));
    QVERIFY(waitReady());
}

void TestTreemapView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void TestTreemapView::showsTheScope()
{
    const auto frame = m_view->frame();
    QCOMPARE(frame->layout->root(), MergedTree::Root);
    QCOMPARE(frame->layout->bytesOf(0), SampleBytesLayer1);
    // The layout has the canvas's size, and the image is painted at it.
    QCOMPARE(QSizeF(frame->layout->width(), frame->layout->height()), QSizeF(m_view->canvas()->size()));
    QCOMPARE(frame->image.deviceIndependentSize(), QSizeF(m_view->canvas()->size()));
    QCOMPARE(m_view->zoomRoot(), MergedTree::Root);
    QCOMPARE(m_view->breadcrumb()->segments().size(), 1);
    QCOMPARE(m_view->breadcrumb()->segments()[0]->text(), QStringLiteral("test:1"));
    QVERIFY(!m_view->legend()->entries().empty());
}

void TestTreemapView::hoverOutlinesAndDescribes()
{
    const QPoint at = centreOf("usr/lib/libbig.so");
    QTest::mouseMove(m_view->canvas(), at);
    QTRY_COMPARE(m_view->hoveredNode(), node(*m_image, "usr/lib/libbig.so"));
    const uint32_t tile = m_view->canvas()->hoveredTile();
    QCOMPARE(m_view->canvas()->tileAt(at), tile);
    const QString tip = m_view->canvas()->toolTipFor(tile);
    QVERIFY2(tip.contains(QStringLiteral("/usr/lib/libbig.so")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("400 kB")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("41.8 % of the image")), qPrintable(tip)); // 400000 / 957000
    QVERIFY2(tip.contains(QStringLiteral("layer 0: ADD rootfs.tar /")), qPrintable(tip));
    // The outline is drawn over the cached image: white just inside the tile's left edge, which the
    // image itself does not have there.
    const Tile &t = m_view->frame()->layout->tiles()[tile];
    const QImage shown = m_view->canvas()->grab().toImage();
    auto whiteNearLeftEdge = [&](const QImage &image) {
        for (int x = int(t.x); x <= int(t.x) + 3; ++x)
            if (image.pixelColor(x, at.y()) == QColor(Qt::white))
                return true;
        return false;
    };
    QVERIFY(whiteNearLeftEdge(shown));
    QVERIFY(!whiteNearLeftEdge(m_view->frame()->image));
    // Elsewhere: another tile.
    QTest::mouseMove(m_view->canvas(), centreOf("app/main.py"));
    QTRY_COMPARE(m_view->hoveredNode(), node(*m_image, "app/main.py"));
    QVERIFY(m_view->canvas()->toolTipFor(m_view->canvas()->hoveredTile()).contains(QStringLiteral("Added in layer 1")));
}

void TestTreemapView::clickSelects()
{
    QSignalSpy clicked(m_view, &TreemapView::nodeClicked);
    QTest::mouseClick(m_view->canvas(), Qt::LeftButton, {}, centreOf("usr/bin/tool"));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][0].value<MergedTree::NodeId>(), node(*m_image, "usr/bin/tool"));
    QCOMPARE(m_view->selectedNode(), node(*m_image, "usr/bin/tool"));
    const auto &tiles = m_view->frame()->layout->tiles();
    QCOMPARE(tiles[m_view->canvas()->selectedTile()].node, node(*m_image, "usr/bin/tool"));
    // The tree echoing the selection back changes nothing.
    m_view->setSelectedNode(node(*m_image, "usr/bin/tool"));
    QCOMPARE(tiles[m_view->canvas()->selectedTile()].node, node(*m_image, "usr/bin/tool"));
}

void TestTreemapView::selectionFromOutside()
{
    const auto &layout = *m_view->frame()->layout;
    m_view->setSelectedNode(node(*m_image, "app/data.bin"));
    QCOMPARE(m_view->canvas()->selectedTile(), tileOf(layout, node(*m_image, "app/data.bin")));
    // A node without a tile of its own: its nearest drawn ancestor (or the area it was folded into).
    m_view->setSelectedNode(node(*m_image, "opt/tiny/t5"));
    const uint32_t shown = m_view->canvas()->selectedTile();
    QCOMPARE(shown, layout.tileOfNode(node(*m_image, "opt/tiny/t5")));
    QVERIFY(shown != Tile::NoTile);
    QVERIFY(layout.tiles()[shown].node == node(*m_image, "opt/tiny")
        || layout.tiles()[shown].node == node(*m_image, "opt"));
    // Outside the zoom root: the view zooms out to show it.
    m_view->setZoomRoot(node(*m_image, "usr/lib"));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr/lib"));
    m_view->setSelectedNode(node(*m_image, "usr/bin/tool"));
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr"));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->tiles()[m_view->canvas()->selectedTile()].node, node(*m_image, "usr/bin/tool"));
}

void TestTreemapView::doubleClickZoomsAndBackspaceGoesUp()
{
    QSignalSpy zoomed(m_view, &TreemapView::zoomChanged);
    QSignalSpy ready(m_view, &TreemapView::layoutReady);
    QTest::mouseDClick(m_view->canvas(), Qt::LeftButton, {}, centreOf("usr/lib/libmid.so"));
    QCOMPARE(zoomed.size(), 1);
    QCOMPARE(zoomed[0][0].value<MergedTree::NodeId>(), node(*m_image, "usr/lib"));
    QVERIFY(m_view->isBusy());
    QVERIFY(waitReady());
    QVERIFY(ready.size() >= 1);
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr/lib"));
    QCOMPARE(m_view->frame()->layout->bytesOf(0), int64_t(605000));
    QCOMPARE(m_view->breadcrumb()->segments().size(), 3);
    QCOMPARE(m_view->breadcrumb()->segments()[2]->text(), QStringLiteral("lib"));
    // Double-clicking a file of the zoom root itself goes nowhere.
    QTest::mouseDClick(m_view->canvas(), Qt::LeftButton, {}, centreOf("usr/lib/libbig.so"));
    QCOMPARE(zoomed.size(), 1);

    m_view->canvas()->setFocus();
    QTest::keyClick(m_view->canvas(), Qt::Key_Backspace);
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr"));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr"));
    QTest::keyClick(m_view->canvas(), Qt::Key_Backspace);
    QTest::keyClick(m_view->canvas(), Qt::Key_Backspace); // at the root already: stays
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), MergedTree::Root);
    QCOMPARE(zoomed.size(), 3);
}

void TestTreemapView::breadcrumbZoomsOut()
{
    m_view->setZoomRoot(node(*m_image, "usr/lib"));
    QVERIFY(waitReady());
    const auto segments = m_view->breadcrumb()->segments();
    QCOMPARE(segments.size(), 3);
    QSignalSpy zoomed(m_view, &TreemapView::zoomChanged);
    QTest::mouseClick(segments[1], Qt::LeftButton); // "usr"
    QCOMPARE(zoomed.size(), 1);
    QCOMPARE(zoomed[0][0].value<MergedTree::NodeId>(), node(*m_image, "usr"));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr"));
    QTest::mouseClick(m_view->breadcrumb()->segments()[0], Qt::LeftButton);
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), MergedTree::Root);
}

void TestTreemapView::wheelZooms()
{
    auto wheel = [&](QPoint at, int delta) {
        QWheelEvent event(at, m_view->canvas()->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(m_view->canvas(), &event);
    };
    // Up: one level towards the pointer (usr, not usr/lib at once).
    wheel(centreOf("usr/lib/libbig.so"), 120);
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr"));
    QVERIFY(waitReady());
    wheel(centreOf("usr/lib/libbig.so"), 120);
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr/lib"));
    QVERIFY(waitReady());
    // Half a notch does nothing yet; the other half completes one step down.
    wheel(QPoint(10, 10), -60);
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr/lib"));
    wheel(QPoint(10, 10), -60);
    QCOMPARE(m_view->zoomRoot(), node(*m_image, "usr"));
    QVERIFY(waitReady());
}

void TestTreemapView::coloringBox()
{
    const uint32_t tile = tileOf(*m_view->frame()->layout, node(*m_image, "app/main.py"));
    QCOMPARE(QColor::fromRgb(m_view->frame()->colors[tile]), ballast::fileCategoryColor(ballast::FileCategory::Source));
    m_view->coloringBox()->setCurrentIndex(m_view->coloringBox()->findData(int(ballast::TreemapColoring::Layer)));
    QCOMPARE(m_view->coloring(), ballast::TreemapColoring::Layer);
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->coloring, ballast::TreemapColoring::Layer);
    QCOMPARE(m_view->legend()->entries().size(), size_t(3)); // layer 0, layer 1, small files
    const uint32_t layerTile = tileOf(*m_view->frame()->layout, node(*m_image, "app/main.py"));
    QCOMPARE(QColor::fromRgb(m_view->frame()->colors[layerTile]), ballast::layerColor(1));

    const auto layoutBefore = m_view->frame()->layout;
    const QSize canvasBefore = m_view->canvas()->size();
    m_view->setColoring(ballast::TreemapColoring::Status);
    QCOMPARE(m_view->coloringBox()->currentData().toInt(), int(ballast::TreemapColoring::Status));
    QVERIFY(waitReady());
    const uint32_t statusTile = tileOf(*m_view->frame()->layout, node(*m_image, "app/main.py"));
    QCOMPARE(
        QColor::fromRgb(m_view->frame()->colors[statusTile]), ballast::treemapStatusColor(ballast::NodeStatus::Added));
    if (m_view->canvas()->size() == canvasBefore) // the legend kept its height: repainted, not laid out again
        QCOMPARE(m_view->frame()->layout, layoutBefore);
}

void TestTreemapView::resizeIsDebounced()
{
    QSignalSpy ready(m_view, &TreemapView::layoutReady);
    const auto before = m_view->frame();
    m_view->resize(820, 560);
    QCoreApplication::processEvents();
    m_view->resize(840, 580);
    QCoreApplication::processEvents();
    QVERIFY(m_view->isBusy());
    QCOMPARE(m_view->frame(), before); // the old frame stays (stretched) until the size settles
    QVERIFY(waitReady());
    QCOMPARE(ready.size(), 1); // one layout for the two resizes
    QCOMPARE(m_view->frame()->image.deviceIndependentSize(), QSizeF(m_view->canvas()->size()));
}

void TestTreemapView::newerScopeWins()
{
    QSignalSpy ready(m_view, &TreemapView::layoutReady);
    ballast::TreeFilter changes;
    changes.mode = ballast::TreeMode::LayerChanges;
    auto first = scopeOf(m_image, 0);
    auto last = scopeOf(m_image, 1, changes);
    m_view->setScope(first);
    m_view->setScope(last);
    QVERIFY(waitReady());
    QTest::qWait(50);
    QCOMPARE(m_view->frame()->layout->weights().scope, last);
    QCOMPARE(m_view->frame()->layout->bytesOf(0), int64_t(150000));
    QCOMPARE(ready.size(), 1);
}

void TestTreemapView::scopeSetWhileHidden()
{
    // A hidden view (another tab) does no work and is not busy; it lays out when shown.
    m_view->hide();
    ballast::TreeFilter changes;
    changes.mode = ballast::TreeMode::LayerChanges;
    auto scope = scopeOf(m_image, 1, changes);
    QSignalSpy ready(m_view, &TreemapView::layoutReady);
    m_view->setScope(scope);
    QVERIFY(!m_view->isBusy());
    QTest::qWait(150);
    QCOMPARE(ready.size(), 0);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QVERIFY(
        QTest::qWaitFor([&] { return !m_view->isBusy() && m_view->frame()->layout->weights().scope == scope; }, 10000));
    QCOMPARE(m_view->frame()->layout->bytesOf(0), int64_t(150000));
}

void TestTreemapView::sameImageKeepsZoomNewImageResets()
{
    m_view->setZoomRoot(node(*m_image, "usr/lib"));
    QVERIFY(waitReady());
    // Another layer of the same image: the zoom stays where it is.
    m_view->setScope(scopeOf(m_image, 0));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr/lib"));
    // A filter that leaves nothing of usr/lib: the view falls back to the root and says so.
    QSignalSpy zoomed(m_view, &TreemapView::zoomChanged);
    ballast::TreeFilter apps;
    apps.search = QStringLiteral("app/");
    m_view->setScope(scopeOf(m_image, 1, apps));
    QVERIFY(waitReady());
    QCOMPARE(m_view->zoomRoot(), MergedTree::Root);
    QCOMPARE(zoomed.size(), 1);
    // Another image: back at its root.
    m_view->setZoomRoot(node(*m_image, "app"));
    QVERIFY(waitReady());
    auto other = sampleImage();
    m_view->setScope(scopeOf(other, 1));
    QCOMPARE(m_view->zoomRoot(), MergedTree::Root);
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), MergedTree::Root);
}

void TestTreemapView::exportPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    QVERIFY(m_view->exportPng(path));
    QImage read(path);
    QCOMPARE(read.size(), m_view->frame()->image.size());
    QVERIFY(!m_view->exportPng(dir.filePath(QStringLiteral("no/such/dir/map.png"))));
}

void TestTreemapView::exportSvg()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.svg"));
    QVERIFY(m_view->exportSvg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int rects = 0, texts = 0;
    QStringList titles, labels;
    QString rootName;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (rootName.isEmpty())
            rootName = xml.name().toString();
        if (xml.name() == QLatin1String("rect"))
            ++rects;
        else if (xml.name() == QLatin1String("title"))
            titles << xml.readElementText();
        else if (xml.name() == QLatin1String("text")) {
            ++texts;
            labels << xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(rootName, QStringLiteral("svg"));
    QCOMPARE(rects, int(m_view->frame()->layout->tiles().size()));
    QVERIFY(titles.contains(QStringLiteral("/usr/lib/libbig.so")));
    QVERIFY(texts > 0);
    QVERIFY2(labels.contains(QStringLiteral("libbig.so")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY(!m_view->exportSvg(dir.filePath(QStringLiteral("no/such/dir/map.svg"))));
}

void TestTreemapView::exportOnAFullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("png") << QStringLiteral("png");
}

// A full disk (RLIMIT_FSIZE) makes the export fail and leaves the file that was there byte for byte,
// never a truncated SVG or PNG in its place.
void TestTreemapView::exportOnAFullDiskKeepsTheOldFile()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.") + format);
    const QByteArray old = QByteArrayLiteral("<svg>the previous export</svg>\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(old), qint64(old.size()));
    }
    bool exported = true;
    {
        FileSizeLimit limit(200); // less than the SVG header and pattern, or the PNG of the map, alone
        exported = format == QLatin1String("svg") ? m_view->exportSvg(path) : m_view->exportPng(path);
    }
    QVERIFY(!exported);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), old);
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("map.") + format }); // no temporary left
}

void TestTreemapView::mapScaleShrinksOnlyTheMap()
{
    const QSize full = m_view->canvas()->size();
    m_view->setMapScale(0.5);
    // Half the side, so a quarter of the area; the header and legend keep the view's width.
    QTRY_COMPARE(m_view->canvas()->size(), QSize(full.width() / 2, full.height() / 2));
    QCOMPARE(m_view->legend()->width(), 700);
    QCOMPARE(m_view->breadcrumb()->y() + m_view->breadcrumb()->height() <= m_view->canvas()->y(), true);
    QCOMPARE(m_view->legend()->y() >= m_view->canvas()->y() + m_view->canvas()->height(), true);
    QVERIFY(waitReady());
    QCOMPARE(
        QSizeF(m_view->frame()->layout->width(), m_view->frame()->layout->height()), QSizeF(m_view->canvas()->size()));
    m_view->setMapScale(1.0);
    QTRY_COMPARE(m_view->canvas()->size(), full);
}

// A minimum of 150 kB draws libbig (400 kB), libmid (200 kB) and the tool (150 kB): 750 kB of the
// image's 957 kB. Tooltips keep the unfiltered sizes and shares; a chip names the filter; a filter
// that leaves nothing says so, with Clear.
void TestTreemapView::filteredMapKeepsTheTrueSharesAndSaysSo()
{
    ballast::TreeFilter big;
    big.minimumBytes = 150000;
    m_view->setScope(scopeOf(m_image, 1, big));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->bytesOf(0), int64_t(750000));
    QVERIFY(m_view->filterChip()->isVisible());
    QCOMPARE(m_view->filterChip()->text(), QStringLiteral("filtered: ≥ 150 kB · Clear"));
    auto tipOf = [this](const char *path) {
        return m_view->canvas()->toolTipFor(tileOf(*m_view->frame()->layout, node(*m_image, path)));
    };
    QString tip = tipOf("usr/lib/libbig.so");
    QVERIFY2(
        tip.contains(QStringLiteral("400 kB, 41.8 % of the image")), qPrintable(tip)); // 400000 / 957000, not / 750000
    // usr/lib: libbig, libmid and 50 files of 100 B = 605000 bytes, of which the filter draws 600000.
    tip = tipOf("usr/lib");
    QVERIFY2(tip.contains(QStringLiteral("605 kB, 63.2 % of the image")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("the filter shows 600 kB of it")), qPrintable(tip));
    QTest::mouseDClick(m_view->canvas(), Qt::LeftButton, {}, centreOf("usr/lib/libmid.so"));
    QVERIFY(waitReady());
    QCOMPARE(m_view->frame()->layout->root(), node(*m_image, "usr/lib"));
    tip = tipOf("usr/lib/libbig.so");
    QVERIFY2(tip.contains(QStringLiteral("400 kB, 66.1 % of /usr/lib")), qPrintable(tip)); // 400000 / 605000

    ballast::TreeFilter nothing;
    nothing.search = QStringLiteral("no-such-file");
    m_view->setScope(scopeOf(m_image, 1, nothing));
    QVERIFY(waitReady());
    QVERIFY(m_view->frame()->layout->tiles().empty());
    QVERIFY(m_view->filteredOutNote()->isVisible());
    QCOMPARE(m_view->filteredOutNote()->text(), QStringLiteral("No file matches the filter (search 'no-such-file')"));
    QSignalSpy cleared(m_view, &TreemapView::clearFilterRequested);
    QTest::mouseClick(m_view->filteredOutNote()->clearButton(), Qt::LeftButton);
    QTest::mouseClick(m_view->filterChip()->clearButton(), Qt::LeftButton);
    QCOMPARE(cleared.size(), 2);
    m_view->setScope(scopeOf(m_image, 1));
    QVERIFY(waitReady());
    QVERIFY(!m_view->filteredOutNote()->isVisible());
    QVERIFY(!m_view->filterChip()->isVisible());
}

QTEST_MAIN(TestTreemapView)
#include "test_treemap_view.moc"
