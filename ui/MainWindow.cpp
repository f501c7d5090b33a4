#include "MainWindow.h"

#include "RecentFiles.h"
#include "Theme.h"
#include "compare/CompareLoader.h"
#include "compare/ComparePane.h"
#include "help/AboutDialog.h"
#include "help/ShortcutsDialog.h"
#include "settings/LoadLimitsSettings.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfileForImage.h"
#include "editor/DockerfileLinter.h"
#include "editor/DockerfilePane.h"
#include "findings/FindingsView.h"
#include "models/FileTreeModel.h"
#include "treemap/TreemapView.h"
#include "panes/DetailsPane.h"
#include "panes/FileTreePane.h"
#include "panes/LayersPane.h"
#include "sources/ImageRebuilder.h"
#include "sources/SourceActions.h"
#include "sources/SourceText.h"
#include "util/ByteFormat.h"
#include "widgets/LoadBanner.h"
#include "widgets/StartPage.h"

#include <QActionGroup>
#include <QComboBox>
#include <QTreeView>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace ballast {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_loader(new ImageLoadController(this)), m_compareLoader(new CompareLoader(this)), m_banner(new LoadBanner(this)),
      m_stack(new QStackedWidget(this)), m_start(new StartPage(this)), m_compare(new ComparePane(this)), m_workspace(new QSplitter(Qt::Horizontal, this)), m_leftColumn(new QSplitter(Qt::Vertical, this)),
      m_layers(new LayersPane(this)), m_details(new DetailsPane(this)), m_tree(new FileTreePane(this)), m_dockerfile(new DockerfilePane(this)),
      m_treemap(new TreemapView(this)), m_findings(new FindingsView(this)), m_tabs(new QTabWidget(this)), m_statusSummary(new QLabel(this)), m_rebuilder(new ImageRebuilder(this))
{
    setWindowTitle(tr("Ballast"));
    setAcceptDrops(true);
    m_leftColumn->addWidget(m_layers);
    m_leftColumn->addWidget(m_details);
    m_leftColumn->setStretchFactor(0, 3);
    m_leftColumn->setStretchFactor(1, 2);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->addTab(m_tree, tr("Files"));
    m_tabs->addTab(m_treemap, tr("Treemap"));
    m_tabs->addTab(m_dockerfile, tr("Dockerfile"));
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->setTabToolTip(0, tr("The file tree of the selected layer"));
    m_tabs->setTabToolTip(1, tr("The same files as areas: where the bytes are"));
    m_tabs->setTabToolTip(2, tr("The Dockerfile that built the image, with the size of each line's layer and live hints"));
    m_tabs->setTabToolTip(3, tr("Everything found in the image, what it would save, and one-click fixes (Ctrl+Shift+F)"));
    m_workspace->addWidget(m_leftColumn);
    m_workspace->addWidget(m_tabs);
    m_workspace->setStretchFactor(0, 5);
    m_workspace->setStretchFactor(1, 6);
    m_stack->addWidget(m_start);
    m_stack->addWidget(m_workspace);
    m_stack->addWidget(m_compare);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_statusSummary);
    m_start->setSamplePath(bundledSamplePath());

    createMenus();
    if (m_dockerfile->hasRecoveryOffer()) { // edits from a crashed session wait in the Dockerfile tab
        m_stack->setCurrentWidget(m_workspace);
        m_tabs->setCurrentWidget(m_dockerfile);
    }
    connect(m_start, &StartPage::openRequested, this, [this] { findChild<QAction *>(QStringLiteral("openAction"))->trigger(); });
    connect(m_start, &StartPage::openPathRequested, this, [this](const QString &path) { openImage(path); });
    connect(m_banner, &LoadBanner::cancelRequested, m_loader, &ImageLoadController::cancel);
    connect(m_banner, &LoadBanner::cancelRequested, m_compareLoader, &CompareLoader::cancel);
    connect(m_compareLoader, &CompareLoader::progress, m_banner, &LoadBanner::showProgress);
    connect(m_compareLoader, &CompareLoader::fetching, m_banner, &LoadBanner::showFetching);
    connect(m_compareLoader, &CompareLoader::compared, this, &MainWindow::showComparison);
    connect(m_compare, &ComparePane::openImageRequested, this, &MainWindow::showComparedImage);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateWindowTitle);
    connect(m_compareLoader, &CompareLoader::failed, this, [this](const QString &message) { showFailure(QString(), message, {}); });
    connect(m_compareLoader, &CompareLoader::cancelled, this, [this] {
        m_banner->hide();
        statusBar()->showMessage(tr("Comparison cancelled"), 5000);
    });
    connect(m_loader, &ImageLoadController::progress, m_banner, &LoadBanner::showProgress);
    connect(m_loader, &ImageLoadController::fetching, m_banner, &LoadBanner::showFetching);
    connect(m_loader, &ImageLoadController::loaded, this, &MainWindow::showLoaded);
    connect(m_loader, &ImageLoadController::failed, this, &MainWindow::showFailure);
    connect(m_loader, &ImageLoadController::cancelled, this, [this] {
        m_banner->hide();
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
    });
    connect(m_layers, &LayersPane::layerSelected, this, [this](int layer) {
        m_tree->setLayer(layer);
        m_details->showLayer(layer);
        m_dockerfile->revealLayer(layer);
    });
    connect(m_dockerfile, &DockerfilePane::layerActivated, m_layers, &LayersPane::selectLayer);
    connect(m_dockerfile, &DockerfilePane::openDockerfileRequested, this, [this](const QString &path) {
        if (m_dockerfile->maybeSave())
            openDockerfile(path);
    });
    // The image a Rebuild opens was built from the Dockerfile open now: they go together.
    connect(m_rebuilder, &ImageRebuilder::built, this, [this](const QString &source) {
        m_rebuiltSource = source;
        DockerfileForImage::remember(source, m_dockerfile->filePath());
    });
    connect(m_dockerfile->linter(), &DockerfileLinter::measured, this, [this] { takeScreenshotIfWanted(false); });
    // The treemap shows what the file tree shows (layer, mode, filters); one selection for both.
    connect(m_tree, &FileTreePane::scopeReady, this, [this] { m_treemap->setScope(m_tree->model()->scope()); });
    connect(m_tree, &FileTreePane::nodeSelected, m_treemap, &TreemapView::setSelectedNode);
    connect(m_treemap, &TreemapView::clearFilterRequested, m_tree, &FileTreePane::clearFilter);
    connect(m_treemap, &TreemapView::nodeClicked, this, [this](MergedTree::NodeId node) {
        m_tree->selectNode(node);
        m_details->showNode(node, m_layers->selectedLayer());
    });
    for (TreemapView *view : {m_treemap, m_compare->treemapA(), m_compare->treemapB()})
        connect(view, &TreemapView::layoutReady, this, [this] { takeScreenshotIfWanted(false); });
    connect(m_tree, &FileTreePane::nodeSelected, this, [this](MergedTree::NodeId node) { m_details->showNode(node, m_layers->selectedLayer()); });
    connect(m_details, &DetailsPane::nodeActivated, this, [this](MergedTree::NodeId node) {
        m_tree->setFilter(TreeFilter {}); // make sure the file is not filtered out
        if (m_current.image)
            m_layers->selectLayer(int(m_current.image->layers.size()) - 1);
        auto select = [this, node] { m_tree->selectNode(node); m_tree->view()->setFocus(); };
        if (m_tree->isBusy()) // a new scope is on its way: select once it is shown
            connect(m_tree, &FileTreePane::scopeReady, this, select, Qt::SingleShotConnection);
        else // nothing to recompute: no scopeReady will come
            select();
    });
    connect(m_tree, &FileTreePane::scopeReady, this, [this] { takeScreenshotIfWanted(false); });
    connectFindingsView();
    restoreSettings();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

