#pragma once

#include <util/Error.h>

#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace memscope::ui {

// A failure reported by the core, carried back to the UI thread with its kind (which decides the banner
// and the way out) and the core's message (which names the file, record or field).
struct TaskError {
    Error::Kind kind = Error::Kind::Internal;
    QString message;
};

// What a background task returns: its value, or the error that stopped it. Returned by value through
// QFuture so nothing is shared with the worker thread once the task is done.
template <class T> struct TaskResult {
    std::optional<T> value;
    std::optional<TaskError> error;

    bool ok() const { return !error.has_value(); }
    bool cancelled() const { return error && error->kind == Error::Kind::Cancelled; }
};

} // namespace memscope::ui

Q_DECLARE_METATYPE(memscope::ui::TaskError)
