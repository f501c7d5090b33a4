// The Dockerfile pane as a person uses it: the sample's Dockerfile beside the sample image, the
// gutter showing each line's layer size, a click on the gutter selecting the layer, live hints while
// typing, a quick fix, an atomic save and a change made on disk. Layer sizes come from
// resources/sample/expected.json; the line numbers from resources/sample/Dockerfile.
#include "ImageLoader.h"
#include "UiTestSupport.h"
#include "analysis/ImageAnalysis.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "editor/FindingsList.h"
#include "editor/ImageMatchBar.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <nlohmann/json.hpp>

using namespace ballast;

namespace {
const QString SampleDir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
constexpr int Layer5Line = 42; // "RUN mkdir -p /tmp/build/obj …" made layer 5
constexpr int Layer0Line = 9; // "COPY busybox /bin/busybox" made layer 0
constexpr int Layer6Line = 56; // "RUN rm -rf /tmp/build \" made layer 6; line 51 ends layer 5's RUN

QString readAll(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

QStringList rulesOf(const std::vector<ShownFinding> &findings)
{
    QStringList rules;
    for (const ShownFinding &shown : findings)
        rules << shown.finding.rule;
    return rules;
}

QString shownText(const FindingsList *list, int row, int column)
{
    return list->model()->index(row, column).data().toString();
}

QString shownMessage(const FindingsList *list, int row)
{
    return shownText(list, row, DockerfileFindingsModel::MessageColumn);
}

// The findings list's rows as "line rule bytes": what the person reads.
QStringList shownRows(const FindingsList *list)
{
    QStringList rows;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        rows << QStringLiteral("%1 %2 %3")
                    .arg(shownText(list, row, DockerfileFindingsModel::LineColumn),
                        shownText(list, row, DockerfileFindingsModel::RuleColumn),
                        shownText(list, row, DockerfileFindingsModel::BytesColumn));
    return rows;
}
} // namespace

class TestDockerfilePane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void gutterShowsLayerSizes();
    void gutterClickSelectsLayer();
    void selectingLayerRevealsLine();
    void mergingRunsKeepsWhatWasMeasured();
    void lineInsertedAboveMovesTheSizeAlong();
    void summarySpellsTheCounts();
    void longMessagesWrap();
    void activatingAFindingGoesToItsLine();
    void hintsFollowTyping();
    void quickFixMenuPutsTheFixFirst();
    void quickFixAddsNoInstallRecommends();
    void saveIsAtomicAndClean();
    void changeOnDiskIsNoticed();
    void unsavedEditsAreGuarded();

private:
    bool waitForCheck(quint64 atLeastRevision = 1);
    QStringList menuOnLine(int line);
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
    new QAbstractItemModelTester(
        m_pane->findingsList()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_pane.get());
    QVERIFY(m_pane->openFile(m_dockerfile));
    QVERIFY(waitForCheck());
}

bool TestDockerfilePane::waitForCheck(quint64)
{
    return QTest::qWaitFor(
        [this] { return !m_pane->linter()->isBusy() && !m_pane->editor()->findings().empty(); }, 10000);
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
    QVERIFY(!m_pane->editor()->textCursor().hasSelection()); // highlighted, not selected
    QCOMPARE(m_pane->lineOfLayer(5), Layer5Line);
}

