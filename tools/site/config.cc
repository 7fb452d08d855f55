#include "site/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "util/yaml_json.h"

namespace wb::site {

nlohmann::json yaml_text_to_json(const std::string& text, const std::string& file, int first_line, Diagnostics& diags) {
  try {
    YAML::Node n = YAML::Load(text);
    if (!n || n.IsNull()) return nlohmann::json::object();
    return yaml_to_json(n);
  } catch (const YAML::Exception& e) {
    diags.error({file, first_line + e.mark.line, e.mark.column + 1}, "bad YAML: " + e.msg,
                "check the indentation and quote values that contain ':' or '#'");
    return nlohmann::json::object();
  }
}

SiteConfig load_config(const std::string& root, Diagnostics& diags) {
  SiteConfig c;
  std::filesystem::path path = std::filesystem::path(root) / "site" / "config.yml";
  std::ifstream in(path);
  if (!in) return c;
  std::ostringstream s;
  s << in.rdbuf();
  std::string shown = "site/config.yml";
  c.all = yaml_text_to_json(s.str(), shown, 1, diags);
  if (!c.all.is_object()) {
    diags.error({shown, 1, 1}, "site/config.yml must be a map of keys", "write lines like 'title: My docs'");
    c.all = nlohmann::json::object();
  }
  auto str = [&](const char* key, std::string& out) {
    if (!c.all.contains(key)) return;
    if (!c.all[key].is_string()) {
      diags.error({shown, 1, 1}, std::string("'") + key + "' in site/config.yml must be text", "quote the value");
      return;
    }
    out = c.all[key].get<std::string>();
  };
  str("title", c.title);
  str("description", c.description);
  str("url", c.url);
  while (!c.url.empty() && c.url.back() == '/') c.url.pop_back();
  c.all["url"] = c.url;
  c.all["title"] = c.title;
  return c;
}

}  // namespace wb::site
