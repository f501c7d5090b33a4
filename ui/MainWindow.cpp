#include "MainWindow.h"

#include "RecentFiles.h"
#include "compare/ComparePane.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfileForImage.h"
#include "editor/DockerfileLinter.h"
#include "editor/DockerfilePane.h"
#include "findings/FindingsView.h"
#include "models/FileTreeModel.h"
#include "packages/PackagesView.h"
#include "panes/DetailsPane.h"
#include "panes/FileTreePane.h"
#include "panes/LayersPane.h"
#include "session/ImageSession.h"
#include "sources/ImageRebuilder.h"
#include "sources/SourceText.h"
#include "treemap/TreemapView.h"
#include "util/ByteFormat.h"
#include "widgets/LoadBanner.h"
#include "widgets/StartPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace ballast {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ImageSession(this))
    , m_banner(new LoadBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_start(new StartPage(this))
    , m_compare(new ComparePane(this))
    , m_workspace(new QSplitter(Qt::Horizontal, this))
    , m_leftColumn(new QSplitter(Qt::Vertical, this))
    , m_layers(new LayersPane(this))
    , m_details(new DetailsPane(this))
    , m_tree(new FileTreePane(this))
    , m_dockerfile(new DockerfilePane(this))
    , m_treemap(new TreemapView(this))
    , m_findings(new FindingsView(this))
    , m_packages(new PackagesView(this))
    , m_tabs(new QTabWidget(this))
    , m_statusSummary(new QLabel(this))
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
    m_tabs->addTab(m_packages, tr("Packages"));
    m_tabs->addTab(m_dockerfile, tr("Dockerfile"));
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_tree), tr("The file tree of the selected layer"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_treemap), tr("The same files as areas: where the bytes are"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_packages),
        tr("The installed packages and the bytes each holds, and the bytes of no package"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_dockerfile),
        tr("The Dockerfile that built the image, with the size of each line's layer and live hints"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_findings),
        tr("Everything found in the image, what it would save, and one-click fixes (Ctrl+Shift+F)"));
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

    // The rebuilder reads and opens through the session, and its log is a dialog of this window.
    m_rebuilder = new ImageRebuilder(m_session, this);
    connect(m_dockerfile, &DockerfilePane::rebuildRequested, m_rebuilder, &ImageRebuilder::rebuild);
    connect(m_rebuilder, &ImageRebuilder::statusMessage, statusBar(), &QStatusBar::showMessage);
    createMenus();
    if (m_dockerfile->hasRecoveryOffer()) { // edits from a crashed session wait in the Dockerfile tab
        m_stack->setCurrentWidget(m_workspace);
        m_tabs->setCurrentWidget(m_dockerfile);
    }
    connect(m_start, &StartPage::openRequested, this,
        [this] { findChild<QAction *>(QStringLiteral("openAction"))->trigger(); });
    connect(m_start, &StartPage::openPathRequested, m_session, [this](const QString &path) { m_session->open(path); });
    connect(m_banner, &LoadBanner::cancelRequested, m_session, &ImageSession::cancel);
    connect(m_compare, &ComparePane::openImageRequested, this, &MainWindow::showComparedImage);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateWindowTitle);
    connectSession();
    connect(m_layers, &LayersPane::layerSelected, this, [this](int layer) {
        m_tree->setLayer(layer);
        m_details->showLayer(layer);
        m_dockerfile->revealLayer(layer);
        m_packages->setSelectedLayer(layer);
    });
    // A package picked in the Packages view: its files selected in the tree, the first in the treemap.
    connect(m_packages, &PackagesView::filesRequested, this,
        [this](const QList<MergedTree::NodeId> &files) { selectFiles(files, false); });
    connect(m_dockerfile, &DockerfilePane::layerActivated, m_layers, &LayersPane::selectLayer);
    connect(m_dockerfile, &DockerfilePane::openDockerfileRequested, this, [this](const QString &path) {
        if (m_dockerfile->maybeSave())
            openDockerfile(path);
    });
    // The image a Rebuild opens was built from the Dockerfile open now: they go together.
    connect(m_rebuilder, &ImageRebuilder::built, this,
        [this](const QString &source) { DockerfileForImage::remember(source, m_dockerfile->filePath()); });
    connect(m_dockerfile->linter(), &DockerfileLinter::measured, this, &MainWindow::settleIfDone);
    // The treemap shows what the file tree shows (layer, mode, filters); one selection for both.
    connect(m_tree, &FileTreePane::scopeReady, this, [this] { m_treemap->setScope(m_tree->model()->scope()); });
    connect(m_tree, &FileTreePane::nodeSelected, m_treemap, &TreemapView::setSelectedNode);
    connect(m_treemap, &TreemapView::clearFilterRequested, m_tree, &FileTreePane::clearFilter);
    connect(m_treemap, &TreemapView::nodeClicked, this, [this](MergedTree::NodeId node) {
        m_tree->selectNode(node);
        m_details->showNode(node, m_layers->selectedLayer());
    });
    for (TreemapView *view : { m_treemap, m_compare->treemapA(), m_compare->treemapB() })
        connect(view, &TreemapView::layoutReady, this, &MainWindow::settleIfDone);
    connect(m_tree, &FileTreePane::nodeSelected, this,
        [this](MergedTree::NodeId node) { m_details->showNode(node, m_layers->selectedLayer()); });
    connect(m_details, &DetailsPane::nodeActivated, this, [this](MergedTree::NodeId node) {
        m_tree->setFilter(TreeFilter {}); // make sure the file is not filtered out
        if (const LoadedImage &current = m_session->current(); current.image)
            m_layers->selectLayer(int(current.image->layers.size()) - 1);
        auto select = [this, node] {
            m_tree->selectNode(node);
            m_tree->view()->setFocus();
        };
        if (m_tree->isBusy()) // a new scope is on its way: select once it is shown
            connect(m_tree, &FileTreePane::scopeReady, this, select, Qt::SingleShotConnection);
        else // nothing to recompute: no scopeReady will come
            select();
    });
    connect(m_tree, &FileTreePane::scopeReady, this, &MainWindow::settleIfDone);
    connectFindingsView();
    restoreSettings();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectSession()
{
    connect(m_session, &ImageSession::loadStarted, m_banner, &LoadBanner::showLoading);
    connect(m_session, &ImageSession::compareStarted, m_banner, &LoadBanner::showComparing);
    connect(m_session, &ImageSession::progress, m_banner, &LoadBanner::showProgress);
    connect(m_session, &ImageSession::fetching, m_banner, &LoadBanner::showFetching);
    connect(m_session, &ImageSession::imageOpened, this, &MainWindow::showOpened);
    connect(m_session, &ImageSession::openDeclined, this, [this](const QString &source) {
        m_banner->hide();
        statusBar()->showMessage(
            tr("%1 was not opened: the Dockerfile's unsaved changes are kept").arg(sourceDisplayName(source)), 8000);
    });
    connect(m_session, &ImageSession::comparisonReady, this, &MainWindow::showComparison);
    // The image that was open stays open: a failed load changes nothing but the banner.
    connect(m_session, &ImageSession::loadFailed, m_banner,
        [this](const QString &, const QString &message) { m_banner->showError(message); });
    connect(m_session, &ImageSession::compareFailed, m_banner, &LoadBanner::showError);
    connect(m_session, &ImageSession::loadCancelled, this, [this] {
        m_banner->hide();
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
    });
    connect(m_session, &ImageSession::compareCancelled, this, [this] {
        m_banner->hide();
        statusBar()->showMessage(tr("Comparison cancelled"), 5000);
    });
    connect(m_session, &ImageSession::idle, this, &MainWindow::settleIfDone);
    m_session->setReplaceGuard([this](const QString &source) {
        m_banner->hide(); // loaded: the banner must not hide the question about unsaved edits
        return openDockerfileOf(source);
    });
    m_session->setChooser(
        [this](const QString &source, const QList<ImageChoice> &choices) { return chooseAmong(source, choices); });
}

