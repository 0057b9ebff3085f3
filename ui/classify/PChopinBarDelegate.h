#pragma once
// Paints P(Chopin) (the index's DisplayRole number, 0..1) as a horizontal bar with a mark at
// 0.5 and the value as text. Cells without a number are painted as usual. UI thread.
#include <QStyledItemDelegate>

namespace aichopin {

class PChopinBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace aichopin