// The newcomer's case: layer 6's RUN merged into layer 5's, typed with the keyboard. The image has
// not changed, so the gutter keeps both measured sizes (dimmed) at the lines where the two
// instructions' text is now, and the BA hints of line 56 stay listed, marked, at their new line.
// Undoing the edit makes everything live again. Figures from `ballast-cli lint` on the sample and
// its expected.json.
void TestDockerfilePane::mergingRunsKeepsWhatWasMeasured()
{
    DockerfileEditor *editor = m_pane->editor();
    const auto &layers = m_expected["layers"];
    const QString original = editor->toPlainText();
    const QStringList before = shownRows(m_pane->findingsList());
    QCOMPARE(before,
        (QStringList {
            "26 BA1005 295 kB", "42 BA1001 131 kB", "42 BA1005 12.6 MB", "56 BA1001 1.42 MB", "56 BA1003 1.42 MB" }));
    QVERIFY(!m_pane->showsMeasurementsBeforeEdits());
    QVERIFY(!m_pane->imageMatchBar()->isVisible());

    QSignalSpy linesChanged(m_pane.get(), &DockerfilePane::layerLinesChanged);
    QTextCursor endOf51(editor->document()->findBlockByNumber(50));
    endOf51.movePosition(QTextCursor::EndOfBlock);
    editor->setTextCursor(endOf51);
    editor->setFocus();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(editor, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(editor, Qt::Key_Home, Qt::ShiftModifier);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(editor, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(editor->textCursor().selectedText(),
        QStringLiteral(
            "\u2029\u2029# Layer 6: a clean-up that comes one layer too late: every byte it deletes is still stored in "
            "the\u2029"
            "# layers below. It also edits a config file and changes only the mode of the big package list,\u2029"
            "# which stores the whole file again.\u2029RUN"));
    QTest::keyClicks(editor, QStringLiteral(" \\"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral(" &&"));
    QStringList lines = original.split(QLatin1Char('\n'));
    lines[50] += QStringLiteral(" \\");
    lines[55] = QStringLiteral(" &&") + lines[55].mid(3);
    lines.remove(51, 4);
    QCOMPARE(editor->toPlainText(), lines.join(QLatin1Char('\n')));
    constexpr int MovedLayer6Line = 52; // " && rm -rf /tmp/build \", inside the merged RUN
    QVERIFY(waitForCheck());

    QVERIFY(m_pane->showsMeasurementsBeforeEdits());
    const auto merged5 = editor->lineInfo(Layer5Line), merged6 = editor->lineInfo(MovedLayer6Line);
    QCOMPARE(merged5.layer, 5);
    QCOMPARE(merged5.bytes, layers[5]["sizeBytes"].get<int64_t>());
    QVERIFY(merged5.beforeEdits);
    QCOMPARE(merged6.layer, 6);
    QCOMPARE(merged6.bytes, layers[6]["sizeBytes"].get<int64_t>());
    QVERIFY(merged6.beforeEdits);
    QCOMPARE(m_pane->lineOfLayer(6), MovedLayer6Line);
    QVERIFY(linesChanged.count() >= 1);
    QCOMPARE(shownRows(m_pane->findingsList()),
        (QStringList {
            "26 BA1005 295 kB", "42 BA1001 131 kB", "42 BA1005 12.6 MB", "52 BA1001 1.42 MB", "52 BA1003 1.42 MB" }));
    for (int row = 0; row < m_pane->findingsList()->model()->rowCount(); ++row) {
        QVERIFY(shownMessage(m_pane->findingsList(), row).endsWith(QLatin1String("(measured before your edits)")));
        QVERIFY(m_pane->findingsList()->model()->index(row, 0).data(DockerfileFindingsModel::BeforeEditsRole).toBool());
    }
    QVERIFY(m_pane->imageMatchBar()->isVisible());
    QVERIFY(m_pane->imageMatchBar()->messageLabel()->text().contains(QLatin1String("measured before your edits")));
    QVERIFY(m_pane->imageMatchBar()->rebuildButton()->isVisible());

    while (editor->toPlainText() != original && editor->document()->isUndoAvailable())
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), original);
    QVERIFY(waitForCheck());
    QVERIFY(!m_pane->showsMeasurementsBeforeEdits());
    QVERIFY(!m_pane->imageMatchBar()->isVisible());
    QCOMPARE(editor->lineInfo(Layer6Line).layer, 6);
    QVERIFY(!editor->lineInfo(Layer6Line).beforeEdits);
    QCOMPARE(m_pane->lineOfLayer(6), Layer6Line);
    QCOMPARE(shownRows(m_pane->findingsList()), before);
    QVERIFY(!shownMessage(m_pane->findingsList(), 0).endsWith(QLatin1String("(measured before your edits)")));
    QVERIFY(!m_pane->findingsList()->model()->index(0, 0).data(DockerfileFindingsModel::BeforeEditsRole).toBool());
}

// A line typed above an instruction: its size moves down with it.
void TestDockerfilePane::lineInsertedAboveMovesTheSizeAlong()
{
    DockerfileEditor *editor = m_pane->editor();
    editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(Layer0Line - 1)));
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(editor->document()->findBlockByNumber(Layer0Line).text(), QStringLiteral("COPY busybox /bin/busybox"));
    QVERIFY(waitForCheck());
    QCOMPARE(editor->lineInfo(Layer0Line).layer, -1);
    QCOMPARE(editor->lineInfo(Layer0Line + 1).layer, 0);
    QCOMPARE(editor->lineInfo(Layer5Line + 1).layer, 5);
    QCOMPARE(m_pane->lineOfLayer(0), Layer0Line + 1);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!m_pane->isModified());
    QVERIFY(waitForCheck());
    QCOMPARE(editor->lineInfo(Layer0Line).layer, 0);
}

