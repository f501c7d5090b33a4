// Image sources in the GUI: File › Open from Engine… and Open from Registry…, driven with QTest input on the
// real dialogs, against fake docker and skopeo executables (FakeTools.h): the images listed, filtered
// and sorted, a double click that opens docker://… in the window, the banner while the image arrives
// and Esc during it, the messages when tools are missing or fail, and the registry dialog's URI,
// platform and insecure flag reaching skopeo.
#include "FakeTools.h"
#include "UiTestSupport.h"
#include "compare/CompareLoader.h"

#include "sources/EngineImagesDialog.h"
#include "sources/OpenLocationDialog.h"
#include "sources/RegistryDialog.h"
#include "widgets/LoadBanner.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QWindow>
#include <algorithm>

using namespace ballast;
using namespace uitest;

namespace {

// Saves a picture of a dialog when BALLAST_SCREENSHOT_DIR is set, to look at by eye.
void screenshot(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QFile::decodeName(dir) + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Our controls without a tooltip; Qt's own (a button box's standard buttons, a line edit's clear
// button) are left out, as in test_tooltips.
QStringList controlsWithoutTooltip(const QWidget *dialog)
{
    QStringList missing;
    for (QWidget *widget : dialog->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget);
        const bool qts = qobject_cast<QDialogButtonBox *>(widget->parent())
            || qobject_cast<QLineEdit *>(widget->parent()) || widget->inherits("QTableCornerButton");
        if (control && !qts && widget->toolTip().trimmed().isEmpty())
            missing << QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char('#') + widget->objectName();
    }
    return missing;
}

QStringList column(const QTableView *table, int column)
{
    QStringList values;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        values << table->model()->index(row, column).data().toString();
    return values;
}

} // namespace

class TestOpenFromSources : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_tools.create());
        m_tools.useFakes(); // before the window exists: nothing has looked at PATH yet
        QVERIFY(setUpWindow("test_ui_open_from_sources"));
    }
    void init()
    {
        for (QDialog *stray : m_window->findChildren<QDialog *>()) // left open by a failed test
            delete stray;
        m_tools.useFakes();
        if (m_window->session()->currentSource() != m_samplePath) { // docker://… shows the same title as the sample
            m_window->session()->open(m_samplePath);
            QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->currentSource(), m_samplePath, LoadTimeout);
        }
        QVERIFY(resetToSample());
        m_tools.clearCalls();
    }
    void cleanupTestCase() { tearDownWindow(); }

    void engineDialogListsFiltersAndSorts();
    void doubleClickOpensTheEngineImage();
    void fetchBannerShowsBytesAndEscCancels();
    void missingImageKeepsTheOpenOne();
    void noEngineInstalled();
    void engineThatFailsIsReported();
    void registryDialogBuildsTheUri();
    void registryDialogRejectsNonReferences();
    void registryPullShowsBytesAndRefusalIsReported();
    void everyControlHasATooltip();
    void bannerNamesUrisWhole();
    void openLocationTakesAnyUri();
    void compareShowsTheExportAndEscCancels();

