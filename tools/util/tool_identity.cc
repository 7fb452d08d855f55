#include "util/tool_identity.h"

#include <sys/stat.h>

#include "util/hash.h"
#include "version.h"

namespace wb {

const std::string& tool_identity() {
  static const std::string id = [] {
    Hasher h;
    h.add(WIREBOOK_VERSION);
    struct stat st;
    if (stat("/proc/self/exe", &st) == 0)
      h.add(static_cast<uint64_t>(st.st_size))
          .add(static_cast<uint64_t>(st.st_mtim.tv_sec))
          .add(static_cast<uint64_t>(st.st_mtim.tv_nsec));
    return h.hex();
  }();
  return id;
}

}  // namespace wb
