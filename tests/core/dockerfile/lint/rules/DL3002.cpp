// DL3002: Last USER should not be root (DL3002Spec.hs): per stage, the last USER.
#include "RuleTestSupport.h"

using ruletest::row;

class DL3002Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3002"); }
};

void DL3002Test::snippets_data()
{
    ruletest::columns();
    row("last user root", { "FROM scratch", "USER root" }, { 2 });
    row("no root", { "FROM scratch", "USER foo" }, {});
    row("root uid", { "FROM scratch", "USER 0" }, { 2 });
    row("root:root", { "FROM scratch", "USER root:root" }, { 2 });
    row("uid:gid", { "FROM scratch", "USER 0:0" }, { 2 });
    row("switch back to non-root", { "FROM scratch", "USER root", "RUN something", "USER foo" }, {});
    row("transitive root user",
        { "FROM debian as base", "USER root", "RUN something", "FROM base", "RUN something else" }, { 2 });
    row("several stages",
        { "FROM debian as base", "USER root", "RUN something", "FROM scratch", "USER foo", "RUN something else" },
        { 2 });
    row("switching in several stages",
        { "FROM debian as base", "USER root", "RUN something", "USER foo", "FROM scratch", "RUN something else" }, {});
    row("no USER at all", { "FROM debian", "RUN a" }, {});
    row("rootless is not root", { "FROM debian", "USER rootless" }, {});
}

static ruletest::Register<DL3002Test> registered;
#include "DL3002.moc"
