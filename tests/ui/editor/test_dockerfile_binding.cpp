// Which Dockerfile goes with which image, driven in the main window as a person would: the sample opens
// with the Dockerfile beside it; another image gets its own Dockerfile or none, never the previous
// one; a Dockerfile that does not match its image shows no sizes and no image hints, and says so;
// unsaved edits are asked about before the Dockerfile changes; selecting a layer highlights its line
// without selecting text. Sizes come from each fixture's expected.json; lines from its Dockerfile.
#include "UiTestSupport.h"

#include "ImageWriter.h"
#include "Theme.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfileLinter.h"
#include "editor/DockerfilePane.h"
#include "editor/FindingsList.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTimer>

#include <numeric>

using namespace ballast;
using namespace uitest;

namespace {
const QString SampleDir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");
const QString WhiteoutsDir = QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts");
// resources/sample/Dockerfile: the instruction that made each layer starts on these lines.
const int SampleLineOfLayer[] = { 9, 12, 17, 26, 38, 42, 56 };
// tests/data/real/whiteouts/Dockerfile: RUN 10, RUN 14, RUN 17 made layers 0, 1, 2.
const int WhiteoutsLineOfLayer[] = { 10, 14, 17 };

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Layer sizes as the fixture's oracle wrote them.
QList<qint64> layerSizes(const QString &expectedJson)
{
    QList<qint64> sizes;
    for (const QJsonValue &layer :
        QJsonDocument::fromJson(readAll(expectedJson).toUtf8())[QStringLiteral("layers")].toArray())
        sizes << layer[QStringLiteral("sizeBytes")].toInteger();
    return sizes;
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

// The rules of the findings list as shown (column 1).
QStringList shownRules(const FindingsList *list)
{
    QStringList rules;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        rules << list->model()->index(row, DockerfileFindingsModel::RuleColumn).data().toString();
    return rules;
}

bool hasImageRule(const QStringList &rules)
{
    return std::any_of(
        rules.begin(), rules.end(), [](const QString &rule) { return rule.startsWith(QLatin1String("BA1")); });
}

// Answers the next modal question with `button`, as a person would with the mouse, once it is up
// (it comes when the image has loaded).
void answerNextQuestion(QMessageBox::StandardButton button, QString *text = nullptr)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, [poll, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll->stop();
        poll->deleteLater();
        if (text)
            *text = box->text();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
    poll->start();
}

// A button the person can see and click.
QPushButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>())
        if (button->text() == text && button->isVisible())
            return button;
    return nullptr;
}
} // namespace

class TestDockerfileBinding : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase() { tearDownWindow(); }

    void anotherImageGetsItsOwnDockerfileOrNone();
    void mismatchedDockerfileShowsNoSizes();
    void chosenDockerfileIsRememberedPerImage();
    void unsavedEditsAreAskedAbout();
    void clickingALayerRowHighlightsWithoutSelecting();
    void clickingAGutterSizeHighlightsWithoutSelecting();
    void switchingTabsKeepsTheMapping();

private:
    bool openAndWait(const QString &path);
    bool waitForPane() const;
    DockerfilePane *pane() const { return m_window->dockerfilePane(); }
    DockerfileEditor *editor() const { return pane()->editor(); }
    QWidget *matchBar() const { return pane()->findChild<QWidget *>(QStringLiteral("imageMatchBar")); }
    QString matchBarText() const;
    void undoAllEdits();
    // With BALLAST_SCREENSHOT_DIR set: the window as it is now, in the light and the dark theme.
    void saveScreenshots(const QString &name);

    QTemporaryDir m_temp;
    QString m_plainImage; // a synthetic image, nothing beside it
    QString m_whiteouts; // the whiteouts image with its own Dockerfile beside it
    QString m_sampleCopy; // the sample with a copy of its Dockerfile beside it (edits go there)
    QString m_sampleElsewhere; // the sample with the whiteouts Dockerfile beside it: a mismatch
};

