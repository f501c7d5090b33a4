#pragma once
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ballast {

// One image an archive holds when it holds several (tags, platforms): what a loader that cannot pick
// on its own offers, so that the caller can ask the person and load again with a selection.
struct ImageChoice {
    QStringList tags; // every tag of the image; empty when it has none
    QString platform; // "os/arch[/variant]", empty when unknown

    // "name:tag, other:tag [os/arch]", how errors and lists name the image.
    QString text() const
    {
        const QString name = tags.isEmpty() ? QStringLiteral("(untagged)") : tags.join(QStringLiteral(", "));
        return platform.isEmpty() ? name : name + QStringLiteral(" [") + platform + QLatin1Char(']');
    }
};

inline QStringList choiceTexts(const QList<ImageChoice> &choices)
{
    QStringList texts;
    for (const ImageChoice &choice : choices)
        texts << choice.text();
    return texts;
}

} // namespace ballast

Q_DECLARE_METATYPE(ballast::ImageChoice)
