#include "classify/ClassifyDropZone.h"
#include "common/NaturalOrder.h"
#include "common/RecentFolders.h"
#include "listen/MediaFiles.h"

#include <QDirIterator>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>

#include <algorithm>

namespace aichopin {

ClassifyDropZone::ClassifyDropZone(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("classifyDropZone"));
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setMinimumHeight(64);
    auto *layout = new QHBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("dropMessage"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choose = new QPushButton(tr("Choose Files..."), this);
    m_choose->setObjectName(QStringLiteral("chooseFiles"));
    m_choose->setToolTip(tr("Choose recordings or MIDI files to classify"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_choose);
    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QStringList files = recentfolders::openFiles(this, tr("Choose recordings or MIDI files"), recentfolders::kRecordings,
                                                           tr("Audio and MIDI (%1);;All files (*)").arg(mediafiles::dialogPatterns()));
        if (!files.isEmpty())
            Q_EMIT filesChosen(files);
    });
    setHighlighted(false);
    setMessage(hint());
}

QString ClassifyDropZone::hint() { return tr("Drop recordings (MP3, WAV, FLAC, OGG, M4A, AIFF, videos...), MIDI files or folders here"); }

void ClassifyDropZone::setMessage(const QString &text, bool error)
{
    m_label->setText(text);
    m_label->setStyleSheet(error ? QStringLiteral("color: #e07070;") : QString());
}

QString ClassifyDropZone::message() const { return m_label->text(); }

bool ClassifyDropZone::isClassifiable(const QString &path) { return mediafiles::isAudio(path) || mediafiles::isMidi(path); }

QStringList ClassifyDropZone::expand(const QStringList &paths)
{
    QStringList out;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QStringList inside;
            QDirIterator it(p, QDir::Files | QDir::Readable, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext()) {
                const QString f = it.next();
                if (isClassifiable(f))
                    inside << f;
            }
            std::sort(inside.begin(), inside.end(), naturalLess);  // p2 before p10
            out << inside;
        } else if (info.isFile() && isClassifiable(p)) {
            out << p;
        } else if (!info.exists()) {
            out << p;  // classifying it gives a readable "not found" row
        }
    }
    out.removeDuplicates();
    return out;
}

void ClassifyDropZone::setHighlighted(bool on)
{
    setStyleSheet(on ? QStringLiteral("#classifyDropZone { border: 2px dashed #3a8fd0; background: rgba(58,143,208,40); }")
                     : QStringLiteral("#classifyDropZone { border: 2px dashed palette(mid); }"));
}

void ClassifyDropZone::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            setHighlighted(true);
            event->acceptProposedAction();
            return;
        }
}

void ClassifyDropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    setHighlighted(false);
    QFrame::dragLeaveEvent(event);
}

void ClassifyDropZone::dropEvent(QDropEvent *event)
{
    setHighlighted(false);
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    event->acceptProposedAction();
    // As dropped: the panel looks into folders (once), names what it leaves out, and says why
    // when nothing there can be classified.
    if (!paths.isEmpty())
        Q_EMIT filesChosen(paths);
}

}  // namespace aichopin
