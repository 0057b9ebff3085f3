#pragma once
// The page an area shows until its feature is built: one line saying so, no fake controls.

#include <QWidget>

namespace aichopin {

class PlannedArea : public QWidget {
    Q_OBJECT
public:
    PlannedArea(const QString &line, QWidget *parent = nullptr);
};

}  // namespace aichopin
