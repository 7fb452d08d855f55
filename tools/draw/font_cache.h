#pragma once
// Adding font files to a fontconfig configuration through fontconfig's own
// cache, so that only the first run reads them.
//
// To add a file, fontconfig reads all of it (every character the font has,
// every glyph's width): about 0.25 ms for each DejaVu face, a millisecond
// of a render that otherwise takes about twenty. Fonts added from a folder
// instead come from a cache file fontconfig writes on the first run and
// maps on later ones. The folder is ours: it holds links to exactly the
// given files, named after their paths, sizes and change times, so a
// changed font gets a new folder and is read afresh.
#include <fontconfig/fontconfig.h>

#include <string>
#include <vector>

namespace wb::draw {

// Adds `files` to `config` as application fonts, in order, through a cache
// under `cache_dir`; when that cannot be used (empty, not writable), with
// FcConfigAppFontAddFile. Either way the fonts are the same. False when a
// file cannot be added.
bool add_fonts(FcConfig* config, const std::vector<std::string>& files, const std::string& cache_dir);

// $WIREBOOK_CACHE_DIR, else $XDG_CACHE_HOME/wirebook, else
// $HOME/.cache/wirebook, else "" (no cache).
std::string user_cache_dir();

// The file a font added by add_fonts() stands for: `path` itself, or the
// file its link in the cache folder points to.
std::string original_font_file(const std::string& path);

}  // namespace wb::draw
