#pragma once
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ballast {

// The strip above the views that shows a load in progress (bytes, layers, time left, Cancel) or the
// message of a load that failed. The window stays usable underneath.
class LoadBanner : public QFrame {
    Q_OBJECT
public:
    explicit LoadBanner(QWidget *parent = nullptr);
    void showLoading(const QString &path);
    void showComparing(const QString &sourceA, const QString &sourceB);
    void showProgress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft);
    // While an engine saves or a registry sends `source`: what has arrived, and a busy bar.
    void showFetching(const QString &source, qint64 bytesReceived);
    QProgressBar *progressBar() const { return m_progress; }
    void showError(const QString &message);
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void cancelRequested();

private:
    void startLoading(const QString &message);

    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace ballast
