// DL3060: yarn cache clean missing after yarn install (DL3060Spec.hs): only in stages that ship.
#include "RuleTestSupport.h"

using ruletest::row;

class DL3060Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL3060"); }
};

void DL3060Test::snippets_data()
{
    ruletest::columns();
    row("no yarn", { "RUN foo" }, {});
    row("no cache clean", { "RUN yarn install foo" }, { 1 });
    row("cache clean", { "RUN yarn install bar && yarn cache clean" }, {});
    row("last stage", { "FROM node:lts-alpine as foo", "RUN hey!", "FROM scratch", "RUN yarn install" }, { 4 });
    row("stage used later", { "FROM node:lts-alpine as foo", "RUN yarn install", "FROM foo", "RUN hey!" }, { 2 });
    row("stage used later, cleaned",
        { "FROM node:lts-alpine as foo", "RUN yarn install && yarn cache clean", "FROM foo", "RUN hey!" }, {});
    row("stage not used later", { "FROM node:lts-alpine as foo", "RUN yarn install foo", "FROM scratch", "RUN hey!" },
        {});
    row("onbuild in a stage not used later",
        { "FROM node as foo", "ONBUILD RUN yarn install", "FROM scratch", "RUN hey!" }, { 2 });
}

static ruletest::Register<DL3060Test> registered;
#include "DL3060.moc"
