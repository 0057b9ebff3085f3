#pragma once
// A one-line status label that shortens its text with "..." to the width it is given (again at
// every resize) and keeps the whole text in its tooltip, where a plain label cut a sentence off
// mid-word ("No audio device (No audio out") or never used the room it was given later.

#include <QLabel>
#include <QResizeEvent>

namespace aichopin {

class ElidedLabel : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent = nullptr) : QLabel(parent)
    {
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        setMinimumWidth(40);
    }

    void setFullText(const QString &text)
    {
        m_full = text;
        setToolTip(text);
        elide();
    }
    QString fullText() const { return m_full; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }

private:
    void elide()
    {
        // One line: a driver's report of several lines is read whole in the tooltip.
        QString line = m_full;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        const int room = contentsRect().width();
        setText(room > 0 ? fontMetrics().elidedText(line, Qt::ElideRight, room) : line);
    }

    QString m_full;
};

}  // namespace aichopin
