#include "site/output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "util/file_stamp.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace wb::site {

namespace {

// The bytes' hash and size. std::hash (murmur in libstdc++, fixed seed) is
// several times faster than our byte-wise FNV over a large site's pages.
std::string bytes_signature(const std::string& bytes) {
  return "h" + std::to_string(std::hash<std::string_view>{}(bytes)) + ":" + std::to_string(bytes.size());
}

std::string source_signature(const std::string& source) {
  struct stat st;
  if (stat(source.c_str(), &st) != 0) return "";
  return "s" + source + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
}

// One manifest line: "REL<tab>SIGNATURE<tab>STAMP".
bool parse_manifest_line(const std::string& line, std::string* rel, Staging::Published* p) {
  auto tab = line.find('\t');
  auto tab2 = tab == std::string::npos ? tab : line.find('\t', tab + 1);
  if (tab2 == std::string::npos) return false;
  *rel = line.substr(0, tab);
  p->signature = line.substr(tab + 1, tab2 - tab - 1);
  p->stamp = line.substr(tab2 + 1);
  return true;
}

}  // namespace

bool Staging::intact(const std::string& out_dir, const std::string& manifest) {
  std::ifstream in(manifest);
  if (!in) return false;
  const std::string out = fs::path(out_dir).lexically_normal().string();
  std::vector<std::pair<std::string, std::string>> files;  // path, stamp
  std::string line, rel;
  Published p;
  while (std::getline(in, line)) {
    if (!parse_manifest_line(line, &rel, &p)) return false;
    files.emplace_back(out + "/" + rel, std::move(p.stamp));
  }
  std::atomic<bool> whole{true};
  parallel_for(files.size(), [&](size_t i) {
    if (whole && file_stamp(files[i].first) != files[i].second) whole = false;
  });
  return whole;
}

Staging::Staging(const std::string& out_dir, const std::string& manifest)
    : out_(fs::path(out_dir).lexically_normal().string()), manifest_path_(manifest) {
  if (!out_.empty() && out_.back() == '/') out_.pop_back();
  fs::path parent = fs::path(out_).parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent);
  staging_ = (parent / ("." + fs::path(out_).filename().string() + ".staging-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_);
  fs::create_directories(staging_);
  update_ = fs::is_directory(out_);
  if (update_ && !manifest_path_.empty()) {
    std::ifstream in(manifest_path_);
    std::string line, rel;
    Published p;
    while (std::getline(in, line))
      if (parse_manifest_line(line, &rel, &p)) previous_[rel] = p;
  }
}

Staging::~Staging() {
  std::error_code ec;
  if (!published_ || update_) fs::remove_all(staging_, ec);
}

void Staging::produced(const std::string& relative, bool changed, Published published) {
  std::lock_guard lock(mutex_);
  all_.insert(relative);
  next_[relative] = std::move(published);
  if (changed) changed_.push_back(relative);
}

// An update keeps the published file when the manifest says it holds these
// bytes (same signature) and the file is untouched since (same stamp). A
// file edited or removed by hand is compared (compare) or simply replaced.
std::optional<Staging::Published> Staging::still_published(const std::string& relative, const std::string& signature,
                                                           const std::function<bool()>& compare) const {
  std::string stamp = file_stamp(out_ + "/" + relative);
  if (stamp.empty()) return std::nullopt;
  auto it = previous_.find(relative);
  if (it != previous_.end() && it->second.signature != signature) return std::nullopt;
  if (it != previous_.end() && it->second.stamp == stamp) return Published{signature, stamp};
  if (compare()) return Published{signature, stamp};
  return std::nullopt;
}

// Creates the staged file's folder unless an earlier file made it: a large
// site has thousands of files in a few hundred folders, and asking the file
// system about every path component of every file was a tenth of a build.
std::string Staging::staged_path(const std::string& relative) {
  std::string path = staging_ + "/" + relative;
  auto slash = relative.rfind('/');
  if (slash == std::string::npos) return path;
  std::string folder = relative.substr(0, slash);
  {
    std::lock_guard lock(mutex_);
    if (folders_.count(folder)) return path;
  }
  // Usually the parent exists (f/ for share pages): one mkdir, no lookups.
  std::string full = staging_ + "/" + folder;
  if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST) fs::create_directories(full);
  std::lock_guard lock(mutex_);
  folders_.insert(folder);
  return path;
}

