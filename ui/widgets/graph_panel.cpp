// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_panel.h"

#include "fanout/io/atomic_file.h"
#include "module_map_item.h"
#include "module_selection.h"
#include "result_tables.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace fanout::ui {
namespace {
constexpr std::size_t kAskAbove = 1000;
}

GraphPanel::GraphPanel(ModuleSelection& selection, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_modeBox(new QComboBox(this)),
      m_depth(new QSlider(Qt::Horizontal, this)), m_depthLabel(new QLabel(this)),
      m_status(new QLabel(this)), m_scene(new QGraphicsScene(this)),
      m_canvas(new QGraphicsView(m_scene, this)) {
    m_modeBox->addItem(tr("Focus on the selection"));
    m_modeBox->addItem(tr("Package overview"));
    m_modeBox->addItem(tr("Full module map (sfdp)"));
    m_modeBox->setItemData(2,
                           tr("Every module as a point placed by Graphviz's sfdp: about 2.5 s "
                              "per 10,000 modules. Zoom in for names."),
                           Qt::ToolTipRole);
    m_depth->setRange(1, 4);
    m_depth->setValue(1);
    m_depth->setFixedWidth(110);
    m_depthLabel->setText(tr("Depth 1"));
    m_status->setWordWrap(true);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_modeBox);
    bar->addSpacing(12);
    bar->addWidget(m_depthLabel);
    bar->addWidget(m_depth);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    m_gone = new QLabel(this);
    m_gone->hide();
    bar->addWidget(m_gone);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    column->addLayout(bar);
    column->addWidget(m_canvas, 1);
    m_canvas->setRenderHint(QPainter::Antialiasing);
    m_canvas->setDragMode(QGraphicsView::ScrollHandDrag);
    m_canvas->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_canvas->viewport()->installEventFilter(this);

    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setMode(static_cast<Mode>(index)); });
    connect(m_depth, &QSlider::valueChanged, this, &GraphPanel::setDepth);
    connect(&m_selection, &ModuleSelection::selected, this, [this](std::optional<ModuleId> module) {
        if (m_map != nullptr) {
            m_map->setSelectedModule(module);
        }
        if (module && module != m_center) {
            m_center = module;
            m_options.expanded.clear();
            if (m_mode == Mode::Focus) {
                rebuild();
            }
        }
    });
    connect(&m_layouter, &GraphLayouter::layoutReady, this,
            [this](quint64 generation, const Layout& layout) {
                if (generation != m_layouter.generation() || !m_session) {
                    return; // a newer request is on its way
                }
                m_map = nullptr;
                if (m_mode == Mode::Map) {
                    m_scene->clear();
                    m_map = new ModuleMapItem(m_session, layout);
                    m_map->setSelectedModule(m_selection.current());
                    m_scene->addItem(m_map);
                    m_scene->setSceneRect(m_map->boundingRect());
                } else {
                    drawViewGraph(*m_scene, *m_session, m_view, m_labels, layout, font(),
                                  m_changes.get());
                }
                if (const auto kept = std::exchange(m_keptView, std::nullopt)) {
                    m_canvas->setTransform(kept->first);
                    m_canvas->centerOn(kept->second);
                } else {
                    m_canvas->resetTransform();
                    m_canvas->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
                    if (m_canvas->transform().m11() > 1.0) {
                        m_canvas->resetTransform(); // small graphs at natural size
                    }
                }
                m_laidOut = true;
                m_status->setText(statusText());
                emit settled();
            });
    connect(&m_layouter, &GraphLayouter::layoutFailed, this,
            [this](quint64 generation, const QString& message) {
                if (generation == m_layouter.generation()) {
                    showMessage(message);
                }
            });
}

void GraphPanel::setSession(SessionPtr session, std::optional<ModuleId> center, bool keepView) {
    m_keptView.reset();
    if (keepView && m_laidOut && m_mode == Mode::Focus) {
        m_keptView.emplace(m_canvas->transform(),
                           m_canvas->mapToScene(m_canvas->viewport()->rect().center()));
    }
    m_session = std::move(session);
    m_options.expanded.clear();
    m_center = center;
    rebuild();
}

