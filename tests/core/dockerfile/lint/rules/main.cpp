// Runs every rule's test class (each rule file registers its own).
#include "RuleTestSupport.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    for (const auto &make : ruletest::registry()) {
        const auto test = make();
        failed += QTest::qExec(test.get(), argc, argv) != 0 ? 1 : 0;
    }
    return failed;
}
