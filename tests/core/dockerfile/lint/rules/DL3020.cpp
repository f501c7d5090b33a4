// DL3020: Use COPY instead of ADD for files and folders (DL3020Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3020Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3020"); }
};

void DL3020Test::snippets_data()
{
    ruletest::columns();
    row("tar", { "ADD file.tar /usr/src/app/" }, {});
    row("gzip", { "ADD file.gz /usr/src/app/" }, {});
    row("bz2", { "ADD file.bz2 /usr/src/app/" }, {});
    row("xz", { "ADD file.xz /usr/src/app/" }, {});
    row("tgz", { "ADD file.tgz /usr/src/app/" }, {});
    row("url", { "ADD http://file.com /usr/src/app/" }, {});
    row("plain file", { "ADD file /usr/src/app/" }, { 1 });
    row("zip", { "ADD file.zip /usr/src/app/" }, { 1 });
    row("tgz quoted", { "ADD \"file.tgz\" /usr/src/app/" }, {});
    row("url quoted", { "ADD \"http://file.com\" /usr/src/app/" }, {});
    row("zip quoted", { "ADD \"file.zip\" /usr/src/app/" }, { 1 });
    row("one plain among archives", { "FROM x", "ADD a.tar b.txt /dst/" }, { 2 });
    row("exec form", { "FROM x", "ADD [\"a.txt\", \"/dst/\"]" }, { 2 });
}

static ruletest::Register<DL3020Test> registered;
#include "DL3020.moc"
