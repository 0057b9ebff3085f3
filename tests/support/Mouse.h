#pragma once
// Mouse events with the buttons held stated, for drags (QTest's mouseMove does not say which
// buttons are down).

#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

namespace aichopin::test {

// A press, move or release of the left button at pos (widget coordinates); buttons: those
// held after the event (Qt::LeftButton while dragging, Qt::NoButton at the release).
inline void sendMouse(QWidget *widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, pos, widget->mapToGlobal(pos), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(widget, &e);
}

}  // namespace aichopin::test
