#pragma once
// A real drag-and-drop of local files onto a widget, as the file manager does it: a drag-enter
// (which must be accepted) and a drop at the widget's centre. Returns whether the drop was
// accepted; QVERIFY fails the calling test when the drag-enter was refused.

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QStringList>
#include <QUrl>
#include <QWidget>
#include <QtTest>

namespace aichopin::test {

inline bool dropFiles(QWidget *target, const QStringList &paths)
{
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    QMimeData mime;
    mime.setUrls(urls);
    const QPointF pos(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) {
        QTest::qFail("the drag-enter was refused", __FILE__, __LINE__);
        return false;
    }
    QDropEvent dropEvent(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

}  // namespace aichopin::test
