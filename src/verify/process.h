// Running the MariaDB tools for a restore test: a program with an argument vector (no shell, so
// nothing is interpreted and no secret goes on a command line: secrets go in 0600 option files),
// its standard input from a file and its output into files, with a time limit. Children get
// PR_SET_PDEATHSIG, so a server started for a test dies with the process that started it.
#ifndef BJLG_VERIFY_PROCESS_H_
#define BJLG_VERIFY_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "common/status.h"

namespace bjlg::verify {

// The full path of `program` found in $PATH, then in /usr/sbin and /usr/bin; empty if absent.
std::string FindProgram(const std::string& program);

struct ProcessFiles {
  std::string stdin_path;   // empty: /dev/null
  std::string stdout_path;  // empty: /dev/null
  std::string stderr_path;  // empty: /dev/null
};

// Starts argv[0] (a full path). IOError when it cannot be started.
Result<pid_t> StartProcess(const std::vector<std::string>& argv, const ProcessFiles& files);

// Waits for `pid` at most `timeout_seconds`; returns its exit code (128 + signal when killed by
// one). On timeout the process is killed (SIGTERM, then SIGKILL) and IOError returned.
Result<int> WaitProcess(pid_t pid, double timeout_seconds);

// StartProcess then WaitProcess.
Result<int> RunProcess(const std::vector<std::string>& argv, const ProcessFiles& files, double timeout_seconds);

// The last `max` bytes of a file (for error messages), with control characters but newlines
// replaced by spaces.
std::string FileTail(const std::string& path, size_t max);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_PROCESS_H_
