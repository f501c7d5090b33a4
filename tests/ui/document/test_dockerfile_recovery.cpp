// Crash recovery in the Dockerfile pane, as a person meets it: type, the buffer is autosaved after a
// pause; the process dies (a real one: this executable run again as a child and killed with SIGKILL);
// the next pane offers the edits in a bar, Restore puts exactly that text back as an unsaved change
// and Discard deletes it; saving, discarding, undoing and a clean close delete the recovery file; a
// recovery file of a second instance that is still running is neither offered nor touched.
#include "RecoveredText.h"
#include "document/DockerfileRecovery.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "widgets/RecoveryBar.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace ballast;

namespace {
const QString Original = QStringLiteral("FROM busybox\nRUN echo hello\n");

QString readAll(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

void writeAll(const QString &path, const QString &text)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(text.toUtf8());
}

// The recovery files present now, by name.
QStringList recoveryFiles()
{
    QStringList paths;
    const QDir dir(DockerfileRecovery::directory());
    for (const QString &name : dir.entryList({ QStringLiteral("*.recovery") }, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

void typeAtEnd(DockerfilePane &pane, const QString &text)
{
    QTextCursor end(pane.editor()->document());
    end.movePosition(QTextCursor::End);
    pane.editor()->setTextCursor(end);
    pane.editor()->setFocus();
    QTest::keyClicks(pane.editor(), text);
}

QString when(const RecoveryHeader &header)
{
    return QLocale().toString(header.savedAt.toLocalTime(), QLocale::ShortFormat);
}

// The child: a second Ballast session that opens `dockerfile` ("-" for none), types `text` at its end,
// waits for the autosave, says where it went, and runs until the test kills it.
int runChild(const QString &dockerfile, const QString &text)
{
    DockerfilePane pane;
    pane.setAutosaveDelays(50, 500);
    pane.resize(800, 600);
    pane.show();
    if (dockerfile != QLatin1String("-") && !pane.openFile(dockerfile))
        return 2;
    typeAtEnd(pane, text);
    if (!QTest::qWaitFor([&pane] { return !pane.recoveryFilePath().isEmpty(); }, 10000))
        return 3;
    std::printf("autosaved %s\n", qPrintable(pane.recoveryFilePath()));
    std::fflush(stdout);
    return QApplication::exec();
}
} // namespace

class TestDockerfileRecovery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void autosaveWritesExactlyTheTypedText();
    void continuousTypingIsSavedByTheDeadline();
    void crashedEditsAreOfferedAndRestored();
    void discardDeletesTheRecoveryFile();
    void savingDeletesTheRecoveryFile();
    void cleanCloseDeletesTheRecoveryFile();
    void undoingEveryEditDeletesTheRecoveryFile();
    void closingWithoutBeingAskedKeepsTheEdits();
    void untitledBufferIsRecovered();
    void changeOnDiskSinceIsSaid();
    void liveInstanceRecoveryIsNotOffered();
    void everyLeftoverIsOfferedInTurn();

private:
    std::unique_ptr<DockerfilePane> newPane();
    // Runs the child session and returns the recovery file it wrote; `crash` kills it right away.
    QString runSession(const QString &dockerfile, const QString &text, bool crash);
    void crashChildren();

    QTemporaryDir m_dir;
    QString m_dockerfile;
    std::vector<std::unique_ptr<QProcess>> m_children;
};

void TestDockerfileRecovery::initTestCase()
{
    QVERIFY2(DockerfileRecovery::directory().contains(QLatin1String("/.qttest/")),
        qPrintable(DockerfileRecovery::directory()));
    m_dockerfile = QDir(m_dir.path()).absoluteFilePath(QStringLiteral("Dockerfile"));
}

void TestDockerfileRecovery::init()
{
    QDir(DockerfileRecovery::directory()).removeRecursively(); // test mode: ~/.qttest/share/<this test>/recovery
    writeAll(m_dockerfile, Original);
}

void TestDockerfileRecovery::cleanup()
{
    crashChildren();
    QDir(DockerfileRecovery::directory()).removeRecursively(); // leave nothing in ~/.qttest
}

std::unique_ptr<DockerfilePane> TestDockerfileRecovery::newPane()
{
    auto pane = std::make_unique<DockerfilePane>();
    pane->setAutosaveDelays(100, 5000);
    pane->resize(900, 600);
    pane->show();
    return pane;
}

QString TestDockerfileRecovery::runSession(const QString &dockerfile, const QString &text, bool crash)
{
    auto child = std::make_unique<QProcess>();
    child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child->start(QCoreApplication::applicationFilePath(), { QStringLiteral("--child"), dockerfile, text });
    QByteArray line;
    while (!line.endsWith('\n') && child->waitForReadyRead(20000))
        line += child->readLine();
    if (!line.startsWith("autosaved ")) {
        qWarning("child session for %s said \"%s\" (exit code %d)", qPrintable(dockerfile), line.constData(),
            child->exitCode());
        return {};
    }
    m_children.push_back(std::move(child));
    if (crash)
        crashChildren();
    return QString::fromUtf8(line.mid(10).trimmed());
}

void TestDockerfileRecovery::crashChildren()
{
    for (auto &child : m_children) {
        child->kill(); // SIGKILL: no destructor, no cleanup, exactly a crash
        child->waitForFinished(); // reaped: its PID no longer runs, so its locks are stale
    }
    m_children.clear();
}

void TestDockerfileRecovery::autosaveWritesExactlyTheTypedText()
{
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("RUN echo typed"));
    QVERIFY(pane->isModified());
    QCOMPARE(recoveryFiles(), QStringList()); // not before the pause after the last key
    QTRY_COMPARE(recoveryFiles().size(), 1);
    const QString path = recoveryFiles().first();
    QCOMPARE(pane->recoveryFilePath(), path);
    RecoveryHeader header;
    QCOMPARE(recoveredText(path, &header), Original + QStringLiteral("RUN echo typed"));
    QCOMPARE(header.originalPath, m_dockerfile);
    QVERIFY(header.diskWhenEdited.exists);
    QCOMPARE(header.diskWhenEdited.size, Original.toUtf8().size());
    QCOMPARE(
        header.diskWhenEdited.sha256, QCryptographicHash::hash(Original.toUtf8(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(readAll(m_dockerfile), Original); // the Dockerfile itself is untouched
}

void TestDockerfileRecovery::continuousTypingIsSavedByTheDeadline()
{
    auto pane = newPane();
    pane->setAutosaveDelays(60 * 60 * 1000, 200); // the pause after the last edit never comes in this test
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("RUN"));
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles().size(), 1, 5000);
    QCOMPARE(recoveredText(recoveryFiles().first()), Original + QStringLiteral("RUN"));
}

void TestDockerfileRecovery::crashedEditsAreOfferedAndRestored()
{
    const QString path = runSession(m_dockerfile, QStringLiteral("RUN echo crashed"), true);
    QVERIFY(!path.isEmpty());
    QCOMPARE(recoveryFiles(), QStringList { path });
    QVERIFY2(QFile::exists(path + QStringLiteral(".lock")), "the dead session's lock stays behind");
    RecoveryHeader header;
    QCOMPARE(recoveredText(path, &header), Original + QStringLiteral("RUN echo crashed"));

    auto pane = newPane();
    RecoveryBar *bar = pane->recoveryBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->messageLabel()->text(),
        QStringLiteral("Unsaved changes to <b>Dockerfile</b> in %1 from %2 were recovered.")
            .arg(m_dir.path(), when(header)));
    QCOMPARE(pane->editor()->toPlainText(), QString()); // nothing changes before the user decides

    QTest::mouseClick(bar->restoreButton(), Qt::LeftButton);
    QCOMPARE(pane->editor()->toPlainText(), Original + QStringLiteral("RUN echo crashed"));
    QVERIFY(pane->isModified());
    QCOMPARE(pane->filePath(), m_dockerfile);
    QCOMPARE(readAll(m_dockerfile), Original); // the file on disk waits for Save
    QVERIFY(!bar->isVisible());
    QCOMPARE(pane->recoveryFilePath(), path); // still recoverable until saved

    QVERIFY(pane->save());
    QCOMPARE(readAll(m_dockerfile), Original + QStringLiteral("RUN echo crashed"));
    QCOMPARE(recoveryFiles(), QStringList());
}

void TestDockerfileRecovery::discardDeletesTheRecoveryFile()
{
    const QString path = runSession(m_dockerfile, QStringLiteral("RUN echo crashed"), true);
    QVERIFY(!path.isEmpty());
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    QVERIFY(pane->recoveryBar()->isVisible());
    QTest::mouseClick(pane->recoveryBar()->discardButton(), Qt::LeftButton);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!pane->recoveryBar()->isVisible());
    QCOMPARE(pane->editor()->toPlainText(), Original);
    QVERIFY(!pane->isModified());
    QCOMPARE(
        QDir(DockerfileRecovery::directory()).entryList(QDir::Files | QDir::Hidden), QStringList()); // lock gone too
}

