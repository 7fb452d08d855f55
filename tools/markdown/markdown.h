#pragma once
// Markdown pages to HTML fragments: front matter, cmark-gfm with its GFM
// extensions, heading and figure ids with link symbols, diagram embeds,
// admonitions, includes and {{ ... }} expressions. The site build and
// `wirebook md` both go through render().
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/diagnostic.h"

namespace wb::markdown {

// The YAML front matter between the leading '---' lines.
struct FrontMatter {
  std::string title, description, parent, sidebar_label, image;
  std::optional<double> nav_order;
  bool nav_exclude = false;
  std::vector<std::string> aliases;  // old URLs of the page
  nlohmann::json all = nlohmann::json::object();  // every key, known or not, for templates
  int body_line = 1;  // line of the page file where the Markdown body starts
};

struct Heading {
  int level = 0;
  std::string id;
  std::string text;  // plain text, for the table of contents and search
  std::vector<std::string> aliases;  // former ids that now point here
  Location where;
};

struct Figure {
  std::string id;
  std::string src;      // as written ("images/x.png" or "diagram:octopus-pro@v1.1/pinout")
  std::string alt;
  std::string caption;  // plain text, for search and share pages
  std::string image;    // URL of the image to use as a preview (PNG for diagrams)
  std::vector<std::string> aliases;
  bool diagram = false;
  Location where;
};

// A link or image target found in the page, for the build's link check.
struct Reference {
  std::string target;  // href or src as written (after {{ }} substitution)
  bool image = false;
  Location where;
};

struct Rendered {
  std::string html;
  std::vector<Heading> headings;
  std::vector<Figure> figures;
  std::vector<Reference> references;
};

// What a diagram embed resolves to: URLs relative to the page.
struct DiagramUrls {
  std::string png, png2x, svg, pdf;
  std::string title;  // e.g. "BIGTREETECH Octopus Pro V1.1 pin diagram"
};

// Everything a page may refer to; each callback may be empty (then the
// feature reports an error saying it is not available here).
struct Context {
  std::string file;  // the page's path as shown in messages, e.g. "content/index.md"
  nlohmann::json site = nlohmann::json::object();  // {{ site.x }}
  nlohmann::json page = nlohmann::json::object();  // {{ page.x }} (normally the front matter)
  // {{ include NAME }}: returns the snippet's text and the path to show in
  // messages for lines inside it; nullopt after reporting an error.
  std::function<std::optional<std::pair<std::string, std::string>>(const std::string& name, const Location&,
                                                                    Diagnostics&)>
      include;
  // ![alt](diagram:SPEC/NAME): nullopt after reporting an error.
  std::function<std::optional<DiagramUrls>(const std::string& spec, const Location&, Diagnostics&)> diagram;
  // {{ NAME ARGS }} for any other NAME (pin, pins, wiring-checklist...):
  // returns HTML; `block` is true when the expression is alone on its line.
  std::function<std::optional<std::string>(const std::string& name, const std::string& args, bool block,
                                           const Location&, Diagnostics&)>
      expression;
};

// Splits off the front matter. Errors (bad YAML, wrong types) are reported
// with the page's file:line:column.
FrontMatter parse_front_matter(const std::string& text, const std::string& file, Diagnostics& diags,
                               std::string* body);

// Renders a page body (without front matter). `first_line` is the line of
// the file where the body starts, so messages point at the right line.
Rendered render(const std::string& body, const Context& context, Diagnostics& diags, int first_line = 1);

// GitHub-style heading slug: lower case, spaces to '-', punctuation dropped.
std::string github_slug(const std::string& text);

// File-name slug: lower case, each run of other characters than letters and
// digits becomes one '-' ("octopus-pro@v1.1/pinout" -> "octopus-pro-v1-1-pinout").
std::string url_slug(const std::string& text);

}  // namespace wb::markdown
