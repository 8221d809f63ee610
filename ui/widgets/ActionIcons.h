#pragma once

#include <QIcon>

namespace memscope::ui {

// The workbench's action icons (resources/icons/actions/<name>.svg, embedded), tinted with the palette.
class ActionIcons {
public:
    // import, export, open, undo, redo, archive, restore, delete, edit, tags, clean, preferences
    static QIcon icon(const char* name);
};

} // namespace memscope::ui
