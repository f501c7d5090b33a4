#include "HostileRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace hostile {
namespace {

QStringList contentsOf(const QString &directory)
{
    QStringList found;
    QDirIterator it(
        directory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

bool replacedVariable(const std::string &entry)
{
    for (const char *name : { "HOME=", "TMPDIR=", "TMP=", "TEMP=", "XDG_" })
        if (entry.rfind(name, 0) == 0)
            return true;
    return false;
}

} // namespace

SandboxRun runSandboxed(const QString &program, const QStringList &arguments, int timeoutSeconds)
{
    SandboxRun run;
    QTemporaryDir box;
    const QDir root(box.path());
    const QStringList homes
        = { "cwd", "home", "tmp", "xdg-config", "xdg-cache", "xdg-data", "xdg-state", "xdg-runtime" };
    for (const QString &name : homes)
        root.mkdir(name);
    QFile::setPermissions(root.filePath("xdg-runtime"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // Everything the child needs is prepared before fork(): no allocation happens in the child.
    std::vector<std::string> argStrings { program.toStdString() };
    for (const QString &a : arguments)
        argStrings.push_back(a.toStdString());
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e)
        if (!replacedVariable(*e))
            envStrings.emplace_back(*e);
    const std::pair<const char *, const char *> sandboxVariables[] = { { "HOME", "home" }, { "TMPDIR", "tmp" },
        { "XDG_CONFIG_HOME", "xdg-config" }, { "XDG_CACHE_HOME", "xdg-cache" }, { "XDG_DATA_HOME", "xdg-data" },
        { "XDG_STATE_HOME", "xdg-state" }, { "XDG_RUNTIME_DIR", "xdg-runtime" } };
    for (const auto &[name, dir] : sandboxVariables)
        envStrings.push_back(std::string(name) + "=" + root.filePath(dir).toStdString());
    std::vector<char *> argv, envp;
    for (auto &s : argStrings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    const std::string cwd = root.filePath("cwd").toStdString();
    const std::string outFile = root.filePath("stdout").toStdString();
    const std::string errFile = root.filePath("stderr").toStdString();

    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        run.startError = QStringLiteral("fork failed");
        return run;
    }
    if (pid == 0) {
        const int in = open("/dev/null", O_RDONLY);
        const int out = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0 || chdir(cwd.c_str()) != 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0
            || dup2(err, 2) < 0)
            _exit(126);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    int status = 0;
    struct rusage usage { };
    const auto limit = start + std::chrono::seconds(timeoutSeconds);
    while (true) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (std::chrono::steady_clock::now() > limit) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            run.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.maxRssKiB = usage.ru_maxrss;
    if (WIFEXITED(status))
        run.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        run.signal = WTERMSIG(status);
    if (run.exitCode == 127)
        run.startError = QStringLiteral("execve %1 failed").arg(program);
    QFile out(root.filePath("stdout")), err(root.filePath("stderr"));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    if (err.open(QIODevice::ReadOnly))
        run.err = err.readAll();
    for (const QString &name : homes)
        run.leftovers << contentsOf(root.filePath(name));
    return run;
}

} // namespace hostile