void TestDockerfilePane::summarySpellsTheCounts()
{
    QCOMPARE(
        m_pane->summaryLabel()->text(), QStringLiteral("5 findings, 5 warnings")); // `ballast-cli lint` on the sample
    DockerfilePane alone;
    alone.editor()->setFocus();
    for (const char *line : { "FROM alpine:3.19", "MAINTAINER me" }) {
        QTest::keyClicks(alone.editor(), QLatin1String(line));
        QTest::keyClick(alone.editor(), Qt::Key_Return);
    }
    QTRY_COMPARE_WITH_TIMEOUT(alone.summaryLabel()->text(), QStringLiteral("1 finding, 1 error"), 5000); // DL4000
    QTest::keyClicks(alone.editor(), QStringLiteral("USER root"));
    QTRY_COMPARE_WITH_TIMEOUT(
        alone.summaryLabel()->text(), QStringLiteral("2 findings, 1 error, 1 warning"), 5000); // + DL3002
}

// In a narrow pane a finding's message wraps: its row is as tall as the wrapped text, which fits the
// Message column's width.
void TestDockerfilePane::longMessagesWrap()
{
    FindingsList *list = m_pane->findingsList();
    m_pane->resize(520, 700);
    QTest::qWait(50); // the column widths follow, then the rows are laid out again
    // 42 BA1005: "12.6 MB written here are deleted in line 56 but …"
    const QModelIndex item = list->model()->index(2, DockerfileFindingsModel::MessageColumn);
    const QString message = item.data().toString();
    const int width = list->header()->sectionSize(4);
    const QFontMetrics metrics(list->font());
    QVERIFY2(metrics.horizontalAdvance(message) > width,
        qPrintable(QStringLiteral("%1 px of message for a %2 px column: %3")
                       .arg(metrics.horizontalAdvance(message))
                       .arg(width)
                       .arg(message)));
    const int needed = metrics.boundingRect(QRect(0, 0, width - 8, 10000), Qt::TextWordWrap, message).height();
    QTRY_VERIFY2_WITH_TIMEOUT(list->visualRect(item).height() >= needed,
        qPrintable(
            QStringLiteral("row %1 px high, the message needs %2").arg(list->visualRect(item).height()).arg(needed)),
        2000);
    QVERIFY(list->visualRect(item).height() >= 2 * metrics.height());
    QCOMPARE(list->horizontalScrollBar()->isVisible(), false); // nothing to scroll sideways to
    m_pane->resize(1000, 700);
}

// A double-click on a finding, or Enter on it, puts the editor's cursor on its line.
void TestDockerfilePane::activatingAFindingGoesToItsLine()
{
    FindingsList *list = m_pane->findingsList();
    DockerfileEditor *editor = m_pane->editor();
    QCOMPARE(shownRows(list).value(3), QStringLiteral("56 BA1001 1.42 MB"));
    editor->setTextCursor(QTextCursor(editor->document()));
    const QModelIndex rule3 = list->model()->index(3, DockerfileFindingsModel::RuleColumn);
    list->scrollTo(rule3);
    QTest::qWait(100); // the rows are laid out again after the pane's last resize
    const QRect row3 = list->visualRect(rule3);
    QCOMPARE(list->indexAt(row3.center()), rule3);
    uitest::doubleClick(list->viewport(), row3.center());
    QCOMPARE(editor->textCursor().blockNumber() + 1, Layer6Line);
    QVERIFY(editor->hasFocus());

    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, DockerfileFindingsModel::LineColumn)); // "26 BA1005"
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(editor->textCursor().blockNumber() + 1, 26);
    QVERIFY(!m_pane->isModified());
}

