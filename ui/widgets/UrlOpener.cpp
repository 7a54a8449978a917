#include "ui/widgets/UrlOpener.h"

#include <QDesktopServices>

#include <utility>

namespace shebao::ui {

std::optional<bool> UrlOpener::s_nextAnswer;
QUrl UrlOpener::s_lastUrl;

bool UrlOpener::open(const QUrl &url)
{
    s_lastUrl = url;
    if (const std::optional<bool> answer = std::exchange(s_nextAnswer, std::nullopt))
        return *answer;
    return QDesktopServices::openUrl(url);
}

void UrlOpener::setNextAnswer(bool opened)
{
    s_nextAnswer = opened;
}

QUrl UrlOpener::lastUrl()
{
    return s_lastUrl;
}

} // namespace shebao::ui
