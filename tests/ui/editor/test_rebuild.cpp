// The Dockerfile pane's Rebuild (Ctrl+B), driven with QTest input against a fake `docker`
// (FakeTools.h) that answers `docker build --iidfile F -f DOCKERFILE CONTEXT` and `docker image save
// ID` with the committed sample: unsaved edits are saved first, the builder's output is shown, the new
// image opens and is compared with the one that was open; a failed or cancelled build keeps it.
#include "FakeTools.h"
#include "UiTestSupport.h"

#include "compare/ComparePane.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "sources/BuildLogDialog.h"
#include "sources/BuildRunner.h"
#include "sources/ImageRebuilder.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBlock>
#include <QWindow>

using namespace ballast;
using namespace uitest;

class TestRebuild : public WindowFixture {
    Q_OBJECT
public:
private slots:
    void initTestCase()
    {
        QVERIFY(m_tools.create());
        m_tools.useFakes();
        QVERIFY(setUpWindow("test_ui_rebuild"));
        m_dockerfile = m_tools.path(QStringLiteral("context/Dockerfile"));
        QVERIFY(QDir().mkpath(m_tools.path(QStringLiteral("context"))));
    }
    void init()
    {
        m_tools.useFakes();
        if (m_window->session()->currentSource() != m_samplePath) { // docker://… shows the same title as the sample
            m_window->session()->open(m_samplePath);
            QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->currentSource(), m_samplePath, LoadTimeout);
        }
        QVERIFY(resetToSample());
        m_window->showView(View::Files);
        m_tools.clearCalls();
    }
    void cleanupTestCase() { tearDownWindow(); }

    void rebuildIsDisabledWithoutDockerfileOrBuilder();
    void editRebuildCompare();
    void failedBuildKeepsTheImage();
    void cancelStopsTheBuild();
    void reloadKeepsAndRebuildResetsTheBuiltText();

