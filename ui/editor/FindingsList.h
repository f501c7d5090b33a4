#pragma once
#include "editor/DockerfileLinter.h"

#include <QTreeWidget>

namespace ballast {

// The findings under the Dockerfile editor: line, rule, severity, bytes and the whole message,
// wrapped onto as many lines as it needs (a message is often a sentence of advice, too long for one
// line). Findings measured before the text was edited are dimmed and say so. Activating a row asks
// for its line (lineActivated).
class FindingsList : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { LineColumn, RuleColumn, SeverityColumn, BytesColumn, MessageColumn };
    explicit FindingsList(QWidget *parent = nullptr);
    void showFindings(const std::vector<ShownFinding> &findings);
    // "No findings", "1 finding, 1 error", "5 findings, 2 warnings": the pane's header line.
    static QString summary(const std::vector<ShownFinding> &findings);

signals:
    void lineActivated(int line);
};

} // namespace ballast