void TestDockerfileBinding::initTestCase()
{
    QVERIFY(m_temp.isValid());
    QVERIFY(setUpWindow("test_ui_dockerfile_binding"));
    using namespace ballast::test;
    ImageSpec spec; // two layers whose history names no line of any Dockerfile here
    spec.tags = { "plain:1" };
    for (const char *name : { "a", "b" }) {
        LayerSpec layer;
        layer.createdBy = std::string("RUN make ") + name;
        layer.entries.push_back(fileEntry(std::string("data/") + name, filler(5000)));
        spec.layers.push_back(layer);
    }
    QVERIFY(QDir().mkpath(m_temp.filePath(QStringLiteral("plain"))));
    m_plainImage = writeArchive(
        singleImage(Format::OciArchive, spec), m_temp.filePath(QStringLiteral("plain")), QStringLiteral("plain"))
                       .path;
    for (const char *dir : { "whiteouts", "sample", "elsewhere" })
        QVERIFY(QDir().mkpath(m_temp.filePath(QLatin1String(dir))));
    m_whiteouts = m_temp.filePath(QStringLiteral("whiteouts/whiteouts.oci-gzip.tar"));
    QVERIFY(copyFile(WhiteoutsDir + QStringLiteral("/whiteouts.oci-gzip.tar"), m_whiteouts));
    QVERIFY(copyFile(
        WhiteoutsDir + QStringLiteral("/Dockerfile"), m_temp.filePath(QStringLiteral("whiteouts/Dockerfile"))));
    m_sampleCopy = m_temp.filePath(QStringLiteral("sample/sample.oci-gzip.tar"));
    QVERIFY(copyFile(SampleDir + QStringLiteral("/sample.oci-gzip.tar"), m_sampleCopy));
    QVERIFY(copyFile(SampleDir + QStringLiteral("/Dockerfile"), m_temp.filePath(QStringLiteral("sample/Dockerfile"))));
    m_sampleElsewhere = m_temp.filePath(QStringLiteral("elsewhere/sample.oci-gzip.tar"));
    QVERIFY(copyFile(SampleDir + QStringLiteral("/sample.oci-gzip.tar"), m_sampleElsewhere));
    QVERIFY(copyFile(
        WhiteoutsDir + QStringLiteral("/Dockerfile"), m_temp.filePath(QStringLiteral("elsewhere/Dockerfile"))));
}

void TestDockerfileBinding::init()
{
    QSettings().remove(QStringLiteral("dockerfiles")); // no Dockerfile chosen by an earlier test
    if (pane()->filePath() != QFileInfo(SampleDir + QStringLiteral("/Dockerfile")).absoluteFilePath())
        QVERIFY(openAndWait(m_plainImage)); // so that the sample opens anew, with the Dockerfile beside it
    QVERIFY(openAndWait(m_samplePath));
    m_window->showView(View::Dockerfile);
}

void TestDockerfileBinding::cleanup()
{
    undoAllEdits();
}

bool TestDockerfileBinding::waitForPane() const
{
    return QTest::qWaitFor([this] { return !pane()->linter()->isBusy(); }, LoadTimeout);
}

bool TestDockerfileBinding::openAndWait(const QString &path)
{
    if (m_window->session()->currentSource() != path) {
        m_window->session()->open(path);
        if (!QTest::qWaitFor([this, path] { return m_window->session()->currentSource() == path; }, LoadTimeout))
            return false;
    }
    return waitForTree() && waitForPane();
}

QString TestDockerfileBinding::matchBarText() const
{
    QWidget *bar = matchBar();
    if (!bar || !bar->isVisible())
        return {};
    QStringList texts;
    for (QLabel *label : bar->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char(' '));
}

void TestDockerfileBinding::undoAllEdits()
{
    QTextDocument *document = editor()->document();
    while (document->isModified() && document->isUndoAvailable())
        document->undo();
    QVERIFY(!pane()->isModified());
}

void TestDockerfileBinding::saveScreenshots(const QString &name)
{
    const QByteArray dir = qgetenv("BALLAST_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    for (const auto &[theme, suffix] : { std::pair { Theme::Light, "light" }, std::pair { Theme::Dark, "dark" } }) {
        applyTheme(theme);
        QTest::qWait(100);
        m_window->grab().save(QFile::decodeName(dir) + QStringLiteral("/%1-%2.png").arg(name, QLatin1String(suffix)));
    }
    applyTheme(Theme::System);
}

