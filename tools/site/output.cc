#include "site/output.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
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

void Staging::write(const std::string& relative, const std::string& bytes) {
  fs::path path = fs::path(staging_) / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void Staging::publish() {
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
