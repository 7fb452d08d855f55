#pragma once
// `wirebook anchors [--update]`.
#include <optional>
#include <string>

#include "util/diagnostic.h"

namespace wb::site {

// Checks the site like a build; returns the listing (full URLs, new ones
// marked), or nullopt with diagnostics. With update, writes the new anchors
// into content/anchors.lock (existing entries are kept).
std::optional<std::string> list_anchors(const std::string& root, bool update, Diagnostics& diags);

}  // namespace wb::site
