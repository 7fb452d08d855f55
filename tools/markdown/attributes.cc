// kramdown's attribute block at the end of a heading or after a figure image:
// {#id} or {: #id}, optionally with aliases="old-id other-old" so links to
// ids that were renamed keep working.
#include <cctype>

#include "markdown/internal.h"

namespace wb::markdown::detail {
namespace {

bool id_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':' ||
         (static_cast<unsigned char>(c) & 0x80);
}

bool valid_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!id_char(c)) return false;
  return true;
}

}  // namespace

bool split_attributes(const std::string& text, std::string* rest, Attributes* out, std::string* error) {
  std::string t = text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  if (t.empty() || t.back() != '}') return false;
  size_t open = t.rfind('{');
  if (open == std::string::npos) return false;
  std::string inner = t.substr(open + 1, t.size() - open - 2);
  if (inner.empty() || (inner[0] != '#' && inner[0] != ':')) return false;  // not ours: {like this}
  *rest = t.substr(0, open);
  while (!rest->empty() && std::isspace(static_cast<unsigned char>(rest->back()))) rest->pop_back();

  size_t i = inner[0] == ':' ? 1 : 0;
  auto skip_space = [&] {
    while (i < inner.size() && std::isspace(static_cast<unsigned char>(inner[i]))) ++i;
  };
  skip_space();
  if (i >= inner.size() || inner[i] != '#') {
    *error = "the attribute block {" + inner + "} has no #id";
    return true;
  }
  size_t id_begin = ++i;
  while (i < inner.size() && !std::isspace(static_cast<unsigned char>(inner[i]))) ++i;
  out->id = inner.substr(id_begin, i - id_begin);
  if (!valid_id(out->id)) {
    *error = "'" + out->id + "' is not a valid id (use letters, digits, '-', '_', '.' or ':')";
    return true;
  }
  for (skip_space(); i < inner.size(); skip_space()) {
    size_t key_begin = i;
    while (i < inner.size() && inner[i] != '=' && !std::isspace(static_cast<unsigned char>(inner[i]))) ++i;
    std::string key = inner.substr(key_begin, i - key_begin);
    if (key != "aliases") {
      *error = i < inner.size() && inner[i] == '='
                   ? "unknown attribute '" + key + "' in {" + inner + "}: only aliases=\"...\" may follow the #id"
                   : "unexpected '" + key + "' in {" + inner + "}: an id has no spaces, and only aliases=\"...\" may follow it";
      return true;
    }
    if (i >= inner.size() || inner[i] != '=' || i + 1 >= inner.size() || (inner[i + 1] != '"' && inner[i + 1] != '\'')) {
      *error = "write aliases=\"old-id other-old-id\" with the ids in quotes";
      return true;
    }
    char quote = inner[i + 1];
    size_t value_begin = i + 2, value_end = inner.find(quote, value_begin);
    if (value_end == std::string::npos) {
      *error = "the aliases value in {" + inner + "} has no closing quote";
      return true;
    }
    std::string value = inner.substr(value_begin, value_end - value_begin);
    i = value_end + 1;
    size_t p = 0;
    while (p < value.size()) {
      size_t b = value.find_first_not_of(" \t", p);
      if (b == std::string::npos) break;
      size_t e = value.find_first_of(" \t", b);
      std::string alias = value.substr(b, e == std::string::npos ? std::string::npos : e - b);
      if (!alias.empty() && alias[0] == '#') alias.erase(0, 1);
      if (!valid_id(alias)) {
        *error = "alias '" + alias + "' is not a valid id";
        return true;
      }
      out->aliases.push_back(alias);
      p = e == std::string::npos ? value.size() : e;
    }
  }
  return true;
}

}  // namespace wb::markdown::detail
