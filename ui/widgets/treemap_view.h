// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/view/treemap.h"
#include "module_id.h"
#include "table_model.h"

#include <QWidget>

#include <functional>
#include <optional>

namespace fanout::ui {

// A squarified treemap: cell area by bytes or by reach, label when the cell is large enough,
// a click tells the cell's key. The window's treemap shows modules (a barrel's fan-out, a
// package's modules; the key is the module's index), the Heap panel's packages.
class TreemapView : public QWidget {
    Q_OBJECT
public:
    struct Item {
        std::uint32_t key = 0; // what the owner numbers: a module's index, a package's row
        double bytes = 0;
        double reach = 0;
        RowChange change = RowChange::None; // since the scan compared with: outlined
    };
    // A cell's label, asked only for cells large enough to show one: a 50,000-icon barrel has
    // a few hundred such cells, and building every label took ~15 ms on the GUI thread.
    using Labeler = std::function<QString(std::uint32_t key)>;

    explicit TreemapView(QWidget* parent = nullptr);

    void setItems(const QString& title, std::vector<Item> items, Labeler labeler);
    // The same, for `count` items made by `make`: past kLaidOutAtOnce they are made off the GUI
    // thread, with their layout (a 50,000-icon barrel's items took 0.5-16 ms on the GUI thread
    // at a watch update); until then the view shows the title and count without cells. `make`
    // is called from another thread, and again if the view is resized meanwhile.
    using ItemMaker = std::function<std::vector<Item>()>;
    void setItems(const QString& title, std::size_t count, ItemMaker make, Labeler labeler);
    // The modules gone since the scan compared with: counted in the heading ("3 gone"), listed
    // in the heading's tooltip. Empty: none.
    void setGone(const QString& label, const QString& list);
    // The line above the cells.
    QString heading() const;
    void setSizeByReach(bool byReach);
    void setSelectedKey(std::optional<std::uint32_t> key);
    // What the cells are, in the heading ("modules"), and what to do when there are none.
    void setNouns(const QString& cells, const QString& emptyHint);
    // The cells laid out so far: a treemap of more than kLaidOutAtOnce items is laid out off the
    // GUI thread and has its cells a moment later.
    std::size_t cellCount() const { return m_cells.size(); }
    static constexpr std::size_t kLaidOutAtOnce = 2000;

signals:
    void cellClicked(std::uint32_t key);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override; // the heading's tooltip

private:
    void relayout();
    std::size_t itemCount() const { return m_make ? m_madeCount : m_items.size(); }
    QRectF area() const;

    QString m_title;
    QString m_goneLabel;
    QString m_goneList;
    std::vector<Item> m_items;
    ItemMaker m_make; // set while items are being made off the GUI thread, with their count
    std::size_t m_madeCount = 0;
    Labeler m_labeler;
    std::vector<TreemapCell> m_cells;
    bool m_byReach = false;
    std::optional<std::uint32_t> m_selected;
    QString m_noun;
    QString m_emptyHint;
    // Squarifying 50,000 cells took 15-35 ms: large treemaps are laid out here (declared last, so
    // it is destroyed, and its job waited for, first).
    BackgroundJob m_layoutJob{this};
};

} // namespace fanout::ui
