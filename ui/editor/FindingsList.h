#pragma once
#include "editor/DockerfileFindingsModel.h"

#include <QTreeView>

namespace ballast {

// The findings under the Dockerfile editor (a DockerfileFindingsModel): line, rule, severity, bytes
// and the whole message, wrapped onto as many lines as it needs (a message is often a sentence of
// advice, too long for one line). Findings measured before the text was edited are dimmed. Activating
// a row (double-click, Enter) asks for its line (lineActivated).
class FindingsList : public QTreeView {
    Q_OBJECT
public:
    explicit FindingsList(QWidget *parent = nullptr);
    void showFindings(const std::vector<ShownFinding> &findings);
    DockerfileFindingsModel *findingsModel() const { return m_model; }

signals:
    void lineActivated(int line);

private:
    DockerfileFindingsModel *m_model;
};

} // namespace ballast
