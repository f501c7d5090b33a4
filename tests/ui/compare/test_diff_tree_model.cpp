// DiffTreeModel (a LazyTreeModel) under Qt's model tester, on the compare pair whose differences are
// known by construction (ComparePair.h): which rows each status filter shows, in which order, and
// that every shown node's index leads back to it.
#include "ComparePair.h"
#include "ImageLoader.h"
#include "compare/DiffTreeModel.h"

#include <QAbstractItemModelTester>

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace ballast;

namespace {

constexpr uint8_t bit(DiffStatus status)
{
    return uint8_t(1u << unsigned(status));
}

// Every row, depth first, as "path" (the tooltip without its leading '/'), checking on the way that
// each row's node finds its way back to the same index.
QStringList rowsOf(const DiffTreeModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (model.indexOfNode(model.nodeAt(index)) != index)
            return { QStringLiteral("index of node %1 does not lead back").arg(model.nodeAt(index)) };
        out << model.data(index, Qt::ToolTipRole).toString().mid(1);
        out << rowsOf(model, index);
    }
    return out;
}

} // namespace

class TestDiffTreeModel : public QObject {
    Q_OBJECT
private slots:
    void rowsFollowTheStatusFilter()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const comparepair::Paths paths = comparepair::write(dir.path());
        auto diff = std::make_shared<const ImageDiff>(
            ImageDiff::compute(ImageLoader().load(paths.before), ImageLoader().load(paths.after)));

        DiffTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        model.setDiff(diff);
        // By default the changed paths and the directories that hold them; largest |delta| first:
        // var −3000 B (apt lists removed), usr +500 B (the longer copyright), app +12 B (.env).
        const QStringList changed { QStringLiteral("var"), QStringLiteral("var/lib"), QStringLiteral("var/lib/apt"),
            QStringLiteral("var/lib/apt/lists"), QStringLiteral("var/lib/apt/lists/deb_Packages"),
            QStringLiteral("usr"), QStringLiteral("usr/share"), QStringLiteral("usr/share/doc"),
            QStringLiteral("usr/share/doc/curl"), QStringLiteral("usr/share/doc/curl/copyright"), QStringLiteral("app"),
            QStringLiteral("app/.env"), QStringLiteral("app/data.bin") };
        QCOMPARE(rowsOf(model), changed);
        // etc is the same on both sides: hidden, so it has no index.
        const auto &top = diff->childrenOf[MergedTree::Root];
        const auto etc = std::find_if(top.begin(), top.end(), [&](auto node) { return diff->name(node) == "etc"; });
        QVERIFY(etc != top.end());
        QVERIFY(!model.indexOfNode(*etc).isValid());

        // Only what was added: .env and the directory holding it.
        model.setShownStatuses(bit(DiffStatus::Added));
        QCOMPARE(rowsOf(model), (QStringList { QStringLiteral("app"), QStringLiteral("app/.env") }));

        // Everything: the unchanged paths join after those that moved (ties keep name order).
        model.setShownStatuses(
            bit(DiffStatus::Added) | bit(DiffStatus::Removed) | bit(DiffStatus::Modified) | bit(DiffStatus::Unchanged));
        const QStringList all { QStringLiteral("var"), QStringLiteral("var/lib"), QStringLiteral("var/lib/apt"),
            QStringLiteral("var/lib/apt/lists"), QStringLiteral("var/lib/apt/lists/deb_Packages"),
            QStringLiteral("usr"), QStringLiteral("usr/share"), QStringLiteral("usr/share/doc"),
            QStringLiteral("usr/share/doc/curl"), QStringLiteral("usr/share/doc/curl/copyright"),
            QStringLiteral("usr/bin"), QStringLiteral("usr/bin/curl"), QStringLiteral("app"),
            QStringLiteral("app/.env"), QStringLiteral("app/data.bin"), QStringLiteral("bin"), QStringLiteral("bin/sh"),
            QStringLiteral("etc"), QStringLiteral("etc/hostname") };
        QCOMPARE(rowsOf(model), all);
        QVERIFY(model.indexOfNode(*etc).isValid());

        model.setDiff(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexOfNode(1).isValid());
    }
};

QTEST_MAIN(TestDiffTreeModel)
#include "test_diff_tree_model.moc"