private:
    // A copy of the sample's Dockerfile (never the committed one: Rebuild saves) plus `extra`.
    bool openDockerfileCopy(const QByteArray &extra = {})
    {
        QFile source(QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/Dockerfile"));
        QFile copy(m_dockerfile);
        if (!source.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        copy.write(source.readAll() + extra);
        copy.close();
        return m_window->openDockerfile(m_dockerfile);
    }
    DockerfilePane *pane() const { return m_window->dockerfilePane(); }
    BuildLogDialog *log() const { return m_window->rebuilder()->logDialog(); }

    FakeTools m_tools;
    QString m_dockerfile;
};

void TestRebuild::rebuildIsDisabledWithoutDockerfileOrBuilder()
{
    QVERIFY(openDockerfileCopy());
    QVERIFY(pane()->rebuildAction()->isEnabled());
    QVERIFY(pane()->rebuildAction()->toolTip().contains(QLatin1String("docker")));
    m_tools.useNoTools();
    QVERIFY(openDockerfileCopy()); // the builders are looked for again when a file is opened
    QVERIFY(!pane()->rebuildAction()->isEnabled());
    QCOMPARE(pane()->rebuildAction()->toolTip(),
        QStringLiteral(
            "Rebuild the image from this Dockerfile: needs docker, podman or buildah, and none is installed"));
    pressOnWindow(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(m_tools.calls().isEmpty());
    QVERIFY(!log() || !log()->isVisible());
}

// Type a line, press Ctrl+B: the file on disk gets the line before docker builds it, the log shows
// docker's output, then docker://ID opens and the window compares the sample (A) with it (B).
void TestRebuild::editRebuildCompare()
{
    QVERIFY(openDockerfileCopy());
    m_window->showView(View::Dockerfile);
    DockerfileEditor *editor = pane()->editor();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("# rebuilt by the test"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(pane()->isModified());
    if (const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR"); !dir.isEmpty())
        m_window->grab().save(QFile::decodeName(dir) + QStringLiteral("/dockerfile-rebuild-button.png"));
    QSignalSpy compared(m_window.get(), &MainWindow::comparisonShown);
    const auto before = m_window->session()->current().image;
    pressOnWindow(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(!pane()->isModified()); // saved before the build started
    QFile onDisk(m_dockerfile);
    QVERIFY(onDisk.open(QIODevice::ReadOnly));
    QVERIFY(onDisk.readAll().endsWith("\n# rebuilt by the test\n"));
    QVERIFY(log());

    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->session()->currentSource(), QStringLiteral("docker://") + FakeBuiltId, LoadTimeout);
    QVERIFY(compared.wait(LoadTimeout) || compared.count() == 1);
    QVERIFY(m_window->isComparing());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ballast-sample:1 ↔ ballast-sample:1 — Ballast"));
    QCOMPARE(
        int(m_window->session()->current().image->layers.size()), m_sample.json[QStringLiteral("layerCount")].toInt());
    QCOMPARE(log()->log()->toPlainText(),
        QStringLiteral("Step 1/2 : FROM scratch\nStep 2/2 : COPY busybox /bin/busybox\nSuccessfully built ")
            + FakeBuiltId);
    QVERIFY(!log()->isVisible()); // done: the comparison is what to look at
    if (const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(1500); // the treemaps lay out on workers
        m_window->grab().save(QFile::decodeName(dir) + QStringLiteral("/rebuild-comparison.png"));
    }
    const QStringList calls = m_tools.calls();
    QVERIFY2(
        calls.value(0).startsWith(QLatin1String("docker build --iidfile ")), qPrintable(calls.join(QLatin1Char('\n'))));
    QVERIFY2(
        calls.value(0).endsWith(QStringLiteral(" -f %1 %2").arg(m_dockerfile, m_tools.path(QStringLiteral("context")))),
        qPrintable(calls.value(0)));
    // The new image is exported once: the comparison takes both images as they are in memory.
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.value(1), QStringLiteral("docker image save ") + FakeBuiltId);
    QCOMPARE(m_window->comparePane()->comparison().a.image, before);
    QCOMPARE(m_window->comparePane()->comparison().b.image, m_window->session()->current().image);
}

void TestRebuild::failedBuildKeepsTheImage()
{
    QVERIFY(openDockerfileCopy("FAIL here\n"));
    const auto before = m_window->session()->current().image;
    pressOnWindow(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(log());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->rebuilder()->runner()->isRunning(), LoadTimeout);
    QVERIFY(log()->isVisible());
    const QString status = log()->statusLabel()->text();
    QVERIFY2(status.contains(QLatin1String("The build failed."))
            && status.contains(QLatin1String("unknown instruction: FAIL")),
        qPrintable(status));
    QVERIFY(log()->closeButton()->isVisible());
    QVERIFY(!log()->cancelButton()->isVisible());
    if (const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR"); !dir.isEmpty())
        log()->grab().save(QFile::decodeName(dir) + QStringLiteral("/build-log-failed.png"));
    QTest::mouseClick(log()->closeButton(), Qt::LeftButton);
    QVERIFY(!log()->isVisible());
    QCOMPARE(m_window->session()->current().image, before);
    QCOMPARE(m_window->session()->currentSource(), m_samplePath);
    QVERIFY(!m_tools.calls().join(QLatin1Char('\n')).contains(QLatin1String("image save")));
}

void TestRebuild::cancelStopsTheBuild()
{
    QVERIFY(openDockerfileCopy("# SLOW\n"));
    const auto before = m_window->session()->current().image;
    pressOnWindow(Qt::Key_B, Qt::ControlModifier);
    QVERIFY(log());
    QTRY_COMPARE_WITH_TIMEOUT(log()->log()->toPlainText(), QStringLiteral("Step 1/2 : FROM scratch"), LoadTimeout);
    QVERIFY(log()->cancelButton()->isVisible());
    if (const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR"); !dir.isEmpty())
        log()->grab().save(QFile::decodeName(dir) + QStringLiteral("/build-log-running.png"));
    QTest::mouseClick(log()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->rebuilder()->runner()->isRunning(), 5000); // the fake sleeps 30 s
    QCOMPARE(
        log()->statusLabel()->text(), QStringLiteral("The build was cancelled; the image that was open stays open."));
    QCOMPARE(m_window->session()->current().image, before);
    log()->close();
}

// The text that built the image is the one paired with it: reloading the same image (same config
// digest) keeps it, so an edit stays "before your edits"; the image a Rebuild opens was built from
// the saved text, so the sizes are live again.
void TestRebuild::reloadKeepsAndRebuildResetsTheBuiltText()
{
    QVERIFY(openDockerfileCopy());
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), LoadTimeout);
    QCOMPARE(pane()->lineOfLayer(5), 42);
    DockerfileEditor *editor = pane()->editor();
    editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(41)));
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("# a note above the RUN"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), LoadTimeout);
    QVERIFY(pane()->showsMeasurementsBeforeEdits());
    QCOMPARE(pane()->lineOfLayer(5), 43);

    const auto before = m_window->session()->current().image;
    pressOnWindow(Qt::Key_F5); // View › Reload: the same archive, the same image
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->current().image != before, LoadTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), LoadTimeout);
    QCOMPARE(m_window->session()->current().image->configDigest, before->configDigest);
    QCOMPARE(pane()->filePath(), m_dockerfile);
    QVERIFY(pane()->isModified());
    QVERIFY(pane()->showsMeasurementsBeforeEdits());
    QCOMPARE(pane()->lineOfLayer(5), 43);
    QVERIFY(editor->lineInfo(43).beforeEdits);

    QSignalSpy compared(m_window.get(), &MainWindow::comparisonShown);
    pressOnWindow(Qt::Key_B, Qt::ControlModifier); // saves, builds, opens docker://ID
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->session()->currentSource(), QStringLiteral("docker://") + FakeBuiltId, LoadTimeout);
    QVERIFY(compared.wait(LoadTimeout) || compared.count() == 1);
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), LoadTimeout);
    QCOMPARE(pane()->filePath(), m_dockerfile); // the Dockerfile it was built from
    QVERIFY(!pane()->showsMeasurementsBeforeEdits());
    QCOMPARE(pane()->lineOfLayer(5), 43);
    QCOMPARE(editor->lineInfo(43).layer, 5);
    QVERIFY(!editor->lineInfo(43).beforeEdits);
}

QTEST_MAIN(TestRebuild)
#include "test_rebuild.moc"
