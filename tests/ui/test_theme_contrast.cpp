// Text a person must read keeps WCAG AA contrast (4.5:1) in both themes: the file links of the
// image overview's findings (details pane) and a string literal of the Dockerfile editor. The real
// main window, with the theme applied as the app applies it (at start, or from View › Theme), is
// grabbed to an image, and the test reads the pixels of that text and of the background around it.
// The contrast formula is WCAG 2.x's own (relative luminance of sRGB), written out here.
#include "UiTestSupport.h"

#include "Theme.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "panes/DetailsPane.h"

#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <cmath>

using namespace ballast;
using namespace uitest;

namespace {

const QString SampleDockerfile = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/Dockerfile");
constexpr double WcagAA = 4.5;

double luminance(const QColor &c)
{
    auto linear = [](int channel) {
        const double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The text's colour and its background as drawn: the background is the commonest colour of the
// area, the text the pixel that stands out most from it (a glyph's stem, fully covered).
struct Reading {
    QColor ink, background;
    double ratio = 0;
    QString describe() const
    {
        return QStringLiteral("%1 on %2: %3:1").arg(ink.name(), background.name()).arg(ratio, 0, 'f', 2);
    }
};

Reading read(const QImage &shot, const QRect &area)
{
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[shot.pixel(x, y)];
    Reading reading;
    int most = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it.value() > most)
            most = it.value(), reading.background = QColor(it.key());
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (const double ratio = contrast(QColor(it.key()), reading.background); ratio > reading.ratio)
            reading.ratio = ratio, reading.ink = QColor(it.key());
    return reading;
}

// A cursor at the start of the first "node:" link of the details pane.
QTextCursor firstLink(DetailsPane *details)
{
    for (QTextBlock block = details->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().anchorHref().startsWith(QLatin1String("node:"))) {
                QTextCursor cursor(details->document());
                cursor.setPosition(it.fragment().position());
                return cursor;
            }
    return {};
}

int linkLength(DetailsPane *details, const QTextCursor &link)
{
    const QTextBlock block = details->document()->findBlock(link.position());
    for (auto it = block.begin(); !it.atEnd(); ++it)
        if (it.fragment().position() == link.position())
            return it.fragment().length();
    return 0;
}

QAction *themeAction(MainWindow &window, const QString &name)
{
    for (QAction *menu : window.menuBar()->actions())
        if (menu->text() == QLatin1String("&View"))
            for (QAction *item : menu->menu()->actions())
                if (item->menu() && item->text() == QLatin1String("&Theme"))
                    for (QAction *theme : item->menu()->actions())
                        if (theme->text() == name)
                            return theme;
    return nullptr;
}

} // namespace

class TestThemeContrast : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(startWith(Theme::Light)); }
    void cleanupTestCase() { tearDownWindow(); }
    void lightAtStart() { check("light-at-start"); }
    // The image overview and the Dockerfile are on screen when the person switches the theme.
    void darkFromTheMenu()
    {
        switchTheme(QStringLiteral("Dark"));
        check("dark-from-menu");
    }
    void darkAtStart()
    {
        QVERIFY(startWith(Theme::Dark));
        check("dark-at-start");
    }
    void lightFromTheMenu()
    {
        switchTheme(QStringLiteral("Light"));
        check("light-from-menu");
    }

private:
    bool startWith(Theme theme);
    void switchTheme(const QString &name);
    void check(const char *name);
    Reading readLink(MainWindow &window, const QImage &shot);
    Reading readString(MainWindow &window, const QImage &shot);
};

// A new window in the theme, as main() applies it before the window exists, with the sample open,
// its findings in the details pane (View › Image Overview, Ctrl+I) and its Dockerfile in its tab.
bool TestThemeContrast::startWith(Theme theme)
{
    if (m_window)
        tearDownWindow();
    applyTheme(theme);
    if (!setUpWindow("test_ui_theme_contrast"))
        return false;
    m_window->session()->open(m_samplePath);
    if (!QTest::qWaitFor([this] { return m_window->windowTitle() == SampleTitle; }, LoadTimeout) || !waitForTree())
        return false;
    if (!m_window->openDockerfile(SampleDockerfile))
        return false;
    pressOnWindow(Qt::Key_I, Qt::ControlModifier);
    return m_window->detailsPane()->toPlainText().contains(QLatin1String("Findings"))
        && m_window->viewTabs()->currentWidget() == m_window->dockerfilePane();
}