// The sample, then an image with its own Dockerfile beside it, then one with none, then the sample
// again: each time the pane holds that image's Dockerfile, mapped with that image's sizes.
void TestDockerfileBinding::anotherImageGetsItsOwnDockerfileOrNone()
{
    QCOMPARE(pane()->filePath(), QFileInfo(SampleDir + QStringLiteral("/Dockerfile")).absoluteFilePath());
    const QList<qint64> sample = layerSizes(SampleDir + QStringLiteral("/expected.json"));
    QCOMPARE(editor()->lineInfo(SampleLineOfLayer[5]).bytes, sample[5]);

    QVERIFY(openAndWait(m_whiteouts));
    QCOMPARE(pane()->filePath(), m_temp.filePath(QStringLiteral("whiteouts/Dockerfile")));
    QCOMPARE(editor()->toPlainText(), readAll(m_temp.filePath(QStringLiteral("whiteouts/Dockerfile"))));
    const QList<qint64> whiteouts = layerSizes(WhiteoutsDir + QStringLiteral("/expected.json"));
    for (int layer = 0; layer < 3; ++layer) {
        QCOMPARE(editor()->lineInfo(WhiteoutsLineOfLayer[layer]).layer, layer);
        QCOMPARE(editor()->lineInfo(WhiteoutsLineOfLayer[layer]).bytes, whiteouts[layer]);
        QCOMPARE(pane()->lineOfLayer(layer), WhiteoutsLineOfLayer[layer]);
    }
    QCOMPARE(matchBarText(), QString());

    QVERIFY(openAndWait(m_plainImage));
    QCOMPARE(pane()->filePath(), QString());
    QCOMPARE(editor()->toPlainText(), QString());
    QCOMPARE(pane()->lineOfLayer(0), -1);
    QCOMPARE(pane()->lineOfLayer(1), -1);
    QCOMPARE(pane()->findingsList()->model()->rowCount(), 0);

    QVERIFY(openAndWait(m_samplePath));
    QCOMPARE(pane()->filePath(), QFileInfo(SampleDir + QStringLiteral("/Dockerfile")).absoluteFilePath());
    QCOMPARE(editor()->lineInfo(SampleLineOfLayer[5]).bytes, sample[5]);
    QCOMPARE(pane()->lineOfLayer(6), SampleLineOfLayer[6]);
}

// The sample archive with the whiteouts Dockerfile beside it: none of the three RUNs is in the
// sample's history, so no line shows a size, no BA hint is listed, no layer has a line; the banner
// says how many steps matched. "Show Sizes Anyway" shows the sizes as mapped, for this pairing.
void TestDockerfileBinding::mismatchedDockerfileShowsNoSizes()
{
    QSignalSpy linesChanged(pane(), &DockerfilePane::layerLinesChanged);
    QVERIFY(openAndWait(m_sampleElsewhere));
    QCOMPARE(pane()->filePath(), m_temp.filePath(QStringLiteral("elsewhere/Dockerfile")));
    QVERIFY(linesChanged.count() >= 1);
    for (int line = 1; line <= editor()->blockCount(); ++line)
        QCOMPARE(editor()->lineInfo(line).layer, -1);
    for (int layer = 0; layer < 7; ++layer)
        QCOMPARE(pane()->lineOfLayer(layer), -1);
    const QStringList rules = shownRules(pane()->findingsList());
    QVERIFY2(!hasImageRule(rules), qPrintable(rules.join(QLatin1Char(' '))));
    QVERIFY2(matchBarText().contains(QLatin1String("This Dockerfile does not match the image (0 of 3 steps matched)")),
        qPrintable(matchBarText()));
    // The Dockerfile beside the image is the one open: nothing else to offer.
    QVERIFY(!buttonWithText(matchBar(), QStringLiteral("Open the Dockerfile Beside the Image")));
    saveScreenshots(QStringLiteral("dockerfile-mismatch"));

    QPushButton *anyway = buttonWithText(matchBar(), QStringLiteral("Show Sizes Anyway"));
    QVERIFY(anyway);
    QTest::mouseClick(anyway, Qt::LeftButton);
    // The RUNs match nothing, so the FROM line (7) gets every layer as the base image's: the sizes as mapped.
    const QList<qint64> sample = layerSizes(SampleDir + QStringLiteral("/expected.json"));
    QCOMPARE(editor()->lineInfo(7).layer, 6);
    QCOMPARE(editor()->lineInfo(7).bytes, std::accumulate(sample.begin(), sample.end(), qint64(0)));
    QCOMPARE(pane()->lineOfLayer(6), 7);
    QCOMPARE(matchBarText(), QString());
}

