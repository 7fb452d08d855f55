#pragma once
// Publishing a build without ever leaving a half-built site behind.
//
// A first build writes everything into a staging folder next to the site and
// renames it into place. Later builds compare each output with the published
// file and stage only what differs; publish() then moves those files into
// the site one atomic rename each and deletes what is no longer produced.
// Both happen only after every check passed, so a failed build leaves the
// last good site as it was, and a small change costs a few renames instead of
// re-creating thousands of files.
#include <functional>
#include <map>
#include <optional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace wb::site {

class Staging {
 public:
  // `manifest`: a file recording what the last publish wrote (a hash per
  // output, the source signature per copy), so that unchanged outputs are
  // recognised without reading the published files and files no longer
  // produced are found without listing the site; "" to always compare.
  explicit Staging(const std::string& out_dir, const std::string& manifest = "");
  ~Staging();  // removes the staging folder unless published

  // Adds a file with these bytes at a site-relative path. write() and copy()
  // may be called from several threads at once.
  void write(const std::string& relative, const std::string& bytes);
  // Adds a copy of a file on disk (a static file or a cached diagram).
  // `may_link`: a hard link is as good as a copy, because the source belongs
  // to wirebook and is checked before reuse (the diagram cache).
  void copy(const std::string& relative, const std::string& source, bool may_link = false);
  const std::string& dir() const { return staging_; }
  // Makes the staged result the published site.
  void publish();

  // Site paths whose content differs from the published site (new or changed).
  const std::vector<std::string>& changed() const { return changed_; }

  // Whether every file the manifest lists is still as the last publish left
  // it (not edited, replaced or removed since). A build with no input change
  // asks this before it skips all work, so a damaged site gets repaired.
  static bool intact(const std::string& out_dir, const std::string& manifest);

  // What the manifest records of a published file: the signature of what was
  // produced (a hash of the bytes, or the source's identity for a copy) and
  // the file's stamp (size, modification time, inode) once published.
  struct Published {
    std::string signature, stamp;
  };

 private:
  bool same_as_published(const std::string& relative, const std::string& bytes) const;
  bool same_file_as_published(const std::string& relative, const std::string& source) const;
  void produced(const std::string& relative, bool changed, Published published);
  std::optional<Published> still_published(const std::string& relative, const std::string& signature,
                                           const std::function<bool()>& compare) const;
  std::string staged_path(const std::string& relative);
  void write_manifest() const;

  std::string out_, staging_;
  bool update_ = false;  // a site is already published: update it in place
  bool published_ = false;
  std::vector<std::string> changed_;
  std::set<std::string> all_;
  std::set<std::string> folders_;  // made in the staging folder so far
  std::mutex mutex_;
  std::string manifest_path_;
  std::map<std::string, Published> previous_, next_;  // by site path
};

}  // namespace wb::site