void TestThemeContrast::switchTheme(const QString &name)
{
    QAction *action = themeAction(*m_window, name);
    QVERIFY(action);
    action->trigger();
    QVERIFY(action->isChecked());
}

// The first file link of the findings (the caller scrolled it into view).
Reading TestThemeContrast::readLink(MainWindow &window, const QImage &shot)
{
    DetailsPane *details = window.detailsPane();
    const QTextCursor link = firstLink(details);
    if (link.isNull())
        return {};
    QTextCursor end = link;
    end.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor, linkLength(details, link));
    const QRect first = details->cursorRect(link), last = details->cursorRect(end);
    if (first.top() < 0 || last.bottom() > details->viewport()->height())
        return {};
    const QRect inViewport(first.topLeft() + QPoint(2, 0), QPoint(last.left() - 2, first.bottom()));
    return read(shot, QRect(details->viewport()->mapTo(&window, inViewport.topLeft()), inViewport.size()));
}

// The string literal of the CMD line: ["/opt/app/bin/start.sh"].
Reading TestThemeContrast::readString(MainWindow &window, const QImage &shot)
{
    DockerfileEditor *editor = window.dockerfilePane()->editor();
    const QTextCursor found = editor->document()->find(QStringLiteral("\"/opt/app/bin/start.sh\""));
    if (found.isNull())
        return {};
    QTextCursor start(editor->document()), end(editor->document());
    start.setPosition(found.selectionStart());
    end.setPosition(found.selectionEnd());
    const QRect first = editor->cursorRect(start), last = editor->cursorRect(end);
    if (first.top() < 0 || last.bottom() > editor->viewport()->height())
        return {};
    // The upper part of the line: glyph stems, never an underline a hint may draw under it.
    const QRect inViewport(
        first.topLeft() + QPoint(2, 0), QPoint(last.left() - 2, first.top() + first.height() * 3 / 4));
    return read(shot, QRect(editor->viewport()->mapTo(&window, inViewport.topLeft()), inViewport.size()));
}

void TestThemeContrast::check(const char *name)
{
    MainWindow &window = *m_window;
    // Scrolled, not shown anew: the first link of the findings, and the Dockerfile's last lines.
    DetailsPane *details = window.detailsPane();
    QVERIFY(details->toPlainText().contains(QLatin1String("Findings")));
    const QTextCursor firstFileLink = firstLink(details);
    QVERIFY(!firstFileLink.isNull());
    details->setTextCursor(firstFileLink);
    details->ensureCursorVisible();
    QCOMPARE(window.viewTabs()->currentWidget(), window.dockerfilePane());
    DockerfileEditor *editor = window.dockerfilePane()->editor();
    editor->verticalScrollBar()->setValue(editor->verticalScrollBar()->maximum());
    QTest::qWait(50);

    const QImage shot = window.grab().toImage();
    const Reading link = readLink(window, shot), string = readString(window, shot);
    const QString saved = QDir::temp().filePath(QStringLiteral("ballast-contrast-%1.png").arg(QLatin1String(name)));
    if (link.ratio < WcagAA || string.ratio < WcagAA)
        shot.save(saved);
    QVERIFY2(link.ratio > 1.2, qPrintable(QStringLiteral("no link drawn in the details pane; see %1").arg(saved)));
    QVERIFY2(string.ratio > 1.2, qPrintable(QStringLiteral("no string drawn in the editor; see %1").arg(saved)));
    QStringList tooFaint;
    if (link.ratio < WcagAA)
        tooFaint << QStringLiteral("details link: ") + link.describe();
    if (string.ratio < WcagAA)
        tooFaint << QStringLiteral("Dockerfile string: ") + string.describe();
    QVERIFY2(
        tooFaint.isEmpty(), qPrintable(tooFaint.join(QStringLiteral("; ")) + QStringLiteral(" (see %1)").arg(saved)));
    // The background is the theme's: dark in the dark theme, light in the light one.
    const bool dark = QByteArray(name).startsWith("dark");
    QCOMPARE(luminance(link.background) < 0.2, dark);
    QCOMPARE(luminance(string.background) < 0.2, dark);
}

QTEST_MAIN(TestThemeContrast)
#include "test_theme_contrast.moc"
