#include "site/output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace wb::site {

Staging::Staging(const std::string& out_dir) : out_(fs::path(out_dir).lexically_normal().string()) {
  if (!out_.empty() && out_.back() == '/') out_.pop_back();
  fs::path parent = fs::path(out_).parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent);
  staging_ = (parent / ("." + fs::path(out_).filename().string() + ".staging-" + std::to_string(getpid()))).string();
  fs::remove_all(staging_);
  fs::create_directories(staging_);
}

Staging::~Staging() {
  if (!published_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
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

void Staging::write(const std::string& relative, const std::string& bytes) {
  fs::path path = fs::path(staging_) / relative;
  fs::create_directories(path.parent_path());
  if (same_as_published(relative, bytes)) {
    std::error_code ec;
    fs::create_hard_link(out_ + "/" + relative, path, ec);
    if (!ec) return;
  }
  note_changed(relative);
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void Staging::copy(const std::string& relative, const std::string& source, bool may_link) {
  fs::path path = fs::path(staging_) / relative;
  fs::create_directories(path.parent_path());
  std::string published = out_ + "/" + relative;
  struct stat a, b;
  bool have_old = stat(published.c_str(), &a) == 0, have_src = stat(source.c_str(), &b) == 0;
  if (!have_src) throw std::runtime_error("cannot read " + source);
  std::error_code ec;
  if (have_old && a.st_ino == b.st_ino && a.st_dev == b.st_dev) {
    fs::create_hard_link(published, path, ec);  // the published file is this very file
    if (!ec) return;
  }
  if (have_old && a.st_size == b.st_size) {
    std::ifstream x(published, std::ios::binary), y(source, std::ios::binary);
    std::ostringstream sx, sy;
    sx << x.rdbuf();
    sy << y.rdbuf();
    if (sx.str() == sy.str()) {
      fs::create_hard_link(published, path, ec);
      if (!ec) return;
    }
  }
  note_changed(relative);
  ec.clear();
  if (may_link) fs::create_hard_link(source, path, ec);
  if (!may_link || ec) fs::copy_file(source, path, fs::copy_options::overwrite_existing);
}

void Staging::note_changed(const std::string& relative) {
  std::lock_guard lock(mutex_);
  changed_.push_back(relative);
}

void Staging::publish() {
  std::sort(changed_.begin(), changed_.end());
  // Two renames: the old site moves aside, the new one takes its name.
  fs::path old = fs::path(staging_).string() + ".old";
  std::error_code ec;
  fs::remove_all(old, ec);
  if (fs::exists(out_)) fs::rename(out_, old);
  fs::rename(staging_, out_);
  published_ = true;
  fs::remove_all(old, ec);
}

}  // namespace wb::site
