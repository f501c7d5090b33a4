// DL4000: MAINTAINER is deprecated (DL4000Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL4000Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL4000"); }
};

void DL4000Test::snippets_data()
{
    ruletest::columns();
    row("maintainer", { "FROM busybox", "MAINTAINER hudu@mail.com" }, { 2 });
    row("label instead", { "FROM busybox", "LABEL maintainer=\"hudu@mail.com\"" }, {});
}

static ruletest::Register<DL4000Test> registered;
#include "DL4000.moc"
