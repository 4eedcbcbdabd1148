// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace fanout::ui {

// Paints the cells of the result tables. Rows that changed since the scan compared with get their
// colour (changeColor). A plain cell (one line of text only, neither selected, focused nor
// edited, left to right) is painted here, as the style paints it: its background, then its text
// elided in the same place; the style laid each text out twice, for two thirds of a table's repaint
// (a watch update of 100,000 modules repaints the visible rows on the GUI thread). Other cells are
// the style's.
class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // Whether a cell whose option is `option` (initialised for its index) is painted here.
    static bool paintsItself(const QStyleOptionViewItem& option);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace fanout::ui
