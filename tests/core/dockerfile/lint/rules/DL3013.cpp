// DL3013: Pin versions in pip (DL3013Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3013Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3013"); }
};

void DL3013Test::snippets_data()
{
    ruletest::columns();
    row("pip2", { "RUN pip2 install MySQL_python" }, { 1 });
    row("pip3", { "RUN pip3 install MySQL_python" }, { 1 });
    row("pip3 pinned", { "RUN pip3 install MySQL_python==1.2.2" }, {});
    row("wheel", { "RUN pip3 install mypkg.whl" }, {});
    row("sdist", { "RUN pip3 install mypkg.tar.gz" }, {});
    row("requirements", { "RUN pip install -r requirements.txt" }, {});
    row("requirements long", { "RUN pip install --requirement requirements.txt" }, {});
    row("setup.py", { "RUN pip install ." }, {});
    row("pip", { "RUN pip install MySQL_python" }, { 1 });
    row("~=", { "RUN pip install MySQL_python~=1.2.2" }, {});
    row("===", { "RUN pip install MySQL_python===1.2.2" }, {});
    row("--ignore-installed", { "RUN pip install --ignore-installed MySQL_python==1.2.2" }, {});
    row("--build", { "RUN pip3 install --build /opt/yamllint yamllint==1.20.0" }, {});
    row("--prefix", { "RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0" }, {});
    row("--target", { "RUN pip3 install --target /opt/yamllint yamllint==1.20.0" }, {});
    row("--trusted-host", { "RUN pip3 install --trusted-host host example==1.2.2" }, {});
    row("python -m pinned", { "RUN python -m pip install example==1.2.2" }, {});
    row("python -m", { "RUN python -m pip install example" }, { 1 });
    row("vcs with ref", { "RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext" }, {});
    row("vcs without ref", { "RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext" }, { 1 });
    row("lower bound", { "RUN pip install 'alabaster>=0.7'" }, {});
    row("upper bound", { "RUN pip install 'alabaster<0.7'" }, {});
    row("excluded version", { "RUN pip install 'alabaster!=0.7'" }, {});
    row("--user", { "RUN pip install MySQL_python==1.2.2 --user" }, {});
    row("--index-url", { "RUN pip install --index-url https://eg.com/foo foobar==1.0.0" }, {});
    row("--extra-index-url",
        { "RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0" }, {});
    row("--constraint", { "RUN pip install pykafka --constraint http://foo.bar.baz" }, {});
    row("-c", { "RUN pip install pykafka -c http://foo.bar.baz" }, {});
    row("onbuild", { "FROM x", "ONBUILD RUN pip install flask" }, { 2 });
}

static ruletest::Register<DL3013Test> registered;
#include "DL3013.moc"
