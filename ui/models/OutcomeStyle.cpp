#include "models/OutcomeStyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace memscope::ui {

QColor OutcomeStyle::color(const QString& outcome)
{
    // Mid-tone hues: enough contrast against both a white and a near-black background.
    if (outcome == QLatin1String("success"))
        return QColor(0x2e, 0xa0, 0x43);
    if (outcome == QLatin1String("failure"))
        return QColor(0xd6, 0x3a, 0x3a);
    if (outcome == QLatin1String("partial"))
        return QColor(0xe0, 0x9a, 0x1f);
    return QColor(0x8a, 0x8f, 0x98);
}

QIcon OutcomeStyle::icon(const QString& outcome)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(outcome);
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int size : {16, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color(outcome));
        const qreal margin = size * 0.22;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return *cache.insert(outcome, icon);
}

QString OutcomeStyle::label(const QString& outcome)
{
    if (outcome == QLatin1String("success"))
        return QCoreApplication::translate("OutcomeStyle", "Success");
    if (outcome == QLatin1String("failure"))
        return QCoreApplication::translate("OutcomeStyle", "Failure");
    if (outcome == QLatin1String("partial"))
        return QCoreApplication::translate("OutcomeStyle", "Partial");
    if (outcome == QLatin1String("unknown"))
        return QCoreApplication::translate("OutcomeStyle", "Unknown");
    return outcome;
}

const QStringList& OutcomeStyle::outcomes()
{
    static const QStringList list{QStringLiteral("success"), QStringLiteral("partial"), QStringLiteral("failure"),
                                  QStringLiteral("unknown")};
    return list;
}

} // namespace memscope::ui
