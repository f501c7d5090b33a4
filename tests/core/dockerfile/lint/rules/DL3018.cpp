// DL3018: Pin versions in apk add (DL3018Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3018Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3018"); }
};

void DL3018Test::snippets_data()
{
    ruletest::columns();
    row("not pinned", { "RUN apk add flex" }, { 1 });
    row("pinned", { "RUN apk add flex=2.6.4-r1" }, {});
    row("tilde", { "RUN apk add --no-cache git~2.52.0" }, {});
    row("pinned, chained", { "RUN apk add --no-cache flex=2.6.4-r1 \\", " && pip install -r requirements.txt" }, {});
    row("regression",
        { "RUN apk add --no-cache \\", "flex=2.6.4-r1 \\", "libffi=3.2.1-r3 \\", "python2=2.7.13-r1 \\",
            "libbz2=1.0.6-r5" },
        {});
    row("one missed",
        { "RUN apk add --no-cache \\", "flex=2.6.4-r1 \\", "libffi \\", "python2=2.7.13-r1 \\", "libbz2=1.0.6-r5" },
        { 1 });
    row("virtual package",
        { "RUN apk add \\", "--virtual build-dependencies \\", "python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\",
            "&& pip install -r requirements.txt \\", "&& python setup.py install \\", "&& apk del build-dependencies" },
        {});
    row("repository",
        { "RUN apk add --no-cache \\", "--repository https://nl.alpinelinux.org/alpine/edge/testing \\",
            "flow=0.78.0-r0" },
        {});
    row("repository with =",
        { "RUN apk add --no-cache \\", "--repository=https://nl.alpinelinux.org/alpine/edge/testing \\",
            "flow=0.78.0-r0" },
        {});
    row("-X", { "RUN apk add --no-cache \\", "-X https://nl.alpinelinux.org/alpine/edge/testing \\", "flow=0.78.0-r0" },
        {});
    row(".apk file", { "RUN apk add mypackage-1.1.1.apk" }, {});
    row("onbuild", { "FROM x", "ONBUILD RUN apk add flex" }, { 2 });
}

static ruletest::Register<DL3018Test> registered;
#include "DL3018.moc"
