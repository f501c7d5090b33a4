// The Findings view driven as a person would, in the real main window with the sample open (its
// Dockerfile opens beside it): the tab and its shortcut, the headline, the rows, sorting, a click that
// selects the finding's layer, files and line, Enter and double-click that show the files, Show Line,
// the links of the detail area, the one-click fixes (one undo step each, the result still a valid
// Dockerfile), another image, and the dark theme's link colour. Bytes come from the sample's
// expected.json (SavingsOracle.h), lines from its Dockerfile: layer 2 is made by line 17, layer 3 by
// line 26, layer 4 by line 38, layer 5 by line 42 and layer 6 by line 56.
#include "SavingsOracle.h"
#include "UiTestSupport.h"

#include "Theme.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "findings/FindingsModel.h"
#include "findings/FindingsView.h"
#include "util/ByteFormat.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <cmath>

using namespace ballast;
using namespace uitest;

namespace {

const QString SampleDir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The rows as shown, top to bottom: "title | saves | layer | line | paths | Fix" (Fix: a button).
QStringList shownRows(FindingsView *view)
{
    QStringList rows;
    const QAbstractItemModel *model = view->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < FindingsModel::FixColumn; ++column)
            cells << model->index(row, column).data().toString();
        cells << (view->view()->indexWidget(model->index(row, FindingsModel::FixColumn)) ? QStringLiteral("Fix")
                                                                                         : QString());
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows;
}

QStringList column(FindingsView *view, int column)
{
    QStringList out;
    for (int row = 0; row < view->view()->model()->rowCount(); ++row)
        out << view->view()->model()->index(row, column).data().toString();
    return out;
}

QModelIndex rowTitled(FindingsView *view, const QString &title)
{
    const QAbstractItemModel *model = view->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, FindingsModel::FindingColumn).data().toString() == title)
            return model->index(row, FindingsModel::FindingColumn);
    return {};
}

QSet<QString> selectedPaths(QTreeView *tree)
{
    QSet<QString> out;
    for (const QModelIndex &index : tree->selectionModel()->selectedRows())
        out.insert(pathOf(index));
    return out;
}

// Clicks the link to `href` in a text browser, where it is drawn.
bool clickLink(QTextBrowser *browser, const QString &href)
{
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().anchorHref() == href) {
                QTextCursor cursor(browser->document());
                cursor.setPosition(it.fragment().position() + 1);
                browser->ensureCursorVisible();
                QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(cursor).center());
                return true;
            }
    return false;
}

QList<QColor> linkColours(QTextBrowser *browser)
{
    QList<QColor> out;
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                out << it.fragment().charFormat().foreground().color();
    return out;
}

