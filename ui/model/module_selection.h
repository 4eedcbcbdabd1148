// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "module_id.h"

#include <QObject>

#include <optional>

namespace fanout::ui {

// The one selected module every panel follows: selecting a row anywhere selects it everywhere.
class ModuleSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    std::optional<ModuleId> current() const { return m_current; }
    void select(std::optional<ModuleId> module) {
        if (module != m_current) {
            m_current = module;
            emit selected(module);
        }
    }
    void clear() { select(std::nullopt); }

signals:
    void selected(std::optional<fanout::ModuleId> module); // nullopt: nothing selected

private:
    std::optional<ModuleId> m_current;
};

} // namespace fanout::ui
