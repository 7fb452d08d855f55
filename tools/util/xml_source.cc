#include "util/xml_source.h"

#include <algorithm>

namespace wb {

XmlSource::XmlSource(std::string file, const std::string& text, std::string doc)
    : text_(text), index_(std::move(file), text), doc_(std::move(doc)) {}

Location XmlSource::at(const pugi::xml_node& n) const { return index_.at(static_cast<size_t>(n.offset_debug())); }

Location XmlSource::at(const pugi::xml_node& n, const char* attribute) const {
  // pugixml has no offsets for attributes: find "name=" inside the start tag.
  size_t start = static_cast<size_t>(n.offset_debug());
  size_t end = text_.find('>', start);
  std::string needle = std::string(attribute) + "=";
  for (size_t pos = text_.find(needle, start); pos != std::string::npos && pos < end;
       pos = text_.find(needle, pos + 1)) {
    char before = text_[pos - 1];
    if (before == ' ' || before == '\t' || before == '\n' || before == '\r') return index_.at(pos);
  }
  return at(n);
}

bool XmlSource::check_attributes(const pugi::xml_node& n, const std::set<std::string>& allowed,
                                 Diagnostics& diags) const {
  bool ok = true;
  for (auto a : n.attributes()) {
    if (!allowed.count(a.name())) {
      std::string list;
      for (const auto& s : allowed) list += (list.empty() ? "" : ", ") + s;
      diags.error(at(n, a.name()), std::string("unknown attribute '") + a.name() + "' on <" + n.name() + ">",
                  "<" + std::string(n.name()) + "> takes: " + list + " (see " + doc_ + ")");
      ok = false;
    }
  }
  return ok;
}

void XmlSource::unknown_element(const pugi::xml_node& n, const std::string& parent, const std::string& allowed,
                                Diagnostics& diags) const {
  diags.error(at(n), "unknown element <" + std::string(n.name()) + "> inside <" + parent + ">",
              "<" + parent + "> may contain: " + allowed + " (see " + doc_ + ")");
}

std::string XmlSource::required(const pugi::xml_node& n, const char* attribute, Diagnostics& diags) const {
  auto a = n.attribute(attribute);
  if (!a || std::string(a.value()).empty()) {
    diags.error(at(n), std::string("<") + n.name() + "> needs a '" + attribute + "' attribute",
                std::string("add ") + attribute + "=\"...\"");
    return "";
  }
  return a.value();
}

pugi::xml_node XmlSource::load(pugi::xml_document& doc, const char* root, const std::string& hint,
                               Diagnostics& diags) const {
  auto result = doc.load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) {
    diags.error(at_offset(static_cast<size_t>(result.offset)), std::string("malformed XML: ") + result.description(),
                "check that every element is closed and attribute values are quoted");
    return {};
  }
  auto top = doc.document_element();
  if (std::string(top.name()) != root) {
    diags.error(at(top), "the top element is <" + std::string(top.name()) + ">, expected <" + root + ">", hint);
    return {};
  }
  return top;
}

std::vector<std::filesystem::path> xml_files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".xml") {
      std::string shown = e.path().lexically_normal().string();
      if (shown.rfind("./", 0) == 0) shown = shown.substr(2);
      files.emplace_back(shown);
    }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace wb
