#pragma once
#include "View.h"
#include "models/TreeScope.h"
#include "tree/MergedTree.h"
#include "util/ImageChoice.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace ballast {

class ComparePane;
class ImageSession;
struct LoadedComparison;
struct LoadedImage;
class DetailsPane;
class DockerfilePane;
class TreemapView;
class FileTreePane;
class FindingsView;
class PackagesView;
class ImageRebuilder;
class LayersPane;
class LoadBanner;
class StartPage;

// The main window: start page or workspace (layers, details, file tree), the loading banner,
// menus with the standard shortcuts, recent files, drag and drop, remembered layout. What is open is
// the session's (ImageSession): the window shows it and asks it to open, compare and reload.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ImageSession *session() const { return m_session; }
    // The window's parts, for the GUI tests that drive them like a person; the application's own
    // code reaches what is open through session(), never through the panes.
    LayersPane *layersPane() const { return m_layers; }
    FileTreePane *fileTreePane() const { return m_tree; }
    DetailsPane *detailsPane() const { return m_details; }
    LoadBanner *loadBanner() const { return m_banner; }
    StartPage *startPage() const { return m_start; }
    ComparePane *comparePane() const { return m_compare; }
    DockerfilePane *dockerfilePane() const { return m_dockerfile; }
    TreemapView *treemapView() const { return m_treemap; }
    FindingsView *findingsView() const { return m_findings; }
    PackagesView *packagesView() const { return m_packages; }
    QTabWidget *viewTabs() const { return m_tabs; }
    // Opens a Dockerfile in the editor pane (and shows it); false with a message when it cannot.
    bool openDockerfile(const QString &path);
    // One of the tabs beside the layers, or the last comparison.
    void showView(View view);
    void setTreeMode(TreeMode mode);
    void selectLayer(int layer);
    bool isComparing() const;
    ImageRebuilder *rebuilder() const { return m_rebuilder; }
    // The views are still computing what they show (a file-tree scope, a treemap layout, the
    // Dockerfile's check); viewsSettled() follows when they are done.
    bool areViewsBusy() const;

    static QString bundledSamplePath();

signals:
    void imageShown();
    void comparisonShown();
    // The views in front have drawn what the session holds (see areViewsBusy()).
    void viewsSettled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createFileMenu();
    void connectSession();
    void showOpened(const QString &source, const LoadedImage &loaded, bool builtFromDockerfile);
    bool openDockerfileOf(const QString &imageSource);
    void showComparison(const LoadedComparison &comparison);
    // View › Single Image: the open image, or A of the comparison when neither side is open alone.
    void showSingleImage();
    // One image of the comparison alone, without loading it again.
    void showComparedImage(const LoadedImage &loaded);
    void updateWindowTitle();
    std::optional<ImageChoice> chooseAmong(const QString &source, const QList<ImageChoice> &choices);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateStatusBar();
    void restoreSettings();
    void settleIfDone();
    void updateImageActions();
    void exportTreemap(const QString &path, const std::function<bool(const QString &)> &write);
    // Selects these files in the file tree (the first is the current one) once it shows the scope
    // asked for last, expanding the directories above them.
    void selectFiles(const QList<MergedTree::NodeId> &files, bool focus);
    void connectFindingsView();

    ImageSession *m_session;

    LoadBanner *m_banner;
    QStackedWidget *m_stack;
    StartPage *m_start;
    ComparePane *m_compare;
    QSplitter *m_workspace;
    QSplitter *m_leftColumn;
    LayersPane *m_layers;
    DetailsPane *m_details;
    FileTreePane *m_tree;
    DockerfilePane *m_dockerfile;
    TreemapView *m_treemap;
    FindingsView *m_findings;
    PackagesView *m_packages;
    QTabWidget *m_tabs;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusSummary;
    QAction *m_reload = nullptr;
    QAction *m_comparisonAction = nullptr; // View › Comparison: back to the last one
    QAction *m_exportPng = nullptr;
    QAction *m_exportSvg = nullptr;
    ImageRebuilder *m_rebuilder = nullptr;
};

} // namespace ballast
