// DL3009: Delete the apt-get lists after installing something (DL3009Spec.hs): only in stages that ship.
#include "RuleTestSupport.h"

using ruletest::row;

class DL3009Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3009"); }
};

void DL3009Test::snippets_data()
{
    ruletest::columns();
    row("no cleanup", { "FROM scratch", "RUN apt-get update && apt-get install python" }, { 2 });
    row("stage not used later",
        { "FROM ubuntu as foo", "RUN apt-get update && apt-get install python", "FROM scratch", "RUN echo hey!" }, {});
    row("last stage",
        { "FROM ubuntu as foo", "RUN hey!", "FROM scratch", "RUN apt-get update && apt-get install python" }, { 4 });
    row("intermediate stage used later",
        { "FROM ubuntu as foo", "RUN apt-get update && apt-get install python", "FROM foo", "RUN hey!" }, { 2 });
    row("intermediate stage that cleans",
        { "FROM ubuntu as foo", "RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*",
            "FROM foo", "RUN hey!" },
        {});
    row("cleanup", { "FROM scratch", "RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*" },
        {});
    row("cache mount on the lists",
        { "RUN --mount=type=cache,target=/var/lib/apt/lists \\", "    apt-get update && apt-get install python" }, {});
    row("cache mounts on both apt dirs",
        { "RUN --mount=type=cache,target=/var/lib/apt \\", "    --mount=type=cache,target=/var/cache/apt \\",
            "    rm -f /etc/apt/apt.conf.d/docker-clean && \\", "    apt-get update && apt-get install python" },
        {});
    row("cache mount on the cache only",
        { "RUN --mount=type=cache,target=/var/cache/apt \\", "    rm -f /etc/apt/apt.conf.d/docker-clean && \\",
            "    apt-get update && apt-get install python" },
        { 1 });
    row("cache mount on /var/lib/apt only",
        { "RUN rm -f /etc/apt/apt.conf.d/docker-clean", "RUN --mount=type=cache,target=/var/lib/apt \\",
            "    apt-get update && apt-get install python" },
        { 2 });
    row("onbuild in a stage not used later",
        { "FROM ubuntu as foo", "ONBUILD RUN apt-get update && apt-get install python", "FROM scratch", "RUN hey!" },
        { 2 });
    row("no update, no finding", { "FROM x", "RUN apt-get install -y python" }, {});
}

static ruletest::Register<DL3009Test> registered;
#include "DL3009.moc"