private:
    EngineImagesDialog *openEngineDialog()
    {
        pressOnWindow(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = m_window->findChild<EngineImagesDialog *>();
        if (dialog && QTest::qWaitFor([dialog] { return !dialog->isListing(); }, LoadTimeout))
            return dialog;
        return nullptr;
    }
    RegistryDialog *openRegistryDialog()
    {
        pressOnWindow(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        return m_window->findChild<RegistryDialog *>();
    }
    bool waitForBanner(const QString &prefix) const
    {
        return QTest::qWaitFor(
            [&] { return m_window->loadBanner()->messageLabel()->text().startsWith(prefix); }, LoadTimeout);
    }

    FakeTools m_tools;
};

// The fake lists three docker images; podman is not on PATH, so only docker's appear.
void TestOpenFromSources::engineDialogListsFiltersAndSorts()
{
    EngineImagesDialog *dialog = openEngineDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTableView *table = dialog->table();
    QVERIFY2(table->model()->rowCount() == 3, qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("3 images from docker"));
    QCOMPARE(column(table, EngineImagesDialog::EngineColumn), QStringList({ "docker", "docker", "docker" }));
    // Newest first: 2024-06-12, 2024-05-01, 2024-01-27.
    QCOMPARE(column(table, EngineImagesDialog::NameColumn),
        QStringList({ "registry.example.com/team/api", "ballast/sample", "alpine" }));
    QCOMPARE(column(table, EngineImagesDialog::TagColumn), QStringList({ "2.0", "1", "3.19" }));
    QCOMPARE(
        column(table, EngineImagesDialog::IdColumn), QStringList({ "9f8e7d6c5b4a", "0123456789ab", "05455a08881e" }));
    screenshot(dialog, QStringLiteral("engine-images-dialog"));

    // Sizes sort as numbers (1.25 < 7.38 < 312 MB), not as text ("1.25" < "312" < "7.38").
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(EngineImagesDialog::SizeColumn) + 10, header->height() / 2));
    QStringList sizes = column(table, EngineImagesDialog::SizeColumn);
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(sizes.begin(), sizes.end());
    QCOMPARE(sizes, QStringList({ "1.25 MB", "7.38 MB", "312 MB" }));

    // Every word typed must match: engine, name, tag or ID.
    QTest::mouseClick(dialog->filterField(), Qt::LeftButton);
    QTest::keyClicks(dialog->filterField(), QStringLiteral("SAMPLE"));
    QCOMPARE(column(table, EngineImagesDialog::NameColumn), QStringList({ "ballast/sample" }));
    QCOMPARE(dialog->selectedSource(), QStringLiteral("docker://ballast/sample:1"));
    dialog->filterField()->clear();
    QTest::keyClicks(dialog->filterField(), QStringLiteral("docker 3.19"));
    QCOMPARE(column(table, EngineImagesDialog::NameColumn), QStringList({ "alpine" }));
    dialog->filterField()->clear();
    QTest::keyClicks(dialog->filterField(), QStringLiteral("9f8e"));
    QCOMPARE(column(table, EngineImagesDialog::NameColumn), QStringList({ "registry.example.com/team/api" }));
    dialog->filterField()->clear();
    QTest::keyClicks(dialog->filterField(), QStringLiteral("nothing-like-this"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!dialog->openButton()->isEnabled());
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<EngineImagesDialog *>()); // deleted on close
    QVERIFY(!m_tools.calls().join(QLatin1Char('\n')).contains(QLatin1String("image save")));
}

void TestOpenFromSources::doubleClickOpensTheEngineImage()
{
    EngineImagesDialog *dialog = openEngineDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->filterField(), QStringLiteral("ballast"));
    QCOMPARE(dialog->table()->model()->rowCount(), 1);
    const QModelIndex row = dialog->table()->model()->index(0, EngineImagesDialog::NameColumn);
    doubleClick(dialog->table()->viewport(), dialog->table()->visualRect(row).center());
    QTRY_VERIFY(!m_window->findChild<EngineImagesDialog *>());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->session()->currentSource(), QStringLiteral("docker://ballast/sample:1"), LoadTimeout);
    QCOMPARE(
        int(m_window->session()->current().image->layers.size()), m_sample.json[QStringLiteral("layerCount")].toInt());
    QCOMPARE(int(m_window->session()->current().image->layers.size()), 7); // resources/sample/README.md
    QCOMPARE(m_window->windowTitle(), SampleTitle); // the archive's own tag
    QVERIFY2(m_tools.calls().contains(QStringLiteral("docker image save ballast/sample:1")),
        qPrintable(m_tools.calls().join(QLatin1Char('\n'))));
    // Recent files keep the URI as it is, not as a path under the working directory.
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0),
        QStringLiteral("docker://ballast/sample:1"));
}

