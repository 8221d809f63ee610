#include "views/RecordItemDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace memscope::ui {

namespace {
constexpr int kCachedTexts = 4000; // a few screens of unique cells plus every repeated value
}

RecordItemDelegate::RecordItemDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_texts(kCachedTexts)
{
}

const QStaticText& RecordItemDelegate::layout(const QString& text, int width, const QFont& font,
                                              Qt::TextElideMode mode) const
{
    if (font != m_font) {
        m_texts.clear();
        m_font = font;
    }
    QString key = text;
    key.append(QChar(0x1f)).append(QString::number(width)).append(QChar(0x1f)).append(QChar(u'0' + int(mode)));
    if (QStaticText* hit = m_texts.object(key))
        return *hit;
    const QFontMetrics metrics(font);
    // No column shows more characters than fit at the narrowest glyph: shape only those.
    const int narrowest = std::max(1, metrics.horizontalAdvance(QLatin1Char('.')));
    const QString shown = text.size() > width / narrowest + 2 ? text.left(width / narrowest + 2) : text;
    auto* layout = new QStaticText(metrics.elidedText(shown, mode, width));
    layout->setTextFormat(Qt::PlainText); // record text is user data, never markup
    layout->setPerformanceHint(QStaticText::AggressiveCaching);
    layout->prepare(QTransform(), font);
    m_texts.insert(key, layout);
    return *layout;
}

void RecordItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    // The style draws the background, selection, focus and icon; the text is ours.
    opt.text.clear();
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (opt.features & QStyleOptionViewItem::HasDecoration)
        rect.setLeft(rect.left() + opt.decorationSize.width() + 2 * margin);
    if (rect.width() <= 0)
        return;
    // Only the first line: the table shows one line per record (displayText() made line breaks U+2028).
    qsizetype end = text.indexOf(QChar::LineSeparator);
    if (const qsizetype newline = text.indexOf(QLatin1Char('\n')); newline >= 0 && (end < 0 || newline < end))
        end = newline;
    const QString line = end < 0 ? text : text.left(end);
    const QStaticText& laidOut = layout(line, rect.width(), opt.font, opt.textElideMode);

    const bool enabled = opt.state & QStyle::State_Enabled;
    const QPalette::ColorGroup group = !enabled                             ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    const QSizeF size = laidOut.size();
    qreal x = rect.left();
    if (opt.displayAlignment & Qt::AlignRight)
        x = rect.right() + 1 - size.width();
    else if (opt.displayAlignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2;
    const qreal y = rect.top() + (rect.height() - size.height()) / 2;
    painter->drawStaticText(QPointF(x, y), laidOut);
    painter->restore();
}

} // namespace memscope::ui