void TestDockerfileRecovery::savingDeletesTheRecoveryFile()
{
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("USER 1000"));
    QTRY_COMPARE(recoveryFiles().size(), 1);
    QVERIFY(pane->save());
    QCOMPARE(recoveryFiles(), QStringList());
    QCOMPARE(readAll(m_dockerfile), Original + QStringLiteral("USER 1000"));
}

void TestDockerfileRecovery::cleanCloseDeletesTheRecoveryFile()
{
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("USER 1000"));
    QTRY_COMPARE(recoveryFiles().size(), 1);
    // Closing the window asks first (MainWindow::closeEvent calls maybeSave): answer Discard.
    QTimer::singleShot(100, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
    });
    QVERIFY(pane->maybeSave());
    pane.reset();
    QCOMPARE(QDir(DockerfileRecovery::directory()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QCOMPARE(readAll(m_dockerfile), Original);
}

void TestDockerfileRecovery::undoingEveryEditDeletesTheRecoveryFile()
{
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("USER 1000"));
    QTRY_COMPARE(recoveryFiles().size(), 1);
    for (int i = 0; i < 20 && pane->isModified(); ++i)
        QTest::keyClick(pane->editor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(pane->editor()->toPlainText(), Original);
    QCOMPARE(recoveryFiles(), QStringList());
}

void TestDockerfileRecovery::closingWithoutBeingAskedKeepsTheEdits()
{
    // A pane destroyed with edits nobody saved or discarded (not through maybeSave) writes them out,
    // even inside the pause after the last key, and leaves them for the next session.
    auto pane = newPane();
    pane->setAutosaveDelays(60 * 60 * 1000, 60 * 60 * 1000);
    QVERIFY(pane->openFile(m_dockerfile));
    typeAtEnd(*pane, QStringLiteral("USER 1000"));
    pane.reset();
    QCOMPARE(recoveryFiles().size(), 1);
    QCOMPARE(recoveredText(recoveryFiles().first()), Original + QStringLiteral("USER 1000"));
    pane = newPane();
    QVERIFY(pane->recoveryBar()->isVisible());
}

void TestDockerfileRecovery::untitledBufferIsRecovered()
{
    const QString path = runSession(QStringLiteral("-"), QStringLiteral("FROM scratch"), true);
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("untitled-1.recovery"));
    RecoveryHeader header;
    QCOMPARE(recoveredText(path, &header), QStringLiteral("FROM scratch"));
    auto pane = newPane();
    QCOMPARE(pane->recoveryBar()->messageLabel()->text(),
        QStringLiteral("Unsaved changes to <b>an untitled Dockerfile</b> from %1 were recovered.").arg(when(header)));
    QTest::mouseClick(pane->recoveryBar()->restoreButton(), Qt::LeftButton);
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM scratch"));
    QVERIFY(pane->isModified());
    QCOMPARE(pane->filePath(), QString());
    QCOMPARE(pane->recoveryFilePath(), path);
}

