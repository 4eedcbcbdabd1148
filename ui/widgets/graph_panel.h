// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/view/view_graph.h"
#include "graph_layouter.h"
#include "graph_scene.h"
#include "module_id.h"
#include "scan_session.h"

#include <QPointF>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class QComboBox;
class QGraphicsScene;
class QGraphicsView;

namespace fanout::ui {
class ModuleMapItem;
}
class QLabel;
class QSlider;

namespace fanout::ui {

class ModuleSelection;

// The graph: by default the focus view around the selected module (depth slider, both ways,
// big fan-outs bundled), or the package overview. Layouts come from `dot` in a child process;
// a layout for an older request is dropped.
class GraphPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Focus, Packages, Map }; // in the order of the mode box

    GraphPanel(ModuleSelection& selection, QWidget* parent = nullptr);

    // A new scan, focused on `center` (nullopt: nothing selected).
    // keepView: the same module again after a rescan; the zoom and the point in view are kept.
    void setSession(SessionPtr session, std::optional<ModuleId> center, bool keepView = false);
    // Modules that changed since the scan compared with get a halo (null: none). Applies at the
    // next setSession or rebuild.
    // The modules gone since then are counted beside the status, listed in its tooltip.
    void setChanges(std::shared_ptr<const ModuleChanges> changes);
    const QLabel& goneLabel() const { return *m_gone; }
    void setMode(Mode mode);
    void setDepth(int depth);
    Mode mode() const { return m_mode; }
    const ViewGraph& viewGraph() const { return m_view; }
    const std::vector<NodeLabel>& labels() const { return m_labels; } // one per node of the view
    bool hasLayout() const { return m_laidOut; }
    QString message() const;
    // Asks before drawing more than this many nodes (never asks when non-interactive).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // Results of more than this many modules have their view built on a worker thread.
    void setBuildOffThreadAbove(std::size_t modules) { m_offThreadAbove = modules; }

    QString saveImage(const QString& file); // PNG or SVG by suffix; empty or what went wrong
    QGraphicsView& canvas() { return *m_canvas; }
    // The full map when it is shown, else null.
    const ModuleMapItem* map() const { return m_map; }

signals:
    // The view shows a layout or says why it cannot: nothing more is coming for now.
    void settled();
    void treemapRequested(const QString& title, std::vector<fanout::ModuleId> modules);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void rebuildMap();
    void drawContent(ViewContent content);
    QString statusText() const;
    void showMessage(const QString& text);
    void nodeClicked(int node, bool context, const QPoint& globalPos);

    ModuleSelection& m_selection;
    SessionPtr m_session;
    std::shared_ptr<const ModuleChanges> m_changes;
    QLabel* m_gone = nullptr;
    // setSession(..., keepView): the zoom and the scene point in view to restore after layout.
    std::optional<std::pair<QTransform, QPointF>> m_keptView;
    Mode m_mode = Mode::Focus;
    FocusOptions m_options;
    std::optional<ModuleId> m_center;
    ViewGraph m_view;
    std::vector<NodeLabel> m_labels;
    bool m_laidOut = false;
    bool m_interactive = true;
    GraphLayouter m_layouter;
    QComboBox* m_modeBox;
    QSlider* m_depth;
    QLabel* m_depthLabel;
    QLabel* m_status;
    QGraphicsScene* m_scene;
    QGraphicsView* m_canvas;
    QPoint m_pressedAt;
    ModuleMapItem* m_map = nullptr; // owned by the scene
    std::size_t m_offThreadAbove = 20'000;
    BackgroundJob m_job{this}; // last: destroyed (and waited for) first
};

} // namespace fanout::ui
