// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/output/scan_json.h"
#include "filter_proxy.h"
#include "result_tables.h"
#include "scan_controller.h"
#include "table_model.h"
#include "ui_fixtures.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace fanout::ui {
namespace {

SessionPtr scanDemo(const testing::DemoFolder& demo) {
    ScanController controller;
    QSignalSpy result(&controller, &ScanController::resultAvailable);
    controller.start(demo.root);
    EXPECT_TRUE(result.wait(60000));
    return controller.session();
}

class TableModels : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_demo = new testing::DemoFolder(300);
        s_session = new SessionPtr(scanDemo(*s_demo));
    }
    static void TearDownTestSuite() {
        delete s_session;
        delete s_demo;
    }
    static const SessionPtr& session() { return *s_session; }

private:
    static inline testing::DemoFolder* s_demo = nullptr;
    static inline SessionPtr* s_session = nullptr;
};

// A table model behind the proxy, both checked by Qt's model tester (Fatal) while they live.
struct TestedModel {
    TestedModel() { proxy.setSourceModel(&model); }
    TableModel model;
    FilterProxy proxy;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester proxyTester{&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal};
};

// Every table passes Qt's model checks, through the proxy too, and survives a content swap.
TEST_F(TableModels, EveryTablePassesTheModelTesterThroughResetsSortAndFilter) {
    const std::function<TableContent(const SessionPtr&)> builders[] = {
        hotspotTable,   directiveTable,  packageTable,
        duplicateTable, unresolvedTable, barrelImportTable};
    for (const auto& build : builders) {
        TestedModel tested;
        auto& model = tested.model;
        auto& proxy = tested.proxy;
        auto content = build(session());
        const auto rows = content.rows;
        model.setContent(std::move(content));
        EXPECT_GT(rows, 0);
        EXPECT_EQ(model.rowCount(), rows);
        proxy.sort(0, Qt::DescendingOrder);
        proxy.setFilterTextDebounced(QStringLiteral("src/"));
        proxy.applyNow();
        proxy.setFilterTextDebounced(QString());
        proxy.applyNow();
        EXPECT_EQ(proxy.rowCount(), rows);
        model.setContent(build(session()));
    }
}

// A content of the same shape (a rescan that kept the module list) updates the rows in place;
// another shape resets the model. The proxy and the model stay valid either way.
TEST_F(TableModels, SameShapeUpdatesInPlaceAndAnotherShapeResets) {
    TestedModel tested;
    auto& model = tested.model;
    auto& proxy = tested.proxy;
    EXPECT_TRUE(model.setContent(hotspotTable(session())));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto again = hotspotTable(session());
    presort(again);
    EXPECT_FALSE(model.setContent(std::move(again)));
    EXPECT_EQ(resets.count(), 0);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(),
              model.index(model.rowCount() - 1, model.columnCount() - 1));
    EXPECT_EQ(proxy.rowCount(), model.rowCount());
    // The Change column makes another shape.
    auto marked = hotspotTable(session());
    markChanges(marked, std::make_shared<const ModuleChanges>(ScanDocument{}, ScanDocument{},
                                                              QStringLiteral("x")));
    EXPECT_TRUE(model.setContent(std::move(marked)));
    EXPECT_EQ(resets.count(), 1);
    EXPECT_TRUE(model.setContent(directiveTable(session())));
    EXPECT_EQ(resets.count(), 2);
}

// One text column of `names`; row i stands for module i * 10 + the name's length.
TableContent namesContent(const std::vector<QString>& names) {
    TableContent content;
    content.rows = static_cast<int>(names.size());
    content.columns.push_back(textColumn(QStringLiteral("Name"), [names](int row) -> QVariant {
        return names[static_cast<std::size_t>(row)];
    }));
    content.moduleOfRow = [names](int row) {
        const auto index = static_cast<std::size_t>(row);
        return std::optional(
            ModuleId{static_cast<std::uint32_t>(index * 10 + names[index].size())});
    };
    return content;
}

QStringList shownNames(const FilterProxy& proxy) {
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        names << proxy.index(row, 0).data().toString();
    }
    return names;
}