QString MainWindow::bundledSamplePath()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + QStringLiteral("/../share/ballast/sample/sample.oci-gzip.tar"),
                                     dir + QStringLiteral("/../../resources/sample/sample.oci-gzip.tar"),
                                     dir + QStringLiteral("/../../../resources/sample/sample.oci-gzip.tar"),
                                     QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar")})
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Image…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open image archive"), QString(),
                                                          tr("Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.oci);;All files (*)"));
        if (!path.isEmpty())
            openImage(path);
    });
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a docker save / podman save / OCI archive"));
    file->addAction(tr("Open OCI &Layout Folder…"), this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open OCI image layout"));
        if (!path.isEmpty())
            openImage(path);
    });
    addSourceActions(file, this);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *compare = file->addAction(tr("&Compare With…"), this, [this] {
        QString a = m_currentPath;
        if (a.isEmpty())
            a = QFileDialog::getOpenFileName(this, tr("First image (A)"));
        if (a.isEmpty())
            return;
        const QString b = QFileDialog::getOpenFileName(this, tr("Compare %1 with (B)").arg(sourceDisplayName(a)));
        if (!b.isEmpty())
            compareImages(a, b);
    });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setToolTip(tr("Compare the open image with another version of it"));
    m_reload = file->addAction(tr("&Reload"), this, [this] {
        if (!m_currentPath.isEmpty())
            openImage(m_currentPath, m_currentOptions);
    });
    m_reload->setShortcut(QKeySequence::Refresh);
    QAction *openDockerfileAction = file->addAction(tr("Open &Dockerfile…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Dockerfile"),
                                                          isPlainPath(m_currentPath) ? QFileInfo(m_currentPath).absolutePath() : QString());
        if (!path.isEmpty() && m_dockerfile->maybeSave())
            openDockerfile(path);
    });
    openDockerfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openDockerfileAction->setToolTip(tr("Open the Dockerfile that built the image, to see which lines made the heavy layers"));
    file->addAction(m_dockerfile->rebuildAction());
    file->addSeparator();
    m_exportPng = file->addAction(tr("Export Treemap as &PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export treemap"), QStringLiteral("treemap.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportTreemap(path, [this](const QString &to) { return m_treemap->exportPng(to); });
    });
    m_exportSvg = file->addAction(tr("Export Treemap as &SVG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export treemap"), QStringLiteral("treemap.svg"), tr("SVG images (*.svg)"));
        if (!path.isEmpty())
            exportTreemap(path, [this](const QString &to) { return m_treemap->exportSvg(to); });
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // They act on the single image shown: none before the first, nor while a comparison is shown.
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateImageActions);
    updateImageActions();

    // Esc stops a load from anywhere in the window (a button shortcut would need the banner in focus).
    auto *cancelLoad = new QAction(tr("Cancel Loading"), this);
    cancelLoad->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelLoad->setShortcutContext(Qt::WindowShortcut);
    connect(cancelLoad, &QAction::triggered, this, [this] {
        m_loader->cancel();
        m_compareLoader->cancel();
    });
    addAction(cancelLoad);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // One Find for the view in front: the file tree's search, or the diff tree's in a comparison.
    QAction *find = view->addAction(tr("&Find Files"), this, [this] { isComparing() ? m_compare->focusSearch() : m_tree->focusSearch(); });
    find->setShortcut(QKeySequence::Find);
    QAction *findNext = view->addAction(tr("Find &Next"), this, [this] { isComparing() ? m_compare->findNext() : m_tree->findNext(); });
    findNext->setShortcut(QKeySequence(Qt::Key_F3));
    findNext->setToolTip(tr("Select the next file the search matches (in a comparison, the diff tree's)"));
    QAction *findPrevious = view->addAction(tr("Find &Previous"), this, [this] { isComparing() ? m_compare->findPrevious() : m_tree->findPrevious(); });
    findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    findPrevious->setToolTip(tr("Select the previous file the search matches (in a comparison, the diff tree's)"));
    auto *modes = new QActionGroup(this);
    QAction *aggregated = view->addAction(tr("&Aggregated Filesystem"), this, [this] { m_tree->setMode(TreeMode::Aggregated); });
    QAction *changes = view->addAction(tr("Layer &Changes Only"), this, [this] { m_tree->setMode(TreeMode::LayerChanges); });
    aggregated->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    changes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    for (QAction *action : {aggregated, changes}) {
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
        showView(QStringLiteral("findings"));
        m_findings->view()->setFocus();
    });
    findings->setObjectName(QStringLiteral("findingsAction"));
    findings->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    findings->setToolTip(tr("Everything found in the image, what it would save, and one-click fixes"));
    QAction *single = view->addAction(tr("&Single Image"), this, &MainWindow::showSingleImage);
    single->setObjectName(QStringLiteral("singleImageAction"));
    single->setToolTip(tr("Leave the comparison and show the open image, or A when neither image of the comparison is open"));
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
    for (const auto &[label, theme] : std::vector<std::pair<QString, Theme>> {{tr("System"), Theme::System}, {tr("Light"), Theme::Light}, {tr("Dark"), Theme::Dark}}) {
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
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { ShortcutsDialog(this, this).exec(); });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    shortcuts->setToolTip(tr("Every keyboard shortcut of the window"));
    QAction *about = help->addAction(tr("&About Ballast"), this, [this] { AboutDialog(this).exec(); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setToolTip(tr("Ballast's version and the versions of Qt and the libraries it runs on"));
}

void MainWindow::updateImageActions()
{
    const bool shown = m_current.image && m_stack->currentWidget() == m_workspace;
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

void MainWindow::openImage(const QString &path, const LoadOptions &options)
{
    m_pendingOptions = withSavedLimits(options);
    m_banner->showLoading(path);
    m_loader->start(path, m_pendingOptions);
}

bool MainWindow::openDockerfile(const QString &path)
{
    QString error;
    if (!m_dockerfile->openFile(path, &error)) {
        statusBar()->showMessage(error, 8000);
        return false;
    }
    if (!m_currentPath.isEmpty())
        DockerfileForImage::remember(m_currentPath, path);
    showView(QStringLiteral("dockerfile"));
    return true;
}

void MainWindow::showView(const QString &name)
{
    if (name == QLatin1String("dockerfile"))
        m_tabs->setCurrentWidget(m_dockerfile);
    else if (name == QLatin1String("treemap"))
        m_tabs->setCurrentWidget(m_treemap);
    else if (name == QLatin1String("layers"))
        m_tabs->setCurrentWidget(m_tree);
    else if (name == QLatin1String("findings"))
        m_tabs->setCurrentWidget(m_findings);
}

void MainWindow::connectFindingsView()
{
    m_findings->setDockerfilePane(m_dockerfile);
    // A click shows the finding's layer, files and line in the other views, and leaves the list in sight.
    connect(m_findings, &FindingsView::findingSelected, this, [this](int layer, const QList<MergedTree::NodeId> &files) {
        m_layers->selectLayer(layer);
        m_dockerfile->revealLayer(layer);
        selectFiles(files, false);
    });
    connect(m_findings, &FindingsView::filesRequested, this, [this](int layer, const QList<MergedTree::NodeId> &files) {
        m_tree->setFilter(TreeFilter {}); // make sure no filter hides them
        m_layers->selectLayer(layer);
        showView(QStringLiteral("layers"));
        selectFiles(files, true);
    });
    connect(m_findings, &FindingsView::lineRequested, this, [this](int line) {
        showView(QStringLiteral("dockerfile"));
        DockerfileEditor *editor = m_dockerfile->editor();
        editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(line - 1)));
        editor->centerCursor();
        editor->setFocus();
    });
    // The Findings view's lines and fixes come with the Dockerfile's checks: a screenshot waits for them.
    connect(m_dockerfile->linter(), &DockerfileLinter::checked, this, [this] { takeScreenshotIfWanted(false); });
}

