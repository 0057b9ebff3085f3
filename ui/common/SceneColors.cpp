#include "common/SceneColors.h"

namespace aichopin {

bool SceneColors::isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

SceneColors SceneColors::darkScheme()
{
    SceneColors c;
    c.dark = true;
    c.background = QColor(0x1e, 0x20, 0x24);
    c.laneShade = QColor(0x19, 0x1a, 0x1e);
    c.octaveLine = QColor(0x3a, 0x3d, 0x44);
    c.timeGrid = QColor(0x2c, 0x2f, 0x36);
    c.rulerBackground = QColor(0x2a, 0x2d, 0x33);
    c.rulerText = QColor(0xd0, 0xd0, 0xd0);
    c.placeholderText = QColor(0xa0, 0xa0, 0xa0);
    c.keyWhite = QColor(0xf4, 0xf1, 0xea);
    c.keyBlack = QColor(0x22, 0x22, 0x22);
    c.keyLine = QColor(0xb0, 0xad, 0xa6);
    c.keyText = QColor(0x55, 0x55, 0x55);
    c.border = QColor(0x80, 0x80, 0x80);
    c.trace = QColor(240, 240, 240, 160);
    c.playhead = QColor(255, 80, 80);
    c.selection = QColor(120, 170, 255, 50);
    return c;
}

SceneColors SceneColors::lightScheme()
{
    SceneColors c;
    c.dark = false;
    c.background = QColor(0xfb, 0xfb, 0xfc);
    c.laneShade = QColor(0xee, 0xef, 0xf2);
    c.octaveLine = QColor(0xc4, 0xc7, 0xce);
    c.timeGrid = QColor(0xe0, 0xe2, 0xe7);
    c.rulerBackground = QColor(0xe6, 0xe8, 0xec);
    c.rulerText = QColor(0x30, 0x33, 0x38);
    c.placeholderText = QColor(0x70, 0x70, 0x70);
    c.keyWhite = QColor(0xff, 0xff, 0xff);
    c.keyBlack = QColor(0x2a, 0x2a, 0x2a);
    c.keyLine = QColor(0xc0, 0xc0, 0xc0);
    c.keyText = QColor(0x55, 0x55, 0x55);
    c.border = QColor(0xa0, 0xa0, 0xa0);
    c.trace = QColor(40, 40, 40, 170);
    c.playhead = QColor(220, 40, 40);
    c.selection = QColor(60, 120, 230, 45);
    return c;
}

SceneColors SceneColors::forPalette(const QPalette &palette)
{
    SceneColors c = isDark(palette) ? darkScheme() : lightScheme();
    // Text on the rulers and empty views follows the desktop's own text colours where it can.
    c.placeholderText = palette.color(QPalette::PlaceholderText);
    return c;
}

}  // namespace aichopin
