#pragma once
#include <QWidget>

class QListWidget;
class QPushButton;

namespace ballast {

// What a window without an image shows: how to open one, the recent files and the bundled sample.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);
    void setRecentFiles(const QStringList &files);
    void setSamplePath(const QString &path);
    QPushButton *sampleButton() const { return m_sample; }

signals:
    void openRequested();
    void openPathRequested(const QString &path);

private:
    QListWidget *m_recent;
    QPushButton *m_sample;
    QString m_samplePath;
};

} // namespace ballast