void MainWindow::selectFiles(const QList<MergedTree::NodeId> &files, bool focus)
{
    auto select = [this, files, focus] {
        bool first = true;
        for (const MergedTree::NodeId node : files) {
            const QModelIndex index = m_tree->model()->indexOfNode(node);
            if (!index.isValid())
                continue; // filtered out
            for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
                m_tree->view()->expand(up);
            if (std::exchange(first, false))
                m_tree->selectNode(node);
            else
                m_tree->view()->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        if (focus)
            m_tree->view()->setFocus();
    };
    if (m_tree->isBusy()) // a new scope is on its way: select once it is shown
        connect(m_tree, &FileTreePane::scopeReady, this, select, Qt::SingleShotConnection);
    else
        select();
}

void MainWindow::compareImages(const QString &pathA, const QString &pathB)
{
    m_banner->showComparing(pathA, pathB);
    m_compareLoader->start(pathA, pathB, withSavedLimits({}), withSavedLimits({}));
}

void MainWindow::compareLoadedImages(const LoadedImage &a, const LoadedImage &b)
{
    m_banner->showComparing(a.image->sourcePath, b.image->sourcePath);
    m_compareLoader->compareLoaded(a, b);
}

bool MainWindow::isComparing() const
{
    return m_stack->currentWidget() == m_compare;
}

void MainWindow::showComparison(const LoadedComparison &comparison)
{
    m_banner->hide();
    m_compare->setComparison(comparison);
    m_comparisonAction->setEnabled(true);
    m_stack->setCurrentWidget(m_compare);
    updateWindowTitle();
    // Both images were opened: either may be wanted again from File › Open Recent. A comes out on top.
    addRecentFile(comparison.b.image->sourcePath);
    addRecentFile(comparison.a.image->sourcePath);
    emit comparisonShown();
    takeScreenshotIfWanted(false);
}

void MainWindow::showSingleImage()
{
    const LoadedComparison &compared = m_compare->comparison();
    auto isOpen = [this](const LoadedImage &side) {
        return m_current.image && side.image
            && (m_current.image == side.image || absoluteSource(m_current.image->sourcePath) == absoluteSource(side.image->sourcePath));
    };
    if (isComparing() && compared.a.image && !isOpen(compared.a) && !isOpen(compared.b)) // after `ballast A B`, nothing was open alone
        return showComparedImage(compared.a);
    m_stack->setCurrentWidget(m_current.image ? static_cast<QWidget *>(m_workspace) : m_start);
}

void MainWindow::showComparedImage(const LoadedImage &loaded)
{
    if (loaded.image == m_current.image) // already open: keep its layer, selection and Dockerfile
        return m_stack->setCurrentWidget(m_workspace);
    m_pendingOptions = withSavedLimits({}); // what the comparison loaded it with; Reload uses them
    showLoaded(loaded.image->sourcePath, loaded);
}

// The title names what the window shows: the single image, the two compared, or nothing.
void MainWindow::updateWindowTitle()
{
    const LoadedComparison &compared = m_compare->comparison();
    if (m_stack->currentWidget() == m_compare && compared.a.image && compared.b.image)
        setWindowTitle(tr("%1 ↔ %2 — Ballast").arg(imageDisplayName(*compared.a.image), imageDisplayName(*compared.b.image)));
    else if (m_stack->currentWidget() == m_workspace && m_current.image)
        setWindowTitle(tr("%1 — Ballast").arg(imageDisplayName(*m_current.image)));
    else
        setWindowTitle(tr("Ballast"));
}

void MainWindow::showLoaded(const QString &path, const LoadedImage &loaded)
{
    m_banner->hide();
    if (!openDockerfileOf(path)) {
        statusBar()->showMessage(tr("%1 was not opened: the Dockerfile's unsaved changes are kept").arg(sourceDisplayName(path)), 8000);
        return;
    }
    m_current = loaded;
    m_currentPath = path;
    m_currentOptions = m_pendingOptions;
    m_layers->setImage(loaded);
    m_details->setImage(loaded);
    m_tree->setImage(loaded.image);
    const bool rebuilt = !m_rebuiltSource.isEmpty() && std::exchange(m_rebuiltSource, QString()) == path;
    m_dockerfile->setImage(loaded, rebuilt ? DockerfilePane::Pairing::BuiltFromCurrentText : DockerfilePane::Pairing::SameImageKeepsBuiltText);
    m_dockerfile->setDockerfileBesideImage(DockerfileForImage::beside(path));
    m_stack->setCurrentWidget(m_workspace);
    if (!loaded.image->layers.empty())
        m_layers->selectLayer(int(loaded.image->layers.size()) - 1);
    m_details->showImage();
    m_findings->setImage(loaded); // after the Dockerfile pane: its lines and fixes are for this image
    updateWindowTitle();
    addRecentFile(path);
    updateStatusBar();
    updateImageActions();
    emit imageShown();
}

// Each image has its own Dockerfile (DockerfileForImage), never the one of the image before. One opened
// before any image (--dockerfile, recovered edits) goes with the first. False when the person keeps
// unsaved edits of the Dockerfile that would be replaced.
bool MainWindow::openDockerfileOf(const QString &imageSource)
{
    if (m_currentPath.isEmpty() && (!m_dockerfile->filePath().isEmpty() || m_dockerfile->isModified()))
        return true;
    const QString wanted = DockerfileForImage::chosenOrBeside(imageSource);
    if (wanted == m_dockerfile->filePath() && !wanted.isEmpty())
        return true;
    if (!m_dockerfile->maybeSave())
        return false;
    QString error;
    if (wanted.isEmpty() || !m_dockerfile->openFile(wanted, &error))
        m_dockerfile->closeFile();
    if (!error.isEmpty())
        statusBar()->showMessage(error, 8000);
    return true;
}

void MainWindow::showFailure(const QString &path, const QString &message, const QList<ImageChoice> &choices)
{
    if (!choices.isEmpty() && m_screenshotPath.isEmpty()) {
        m_banner->hide();
        chooseAmong(path, choices);
        return;
    }
    // The image that was open stays open: a failed load changes nothing but the banner.
    m_banner->showError(message);
    takeScreenshotIfWanted(true);
}

void MainWindow::chooseAmong(const QString &path, const QList<ImageChoice> &choices)
{
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Choose an image"));
    dialog.setLabelText(tr("%1 holds several images. Which one?").arg(sourceDisplayName(path)));
    dialog.setComboBoxItems(choiceTexts(choices));
    dialog.setComboBoxEditable(false);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // By position: two images may read the same (untagged, one platform), the choices never do.
    const int chosen = dialog.findChild<QComboBox *>()->currentIndex();
    if (chosen < 0 || chosen >= choices.size())
        return;
    LoadOptions options = m_pendingOptions;
    if (!choices[chosen].tags.isEmpty())
        options.selection.tag = choices[chosen].tags.first();
    if (!choices[chosen].platform.isEmpty())
        options.selection.platform = choices[chosen].platform;
    openImage(path, options);
}

void MainWindow::addRecentFile(const QString &path)
{
    RecentFiles::add(absoluteSource(path)); // URIs as they are
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    const QStringList files = RecentFiles::list();
    m_recentMenu->clear();
    for (const QString &file : files)
        m_recentMenu->addAction(file, this, [this, file] { openImage(file); });
    m_recentMenu->setEnabled(!files.isEmpty());
    m_start->setRecentFiles(files);
}

void MainWindow::updateStatusBar()
{
    if (!m_current.image)
        return m_statusSummary->clear();
    const Image &image = *m_current.image;
    m_statusSummary->setText(tr("%1 layers · %2 (%3 stored) · final %4 in %5 files · efficiency %6 % · reclaimable %7")
                                 .arg(image.layers.size())
                                 .arg(formatBytes(image.sizeBytes()), formatBytes(image.compressedSizeBytes()), formatBytes(image.tree.finalFileBytes()))
                                 .arg(image.tree.finalFileCount())
                                 .arg(m_current.analysis->dive.efficiency * 100, 0, 'f', 1)
                                 .arg(formatBytes(m_current.analysis->reclaimableBytes)));
}

void MainWindow::setScreenshotTarget(const QString &pngPath)
{
    m_screenshotPath = pngPath;
}

void MainWindow::takeScreenshotIfWanted(bool failed)
{
    if (m_screenshotPath.isEmpty() || m_loader->isLoading() || m_compareLoader->isLoading() || m_tree->isBusy())
        return;
    if (m_tabs->currentWidget() == m_treemap && m_stack->currentWidget() == m_workspace && (m_treemap->isBusy() || !m_treemap->frame()))
        return; // the treemap's layoutReady comes back here
    if ((m_tabs->currentWidget() == m_dockerfile || m_tabs->currentWidget() == m_findings) && m_dockerfile->linter()->isBusy())
        return; // the image's measurement of the Dockerfile (or its live check) comes back here
    if (m_stack->currentWidget() == m_compare)
        for (TreemapView *view : {m_compare->treemapA(), m_compare->treemapB()})
            if (view->isBusy() || !view->frame())
                return; // as above, for both treemaps of the comparison
    const QString target = m_screenshotPath;
    m_screenshotPath.clear();
    // Let the views lay out and paint the new data first.
    QTimer::singleShot(300, this, [this, target, failed] {
        const bool saved = grab().save(target, "PNG");
        QCoreApplication::exit(saved && !failed ? 0 : 1);
    });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    if (!m_workspace->restoreState(settings.value(QStringLiteral("window/workspace")).toByteArray()))
        m_workspace->setSizes({width() * 45 / 100, width() * 55 / 100});
    if (!m_leftColumn->restoreState(settings.value(QStringLiteral("window/leftColumn")).toByteArray()))
        m_leftColumn->setSizes({height() * 55 / 100, height() * 45 / 100});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_dockerfile->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/workspace"), m_workspace->saveState());
    settings.setValue(QStringLiteral("window/leftColumn"), m_leftColumn->saveState());
    m_loader->cancel();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    if (files.size() >= 2)
        return compareImages(files[0], files[1]);
    if (m_currentPath.isEmpty())
        return openImage(files[0]);
    // A second image dropped on an open one: open it instead, or compare the two.
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open %1").arg(QFileInfo(files[0]).fileName()));
    QAction *compare = menu.addAction(tr("Compare with %1").arg(sourceDisplayName(m_currentPath)));
    QAction *chosen = menu.exec(mapToGlobal(event->position().toPoint()));
    if (chosen == open)
        openImage(files[0]);
    else if (chosen == compare)
        compareImages(m_currentPath, files[0]);
}

} // namespace ballast
