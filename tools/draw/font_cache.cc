#include "draw/font_cache.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "util/hash.h"

namespace wb::draw {
namespace {

namespace fs = std::filesystem;

bool add_each(FcConfig* config, const std::vector<std::string>& files) {
  for (const auto& file : files)
    if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()))) return false;
  return true;
}

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// The folder of links to `files`, made when missing; "" when it cannot be.
// Links are numbered so that fontconfig, which reads a folder in name
// order, adds the fonts in the order given.
std::string link_folder(const std::string& cache_dir, const std::vector<std::string>& files) {
  Hasher key;
  key.add(uint64_t(FcGetVersion()));
  for (const auto& file : files) {
    struct stat st;
    if (file.empty() || file[0] != '/' || stat(file.c_str(), &st) != 0) return "";
    key.add(file).add(uint64_t(st.st_size)).add(uint64_t(st.st_ino)).add(uint64_t(st.st_dev));
    key.add(uint64_t(st.st_mtim.tv_sec)).add(uint64_t(st.st_mtim.tv_nsec));
  }
  std::string dir = cache_dir + "/fonts-" + key.hex();
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return dir;
  fs::create_directories(cache_dir, ec);
  std::string tmp = dir + ".tmp-XXXXXX";
  if (!mkdtemp(tmp.data())) return "";
  for (size_t i = 0; i < files.size(); ++i) {
    std::string link = tmp + "/" + std::to_string(i) + "-" + fs::path(files[i]).filename().string();
    if (symlink(files[i].c_str(), link.c_str()) != 0) {
      fs::remove_all(tmp, ec);
      return "";
    }
  }
  // Whole or not at all; another run may have made it meanwhile.
  if (std::rename(tmp.c_str(), dir.c_str()) != 0) fs::remove_all(tmp, ec);
  return fs::is_directory(dir, ec) ? dir : "";
}

// Whether the configuration's application fonts come from exactly the links
// in `dir`, one file each at least.
bool added_from(FcConfig* config, const std::string& dir, size_t files) {
  FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
  if (!set) return false;
  std::set<std::string> seen;
  for (int i = 0; i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) return false;
    std::string path = reinterpret_cast<const char*>(file);
    if (path.rfind(dir + "/", 0) != 0) return false;
    seen.insert(path);
  }
  return seen.size() == files;
}

}  // namespace

bool add_fonts(FcConfig* config, const std::vector<std::string>& files, const std::string& cache_dir) {
  std::string dir = cache_dir.empty() ? "" : link_folder(cache_dir, files);
  if (!dir.empty()) {
    std::string xml = "<fontconfig><cachedir>" + xml_escape(cache_dir + "/fontconfig") + "</cachedir></fontconfig>";
    if (FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcFalse) &&
        FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(dir.c_str())) &&
        added_from(config, dir, files.size()))
      return true;
    FcConfigAppFontClear(config);
  }
  return add_each(config, files);
}

std::string user_cache_dir() {
  if (const char* dir = std::getenv("WIREBOOK_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/wirebook";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/wirebook";
  return "";
}

std::string original_font_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return path;
  fs::path target = fs::read_symlink(path, ec);
  return ec ? path : target.string();
}

}  // namespace wb::draw
