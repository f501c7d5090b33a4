// The Dockerfile being edited, without any window: a QTextDocument stands for the editor. Reading
// (exact text, errors naming the file), atomic saves (a save that fails leaves the old file as it
// was), the file changing on disk, the autosave after the configured pause, and the recovery of edits
// a session left behind, offered on the next open and gone once saved. Every text compared is written
// by the test itself.
#include "FileSizeLimit.h"
#include "RecoveredText.h"
#include "document/DockerfileDocument.h"
#include "document/DockerfileRecovery.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

#include <cstdio>
#include <unistd.h>

using namespace ballast;

namespace {
const QByteArray Original = "FROM busybox\nRUN echo hello\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Typed at the end, as one edit.
void append(QTextDocument &text, const QString &typed)
{
    QTextCursor end(&text);
    end.movePosition(QTextCursor::End);
    end.insertText(typed);
}

QStringList recoveryFiles()
{
    return QDir(DockerfileRecovery::directory()).entryList({ QStringLiteral("*.recovery") }, QDir::Files, QDir::Name);
}

} // namespace

class TestDockerfileDocument : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openReadsTheFileExactly();
    void openSaysWhichFileFailed();
    void saveWritesAtomically();
    void failedSaveKeepsTheOldFile_data();
    void failedSaveKeepsTheOldFile();
    void changeOnDiskIsReloaded();
    void changeOnDiskWithEditsAsks();
    void deletionOnDiskIsSaid();
    void ownSaveIsNoChangeOnDisk();
    void autosaveWaitsForTheConfiguredPause();
    void failedAutosaveKeepsTheLastCopy();
    void recoveryIsOfferedOnNextOpenAndClearedAfterSave();
    void discardingTheEditsDeletesTheRecoveryFile();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestDockerfileDocument::initTestCase()
{
    QVERIFY2(DockerfileRecovery::directory().contains(QLatin1String("/.qttest/")),
        qPrintable(DockerfileRecovery::directory()));
    m_path = QDir(m_dir.path()).absoluteFilePath(QStringLiteral("Dockerfile"));
}

void TestDockerfileDocument::init()
{
    QDir(DockerfileRecovery::directory()).removeRecursively();
    QVERIFY(writeAll(m_path, Original));
}

void TestDockerfileDocument::cleanup()
{
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDir(DockerfileRecovery::directory()).removeRecursively();
}

void TestDockerfileDocument::openReadsTheFileExactly()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QSignalSpy loaded(&document, &DockerfileDocument::loaded);
    QSignalSpy pathChanged(&document, &DockerfileDocument::pathChanged);
    QString error;
    QVERIFY(document.open(QDir(m_dir.path()).relativeFilePath(m_path).prepend(m_dir.path() + "/./"), &error));
    QCOMPARE(error, QString());
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original));
    QCOMPARE(document.path(), m_path); // absolute and clean
    QVERIFY(!document.isModified());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), false); // another file than before (none)
    QCOMPARE(pathChanged.size(), 1);
    QVERIFY(!text.isUndoAvailable()); // no undo step leads to the empty text

    append(text, QStringLiteral("USER 1000\n"));
    QVERIFY(document.isModified());
    QVERIFY(document.open(m_path)); // the same file again: its text, unmodified
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original));
    QVERIFY(!document.isModified());
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.at(1).at(0).toBool(), true);
    QCOMPARE(pathChanged.size(), 1);
}

void TestDockerfileDocument::openSaysWhichFileFailed()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    const QString missing = m_dir.filePath(QStringLiteral("missing/Dockerfile"));
    QString error;
    QVERIFY(!document.open(missing, &error));
    QCOMPARE(error, missing + QStringLiteral(": cannot open: No such file or directory"));
    QCOMPARE(document.path(), m_path); // nothing changed
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original));
    QVERIFY(!document.open(m_dir.path(), &error));
    QVERIFY2(error.startsWith(m_dir.path() + QStringLiteral(": cannot open: ")), qPrintable(error));
}

