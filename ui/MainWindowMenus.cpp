// The window's menus and the actions in them. The File menu is assembled here alone: every way to
// open an image, what acts on the image open, and Quit.
#include "MainWindow.h"

#include "RecentFiles.h"
#include "Theme.h"
#include "compare/ComparePane.h"
#include "editor/DockerfilePane.h"
#include "findings/FindingsView.h"
#include "help/AboutDialog.h"
#include "help/ShortcutsDialog.h"
#include "packages/PackagesView.h"
#include "panes/DetailsPane.h"
#include "panes/FileTreePane.h"
#include "session/ImageSession.h"
#include "settings/LoadLimitsSettings.h"
#include "sources/EngineImagesDialog.h"
#include "sources/OpenLocationDialog.h"
#include "sources/RegistryDialog.h"
#include "sources/SourceText.h"
#include "treemap/TreemapView.h"

#include <QActionGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

namespace ballast {

// The whole File menu, in the order it shows: every way to open an image, then what acts on the one
// open, then Quit.
void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Image…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open image archive"), QString(),
            tr("Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.oci);;All files (*)"));
        if (!path.isEmpty())
            m_session->open(path);
    });
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a docker save / podman save / OCI archive"));
    file->addAction(tr("Open OCI &Layout Folder…"), this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open OCI image layout"));
        if (!path.isEmpty())
            m_session->open(path);
    });
    // Each source's dialog is window-modal and opens the image chosen.
    QAction *location = file->addAction(tr("Open &Location…"), this, [this] {
        auto *dialog = new OpenLocationDialog(RecentFiles::list(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &OpenLocationDialog::sourceChosen, m_session,
            [this](const QString &source) { m_session->open(source); });
        dialog->open();
    });
    location->setObjectName(QStringLiteral("openLocationAction"));
    location->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    location->setToolTip(tr("Type a path or a URI: docker://, podman://, buildah://, registry://, oci:"));
    QAction *engine = file->addAction(tr("Open from &Engine…"), this, [this] {
        auto *dialog = new EngineImagesDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &EngineImagesDialog::sourceChosen, m_session,
            [this](const QString &source) { m_session->open(source); });
        dialog->open();
    });
    engine->setObjectName(QStringLiteral("openFromEngineAction"));
    engine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    engine->setToolTip(tr("Open an image of the local Docker or Podman engine"));
    QAction *registry = file->addAction(tr("Open from Re&gistry…"), this, [this] {
        auto *dialog = new RegistryDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RegistryDialog::sourceChosen, m_session, &ImageSession::open);
        dialog->open();
    });
    registry->setObjectName(QStringLiteral("openFromRegistryAction"));
    registry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    registry->setToolTip(tr("Pull an image from a registry with skopeo and open it"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *compare = file->addAction(tr("&Compare With…"), this, [this] {
        QString a = m_session->currentSource();
        if (a.isEmpty())
            a = QFileDialog::getOpenFileName(this, tr("First image (A)"));
        if (a.isEmpty())
            return;
        const QString b = QFileDialog::getOpenFileName(this, tr("Compare %1 with (B)").arg(sourceDisplayName(a)));
        if (!b.isEmpty())
            m_session->compare(a, b);
    });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setToolTip(tr("Compare the open image with another version of it"));
    m_reload = file->addAction(tr("&Reload"), m_session, &ImageSession::reload);
    m_reload->setShortcut(QKeySequence::Refresh);
    QAction *openDockerfileAction = file->addAction(tr("Open &Dockerfile…"), this, [this] {
        const QString current = m_session->currentSource();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Dockerfile"), isPlainPath(current) ? QFileInfo(current).absolutePath() : QString());
        if (!path.isEmpty() && m_dockerfile->maybeSave())
            openDockerfile(path);
    });
    openDockerfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openDockerfileAction->setToolTip(
        tr("Open the Dockerfile that built the image, to see which lines made the heavy layers"));
    file->addAction(m_dockerfile->rebuildAction());
    file->addSeparator();
    m_exportPng = file->addAction(tr("Export Treemap as &PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export treemap"), QStringLiteral("treemap.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportTreemap(path, [this](const QString &to) { return m_treemap->exportPng(to); });
    });
    m_exportSvg = file->addAction(tr("Export Treemap as &SVG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export treemap"), QStringLiteral("treemap.svg"), tr("SVG images (*.svg)"));
        if (!path.isEmpty())
            exportTreemap(path, [this](const QString &to) { return m_treemap->exportSvg(to); });
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // They act on the single image shown: none before the first, nor while a comparison is shown.
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateImageActions);
    updateImageActions();
}