// WCAG 2's contrast ratio.
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The sample's Dockerfile with lines from..to (1-based) replaced, for each (from, to, lines) given.
QString withLines(const QString &text, const std::vector<std::tuple<int, int, QStringList>> &replacements)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (auto it = replacements.rbegin(); it != replacements.rend(); ++it) {
        const auto &[from, to, with] = *it;
        lines.remove(from - 1, to - from + 1);
        for (qsizetype k = with.size() - 1; k >= 0; --k)
            lines.insert(from - 1, with[k]);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestFindingsView : public WindowFixture {
    Q_OBJECT

    FindingsView *findings() const { return m_window->findingsView(); }
    DockerfileEditor *editor() const { return m_window->dockerfilePane()->editor(); }
    QToolButton *fixOf(const QString &title) const
    {
        const QModelIndex index = rowTitled(findings(), title);
        return index.isValid() ? qobject_cast<QToolButton *>(
                   findings()->view()->indexWidget(index.siblingAtColumn(FindingsModel::FixColumn)))
                               : nullptr;
    }
    // The Dockerfile beside the sample is linted against it: lines and fixes are in.
    bool waitForDockerfile() const
    {
        return QTest::qWaitFor(
            [this] {
                return !m_window->dockerfilePane()->linter()->isBusy()
                    && m_window->dockerfilePane()->lineOfLayer(5) == 42;
            },
            LoadTimeout);
    }
    void showFindings()
    {
        m_window->showView(View::Findings);
        findings()->view()->setFocus();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(setUpWindow("test_ui_findings_view"));
        const auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
        new QAbstractItemModelTester(findings()->model(), fatal, m_window.get());
        new QAbstractItemModelTester(findings()->proxy(), fatal, m_window.get());
        m_window->session()->open(m_samplePath);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), SampleTitle, LoadTimeout);
    }
    void init()
    {
        QVERIFY(resetToSample());
        QVERIFY(waitForDockerfile());
        findings()->view()->sortByColumn(FindingsModel::SavesColumn, Qt::DescendingOrder);
        showFindings();
    }
    // Every fix is undone, so the buffer is the file again and closing asks nothing.
    void cleanup()
    {
        while (m_window->dockerfilePane()->isModified() && editor()->document()->isUndoAvailable())
            editor()->undo();
        QVERIFY(!m_window->dockerfilePane()->isModified());
    }
    void cleanupTestCase() { tearDownWindow(); }

    void aTabReachedByItsShortcut()
    {
        QCOMPARE(m_window->viewTabs()->tabText(m_window->viewTabs()->indexOf(findings())), QStringLiteral("Findings"));
        m_window->showView(View::Files);
        QCOMPARE(m_window->viewTabs()->currentWidget(), tree());
        auto *action = m_window->findChild<QAction *>(QStringLiteral("findingsAction"));
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        pressOnWindow(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_window->viewTabs()->currentWidget(), findings());
        QCOMPARE(QApplication::focusWidget(), findings()->view());
    }

    void headlineSaysWhatAllFindingsSaveTogether()
    {
        // Each stored copy counted once (test_savings checks the sum): the hidden copies, the files of
        // the apt lists, the pip cache and /usr/share/doc, and one of each pair of identical files.
        const auto expected = savingsoracle::readExpected(SampleDir + QStringLiteral("/expected.json"));
        const int64_t hidden = savingsoracle::hiddenBytes(expected);
        const int64_t final
            = savingsoracle::finalBytesUnder(expected, { "var/lib/apt/lists", "root/.cache/pip", "usr/share/doc" })
            + savingsoracle::finalBytesUnder(
                expected, { "usr/local/lib/libdemo.so.1.0", "opt/app/static/img/logo-copy.svg" });
        const int64_t size = expected["totals"]["layerSizeBytes"].get<int64_t>();
        QCOMPARE(hidden + final, int64_t(15943192));
        QCOMPARE(size, int64_t(26380299));
        QCOMPARE(findings()->headline()->text(), QStringLiteral("You could save 15.9 MB (60 %)"));
        const QString breakdown = findings()->breakdown()->text();
        QVERIFY2(breakdown.startsWith(
                     QStringLiteral("Of the image's %1: %2 stored in layers but hidden by later ones, and %3 of caches")
                         .arg(formatBytes(size), formatBytes(hidden), formatBytes(final))),
            qPrintable(breakdown));
    }

    void rowsShowEveryFinding()
    {
        // Largest saving first; the largest files and setuid save nothing ("–"), so they come last.
        QCOMPARE(shownRows(findings()),
            (QStringList {
                "files written in layer 5 and deleted in layer 6 | 12.6 MB | 5 | 42 | /opt/app/dist/app.bin.bak +2 "
                "more | Fix",
                "apt package lists left in the image | 1.42 MB | 6 | 56 | /var/lib/apt/lists | Fix",
                "layer 6 stores unchanged files again (only mode or owner changed) | 1.42 MB | 6 | 56 | "
                "/var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages | ",
                "files written in layer 3 and deleted in layer 6 | 295 kB | 3 | 26 | "
                "/var/cache/apt/archives/libdemo1_1.0-1_amd64.deb +1 more | Fix",
                "pip cache left in the image | 131 kB | 5 | 42 | /root/.cache/pip | Fix",
                "2 groups of files with identical content | 65.8 kB | – | – | /usr/local/lib/libdemo.so.1.0 +3 more | ",
                "files written in layer 2 and overwritten in layer 6 | 53 B | 2 | 17 | /etc/os-release | ",
                "documentation and man pages | 34 B | 3 | 26 | /usr/share/doc | ",
                "files written in layer 4 and overwritten in layer 6 | 33 B | 4 | 38 | /opt/app/config/app.ini | ",
                "the 10 largest files | – | – | – | /opt/app/bin/app +9 more | ",
                "setuid or setgid files | – | – | – | /usr/local/bin/become-root | ",
            }));
        // The Line column is the Dockerfile pane's own answer for each layer.
        for (int row = 0; row < findings()->model()->rowCount(); ++row)
            if (const int layer = findings()->model()->finding(row)->layer; layer >= 0)
                QCOMPARE(findings()->model()->link(row).line, m_window->dockerfilePane()->lineOfLayer(layer));
    }

    void savesSortsByBytesNotByText()
    {
        QHeaderView *header = findings()->view()->header();
        const QPoint saves(header->sectionViewportPosition(FindingsModel::SavesColumn)
                + header->sectionSize(FindingsModel::SavesColumn) / 2,
            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, saves);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(column(findings(), FindingsModel::SavesColumn),
            (QStringList {
                "–", "–", "33 B", "34 B", "53 B", "65.8 kB", "131 kB", "295 kB", "1.42 MB", "1.42 MB", "12.6 MB" }));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, saves);
        QCOMPARE(column(findings(), FindingsModel::SavesColumn),
            (QStringList {
                "12.6 MB", "1.42 MB", "1.42 MB", "295 kB", "131 kB", "65.8 kB", "53 B", "34 B", "33 B", "–", "–" }));
        // The fix buttons stay on their rows.
        QVERIFY(fixOf(QStringLiteral("pip cache left in the image")));
        QVERIFY(!fixOf(QStringLiteral("documentation and man pages")));
    }

    void clickSelectsLayerFilesAndLine()
    {
        clickIndex(findings()->view(),
            rowTitled(findings(), QStringLiteral("files written in layer 5 and deleted in layer 6")));
        QCOMPARE(m_window->layersPane()->selectedLayer(), 5);
        QVERIFY(waitForTree());
        QCOMPARE(tree()->model()->scope()->layer, 5);
        // Layer 5 still has the files layer 6 deletes.
        QTRY_COMPARE(selectedPaths(treeView()),
            (QSet<QString> { "opt/app/dist/app.bin.bak", "tmp/build/obj/app.o", "tmp/build/obj/version.o" }));
        QCOMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("opt/app/dist/app.bin.bak"));
        QCOMPARE(editor()->textCursor().blockNumber() + 1, 42);
        QCOMPARE(m_window->viewTabs()->currentWidget(), findings()); // the list stays in sight
        // The whole advice, without a tooltip.
        const QString details = findings()->details()->toPlainText();
        QVERIFY2(details.contains(
                     QStringLiteral("Deleting in a later layer does not make the image smaller: delete in the same RUN "
                                    "that created the files, or build in a separate stage.")),
            qPrintable(details));
        QVERIFY(details.contains(
            QStringLiteral("made by layer 5, Dockerfile line 42 · deleted by layer 6, Dockerfile line 56")));

        // Another layer chosen meanwhile: a click on the same finding selects its layer again.
        clickIndex(layersView(), layersView()->model()->index(Layer3Row, LayerTableModel::CommandColumn));
        QCOMPARE(m_window->layersPane()->selectedLayer(), 3);
        clickIndex(findings()->view(),
            rowTitled(findings(), QStringLiteral("files written in layer 5 and deleted in layer 6")));
        QCOMPARE(m_window->layersPane()->selectedLayer(), 5);
    }

    void keysMoveAndEnterShowsTheFiles()
    {
        clickIndex(findings()->view(), rowTitled(findings(), QStringLiteral("pip cache left in the image")));
        QCOMPARE(m_window->layersPane()->selectedLayer(), 5);
        QTest::keyClick(findings()->view(), Qt::Key_Down); // the duplicates: no single layer, so the last
        QCOMPARE(findings()->view()->currentIndex().data().toString(),
            QStringLiteral("2 groups of files with identical content"));
        QCOMPARE(m_window->layersPane()->selectedLayer(), 6);
        QTest::keyClick(findings()->view(), Qt::Key_Up);
        QCOMPARE(m_window->layersPane()->selectedLayer(), 5);
        QTest::keyClick(findings()->view(), Qt::Key_Return);
        QCOMPARE(m_window->viewTabs()->currentWidget(), tree());
        QVERIFY(waitForTree());
        QTRY_COMPARE(selectedPaths(treeView()), QSet<QString> { QStringLiteral("root/.cache/pip") });
        QCOMPARE(QApplication::focusWidget(), treeView());
    }

    void doubleClickShowsFilesAFilterHid()
    {
        m_window->showView(View::Files);
        QComboBox *minimum = comboWithItem(tree(), QStringLiteral("Any size"));
        minimum->setCurrentIndex(minimum->findText(QStringLiteral("≥ 1 MB"))); // hides the 32 kB version.o
        QVERIFY(waitForTree());
        showFindings();
        const QModelIndex row
            = rowTitled(findings(), QStringLiteral("files written in layer 5 and deleted in layer 6"));
        findings()->view()->scrollTo(row);
        doubleClick(findings()->view()->viewport(), findings()->view()->visualRect(row).center());
        QCOMPARE(m_window->viewTabs()->currentWidget(), tree());
        QCOMPARE(minimum->currentText(), QStringLiteral("Any size"));
        QVERIFY(waitForTree());
        QTRY_COMPARE(selectedPaths(treeView()),
            (QSet<QString> { "opt/app/dist/app.bin.bak", "tmp/build/obj/app.o", "tmp/build/obj/version.o" }));
        for (const char *dir : { "opt/app/dist", "tmp/build/obj" })
            QVERIFY(treeView()->isExpanded(findPath(tree()->model(), QString::fromLatin1(dir))));
    }

    void showLineGoesToTheDockerfile()
    {
        clickIndex(findings()->view(),
            rowTitled(findings(), QStringLiteral("files written in layer 3 and deleted in layer 6")));
        QVERIFY(findings()->showLineButton()->isEnabled());
        QTest::mouseClick(findings()->showLineButton(), Qt::LeftButton);
        QCOMPARE(m_window->viewTabs()->currentWidget(), m_window->dockerfilePane());
        QCOMPARE(editor()->textCursor().blockNumber() + 1, 26);
        QVERIFY(!editor()->textCursor().hasSelection());
        QCOMPARE(QApplication::focusWidget(), editor());
        // No line for a finding without a layer.
        showFindings();
        clickIndex(findings()->view(), rowTitled(findings(), QStringLiteral("setuid or setgid files")));
        QVERIFY(!findings()->showLineButton()->isEnabled());
        QVERIFY(findings()->showFilesButton()->isEnabled());
    }

    void detailLinksGoToTheLineAndTheFiles()
    {
        clickIndex(findings()->view(),
            rowTitled(findings(), QStringLiteral("files written in layer 5 and deleted in layer 6")));
        QVERIFY(clickLink(findings()->details(), QStringLiteral("line:56")));
        QCOMPARE(m_window->viewTabs()->currentWidget(), m_window->dockerfilePane());
        QCOMPARE(editor()->textCursor().blockNumber() + 1, 56);
        showFindings();
        QVERIFY(clickLink(findings()->details(), QStringLiteral("path:1")));
        QCOMPARE(m_window->viewTabs()->currentWidget(), tree());
        QVERIFY(waitForTree());
        QCOMPARE(tree()->model()->scope()->layer, 5);
        QTRY_COMPARE(pathOf(treeView()->currentIndex()), QStringLiteral("tmp/build/obj/app.o"));
    }

    void fixMovesTheRmInOneUndoStep()
    {
        // Mechanical fixes exist for the cleanups that belong in an earlier RUN (BA1001, BA1005).
        QStringList withFix;
        for (const QString &row : shownRows(findings()))
            if (row.endsWith(QLatin1String("| Fix")))
                withFix << row.section(QStringLiteral(" | "), 0, 0);
        QCOMPARE(withFix,
            (QStringList { "files written in layer 5 and deleted in layer 6", "apt package lists left in the image",
                "files written in layer 3 and deleted in layer 6", "pip cache left in the image" }));
        const QString original = readText(SampleDir + QStringLiteral("/Dockerfile"));
        QCOMPARE(editor()->toPlainText(), original);
        QToolButton *fix = fixOf(QStringLiteral("files written in layer 5 and deleted in layer 6"));
        QCOMPARE(fix->toolTip(),
            QStringLiteral(
                "line 42: Move `rm -rf /tmp/build`, `rm /opt/app/dist/app.bin.bak` from line 56 into this RUN"));
        QTest::mouseClick(fix, Qt::LeftButton);
        // Line 51 ends the RUN of layer 5; the rm commands follow it, and line 56 loses them.
        const QString fixed = withLines(original,
            { { 51, 51,
                  { " && echo 'build finished' > /var/log/build.log \\", " && rm -rf /tmp/build \\",
                      " && rm /opt/app/dist/app.bin.bak" } },
                { 56, 58, { "RUN rm -f /var/cache/apt/archives/*.deb \\" } } });
        QTRY_COMPARE(editor()->toPlainText(), fixed);
        QVERIFY(m_window->dockerfilePane()->isModified());
        QVERIFY(findings()->fixStatus()->text().startsWith(
            QStringLiteral("Applied to the Dockerfile (not saved): line 42: Move")));
        QCOMPARE(m_window->viewTabs()->currentWidget(), findings());
        // The text is no longer the one that built the image: no fix is offered on it (nor the same one twice).
        QTRY_VERIFY(!m_window->dockerfilePane()->linter()->isBusy());
        QVERIFY(!fixOf(QStringLiteral("files written in layer 5 and deleted in layer 6")));
        // One undo step in the editor brings the file back, and the fix with it.
        m_window->showView(View::Dockerfile);
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor()->toPlainText(), original);
        QVERIFY(!m_window->dockerfilePane()->isModified());
        QVERIFY(waitForDockerfile());
        QVERIFY(fixOf(QStringLiteral("files written in layer 5 and deleted in layer 6")));
    }

    // Each fix, applied alone: the exact text, still a Dockerfile that parses and that hadolint's rules
    // find nothing in (as the original), and one undo step.
    void eachFixLeavesAValidDockerfile_data()
    {
        QTest::addColumn<QString>("finding");
        QTest::addColumn<int>("from"); // lines replaced, 1-based, inclusive
        QTest::addColumn<int>("to");
        QTest::addColumn<QStringList>("with");
        QTest::addColumn<int>("from2"); // a second range, 0 when none
        QTest::addColumn<int>("to2");
        QTest::addColumn<QStringList>("with2");
        QTest::newRow("pip cache: appended to the RUN of layer 5")
            << "pip cache left in the image" << 51 << 51
            << QStringList { " && echo 'build finished' > /var/log/build.log \\", " && rm -rf /root/.cache/pip" } << 0
            << 0 << QStringList {};
        QTest::newRow("apt lists: appended to the RUN of layer 6")
            << "apt package lists left in the image" << 61 << 61
            << QStringList { " && chmod 0600 "
                             "/var/lib/apt/lists/deb.example.org_dists_bookworm_main_binary-amd64_Packages \\",
                   " && rm -rf /var/lib/apt/lists/*" }
            << 0 << 0 << QStringList {};
        QTest::newRow(".deb files: the rm moves from line 56 to the RUN of layer 3")
            << "files written in layer 3 and deleted in layer 6" << 34 << 34
            << QStringList { " && echo 'Copyright: none, this is a sample' > /usr/share/doc/libdemo1/copyright \\",
                   " && rm -f /var/cache/apt/archives/*.deb" }
            << 56 << 57 << QStringList { "RUN rm -rf /tmp/build \\" };
    }

    void eachFixLeavesAValidDockerfile()
    {
        QFETCH(QString, finding);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QStringList, with);
        QFETCH(int, from2);
        QFETCH(int, to2);
        QFETCH(QStringList, with2);
        const QString original = readText(SampleDir + QStringLiteral("/Dockerfile"));
        std::vector<std::tuple<int, int, QStringList>> replacements { { from, to, with } };
        if (from2 > 0)
            replacements.push_back({ from2, to2, with2 });
        QTest::mouseClick(fixOf(finding), Qt::LeftButton);
        const QString fixed = withLines(original, replacements);
        QTRY_COMPARE(editor()->toPlainText(), fixed);
        const Dockerfile parsed = parseDockerfile(fixed);
        QVERIFY(parsed.errors.empty());
        QCOMPARE(parsed.instructions.size(), parseDockerfile(original).instructions.size());
        QVERIFY(lint(parseDockerfile(original)).empty());
        QVERIFY(lint(parsed).empty());
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor()->toPlainText(), original);
    }

    // The image measured the text that built it: once the text differs, its fixes would edit positions
    // that moved, so there are none; the lines follow the instructions. Undoing brings them back.
    void anEditTakesTheFixesAwayUntilUndone()
    {
        const QString original = readText(SampleDir + QStringLiteral("/Dockerfile"));
        m_window->showView(View::Dockerfile);
        editor()->setFocus();
        editor()->moveCursor(QTextCursor::Start);
        QTest::keyClicks(editor(), QStringLiteral("# x"));
        QTest::keyClick(editor(), Qt::Key_Return);
        QVERIFY(!fixOf(QStringLiteral("pip cache left in the image")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->dockerfilePane()->linter()->isBusy(), LoadTimeout);
        QVERIFY(!fixOf(QStringLiteral("pip cache left in the image")));
        QCOMPARE(m_window->dockerfilePane()->lineOfLayer(5), 43);
        showFindings();
        const QModelIndex pip = rowTitled(findings(), QStringLiteral("pip cache left in the image"));
        QCOMPARE(pip.siblingAtColumn(FindingsModel::LineColumn).data().toString(), QStringLiteral("43"));
        clickIndex(findings()->view(), pip);
        QVERIFY(findings()->details()->toPlainText().contains(
            QStringLiteral("the fixes come back when the edits are undone")));
        m_window->showView(View::Dockerfile);
        editor()->setFocus();
        for (int i = 0; i < 5 && editor()->toPlainText() != original; ++i)
            QTest::keyClick(editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor()->toPlainText(), original);
        QTRY_VERIFY_WITH_TIMEOUT(fixOf(QStringLiteral("pip cache left in the image")), LoadTimeout);
        QCOMPARE(m_window->dockerfilePane()->lineOfLayer(5), 42);
    }

    // A Dockerfile that did not build the image: no line names a layer, so no line and no fix.
    void aDockerfileThatDoesNotMatchGivesNoLinesNorFixes()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD [\"/app/run\"]\n");
        file.close();
        QVERIFY(m_window->openDockerfile(file.fileName()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->dockerfilePane()->linter()->isBusy(), LoadTimeout);
        QCOMPARE(m_window->dockerfilePane()->lineOfLayer(5), -1);
        showFindings();
        QCOMPARE(column(findings(), FindingsModel::LineColumn), QStringList(11, QStringLiteral("–")));
        for (const QString &row : shownRows(findings()))
            QVERIFY2(row.endsWith(QLatin1String("| ")), qPrintable(row));
        clickIndex(findings()->view(), rowTitled(findings(), QStringLiteral("pip cache left in the image")));
        QVERIFY(!findings()->showLineButton()->isEnabled());
        // The sample's own Dockerfile again (and remembered for it again).
        QVERIFY(m_window->openDockerfile(SampleDir + QStringLiteral("/Dockerfile")));
        QVERIFY(waitForDockerfile());
        QVERIFY(fixOf(QStringLiteral("pip cache left in the image")));
    }

    void anotherImageBringsItsFindings()
    {
        const QString other
            = QFileInfo(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/whiteouts.oci-gzip.tar")).absoluteFilePath();
        m_window->session()->open(other);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->windowTitle(), QStringLiteral("whiteouts:1 — Ballast"), LoadTimeout);
        // Everything to save is hidden: 41 B of its 89 B (test_savings counts them file by file).
        const auto expected
            = savingsoracle::readExpected(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/expected.json"));
        QCOMPARE(savingsoracle::hiddenBytes(expected), int64_t(41));
        QCOMPARE(expected["totals"]["layerSizeBytes"].get<int64_t>(), int64_t(89));
        QCOMPARE(findings()->headline()->text(), QStringLiteral("You could save 41 B (46 %)"));
        QCOMPARE(column(findings(), FindingsModel::FindingColumn),
            (QStringList { "files written in layer 0 and deleted in layer 1",
                "layer 1 stores unchanged files again (only mode or owner changed)",
                "files written in layer 0 and deleted in layer 2",
                "files written in layer 0 and overwritten in layer 1", "the 6 largest files",
                "the container runs as root" }));
        QCOMPARE(
            column(findings(), FindingsModel::SavesColumn).mid(0, 4), (QStringList { "22 B", "11 B", "5 B", "3 B" }));
        // Switching views and back keeps them.
        m_window->showView(View::Treemap);
        showFindings();
        QCOMPARE(findings()->model()->rowCount(), 6);
        QTRY_VERIFY(!m_window->dockerfilePane()->linter()->isBusy());
        for (int row = 0; row < findings()->model()->rowCount(); ++row)
            if (const int layer = findings()->model()->finding(row)->layer; layer >= 0)
                QCOMPARE(findings()->model()->link(row).line, m_window->dockerfilePane()->lineOfLayer(layer));
        // Back to the sample: its findings again.
        QVERIFY(resetToSample());
        QVERIFY(waitForDockerfile());
        QCOMPARE(findings()->headline()->text(), QStringLiteral("You could save 15.9 MB (60 %)"));
        QCOMPARE(findings()->model()->rowCount(), 11);
    }

    // Last: it changes the application's theme.
    void darkThemeLinksAreReadable()
    {
        applyTheme(Theme::Dark);
        clickIndex(findings()->view(),
            rowTitled(findings(), QStringLiteral("files written in layer 5 and deleted in layer 6")));
        const QPalette palette = findings()->details()->palette();
        const QList<QColor> links = linkColours(findings()->details());
        QCOMPARE(links.size(), 5); // two lines, three paths
        for (const QColor &colour : links) {
            QCOMPARE(colour, palette.color(QPalette::Link));
            QVERIFY2(contrast(colour, palette.color(QPalette::Base)) >= 4.5, qPrintable(colour.name()));
        }
        applyTheme(Theme::Light);
        QCOMPARE(linkColours(findings()->details()).value(0), findings()->details()->palette().color(QPalette::Link));
    }
};

QTEST_MAIN(TestFindingsView)
#include "test_findings_view.moc"
