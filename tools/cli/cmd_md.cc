// wirebook md: one page's Markdown to the HTML fragment the site would hold,
// for trying out syntax and for tests. Diagrams get their URLs without being
// drawn; board expressions ({{ pin ... }}) need the full build.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "markdown/markdown.h"
#include "site/config.h"

namespace wb::cli {
namespace {

std::optional<std::string> read_text(std::istream& in) {
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

markdown::Context md_context(const std::string& root, const std::string& file, const nlohmann::json& page,
                             const nlohmann::json& site) {
  markdown::Context c;
  c.file = file;
  c.page = page;
  c.site = site;
  c.include = [root](const std::string& name, const Location& where,
                     Diagnostics& diags) -> std::optional<std::pair<std::string, std::string>> {
    namespace fs = std::filesystem;
    if (name.find("..") != std::string::npos || name.front() == '/') {
      diags.error(where, "include name '" + name + "' leaves content/_includes/", "name a file inside content/_includes/");
      return std::nullopt;
    }
    for (const std::string& candidate : {name, name + ".md"}) {
      fs::path path = fs::path(root) / "content" / "_includes" / candidate;
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      auto text = read_text(in);
      if (text) return std::make_pair(*text, "content/_includes/" + candidate);
    }
    diags.error(where, "no snippet '" + name + "' to include", "create content/_includes/" + name);
    return std::nullopt;
  };
  c.diagram = [](const std::string& spec, const Location&, Diagnostics&) -> std::optional<markdown::DiagramUrls> {
    std::string base = "diagrams/" + markdown::url_slug(spec);
    return markdown::DiagramUrls{base + ".png", base + "@2x.png", base + ".svg", base + ".pdf", spec};
  };
  c.expression = [](const std::string& name, const std::string&, bool, const Location& where,
                    Diagnostics& diags) -> std::optional<std::string> {
    diags.error(where, "'{{ " + name + " ... }}' is not available in wirebook md",
                "board expressions are filled in by wirebook build");
    return std::nullopt;
  };
  return c;
}

}  // namespace

int run_md(const std::vector<std::string>& args) {
  po::options_description options("wirebook md [--root DIR] [PAGE] < page.md");
  options.add_options()("page", po::value<std::string>(), "a Markdown file to read instead of standard input");
  po::positional_options_description positional;
  positional.add("page", 1);
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options
              << "\nPrints the HTML fragment the site would hold for the page's body. {{ site.x }} comes from\n"
                 "ROOT/site/config.yml, {{ include NAME }} from ROOT/content/_includes/NAME; diagram embeds get\n"
                 "their URLs without being drawn. Errors go to standard error as file:line:column.\n";
    return kOk;
  }
  std::string file = "<stdin>";
  std::optional<std::string> text;
  if (p.vars.count("page") && p.vars["page"].as<std::string>() != "-") {
    file = p.vars["page"].as<std::string>();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": error: cannot read the file\n";
      return kBadInput;
    }
    text = read_text(in);
  } else {
    text = read_text(std::cin);
  }
  if (!text) {
    std::cerr << file << ": error: cannot read the page\n";
    return kBadInput;
  }

  Diagnostics diags;
  std::string body;
  markdown::FrontMatter front = markdown::parse_front_matter(*text, file, diags, &body);
  site::SiteConfig config = site::load_config(root_of(p), diags);
  markdown::Context context = md_context(root_of(p), file, front.all, config.all);
  markdown::Rendered rendered = markdown::render(body, context, diags, front.body_line);
  if (!diags.empty()) {
    std::cerr << diags.str();
    return kBadInput;
  }
  std::cout << rendered.html;
  return kOk;
}

}  // namespace wb::cli