void TestDockerfilePane::hintsFollowTyping()
{
    DockerfileEditor *editor = m_pane->editor();
    QVERIFY(!rulesOf(editor->findings()).contains(QStringLiteral("DL3015")));
    QTextCursor end(editor->document());
    end.movePosition(QTextCursor::End);
    editor->setTextCursor(end);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("RUN apt-get update && apt-get install -y curl"));
    QVERIFY(m_pane->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(rulesOf(editor->findings()).contains(QStringLiteral("DL3015")), 5000);
    const int newLine = editor->document()->blockCount();
    bool onTheNewLine = false;
    for (const auto &[finding, beforeEdits] : editor->findings())
        onTheNewLine
            = onTheNewLine || (finding.rule == QLatin1String("DL3015") && finding.line == newLine && !beforeEdits);
    QVERIFY(onTheNewLine);
    QVERIFY(rulesOf(editor->findings()).contains(QStringLiteral("DL3009"))); // apt lists not deleted
    // The image's hints on the lines above stay, measured before this edit.
    int measured = 0;
    for (const auto &[finding, beforeEdits] : editor->findings())
        if (finding.rule.startsWith(QLatin1String("BA1"))) {
            QVERIFY(beforeEdits);
            ++measured;
        }
    QCOMPARE(measured, 5);
    QVERIFY(m_pane->findingsList()->model()->rowCount() >= 2);
}

// Right-click on a line with a finding that has a fix: the fix comes first, then "Ignore".
QStringList TestDockerfilePane::menuOnLine(int line)
{
    DockerfileEditor *editor = m_pane->editor();
    editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(line - 1)));
    QStringList texts;
    QTimer::singleShot(50, [&texts] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *action : menu->actions())
            texts << action->text();
        QTest::keyClick(menu, Qt::Key_Escape);
    });
    const QPoint at = editor->cursorRect().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, editor->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(editor->viewport(), &event);
    return texts;
}

void TestDockerfilePane::quickFixMenuPutsTheFixFirst()
{
    const QStringList texts = menuOnLine(m_pane->editor()->document()->blockCount()); // the apt-get line typed above
    const auto at = [&texts](const char *text) { return texts.indexOf(QLatin1String(text)); };
    QVERIFY2(at("DL3015: Add --no-install-recommends") >= 0, qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(at("DL3015: Add --no-install-recommends") < at("DL3015: Ignore DL3015 here (# hadolint ignore)"));
    QVERIFY(at("DL3009: Delete the apt lists in the same RUN") >= 0);
    QVERIFY(at("DL3009: Delete the apt lists in the same RUN") < at("DL3009: Ignore DL3009 here (# hadolint ignore)"));
    // All above the standard editing actions, after a separator.
    const qsizetype undo = texts.indexOf(QRegularExpression(QStringLiteral("&Undo.*")));
    QVERIFY2(undo > at("DL3015: Ignore DL3015 here (# hadolint ignore)"), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(undo > at("DL3009: Ignore DL3009 here (# hadolint ignore)"));
    QCOMPARE(texts.value(undo - 1), QString()); // the separator
}

void TestDockerfilePane::quickFixAddsNoInstallRecommends()
{
    DockerfileEditor *editor = m_pane->editor();
    const LintFinding *dl3015 = nullptr;
    for (const ShownFinding &shown : editor->findings())
        if (shown.finding.rule == QLatin1String("DL3015") && shown.finding.fix)
            dl3015 = &shown.finding;
    QVERIFY2(dl3015, "DL3015 offers a quick fix");
    const LintFix fix = *dl3015->fix;
    editor->applyFix(fix);
    const QString lastLine = editor->document()->lastBlock().text();
    QVERIFY2(lastLine.contains(QLatin1String("--no-install-recommends")), qPrintable(lastLine));
    QTRY_VERIFY_WITH_TIMEOUT(!rulesOf(editor->findings()).contains(QStringLiteral("DL3015")), 5000);
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
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("Dockerfile") }); // no temporary left behind
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