void GraphPanel::setMode(Mode mode) {
    m_mode = mode;
    {
        const QSignalBlocker blocker(m_modeBox);
        m_modeBox->setCurrentIndex(static_cast<int>(mode));
    }
    m_depth->setEnabled(mode == Mode::Focus);
    rebuild();
}

void GraphPanel::setChanges(std::shared_ptr<const ModuleChanges> changes) {
    m_changes = std::move(changes);
    // Gone modules have no node to draw: counted here, listed in the tooltip.
    const auto label = m_changes ? m_changes->goneLabel() : QString();
    m_gone->setText(label);
    m_gone->setToolTip(m_changes ? m_changes->goneList() : QString());
    m_gone->setVisible(!label.isEmpty());
}

QString GraphPanel::statusText() const {
    switch (m_mode) {
    case Mode::Focus:
        return tr("%1 nodes. Click a module to focus it, a bundle to expand it (right-click: "
                  "treemap). Wheel zooms.")
            .arg(m_view.nodes.size());
    case Mode::Packages:
        return tr("%1 packages. Click one to see its modules as a treemap.")
            .arg(m_view.nodes.size());
    case Mode::Map:
        return tr("%1 modules. Wheel zooms (names appear when few enough are in view); click a "
                  "point to select its module.")
            .arg(m_map ? m_map->pointCount() : 0);
    }
    return {};
}

void GraphPanel::setDepth(int depth) {
    m_options.depth = static_cast<unsigned>(depth);
    m_depth->setValue(depth);
    m_depthLabel->setText(tr("Depth %1").arg(depth));
    if (m_mode == Mode::Focus) {
        rebuild();
    }
}

QString GraphPanel::message() const {
    return m_status->text();
}

void GraphPanel::showMessage(const QString& text) {
    m_scene->clear();
    m_map = nullptr;
    m_laidOut = false;
    m_status->setText(text);
    auto* item = m_scene->addText(text);
    item->setTextWidth(420);
    emit settled();
}

void GraphPanel::rebuild() {
    m_job.discard(); // a view still being built for an older request
    if (!m_session) {
        showMessage(tr("No scan yet."));
        return;
    }
    if (m_mode == Mode::Map) {
        rebuildMap();
        return;
    }
    const bool focus = m_mode == Mode::Focus;
    if (focus && (!m_center || m_center->value >= m_session->result->modules.size())) {
        showMessage(tr("Select a module in a table (or switch to the package overview) to see "
                       "its neighbourhood."));
        return;
    }
    const auto center = focus ? m_center : std::nullopt;
    if (m_session->result->modules.size() <= m_offThreadAbove) {
        drawContent(buildViewContent(*m_session, center, m_options));
        return;
    }
    // Both views walk the whole graph (a barrel's thousands of imports, the centre's exact
    // reach): 12 ms at 101,012 modules, on the worker. The session is immutable and kept alive
    // by the job.
    m_laidOut = false;
    m_status->setText(tr("Building the view…"));
    m_job.start([this, session = m_session, center, options = m_options](const JobPost& post,
                                                                         const std::stop_token&) {
        post([this, content = buildViewContent(*session, center, options)]() mutable {
            drawContent(std::move(content));
        });
    });
}

void GraphPanel::drawContent(ViewContent content) {
    m_view = std::move(content.view);
    if (m_view.nodes.size() > kAskAbove && m_interactive &&
        QMessageBox::question(this, tr("Draw a large graph?"),
                              tr("This view has %1 nodes; laying it out may take a while. "
                                 "Draw it anyway?")
                                  .arg(m_view.nodes.size())) != QMessageBox::Yes) {
        showMessage(tr("Not drawn: %1 nodes. Lower the depth or collapse bundles.")
                        .arg(m_view.nodes.size()));
        return;
    }
    m_labels = labelNodes(*m_session, m_view, content.centerReach, font());
    m_laidOut = false;
    m_status->setText(tr("Laying out %1 nodes…").arg(m_view.nodes.size()));
    m_layouter.request(layoutRequest(m_view, m_labels));
}

