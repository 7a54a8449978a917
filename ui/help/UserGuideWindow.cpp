#include "ui/help/UserGuideWindow.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QKeySequence>
#include <QPointer>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>

#include "ui/help/GuideSections.h"

namespace shebao::ui {

namespace {

QPointer<UserGuideWindow> s_window;

const QString GuideFile = QStringLiteral(":/guide/user-guide.zh.md");
const QUrl GuideBase(QStringLiteral("qrc:/guide/"));
// Screenshots wider than this are shown scaled down (the file keeps its size).
constexpr int MaxImageWidth = 700;

} // namespace

UserGuideWindow *UserGuideWindow::instance()
{
    return s_window;
}

UserGuideWindow *UserGuideWindow::showSection(const QString &anchor)
{
    if (!s_window)
        s_window = new UserGuideWindow;
    s_window->show();
    s_window->raise();
    s_window->activateWindow();
    if (!anchor.isEmpty())
        s_window->scrollToSection(anchor);
    return s_window;
}

UserGuideWindow::UserGuideWindow()
    : QWidget(nullptr, Qt::Window)
    , m_contents(new QTreeWidget(this))
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideWindow"));
    setWindowTitle(tr("User guide"));
    // A top-level window of its own: it neither blocks the wizards nor keeps the program alive.
    setAttribute(Qt::WA_DeleteOnClose);
    setAttribute(Qt::WA_QuitOnClose, false);

    m_contents->setObjectName(QStringLiteral("guideContentsTreeWidget"));
    m_contents->setAccessibleName(tr("Contents of the user guide"));
    m_contents->setHeaderHidden(true);
    m_contents->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_browser->setObjectName(QStringLiteral("guideTextBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("guideSplitter"));
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 800});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    resize(1040, 720);

    auto *close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    connect(m_contents, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            scrollToSection(item->data(0, Qt::UserRole).toString());
    });
    // The guide's own links to its sections: "#异动新增".
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().isEmpty() && url.path().isEmpty() && !url.fragment().isEmpty())
            scrollToSection(url.fragment());
    });
    load();
}

UserGuideWindow::~UserGuideWindow() = default;

void UserGuideWindow::load()
{
    QFile file(GuideFile);
    if (!file.open(QIODevice::ReadOnly)) {
        m_browser->setPlainText(tr("The user guide is missing from this build of the program."));
        return;
    }
    QTextDocument *document = m_browser->document();
    document->setBaseUrl(GuideBase);
    m_browser->setSearchPaths({QStringLiteral(":/guide")});
    document->setMarkdown(QString::fromUtf8(file.readAll()));

    // Markdown headings carry no anchors in QTextDocument: each gets its GitHub slug, and the
    // contents tree an item (level 2 at the top, level 3 below the last level 2).
    QTreeWidgetItem *module = nullptr;
    struct Image
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Image> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level >= 2 && level <= 3) {
            QString anchor = guide::slugOf(block.text());
            for (int n = 1; m_order.contains(anchor); ++n)
                anchor = guide::slugOf(block.text()) + u'-' + QString::number(n);
            m_order << anchor;
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat format;
            format.setAnchor(true);
            format.setAnchorNames({anchor});
            cursor.mergeCharFormat(format);
            auto *item = level == 2 || !module ? new QTreeWidgetItem(m_contents, {block.text()})
                                               : new QTreeWidgetItem(module, {block.text()});
            item->setData(0, Qt::UserRole, anchor);
            if (level == 2)
                module = item;
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()});
        }
    }
    // Formats change after the walk: a changed fragment would end the iteration above.
    for (auto &[position, length, image] : images) {
        const QString path = QStringLiteral(":/guide/") + image.name();
        m_images << path;
        const QSize size = QImageReader(path).size();
        if (size.width() <= MaxImageWidth)
            continue;
        image.setWidth(MaxImageWidth);
        image.setHeight(qreal(size.height()) * MaxImageWidth / size.width());
        QTextCursor cursor(document);
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image);
    }
    m_contents->expandAll();
}

void UserGuideWindow::scrollToSection(const QString &anchor)
{
    if (!hasAnchor(anchor))
        return;
    m_current = anchor;
    m_browser->scrollToAnchor(anchor);
    // The contents tree follows without scrolling again.
    for (QTreeWidgetItemIterator it(m_contents); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == anchor) {
            const QSignalBlocker blocker(m_contents);
            m_contents->setCurrentItem(*it);
            break;
        }
    }
}

} // namespace shebao::ui
