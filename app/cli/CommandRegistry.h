#pragma once
// The table of aichopin-cli subcommands. Each Cmd*.cpp registers one at static-init time with
// AICHOPIN_CLI_COMMAND, so adding a command touches no shared file.

#include <QStringList>

#include <vector>

namespace aichopin::cli {

struct Command {
    const char *name;
    const char *summary;                 // one line for the command list
    int (*run)(const QStringList &args); // args[0] is "aichopin-cli NAME"; returns the exit code
};

class CommandRegistry {
public:
    static bool add(const Command &command);
    static const std::vector<Command> &all();  // sorted by name
    static const Command *find(const QString &name);
};

}  // namespace aichopin::cli

#define AICHOPIN_CLI_COMMAND(ident, name, summary, fn) \
    static const bool ident##Registered = ::aichopin::cli::CommandRegistry::add({name, summary, fn})
