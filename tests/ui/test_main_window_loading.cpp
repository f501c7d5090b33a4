// The main window's loading paths driven as a person would (offscreen platform): reload and the
// findings' links, a failed load, Cancel and Esc, drag and drop, recent files and the start page.
#include "UiTestSupport.h"

#include "ImageWriter.h"
#include "panes/DetailsPane.h"
#include "util/LoadError.h"
#include "widgets/LoadBanner.h"
#include "widgets/StartPage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTimer>

using namespace ballast;
using namespace uitest;

class TestMainWindowLoading : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QVERIFY(setUpWindow("test_ui_main_window_loading"));
        QVERIFY(resetToSample());
    }
    void init() { QVERIFY(resetToSample()); }
    void cleanupTestCase() { tearDownWindow(); }
    void findingLinkSelectsFile_data();
    void findingLinkSelectsFile();
    void failedLoadKeepsTheImage();
    void cancelLoading();
    void dropOpensImage();
    void recentFilesListThePaths();

private:
    QTemporaryDir m_temp;
};

void TestMainWindowLoading::findingLinkSelectsFile_data()
{
    QTest::addColumn<bool>("withSearch");
    QTest::newRow("tree filtered by a search") << true;
    QTest::newRow("tree at the last layer, unfiltered") << false;
}

// After loading (F5 reloads) the details pane lists the findings; clicking a file in one selects it.
void TestMainWindowLoading::findingLinkSelectsFile()
{
    QFETCH(bool, withSearch);
    const auto before = m_window->session()->current().image;
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->current().image != before, LoadTimeout);
    QVERIFY(waitForTree());
    if (withSearch) {
        QTest::mouseClick(tree()->searchField(), Qt::LeftButton);
        QTest::keyClicks(tree()->searchField(), QStringLiteral("zzz"));
        QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->rowCount(), 0, LoadTimeout);
    }
    DetailsPane *details = m_window->detailsPane();
    QTextCursor link;
    QString target;
    for (QTextBlock block = details->document()->begin(); block.isValid() && target.isEmpty(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().anchorHref().startsWith(QLatin1String("node:"))) {
                link = QTextCursor(details->document());
                link.setPosition(it.fragment().position() + 1);
                target = it.fragment().text().mid(1); // "/tmp/build" → "tmp/build"
                break;
            }
    QVERIFY2(!target.isEmpty(), "no finding links to a file");
    QVERIFY(m_sample.visible(6, {}).contains(target));
    QTest::mouseClick(details->viewport(), Qt::LeftButton, {}, details->cursorRect(link).center());
    QTRY_COMPARE_WITH_TIMEOUT(pathOf(treeView()->currentIndex()), target, 5000);
    QCOMPARE(tree()->filter(), TreeFilter {});
    QCOMPARE(QApplication::focusWidget(), treeView());
}

void TestMainWindowLoading::failedLoadKeepsTheImage()
{
    const QString garbage = m_temp.filePath(QStringLiteral("random.tar"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    file.write(bytes);
    file.close();
    QString message;
    try {
        ImageLoader().load(garbage);
    } catch (const LoadError &error) {
        message = error.message();
    }
    QVERIFY(!message.isEmpty());

    const auto image = m_window->session()->current().image;
    const QString title = m_window->windowTitle();
    m_window->session()->open(garbage);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), LoadTimeout);
    LoadBanner *banner = m_window->loadBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(
        banner->messageLabel()->text().contains(message.toHtmlEscaped()), qPrintable(banner->messageLabel()->text()));
    QCOMPARE(m_window->session()->current().image, image);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(tree()->model()->scope()->image, image);
    QCOMPARE(layersView()->model()->rowCount(), 13);
    QVERIFY(!QSettings().value(QStringLiteral("recentFiles")).toStringList().contains(garbage));
    QPushButton *dismiss = nullptr;
    for (QPushButton *button : banner->findChildren<QPushButton *>())
        if (button->text() == QLatin1String("Dismiss"))
            dismiss = button;
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!banner->isVisible());
}

