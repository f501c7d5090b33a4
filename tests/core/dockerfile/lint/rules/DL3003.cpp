// DL3003: Use WORKDIR to switch to a directory (DL3003Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3003Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3003"); }
};

void DL3003Test::snippets_data()
{
    ruletest::columns();
    row("workdir", { "WORKDIR /opt" }, {});
    row("cd", { "RUN cd /opt" }, { 1 });
    row("cd in a chain", { "FROM x", "RUN mkdir /src && cd /src && make" }, { 2 });
    row("cd in a subshell", { "FROM x", "RUN (cd /src && make)" }, { 2 });
    row("cd as an argument", { "FROM x", "RUN echo cd" }, {});
    row("cd in a quoted string", { "FROM x", "RUN echo \"cd /x\"" }, {});
    row("cd on a continuation line", { "FROM x", "RUN make \\", " && cd /x" }, { 2 });
}

static ruletest::Register<DL3003Test> registered;
#include "DL3003.moc"
