#include "site/build.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "board/catalog.h"
#include "board/pin_table.h"
#include "pinout/pinout.h"
#include "scene/render.h"
#include "site/html.h"
#include "site/output.h"

namespace fs = std::filesystem;

namespace wb::site {

std::string BuildSummary::str() const {
  return std::to_string(pages) + " pages, " + std::to_string(diagrams) + " diagrams";
}

namespace {

std::string read_text(const fs::path& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({path.string()}, "cannot read this file", "it is part of the site theme; restore it from git");
    return "";
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Theme {
  std::string page;
  std::string css;
};

std::string pin_table_html(const std::vector<PinRow>& rows) {
  std::string h = "<table class=\"pins\">\n<thead><tr><th>Connector</th><th>Pin</th><th>Signal</th><th>MCU</th>"
                  "<th>Function</th><th>Voltage</th></tr></thead>\n<tbody>\n";
  for (const auto& r : rows)
    h += "<tr class=\"fn-" + escape(r.function) + "\"><td>" + escape(r.connector) + "</td><td>" + escape(r.pin) +
         "</td><td>" + escape(r.signal) + "</td><td><code>" + escape(r.mcu) + "</code></td><td>" +
         escape(r.function) + "</td><td>" + escape(r.voltage) + "</td></tr>\n";
  return h + "</tbody>\n</table>\n";
}

std::string figure_html(const std::string& id, const std::string& base, const std::string& alt) {
  std::string b = escape(base);
  return "<figure class=\"diagram\" id=\"" + id + "\">\n<a class=\"anchor\" href=\"#" + id +
         "\" aria-label=\"Link to this figure\">&#128279;</a>\n<a href=\"" + b + "@2x.png\"><img src=\"" + b +
         ".png\" srcset=\"" + b + ".png 1x, " + b + "@2x.png 2x\" alt=\"" + escape(alt) +
         "\" loading=\"lazy\"></a>\n<figcaption>" + escape(alt) + " &middot; download <a href=\"" + b +
         "@2x.png\">PNG</a>, <a href=\"" + b + ".svg\">SVG</a>, <a href=\"" + b + ".pdf\">PDF</a></figcaption>\n</figure>\n";
}

std::string page(const Theme& theme, const std::string& title, const std::string& root, const std::string& content) {
  return fill(theme.page, {{"title", escape(title)}, {"root", root}, {"content", content}});
}

}  // namespace

bool build(const std::string& root, const std::string& out, Diagnostics& diags, BuildSummary& summary) {
  Catalog catalog = Catalog::load(root, diags);
  catalog.check_all(diags);
  Theme theme{read_text(fs::path(root) / "site/templates/page.html", diags),
              read_text(fs::path(root) / "site/assets/style.css", diags)};
  if (!diags.empty()) return false;

  Staging staging(out);
  staging.write("assets/style.css", theme.css);
  std::string index = "<h1>Boards</h1>\n<ul class=\"boards\">\n";
  for (const auto& board : catalog.boards()) {
    index += "<li>" + escape(board.vendor + " " + board.name) + ": ";
    for (size_t i = 0; i < board.revisions.size(); ++i) {
      const auto& rev = board.revisions[i];
      auto resolved = catalog.resolve({board.id, rev.id, ""}, diags);
      if (!resolved) return false;
      std::string dir = "boards/" + board.id + "/" + rev.id + "/";
      index += std::string(i ? ", " : "") + "<a href=\"" + dir + "index.html\">" + escape(rev.name) + "</a>";
      std::string base = "pinout";
      auto sc = pinout::layout(*resolved);
      staging.write(dir + base + ".png", scene::render(sc, draw::Format::Png, 1));
      staging.write(dir + base + "@2x.png", scene::render(sc, draw::Format::Png, 2));
      staging.write(dir + base + ".svg", scene::render(sc, draw::Format::Svg));
      staging.write(dir + base + ".pdf", scene::render(sc, draw::Format::Pdf));
      ++summary.diagrams;
      std::string id = slug(board.id + "@" + rev.id + "/pinout");
      std::string mcus;
      for (const auto* m : board.mcus_for(rev.id))
        mcus += "<li>" + escape(m->part) + " &middot; " + escape(m->crystal) + " crystal &middot; " +
                escape(m->bootloader) + " bootloader</li>\n";
      std::string body = "<h1>" + escape(resolved->title()) + "</h1>\n";
      if (!mcus.empty()) body += "<h2>MCU variants</h2>\n<ul>\n" + mcus + "</ul>\n";
      body += "<h2 id=\"pin-diagram\">Pin diagram</h2>\n" + figure_html(id, base, resolved->title() + " pin diagram");
      body += "<h2 id=\"pins\">Pins</h2>\n" + pin_table_html(pin_rows(*resolved));
      staging.write(dir + "index.html", page(theme, resolved->title(), "../../../", body));
      ++summary.pages;
    }
    index += "</li>\n";
  }
  index += "</ul>\n";
  staging.write("index.html", page(theme, "wirebook", "", index));
  ++summary.pages;
  staging.publish();
  return true;
}

}  // namespace wb::site