void TestDockerfileDocument::saveWritesAtomically()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    append(text, QStringLiteral("USER 1000\n"));
    QVERIFY(document.isModified());
    QString error;
    QVERIFY(document.save(&error));
    QCOMPARE(error, QString());
    QCOMPARE(readAll(m_path), Original + "USER 1000\n");
    QVERIFY(!document.isModified());
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("Dockerfile") });

    const QString other = m_dir.filePath(QStringLiteral("Dockerfile.slim"));
    append(text, QStringLiteral("CMD [\"sh\"]\n"));
    QSignalSpy pathChanged(&document, &DockerfileDocument::pathChanged);
    QVERIFY(document.saveAs(other, &error));
    QCOMPARE(readAll(other), Original + "USER 1000\nCMD [\"sh\"]\n");
    QCOMPARE(readAll(m_path), Original + "USER 1000\n");
    QCOMPARE(document.path(), other);
    QCOMPARE(pathChanged.size(), 1);
    QVERIFY(QFile::remove(other));

    QTextDocument untitledText;
    DockerfileDocument untitled(&untitledText); // typed without a file: Save As gives it one
    append(untitledText, QStringLiteral("FROM scratch\n"));
    QVERIFY(!untitled.save(&error));
    QCOMPARE(error, QStringLiteral("The Dockerfile has no file name yet: save it as a file first"));
    QVERIFY(untitled.isModified());
}

void TestDockerfileDocument::failedSaveKeepsTheOldFile_data()
{
    QTest::addColumn<bool>("readOnlyDirectory");
    QTest::addColumn<QString>("reason");
    QTest::newRow("read-only directory") << true << QStringLiteral("Permission denied");
    QTest::newRow("disk full") << false << QStringLiteral("File too large"); // EFBIG, from RLIMIT_FSIZE
}

void TestDockerfileDocument::failedSaveKeepsTheOldFile()
{
    QFETCH(bool, readOnlyDirectory);
    QFETCH(QString, reason);
    if (readOnlyDirectory && geteuid() == 0)
        QSKIP("root writes into a read-only directory; the disk-full row fails the write instead");
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    append(text, QStringLiteral("RUN echo %1\n").arg(QString(200, u'x'))); // bigger than the limit below
    QString error;
    bool saved = true;
    if (readOnlyDirectory) {
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        saved = document.save(&error);
    } else {
        FileSizeLimit limit(64);
        saved = document.save(&error);
    }
    QVERIFY2(!saved, qPrintable(QString::fromUtf8(readAll(m_path))));
    QVERIFY2(error.startsWith(m_path + QStringLiteral(": cannot save: ")), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(readAll(m_path), Original); // the old file, whole
    QVERIFY(document.isModified()); // the edits are still unsaved
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("Dockerfile") });
}

void TestDockerfileDocument::changeOnDiskIsReloaded()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    QSignalSpy reloaded(&document, &DockerfileDocument::reloadedFromDisk);
    QSignalSpy loaded(&document, &DockerfileDocument::loaded);
    QVERIFY(writeAll(m_path, Original + "USER 1000\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 1, 5000);
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original + "USER 1000\n"));
    QVERIFY(!document.isModified());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), true); // the same file, read again

    // Replaced rather than rewritten (as editors that save atomically do): still followed.
    const QString replacement = m_dir.filePath(QStringLiteral("Dockerfile.new"));
    QVERIFY(writeAll(replacement, "FROM alpine\n"));
    QVERIFY(::rename(qPrintable(replacement), qPrintable(m_path)) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 2, 5000);
    QCOMPARE(text.toPlainText(), QStringLiteral("FROM alpine\n"));
    QVERIFY(writeAll(m_path, "FROM alpine:3.19\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 3, 5000);
    QCOMPARE(text.toPlainText(), QStringLiteral("FROM alpine:3.19\n"));
}

void TestDockerfileDocument::changeOnDiskWithEditsAsks()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    document.setAutosaveDelays(10, 10);
    QVERIFY(document.open(m_path));
    append(text, QStringLiteral("USER 1000\n"));
    QTRY_VERIFY(!document.recoveryFilePath().isEmpty());
    QSignalSpy asked(&document, &DockerfileDocument::changedOnDiskAndHere);
    QSignalSpy reloaded(&document, &DockerfileDocument::reloadedFromDisk);
    QVERIFY(writeAll(m_path, "FROM alpine\n"));
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 5000);
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original) + QStringLiteral("USER 1000\n")); // the edits stay
    QVERIFY(document.isModified());
    QCOMPARE(reloaded.size(), 0);

    QVERIFY(document.reload()); // the person chose the file on disk
    QCOMPARE(text.toPlainText(), QStringLiteral("FROM alpine\n"));
    QVERIFY(!document.isModified());
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(document.recoveryFilePath(), QString());
    QCOMPARE(recoveryFiles(), QStringList());
}

