// File › Reload and File › Export Treemap act on the image shown, so they are enabled exactly while
// one is: not on the start page, not through a failed first load, again after a second image, not
// while a comparison is shown. An export from any tab writes what the Treemap tab draws, and one that
// fails says so. Driven through the window's own menu actions and a real file dialog (offscreen).
#include "UiTestSupport.h"

#include "treemap/TreemapView.h"
#include "widgets/LoadBanner.h"
#include "widgets/StartPage.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace ballast;
using namespace uitest;

namespace {
const QString Whiteouts = QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/whiteouts.oci-gzip.tar");
const QString Reload = QStringLiteral("&Reload");
const QString ExportPng = QStringLiteral("Export Treemap as &PNG…");
const QString ExportSvg = QStringLiteral("Export Treemap as &SVG…");
} // namespace

class TestImageActions : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QVERIFY(setUpWindow("test_ui_image_actions"));
    }
    void cleanupTestCase() { tearDownWindow(); }
    void disabledBeforeAnyImage();
    void disabledThroughAFailedFirstLoad();
    void enabledOnceAnImageIsShown();
    void exportFromTheFilesTabWritesTheTreemap();
    void failedExportSaysSo();
    void secondImageAndFailedLoadKeepThemEnabled();
    void comparisonDisablesThemUntilTheImageIsBack();

private:
    QAction *fileAction(const QString &text) const;
    QList<QAction *> imageActions() const;
    bool allEnabled(bool enabled) const;
    void answerSaveDialog(const QString &path);
    QString writeGarbage();

    QTemporaryDir m_temp;
};

// The action as the File menu holds it, by its text.
QAction *TestImageActions::fileAction(const QString &text) const
{
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->text() == QLatin1String("&File"))
            for (QAction *action : menu->menu()->actions())
                if (action->text() == text)
                    return action;
    return nullptr;
}

QList<QAction *> TestImageActions::imageActions() const
{
    return { fileAction(Reload), fileAction(ExportPng), fileAction(ExportSvg) };
}

bool TestImageActions::allEnabled(bool enabled) const
{
    for (QAction *action : imageActions())
        if (!action || action->isEnabled() != enabled)
            return false;
    return true;
}

// Writes the path into the save dialog the action opens, and clicks Save.
void TestImageActions::answerSaveDialog(const QString &path)
{
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [path, attempt] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(20, *attempt);
            return;
        }
        // setText, not typed keys: typing opens the completer's popup, which takes the Return.
        dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(path);
        auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        *attempt = nullptr; // breaks the cycle
    };
    QTimer::singleShot(20, *attempt);
}

QString TestImageActions::writeGarbage()
{
    const QString path = m_temp.filePath(QStringLiteral("random.tar"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    file.write(bytes);
    return path;
}

void TestImageActions::disabledBeforeAnyImage()
{
    QCOMPARE(m_window->findChild<QStackedWidget *>()->currentWidget(), m_window->startPage());
    for (QAction *action : imageActions())
        QVERIFY(action);
    QVERIFY(allEnabled(false));
    // F5 (the Reload shortcut) starts nothing.
    pressOnWindow(Qt::Key_F5);
    QVERIFY(!m_window->session()->isBusy());
    QVERIFY(!m_window->loadBanner()->isVisible());
}

void TestImageActions::disabledThroughAFailedFirstLoad()
{
    const QString garbage = writeGarbage();
    QVERIFY(!garbage.isEmpty());
    m_window->session()->open(garbage);
    QVERIFY(allEnabled(false)); // while it loads
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), LoadTimeout);
    QVERIFY(m_window->loadBanner()->isVisible()); // the error
    QVERIFY(!m_window->session()->current().image);
    QVERIFY(allEnabled(false));
}

void TestImageActions::enabledOnceAnImageIsShown()
{
    QVERIFY(resetToSample());
    QVERIFY(allEnabled(true));
    // Reload (F5) reads the image again.
    const auto before = m_window->session()->current().image;
    pressOnWindow(Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session()->current().image && m_window->session()->current().image != before, LoadTimeout);
    QVERIFY(waitForTree());
    QVERIFY(allEnabled(true));
}

void TestImageActions::exportFromTheFilesTabWritesTheTreemap()
{
    QVERIFY(resetToSample());
    m_window->showView(View::Files); // the Files tab: the treemap has not been drawn yet
    for (const char *format : { "png", "svg" }) {
        const QString path = m_temp.filePath(QStringLiteral("treemap.%1").arg(QLatin1String(format)));
        answerSaveDialog(path);
        fileAction(QLatin1String(format) == QLatin1String("png") ? ExportPng : ExportSvg)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->statusBar()->currentMessage(), QStringLiteral("Treemap saved as %1").arg(path), LoadTimeout);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(64);
        if (QLatin1String(format) == QLatin1String("png"))
            QVERIFY(head.startsWith("\x89PNG\r\n\x1a\n"));
        else
            QVERIFY2(head.contains("<svg") || head.startsWith("<?xml"), head.constData());
        QVERIFY(file.size() > 1000);
    }
    QCOMPARE(m_window->viewTabs()->currentWidget(), static_cast<QWidget *>(m_window->treemapView()));
}

void TestImageActions::failedExportSaysSo()
{
    QVERIFY(resetToSample());
    // /proc exists, so the dialog accepts the name, but no file can be created there, not even by root.
    const QString path = QStringLiteral("/proc/ballast-treemap.png");
    answerSaveDialog(path);
    fileAction(ExportPng)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->statusBar()->currentMessage(),
        QStringLiteral("Could not save the treemap as %1: the file cannot be written there").arg(path), LoadTimeout);
    QVERIFY(!QFileInfo::exists(path));
}

void TestImageActions::secondImageAndFailedLoadKeepThemEnabled()
{
    QVERIFY(resetToSample());
    m_window->session()->open(Whiteouts);
    QVERIFY(allEnabled(true)); // the sample is still shown while the next one loads
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session()->currentSource() == Whiteouts && !m_window->session()->isBusy(), LoadTimeout);
    QVERIFY(waitForTree());
    QVERIFY(allEnabled(true));
    m_window->session()->open(writeGarbage());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), LoadTimeout);
    QCOMPARE(m_window->session()->currentSource(), Whiteouts); // the failure changed nothing
    QVERIFY(allEnabled(true));
    // Reload reads the image shown, the second one.
    const auto before = m_window->session()->current().image;
    fileAction(Reload)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session()->current().image != before && !m_window->session()->isBusy(), LoadTimeout);
    QCOMPARE(m_window->session()->currentSource(), Whiteouts);
    m_window->loadBanner()->hide();
}

void TestImageActions::comparisonDisablesThemUntilTheImageIsBack()
{
    QVERIFY(resetToSample());
    QSignalSpy compared(m_window.get(), &MainWindow::comparisonShown);
    m_window->session()->compare(m_samplePath, Whiteouts);
    QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, LoadTimeout);
    QVERIFY(m_window->isComparing());
    QVERIFY(allEnabled(false)); // they would act on the image hidden behind the comparison
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->text() == QLatin1String("&View"))
            for (QAction *action : menu->menu()->actions())
                if (action->text() == QLatin1String("&Single Image"))
                    action->trigger();
    QVERIFY(!m_window->isComparing());
    QVERIFY(allEnabled(true));
}

QTEST_MAIN(TestImageActions)
#include "test_image_actions.moc"
