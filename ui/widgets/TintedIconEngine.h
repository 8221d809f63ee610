#pragma once

#include <QIconEngine>
#include <QString>

namespace memscope::ui {

// A monochrome SVG drawn in the palette's text colour (the disabled or highlighted text colour in those
// modes), rendered at the exact device pixel size it is painted at: action icons stay crisp at any scale
// and readable on light and dark themes alike, with one SVG each.
class TintedIconEngine : public QIconEngine {
public:
    explicit TintedIconEngine(const QString& svgPath);

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine* clone() const override;
    QString key() const override;
    bool isNull() override;

    static QColor colourFor(QIcon::Mode mode);

private:
    QString m_path;
};

} // namespace memscope::ui
