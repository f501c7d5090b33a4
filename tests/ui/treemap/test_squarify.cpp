// The squarified algorithm itself, on the example of Bruls, Huizing & van Wijk ("Squarified Treemaps",
// 2000, figure 3): areas 6, 6, 4, 3, 2, 2, 1 in a 6×4 rectangle. The expected rectangles were worked out
// by hand with the paper's rule (a row grows while its worst aspect ratio does not get worse):
//   row 1, along the left (height 4):   6, 6        → width 3: 3×2, 3×2               worst 1.5
//   row 2, along the top  (width 3):    4, 3        → height 7/3: 12/7×7/3, 9/7×7/3   worst 1.81 (adding 2: 4.5)
//   row 3, along the left (height 5/3): 2           → 1.2×5/3 (adding the next 2: 2.88 > 1.39)
//   row 4, along the left (height 5/3): 2           → 1.2×5/3 (adding 1: 3.24 > 1.39)
//   row 5:                              1           → 0.6×5/3                         worst 2.78
#include "treemap/Squarify.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <vector>

using ballast::SquarifyRect;

class TestSquarify : public QObject {
    Q_OBJECT
private slots:
    void paperExample();
    void fillsWithoutOverlap_data();
    void fillsWithoutOverlap();
    void degenerateRectangle();
};

namespace {
constexpr double Eps = 1e-9;
bool near(double a, double b, double eps = 1e-6)
{
    return std::abs(a - b) <= eps;
}
double overlap(const SquarifyRect &a, const SquarifyRect &b)
{
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}
} // namespace

void TestSquarify::paperExample()
{
    const std::vector<double> areas { 6, 6, 4, 3, 2, 2, 1 };
    std::vector<SquarifyRect> out(areas.size());
    ballast::squarify({ 0, 0, 6, 4 }, areas, out);
    const std::vector<SquarifyRect> expected {
        { 0, 0, 3, 2 },
        { 0, 2, 3, 2 },
        { 3, 0, 12.0 / 7, 7.0 / 3 },
        { 3 + 12.0 / 7, 0, 9.0 / 7, 7.0 / 3 },
        { 3, 7.0 / 3, 1.2, 5.0 / 3 },
        { 4.2, 7.0 / 3, 1.2, 5.0 / 3 },
        { 5.4, 7.0 / 3, 0.6, 5.0 / 3 },
    };
    double worst = 0;
    for (size_t i = 0; i < areas.size(); ++i) {
        QVERIFY2(near(out[i].x, expected[i].x) && near(out[i].y, expected[i].y) && near(out[i].w, expected[i].w)
                && near(out[i].h, expected[i].h),
            qPrintable(QStringLiteral("area %1: got %2,%3 %4×%5")
                           .arg(areas[i])
                           .arg(out[i].x)
                           .arg(out[i].y)
                           .arg(out[i].w)
                           .arg(out[i].h)));
        worst = std::max(worst, ballast::aspectRatio(out[i]));
    }
    // The worst aspect ratio of the layout: the last tile, 0.6 × 5/3.
    QCOMPARE(qRound(worst * 1000), qRound((5.0 / 3) / 0.6 * 1000)); // 2.778
    qInfo("worst aspect ratio on the paper's example: %.3f", worst);
}

void TestSquarify::fillsWithoutOverlap_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("one") << 1 << 100.0 << 50.0 << 1u;
    QTest::newRow("ten wide") << 10 << 800.0 << 100.0 << 2u;
    QTest::newRow("hundred tall") << 100 << 90.0 << 700.0 << 3u;
    QTest::newRow("thousand square") << 1000 << 500.0 << 500.0 << 4u;
}

void TestSquarify::fillsWithoutOverlap()
{
    QFETCH(int, count);
    QFETCH(double, width);
    QFETCH(double, height);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    std::vector<double> weights(static_cast<size_t>(count), 0.0);
    for (double &w : weights)
        w = 1 + random.bounded(1000.0) * random.bounded(1000.0);
    std::sort(weights.begin(), weights.end(), std::greater<>());
    double total = 0;
    for (double w : weights)
        total += w;
    std::vector<double> areas;
    for (double w : weights)
        areas.push_back(w / total * width * height);
    std::vector<SquarifyRect> out(areas.size());
    ballast::squarify({ 10, 20, width, height }, areas, out);
    double sum = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        const SquarifyRect &r = out[i];
        QVERIFY(
            r.x >= 10 - Eps && r.y >= 20 - Eps && r.x + r.w <= 10 + width + 1e-6 && r.y + r.h <= 20 + height + 1e-6);
        QVERIFY2(near(r.w * r.h, areas[i], areas[i] * 1e-6 + 1e-6), qPrintable(QString::number(i)));
        sum += r.w * r.h;
        for (size_t j = i + 1; j < out.size(); ++j)
            QVERIFY(overlap(r, out[j]) < 1e-6);
    }
    QVERIFY(near(sum, width * height, 1e-6 * width * height));
}

void TestSquarify::degenerateRectangle()
{
    const std::vector<double> areas { 0, 0 };
    std::vector<SquarifyRect> out(2, SquarifyRect { 9, 9, 9, 9 });
    ballast::squarify({ 5, 5, 0, 10 }, areas, out);
    QCOMPARE(out[0].w * out[0].h, 0.0);
    QCOMPARE(out[1].x, 5.0);
}

QTEST_APPLESS_MAIN(TestSquarify)
#include "test_squarify.moc"