// Rows updated in place are filtered again while a filter (text or module) is on; without one,
// every row stays and the proxy passes the change on to its views.
TEST(FilterProxyUpdates, RowsUpdatedInPlaceAreFilteredAgainWhileAFilterIsOn) {
    TestedModel tested;
    auto& proxy = tested.proxy;
    tested.model.setContent(namesContent({"apple", "berry", "cherry"}));
    proxy.setFilterTextDebounced(QStringLiteral("RR"));
    proxy.applyNow();
    EXPECT_EQ(shownNames(proxy), QStringList({"berry", "cherry"}));
    EXPECT_FALSE(tested.model.setContent(namesContent({"apple", "banana", "currant"})));
    EXPECT_EQ(shownNames(proxy), QStringList({"currant"}));

    proxy.setFilterTextDebounced(QString());
    proxy.applyNow();
    // Modules of an even id only: 5 (apple), 16 (banana), 27 (currant).
    proxy.setModuleFilter([](ModuleId module) { return module.value % 2 == 0; });
    EXPECT_EQ(shownNames(proxy), QStringList({"banana"}));
    EXPECT_FALSE(tested.model.setContent(namesContent({"kiwi", "banana", "currant"})));
    EXPECT_EQ(shownNames(proxy), QStringList({"kiwi", "banana"})); // 4, 16

    proxy.setModuleFilter({});
    QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    EXPECT_FALSE(tested.model.setContent(namesContent({"fig", "grape", "lime"})));
    EXPECT_EQ(shownNames(proxy), QStringList({"fig", "grape", "lime"}));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), proxy.index(0, 0));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(), proxy.index(2, 0));
    EXPECT_EQ(removed.count(), 0);
}

TEST_F(TableModels, HotspotsSortByFanOutNumericallyAndTheBarrelLeads) {
    TableModel model;
    FilterProxy proxy;
    proxy.setSourceModel(&model);
    const auto content = hotspotTable(session());
    const int column = content.defaultSortColumn;
    model.setContent(content);
    proxy.sort(column, content.defaultSortOrder);
    const auto top = proxy.index(0, 0);
    EXPECT_TRUE(top.data().toString().endsWith(QStringLiteral("lucide-mini.mjs")));
    EXPECT_EQ(proxy.index(0, column).data().toInt(), 301);
    for (int row = 1; row < 50; ++row) {
        EXPECT_GE(proxy.index(row - 1, column).data(TableModel::SortRole).toDouble(),
                  proxy.index(row, column).data(TableModel::SortRole).toDouble());
    }
    const auto module = TableModel::moduleAt(top);
    ASSERT_TRUE(module);
    EXPECT_EQ(model.rowOfModule(*module), 0); // the model itself holds the sorted order
}

// The tables a result arrives with are sorted already (on the scan thread), exactly as the
// model would sort them itself.
TEST_F(TableModels, PreparedTablesComeInTheirDefaultSort) {
    const auto tables = resultTables(session());
    const auto& hotspots = tables.hotspots;
    ASSERT_EQ(hotspots.order.size(), static_cast<std::size_t>(hotspots.rows));
    EXPECT_EQ(hotspots.order,
              sortedRows(hotspots, hotspots.defaultSortColumn, hotspots.defaultSortOrder));
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setContent(hotspots);
    const int column = hotspots.defaultSortColumn;
    EXPECT_TRUE(model.index(0, 0).data().toString().endsWith(QStringLiteral("lucide-mini.mjs")));
    for (int row = 1; row < model.rowCount(); ++row) {
        ASSERT_GE(model.index(row - 1, column).data(TableModel::SortRole).toDouble(),
                  model.index(row, column).data(TableModel::SortRole).toDouble());
    }
    model.sort(0, Qt::AscendingOrder); // and a later sort still reorders
    EXPECT_LE(model.index(0, 0).data().toString().toCaseFolded(),
              model.index(1, 0).data().toString().toCaseFolded());
}

TEST_F(TableModels, BarrelImportsComeLargestSavingFirstAndSelectTheImporter) {
    const auto content = barrelImportTable(session());
    ASSERT_EQ(content.rows, static_cast<int>(session()->barrelImports.size()));
    TableModel model;
    FilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setContent(content);
    proxy.sort(content.defaultSortColumn, content.defaultSortOrder);
    EXPECT_EQ(content.columns[static_cast<std::size_t>(content.defaultSortColumn)].title,
              QStringLiteral("Saving"));
    for (int row = 1; row < proxy.rowCount(); ++row) {
        EXPECT_GE(
            proxy.index(row - 1, content.defaultSortColumn).data(TableModel::SortRole).toDouble(),
            proxy.index(row, content.defaultSortColumn).data(TableModel::SortRole).toDouble());
    }
    const auto module = TableModel::moduleAt(proxy.index(0, 0));
    ASSERT_TRUE(module);
    EXPECT_EQ(*module, session()->barrelImports.front().importer);
    EXPECT_EQ(proxy.index(0, 0).data().toString(), modulePath(*session(), *module));
}

