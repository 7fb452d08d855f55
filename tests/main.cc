#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  // Caches the tests make (fonts, draw/font_cache.h) stay in the build tree,
  // shared by the test processes and by the wirebook runs they start.
  setenv("WIREBOOK_CACHE_DIR", WIREBOOK_TEST_CACHE_DIR, 1);
  return Catch::Session().run(argc, argv);
}
