// Compiled with core's include guard: must fail (see tests/architecture/CMakeLists.txt).
#include <QtWidgets/QWidget>

int probe() { return sizeof(QWidget); }