// Ctrl+L, type a URI: invalid text keeps Open disabled with the reason; a docker:// URI opens.
void TestOpenFromSources::openLocationTakesAnyUri()
{
    pressOnWindow(Qt::Key_L, Qt::ControlModifier);
    auto *dialog = m_window->findChild<OpenLocationDialog *>();
    QVERIFY(dialog);
    QPushButton *open = dialog->buttons()->button(QDialogButtonBox::Open);
    QVERIFY(!open->isEnabled());
    QTest::keyClicks(dialog->locationBox()->lineEdit(), QStringLiteral("podman://"));
    QVERIFY(!open->isEnabled());
    screenshot(dialog, QStringLiteral("open-location"));
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->isVisible()
            && label->text() == QStringLiteral("podman://: no image named: use podman://NAME[:TAG]");
    }));
    dialog->locationBox()->lineEdit()->clear();
    QTest::keyClicks(dialog->locationBox()->lineEdit(), QStringLiteral("docker://ballast/sample:1"));
    QVERIFY(open->isEnabled());
    QTest::keyClick(dialog->locationBox()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(!m_window->findChild<OpenLocationDialog *>());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->session()->currentSource(), QStringLiteral("docker://ballast/sample:1"), LoadTimeout);
    QCOMPARE(int(m_window->session()->current().image->layers.size()), 7); // resources/sample/README.md
}

// While the engine saves, the banner counts what arrived (the fake sends 1 000 000 bytes and then
// hangs) under a busy bar; Esc kills the save and the sample stays open.
void TestOpenFromSources::fetchBannerShowsBytesAndEscCancels()
{
    const auto before = m_window->session()->current().image;
    m_window->session()->open(QStringLiteral("docker://slow/image:1"));
    QVERIFY2(waitForBanner(QStringLiteral("Exporting docker://slow/image:1 from docker — 1.00 MB received")),
        qPrintable(m_window->loadBanner()->messageLabel()->text()));
    QCOMPARE(m_window->loadBanner()->progressBar()->maximum(), 0); // busy, not "0 %"
    screenshot(m_window.get(), QStringLiteral("fetch-banner"));
    pressOnWindow(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), 5000); // well before the fake's 30 s
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Loading cancelled"));
    QVERIFY(m_window->loadBanner()->isHidden());
    QCOMPARE(m_window->session()->current().image, before);
    QCOMPARE(m_window->session()->currentSource(), m_samplePath);
}

// Comparing with an image the engine is still exporting: the banner says so, not "0 %"; Esc stops it.
void TestOpenFromSources::compareShowsTheExportAndEscCancels()
{
    const auto before = m_window->session()->current().image;
    QSignalSpy compared(m_window.get(), &MainWindow::comparisonShown);
    m_window->session()->compare(m_samplePath, QStringLiteral("docker://slow/image:1"));
    QVERIFY2(waitForBanner(QStringLiteral("Exporting docker://slow/image:1 from docker — 1.00 MB received")),
        qPrintable(m_window->loadBanner()->messageLabel()->text()));
    QCOMPARE(m_window->loadBanner()->progressBar()->maximum(), 0);
    QTest::qWait(300); // side A (the sample) finishes meanwhile; its progress must not replace the message
    QVERIFY2(
        m_window->loadBanner()->messageLabel()->text().startsWith(QStringLiteral("Exporting docker://slow/image:1")),
        qPrintable(m_window->loadBanner()->messageLabel()->text()));
    pressOnWindow(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), 5000);
    QCOMPARE(compared.count(), 0);
    QVERIFY(!m_window->isComparing());
    QCOMPARE(m_window->session()->current().image, before);
}

void TestOpenFromSources::missingImageKeepsTheOpenOne()
{
    const auto before = m_window->session()->current().image;
    m_window->session()->open(QStringLiteral("docker://missing:1"));
    QVERIFY(waitForBanner(QStringLiteral("<b>Could not open the image.</b>")));
    const QString message = m_window->loadBanner()->messageLabel()->text();
    QVERIFY2(
        message.contains(QLatin1String("missing:1")) && message.contains(QLatin1String("reference does not exist")),
        qPrintable(message));
    QCOMPARE(m_window->session()->current().image, before);
    QCOMPARE(m_window->windowTitle(), SampleTitle);
}

