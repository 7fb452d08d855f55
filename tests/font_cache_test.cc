// Fonts added through wirebook's fontconfig cache (draw/font_cache.h).
#include <catch2/catch.hpp>

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "draw/font_cache.h"
#include "draw/fonts.h"
#include "support.h"

using namespace wb::draw;
namespace fs = std::filesystem;

namespace {
const std::vector<std::string> kNames = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
                                         "DejaVuSansMono-Bold.ttf"};

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& name : kNames) files.push_back(dir + "/" + name);
  return files;
}

// A configuration's application fonts, each with the file it came from.
struct Added {
  std::vector<FcPattern*> fonts;  // without FC_FILE
  std::vector<std::string> files;
  explicit Added(const std::vector<std::string>& files_to_add, const std::string& cache_dir) {
    FcConfig* config = FcConfigCreate();
    REQUIRE(add_fonts(config, files_to_add, cache_dir));
    FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
    REQUIRE(set);
    for (int i = 0; i < set->nfont; ++i) {
      FcChar8* file = nullptr;
      REQUIRE(FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch);
      files.push_back(reinterpret_cast<const char*>(file));
      FcPattern* p = FcPatternDuplicate(set->fonts[i]);
      FcPatternDel(p, FC_FILE);
      fonts.push_back(p);
    }
    FcConfigDestroy(config);
  }
  ~Added() {
    for (FcPattern* p : fonts) FcPatternDestroy(p);
  }
};

size_t folders(const std::string& cache, const std::string& prefix) {
  size_t n = 0;
  for (const auto& entry : fs::directory_iterator(cache))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) ++n;
  return n;
}
}  // namespace

TEST_CASE("fonts added through the cache are the ones fontconfig reads from the files", "[draw]") {
  auto files = files_in(kDejaVuDir);
  std::string cache = wbtest::temp_dir();
  Added direct(files, ""), first(files, cache), again(files, cache);
  REQUIRE(direct.fonts.size() == 4);
  CHECK(direct.files == files);
  for (const Added* cached : {&first, &again}) {
    REQUIRE(cached->fonts.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
      CHECK(FcPatternEqual(cached->fonts[i], direct.fonts[i]));
      CHECK(cached->files[i] != files[i]);  // a link in the cache folder
      CHECK(original_font_file(cached->files[i]) == files[i]);
    }
  }
  // fontconfig wrote its cache on the first run, to be mapped on later ones.
  CHECK(folders(cache + "/fontconfig", "") >= 1);
  CHECK(folders(cache, "fonts-") == 1);
}

TEST_CASE("a changed font file is read afresh into a new cache folder", "[draw]") {
  std::string fonts = wbtest::temp_dir(), cache = wbtest::temp_dir();
  for (const auto& name : kNames) fs::copy_file(std::string(kDejaVuDir) + "/" + name, fonts + "/" + name);
  Added before(files_in(fonts), cache);
  CHECK(folders(cache, "fonts-") == 1);
  fs::last_write_time(fonts + "/DejaVuSans.ttf", fs::last_write_time(fonts + "/DejaVuSans.ttf") + std::chrono::hours(1));
  Added after(files_in(fonts), cache);
  CHECK(folders(cache, "fonts-") == 2);
  REQUIRE(after.fonts.size() == 4);
  CHECK(original_font_file(after.files[0]) == fonts + "/DejaVuSans.ttf");
}

TEST_CASE("without a usable cache folder the fonts are read from their files", "[draw]") {
  auto files = files_in(kDejaVuDir);
  std::string not_a_folder = wbtest::temp_dir() + "/file";
  wbtest::write_file(not_a_folder, "");
  Added added(files, not_a_folder + "/cache");
  CHECK(added.files == files);
  CHECK(original_font_file(files[0]) == files[0]);
}

TEST_CASE("the cache folder comes from the environment", "[draw]") {
  // tests/main.cc points WIREBOOK_CACHE_DIR into the build tree.
  CHECK(user_cache_dir() == std::string(std::getenv("WIREBOOK_CACHE_DIR")));
  CHECK(user_cache_dir().find("test-cache") != std::string::npos);
}