void TestDockerfileRecovery::changeOnDiskSinceIsSaid()
{
    const QString path = runSession(m_dockerfile, QStringLiteral("RUN echo crashed"), true);
    RecoveryHeader header;
    recoveredText(path, &header);
    writeAll(m_dockerfile, QStringLiteral("FROM alpine\n"));
    auto pane = newPane();
    QCOMPARE(pane->recoveryBar()->messageLabel()->text(),
        QStringLiteral("Unsaved changes to <b>Dockerfile</b> in %1 from %2 were recovered. <b>The file on disk has "
                       "changed since.</b>")
            .arg(m_dir.path(), when(header)));
    QTest::mouseClick(pane->recoveryBar()->restoreButton(), Qt::LeftButton);
    QCOMPARE(pane->editor()->toPlainText(), Original + QStringLiteral("RUN echo crashed")); // the recovered text wins
    QCOMPARE(readAll(m_dockerfile), QStringLiteral("FROM alpine\n"));
    pane->editor()->undo(); // one step back: the file on disk
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM alpine\n"));
}

void TestDockerfileRecovery::liveInstanceRecoveryIsNotOffered()
{
    const QString theirs = runSession(m_dockerfile, QStringLiteral("RUN echo other"), false);
    QVERIFY(!theirs.isEmpty());
    auto pane = newPane();
    QVERIFY(pane->openFile(m_dockerfile));
    QVERIFY2(!pane->recoveryBar()->isVisible(), qPrintable(pane->recoveryBar()->messageLabel()->text()));
    typeAtEnd(*pane, QStringLiteral("RUN echo mine"));
    QTRY_COMPARE(recoveryFiles().size(), 2); // the same Dockerfile, a file of its own
    QVERIFY(pane->recoveryFilePath() != theirs);
    QCOMPARE(recoveredText(pane->recoveryFilePath()), Original + QStringLiteral("RUN echo mine"));
    QCOMPARE(recoveredText(theirs), Original + QStringLiteral("RUN echo other"));

    crashChildren(); // now its lock is stale: the next pane takes it over
    RecoveryHeader header;
    recoveredText(theirs, &header);
    auto next = newPane(); // offers theirs only: the first pane's own file is locked by this live process
    QVERIFY(next->recoveryBar()->isVisible());
    QCOMPARE(next->recoveryBar()->messageLabel()->text(),
        QStringLiteral("Unsaved changes to <b>Dockerfile</b> in %1 from %2 were recovered.")
            .arg(m_dir.path(), when(header)));
    QTest::mouseClick(next->recoveryBar()->restoreButton(), Qt::LeftButton);
    QCOMPARE(next->editor()->toPlainText(), Original + QStringLiteral("RUN echo other"));
    QCOMPARE(next->recoveryFilePath(), theirs);
}

