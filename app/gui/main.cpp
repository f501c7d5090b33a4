// `ballast [IMAGE] [--tag T] [--platform P] [--view layers|treemap|dockerfile|findings] [--screenshot FILE.png]`
#include "MainWindow.h"
#include "ScreenshotMode.h"
#include "Theme.h"
#include "View.h"
#include "help/AboutDialog.h"
#include "session/ImageSession.h"
#include "util/Logging.h"
#include "util/Utf8Locale.h"
#include "util/Versions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <cstdio>

int main(int argc, char *argv[])
{
    ballast::selectUtf8Locale(); // before Qt reads the locale
    ballast::installLogMessagePattern();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Ballast"));
    QApplication::setOrganizationName(QStringLiteral("Ballast"));
    QApplication::setApplicationVersion(ballast::ballastVersion());
    QApplication::setDesktopFileName(QStringLiteral("dev.ballast.Ballast"));
    QApplication::setWindowIcon(ballast::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("See what makes a container image heavy, and how to make it lighter."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("IMAGE"), QStringLiteral("Image archive or OCI layout directory to open."));
    parser.addPositionalArgument(QStringLiteral("[IMAGE_B]"), QStringLiteral("A second image: compare the two."));
    QCommandLineOption tag(
        QStringLiteral("tag"), QStringLiteral("Image to pick from a multi-image archive."), QStringLiteral("T"));
    QCommandLineOption platform(
        QStringLiteral("platform"), QStringLiteral("Platform to pick, e.g. linux/arm64."), QStringLiteral("OS/ARCH"));
    QCommandLineOption view(QStringLiteral("view"),
        QStringLiteral("View to show: layers, treemap, dockerfile, findings, or compare (with two images)."),
        QStringLiteral("VIEW"), QStringLiteral("layers"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Draw the window at 1600x1000, save it as PNG and exit."), QStringLiteral("FILE"));
    QCommandLineOption theme(
        QStringLiteral("theme"), QStringLiteral("system, light or dark."), QStringLiteral("THEME"));
    QCommandLineOption layer(QStringLiteral("layer"),
        QStringLiteral("Layer to select once loaded (default: the last)."), QStringLiteral("N"));
    QCommandLineOption mode(
        QStringLiteral("mode"), QStringLiteral("File tree mode: aggregated or changes."), QStringLiteral("MODE"));
    QCommandLineOption dockerfile(
        QStringLiteral("dockerfile"), QStringLiteral("The Dockerfile that built the image."), QStringLiteral("FILE"));
    parser.addOptions({ tag, platform, view, screenshot, theme, layer, mode, dockerfile });
    parser.process(app);
    const std::optional<ballast::View> shownView = ballast::viewNamed(parser.value(view));
    if (!shownView) {
        std::fprintf(stderr, "ballast: unknown view \"%s\" for --view; the views are: %s\n",
            qPrintable(parser.value(view)), qPrintable(ballast::viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    ballast::Theme chosen
        = ballast::Theme(QSettings().value(QStringLiteral("theme"), int(ballast::Theme::System)).toInt());
    if (parser.isSet(theme))
        chosen = parser.value(theme) == QLatin1String("dark") ? ballast::Theme::Dark
            : parser.value(theme) == QLatin1String("light")   ? ballast::Theme::Light
                                                              : ballast::Theme::System;
    ballast::applyTheme(chosen);

    ballast::MainWindow window;
    ScreenshotMode *screenshotMode = nullptr;
    if (parser.isSet(screenshot)) {
        screenshotMode = new ScreenshotMode(&window, parser.value(screenshot));
        window.resize(1600, 1000);
    }
    window.show();
    if (parser.isSet(dockerfile))
        window.openDockerfile(parser.value(dockerfile));
    if (parser.isSet(view)) // else the window chooses (the Dockerfile tab when it has recovered edits)
        window.showView(*shownView);
    if (parser.isSet(mode))
        window.setTreeMode(parser.value(mode) == QLatin1String("changes") ? ballast::TreeMode::LayerChanges
                                                                          : ballast::TreeMode::Aggregated);
    if (parser.isSet(layer))
        QObject::connect(&window, &ballast::MainWindow::imageShown, &window,
            [&window, n = parser.value(layer).toInt()] { window.selectLayer(n); });
    ballast::ImageSession *session = window.session();
    const QStringList images = parser.positionalArguments();
    if (images.size() >= 2) {
        session->compare(images[0], images[1]);
    } else if (!images.isEmpty()) {
        ballast::LoadOptions options;
        options.selection.tag = parser.value(tag);
        options.selection.platform = parser.value(platform);
        session->open(images.first(), options);
    } else if (screenshotMode) {
        screenshotMode->shootWithoutImage();
    }
    return QApplication::exec();
}