void TestMainWindowLoading::cancelLoading()
{
    using namespace ballast::test;
    ImageSpec spec;
    spec.tags = { "big:1" };
    for (int k = 0; k < 4; ++k) { // 4 × 16 MiB: far more than can load between the click and the cancel
        LayerSpec layer;
        layer.compression = LayerCompression::Gzip;
        layer.createdBy = "RUN make " + std::to_string(k);
        layer.entries.push_back(
            fileEntry("data/" + std::to_string(k) + ".bin", std::string(size_t(16) << 20, char('a' + k))));
        spec.layers.push_back(layer);
    }
    const QString big = writeArchive(singleImage(Format::OciArchive, spec), m_temp.path(), QStringLiteral("big")).path;
    const auto image = m_window->session()->current().image;
    for (bool byKey : { false, true }) {
        m_window->session()->open(big);
        QVERIFY(m_window->loadBanner()->cancelButton()->isVisible());
        if (byKey)
            QTest::keyClick(m_window.get(), Qt::Key_Escape);
        else
            QTest::mouseClick(m_window->loadBanner()->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), LoadTimeout);
        QVERIFY(!m_window->loadBanner()->isVisible());
        // Cancel is asked for before the worker can have decoded 64 MiB: it always wins.
        QVERIFY(m_window->session()->current().image == image);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Loading cancelled"));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("ballast-sample:1 — Ballast"));
    }
}

// Drag and drop cannot be simulated with QTest offscreen; the events are delivered the way Qt
// delivers them, through QCoreApplication::sendEvent. Dropped on an open image, a file brings up a
// menu (open it, or compare): the person answers it with the mouse or Escape. The pointer is moved
// as a person's is: to the drop point, then onto the item. From Qt 6.8 on, a menu ignores a press
// unless the pointer moved since it opened, and QTest's clicks on widgets do not move the pointer.
void TestMainWindowLoading::dropOpensImage()
{
    const QString other = QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/whiteouts.oci-gzip.tar");
    auto drop = [&](const QString &choice) {
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(other) });
        const QPoint centre = m_window->rect().center();
        QTest::mouseMove(m_window.get(), centre);
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QStringList offered;
        auto answer = std::make_shared<std::function<void()>>();
        // Runs inside the menu's event loop, re-arming itself until the menu is up; a weak reference
        // to itself, so that it does not keep itself alive (LeakSanitizer).
        *answer = [&, self = std::weak_ptr<std::function<void()>>(answer)] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu) {
                if (auto again = self.lock())
                    QTimer::singleShot(10, *again);
                return;
            }
            for (QAction *action : menu->actions())
                offered << action->text();
            for (QAction *action : menu->actions())
                if (action->text() == choice) {
                    QTest::mouseMove(menu, menu->actionGeometry(action).center());
                    return QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
                }
            QTest::keyClick(menu, Qt::Key_Escape);
        };
        QTimer::singleShot(0, *answer);
        QDropEvent event(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(m_window.get(), &event);
        QVERIFY(event.isAccepted());
        QCOMPARE(offered,
            QStringList(
                { QStringLiteral("Open whiteouts.oci-gzip.tar"), QStringLiteral("Compare with sample.oci-gzip.tar") }));
    };
    drop(QString()); // Escape: nothing happens
    QVERIFY(!m_window->session()->isBusy());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ballast-sample:1 — Ballast"));
    drop(QStringLiteral("Open whiteouts.oci-gzip.tar"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), QStringLiteral("whiteouts:1 — Ballast"), LoadTimeout);
    QVERIFY(waitForTree());
    QCOMPARE(int(m_window->session()->current().image->layers.size()), 3);
    QCOMPARE(tree()->model()->scope()->layer, 2);
}

void TestMainWindowLoading::recentFilesListThePaths()
{
    const QString other
        = QFileInfo(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/whiteouts.oci-gzip.tar")).absoluteFilePath();
    const QStringList expected { m_samplePath, other }; // init() reopened the sample after the drop
    QMenu *recentMenu = nullptr;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        if (menu->title() == QLatin1String("Open &Recent"))
            recentMenu = menu;
    QVERIFY(recentMenu && recentMenu->isEnabled());
    QStringList inMenu;
    for (QAction *action : recentMenu->actions())
        inMenu << action->text();
    QCOMPARE(inMenu.mid(0, 2), expected);
    QVERIFY(!inMenu.contains(m_temp.filePath(QStringLiteral("random.tar"))));

    // A new window starts on its start page, listing them; double-clicking one opens it.
    MainWindow second;
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    auto *list = second.startPage()->findChild<QListWidget *>();
    QVERIFY(list->count() >= 2);
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), m_samplePath);
    QCOMPARE(list->item(1)->data(Qt::UserRole).toString(), other);
    doubleClick(list->viewport(), list->visualItemRect(list->item(1)).center());
    QTRY_COMPARE_WITH_TIMEOUT(second.windowTitle(), QStringLiteral("whiteouts:1 — Ballast"), LoadTimeout);
    QVERIFY(!second.session()->isBusy());
}

QTEST_MAIN(TestMainWindowLoading)
#include "test_main_window_loading.moc"
