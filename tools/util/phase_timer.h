#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace wb {

// WIREBOOK_TIMING=1 makes each phase() call print how long the work since the
// previous call took, to stderr. Off, it costs one clock read per phase.
struct PhaseTimer {
  bool on = std::getenv("WIREBOOK_TIMING") != nullptr;
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  void operator()(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    if (on) std::fprintf(stderr, "%-12s %7.1f ms\n", phase, std::chrono::duration<double, std::milli>(now - last).count());
    last = now;
  }
};

}  // namespace wb
