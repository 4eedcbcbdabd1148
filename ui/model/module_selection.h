#pragma once

#include <QObject>

namespace fanout::ui {

// The one selected module every panel follows: selecting a row anywhere selects it everywhere.
class ModuleSelection : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    int current() const { return m_current; }
    void select(int module) {
        if (module != m_current) {
            m_current = module;
            emit selected(module);
        }
    }
    void clear() { select(-1); }

signals:
    void selected(int module); // -1: nothing selected

private:
    int m_current = -1;
};

} // namespace fanout::ui
