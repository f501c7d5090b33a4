// Colourings: the file-type rules (names, the executable bit, package-cache paths), the layer palette,
// the status fills, the colour each tile of the sample image gets, and the cushion-shaded image.
#include "TreemapTestSupport.h"
#include "analysis/PathRules.h"
#include "models/EntryText.h"
#include "treemap/TreemapColors.h"
#include "treemap/TreemapFrame.h"

#include <QTest>
#include <set>

using namespace treemaptest;
using ballast::FileCategory;
using ballast::TreemapColoring;

class TestTreemapColors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_image = sampleImage(); }
    void classify_data();
    void classify();
    void packageCache_data();
    void packageCache();
    void layerPalette();
    void statusFills();
    void tileColorsOfTheSample();
    void legend();
    void renderedImage();
    void renderedAtDoubleDensity();

private:
    std::shared_ptr<ballast::Image> m_image;
};

void TestTreemapColors::classify_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("executable");
    QTest::addColumn<bool>("inCache");
    QTest::addColumn<int>("category");
    auto row = [](const char *name, bool exec, bool cache, FileCategory c) {
        QTest::newRow(name) << QString::fromUtf8(name) << exec << cache << int(c);
    };
    row("libc.so.6", false, false, FileCategory::SharedLibrary);
    row("libssl.so.3.0.2", true, false, FileCategory::SharedLibrary);
    row("libfoo.so", true, false, FileCategory::SharedLibrary);
    row("libz.a", false, false, FileCategory::SharedLibrary);
    row("not.so.good", false, false, FileCategory::Other);
    row("bash", true, false, FileCategory::Executable);
    row("data", false, false, FileCategory::Other);
    row("run.sh", true, false, FileCategory::Source);
    row("main.GO", false, false, FileCategory::Source);
    row("module.pyc", false, false, FileCategory::PythonBytecode);
    row("README.md", false, false, FileCategory::Text);
    row("nginx.conf", false, false, FileCategory::Text);
    row("package.json", false, false, FileCategory::Text);
    row("python3.11.tar.gz", false, false, FileCategory::Archive);
    row("numpy-1.26-cp311.whl", false, false, FileCategory::Archive);
    row("app.jar", false, false, FileCategory::Archive);
    row("libssl3.deb", false, false, FileCategory::Archive);
    row("logo.PNG", false, false, FileCategory::Picture);
    row("icon.svg", false, false, FileCategory::Picture);
    row("anything.deb in cache", false, true, FileCategory::PackageCache);
}

void TestTreemapColors::classify()
{
    QFETCH(QString, name);
    QFETCH(bool, executable);
    QFETCH(bool, inCache);
    QFETCH(int, category);
    const QByteArray utf8 = name.toUtf8();
    QCOMPARE(
        int(ballast::classifyFile(std::string_view(utf8.data(), size_t(utf8.size())), executable, inCache)), category);
}

void TestTreemapColors::packageCache_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("cache");
    QTest::newRow("apt archives") << "var/cache/apt/archives" << true;
    // Only the package managers' directories in it: debconf keeps its database in /var/cache.
    QTest::newRow("var/cache") << "var/cache" << false;
    QTest::newRow("debconf") << "var/cache/debconf" << false;
    QTest::newRow("apk cache in etc") << "etc/apk/cache" << true;
    QTest::newRow("pip with HOME=/app") << "app/.cache/pip/http" << true;
    QTest::newRow("nuget") << "root/.nuget/packages/newtonsoft.json" << true;
    QTest::newRow("nuget config") << "root/.nuget/NuGet" << false;
    QTest::newRow("maven settings") << "root/.m2" << false;
    QTest::newRow("gradle") << "home/app/.gradle/caches" << true;
    QTest::newRow("rust image's cargo home") << "usr/local/cargo/registry" << true;
    QTest::newRow("composer") << "root/.composer/cache" << true;
    QTest::newRow("apt lists") << "var/lib/apt/lists" << true;
    QTest::newRow("apt lists partial") << "var/lib/apt/lists/partial" << true;
    QTest::newRow("pip") << "root/.cache/pip" << true;
    QTest::newRow("npm") << "home/node/.npm/_cacache" << true;
    QTest::newRow("go modules") << "root/go/pkg/mod" << true;
    QTest::newRow("cargo registry") << "usr/local/cargo/.cargo/registry" << true;
    QTest::newRow("maven") << "root/.m2/repository" << true;
    QTest::newRow("var/lib/apt") << "var/lib/apt" << false;
    QTest::newRow("var/cachet") << "var/cachet" << false;
    QTest::newRow("usr/lib") << "usr/lib" << false;
    QTest::newRow("mod without go/pkg") << "usr/pkg/mod" << false;
    QTest::newRow("cache without dot") << "usr/share/cache" << false;
}

void TestTreemapColors::packageCache()
{
    QFETCH(QString, path);
    QFETCH(bool, cache);
    const std::string utf8 = path.toStdString();
    QCOMPARE(ballast::isPackageCacheDirectory(utf8), cache);
}

void TestTreemapColors::layerPalette()
{
    // Stable: the same colour for the same layer, every time (the layers pane relies on it).
    QCOMPARE(ballast::layerColor(3), ballast::layerColor(3));
    QCOMPARE(ballast::layerColor(-1), QColor(0xa0, 0xa0, 0xa0));
    // Distinct: no two of the first 40 layers share a colour, and neighbours differ clearly in hue.
    std::set<QRgb> seen;
    for (int layer = 0; layer < 40; ++layer) {
        QVERIFY(seen.insert(ballast::layerColor(layer).rgb()).second);
        const int a = ballast::layerColor(layer).hsvHue(), b = ballast::layerColor(layer + 1).hsvHue();
        const int distance = std::min(std::abs(a - b), 360 - std::abs(a - b));
        QVERIFY2(distance >= 40,
            qPrintable(QStringLiteral("layers %1 and %2: %3°").arg(layer).arg(layer + 1).arg(distance)));
    }
}