bool Staging::same_as_published(const std::string& relative, const std::string& bytes) const {
  std::string path = out_ + "/" + relative;
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || static_cast<size_t>(st.st_size) != bytes.size()) return false;
  std::ifstream in(path, std::ios::binary);
  std::string old(bytes.size(), '\0');
  in.read(old.data(), static_cast<std::streamsize>(old.size()));
  return in && old == bytes;
}

bool Staging::same_file_as_published(const std::string& relative, const std::string& source) const {
  std::string published = out_ + "/" + relative;
  struct stat a, b;
  if (stat(published.c_str(), &a) != 0 || stat(source.c_str(), &b) != 0) return false;
  if (a.st_ino == b.st_ino && a.st_dev == b.st_dev) return true;
  if (a.st_size != b.st_size) return false;
  std::ifstream x(published, std::ios::binary), y(source, std::ios::binary);
  std::ostringstream sx, sy;
  sx << x.rdbuf();
  sy << y.rdbuf();
  return sx.str() == sy.str();
}

void Staging::write(const std::string& relative, const std::string& bytes) {
  std::string signature = bytes_signature(bytes);
  if (update_) {
    if (auto kept = still_published(relative, signature, [&] { return same_as_published(relative, bytes); }))
      return produced(relative, false, std::move(*kept));
  }
  std::string path = staged_path(relative);
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
  }
  // Publishing renames the file: its stamp stays what it is now.
  produced(relative, true, {signature, file_stamp(path)});
}

void Staging::copy(const std::string& relative, const std::string& source, bool may_link) {
  std::string signature = source_signature(source);
  if (update_) {
    if (auto kept = still_published(relative, signature, [&] { return same_file_as_published(relative, source); }))
      return produced(relative, false, std::move(*kept));
  }
  std::string path = staged_path(relative);
  std::error_code ec;
  if (may_link) fs::create_hard_link(source, path, ec);
  if (!may_link || ec) fs::copy_file(source, path, fs::copy_options::overwrite_existing);
  produced(relative, true, {signature, file_stamp(path)});
}

void Staging::write_manifest() const {
  if (manifest_path_.empty()) return;
  std::string text;
  for (const auto& [rel, p] : next_) text += rel + "\t" + p.signature + "\t" + p.stamp + "\n";
  fs::create_directories(fs::path(manifest_path_).parent_path());
  std::string tmp = manifest_path_ + ".tmp";
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, manifest_path_);
}

void Staging::publish() {
  std::sort(changed_.begin(), changed_.end());
  // The manifest goes first: were publishing cut short, a stale manifest
  // would make the next build skip files; removing it forces full compares.
  if (!manifest_path_.empty()) fs::remove(manifest_path_);
  if (!update_) {
    // First build: the staging folder becomes the site.
    fs::rename(staging_, out_);
    published_ = true;
    write_manifest();
    return;
  }
  // Update: move each new or changed file over its published one (an atomic
  // rename), then remove files the build no longer produces.
  for (const auto& rel : changed_) {
    fs::path to = fs::path(out_) / rel;
    fs::create_directories(to.parent_path());
    fs::rename(fs::path(staging_) / rel, to);
  }
  std::vector<fs::path> stale;
  if (!previous_.empty()) {
    // The manifest lists what the last publish left in the site.
    for (const auto& [rel, _] : previous_)
      if (!all_.count(rel)) stale.push_back(fs::path(out_) / rel);
  } else {
    const std::string prefix = out_ + "/";
    for (auto it = fs::recursive_directory_iterator(out_); it != fs::recursive_directory_iterator(); ++it) {
      if (!it->is_regular_file()) continue;
      const std::string path = it->path().generic_string();  // out_/REL: no need for fs::relative's lookups
      if (!all_.count(path.substr(prefix.size()))) stale.push_back(it->path());
    }
  }
  for (const auto& p : stale) {
    std::error_code ec;
    if (!fs::remove(p, ec)) continue;  // already gone
    // Drop folders the removal left empty (a deleted page's share folder).
    for (fs::path dir = p.parent_path(); dir != fs::path(out_) && fs::is_empty(dir); dir = dir.parent_path())
      fs::remove(dir);
  }
  published_ = true;
  write_manifest();
}

}  // namespace wb::site