void MainWindow::createMenus()
{
    createFileMenu();

    // Esc stops a load from anywhere in the window (a button shortcut would need the banner in focus).
    auto *cancelLoad = new QAction(tr("Cancel Loading"), this);
    cancelLoad->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelLoad->setShortcutContext(Qt::WindowShortcut);
    connect(cancelLoad, &QAction::triggered, m_session, &ImageSession::cancel);
    addAction(cancelLoad);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // One Find for the view in front: the file tree's search, or the diff tree's in a comparison.
    QAction *find = view->addAction(
        tr("&Find Files"), this, [this] { isComparing() ? m_compare->focusSearch() : m_tree->focusSearch(); });
    find->setShortcut(QKeySequence::Find);
    QAction *findNext = view->addAction(
        tr("Find &Next"), this, [this] { isComparing() ? m_compare->findNext() : m_tree->findNext(); });
    findNext->setShortcut(QKeySequence(Qt::Key_F3));
    findNext->setToolTip(tr("Select the next file the search matches (in a comparison, the diff tree's)"));
    QAction *findPrevious = view->addAction(
        tr("Find &Previous"), this, [this] { isComparing() ? m_compare->findPrevious() : m_tree->findPrevious(); });
    findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    findPrevious->setToolTip(tr("Select the previous file the search matches (in a comparison, the diff tree's)"));
    auto *modes = new QActionGroup(this);
    QAction *aggregated
        = view->addAction(tr("&Aggregated Filesystem"), this, [this] { m_tree->setMode(TreeMode::Aggregated); });
    QAction *changes
        = view->addAction(tr("Layer &Changes Only"), this, [this] { m_tree->setMode(TreeMode::LayerChanges); });
    aggregated->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    changes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    for (QAction *action : { aggregated, changes }) {
        action->setCheckable(true);
        modes->addAction(action);
    }
    aggregated->setChecked(true);
    connect(m_tree->modeBox(), &QComboBox::currentIndexChanged, this, [aggregated, changes, this] {
        (m_tree->filter().mode == TreeMode::Aggregated ? aggregated : changes)->setChecked(true);
    });
    QAction *overview = view->addAction(tr("Image &Overview"), m_details, &DetailsPane::showImage);
    overview->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    overview->setToolTip(tr("Show the image's facts and findings in the details pane"));
    QAction *findings = view->addAction(tr("F&indings"), this, [this] {
        if (isComparing()) // the findings are the single image's
            showSingleImage();
        showView(View::Findings);
        m_findings->view()->setFocus();
    });
    findings->setObjectName(QStringLiteral("findingsAction"));
    findings->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    findings->setToolTip(tr("Everything found in the image, what it would save, and one-click fixes"));
    QAction *packages = view->addAction(tr("&Packages"), this, [this] {
        if (isComparing()) // the packages are the single image's
            showSingleImage();
        showView(View::Packages);
        m_packages->view()->setFocus();
    });
    packages->setObjectName(QStringLiteral("packagesAction"));
    packages->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    packages->setToolTip(tr("The installed packages and the bytes each holds, and the bytes of no package"));
    QAction *single = view->addAction(tr("&Single Image"), this, &MainWindow::showSingleImage);
    single->setObjectName(QStringLiteral("singleImageAction"));
    single->setToolTip(
        tr("Leave the comparison and show the open image, or A when neither image of the comparison is open"));
    m_comparisonAction = view->addAction(tr("&Comparison"), this, [this] { m_stack->setCurrentWidget(m_compare); });
    m_comparisonAction->setObjectName(QStringLiteral("comparisonAction"));
    m_comparisonAction->setToolTip(tr("Go back to the last comparison"));
    m_comparisonAction->setEnabled(false);
    view->addSeparator();
    view->addAction(tr("&Expand All"), m_tree, &FileTreePane::expandAll);
    view->addAction(tr("C&ollapse All"), m_tree, &FileTreePane::collapseAll);
    view->addSeparator();
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    for (const auto &[label, theme] : std::vector<std::pair<QString, Theme>> {
             { tr("System"), Theme::System }, { tr("Light"), Theme::Light }, { tr("Dark"), Theme::Dark } }) {
        QAction *action = themes->addAction(label, this, [theme = theme] {
            applyTheme(theme);
            QSettings().setValue(QStringLiteral("theme"), int(theme));
        });
        action->setCheckable(true);
        action->setChecked(int(theme) == QSettings().value(QStringLiteral("theme"), int(Theme::System)).toInt());
        themeGroup->addAction(action);
    }

    menuBar()->addMenu(tr("&Settings"))->addAction(createLoadLimitsAction(this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts
        = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { ShortcutsDialog(this, this).exec(); });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    shortcuts->setToolTip(tr("Every keyboard shortcut of the window"));
    QAction *about = help->addAction(tr("&About Ballast"), this, [this] { AboutDialog(this).exec(); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setToolTip(tr("Ballast's version and the versions of Qt and the libraries it runs on"));
}

void MainWindow::updateImageActions()
{
    const bool shown = m_session->current().image && m_stack->currentWidget() == m_workspace;
    for (QAction *action : { m_reload, m_exportPng, m_exportSvg })
        action->setEnabled(shown);
}

void MainWindow::exportTreemap(const QString &path, const std::function<bool(const QString &)> &write)
{
    auto writeNow = [this, path, write] {
        if (write(path))
            statusBar()->showMessage(tr("Treemap saved as %1").arg(path), 5000);
        else
            statusBar()->showMessage(
                tr("Could not save the treemap as %1: the file cannot be written there").arg(path), 10000);
    };
    const auto frame = m_treemap->frame();
    if (frame && frame->layout->weights().scope == m_treemap->scope() && !m_treemap->isBusy())
        return writeNow();
    // The map is drawn only while its tab is shown: show it and write once it is drawn, so the file
    // holds what the Files tab shows now, not a map of an earlier layer.
    connect(m_treemap, &TreemapView::layoutReady, this, writeNow, Qt::SingleShotConnection);
    m_tabs->setCurrentWidget(m_treemap);
}

} // namespace ballast
