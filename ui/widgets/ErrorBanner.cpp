#include "widgets/ErrorBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace memscope::ui {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_actions(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setTextFormat(Qt::PlainText); // messages quote user data and file names
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::dismiss);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void ErrorBanner::showMessage(Level level, const QString& text)
{
    m_level = level;
    while (auto* item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto icon = level == Level::Error     ? QStyle::SP_MessageBoxCritical
                      : level == Level::Warning ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_text->setText(text);
    applyColours();
    show();
}

void ErrorBanner::addAction(const QString& text, const std::function<void()>& handler)
{
    auto* button = new QPushButton(text, this);
    connect(button, &QPushButton::clicked, this, [handler] { handler(); });
    m_actions->addWidget(button);
}

void ErrorBanner::dismiss()
{
    if (isHidden())
        return;
    hide();
    emit dismissed();
}

QString ErrorBanner::text() const { return isHidden() ? QString() : m_text->text(); }

void ErrorBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
}

void ErrorBanner::applyColours()
{
    // A tint of the level's colour over the window colour keeps the text readable on light and dark themes.
    QPalette pal = parentWidget() ? parentWidget()->palette() : palette();
    const QColor base = pal.color(QPalette::Window);
    const QColor tint = m_level == Level::Error     ? QColor(0xd6, 0x3a, 0x3a)
                        : m_level == Level::Warning ? QColor(0xe0, 0x9a, 0x1f)
                                                    : QColor(0x3a, 0x7b, 0xd6);
    auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                                a.blueF() * (1 - t) + b.blueF() * t);
    };
    pal.setColor(QPalette::Window, mix(base, tint, 0.18));
    setPalette(pal);
}

} // namespace memscope::ui
