#include "widgets/ActionIcons.h"

#include "widgets/TintedIconEngine.h"

namespace memscope::ui {

QIcon ActionIcons::icon(const char* name)
{
    return QIcon(new TintedIconEngine(QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(name))));
}

} // namespace memscope::ui
