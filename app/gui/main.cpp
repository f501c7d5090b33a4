// Placeholder window until the main window lands (issue 4): it loads the image given on the command
// line with the core and shows what `ballast-cli analyze` prints.
#include "ImageLoader.h"
#include "report/AnalyzeReport.h"
#include "util/LoadError.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPlainTextEdit>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Ballast"));
    QApplication::setApplicationVersion(QStringLiteral(BALLAST_VERSION));
    QPlainTextEdit view;
    view.setReadOnly(true);
    view.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view.resize(1100, 600);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) {
        view.setPlainText(QStringLiteral("Ballast %1\n\nusage: ballast IMAGE").arg(QStringLiteral(BALLAST_VERSION)));
    } else {
        view.setWindowTitle(QStringLiteral("Ballast — %1").arg(arguments.at(1)));
        try {
            auto image = ballast::ImageLoader().load(arguments.at(1));
            view.setPlainText(ballast::analyzeText(*image, ballast::analyzeImage(*image)));
        } catch (const ballast::LoadError &error) {
            view.setPlainText(QStringLiteral("Could not open the image:\n\n%1").arg(error.message()));
        }
    }
    view.show();
    return QApplication::exec();
}
