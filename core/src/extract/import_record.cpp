// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/import_record.h"

namespace fanout {

std::string_view toString(ImportKind kind) {
    switch (kind) {
    case ImportKind::Import:
        return "import";
    case ImportKind::Export:
        return "export";
    case ImportKind::DynamicImport:
        return "dynamic-import";
    case ImportKind::Require:
        return "require";
    case ImportKind::JsxRuntime:
        return "jsx-runtime";
    }
    return "import";
}

} // namespace fanout

namespace fanout {

std::string_view toString(ImportForm form) {
    switch (form) {
    case ImportForm::Names:
        return "names";
    case ImportForm::Namespace:
        return "namespace";
    case ImportForm::Star:
        return "star";
    }
    return "names";
}

} // namespace fanout
