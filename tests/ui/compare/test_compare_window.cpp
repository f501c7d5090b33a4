// The comparison in the main window, as a person goes through it: `ballast A B` then View › Single
// Image, "Open B alone" and back with View › Comparison, comparing again, Ctrl+F in the diff tree, the
// window title at every step and the compared images in Open Recent. The two images are the
// before/after pair of ComparePair.h; each test starts from a new window with empty settings.
#include "ComparePair.h"
#include "UiTestSupport.h"

#include "RecentFiles.h"
#include "compare/ComparePane.h"
#include "compare/DiffTreeModel.h"
#include "widgets/StartPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ballast;
using namespace uitest;

class TestCompareWindow : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QVERIFY(setUpWindow("test_ui_compare_window")); }
    void cleanup() { tearDownWindow(); }
    void singleImageAfterTwoArgumentsShowsA();
    void openBAloneThenBackToTheComparison();
    void compareSingleCompareAgain();
    void comparedImagesGoIntoRecent();
    void ctrlFSearchesWhatIsShown();

private:
    bool compare(const QString &a, const QString &b);
    QAction *menuAction(const QString &menu, const QString &text) const;
    void trigger(const QString &menu, const QString &text);
    QString title(const QString &name) const { return name + QStringLiteral(" — Ballast"); }
    QString compareTitle(const QString &a, const QString &b) const
    {
        return a + QStringLiteral(" ↔ ") + b + QStringLiteral(" — Ballast");
    }
    QTemporaryDir m_dir;
    comparepair::Paths m_paths;
};

void TestCompareWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_paths = comparepair::write(m_dir.path());
}

// What `ballast A B` does (app/gui/main.cpp): compare before anything is open.
bool TestCompareWindow::compare(const QString &a, const QString &b)
{
    QSignalSpy shown(m_window.get(), &MainWindow::comparisonShown);
    m_window->session()->compare(a, b);
    return (shown.count() == 1 || shown.wait(LoadTimeout)) && m_window->isComparing();
}

QAction *TestCompareWindow::menuAction(const QString &menu, const QString &text) const
{
    for (QAction *top : m_window->menuBar()->actions())
        if (top->menu() && top->text() == menu)
            for (QAction *action : top->menu()->actions())
                if (action->text() == text)
                    return action;
    return nullptr;
}

// The menu's own action, as a click on the menu item triggers it.
void TestCompareWindow::trigger(const QString &menu, const QString &text)
{
    QAction *action = menuAction(menu, text);
    QVERIFY2(action, qPrintable(menu + QStringLiteral(" › ") + text));
    QVERIFY(action->isEnabled());
    action->trigger();
}

void TestCompareWindow::singleImageAfterTwoArgumentsShowsA()
{
    QVERIFY(compare(m_paths.before, m_paths.after));
    QCOMPARE(m_window->windowTitle(), compareTitle(QStringLiteral("before.tar"), QStringLiteral("after.tar")));
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    QVERIFY(!m_window->isComparing());
    QVERIFY(!m_window->startPage()->isVisible());
    QCOMPARE(m_window->session()->current().image, m_window->comparePane()->comparison().a.image);
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("before.tar")));
    QVERIFY(waitForTree());
    // A's files: the apt lists are there, the .env is not.
    QVERIFY(findPath(tree()->model(), QStringLiteral("var/lib/apt/lists/deb_Packages")).isValid());
    QVERIFY(!findPath(tree()->model(), QStringLiteral("app/.env")).isValid());
}

void TestCompareWindow::openBAloneThenBackToTheComparison()
{
    QVERIFY(compare(m_paths.before, m_paths.after));
    auto *openB = m_window->comparePane()->findChild<QPushButton *>(QStringLiteral("openB"));
    QVERIFY(openB && openB->isVisible());
    QTest::mouseClick(openB, Qt::LeftButton);
    QVERIFY(!m_window->isComparing());
    QCOMPARE(m_window->session()->current().image, m_window->comparePane()->comparison().b.image);
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("after.tar")));
    QVERIFY(waitForTree());
    QVERIFY(findPath(tree()->model(), QStringLiteral("app/.env")).isValid());
    QVERIFY(!findPath(tree()->model(), QStringLiteral("var")).isValid());

    trigger(QStringLiteral("&View"), QStringLiteral("&Comparison"));
    QVERIFY(m_window->isComparing());
    QCOMPARE(m_window->windowTitle(), compareTitle(QStringLiteral("before.tar"), QStringLiteral("after.tar")));
    // Single Image now shows the image open alone, B, as it was left.
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    QCOMPARE(m_window->session()->current().image, m_window->comparePane()->comparison().b.image);
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("after.tar")));

    trigger(QStringLiteral("&View"), QStringLiteral("&Comparison"));
    auto *openA = m_window->comparePane()->findChild<QPushButton *>(QStringLiteral("openA"));
    QVERIFY(openA);
    QTest::mouseClick(openA, Qt::LeftButton);
    QCOMPARE(m_window->session()->current().image, m_window->comparePane()->comparison().a.image);
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("before.tar")));
}

