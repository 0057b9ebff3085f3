#include "compose/SeedControl.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace aichopin {

SeedControl::SeedControl(QWidget *parent) : QWidget(parent)
{
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Seed: the same seed and settings compose the same notes"));
    auto *random = new QPushButton(tr("Random"), this);
    random->setToolTip(tr("Pick a new random seed"));
    m_newEachTime = new QCheckBox(tr("New each time"), this);
    m_newEachTime->setObjectName(QStringLiteral("newSeedEachTime"));
    m_newEachTime->setChecked(true);
    m_newEachTime->setToolTip(tr("Draw a new seed for each Compose and Rewrite, so each gives new music. "
                                 "Typing a seed unticks it: that seed is then repeated."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_seed);
    layout->addWidget(random);
    layout->addWidget(m_newEachTime);
    setFocusProxy(m_seed);

    draw();
    connect(random, &QPushButton::clicked, this, &SeedControl::draw);
    // A seed the user types is one they want: kept for the next runs, not drawn over.
    connect(m_seed, &QSpinBox::valueChanged, this, [this] {
        if (m_drawing)
            return;
        m_newEachTime->setChecked(false);
        m_used = false;
    });
}

quint64 SeedControl::seed() const { return quint64(m_seed->value()); }

void SeedControl::setSeed(quint64 seed) { m_seed->setValue(int(std::min<quint64>(seed, std::numeric_limits<int>::max()))); }

void SeedControl::draw()
{
    m_drawing = true;
    m_seed->setValue(int(QRandomGenerator::global()->bounded(1, 1000000)));
    m_drawing = false;
    m_used = false;
}

quint64 SeedControl::takeForRun()
{
    // Composing again (or rewriting the same bars again) with the seed just used would write
    // the same notes: a new one is drawn, and shown, unless the user keeps theirs.
    if (m_used && m_newEachTime->isChecked())
        draw();
    m_used = true;
    return seed();
}

}  // namespace aichopin
