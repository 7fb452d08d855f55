#pragma once
// site/config.yml: the site's title, description and base URL, plus any
// other keys for {{ site.x }}.
#include <string>

#include <nlohmann/json.hpp>

#include "util/diagnostic.h"

namespace wb::site {

struct SiteConfig {
  std::string title = "wirebook";
  std::string description;
  std::string url;  // base URL without trailing '/', or "" for relative links only
  nlohmann::json all = nlohmann::json::object();
};

SiteConfig load_config(const std::string& root, Diagnostics& diags);

// Converts a YAML document to JSON (strings, numbers, booleans, lists, maps).
nlohmann::json yaml_text_to_json(const std::string& text, const std::string& file, int first_line, Diagnostics& diags);

}  // namespace wb::site
