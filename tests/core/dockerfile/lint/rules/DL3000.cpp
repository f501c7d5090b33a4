// DL3000: Use absolute WORKDIR (hadolint test/Hadolint/Rule/DL3000Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3000Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3000"); }
};

void DL3000Test::snippets_data()
{
    ruletest::columns();
    row("workdir relative", { "WORKDIR relative/dir" }, { 1 });
    row("workdir absolute", { "WORKDIR /usr/local" }, {});
    row("workdir variable", { "WORKDIR ${work}" }, {});
    row("relative in single quotes", { "WORKDIR 'relative/dir'" }, { 1 });
    row("absolute in single quotes", { "WORKDIR '/usr/local'" }, {});
    row("relative in double quotes", { "WORKDIR \"relative/dir\"" }, { 1 });
    row("absolute in double quotes", { "WORKDIR \"/usr/local\"" }, {});
    row("variable in double quotes", { "WORKDIR \"${dir}\"" }, {});
    row("windows", { "WORKDIR C:/" }, {});
    row("windows quoted", { "WORKDIR \"C:/\"" }, {});
    row("line of the WORKDIR", { "FROM x", "RUN a", "WORKDIR app" }, { 3 });
}

static ruletest::Register<DL3000Test> registered;
#include "DL3000.moc"
