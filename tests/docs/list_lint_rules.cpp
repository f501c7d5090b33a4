// Prints the linter's rule table (lintRules()), one rule a line: code, severity, whether it needs the
// image. The docs test checks that the manual has an entry for each.
#include "dockerfile/lint/Lint.h"

#include <QTextStream>
#include <cstdio>

int main()
{
    QTextStream out(stdout);
    for (const ballast::LintRuleInfo &rule : ballast::lintRules())
        out << rule.code << '\t' << ballast::lintSeverityName(rule.severity) << '\t'
            << (rule.needsImage ? "image" : "text") << '\n';
    return 0;
}
