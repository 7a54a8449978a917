#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>

#include "models/core/Result.h"

namespace shebao {

// Answers a service call's callback with `error` later, on the event loop, as a network answer
// would arrive: callers never see their callback run inside the call that started it. Nothing
// happens when `context` (or, without one, `self`) is gone by then.
template <typename T>
void answerLater(QObject *self, QObject *context, std::function<void(Result<T>)> done, Error error)
{
    QPointer<QObject> guard(context ? context : self);
    QMetaObject::invokeMethod(
        self,
        [guard, done = std::move(done), error = std::move(error)] {
            if (guard && done)
                done(error);
        },
        Qt::QueuedConnection);
}

} // namespace shebao
