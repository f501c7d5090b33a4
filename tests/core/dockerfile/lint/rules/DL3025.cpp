// DL3025: Use JSON notation for CMD and ENTRYPOINT (DL3025Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3025Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3025"); }
};

void DL3025Test::snippets_data()
{
    ruletest::columns();
    row("entrypoint shell form", { "FROM node as foo", "ENTRYPOINT something" }, { 2 });
    row("entrypoint json", { "FROM scratch as build", "ENTRYPOINT [\"foo\", \"bar\"]" }, {});
    row("cmd shell form", { "FROM node as foo", "CMD something" }, { 2 });
    row("cmd json", { "FROM scratch as build", "CMD [\"foo\", \"bar\"]", "CMD [ \"foo\", \"bar\" ]" }, {});
    row("invalid json is shell form", { "FROM x", "CMD ['a']" }, { 2 });
}

static ruletest::Register<DL3025Test> registered;
#include "DL3025.moc"