QString MainWindow::bundledSamplePath()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : { dir + QStringLiteral("/../share/ballast/sample/sample.oci-gzip.tar"),
             dir + QStringLiteral("/../../resources/sample/sample.oci-gzip.tar"),
             dir + QStringLiteral("/../../../resources/sample/sample.oci-gzip.tar"),
             QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar") })
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}

bool MainWindow::openDockerfile(const QString &path)
{
    QString error;
    if (!m_dockerfile->openFile(path, &error)) {
        statusBar()->showMessage(error, 8000);
        return false;
    }
    if (!m_session->currentSource().isEmpty())
        DockerfileForImage::remember(m_session->currentSource(), path);
    showView(View::Dockerfile);
    return true;
}

void MainWindow::showView(View view)
{
    switch (view) {
    case View::Files:
        return m_tabs->setCurrentWidget(m_tree);
    case View::Treemap:
        return m_tabs->setCurrentWidget(m_treemap);
    case View::Dockerfile:
        return m_tabs->setCurrentWidget(m_dockerfile);
    case View::Findings:
        return m_tabs->setCurrentWidget(m_findings);
    case View::Packages:
        return m_tabs->setCurrentWidget(m_packages);
    case View::Compare: // two images on the command line show it by themselves once compared
        if (m_comparisonAction->isEnabled())
            m_comparisonAction->trigger();
        return;
    }
}

