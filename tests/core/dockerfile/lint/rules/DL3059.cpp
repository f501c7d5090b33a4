// DL3059: Multiple consecutive RUN instructions (DL3059Spec.hs): not when either RUN chains commands.
#include "RuleTestSupport.h"

using ruletest::row;

class DL3059Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3059"); }
};

void DL3059Test::snippets_data()
{
    ruletest::columns();
    row("no RUN", { "FROM debian:10" }, {});
    row("one RUN", { "RUN /foo.sh" }, {});
    row("not consecutive", { "RUN /foo.sh", "WORKDIR /", "RUN /bar.sh" }, {});
    row("two in a row", { "RUN /foo.sh", "RUN /bar.sh" }, { 2 });
    row("a comment between", { "RUN /foo.sh", "# a comment", "RUN /bar.sh" }, { 3 });
    row("two comments between", { "RUN /foo.sh", "# a comment", "# another comment", "RUN /bar.sh" }, { 4 });
    row("one RUN after a comment", { "# a comment", "RUN /foo.sh" }, {});
    row("different flags 1", { "RUN --mount=type=secret,id=foo /foo.sh", "RUN /bar.sh" }, {});
    row("different flags 2", { "RUN --mount=type=secret,id=foo /foo.sh", "RUN --mount=type=secret,id=bar /bar.sh" },
        {});
    row("same flags", { "RUN --mount=type=secret,id=foo /foo.sh", "RUN --mount=type=secret,id=foo /bar.sh" }, { 2 });
    row("chained first &&", { "RUN foo && bar", "RUN foobar" }, {});
    row("chained first ;", { "RUN foo; bar", "RUN foobar" }, {});
    row("chained second &&", { "RUN foobar", "RUN foo && bar" }, {});
    row("chained second ;", { "RUN foobar", "RUN foo; bar" }, {});
    row("both chained", { "RUN foo && bar", "RUN foo; bar" }, {});
    row("single commands after a chain", { "RUN foo && bar", "RUN foo", "RUN bar" }, { 3 });
    row("three single commands", { "FROM x", "RUN a", "RUN b", "RUN c" }, { 3, 4 });
    row("blank line between", { "FROM x", "RUN a", "", "RUN b" }, { 4 });
    row("a new stage resets", { "FROM x", "RUN a", "FROM y", "RUN b" }, {});
}

static ruletest::Register<DL3059Test> registered;
#include "DL3059.moc"
