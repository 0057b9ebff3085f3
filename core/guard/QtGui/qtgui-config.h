// Shadows Qt's own header for code in core/ only (see core/CMakeLists.txt).
#error "core/ links Qt6::Core at most: Qt GUI, Widgets and Charts headers belong in ui/"