void TestDockerfileDocument::deletionOnDiskIsSaid()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    QSignalSpy deleted(&document, &DockerfileDocument::deletedOnDisk);
    QVERIFY(QFile::remove(m_path));
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 5000);
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original)); // the text is all that is left: kept
    QCOMPARE(document.path(), m_path);
}

void TestDockerfileDocument::ownSaveIsNoChangeOnDisk()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    QVERIFY(document.open(m_path));
    QSignalSpy reloaded(&document, &DockerfileDocument::reloadedFromDisk);
    QSignalSpy asked(&document, &DockerfileDocument::changedOnDiskAndHere);
    QSignalSpy loaded(&document, &DockerfileDocument::loaded);
    append(text, QStringLiteral("USER 1000\n"));
    QVERIFY(document.save());
    append(text, QStringLiteral("# typed after saving\n")); // an outside change now would ask
    QTest::qWait(500); // the watcher's notice of the rename, if any, comes within this
    QCOMPARE(reloaded.size(), 0);
    QCOMPARE(asked.size(), 0);
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original) + QStringLiteral("USER 1000\n# typed after saving\n"));
    // And the file is still watched after the rename that saving made.
    QVERIFY(writeAll(m_path, "FROM alpine\n"));
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 5000);
}

void TestDockerfileDocument::autosaveWaitsForTheConfiguredPause()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    document.setAutosaveDelays(400, 60 * 60 * 1000);
    QVERIFY(document.open(m_path));
    QElapsedTimer sinceEdit;
    append(text, QStringLiteral("RUN echo typed\n"));
    sinceEdit.start();
    QTest::qWait(200);
    QCOMPARE(recoveryFiles(), QStringList()); // not before the pause after the last edit
    QCOMPARE(document.recoveryFilePath(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles().size(), 1, 5000);
    QVERIFY2(sinceEdit.elapsed() >= 400, qPrintable(QString::number(sinceEdit.elapsed())));
    const QString path = QDir(DockerfileRecovery::directory()).filePath(recoveryFiles().first());
    QCOMPARE(document.recoveryFilePath(), path);
    RecoveryHeader header;
    QCOMPARE(recoveredText(path, &header), QString::fromUtf8(Original) + QStringLiteral("RUN echo typed\n"));
    QCOMPARE(header.originalPath, m_path);
    QCOMPARE(header.diskWhenEdited.size, Original.size());
    QCOMPARE(readAll(m_path), Original); // the Dockerfile itself is untouched
}

