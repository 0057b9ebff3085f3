#include "classify/PChopinBarDelegate.h"

#include "common/Numbers.h"

#include <QApplication>
#include <QStyle>
#include <QPainter>

#include <algorithm>

namespace aichopin {

void PChopinBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant v = index.data(Qt::DisplayRole);
    bool isNumber = false;
    const double p = v.toDouble(&isNumber);
    if (!v.isValid() || !isNumber) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background (selection) as the style draws it, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *w = option.widget;
    (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);

    const QRect track = option.rect.adjusted(4, 5, -46, -5);
    const double value = std::clamp(p, 0.0, 1.0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Mid));
    painter->drawRoundedRect(track, 2, 2);
    QRect bar = track;
    bar.setWidth(int(track.width() * value + 0.5));
    painter->setBrush(value >= 0.5 ? QColor(0x3a, 0x8f, 0xd0) : QColor(0xc0, 0x80, 0x30));
    if (bar.width() > 0)
        painter->drawRoundedRect(bar, 2, 2);
    const int mid = track.left() + track.width() / 2;
    painter->setPen(QPen(option.palette.color(QPalette::Text), 1));
    painter->drawLine(mid, track.top() - 2, mid, track.bottom() + 2);
    painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(track.right() + 4, option.rect.top(), 42, option.rect.height()), Qt::AlignVCenter | Qt::AlignLeft,
                      decimal(value, 2));
    painter->restore();
}

QSize PChopinBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 160));
    return s;
}

}  // namespace aichopin
