#include "verify/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace bjlg::verify {

std::string FindProgram(const std::string& program) {
  const char* env = getenv("PATH");
  std::string path = std::string(env != nullptr ? env : "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

Result<pid_t> StartProcess(const std::vector<std::string>& argv, const ProcessFiles& files) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  auto open_or_null = [](const std::string& p, int flags) {
    return open(p.empty() ? "/dev/null" : p.c_str(), flags | O_CLOEXEC, 0600);
  };
  const int in = open_or_null(files.stdin_path, O_RDONLY);
  const int out = open_or_null(files.stdout_path, O_WRONLY | O_CREAT | O_TRUNC);
  const int err = open_or_null(files.stderr_path, O_WRONLY | O_CREAT | O_TRUNC);
  if (in < 0 || out < 0 || err < 0) {
    const std::string why = strerror(errno);
    for (int fd : {in, out, err}) if (fd >= 0) close(fd);
    return Status::IOError("cannot open the files of " + argv[0] + ": " + why);
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls until exec.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  const int saved = errno;
  close(in);
  close(out);
  close(err);
  if (pid < 0) return Status::IOError("cannot start " + argv[0] + ": " + strerror(saved));
  return pid;
}

Result<int> WaitProcess(pid_t pid, double timeout_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  int status = 0;
  for (;;) {
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return Status::IOError(std::string("waitpid: ") + strerror(errno));
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGTERM);
      for (int i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (waitpid(pid, &status, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
      }
      return Status::IOError("timed out after " + std::to_string(static_cast<int>(timeout_seconds)) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

Result<int> RunProcess(const std::vector<std::string>& argv, const ProcessFiles& files, double timeout_seconds) {
  Result<pid_t> pid = StartProcess(argv, files);
  if (!pid.ok()) return pid.status();
  return WaitProcess(*pid, timeout_seconds);
}

std::string FileTail(const std::string& path, size_t max) {
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (s.size() > max) s = s.substr(s.size() - max);
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = ' ';
  }
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace bjlg::verify
