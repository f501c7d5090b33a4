#include "ImageArguments.h"

#include <QTextStream>
#include <cstdio>

void ImageArguments::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_tag, m_platform, m_noVerify});
}

ballast::LoadOptions ImageArguments::loadOptions(const QCommandLineParser &parser) const
{
    ballast::LoadOptions options;
    options.selection.tag = parser.value(m_tag);
    options.selection.platform = parser.value(m_platform);
    options.verifyDigests = !parser.isSet(m_noVerify);
    return options;
}

int parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, int positionalCount, const char *usage)
{
    parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n" << usage << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << usage << "\n\n" << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != positionalCount + 1) {
        err << usage << "\n";
        return 2;
    }
    return -1;
}