void TestDockerfileRecovery::everyLeftoverIsOfferedInTurn()
{
    const QString first = runSession(m_dockerfile, QStringLiteral("RUN echo one"), true);
    const QString second = runSession(QStringLiteral("-"), QStringLiteral("FROM scratch"), true);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    RecoveryHeader secondHeader;
    recoveredText(second, &secondHeader);

    auto pane = newPane();
    QVERIFY2(pane->recoveryBar()->messageLabel()->text().endsWith(QLatin1String(" (1 more after this one)")),
        qPrintable(pane->recoveryBar()->messageLabel()->text()));
    QTest::mouseClick(pane->recoveryBar()->laterButton(), Qt::LeftButton); // keep both for later
    QVERIFY(!pane->recoveryBar()->isVisible());
    pane.reset();
    QCOMPARE(recoveryFiles().size(), 2);

    pane = newPane(); // the next session offers them again, oldest first
    QVERIFY(
        pane->recoveryBar()->messageLabel()->text().startsWith(QLatin1String("Unsaved changes to <b>Dockerfile</b>")));
    QTest::mouseClick(pane->recoveryBar()->discardButton(), Qt::LeftButton);
    QVERIFY(!QFile::exists(first));
    QCOMPARE(pane->recoveryBar()->messageLabel()->text(),
        QStringLiteral("Unsaved changes to <b>an untitled Dockerfile</b> from %1 were recovered.")
            .arg(when(secondHeader)));
    QTest::mouseClick(pane->recoveryBar()->restoreButton(), Qt::LeftButton);
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM scratch"));
    QVERIFY(!pane->recoveryBar()->isVisible());
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() == 4 && arguments[1] == QLatin1String("--child"))
        return runChild(arguments[2], arguments[3]);
    TestDockerfileRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_dockerfile_recovery.moc"
