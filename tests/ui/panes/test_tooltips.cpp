// Every control a person can use in the main window explains itself: buttons, check boxes, combo
// boxes, text fields and spin boxes of every pane (the compare pane and banners included, shown or
// not) carry a tooltip. Qt's own sub-widgets (a combo box's line edit, a tab bar's scroll arrows,
// a dialog's standard OK/Cancel, a line edit's clear button, a table's corner) are left out: they are not ours to
// explain.
#include "UiTestSupport.h"

#include "settings/LoadLimitsDialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QSlider>
#include <QTabBar>

using namespace ballast;
using namespace uitest;

namespace {

bool isQtInternal(const QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return true;
    for (const QObject *parent = widget->parent(); parent; parent = parent->parent())
        if (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent)
            || qobject_cast<const QTabBar *>(parent) || qobject_cast<const QDialogButtonBox *>(parent)
            || qobject_cast<const QLineEdit *>(parent)) // its clear button
            return true;
    // A table's corner button (select all) is private to Qt and has no text to explain.
    if (widget->inherits("QTableCornerButton"))
        return true;
    return false;
}

QString describe(const QWidget *widget)
{
    QString text;
    if (auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (auto *edit = qobject_cast<const QLineEdit *>(widget))
        text = edit->placeholderText();
    else if (auto *combo = qobject_cast<const QComboBox *>(widget))
        text = combo->currentText();
    QStringList chain;
    for (const QObject *o = widget; o; o = o->parent())
        chain.prepend(QString::fromLatin1(o->metaObject()->className())
            + (o->objectName().isEmpty() ? QString() : QLatin1Char('#') + o->objectName()));
    return chain.join(QStringLiteral(" > ")) + QStringLiteral(" \"") + text + QLatin1Char('"');
}

QStringList controlsWithoutTooltip(const QWidget *root)
{
    QStringList missing;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QSlider *>(widget);
        if (control && !isQtInternal(widget) && widget->toolTip().trimmed().isEmpty())
            missing << describe(widget);
    }
    return missing;
}

} // namespace

class TestTooltips : public WindowFixture {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(setUpWindow("test_ui_tooltips")); }
    void cleanupTestCase() { tearDownWindow(); }

    void everyControlOfTheWindowHasATooltip()
    {
        QVERIFY(resetToSample());
        QVERIFY(m_window->openDockerfile(QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/Dockerfile")));
        const QStringList missing = controlsWithoutTooltip(m_window.get());
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 controls without a tooltip:\n").arg(missing.size())
                + missing.join(QLatin1Char('\n'))));
    }

    void everyControlOfTheLoadLimitsDialogHasATooltip()
    {
        LoadLimitsDialog dialog;
        const QStringList missing = controlsWithoutTooltip(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTooltips)
#include "test_tooltips.moc"
