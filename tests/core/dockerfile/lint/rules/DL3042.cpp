// DL3042: Avoid the pip cache directory (DL3042Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3042Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3042"); }
};

void DL3042Test::snippets_data()
{
    ruletest::columns();
    row("pip2", { "RUN pip2 install MySQL_python" }, { 1 });
    row("pip3", { "RUN pip3 install MySQL_python" }, { 1 });
    row("pip", { "RUN pip install MySQL_python" }, { 1 });
    row("pip2 with", { "RUN pip2 install MySQL_python --no-cache-dir" }, {});
    row("pip3 with", { "RUN pip3 install --no-cache-dir MySQL_python" }, {});
    row("pipx", { "RUN pipx install software" }, {});
    row("pipenv", { "RUN pipenv install library" }, {});
    row("ENV truthy 1", { "ENV PIP_NO_CACHE_DIR=1", "RUN pip install MySQL_python" }, {});
    row("ENV truthy on", { "ENV PIP_NO_CACHE_DIR=on", "RUN pip install MySQL_python" }, {});
    row("ENV truthy yes", { "ENV PIP_NO_CACHE_DIR=yes", "RUN pip install MySQL_python" }, {});
    row("ENV truthy true", { "ENV PIP_NO_CACHE_DIR=true", "RUN pip install MySQL_python" }, {});
    row("RUN prefix truthy", { "RUN PIP_NO_CACHE_DIR=1 pip install MySQL_python" }, {});
    row("RUN export truthy", { "RUN export PIP_NO_CACHE_DIR=yes && pip install MySQL_python" }, {});
    row("ENV falsy 0", { "ENV PIP_NO_CACHE_DIR=0", "RUN pip install MySQL_python" }, { 2 });
    row("ENV falsy off", { "ENV PIP_NO_CACHE_DIR=off", "RUN pip install MySQL_python" }, { 2 });
    row("RUN prefix falsy", { "RUN PIP_NO_CACHE_DIR=false pip install MySQL_python" }, { 1 });
    row("RUN export falsy", { "RUN export PIP_NO_CACHE_DIR=no && pip install MySQL_python" }, { 1 });
    row("inherited", { "FROM debian:buster as base", "ENV PIP_NO_CACHE_DIR=1", "FROM base", "RUN pip install six" },
        {});
    row("not inherited",
        { "FROM debian:buster as base", "ENV PIP_NO_CACHE_DIR=1", "FROM debian:buster", "RUN pip install six" }, { 4 });
    row("onbuild", { "FROM x", "ONBUILD RUN pip install six" }, { 2 });
}

static ruletest::Register<DL3042Test> registered;
#include "DL3042.moc"
