// The Dockerfile pane as a person uses it: the sample's Dockerfile beside the sample image, the
// gutter showing each line's layer size, a click on the gutter selecting the layer, live hints while
// typing, a quick fix, an atomic save and a change made on disk. Layer sizes come from
// resources/sample/expected.json; the line numbers from resources/sample/Dockerfile.
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>
#include <nlohmann/json.hpp>

using namespace ballast;

namespace {
const QString SampleDir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
constexpr int Layer5Line = 42; // "RUN mkdir -p /tmp/build/obj …" made layer 5
constexpr int Layer0Line = 9;  // "COPY busybox /bin/busybox" made layer 0

QString readAll(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

QStringList rulesOf(const DockerfileCheck &check)
{
    QStringList rules;
    for (const LintFinding &finding : check.findings)
        rules << finding.rule;
    return rules;
}
} // namespace

class TestDockerfilePane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void gutterShowsLayerSizes();
    void gutterClickSelectsLayer();
    void selectingLayerRevealsLine();
    void hintsFollowTyping();
    void quickFixAddsNoInstallRecommends();
    void saveIsAtomicAndClean();
    void changeOnDiskIsNoticed();
    void unsavedEditsAreGuarded();

private:
    bool waitForCheck(quint64 atLeastRevision = 1);
    std::unique_ptr<DockerfilePane> m_pane;
    LoadedImage m_image;
    nlohmann::json m_expected;
    QTemporaryDir m_dir;
    QString m_dockerfile;
};

void TestDockerfilePane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QFile expected(SampleDir + QStringLiteral("/expected.json"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    m_expected = nlohmann::json::parse(expected.readAll().toStdString());
    auto image = ImageLoader().load(SampleDir + QStringLiteral("/sample.oci-gzip.tar"));
    m_image.analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*image));
    m_image.image = image;
    m_dockerfile = m_dir.filePath(QStringLiteral("Dockerfile"));
    QVERIFY(QFile::copy(SampleDir + QStringLiteral("/Dockerfile"), m_dockerfile));
    QFile::setPermissions(m_dockerfile, QFile::ReadOwner | QFile::WriteOwner);
    m_pane = std::make_unique<DockerfilePane>();
    m_pane->resize(1000, 700);
    m_pane->show();
    m_pane->setImage(m_image);
    QVERIFY(m_pane->openFile(m_dockerfile));
    QVERIFY(waitForCheck());
}

bool TestDockerfilePane::waitForCheck(quint64)
{
    return QTest::qWaitFor([this] { return !m_pane->linter()->isBusy() && m_pane->editor()->check().dockerfile; }, 10000);
}

void TestDockerfilePane::gutterShowsLayerSizes()
{
    const auto &layers = m_expected["layers"];
    const auto info5 = m_pane->editor()->lineInfo(Layer5Line);
    QCOMPARE(info5.layer, 5);
    QCOMPARE(info5.bytes, layers[5]["sizeBytes"].get<int64_t>());
    const auto info0 = m_pane->editor()->lineInfo(Layer0Line);
    QCOMPARE(info0.layer, 0);
    QCOMPARE(info0.bytes, layers[0]["sizeBytes"].get<int64_t>());
    QCOMPARE(m_pane->editor()->heaviestLayerBytes(), layers[5]["sizeBytes"].get<int64_t>()); // the 21 MB layer
    QCOMPARE(m_pane->editor()->lineInfo(Layer5Line + 1).layer, -1); // a continuation line has no layer of its own
}

void TestDockerfilePane::gutterClickSelectsLayer()
{
    DockerfileEditor *editor = m_pane->editor();
    QSignalSpy spy(m_pane.get(), &DockerfilePane::layerActivated);
    editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(Layer5Line - 1)));
    editor->centerCursor();
    const QRect line = editor->cursorRect(QTextCursor(editor->document()->findBlockByNumber(Layer5Line - 1)));
    QTest::mouseClick(reinterpret_cast<QWidget *>(editor->gutter()), Qt::LeftButton, {}, QPoint(10, line.center().y()));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 5);
}