void TestCompareWindow::compareSingleCompareAgain()
{
    QVERIFY(compare(m_paths.before, m_paths.after));
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("before.tar")));
    // Compared the other way round: the open image is now B.
    QVERIFY(compare(m_paths.after, m_paths.before));
    QCOMPARE(m_window->windowTitle(), compareTitle(QStringLiteral("after.tar"), QStringLiteral("before.tar")));
    QCOMPARE(m_window->comparePane()->comparison().a.image->sourcePath, m_paths.after);
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    QVERIFY(!m_window->isComparing());
    QCOMPARE(m_window->session()->current().image->sourcePath, m_paths.before); // still open, so still shown
    QCOMPARE(m_window->windowTitle(), title(QStringLiteral("before.tar")));
    // An image opened the usual way, then compared: the title follows both ways.
    m_window->session()->open(m_samplePath);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), SampleTitle, LoadTimeout);
    QVERIFY(compare(m_samplePath, m_paths.after));
    QCOMPARE(m_window->windowTitle(), compareTitle(QStringLiteral("ballast-sample:1"), QStringLiteral("after.tar")));
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    QCOMPARE(m_window->windowTitle(), SampleTitle);
}

void TestCompareWindow::comparedImagesGoIntoRecent()
{
    QVERIFY(RecentFiles::list().isEmpty());
    QVERIFY(compare(m_paths.before, m_paths.after));
    const QStringList expected { QFileInfo(m_paths.before).absoluteFilePath(),
        QFileInfo(m_paths.after).absoluteFilePath() };
    QCOMPARE(RecentFiles::list(), expected); // A on top
    QMenu *recent = nullptr;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        if (menu->title() == QLatin1String("Open &Recent"))
            recent = menu;
    QVERIFY(recent && recent->isEnabled());
    QStringList listed;
    for (QAction *action : recent->actions())
        listed << action->text();
    QCOMPARE(listed, expected);
}

void TestCompareWindow::ctrlFSearchesWhatIsShown()
{
    QVERIFY(compare(m_paths.before, m_paths.after));
    pressOnWindow(Qt::Key_F, Qt::ControlModifier);
    auto *field = m_window->comparePane()->findChild<QLineEdit *>(QStringLiteral("diffSearch"));
    QVERIFY(field);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(field));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("deb_"));
    auto *count = m_window->comparePane()->findChild<QLabel *>(QStringLiteral("diffSearchCount"));
    QVERIFY(count);
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 1"));
    const QModelIndex current = m_window->comparePane()->diffView()->currentIndex();
    QCOMPARE(QString::fromStdString(
                 m_window->comparePane()->comparison().diff->path(current.data(DiffTreeModel::DiffNodeRole).toUInt())),
        QStringLiteral("var/lib/apt/lists/deb_Packages"));
    // F3 and Shift+F3 (the window's Find Next / Find Previous) step through the diff tree's matches,
    // from the field and from the tree alike. usr/bin/curl is unchanged: shown once Unchanged is on.
    QLineEdit *search = field;
    search->selectAll();
    QTest::keyClicks(search, QStringLiteral("CURL"));
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 1"));
    QTest::mouseClick(m_window->comparePane()->statusButton(DiffStatus::Unchanged), Qt::LeftButton);
    QTRY_COMPARE(count->text(), QStringLiteral("1 of 2"));
    const auto currentPath = [this] {
        const QModelIndex index = m_window->comparePane()->diffView()->currentIndex();
        return QString::fromStdString(
            m_window->comparePane()->comparison().diff->path(index.data(DiffTreeModel::DiffNodeRole).toUInt()));
    };
    QCOMPARE(currentPath(), QStringLiteral("usr/share/doc/curl"));
    pressOnWindow(Qt::Key_F3);
    QCOMPARE(count->text(), QStringLiteral("2 of 2"));
    QCOMPARE(currentPath(), QStringLiteral("usr/bin/curl"));
    m_window->comparePane()->diffView()->setFocus();
    pressOnWindow(Qt::Key_F3); // past the last comes the first
    QCOMPARE(count->text(), QStringLiteral("1 of 2"));
    pressOnWindow(Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(count->text(), QStringLiteral("2 of 2"));
    QCOMPARE(currentPath(), QStringLiteral("usr/bin/curl"));
    // In the single image, Ctrl+F is the file tree's search again.
    trigger(QStringLiteral("&View"), QStringLiteral("&Single Image"));
    pressOnWindow(Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(tree()->searchField()));
}

QTEST_MAIN(TestCompareWindow)
#include "test_compare_window.moc"
