// Settings › Load Limits…: the real dialog driven with QTest input (typing into its spin boxes, clicking
// its buttons), read back from QSettings; and the main window applying the saved limits to the loads
// it starts (open and compare).
#include "MainWindow.h"
#include "SampleOracle.h"
#include "session/ImageSession.h"
#include "settings/LoadLimitsDialog.h"
#include "settings/LoadLimitsSettings.h"
#include "widgets/LoadBanner.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace ballast;

class TestLoadLimitsDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void showsDefaultsWhenNothingIsSaved();
    void typedValuesAreSavedOnOk();
    void cancelSavesNothing();
    void restoreDefaults();
    void invalidSettingsReadAsDefaults();
    void mainWindowAppliesSavedLimits();
    void menuActionOpensTheDialog();
};

namespace {

constexpr int LoadTimeout = 20000;

QSpinBox *box(QDialog &dialog, const char *option)
{
    return dialog.findChild<QSpinBox *>(QLatin1String(option));
}

QPushButton *button(QDialog &dialog, QDialogButtonBox::StandardButton which)
{
    return dialog.findChild<QDialogButtonBox *>()->button(which);
}

// Selects the spin box's text and types over it, as a person would.
void typeInto(QSpinBox *spin, const QString &text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
}

} // namespace

void TestLoadLimitsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the user are never touched
    QCoreApplication::setOrganizationName(QStringLiteral("BallastUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_load_limits_dialog"));
}

void TestLoadLimitsDialog::init()
{
    QSettings().clear();
}

void TestLoadLimitsDialog::showsDefaultsWhenNothingIsSaved()
{
    QCOMPARE(loadLimitsFromSettings(), LoadLimits {});
    LoadLimitsDialog dialog;
    QCOMPARE(box(dialog, MaxEntriesOption)->value(), 5000000);
    QCOMPARE(box(dialog, MaxPathDepthOption)->value(), 2048);
    QCOMPARE(box(dialog, MaxNameLengthOption)->value(), 1024);
    QCOMPARE(box(dialog, MaxJsonBytesOption)->value(), 16);
    QCOMPARE(box(dialog, MaxJsonBytesOption)->suffix(), QStringLiteral(" MiB"));
    QCOMPARE(box(dialog, MaxJsonDepthOption)->value(), 64);
    QCOMPARE(box(dialog, MaxUncompressedBytesOption)->value(), 64);
    QCOMPARE(box(dialog, MaxUncompressedBytesOption)->suffix(), QStringLiteral(" GiB"));
    QCOMPARE(box(dialog, MaxPackageDatabaseBytesOption)->value(), 512);
    QCOMPARE(box(dialog, MaxPackageDatabaseBytesOption)->suffix(), QStringLiteral(" MiB"));
    for (const char *option : { MaxEntriesOption, MaxPathDepthOption, MaxNameLengthOption, MaxJsonBytesOption,
             MaxJsonDepthOption, MaxUncompressedBytesOption, MaxPackageDatabaseBytesOption }) {
        QVERIFY2(box(dialog, option)->toolTip().contains(QStringLiteral("--") + QLatin1String(option)), option);
        QCOMPARE(box(dialog, option)->minimum(), 1);
    }
}

void TestLoadLimitsDialog::typedValuesAreSavedOnOk()
{
    LoadLimitsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(box(dialog, MaxEntriesOption), QStringLiteral("1234"));
    typeInto(box(dialog, MaxUncompressedBytesOption), QStringLiteral("2"));
    typeInto(box(dialog, MaxJsonDepthOption), QStringLiteral("7"));
    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    LoadLimits expected;
    expected.maxEntries = 1234;
    expected.maxUncompressedBytes = int64_t(2) << 30;
    expected.maxJsonDepth = 7;
    QCOMPARE(loadLimitsFromSettings(), expected);
    QCOMPARE(QSettings().value(QStringLiteral("limits/max-entries")).toLongLong(), 1234LL);
    QCOMPARE(QSettings().value(QStringLiteral("limits/max-bytes")).toLongLong(), 2147483648LL);
    QCOMPARE(withSavedLimits({}).limits, expected);

    LoadLimitsDialog reopened; // shows what was saved
    QCOMPARE(reopened.limits(), expected);
}

