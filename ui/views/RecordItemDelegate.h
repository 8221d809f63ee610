#pragma once

#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace memscope::ui {

// Paints the record table's cells with their text laid out once: the elided text of a cell at a width is
// kept as a QStaticText, so the columns whose values repeat (outcome, task type, tool, version, user) cost
// almost nothing after the first screen, and a lesson is shaped only as far as its column shows. The stock
// delegate lays out each cell's whole text two or three times per paint, which made jumping through a
// million rows spend most of its time in text shaping.
class RecordItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit RecordItemDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Cached layouts (tests).
    int cachedTexts() const { return m_texts.size(); }

private:
    const QStaticText& layout(const QString& text, int width, const QFont& font, Qt::TextElideMode mode) const;

    mutable QCache<QString, QStaticText> m_texts;
    mutable QFont m_font; // the cache holds layouts in this font
};

} // namespace memscope::ui
