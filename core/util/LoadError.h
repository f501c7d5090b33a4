#pragma once
#include "util/ImageChoice.h"

#include <QString>
#include <stdexcept>

namespace ballast {

// Every failure of the core carries a message that names the file, the entry and what was wrong.
// `choices` is filled when the input is fine but ambiguous (several images or platforms) so that
// callers can offer them to the user and load again with the one chosen.
class LoadError : public std::runtime_error {
public:
    explicit LoadError(const QString &message, QList<ImageChoice> choices = {})
        : std::runtime_error(message.toStdString())
        , m_message(message)
        , m_choices(std::move(choices))
    { }
    QString message() const { return m_message; }
    const QList<ImageChoice> &choices() const { return m_choices; }

private:
    QString m_message;
    QList<ImageChoice> m_choices;
};

class LoadCancelled : public std::runtime_error {
public:
    LoadCancelled()
        : std::runtime_error("loading was cancelled")
    { }
};

} // namespace ballast
