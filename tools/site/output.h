#pragma once
// Writes a build into a staging folder next to the published site and swaps
// it in only when the whole build succeeded, so a failed build leaves the
// last good site in place.
#include <string>

namespace wb::site {

class Staging {
 public:
  explicit Staging(const std::string& out_dir);
  ~Staging();  // removes the staging folder unless published
  // Writes a file under the staging folder (relative path, folders created).
  void write(const std::string& relative, const std::string& bytes);
  const std::string& dir() const { return staging_; }
  // Replaces out_dir with the staging folder.
  void publish();

 private:
  std::string out_, staging_;
  bool published_ = false;
};

}  // namespace wb::site
