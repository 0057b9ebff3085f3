#pragma once
// Help > About: version, the licence of every library used, the BLAS in use, and the data
// attribution of the shipped models. UI thread.

#include <QDialog>

namespace aichopin {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

}  // namespace aichopin