void TestLoadLimitsDialog::cancelSavesNothing()
{
    LoadLimitsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(box(dialog, MaxPathDepthOption), QStringLiteral("3"));
    QCOMPARE(dialog.limits().maxPathDepth, 3);
    QTest::mouseClick(button(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QSettings().contains(QStringLiteral("limits/max-depth")));
    QCOMPARE(loadLimitsFromSettings(), LoadLimits {});
}

void TestLoadLimitsDialog::restoreDefaults()
{
    LoadLimits saved;
    saved.maxEntries = 10;
    saved.maxPathDepth = 20;
    saved.maxNameLength = 30;
    saved.maxJsonBytes = int64_t(3) << 20;
    saved.maxJsonDepth = 5;
    saved.maxUncompressedBytes = int64_t(7) << 30;
    saved.maxPackageDatabaseBytes = int64_t(9) << 20;
    saveLoadLimitsToSettings(saved);

    LoadLimitsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(box(dialog, MaxEntriesOption)->value(), 10);
    QCOMPARE(box(dialog, MaxJsonBytesOption)->value(), 3);
    QCOMPARE(box(dialog, MaxUncompressedBytesOption)->value(), 7);
    QCOMPARE(box(dialog, MaxPackageDatabaseBytesOption)->value(), 9);
    QCOMPARE(dialog.limits(), saved);
    QTest::mouseClick(button(dialog, QDialogButtonBox::RestoreDefaults), Qt::LeftButton);
    QCOMPARE(box(dialog, MaxEntriesOption)->value(), 5000000);
    QCOMPARE(box(dialog, MaxNameLengthOption)->value(), 1024);
    QCOMPARE(dialog.limits(), LoadLimits {});
    QVERIFY(dialog.isVisible()); // restoring does not close the dialog
    QCOMPARE(loadLimitsFromSettings(), saved); // nor save: OK does
    QTest::mouseClick(button(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(loadLimitsFromSettings(), LoadLimits {});
}

void TestLoadLimitsDialog::invalidSettingsReadAsDefaults()
{
    QSettings settings;
    settings.setValue(QStringLiteral("limits/max-depth"), QStringLiteral("banana"));
    settings.setValue(QStringLiteral("limits/max-json-depth"), 0);
    settings.setValue(QStringLiteral("limits/max-name-length"), 4294967296LL); // over int
    settings.setValue(QStringLiteral("limits/max-entries"), 99);
    LoadLimits expected;
    expected.maxEntries = 99;
    QCOMPARE(loadLimitsFromSettings(), expected);
}

void TestLoadLimitsDialog::mainWindowAppliesSavedLimits()
{
    LoadLimits saved;
    saved.maxEntries = 2; // the sample image has far more
    saveLoadLimitsToSettings(saved);
    MainWindow window;
    window.show();
    const QString sample = QFileInfo(oracle::samplePath()).canonicalFilePath();
    const QString tail = QStringLiteral("over the limit of 2 (--max-entries)");

    window.session()->compare(sample, sample);
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isBusy(), LoadTimeout);
    QVERIFY2(window.loadBanner()->messageLabel()->text().contains(tail),
        qPrintable(window.loadBanner()->messageLabel()->text()));

    saved.maxEntries = 3; // read again for each load
    saveLoadLimitsToSettings(saved);
    window.session()->open(sample);
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isBusy(), LoadTimeout);
    const QString text = window.loadBanner()->messageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("over the limit of 3 (--max-entries)")), qPrintable(text));
    QVERIFY(!window.session()->current().image);

    // Raised again in the settings, the next load (here: the same open) goes through.
    saveLoadLimitsToSettings(LoadLimits {});
    window.session()->open(sample);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->current().image != nullptr, LoadTimeout);
}

void TestLoadLimitsDialog::menuActionOpensTheDialog()
{
    MainWindow window;
    QAction *action = nullptr;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->text() == QLatin1String("&Settings"))
            for (QAction *item : menu->menu()->actions())
                if (item->text() == QStringLiteral("Load &Limits…"))
                    action = item;
    QVERIFY(action);
    bool seen = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&seen] {
        if (auto *dialog = qobject_cast<LoadLimitsDialog *>(QApplication::activeModalWidget())) {
            seen = true;
            dialog->reject();
        }
    });
    poll.start(20);
    action->trigger(); // modal: returns once the dialog is closed
    QVERIFY(seen);
}

QTEST_MAIN(TestLoadLimitsDialog)
#include "test_load_limits_dialog.moc"
