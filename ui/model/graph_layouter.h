// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "fanout/view/plain_layout.h"

#include <QMetaType>
#include <QObject>

namespace fanout::ui {

// Lays graphs out with Graphviz's `dot -Tplain` (or `-Ksfdp` for a map) in a child process
// (Graphviz is EPL-licensed: it is run, never linked), started and waited for off the GUI thread.
// One layout at a time: a new request kills the running one, and every answer carries the
// generation it was asked for so that views drop stale layouts.
class GraphLayouter : public QObject {
    Q_OBJECT
public:
    explicit GraphLayouter(QObject* parent = nullptr);
    ~GraphLayouter() override;

    // The path of `dot`, or empty when Graphviz is not installed.
    static QString dotProgram();

    quint64 request(const LayoutRequest& request);
    quint64 generation() const { return m_generation; }

signals:
    void layoutReady(quint64 generation, const fanout::Layout& layout);
    void layoutFailed(quint64 generation, const QString& message);

private:
    quint64 m_generation = 0;
    BackgroundJob m_job; // last: stopped (and Graphviz killed) before the rest goes
};

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::Layout)
