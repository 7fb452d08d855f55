#pragma once
// Locations and common checks for the XML readers (boards/*.xml,
// diagrams/*.xml): file:line:column of an element or of one of its
// attributes, unknown attributes and elements, required attributes.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "util/diagnostic.h"

namespace wb {

class XmlSource {
 public:
  // `text` must outlive this object. `doc` is the authoring page named in
  // hints, e.g. "content/authoring/board-format.md".
  XmlSource(std::string file, const std::string& text, std::string doc);

  const std::string& file() const { return index_.file(); }
  Location at_offset(size_t offset) const { return index_.at(offset); }
  Location at(const pugi::xml_node& n) const;
  // Where `attribute=` is written in the start tag of n (the element when absent).
  Location at(const pugi::xml_node& n, const char* attribute) const;

  // Reports every attribute of n not in `allowed`; false if there was one.
  bool check_attributes(const pugi::xml_node& n, const std::set<std::string>& allowed, Diagnostics& diags) const;
  void unknown_element(const pugi::xml_node& n, const std::string& parent, const std::string& allowed,
                       Diagnostics& diags) const;
  // The attribute's value; reports it and returns "" when missing or empty.
  std::string required(const pugi::xml_node& n, const char* attribute, Diagnostics& diags) const;
  // Parses the text into doc and returns its top element if it is <root>;
  // otherwise reports why (malformed XML, or another top element with `hint`
  // on how a file of this kind starts) and returns an empty node.
  pugi::xml_node load(pugi::xml_document& doc, const char* root, const std::string& hint, Diagnostics& diags) const;

 private:
  const std::string& text_;
  LineIndex index_;
  std::string doc_;
};

// The .xml files directly in `dir` (none if it is not a folder), sorted, as
// paths to show in messages: "boards/octopus-pro.xml", no leading "./".
std::vector<std::filesystem::path> xml_files_in(const std::filesystem::path& dir);

}  // namespace wb
