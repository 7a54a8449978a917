#include "Command.h"

#include <algorithm>

namespace shebao::cli {

CommandRegistry &CommandRegistry::instance()
{
    static CommandRegistry registry;
    return registry;
}

void CommandRegistry::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command *CommandRegistry::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QList<Command *> CommandRegistry::all() const
{
    QList<Command *> list;
    for (const auto &command : m_commands)
        list << command.get();
    std::sort(list.begin(), list.end(), [](Command *a, Command *b) { return a->name() < b->name(); });
    return list;
}

} // namespace shebao::cli
