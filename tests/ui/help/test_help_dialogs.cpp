// Help › Keyboard Shortcuts and Help › About, opened like a person would (F1, the menu) on the real
// main window. The shortcut table is read from the window's actions, so its rows are checked against
// shortcuts this test knows from the menus' definitions, and one action's shortcut is then pressed to
// prove the row is real.
#include "MainWindow.h"
#include "help/AboutDialog.h"
#include "help/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <archive.h>
#include <functional>

using namespace ballast;

namespace {

// With BALLAST_SCREENSHOT_DIR set, saves the dialog as it is drawn (for looking at it).
void saveGrab(QWidget *dialog, const char *name)
{
    const QString dir = qEnvironmentVariable("BALLAST_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        dialog->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
}

// Runs `check` on the modal dialog that `open` shows, then closes it.
template <typename Dialog>
bool inspectModal(const std::function<void()> &open, const std::function<void(Dialog *)> &check)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog) {
            seen = true;
            check(dialog);
            dialog->reject();
        }
    });
    open();
    return seen;
}

QStringList rowsOf(QTableWidget *table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows << table->item(row, 0)->text() + QStringLiteral(" = ") + table->item(row, 1)->text();
    return rows;
}

} // namespace

class TestHelpDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("BallastTests"));
        QApplication::setApplicationName(QStringLiteral("test_ui_help_dialogs"));
    }

    void shortcutsDialogListsTheWindowsShortcuts()
    {
        MainWindow window;
        window.show();
        window.activateWindow(); // F1 is a window shortcut: it needs the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QStringList rows;
        const bool shown = inspectModal<ShortcutsDialog>([&] { QTest::keyClick(&window, Qt::Key_F1); },
            [&](ShortcutsDialog *dialog) {
                rows = rowsOf(dialog->table());
                saveGrab(dialog, "shortcuts-dialog.png");
            });
        QVERIFY(shown);
        // From createMenus(): QKeySequence::Open, Ctrl+D, F5, Ctrl+Shift+O, Ctrl+F, F3, Shift+F3, Ctrl+1, Ctrl+2,
        // Ctrl+I, Esc.
        for (const QString &row : { QStringLiteral("Ctrl+O = Open Image"), QStringLiteral("Ctrl+D = Compare With"),
                 QStringLiteral("F5 = Reload"), QStringLiteral("Ctrl+Shift+O = Open Dockerfile"),
                 QStringLiteral("Ctrl+F = Find Files"), QStringLiteral("F3 = Find Next"),
                 QStringLiteral("Shift+F3 = Find Previous"), QStringLiteral("Ctrl+1 = Aggregated Filesystem"),
                 QStringLiteral("Ctrl+2 = Layer Changes Only"), QStringLiteral("Ctrl+I = Image Overview"),
                 QStringLiteral("F1 = Keyboard Shortcuts"), QStringLiteral("Esc = Cancel Loading"),
                 QStringLiteral("Backspace, Alt+Up = Treemap: zoom out one level") })
            QVERIFY2(rows.contains(row),
                qPrintable(row + QStringLiteral(" missing from:\n") + rows.join(QLatin1Char('\n'))));
        // No action without a shortcut is listed: "About Ballast" has none.
        for (const QString &row : rows)
            QVERIFY2(!row.contains(QLatin1String("About")), qPrintable(row));
    }

    void aboutShowsVersionsOfQtAndLibarchive()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QString title, qt, libarchive;
        const bool shown = inspectModal<AboutDialog>([&] { about->trigger(); },
            [&](AboutDialog *dialog) {
                title = dialog->findChild<QLabel *>(QStringLiteral("aboutTitle"))->text();
                qt = dialog->findChild<QLabel *>(QStringLiteral("version-Qt"))->text();
                libarchive = dialog->findChild<QLabel *>(QStringLiteral("version-libarchive"))->text();
                saveGrab(dialog, "about-dialog.png");
            });
        QVERIFY(shown);
        QVERIFY2(title.contains(QStringLiteral("Ballast " BALLAST_EXPECTED_VERSION)), qPrintable(title));
        QCOMPARE(qt, QString::fromLatin1(qVersion()));
        // libarchive's own answer in this process: "libarchive 3.6.2" → "3.6.2".
        QCOMPARE(libarchive, QString::fromLatin1(archive_version_string()).section(QLatin1Char(' '), 1));
    }
};

QTEST_MAIN(TestHelpDialogs)
#include "test_help_dialogs.moc"
