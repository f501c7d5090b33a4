// DL3007: Using latest is prone to errors (DL3007Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL3007Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3007"); }
};

void DL3007Test::snippets_data()
{
    ruletest::columns();
    row("explicit latest", { "FROM debian:latest" }, { 1 });
    row("explicit latest with name", { "FROM debian:latest AS builder" }, { 1 });
    row("tagged", { "FROM debian:jessie" }, {});
    row("digest",
        { "FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb" }, {});
    row("tagged with name", { "FROM debian:jessie AS builder" }, {});
    row("no tag is DL3006, not this", { "FROM debian" }, {});
    row("registry port", { "FROM localhost:5000/debian" }, {});
    row("second stage", { "FROM debian:12 AS a", "FROM alpine:latest" }, { 2 });
}

static ruletest::Register<DL3007Test> registered;
#include "DL3007.moc"