void TestOpenFromSources::noEngineInstalled()
{
    m_tools.useNoTools();
    EngineImagesDialog *dialog = openEngineDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->model()->rowCount(), 0);
    QVERIFY2(dialog->statusLabel()->text().contains(
                 QLatin1String("Neither docker nor podman is installed: install one, or open a tarball")),
        qPrintable(dialog->statusLabel()->text()));
    QVERIFY(!dialog->openButton()->isEnabled());
    screenshot(dialog, QStringLiteral("engine-images-none"));
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<EngineImagesDialog *>());
}

// A docker whose daemon is down is reported by name; the dialog does not pretend it is empty.
void TestOpenFromSources::engineThatFailsIsReported()
{
    QTemporaryDir broken;
    QFile script(broken.filePath(QStringLiteral("docker")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/bash\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker "
                 "daemon running?' >&2\nexit 1\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("PATH", QFile::encodeName(broken.path()));
    EngineImagesDialog *dialog = openEngineDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->model()->rowCount(), 0);
    const QString status = dialog->statusLabel()->text();
    QVERIFY2(
        status.contains(QLatin1String("docker")) && status.contains(QLatin1String("Is the docker daemon running?")),
        qPrintable(status));
    QVERIFY2(!status.contains(QLatin1String("No images")), qPrintable(status));
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<EngineImagesDialog *>());
}

// OK hands the URI, the platform and the insecure flag to the load, and skopeo gets them as options.
void TestOpenFromSources::registryDialogBuildsTheUri()
{
    RegistryDialog *dialog = openRegistryDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->okButton()->isEnabled()); // nothing typed yet
    QString chosen;
    LoadOptions options;
    connect(dialog, &RegistryDialog::sourceChosen, this, [&](const QString &source, const LoadOptions &o) {
        chosen = source;
        options = o;
    });
    QTest::mouseClick(dialog->referenceField(), Qt::LeftButton);
    QTest::keyClicks(dialog->referenceField(), QStringLiteral("127.0.0.1:5000/team/app:1.4"));
    QTest::mouseClick(dialog->platformField(), Qt::LeftButton);
    QTest::keyClicks(dialog->platformField(), QStringLiteral("linux/arm64/v8"));
    QTest::mouseClick(dialog->insecureBox(), Qt::LeftButton, {}, QPoint(8, dialog->insecureBox()->height() / 2));
    QVERIFY(dialog->insecureBox()->isChecked());
    screenshot(dialog, QStringLiteral("registry-dialog"));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(chosen, QStringLiteral("registry://127.0.0.1:5000/team/app:1.4"));
    QVERIFY(options.insecureRegistry);
    QCOMPARE(options.selection.platform, QStringLiteral("linux/arm64/v8"));
    QVERIFY(waitForBanner(QStringLiteral("Pulling registry://127.0.0.1:5000/team/app:1.4 — ")));
    const QStringList calls = m_tools.calls();
    QCOMPARE(calls.size(), 1);
    QVERIFY2(calls[0].startsWith(
                 QLatin1String("skopeo copy --quiet --src-tls-verify=false --override-os linux --override-arch arm64 "
                               "--override-variant v8 docker://127.0.0.1:5000/team/app:1.4 oci:")),
        qPrintable(calls[0]));
    pressOnWindow(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), 5000);

    // The reference and platform are offered again, with the scheme accepted; insecure is not kept.
    dialog = openRegistryDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->referenceField()->text(), QStringLiteral("127.0.0.1:5000/team/app:1.4"));
    QCOMPARE(dialog->platformField()->text(), QStringLiteral("linux/arm64/v8"));
    QVERIFY(!dialog->insecureBox()->isChecked());
    dialog->referenceField()->selectAll();
    QTest::keyClicks(dialog->referenceField(), QStringLiteral("registry://ghcr.io/owner/tool@sha256:0123"));
    QCOMPARE(dialog->sourceUri(), QStringLiteral("registry://ghcr.io/owner/tool@sha256:0123"));
    QVERIFY(!dialog->loadOptions().insecureRegistry);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<RegistryDialog *>());
}

