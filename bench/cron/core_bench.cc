// Micro-benchmark of the cron core without PHP: NextRun() over the same mixed set of expressions
// as bench.php, from a spread of start instants, in Europe/Paris. Prints one line per expression
// ("expr<TAB>ns per call<TAB>first run as Unix seconds or -") and a closing mean.
//   g++ -std=c++17 -O2 -Isrc bench/cron/core_bench.cc build/core/libbjlg_core.a ... (bench/run.sh)
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cron/expression.h"
#include "cron/schedule.h"
#include "cron/time_zone.h"

int main(int argc, char** argv) {
  using bjlg::cron::Expression;
  using bjlg::cron::Instant;
  using bjlg::cron::NextRun;
  using bjlg::cron::TimeZone;
  using Clock = std::chrono::steady_clock;

  std::vector<std::string> exprs;
  for (int i = 1; i < argc; ++i) exprs.emplace_back(argv[i]);
  if (exprs.empty()) {
    std::fprintf(stderr, "usage: core_bench EXPRESSION...\n");
    return 2;
  }
  auto zone = TimeZone::Named("Europe/Paris");
  if (!zone.ok()) return 1;

  // 64 starts spread over 2025-2026 (a prime stride in seconds, so minutes and days vary).
  std::vector<Instant> starts;
  for (int i = 0; i < 64; ++i) starts.push_back(1736935650 + static_cast<Instant>(i) * 492113);

  double total_ns = 0;
  for (const std::string& text : exprs) {
    auto expr = Expression::Parse(text);
    if (!expr.ok()) {
      std::printf("%s\tinvalid\t-\n", text.c_str());
      continue;
    }
    auto first = NextRun(*expr, starts[0], *zone);
    long calls = 0;
    Instant sink = 0;
    auto begin = Clock::now();
    double elapsed = 0;
    do {
      for (Instant s : starts) {
        auto r = NextRun(*expr, s, *zone);
        sink += r ? *r : 1;
      }
      calls += static_cast<long>(starts.size());
      elapsed = std::chrono::duration<double, std::nano>(Clock::now() - begin).count();
    } while (elapsed < 2e8);  // 0.2 s per expression
    double ns = elapsed / calls;
    total_ns += ns;
    std::printf("%s\t%.0f\t%s\n", text.c_str(), ns,
                first ? std::to_string(*first).c_str() : "-");
    if (sink == 42) std::printf("\n");  // keeps the calls alive
  }
  std::printf("mean\t%.0f\n", total_ns / exprs.size());
  return 0;
}
