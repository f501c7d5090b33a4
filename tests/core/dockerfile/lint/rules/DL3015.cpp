// DL3015: Avoid additional packages with --no-install-recommends (DL3015Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3015Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3015"); }
};

void DL3015Test::snippets_data()
{
    ruletest::columns();
    row("with the flag", { "RUN apt-get install --no-install-recommends python" }, {});
    row("without", { "RUN apt-get install python" }, { 1 });
    row("without, -y", { "RUN apt-get -y install python" }, { 1 });
    row("via option", { "RUN apt-get -o APT::Install-Recommends=false install python" }, {});
    row("update only", { "RUN apt-get update" }, {});
    row("second line of a chain", { "FROM x", "RUN apt-get update \\", " && apt-get install -y curl" }, { 2 });
    row("onbuild", { "FROM x", "ONBUILD RUN apt-get install python" }, { 2 });
}

static ruletest::Register<DL3015Test> registered;
#include "DL3015.moc"