// File › Open Dockerfile… for an image is remembered for that image; the banner offers the one beside
// the image, and choosing it is remembered too.
void TestDockerfileBinding::chosenDockerfileIsRememberedPerImage()
{
    const QString wrong = m_temp.filePath(QStringLiteral("whiteouts/Dockerfile"));
    QVERIFY(m_window->openDockerfile(wrong));
    QVERIFY(waitForPane());
    QVERIFY2(matchBarText().contains(QLatin1String("(0 of 3 steps matched)")), qPrintable(matchBarText()));
    QCOMPARE(editor()->lineInfo(WhiteoutsLineOfLayer[0]).layer, -1);

    QVERIFY(openAndWait(m_plainImage));
    QCOMPARE(pane()->filePath(), QString());
    QVERIFY(openAndWait(m_samplePath));
    QCOMPARE(pane()->filePath(), wrong); // the choice came back with the image

    QPushButton *beside = buttonWithText(matchBar(), QStringLiteral("Open the Dockerfile Beside the Image"));
    QVERIFY(beside);
    QTest::mouseClick(beside, Qt::LeftButton);
    QVERIFY(waitForPane());
    QCOMPARE(pane()->filePath(), QFileInfo(SampleDir + QStringLiteral("/Dockerfile")).absoluteFilePath());
    QCOMPARE(editor()->lineInfo(SampleLineOfLayer[3]).layer, 3);
    QCOMPARE(matchBarText(), QString());

    QVERIFY(openAndWait(m_plainImage));
    QVERIFY(openAndWait(m_samplePath));
    QCOMPARE(pane()->filePath(), QFileInfo(SampleDir + QStringLiteral("/Dockerfile")).absoluteFilePath());
}

// Edits to the sample's Dockerfile, then another image: the window asks. Cancel keeps the sample and
// the edits; Save writes them (atomically, to the Dockerfile's own path) and opens the other image.
void TestDockerfileBinding::unsavedEditsAreAskedAbout()
{
    QVERIFY(openAndWait(m_sampleCopy));
    const QString dockerfile = m_temp.filePath(QStringLiteral("sample/Dockerfile"));
    QCOMPARE(pane()->filePath(), dockerfile);
    const QString onDisk = readAll(dockerfile);
    editor()->moveCursor(QTextCursor::End);
    editor()->setFocus();
    QTest::keyClicks(editor(), QStringLiteral("# kept"));
    QVERIFY(pane()->isModified());
    const auto image = m_window->session()->current().image;

    QString question;
    answerNextQuestion(QMessageBox::Cancel, &question);
    m_window->session()->open(m_whiteouts);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy() && !question.isEmpty(), LoadTimeout);
    QCOMPARE(question, QStringLiteral("Dockerfile has unsaved changes. Save them?"));
    QCOMPARE(m_window->session()->current().image, image); // nothing changed
    QCOMPARE(m_window->session()->currentSource(), m_sampleCopy);
    QCOMPARE(pane()->filePath(), dockerfile);
    QVERIFY(editor()->toPlainText().endsWith(QLatin1String("# kept")));
    QVERIFY(pane()->isModified());
    QCOMPARE(readAll(dockerfile), onDisk);

    answerNextQuestion(QMessageBox::Save);
    QVERIFY(openAndWait(m_whiteouts));
    QCOMPARE(pane()->filePath(), m_temp.filePath(QStringLiteral("whiteouts/Dockerfile")));
    QCOMPARE(readAll(dockerfile), onDisk + QStringLiteral("# kept"));
    QVERIFY(copyFile(SampleDir + QStringLiteral("/Dockerfile"), dockerfile));
}

// Clicking a layer row shows its instruction highlighted across the editor's width; the text cursor
// has no selection, so a key typed next inserts one character and Cut and Delete have nothing to do.
void TestDockerfileBinding::clickingALayerRowHighlightsWithoutSelecting()
{
    const QString original = editor()->toPlainText();
    clickIndex(layersView(), layersView()->model()->index(Layer3Row, LayerTableModel::CommandColumn));
    QVERIFY(!editor()->textCursor().hasSelection());
    QCOMPARE(editor()->textCursor().blockNumber() + 1, SampleLineOfLayer[3]);
    bool highlighted = false; // a full-width background from the instruction's first line
    for (const QTextEdit::ExtraSelection &selection : editor()->extraSelections())
        highlighted = highlighted
            || (selection.format.boolProperty(QTextFormat::FullWidthSelection)
                && editor()->document()->findBlock(selection.cursor.selectionStart()).blockNumber() + 1
                    == SampleLineOfLayer[3]
                && selection.cursor.hasSelection());
    QVERIFY(highlighted);

    // The context menu as a right click opens it: Cut and Delete are disabled.
    QStringList enabledEdits;
    QTimer::singleShot(50, [&enabledEdits] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *action : menu->actions())
            if ((action->text().startsWith(QLatin1String("Cu&t"))
                    || action->text().remove(QLatin1Char('&')).startsWith(QLatin1String("Delete")))
                && action->isEnabled())
                enabledEdits << action->text();
        QTest::keyClick(menu, Qt::Key_Escape);
    });
    const QPoint at = editor()->cursorRect().center();
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at, editor()->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(editor()->viewport(), &menuEvent);
    QCOMPARE(enabledEdits, QStringList());

    editor()->setFocus();
    const int at0 = editor()->textCursor().position();
    QTest::keyClick(editor(), Qt::Key_X);
    QCOMPARE(editor()->toPlainText(), QString(original).insert(at0, QLatin1Char('x')));
    // The sizes stay on their instructions' lines.
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), 5000);
    for (int layer = 0; layer < 7; ++layer)
        QCOMPARE(editor()->lineInfo(SampleLineOfLayer[layer]).layer, layer);
}

