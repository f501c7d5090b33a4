#pragma once
#include "LoadedImage.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace ballast {

class DockerfilePane;
class FindingsModel;

// Everything the analysis found in the image, in one sortable list that stays reachable: what each
// finding would save, the layer and Dockerfile line that made it, its files, its advice in full, and
// a one-click fix where the Dockerfile edit is mechanical. Above it, what all of them together would
// save (ImageAnalysis::savings).
class FindingsView : public QWidget {
    Q_OBJECT
public:
    explicit FindingsView(QWidget *parent = nullptr);
    void setImage(const LoadedImage &loaded);
    // The pane whose Dockerfile gives the lines and the fixes, and where fixes are applied.
    void setDockerfilePane(DockerfilePane *pane);

    QTreeView *view() const { return m_view; }
    FindingsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *headline() const { return m_headline; }
    QLabel *breakdown() const { return m_breakdown; }
    // What the last fix applied, until another image opens.
    QLabel *fixStatus() const { return m_status; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *showFilesButton() const { return m_showFiles; }
    QPushButton *showLineButton() const { return m_showLine; }
    // The Fix button of a finding (its index in the analysis), nullptr when it has no fix now.
    QToolButton *fixButton(int finding) const;
    // The finding of the current row (its index in the analysis), -1 when none.
    int currentFinding() const;

signals:
    // The user picked a finding: select its layer, its files and its line wherever they are shown,
    // without leaving this view.
    void findingSelected(int layer, const QList<ballast::MergedTree::NodeId> &files);
    // Go to the Files tab with these files of that layer selected.
    void filesRequested(int layer, const QList<ballast::MergedTree::NodeId> &files);
    // Go to this line of the Dockerfile.
    void lineRequested(int line);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshLinks();
    void updateFixButtons();
    void updateHeadline();
    void showCurrent();
    void applyFix(int finding);
    void requestFiles(int finding, const QList<MergedTree::NodeId> &files);
    int layerToShow(int finding) const;
    // The finding's paths that the tree knows, in its order.
    QList<MergedTree::NodeId> filesOf(int finding) const;

    LoadedImage m_loaded;
    DockerfilePane *m_pane = nullptr;
    FindingsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_headline;
    QLabel *m_breakdown;
    QLabel *m_status;
    QTreeView *m_view;
    QTextBrowser *m_details;
    QPushButton *m_showFiles;
    QPushButton *m_showLine;
    bool m_selectingQuietly = false;
    bool m_justSelected = false; // the press being handled already moved the current row
};

} // namespace ballast
