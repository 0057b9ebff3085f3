#include "CommandRegistry.h"

#include <algorithm>
#include <cstring>

namespace aichopin::cli {

namespace {
std::vector<Command> &table()
{
    static std::vector<Command> commands;
    return commands;
}
}  // namespace

bool CommandRegistry::add(const Command &command)
{
    auto &t = table();
    t.push_back(command);
    std::sort(t.begin(), t.end(), [](const Command &a, const Command &b) { return std::strcmp(a.name, b.name) < 0; });
    return true;
}

const std::vector<Command> &CommandRegistry::all() { return table(); }

const Command *CommandRegistry::find(const QString &name)
{
    for (const Command &c : table())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

}  // namespace aichopin::cli
