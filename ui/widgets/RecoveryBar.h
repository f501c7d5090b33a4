#pragma once
#include <QFrame>

class QLabel;
class QPushButton;

namespace ballast {

// The strip at the top of the Dockerfile pane that offers edits recovered from a session that ended
// without saving them: Restore, Discard, or Later (keep them, ask again next time).
class RecoveryBar : public QFrame {
    Q_OBJECT
public:
    explicit RecoveryBar(QWidget *parent = nullptr);
    void showMessage(const QString &html);
    QLabel *messageLabel() const { return m_message; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *laterButton() const { return m_later; }

signals:
    void restoreClicked();
    void discardClicked();
    void laterClicked();

private:
    QLabel *m_message;
    QPushButton *m_restore;
    QPushButton *m_discard;
    QPushButton *m_later;
};

} // namespace ballast
