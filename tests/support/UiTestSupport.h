#pragma once
// Shared by the GUI suites: walking a tree model by paths, clicking like a person, and the main window
// fixture (settings isolated, the sample image open, state reset before each test).
#include "SampleOracle.h"

#include "MainWindow.h"
#include "models/FileTreeModel.h"
#include "models/LayerTableModel.h"
#include "panes/FileTreePane.h"
#include "panes/LayersPane.h"
#include "session/ImageSession.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHelpEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QWindow>
#include <memory>

namespace uitest {

constexpr int LoadTimeout = 20000;
constexpr int Layer3Row = 5, EnvRow = 3, Layer6Row = 8; // history: LABEL, 0, 1, ENV, 2, 3, 4, 5, 6, WORKDIR, …
inline const QString SampleTitle = QStringLiteral("ballast-sample:1 — Ballast");

inline QString pathOf(const QModelIndex &index)
{
    QStringList parts;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
        parts.prepend(i.data().toString());
    return parts.join(QLatin1Char('/'));
}

inline QModelIndex findPath(const QAbstractItemModel *model, const QString &path)
{
    QModelIndex parent;
    for (const QString &name : path.split(QLatin1Char('/'))) {
        QModelIndex found;
        for (int row = 0; row < model->rowCount(parent) && !found.isValid(); ++row)
            if (model->index(row, 0, parent).data().toString() == name)
                found = model->index(row, 0, parent);
        if (!found.isValid())
            return {};
        parent = found;
    }
    return parent;
}

// Every row of every level, by path, with its column-0 index.
inline void walk(
    const QAbstractItemModel &model, const QModelIndex &parent, const QString &prefix, QMap<QString, QModelIndex> &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString path = prefix + index.data().toString();
        out.insert(path, index);
        walk(model, index, path + QLatin1Char('/'), out);
    }
}

inline QMap<QString, QModelIndex> shown(const QAbstractItemModel &model)
{
    QMap<QString, QModelIndex> out;
    walk(model, {}, {}, out);
    return out;
}

inline QSet<QString> keys(const QMap<QString, QModelIndex> &map)
{
    const QStringList list = map.keys();
    return QSet<QString>(list.begin(), list.end());
}

inline QSet<QString> allPaths(const QAbstractItemModel *model)
{
    return keys(shown(*model));
}

inline void clickIndex(QAbstractItemView *view, const QModelIndex &index, Qt::KeyboardModifiers modifiers = {})
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
}

// A real double click: press, release, double-click, release (QTest::mouseDClick sends only the third).
inline void doubleClick(QWidget *widget, QPoint pos)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

inline QComboBox *comboWithItem(QWidget *parent, const QString &firstItem)
{
    for (QComboBox *box : parent->findChildren<QComboBox *>())
        if (box->itemText(0) == firstItem)
            return box;
    return nullptr;
}

// With BALLAST_SCREENSHOT_DIR set, saves the widget as it is drawn (to look at it, e.g. under Xvfb).
inline void saveGrab(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BALLAST_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

// The tooltip a person resting the mouse at `pos` would see (empty for none).
inline QString toolTipAt(QWidget *widget, QPoint pos)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &event);
    return QToolTip::text();
}

inline QToolButton *toolButton(QWidget *parent, const QString &text)
{
    for (QToolButton *button : parent->findChildren<QToolButton *>())
        if (button->text() == text)
            return button;
    return nullptr;
}

// One main window for a whole suite, with Qt's model tester watching its models throughout.
class WindowFixture : public QObject {
protected:
    bool setUpWindow(const char *suite)
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of the user are never touched
        QCoreApplication::setOrganizationName(QStringLiteral("BallastUiTests"));
        QCoreApplication::setApplicationName(QString::fromLatin1(suite));
        QSettings().clear();
        m_samplePath = QFileInfo(oracle::samplePath()).canonicalFilePath();
        m_window = std::make_unique<ballast::MainWindow>();
        const auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
        new QAbstractItemModelTester(tree()->model(), fatal, m_window.get());
        new QAbstractItemModelTester(m_window->layersPane()->model(), fatal, m_window.get());
        m_window->show();
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

    bool waitForTree() const
    {
        return QTest::qWaitFor(
            [this] { return !m_window->session()->isBusy() && !tree()->isBusy() && tree()->model()->scope(); },
            LoadTimeout);
    }

    // The sample open at its last layer, default filter, sorted by size.
    bool resetToSample()
    {
        if (m_window->windowTitle() != SampleTitle) {
            m_window->session()->open(m_samplePath);
            if (!QTest::qWaitFor([this] { return m_window->windowTitle() == SampleTitle; }, LoadTimeout))
                return false;
        }
        tree()->setFilter(ballast::TreeFilter {});
        comboWithItem(tree(), QStringLiteral("Sort by size"))->setCurrentIndex(0);
        clickIndex(layersView(), layersView()->model()->index(Layer6Row, ballast::LayerTableModel::CommandColumn));
        return waitForTree() && tree()->model()->scope()->layer == 6;
    }

    // Shortcuts reach the window only while it is active; a dialog that closed may have left it not
    // (the offscreen platform keeps a hidden dialog as the focus window).
    void pressOnWindow(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        m_window->activateWindow();
        m_window->windowHandle()->requestActivate();
        QVERIFY(QTest::qWaitFor([this] { return QApplication::activeWindow() == m_window.get(); }));
        QTest::keyClick(m_window.get(), key, modifiers);
    }

    void tearDownWindow()
    {
        m_window->close();
        m_window.reset();
    }

    ballast::FileTreePane *tree() const { return m_window->fileTreePane(); }
    QTreeView *treeView() const { return m_window->fileTreePane()->view(); }
    QTableView *layersView() const { return m_window->layersPane()->view(); }

    oracle::Sample m_sample;
    QString m_samplePath;
    std::unique_ptr<ballast::MainWindow> m_window;
};

} // namespace uitest
