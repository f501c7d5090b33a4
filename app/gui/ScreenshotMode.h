#pragma once
#include <QObject>
#include <QString>

namespace ballast {
class MainWindow;
}

// `ballast --screenshot FILE.png`: once what was asked for is shown (the session idle and the views
// settled), saves the window as a PNG and quits: exit code 0, or 1 when loading failed or the file
// could not be written. Unattended, so a source holding several images fails instead of asking.
class ScreenshotMode : public QObject {
    Q_OBJECT
public:
    ScreenshotMode(ballast::MainWindow *window, const QString &pngPath);
    // Nothing will be loaded: shoot the window as it first shows.
    void shootWithoutImage();

private:
    void shoot();

    ballast::MainWindow *m_window;
    QString m_path;
    bool m_failed = false;
    bool m_shot = false;
};