void MainWindow::setTreeMode(TreeMode mode)
{
    m_tree->setMode(mode);
}

void MainWindow::selectLayer(int layer)
{
    m_layers->selectLayer(layer);
}

void MainWindow::connectFindingsView()
{
    m_findings->setDockerfilePane(m_dockerfile);
    // A click shows the finding's layer, files and line in the other views, and leaves the list in sight.
    connect(
        m_findings, &FindingsView::findingSelected, this, [this](int layer, const QList<MergedTree::NodeId> &files) {
            m_layers->selectLayer(layer);
            m_dockerfile->revealLayer(layer);
            selectFiles(files, false);
        });
    connect(m_findings, &FindingsView::filesRequested, this, [this](int layer, const QList<MergedTree::NodeId> &files) {
        m_tree->setFilter(TreeFilter {}); // make sure no filter hides them
        m_layers->selectLayer(layer);
        showView(View::Files);
        selectFiles(files, true);
    });
    connect(m_findings, &FindingsView::lineRequested, this, [this](int line) {
        showView(View::Dockerfile);
        DockerfileEditor *editor = m_dockerfile->editor();
        editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(line - 1)));
        editor->centerCursor();
        editor->setFocus();
    });
    // The Findings view's lines and fixes come with the Dockerfile's checks: the views settle with them.
    connect(m_dockerfile->linter(), &DockerfileLinter::checked, this, &MainWindow::settleIfDone);
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
                m_tree->view()->selectionModel()->select(
                    index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        if (focus)
            m_tree->view()->setFocus();
    };
    if (m_tree->isBusy()) // a new scope is on its way: select once it is shown
        connect(m_tree, &FileTreePane::scopeReady, this, select, Qt::SingleShotConnection);
    else
        select();
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
}

void MainWindow::showSingleImage()
{
    const LoadedComparison &compared = m_compare->comparison();
    const LoadedImage &current = m_session->current();
    auto isOpen = [&current](const LoadedImage &side) {
        return current.image && side.image
            && (current.image == side.image
                || absoluteSource(current.image->sourcePath) == absoluteSource(side.image->sourcePath));
    };
    if (isComparing() && compared.a.image && !isOpen(compared.a)
        && !isOpen(compared.b)) // after `ballast A B`, nothing was open alone
        return showComparedImage(compared.a);
    m_stack->setCurrentWidget(current.image ? static_cast<QWidget *>(m_workspace) : m_start);
}

void MainWindow::showComparedImage(const LoadedImage &loaded)
{
    if (loaded.image == m_session->current().image) // already open: keep its layer, selection and Dockerfile
        return m_stack->setCurrentWidget(m_workspace);
    m_session->openCompared(loaded);
}

// The title names what the window shows: the single image, the two compared, or nothing.
void MainWindow::updateWindowTitle()
{
    const LoadedComparison &compared = m_compare->comparison();
    if (m_stack->currentWidget() == m_compare && compared.a.image && compared.b.image)
        setWindowTitle(
            tr("%1 ↔ %2 — Ballast").arg(imageDisplayName(*compared.a.image), imageDisplayName(*compared.b.image)));
    else if (m_stack->currentWidget() == m_workspace && m_session->current().image)
        setWindowTitle(tr("%1 — Ballast").arg(imageDisplayName(*m_session->current().image)));
    else
        setWindowTitle(tr("Ballast"));
}

