#pragma once
// Writes a build into a staging folder next to the published site and swaps
// it in only when the whole build succeeded, so a failed build leaves the
// last good site in place. Files whose bytes did not change are hard links to
// the published ones, so an incremental build writes only what changed.
#include <mutex>
#include <string>
#include <vector>

namespace wb::site {

class Staging {
 public:
  explicit Staging(const std::string& out_dir);
  ~Staging();  // removes the staging folder unless published

  // Adds a file with these bytes at a site-relative path. write() and copy()
  // may be called from several threads at once.
  void write(const std::string& relative, const std::string& bytes);
  // Adds a copy of a file on disk (a static file or a cached diagram).
  // `may_link`: the source is wirebook's own (a cache), so a hard link is as
  // good as a copy; author files are always copied, since editing one in
  // place must not change the published site.
  void copy(const std::string& relative, const std::string& source, bool may_link = false);
  const std::string& dir() const { return staging_; }
  // Replaces out_dir with the staging folder.
  void publish();

  // Site paths whose content differs from the published site (new or changed).
  const std::vector<std::string>& changed() const { return changed_; }

 private:
  bool same_as_published(const std::string& relative, const std::string& bytes) const;
  std::string out_, staging_;
  bool published_ = false;
  std::vector<std::string> changed_;
  std::mutex mutex_;
  void note_changed(const std::string& relative);
};

}  // namespace wb::site
