#pragma once

#include <QUrl>

#include <optional>

namespace shebao::ui {

// The seam in front of QDesktopServices::openUrl (the bank's payment page, the verification
// page): tests pre-answer the next call instead of starting a browser, and read what would have
// been opened.
class UrlOpener
{
public:
    // Opens `url` in the user's browser; false when the system could not.
    static bool open(const QUrl &url);
    // The next open() starts nothing and answers `opened`.
    static void setNextAnswer(bool opened);
    // The URL of the last open() (answered or not); empty before the first.
    static QUrl lastUrl();

private:
    static std::optional<bool> s_nextAnswer;
    static QUrl s_lastUrl;
};

} // namespace shebao::ui