// The column with this title, or null.
const TableColumn* columnTitled(const TableContent& content, const QString& title) {
    const auto it = std::find_if(content.columns.begin(), content.columns.end(),
                                 [&](const TableColumn& column) { return column.title == title; });
    return it == content.columns.end() ? nullptr : &*it;
}

// The specifier as the importer wrote it: the demo's Toolbar imports "./button", which is not
// there, and its counter and home page import the "lucide-mini" barrel.
TEST_F(TableModels, SpecifierColumnsShowWhatTheImporterWrote) {
    const auto unresolved = unresolvedTable(session());
    ASSERT_EQ(unresolved.rows, 1);
    EXPECT_EQ(unresolved.columns[0].text(0).toString(),
              QStringLiteral("src/app/components/Toolbar.tsx"));
    const auto* written = columnTitled(unresolved, QStringLiteral("Specifier"));
    ASSERT_NE(written, nullptr);
    EXPECT_EQ(written->text(0).toString(), QStringLiteral("./button"));
    const auto barrels = barrelImportTable(session());
    ASSERT_GT(barrels.rows, 0);
    const auto* barrel = columnTitled(barrels, QStringLiteral("Specifier"));
    ASSERT_NE(barrel, nullptr);
    for (int row = 0; row < barrels.rows; ++row) {
        EXPECT_EQ(barrel->text(row).toString(), QStringLiteral("lucide-mini")) << row;
    }
}

TEST_F(TableModels, FilterIsDebouncedAndKeepsOnlyMatchingRows) {
    TableModel model;
    FilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setContent(hotspotTable(session()));
    const int all = proxy.rowCount();
    proxy.setFilterTextDebounced(QStringLiteral("COUNTER.tsx"));
    EXPECT_EQ(proxy.rowCount(), all); // not yet: the filter waits for typing to pause
    QSignalSpy reset(&proxy, &QAbstractItemModel::rowsRemoved);
    ASSERT_TRUE(reset.wait(2000));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data().toString(),
              QStringLiteral("src/app/components/Counter.tsx"));
}

TEST_F(TableModels, DirectivesAndDuplicatesListWhatTheDemoHolds) {
    const auto directives = directiveTable(session());
    ASSERT_EQ(directives.columns[1].title, QStringLiteral("Boundary"));
    QSet<QString> listed;
    QSet<QString> boundaries;
    QSet<QString> actions;
    for (int row = 0; row < directives.rows; ++row) {
        const auto path = directives.columns[2].text(row).toString();
        listed.insert(path);
        const auto boundary = directives.columns[1].text(row).toString();
        if (boundary == QStringLiteral("client boundary")) {
            boundaries.insert(path);
        } else if (boundary == QStringLiteral("server action")) {
            actions.insert(path);
        }
    }
    const auto& result = *session()->result;
    const auto displayed = [&](const std::vector<std::string>& paths) {
        QSet<QString> out;
        for (const auto& path : paths) {
            out.insert(QString::fromStdString(displayPath(path, result.config.root)));
        }
        return out;
    };
    const auto expected = displayed(result.clientModules) + displayed(result.serverModules);
    EXPECT_FALSE(expected.isEmpty());
    EXPECT_EQ(listed, expected);
    // The demo's worker imports "use client" components: boundaries, and its actions file.
    EXPECT_FALSE(boundaries.isEmpty());
    EXPECT_EQ(boundaries, displayed(result.clientBoundaries));
    EXPECT_EQ(actions, displayed(result.serverActions));
    const auto duplicates = duplicateTable(session());
    QStringList causes;
    for (int row = 0; row < duplicates.rows; ++row) {
        causes << duplicates.columns[2].text(row).toString();
    }
    EXPECT_TRUE(causes.contains(QStringLiteral("symlink")));
    EXPECT_TRUE(std::any_of(causes.begin(), causes.end(), [](const QString& cause) {
        return cause.startsWith(QStringLiteral("case variant"));
    }));
    const auto unresolved = unresolvedTable(session());
    EXPECT_EQ(unresolved.rows, static_cast<int>(session()->result->stats.unresolved));
}

} // namespace
} // namespace fanout::ui
