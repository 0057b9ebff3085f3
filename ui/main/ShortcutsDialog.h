#pragma once
// Help > Keyboard Shortcuts: every menu command that has a key, read from the menus themselves
// (so the list cannot fall behind them), then the piano roll's own keys and mouse gestures.
// UI thread.

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace aichopin {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

}  // namespace aichopin