// A full disk during an autosave leaves the previous recovery copy whole, never a truncated one that
// would restore half a Dockerfile.
void TestDockerfileDocument::failedAutosaveKeepsTheLastCopy()
{
    QTextDocument text;
    DockerfileDocument document(&text);
    document.setAutosaveDelays(50, 50);
    QVERIFY(document.open(m_path));
    append(text, QStringLiteral("USER 1000\n"));
    QTRY_VERIFY(!document.recoveryFilePath().isEmpty());
    const QString recoveryPath = document.recoveryFilePath();
    const qint64 firstCopy = QFileInfo(recoveryPath).size();
    QVERIFY(firstCopy > 0);
    {
        FileSizeLimit limit(rlim_t(firstCopy) + 100);
        append(text, QStringLiteral("RUN echo %1\n").arg(QString(300, u'x')));
        QTest::qWait(300); // the autosave comes and fails
    }
    QCOMPARE(recoveredText(recoveryPath), QString::fromUtf8(Original) + QStringLiteral("USER 1000\n"));
    QCOMPARE(QDir(DockerfileRecovery::directory()).entryList(QDir::Files),
        (QStringList {
            QFileInfo(recoveryPath).fileName(), QFileInfo(recoveryPath).fileName() + QStringLiteral(".lock") }));
    append(text, QStringLiteral("\n")); // room again: the next autosave has everything
    QTRY_COMPARE(recoveredText(recoveryPath),
        QString::fromUtf8(Original) + QStringLiteral("USER 1000\nRUN echo %1\n\n").arg(QString(300, u'x')));
}

void TestDockerfileDocument::recoveryIsOfferedOnNextOpenAndClearedAfterSave()
{
    QString recoveryPath;
    {
        QTextDocument text;
        DockerfileDocument session(&text);
        session.setAutosaveDelays(50, 50);
        QVERIFY(session.open(m_path));
        append(text, QStringLiteral("RUN echo unsaved\n"));
        QTRY_VERIFY(!session.recoveryFilePath().isEmpty());
        recoveryPath = session.recoveryFilePath();
    } // ends without saving or discarding, as a session that dies does: the file stays, unlocked
    QCOMPARE(recoveryFiles().size(), 1);

    QTextDocument text;
    DockerfileDocument next(&text);
    QVERIFY(next.open(m_path));
    QCOMPARE(next.recoveryOfferCount(), size_t(1));
    QVERIFY(next.recoveryOffer());
    QCOMPARE(next.recoveryOffer()->header().originalPath, m_path);
    QCOMPARE(next.recoveryOffer()->recoveredText(), QString::fromUtf8(Original) + QStringLiteral("RUN echo unsaved\n"));
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original)); // nothing changes before the person decides

    QSignalSpy offers(&next, &DockerfileDocument::recoveryOffersChanged);
    QVERIFY(next.restoreRecoveryOffer());
    QVERIFY(offers.size() >= 1);
    QCOMPARE(next.recoveryOffer(), nullptr);
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original) + QStringLiteral("RUN echo unsaved\n"));
    QVERIFY(next.isModified());
    QCOMPARE(readAll(m_path), Original); // the file waits for Save
    QCOMPARE(next.recoveryFilePath(), recoveryPath);
    text.undo(); // one step back: the file on disk
    QCOMPARE(text.toPlainText(), QString::fromUtf8(Original));
    text.redo();

    QVERIFY(next.save());
    QCOMPARE(readAll(m_path), Original + "RUN echo unsaved\n");
    QCOMPARE(recoveryFiles(), QStringList());
    QCOMPARE(next.recoveryFilePath(), QString());
}

void TestDockerfileDocument::discardingTheEditsDeletesTheRecoveryFile()
{
    QTextDocument text;
    auto document = std::make_unique<DockerfileDocument>(&text);
    document->setAutosaveDelays(50, 50);
    QVERIFY(document->open(m_path));
    append(text, QStringLiteral("RUN echo unwanted\n"));
    QTRY_COMPARE(recoveryFiles().size(), 1);
    document->discardEdits();
    QCOMPARE(recoveryFiles(), QStringList());
    document.reset(); // closing after the discard writes nothing back
    QCOMPARE(QDir(DockerfileRecovery::directory()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QCOMPARE(readAll(m_path), Original);
}

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // a QTextDocument needs fonts, not a window
    QStandardPaths::setTestModeEnabled(true);
    TestDockerfileDocument test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_dockerfile_document.moc"
