#pragma once
// Colours of the custom-painted views (piano roll, confidence strip, spectrogram frame, charts),
// derived from a widget palette so they follow the desktop's light or dark scheme. Qt 6.4 has no
// QStyleHints::colorScheme, so "dark" means the palette's window colour is dark. Views call
// forPalette(palette()) when they paint, which also covers QEvent::PaletteChange (Qt repaints a
// widget whose palette changed). Any thread (pure function of the palette).

#include <QColor>
#include <QPalette>

namespace aichopin {

struct SceneColors {
    bool dark = true;
    QColor background;      // note area, strips
    QColor laneShade;       // black-key lanes
    QColor octaveLine;      // C lines across the note area
    QColor timeGrid;        // vertical second lines
    QColor rulerBackground;
    QColor rulerText;
    QColor placeholderText; // "Open a MIDI file..." on an empty view
    QColor keyWhite;        // the keyboard at the left
    QColor keyBlack;
    QColor keyLine;
    QColor keyText;
    QColor border;
    QColor trace;           // a neutral line drawn over data (running mean)
    QColor playhead;
    QColor selection;

    static bool isDark(const QPalette &palette);
    static SceneColors forPalette(const QPalette &palette);
    static SceneColors darkScheme();// the dark scheme (also for image exports without a widget)
    static SceneColors lightScheme();
};

}  // namespace aichopin
