#include "CreatedBy.h"

#include <QRegularExpression>

namespace ballast {

QString cleanCreatedBy(const QString &createdBy)
{
    static const QRegularExpression buildArgs(QStringLiteral("^\\|\\d+(?: [^ =]+=[^ ]*)* "));
    static const QRegularExpression nop(QStringLiteral("^/bin/sh -c #\\(nop\\) +"));
    static const QRegularExpression shell(QStringLiteral("^/bin/sh -c "));
    QString text = createdBy.trimmed();
    bool run = false;
    if (text.startsWith(QLatin1String("RUN "))) { // BuildKit: `RUN |2 A=1 B=2 /bin/sh -c …`
        text = text.mid(4);
        run = true;
    }
    text.remove(buildArgs);
    if (nop.match(text).hasMatch()) {
        text.remove(nop);
    } else if (shell.match(text).hasMatch()) {
        text.remove(shell);
        run = true;
    }
    if (text.endsWith(QLatin1String(" # buildkit")))
        text.chop(11);
    text = text.trimmed();
    return run ? QStringLiteral("RUN ") + text : text;
}

} // namespace ballast
