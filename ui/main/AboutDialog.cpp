#include "main/AboutDialog.h"

#include "common/BuildInfo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace aichopin {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About AI Chopin"));
    resize(640, 520);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>AI Chopin %1</h2><p>Compose and recognise piano music in the style of Chopin.<br>"
                                "Licence: %2</p>").arg(BuildInfo::appVersion(), BuildInfo::appLicence()), this);
    layout->addWidget(title);

    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=4>").arg(tr("Libraries"));
    for (const LibraryInfo &l : BuildInfo::libraries())
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(l.name.toHtmlEscaped(), l.version.toHtmlEscaped(), l.licence.toHtmlEscaped());
    html += QStringLiteral("</table><h3>%1</h3><p>%2</p>").arg(tr("Data"), BuildInfo::dataAttribution().toHtmlEscaped());
    auto *details = new QTextBrowser(this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setOpenExternalLinks(true);
    details->setHtml(html);
    layout->addWidget(details, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

}  // namespace aichopin
