#include "compose/GenerationSettings.h"

#include "composer/ComposerModel.h"
#include "compose/SeedControl.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

namespace aichopin {

namespace {
// A spin box whose value is kept in the settings under key (its default when none is kept yet).
QDoubleSpinBox *rememberedBox(QWidget *parent, const QString &key, double low, double high, double step, double fallback)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setValue(QSettings().value(key, fallback).toDouble());
    QObject::connect(box, &QDoubleSpinBox::valueChanged, box, [key](double value) { QSettings().setValue(key, value); });
    return box;
}
}  // namespace

GenerationSettings::GenerationSettings(QWidget *parent) : QWidget(parent)
{
    m_seconds = rememberedBox(this, QStringLiteral("compose/seconds"), 2, 900, 1, 30);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setToolTip(tr("How many seconds of new music to write"));
    m_temperature = rememberedBox(this, QStringLiteral("compose/temperature"), 0.1, 2.0, 0.05, 1.0);
    m_temperature->setToolTip(tr("Temperature: below 1 is safer and more repetitive, above 1 wilder"));
    m_topP = rememberedBox(this, QStringLiteral("compose/topP"), 0.5, 1.0, 0.01, 0.95);
    m_topP->setToolTip(tr("Top-p: choose only among the most likely events that together hold this much probability"));
    m_seed = new SeedControl(this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [this, layout](const QString &text, QWidget *buddy, QWidget *shown) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        layout->addWidget(label);
        layout->addWidget(shown);
    };
    labelled(tr("&Length"), m_seconds, m_seconds);
    labelled(tr("&Temperature"), m_temperature, m_temperature);
    labelled(tr("Top-&p"), m_topP, m_topP);
    labelled(tr("S&eed"), m_seed->spinBox(), m_seed);
}

void GenerationSettings::setSeconds(double seconds) { m_seconds->setValue(seconds); }
void GenerationSettings::setTemperature(double t) { m_temperature->setValue(t); }
void GenerationSettings::setTopP(double p) { m_topP->setValue(p); }

void GenerationSettings::fill(GenerationOptions &options, bool withLength)
{
    if (withLength)
        options.seconds = m_seconds->value();
    options.temperature = m_temperature->value();
    options.topP = m_topP->value();
    options.seed = m_seed->takeForRun();
}

}  // namespace aichopin
