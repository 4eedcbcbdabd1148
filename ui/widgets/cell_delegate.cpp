// SPDX-License-Identifier: GPL-3.0-or-later
#include "cell_delegate.h"

#include "change_color.h"
#include "table_model.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyle>
#include <QWidget>

namespace fanout::ui {

void CellDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const auto change = static_cast<RowChange>(index.data(TableModel::ChangeRole).toInt());
    if (change != RowChange::None) {
        option->backgroundBrush = changeColor(change);
    }
}

bool CellDelegate::paintsItself(const QStyleOptionViewItem& option) {
    constexpr auto kStyled =
        QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_Editing;
    return !(option.state & kStyled) && option.icon.isNull() &&
           !(option.features &
             (QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::WrapText)) &&
           option.direction == Qt::LeftToRight && !option.text.contains(QLatin1Char('\n'));
}

void CellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const {
    QStyleOptionViewItem cell(option);
    initStyleOption(&cell, index);
    if (!paintsItself(cell)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    if (cell.backgroundBrush.style() != Qt::NoBrush) {
        const auto origin = painter->brushOrigin();
        painter->setBrushOrigin(cell.rect.topLeft());
        painter->fillRect(cell.rect, cell.backgroundBrush);
        painter->setBrushOrigin(origin);
    }
    if (cell.text.isEmpty()) {
        return;
    }
    const auto* style = cell.widget != nullptr ? cell.widget->style() : QApplication::style();
    const auto group = !(cell.state & QStyle::State_Enabled)  ? QPalette::Disabled
                       : !(cell.state & QStyle::State_Active) ? QPalette::Inactive
                                                              : QPalette::Normal;
    // The style's margin on each side of an item's text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, cell.widget) + 1;
    const QRect text = cell.rect.adjusted(margin, 0, -margin, 0);
    // The line's top where the style puts it: its height (ascent and descent) rounded, aligned in
    // the text's rectangle.
    const QFontMetricsF metrics(cell.font);
    const QSize line(text.width(), qRound(metrics.ascent() + metrics.descent()));
    const int top = QStyle::alignedRect(Qt::LeftToRight, cell.displayAlignment, line, text).top();
    painter->save();
    painter->setClipRect(cell.rect);
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(group, QPalette::Text));
    painter->drawText(
        QRect(text.left(), top, text.width(), line.height()),
        static_cast<int>((cell.displayAlignment & Qt::AlignHorizontal_Mask) | Qt::AlignTop),
        cell.fontMetrics.elidedText(cell.text, cell.textElideMode, text.width()));
    painter->restore();
}

} // namespace fanout::ui
