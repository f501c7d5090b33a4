// DL3008: Pin versions in apt-get install (DL3008Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3008Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3008"); }
};

void DL3008Test::snippets_data()
{
    ruletest::columns();
    row("not pinned", { "RUN apt-get update && apt-get install python" }, { 1 });
    row("pinned, chained",
        { "RUN apt-get update \\", " && apt-get -yqq --no-install-recommends install nodejs=0.10 \\",
            " && rm -rf /var/lib/apt/lists/*" },
        {});
    row("pinned regression",
        { "RUN apt-get update && apt-get install --no-install-recommends -y \\", "python-demjson=2.2.2* \\",
            "wget=1.16.1* \\", "git=1:2.5.0* \\", "ruby=1:2.1.*" },
        {});
    row("version", { "RUN apt-get install -y python=1.2.2" }, {});
    row("deb file", { "RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb" }, {});
    row("pinned after flags", { "RUN apt-get -y --no-install-recommends install nodejs=0.10" }, {});
    row("target release",
        { "RUN set -e &&\\",
            " echo \"deb http://http.debian.net/debian jessie-backports main\" > "
            "/etc/apt/sources.list.d/jessie-backports.list &&\\",
            " apt-get update &&\\",
            " apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\",
            " rm -rf /var/lib/apt/lists/*" },
        {});
    row("one of two unpinned", { "FROM x", "RUN apt-get install -y curl=7.88 wget" }, { 2 });
    row("onbuild", { "FROM x", "ONBUILD RUN apt-get install python" }, { 2 });
}

static ruletest::Register<DL3008Test> registered;
#include "DL3008.moc"
