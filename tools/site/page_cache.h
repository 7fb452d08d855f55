#pragma once
// Remembers each page's rendered Markdown between builds, together with every
// answer the page got while rendering: snippets it included, diagrams it
// embedded, expressions such as {{ pin HE0 }}. Next time, a page whose text
// and context are unchanged is not parsed again; its recorded questions are
// asked again instead, and only if every answer is the same is the old result
// used. Changing one pin therefore re-renders exactly the pages whose text
// shows that pin, however many pages the site has.
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "markdown/markdown.h"
#include "util/mapped_file.h"

namespace wb::site {

class PageCache {
 public:
  // Reads the cache under the folder `dir`. It is kept in a few shard files,
  // so a build that re-renders one page rewrites one small file, not all of
  // it. A missing, foreign (other wirebook build) or damaged shard counts as
  // empty.
  explicit PageCache(std::string dir);

  // markdown::render through the cache; *reused tells whether the page was
  // taken from it. Thread-safe. Pages with errors are never remembered.
  markdown::Rendered render(const std::string& body, const markdown::Context& ctx, Diagnostics& diags,
                            int first_line, bool* reused = nullptr);

  // Writes the pages rendered through this cache since it was loaded, and
  // only those, then forgets them (they are large). Shards whose content is
  // unchanged are not written. False with *error set when a file cannot be
  // written; the build is still good then.
  bool save(std::string* error);

  // A question a page asked its context while rendering, and a hash of the answer.
  struct Call {
    char kind = 0;  // 'i' include, 'd' diagram, 'e' expression
    std::string name, args;
    bool block = false;
    Location where;
    uint64_t answer = 0;
  };

 private:
  // What a page's entry holds, encoded (util/binary_io.h): its calls, then
  // its rendered result. Entries stay encoded until a page asks for them.
  struct Saved {
    uint64_t key = 0;
    std::string owned;      // encoded here when rendered in this build
    std::string_view blob;  // else the bytes in a loaded shard
    std::string_view bytes() const { return owned.empty() ? blob : std::string_view(owned); }
  };
  static constexpr int kShards = 16;
  std::string shard_path(int shard) const;
  std::string dir_;
  std::vector<MappedFile> shards_;                       // loaded files, which blobs point into
  std::unordered_map<uint64_t, std::string_view> old_;   // key -> blob
  uint64_t shard_hash_[kShards] = {};                    // of each shard file as read
  std::mutex mutex_;
  std::vector<Saved> current_;
};

}  // namespace wb::site
