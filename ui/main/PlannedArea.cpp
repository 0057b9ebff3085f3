#include "main/PlannedArea.h"

#include <QLabel>
#include <QVBoxLayout>

namespace aichopin {

PlannedArea::PlannedArea(const QString &line, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(line, this);
    label->setObjectName(QStringLiteral("plannedLine"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    layout->addWidget(label);
}

}  // namespace aichopin
