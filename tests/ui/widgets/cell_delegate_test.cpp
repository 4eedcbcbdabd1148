// SPDX-License-Identifier: GPL-3.0-or-later
#include "cell_delegate.h"

#include "table_model.h"

#include <QImage>
#include <QTableView>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fanout::ui {
namespace {

// Every cell as the style paints it (the change colours included).
class StyledCells : public CellDelegate {
public:
    using CellDelegate::CellDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        // The style's painting itself, past CellDelegate's: that is the reference.
        QStyledItemDelegate::paint(painter, option, index); // NOLINT(bugprone-parent-virtual-call)
    }
};

// Paths (long ones elided in the middle), right-aligned sizes; the second row new, the fourth
// changed, since a scan compared with.
TableContent cells() {
    const std::vector<QString> paths{
        QStringLiteral("src/app/page.tsx"),
        QStringLiteral("node_modules/@mui/icons-material/esm/AccessAlarmOutlined.js"),
        QStringLiteral("node_modules/lucide-react/dist/esm/lucide-react.js"),
        QStringLiteral("src/components/Button.tsx"), QString()};
    TableContent content;
    content.rows = static_cast<int>(paths.size());
    content.columns.push_back(textColumn(QStringLiteral("Module"), [paths](int row) -> QVariant {
        return paths[static_cast<std::size_t>(row)];
    }));
    content.columns.push_back(
        bytesColumn(QStringLiteral("Bytes"), [](int row) { return 1000ULL << (row * 7); }));
    content.changeOfRow = [](int row) {
        return row == 1 ? RowChange::Added : row == 3 ? RowChange::Changed : RowChange::None;
    };
    return content;
}

// Where two pictures first differ ("" when alike).
std::string difference(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) {
        return "sizes differ";
    }
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                return "first at x " + std::to_string(x) + ", y " + std::to_string(y);
            }
        }
    }
    return {};
}

QImage shown(QTableView& view, QStyledItemDelegate* delegate) {
    view.setItemDelegate(delegate);
    return view.viewport()->grab().toImage();
}

// The cells it paints itself look exactly as the style paints them: backgrounds, change colours,
// text placed and elided alike; a selected, focused row is left to the style.
TEST(CellDelegate, PaintsPlainCellsExactlyAsTheStyleDoes) {
    TableModel model;
    model.setContent(cells());
    QTableView view;
    view.setModel(&model);
    view.setAlternatingRowColors(true);
    view.setWordWrap(false);
    view.setTextElideMode(Qt::ElideMiddle);
    view.resize(420, 240);
    view.setColumnWidth(0, 220); // the long paths elided
    view.show();
    CellDelegate own;
    StyledCells styled;
    const auto expected = shown(view, &styled);
    EXPECT_EQ(difference(shown(view, &own), expected), "");

    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.direction = Qt::LeftToRight;
    EXPECT_TRUE(CellDelegate::paintsItself(option));
    option.text = QStringLiteral("two\nlines");
    EXPECT_FALSE(CellDelegate::paintsItself(option));
    option.text.clear();
    option.state |= QStyle::State_Selected;
    EXPECT_FALSE(CellDelegate::paintsItself(option));

    view.setCurrentIndex(model.index(1, 0));
    view.selectRow(1);
    const auto selected = shown(view, &styled);
    EXPECT_NE(difference(selected, expected), "");
    EXPECT_EQ(difference(shown(view, &own), selected), "");
    view.setItemDelegate(nullptr);
}

} // namespace
} // namespace fanout::ui
