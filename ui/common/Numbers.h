#pragma once
// Numbers as the user's language writes them: "0,83" in Polish, "0.83" in English. For what
// the UI shows; files the app writes (CSV, JSON, model cards) keep the C locale's point.

#include <QLocale>
#include <QString>

namespace aichopin {

inline QString decimal(double value, int places) { return QLocale().toString(value, 'f', places); }

}  // namespace aichopin
