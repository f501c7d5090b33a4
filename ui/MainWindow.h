#pragma once
#include "load/ImageLoadController.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace ballast {

class CompareLoader;
class ComparePane;
struct LoadedComparison;
class DetailsPane;
class DockerfilePane;
class TreemapView;
class FileTreePane;
class FindingsView;
class ImageRebuilder;
class LayersPane;
class LoadBanner;
class StartPage;

// The main window: start page or workspace (layers, details, file tree), the loading banner,
// menus with the standard shortcuts, recent files, drag and drop, remembered layout.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // `path` may also be a URI: docker://NAME:TAG, registry://HOST/NAME:TAG, … (SourceReference.h).
    void openImage(const QString &path, const LoadOptions &options = {});
    // Compares two images side by side (A is usually the one open).
    void compareImages(const QString &pathA, const QString &pathB);
    void compareLoadedImages(const LoadedImage &a, const LoadedImage &b);
    // Saves a PNG of the window once the image (and its file tree) is shown, then quits the
    // application: exit code 0, or 1 when loading failed.
    void setScreenshotTarget(const QString &pngPath);

    const LoadedImage &current() const { return m_current; }
    // The path or URI of the image shown, as it was opened; empty before the first.
    const QString &currentSource() const { return m_currentPath; }
    LayersPane *layersPane() const { return m_layers; }
    FileTreePane *fileTreePane() const { return m_tree; }
    DetailsPane *detailsPane() const { return m_details; }
    LoadBanner *loadBanner() const { return m_banner; }
    StartPage *startPage() const { return m_start; }
    ComparePane *comparePane() const { return m_compare; }
    DockerfilePane *dockerfilePane() const { return m_dockerfile; }
    TreemapView *treemapView() const { return m_treemap; }
    FindingsView *findingsView() const { return m_findings; }
    QTabWidget *viewTabs() const { return m_tabs; }
    // Opens a Dockerfile in the editor pane (and shows it); false with a message when it cannot.
    bool openDockerfile(const QString &path);
    // Shows "layers" (the file tree), "treemap", "dockerfile" or "findings" beside the layers.
    void showView(const QString &name);
    CompareLoader *compareLoader() const { return m_compareLoader; }
    bool isComparing() const;
    ImageLoadController *loadController() const { return m_loader; }
    ImageRebuilder *rebuilder() const { return m_rebuilder; }

    static QString bundledSamplePath();

signals:
    void imageShown();
    void comparisonShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void showLoaded(const QString &path, const LoadedImage &loaded);
    bool openDockerfileOf(const QString &imageSource);
    void showFailure(const QString &path, const QString &message, const QList<ImageChoice> &choices);
    void showComparison(const LoadedComparison &comparison);
    // View › Single Image: the open image, or A of the comparison when neither side is open alone.
    void showSingleImage();
    // One image of the comparison alone, without loading it again.
    void showComparedImage(const LoadedImage &loaded);
    void updateWindowTitle();
    void chooseAmong(const QString &path, const QList<ImageChoice> &choices);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateStatusBar();
    void restoreSettings();
    void takeScreenshotIfWanted(bool failed);
    void updateImageActions();
    void exportTreemap(const QString &path, const std::function<bool(const QString &)> &write);
    // Selects these files in the file tree (the first is the current one) once it shows the scope
    // asked for last, expanding the directories above them.
    void selectFiles(const QList<MergedTree::NodeId> &files, bool focus);
    void connectFindingsView();

    ImageLoadController *m_loader;
    CompareLoader *m_compareLoader;
    LoadedImage m_current;
    QString m_currentPath;
    LoadOptions m_currentOptions;
    LoadOptions m_pendingOptions;
    QString m_rebuiltSource; // the image a Rebuild is opening, built from the Dockerfile open
    QString m_screenshotPath;

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
    QTabWidget *m_tabs;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusSummary;
    QAction *m_reload = nullptr;
    QAction *m_comparisonAction = nullptr; // View › Comparison: back to the last one
    QAction *m_exportPng = nullptr;
    QAction *m_exportSvg = nullptr;
    ImageRebuilder *m_rebuilder;
};

} // namespace ballast