void GraphPanel::rebuildMap() {
    const auto modules = m_session->result->modules.size();
    if (modules > kAskAbove && m_interactive &&
        QMessageBox::question(this, tr("Lay out every module?"),
                              tr("The full map places all %1 modules with sfdp, which takes "
                                 "about 2.5 s per 10,000 modules. Draw it?")
                                  .arg(modules)) != QMessageBox::Yes) {
        showMessage(tr("Not drawn: %1 modules. The package overview is quicker.").arg(modules));
        return;
    }
    m_laidOut = false;
    m_status->setText(tr("Laying out %1 modules with sfdp…").arg(modules));
    m_layouter.request(moduleMapRequest(m_session->graph));
}

void GraphPanel::nodeClicked(int index, bool context, const QPoint& globalPos) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_view.nodes.size()) {
        return;
    }
    const auto& node = m_view.nodes[static_cast<std::size_t>(index)];
    const auto showTreemap = [this, node] {
        // A bundle node's id is its barrel module; a package node's id is its package.
        std::vector<ModuleId> modules;
        for (const auto member : node.members) {
            modules.push_back(ModuleId{member});
        }
        QString title;
        if (node.kind == ViewNodeKind::Bundle) {
            title = modulePath(*m_session, ModuleId{node.id});
        } else {
            const bool project = node.kind == ViewNodeKind::Project;
            title = project ? tr("your project") : packageName(*m_session, PackageId{node.id});
            for (std::uint32_t i = 0; i < m_session->result->modules.size(); ++i) {
                const auto& package = m_session->result->modules[i].package;
                if (project ? !package : (package && package->value == node.id)) {
                    modules.push_back(ModuleId{i});
                }
            }
        }
        emit treemapRequested(title, std::move(modules));
    };
    if (node.kind == ViewNodeKind::Bundle) {
        if (context) {
            QMenu menu;
            menu.addAction(tr("Expand"), this, [this, node] {
                m_options.expanded.push_back(node.id);
                rebuild();
            });
            menu.addAction(tr("Open as treemap"), this, showTreemap);
            menu.exec(globalPos);
        } else {
            m_options.expanded.push_back(node.id);
            rebuild();
        }
    } else if (node.kind == ViewNodeKind::Module) {
        m_selection.select(ModuleId{node.id});
    } else {
        showTreemap();
    }
}

bool GraphPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_canvas->viewport()) {
        if (event->type() == QEvent::Wheel) {
            const auto* wheel = static_cast<QWheelEvent*>(event);
            const double factor = wheel->angleDelta().y() > 0 ? 1.2 : 1 / 1.2;
            m_canvas->scale(factor, factor);
            return true;
        }
        if (event->type() == QEvent::MouseButtonPress) {
            m_pressedAt = static_cast<QMouseEvent*>(event)->position().toPoint();
        }
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto* mouse = static_cast<QMouseEvent*>(event);
            const auto at = mouse->position().toPoint();
            // A press that moved further than a click can is a pan of the canvas, whatever
            // node it happens to end on.
            const bool dragged =
                (at - m_pressedAt).manhattanLength() >= QApplication::startDragDistance();
            if (m_map != nullptr && !dragged) {
                // A click picks the nearest point within a few pixels.
                const double radius = 8 / std::max(m_canvas->transform().m11(), 1e-6);
                if (const auto module = m_map->moduleAt(m_canvas->mapToScene(at), radius)) {
                    m_selection.select(module);
                }
            } else if (auto* item = m_canvas->itemAt(at);
                       !dragged && item && item->data(0).isValid()) {
                nodeClicked(item->data(0).toInt(), mouse->button() == Qt::RightButton,
                            mouse->globalPosition().toPoint());
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString GraphPanel::saveImage(const QString& file) {
    if (!m_laidOut) {
        return tr("the graph has no layout to save");
    }
    const auto rect = m_scene->sceneRect();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (file.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(rect.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
        svg.setTitle(tr("Fanout graph"));
        QPainter painter(&svg);
        m_scene->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    } else {
        QImage image((rect.size() * 2).toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), rect.size() * 2), rect);
        painter.end();
        if (!image.save(&buffer, "PNG")) {
            return tr("could not encode the image");
        }
    }
    buffer.close();
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), std::string_view(bytes.data(), bytes.size())));
}

} // namespace fanout::ui
