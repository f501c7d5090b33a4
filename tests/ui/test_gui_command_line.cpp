// The desktop app's command line, run as a person runs it: `--view` names, and `--screenshot`, which
// waits until the session is idle and the views have drawn, then saves the window and exits.
#include "SampleOracle.h"

#include "ImageWriter.h"
#include "View.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using ballast::View;

class TestGuiCommandLine : public QObject {
    Q_OBJECT
private slots:
    void viewNames_data();
    void viewNames();
    void anUnknownViewIsAnError();
    void screenshotOfTheSample();
    void screenshotOfAnArchiveWithSeveralImagesFails();

private:
    struct Run {
        int exitCode = -1;
        QString errors;
    };
    Run runApp(const QStringList &arguments);
    QTemporaryDir m_dir;
};

TestGuiCommandLine::Run TestGuiCommandLine::runApp(const QStringList &arguments)
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(
        QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config"))); // no settings of the user
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(BALLAST_GUI_PATH), arguments);
    if (!app.waitForFinished(60000)) {
        app.kill();
        app.waitForFinished();
        return {};
    }
    return { app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1,
        QString::fromUtf8(app.readAllStandardError()) };
}

void TestGuiCommandLine::viewNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<View>("view");
    QTest::newRow("layers is the Files tab") << QStringLiteral("layers") << View::Files;
    QTest::newRow("treemap") << QStringLiteral("treemap") << View::Treemap;
    QTest::newRow("packages") << QStringLiteral("packages") << View::Packages;
    QTest::newRow("dockerfile") << QStringLiteral("dockerfile") << View::Dockerfile;
    QTest::newRow("findings") << QStringLiteral("findings") << View::Findings;
    QTest::newRow("compare") << QStringLiteral("compare") << View::Compare;
}

void TestGuiCommandLine::viewNames()
{
    QFETCH(QString, name);
    QFETCH(View, view);
    QCOMPARE(ballast::viewNamed(name), std::optional<View>(view));
    QVERIFY(ballast::viewNames().contains(name));
}

void TestGuiCommandLine::anUnknownViewIsAnError()
{
    QCOMPARE(ballast::viewNamed(QStringLiteral("files")), std::nullopt);
    QCOMPARE(ballast::viewNamed(QStringLiteral("Layers")), std::nullopt);
    QCOMPARE(ballast::viewNames(),
        QStringList({ QStringLiteral("layers"), QStringLiteral("treemap"), QStringLiteral("packages"),
            QStringLiteral("dockerfile"), QStringLiteral("findings"), QStringLiteral("compare") }));

    const QString png = m_dir.filePath(QStringLiteral("unknown-view.png"));
    const Run run = runApp({ QStringLiteral("--view"), QStringLiteral("nonsense"), QStringLiteral("--screenshot"), png,
        oracle::samplePath() });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.errors.contains(QStringLiteral(
            "unknown view \"nonsense\" for --view; the views are: layers, treemap, packages, dockerfile, findings, "
            "compare")),
        qPrintable(run.errors));
    QVERIFY(!QFileInfo::exists(png)); // stopped before any window
}

void TestGuiCommandLine::screenshotOfTheSample()
{
    const QString png = m_dir.filePath(QStringLiteral("sample.png"));
    const Run run = runApp({ QStringLiteral("--view"), QStringLiteral("treemap"), QStringLiteral("--screenshot"), png,
        oracle::samplePath() });
    QCOMPARE(run.exitCode, 0);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 1000)); // the size --screenshot draws the window at
}

// Unattended, the app cannot ask which image: the load fails naming them, the window is still saved,
// and the exit code says it failed.
void TestGuiCommandLine::screenshotOfAnArchiveWithSeveralImagesFails()
{
    namespace bt = ballast::test;
    bt::ArchiveSpec spec;
    for (const std::string tag : { "app:1", "app:2" }) {
        bt::ImageSpec image;
        image.tags = { tag };
        bt::LayerSpec layer;
        layer.entries = { bt::fileEntry("marker", tag) };
        image.layers = { layer };
        spec.images.push_back(image);
    }
    const QString archive = bt::writeArchive(spec, m_dir.path(), QStringLiteral("two")).path;
    const QString png = m_dir.filePath(QStringLiteral("two.png"));
    const Run run = runApp({ QStringLiteral("--screenshot"), png, archive });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(QImage(png).size(), QSize(1600, 1000));
}

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "test_gui_command_line.moc"
