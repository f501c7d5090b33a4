#pragma once
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ballast {

// What a build prints while it runs, with Cancel; then its outcome (the builder's message in red when
// it failed) and Close. Not modal: the window stays usable while the image builds.
class BuildLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit BuildLogDialog(QWidget *parent = nullptr);

    void startBuild(const QString &dockerfilePath, const QString &builder);
    void appendLine(const QString &line);
    void showSucceeded(const QString &source);
    void showFailed(const QString &message);
    void showCancelled();

    QPlainTextEdit *log() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *closeButton() const { return m_close; }

signals:
    void cancelRequested();

protected:
    void reject() override; // Esc or the title bar's close: cancels a running build first

private:
    void showFinished(const QString &html);

    QLabel *m_status;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
    QPushButton *m_close;
    bool m_running = false;
};

} // namespace ballast