void TestDockerfilePane::selectingLayerRevealsLine()
{
    m_pane->revealLayer(0);
    QCOMPARE(m_pane->editor()->textCursor().blockNumber() + 1, Layer0Line);
    m_pane->revealLayer(5);
    QCOMPARE(m_pane->editor()->textCursor().blockNumber() + 1, Layer5Line);
}

void TestDockerfilePane::hintsFollowTyping()
{
    DockerfileEditor *editor = m_pane->editor();
    QVERIFY(!rulesOf(editor->check()).contains(QStringLiteral("DL3015")));
    QTextCursor end(editor->document());
    end.movePosition(QTextCursor::End);
    editor->setTextCursor(end);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("RUN apt-get update && apt-get install -y curl"));
    QVERIFY(m_pane->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(rulesOf(editor->check()).contains(QStringLiteral("DL3015")), 5000);
    const int newLine = editor->document()->blockCount();
    bool onTheNewLine = false;
    for (const LintFinding &finding : editor->check().findings)
        onTheNewLine = onTheNewLine || (finding.rule == QLatin1String("DL3015") && finding.line == newLine);
    QVERIFY(onTheNewLine);
    QVERIFY(rulesOf(editor->check()).contains(QStringLiteral("DL3009"))); // apt lists not deleted
    QVERIFY(m_pane->findingsList()->topLevelItemCount() >= 2);
}

void TestDockerfilePane::quickFixAddsNoInstallRecommends()
{
    DockerfileEditor *editor = m_pane->editor();
    const LintFinding *dl3015 = nullptr;
    for (const LintFinding &finding : editor->check().findings)
        if (finding.rule == QLatin1String("DL3015") && finding.fix)
            dl3015 = &finding;
    QVERIFY2(dl3015, "DL3015 offers a quick fix");
    const LintFix fix = *dl3015->fix;
    editor->applyFix(fix);
    const QString lastLine = editor->document()->lastBlock().text();
    QVERIFY2(lastLine.contains(QLatin1String("--no-install-recommends")), qPrintable(lastLine));
    QTRY_VERIFY_WITH_TIMEOUT(!rulesOf(editor->check()).contains(QStringLiteral("DL3015")), 5000);
    editor->undo(); // one undo step takes the whole fix back
    QVERIFY(!editor->document()->lastBlock().text().contains(QLatin1String("--no-install-recommends")));
    editor->redo();
}

void TestDockerfilePane::saveIsAtomicAndClean()
{
    const QString text = m_pane->editor()->toPlainText();
    QVERIFY(m_pane->save());
    QVERIFY(!m_pane->isModified());
    QCOMPARE(readAll(m_dockerfile), text);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("Dockerfile")}); // no temporary left behind
}

void TestDockerfilePane::changeOnDiskIsNoticed()
{
    QSignalSpy spy(m_pane.get(), &DockerfilePane::fileChanged);
    {
        QFile file(m_dockerfile);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\nUSER 1000\n");
    }
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    QVERIFY(m_pane->editor()->toPlainText().endsWith(QLatin1String("USER 1000\n")));
    QVERIFY(!m_pane->isModified());
}

void TestDockerfilePane::unsavedEditsAreGuarded()
{
    const QString onDisk = readAll(m_dockerfile);
    QTest::keyClicks(m_pane->editor(), QStringLiteral("# an edit"));
    QVERIFY(m_pane->isModified());
    // The question is modal: answer it like a person would, with Cancel, then with Discard.
    auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(100, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QTest::mouseClick(box->button(button), Qt::LeftButton);
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!m_pane->maybeSave()); // closing is refused
    QVERIFY(m_pane->isModified());
    QCOMPARE(readAll(m_dockerfile), onDisk);
    answer(QMessageBox::Discard);
    QVERIFY(m_pane->maybeSave());
    QCOMPARE(readAll(m_dockerfile), onDisk); // discarding never touches the file
}

QTEST_MAIN(TestDockerfilePane)
#include "test_dockerfile_pane.moc"
