#pragma once
// hadolint's way of testing a rule, one file per rule: Dockerfile snippets that must and must not
// trigger it, here with the lines it must fire on (empty: it must not fire). All rule files build into
// one test program (main.cpp runs every registered class), so adding a rule adds no executable.
#include "DockerfileTestSupport.h"

#include <QTest>
#include <functional>
#include <memory>
#include <vector>

namespace ruletest {

inline std::vector<std::function<std::unique_ptr<QObject>()>> &registry()
{
    static std::vector<std::function<std::unique_ptr<QObject>()>> tests;
    return tests;
}

template <typename T> struct Register {
    Register()
    {
        registry().push_back([] { return std::make_unique<T>(); });
    }
};

inline void columns()
{
    QTest::addColumn<QString>("dockerfile");
    QTest::addColumn<QList<int>>("lines");
}

// A snippet and the lines the rule fires on.
inline void row(const char *name, const QStringList &dockerfile, const QList<int> &lines)
{
    QTest::newRow(name) << dftest::lines(dockerfile) << lines;
}

inline void check(const char *rule)
{
    QFETCH(QString, dockerfile);
    QFETCH(QList<int>, lines);
    QCOMPARE(dftest::ruleLines(QString::fromLatin1(rule), dockerfile), lines);
}

} // namespace ruletest
