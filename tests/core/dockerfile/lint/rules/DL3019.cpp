// DL3019: Use apk add --no-cache (DL3019Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3019Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3019"); }
};

void DL3019Test::snippets_data()
{
    ruletest::columns();
    row("without --no-cache", { "RUN apk add flex=2.6.4-r1" }, { 1 });
    row("with --no-cache", { "RUN apk add --no-cache flex=2.6.4-r1" }, {});
    row("cache mount", { "RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0" }, {});
    row("cache mount elsewhere, --no-cache",
        { "RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0" }, {});
    row("cache mount elsewhere", { "RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0" }, { 1 });
    row("onbuild", { "FROM x", "ONBUILD RUN apk add flex=2.6.4-r1" }, { 2 });
}

static ruletest::Register<DL3019Test> registered;
#include "DL3019.moc"