void TestOpenFromSources::registryDialogRejectsNonReferences()
{
    RegistryDialog *dialog = openRegistryDialog();
    QVERIFY(dialog);
    QLabel *problem = dialog->findChild<QLabel *>(QStringLiteral("registryProblem"));
    QVERIFY(problem);
    for (const QString &typed :
        { QStringLiteral("two words"), QStringLiteral("docker://alpine"), QStringLiteral("registry://") }) {
        dialog->referenceField()->selectAll();
        QTest::keyClicks(dialog->referenceField(), typed);
        QVERIFY2(!dialog->okButton()->isEnabled(), qPrintable(typed));
        QVERIFY2(dialog->sourceUri().isEmpty(), qPrintable(typed));
        QVERIFY2(problem->text().startsWith(QLatin1String("Not an image reference")),
            qPrintable(typed + QStringLiteral(": ") + problem->text()));
    }
    dialog->referenceField()->selectAll();
    QTest::keyClicks(dialog->referenceField(), QStringLiteral("quay.io/team/app:2"));
    dialog->platformField()->clear();
    QTest::keyClicks(dialog->platformField(), QStringLiteral("linux/"));
    QVERIFY(!dialog->okButton()->isEnabled()); // an OS without an architecture
    QTest::keyClicks(dialog->platformField(), QStringLiteral("amd64"));
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(problem->text().isEmpty());
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<RegistryDialog *>());
}

// While skopeo copies, the banner counts the bytes in its layout (the fake writes 2 000 000 and
// hangs); a registry that refuses is reported with skopeo's reason, and the sample stays open.
void TestOpenFromSources::registryPullShowsBytesAndRefusalIsReported()
{
    const auto before = m_window->session()->current().image;
    LoadOptions options;
    m_window->session()->open(QStringLiteral("registry://127.0.0.1:5000/team/app:1.4"), options);
    QVERIFY2(waitForBanner(QStringLiteral("Pulling registry://127.0.0.1:5000/team/app:1.4 — 2.00 MB received")),
        qPrintable(m_window->loadBanner()->messageLabel()->text()));
    QCOMPARE(m_window->loadBanner()->progressBar()->maximum(), 0);
    pressOnWindow(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), 5000);
    QCOMPARE(m_window->session()->current().image, before);

    m_window->session()->open(QStringLiteral("registry://127.0.0.1:5000/refused:1"));
    QVERIFY(waitForBanner(QStringLiteral("<b>Could not open the image.</b>")));
    const QString message = m_window->loadBanner()->messageLabel()->text();
    QVERIFY2(message.contains(QLatin1String("127.0.0.1:5000/refused:1"))
            && message.contains(QLatin1String("connection refused")),
        qPrintable(message));
    QCOMPARE(m_window->session()->current().image, before);
}

void TestOpenFromSources::everyControlHasATooltip()
{
    EngineImagesDialog engines;
    RegistryDialog registry;
    OpenLocationDialog location({ QStringLiteral("docker://ballast/sample:1") });
    for (const QDialog *dialog : std::initializer_list<const QDialog *> { &engines, &registry, &location }) {
        const QStringList missing = controlsWithoutTooltip(dialog);
        QVERIFY2(missing.isEmpty(),
            qPrintable(dialog->objectName() + QStringLiteral(": ") + missing.join(QStringLiteral(", "))));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!engines.isListing(), LoadTimeout);
}

// A path is named by its file name, a URI whole (QFileInfo would make "docker://team/app:1" "app:1").
void TestOpenFromSources::bannerNamesUrisWhole()
{
    LoadBanner banner;
    banner.showLoading(QStringLiteral("registry://127.0.0.1:5000/team/app:1.4"));
    QCOMPARE(banner.messageLabel()->text(), QStringLiteral("Opening registry://127.0.0.1:5000/team/app:1.4…"));
    banner.showComparing(m_samplePath, QStringLiteral("docker://team/app:1"));
    QCOMPARE(banner.messageLabel()->text(), QStringLiteral("Opening sample.oci-gzip.tar ↔ docker://team/app:1…"));
    banner.showLoading(QStringLiteral("oci:/srv/layouts/app:v2"));
    QCOMPARE(banner.messageLabel()->text(), QStringLiteral("Opening oci:/srv/layouts/app:v2…"));
}

QTEST_MAIN(TestOpenFromSources)
#include "test_open_from_sources.moc"