// The same from the gutter: a click on the size of line 42 selects layer 5 and highlights the line.
void TestDockerfileBinding::clickingAGutterSizeHighlightsWithoutSelecting()
{
    const QString original = editor()->toPlainText();
    const int line = SampleLineOfLayer[5];
    editor()->setTextCursor(QTextCursor(editor()->document())); // the cursor elsewhere: the click must bring it
    editor()->verticalScrollBar()->setValue(line - 5);
    const QRect rect = editor()->cursorRect(QTextCursor(editor()->document()->findBlockByNumber(line - 1)));
    QTest::mouseClick(reinterpret_cast<QWidget *>(editor()->gutter()), Qt::LeftButton, {},
        QPoint(editor()->gutterWidth() / 2, rect.center().y()));
    QCOMPARE(m_window->layersPane()->selectedLayer(), 5);
    QVERIFY(!editor()->textCursor().hasSelection());
    QCOMPARE(editor()->textCursor().blockNumber() + 1, line);
    editor()->setFocus();
    const int at = editor()->textCursor().position();
    QTest::keyClick(editor(), Qt::Key_Y);
    QCOMPARE(editor()->toPlainText(), QString(original).insert(at, QLatin1Char('y')));
    QTest::keyClick(editor(), Qt::Key_Delete); // deletes one character after the cursor, nothing more
    QCOMPARE(editor()->toPlainText(), QString(original).insert(at, QLatin1Char('y')).remove(at + 1, 1));
    QTRY_VERIFY_WITH_TIMEOUT(!pane()->linter()->isBusy(), 5000);
    QCOMPARE(editor()->lineInfo(line).layer, 5);
}

// Files, Treemap, Dockerfile and back: the mapping and the highlight are still there; then an edit
// after the mapping, and round the tabs again: the sizes stay, dimmed, on their instructions.
void TestDockerfileBinding::switchingTabsKeepsTheMapping()
{
    clickIndex(layersView(), layersView()->model()->index(Layer6Row, LayerTableModel::CommandColumn));
    const auto roundTheTabs = [this] {
        for (const View view : { View::Files, View::Treemap, View::Dockerfile }) {
            m_window->showView(view);
            QVERIFY(waitForTree());
        }
        QCOMPARE(m_window->viewTabs()->currentWidget(), static_cast<QWidget *>(pane()));
    };
    roundTheTabs();
    QCOMPARE(editor()->lineInfo(SampleLineOfLayer[6]).layer, 6);
    QCOMPARE(pane()->lineOfLayer(6), SampleLineOfLayer[6]);
    QVERIFY(!editor()->textCursor().hasSelection());
    QCOMPARE(editor()->textCursor().blockNumber() + 1, SampleLineOfLayer[6]);

    editor()->setFocus();
    QTest::keyClick(editor(), Qt::Key_Return); // the cursor is at the start of line 56: a line above it
    QVERIFY(waitForPane());
    roundTheTabs();
    QVERIFY(pane()->showsMeasurementsBeforeEdits());
    QCOMPARE(pane()->lineOfLayer(6), SampleLineOfLayer[6] + 1);
    QCOMPARE(editor()->lineInfo(SampleLineOfLayer[6] + 1).layer, 6);
    QVERIFY(editor()->lineInfo(SampleLineOfLayer[6] + 1).beforeEdits);
    QVERIFY2(matchBarText().contains(QLatin1String("measured before your edits")), qPrintable(matchBarText()));
    QVERIFY(buttonWithText(matchBar(), QStringLiteral("Rebuild")));
    saveScreenshots(QStringLiteral("dockerfile-before-edits"));
}

QTEST_MAIN(TestDockerfileBinding)
#include "test_dockerfile_binding.moc"
