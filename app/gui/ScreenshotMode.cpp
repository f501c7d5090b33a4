#include "ScreenshotMode.h"

#include "MainWindow.h"
#include "session/ImageSession.h"

#include <QCoreApplication>
#include <QTimer>
#include <utility>

ScreenshotMode::ScreenshotMode(ballast::MainWindow *window, const QString &pngPath)
    : QObject(window)
    , m_window(window)
    , m_path(pngPath)
{
    using ballast::ImageSession;
    ImageSession *session = window->session();
    session->setChooser({});
    connect(session, &ImageSession::loadFailed, this, [this] { m_failed = true; });
    connect(session, &ImageSession::compareFailed, this, [this] { m_failed = true; });
    // The window settles only after the session's idle, once its views drew what the session holds.
    connect(window, &ballast::MainWindow::viewsSettled, this, &ScreenshotMode::shoot);
}

void ScreenshotMode::shootWithoutImage()
{
    shoot();
}

void ScreenshotMode::shoot()
{
    if (std::exchange(m_shot, true))
        return;
    // Let the views lay out and paint the new data first.
    QTimer::singleShot(300, this, [this] {
        const bool saved = m_window->grab().save(m_path, "PNG");
        QCoreApplication::exit(saved && !m_failed ? 0 : 1);
    });
}
