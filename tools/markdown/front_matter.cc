// The YAML front matter of a page: the keys the site knows are checked for
// their types; every key is also kept as JSON for {{ page.x }} and templates.
#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "markdown/internal.h"
#include "util/yaml_json.h"

namespace wb::markdown {
namespace {


// A line that is exactly "---" (or "..." to close), ignoring trailing blanks.
bool is_fence(const std::string& text, size_t begin, size_t end, bool closing) {
  std::string line = text.substr(begin, end - begin);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
  return line == "---" || (closing && line == "...");
}

}  // namespace

FrontMatter parse_front_matter(const std::string& text, const std::string& file, Diagnostics& diags,
                               std::string* body) {
  FrontMatter fm;
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a BOM from Windows editors
  size_t first_end = text.find('\n', start);
  if (first_end == std::string::npos || !is_fence(text, start, first_end, false)) {
    if (body) *body = text.substr(start);
    return fm;
  }
  // Find the closing fence; YAML line 0 is file line 2.
  size_t pos = first_end + 1, yaml_begin = pos, yaml_end = std::string::npos;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (is_fence(text, pos, end, true)) {
      yaml_end = pos;
      pos = end < text.size() ? end + 1 : end;
      break;
    }
    if (end == text.size()) break;
    pos = end + 1;
    ++line;
  }
  if (yaml_end == std::string::npos) {
    diags.error({file, 1, 1}, "the front matter that starts with '---' is never closed",
                "add a line '---' after the last key (or remove the first line)");
    if (body) *body = text.substr(start);
    return fm;
  }
  fm.body_line = line + 1;
  if (body) *body = text.substr(pos);

  auto where = [&](const YAML::Mark& m) {
    return Location{file, m.line >= 0 ? m.line + 2 : 1, m.column >= 0 ? m.column + 1 : 1};
  };
  YAML::Node root;
  try {
    root = YAML::Load(text.substr(yaml_begin, yaml_end - yaml_begin));
  } catch (const YAML::Exception& e) {
    diags.error(where(e.mark), "bad YAML in the front matter: " + e.msg,
                "write one 'key: value' per line; quote values that contain ': ' or start with '{', '[' or '*'");
    return fm;
  }
  if (!root || root.IsNull()) return fm;
  if (!root.IsMap()) {
    diags.error(where(root.Mark()), "the front matter must be 'key: value' lines",
                "for example: title: Wiring the Octopus Pro");
    return fm;
  }
  fm.all = yaml_to_json(root);

  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (v.IsNull()) continue;
    auto text_value = [&](std::string& out) {
      if (!v.IsScalar()) {
        diags.error(where(v.Mark()), "'" + key + "' must be text, not a list or map",
                    "write it on one line, quoted if it contains ': '");
        return;
      }
      out = v.Scalar();
    };
    if (key == "title") text_value(fm.title);
    else if (key == "description") text_value(fm.description);
    else if (key == "parent") text_value(fm.parent);
    else if (key == "sidebar_label") text_value(fm.sidebar_label);
    else if (key == "image") text_value(fm.image);
    else if (key == "nav_order") {
      const std::string s = v.IsScalar() ? v.Scalar() : "";
      char* end = nullptr;
      double d = s.empty() ? 0 : std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0')
        diags.error(where(v.Mark()), "'nav_order' must be a number" + (s.empty() ? "" : ", not '" + s + "'"),
                    "pages are sorted by nav_order within their parent: write e.g. nav_order: 3");
      else fm.nav_order = d;
    } else if (key == "nav_exclude") {
      if (!v.IsScalar() || (v.Scalar() != "true" && v.Scalar() != "false"))
        diags.error(where(v.Mark()), "'nav_exclude' must be true or false", "write nav_exclude: true to hide the page from the menu");
      else fm.nav_exclude = v.Scalar() == "true";
    } else if (key == "aliases") {
      if (v.IsScalar()) {
        fm.aliases.push_back(v.Scalar());
      } else if (v.IsSequence()) {
        for (const auto& a : v) {
          if (!a.IsScalar()) {
            diags.error(where(a.Mark()), "each entry of 'aliases' must be a URL", "write one old URL per '- ' line");
            continue;
          }
          fm.aliases.push_back(a.Scalar());
        }
      } else {
        diags.error(where(v.Mark()), "'aliases' must be a list of old URLs of this page",
                    "write aliases: [/old/url/] or one '- /old/url/' line per URL");
      }
    }
  }
  return fm;
}

}  // namespace wb::markdown