void TestTreemapColors::statusFills()
{
    QPalette dark;
    dark.setColor(QPalette::Base, Qt::black);
    QCOMPARE(ballast::treemapStatusColor(ballast::NodeStatus::Added),
        ballast::statusColor(ballast::NodeStatus::Added, dark));
    QCOMPARE(ballast::treemapStatusColor(ballast::NodeStatus::Removed),
        ballast::statusColor(ballast::NodeStatus::Removed, dark));
    QVERIFY(ballast::treemapStatusColor(ballast::NodeStatus::Unchanged)
        != ballast::treemapStatusColor(ballast::NodeStatus::Added));
}

void TestTreemapColors::tileColorsOfTheSample()
{
    auto layout = ballast::TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 800, 600);
    auto colorOf = [&](TreemapColoring coloring, const char *path) {
        return QColor::fromRgb(ballast::tileColors(*layout, coloring)[tileOf(*layout, node(*m_image, path))]);
    };
    using ballast::fileCategoryColor;
    QCOMPARE(colorOf(TreemapColoring::FileType, "usr/lib/libbig.so"), fileCategoryColor(FileCategory::SharedLibrary));
    QCOMPARE(colorOf(TreemapColoring::FileType, "usr/bin/tool"), fileCategoryColor(FileCategory::Executable));
    QCOMPARE(colorOf(TreemapColoring::FileType, "app/main.py"), fileCategoryColor(FileCategory::Source));
    QCOMPARE(colorOf(TreemapColoring::FileType, "app/data.bin"), fileCategoryColor(FileCategory::Other));
    QCOMPARE(
        colorOf(TreemapColoring::FileType, "var/cache/apt/pkg.deb"), fileCategoryColor(FileCategory::PackageCache));
    QCOMPARE(colorOf(TreemapColoring::Layer, "usr/lib/libbig.so"), ballast::layerColor(0));
    QCOMPARE(colorOf(TreemapColoring::Layer, "app/main.py"), ballast::layerColor(1));
    QCOMPARE(colorOf(TreemapColoring::Status, "app/main.py"), ballast::treemapStatusColor(ballast::NodeStatus::Added));
    QCOMPARE(
        colorOf(TreemapColoring::Status, "usr/bin/tool"), ballast::treemapStatusColor(ballast::NodeStatus::Unchanged));
}

void TestTreemapColors::legend()
{
    QCOMPARE(ballast::legendEntries(TreemapColoring::FileType, m_image.get()).size(),
        size_t(ballast::FileCategoryCount + 1));
    const auto layers = ballast::legendEntries(TreemapColoring::Layer, m_image.get());
    QCOMPARE(layers.size(), size_t(2 + 1));
    QCOMPARE(layers[1].color, ballast::layerColor(1));
    QCOMPARE(layers[1].toolTip, QStringLiteral("COPY app /app"));
    QCOMPARE(ballast::legendEntries(TreemapColoring::Status, m_image.get()).size(), size_t(4 + 1));
}

void TestTreemapColors::renderedImage()
{
    ballast::TreemapRequest request;
    request.scope = scopeOf(m_image, 1);
    request.size = QSize(400, 300);
    request.layoutOptions.headerHeight = 16;
    request.coloring = TreemapColoring::Layer;
    auto frame = ballast::buildTreemapFrame(request);
    QVERIFY(frame);
    QCOMPARE(frame->image.size(), QSize(400, 300));
    QCOMPARE(frame->image.format(), QImage::Format_ARGB32_Premultiplied);
    QCOMPARE(frame->colors.size(), frame->layout->tiles().size());
    // The middle of a cushion faces the light: about the tile's own colour. Its edges are darker.
    const Tile &big = frame->layout->tiles()[tileOf(*frame->layout, node(*m_image, "usr/lib/libbig.so"))];
    const QColor base = ballast::layerColor(0);
    const QColor middle = frame->image.pixelColor(int(big.x + big.w / 2), int(big.y + big.h / 2));
    QVERIFY2(
        std::abs(middle.hsvHue() - base.hsvHue()) <= 4, qPrintable(middle.name() + QLatin1Char(' ') + base.name()));
    QVERIFY(middle.value() >= base.value() * 0.8);
    const QColor edge = frame->image.pixelColor(int(big.x + big.w) - 1, int(big.y + big.h) - 1);
    QVERIFY2(edge.value() < middle.value(), qPrintable(edge.name() + QLatin1Char(' ') + middle.name()));
    // Cancelled: no frame.
    std::atomic<bool> cancel { true };
    QVERIFY(!ballast::buildTreemapFrame(request, &cancel));
}

void TestTreemapColors::renderedAtDoubleDensity()
{
    ballast::TreemapRequest request;
    request.scope = scopeOf(m_image, 1);
    request.size = QSize(300, 200);
    request.renderOptions.devicePixelRatio = 2;
    auto frame = ballast::buildTreemapFrame(request);
    QCOMPARE(frame->image.size(), QSize(600, 400));
    QCOMPARE(frame->image.deviceIndependentSize(), QSizeF(300, 200));
    QCOMPARE(frame->layout->width(), 300.f);
}

QTEST_MAIN(TestTreemapColors)
#include "test_treemap_colors.moc"