void MainWindow::showOpened(const QString &path, const LoadedImage &loaded, bool builtFromDockerfile)
{
    m_banner->hide();
    m_layers->setImage(loaded);
    m_details->setImage(loaded);
    m_tree->setImage(loaded.image);
    m_packages->setImage(loaded);
    m_dockerfile->setImage(loaded,
        builtFromDockerfile ? DockerfilePane::Pairing::BuiltFromCurrentText
                            : DockerfilePane::Pairing::SameImageKeepsBuiltText);
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
// unsaved edits of the Dockerfile that would be replaced. Asked by the session before an image
// replaces the one open.
bool MainWindow::openDockerfileOf(const QString &imageSource)
{
    if (m_session->currentSource().isEmpty() && (!m_dockerfile->filePath().isEmpty() || m_dockerfile->isModified()))
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

std::optional<ImageChoice> MainWindow::chooseAmong(const QString &source, const QList<ImageChoice> &choices)
{
    m_banner->hide();
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Choose an image"));
    dialog.setLabelText(tr("%1 holds several images. Which one?").arg(sourceDisplayName(source)));
    dialog.setComboBoxItems(choiceTexts(choices));
    dialog.setComboBoxEditable(false);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    // By position: two images may read the same (untagged, one platform), the choices never do.
    const int chosen = dialog.findChild<QComboBox *>()->currentIndex();
    return chosen >= 0 && chosen < choices.size() ? std::optional(choices[chosen]) : std::nullopt;
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
        m_recentMenu->addAction(file, m_session, [this, file] { m_session->open(file); });
    m_recentMenu->setEnabled(!files.isEmpty());
    m_start->setRecentFiles(files);
}

void MainWindow::updateStatusBar()
{
    const LoadedImage &current = m_session->current();
    if (!current.image)
        return m_statusSummary->clear();
    const Image &image = *current.image;
    m_statusSummary->setText(tr("%1 layers · %2 (%3 stored) · final %4 in %5 files · efficiency %6 % · reclaimable %7")
                                 .arg(image.layers.size())
                                 .arg(formatBytes(image.sizeBytes()), formatBytes(image.compressedSizeBytes()),
                                     formatBytes(image.tree.finalFileBytes()))
                                 .arg(image.tree.finalFileCount())
                                 .arg(current.analysis->dive.efficiency * 100, 0, 'f', 1)
                                 .arg(formatBytes(current.analysis->reclaimableBytes)));
}

bool MainWindow::areViewsBusy() const
{
    if (m_tree->isBusy())
        return true;
    if (m_tabs->currentWidget() == m_treemap && m_stack->currentWidget() == m_workspace
        && (m_treemap->isBusy() || !m_treemap->frame()))
        return true; // the treemap's layoutReady settles it
    if ((m_tabs->currentWidget() == m_dockerfile || m_tabs->currentWidget() == m_findings)
        && m_dockerfile->linter()->isBusy())
        return true; // the image's measurement of the Dockerfile (or its live check) settles it
    if (m_stack->currentWidget() == m_compare)
        for (TreemapView *view : { m_compare->treemapA(), m_compare->treemapB() })
            if (view->isBusy() || !view->frame())
                return true; // as above, for both treemaps of the comparison
    return false;
}

// Called whenever the session or a view finishes a piece of work.
void MainWindow::settleIfDone()
{
    if (!m_session->isBusy() && !areViewsBusy())
        emit viewsSettled();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    if (!m_workspace->restoreState(settings.value(QStringLiteral("window/workspace")).toByteArray()))
        m_workspace->setSizes({ width() * 45 / 100, width() * 55 / 100 });
    if (!m_leftColumn->restoreState(settings.value(QStringLiteral("window/leftColumn")).toByteArray()))
        m_leftColumn->setSizes({ height() * 55 / 100, height() * 45 / 100 });
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
    m_session->cancel();
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
    const QString current = m_session->currentSource();
    if (files.size() >= 2)
        return m_session->compare(files[0], files[1]);
    if (current.isEmpty())
        return m_session->open(files[0]);
    // A second image dropped on an open one: open it instead, or compare the two.
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open %1").arg(QFileInfo(files[0]).fileName()));
    QAction *compare = menu.addAction(tr("Compare with %1").arg(sourceDisplayName(current)));
    QAction *chosen = menu.exec(mapToGlobal(event->position().toPoint()));
    if (chosen == open)
        m_session->open(files[0]);
    else if (chosen == compare)
        m_session->compare(current, files[0]);
}

} // namespace ballast
