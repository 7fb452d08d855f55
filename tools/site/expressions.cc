#include "site/expressions.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "site/board_html.h"
#include "site/html.h"
#include "site/nav.h"
#include "site/theme.h"

namespace fs = std::filesystem;

namespace wb::site {
namespace {

// The board a page is bound to, resolved once per page.
struct Binding {
  std::string spec_text;
  std::optional<ResolvedBoard> board;
  bool tried = false;
};

const ResolvedBoard* bound_board(Binding& b, const Catalog& catalog, const Location& where, Diagnostics& diags) {
  if (b.spec_text.empty()) {
    diags.error(where, "this expression needs a board, and the page is not bound to one",
                "add 'board: BOARD@REVISION' (such as octopus-pro@v1.1) to the front matter");
    return nullptr;
  }
  if (!b.tried) {
    b.tried = true;
    auto spec = parse_board_spec(b.spec_text);
    Diagnostics local;
    if (spec) b.board = catalog.resolve(*spec, local);
    if (!b.board) {
      diags.error(where, "the page's board '" + b.spec_text + "' cannot be used" +
                             (local.list().empty() ? "" : ": " + local.list()[0].message),
                  "write board: BOARD@REVISION with a board under boards/ and one of its revisions");
    }
  }
  return b.board ? &*b.board : nullptr;
}

}  // namespace

markdown::Context page_context(const Page& page, const SiteConfig& config, const Catalog& catalog,
                               DiagramService& diagrams, const std::string& root) {
  markdown::Context ctx;
  ctx.file = page.source;
  ctx.site = config.all;
  ctx.page = page.front.all;
  ctx.page["url"] = page.url;
  auto binding = std::make_shared<Binding>();
  const diagram::Build* build = nullptr;
  std::string build_id = page.front.all.contains("build") && page.front.all["build"].is_string()
                             ? page.front.all["build"].get<std::string>()
                             : "";
  if (!build_id.empty()) build = diagrams.build(build_id);
  if (page.front.all.contains("board") && page.front.all["board"].is_string())
    binding->spec_text = page.front.all["board"].get<std::string>();
  else if (build)
    binding->spec_text = build->board.str();  // a page about a build talks about its board

  ctx.include = [root](const std::string& name, const Location& where,
                       Diagnostics& diags) -> std::optional<std::pair<std::string, std::string>> {
    std::string shown = "content/_includes/" + name;
    if (name.find("..") != std::string::npos || name.empty() || name[0] == '/') {
      diags.error(where, "include '" + name + "' must name a file inside content/_includes/", "write {{ include NAME.md }}");
      return std::nullopt;
    }
    std::ifstream in(fs::path(root) / "content" / "_includes" / name, std::ios::binary);
    if (!in) {
      diags.error(where, "there is no snippet " + shown, "create it, or fix the name in {{ include ... }}");
      return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return std::make_pair(s.str(), shown);
  };
  std::string url = page.url;
  ctx.diagram = [&diagrams, url](const std::string& name, const Location& where, Diagnostics& diags) {
    return diagrams.request(name, url, where, diags);
  };
  auto variant_links = page.variant_links;
  std::string page_url_here = page.url;
  Location build_where = key_location(page, "build");
  ctx.expression = [&catalog, binding, variant_links, page_url_here, build, build_id, build_where](const std::string& name, const std::string& args, bool block,
                                       const Location& where, Diagnostics& diags) -> std::optional<std::string> {
    if (name == "pins") {
      if (!block) {
        diags.error(where, "{{ pins }} makes a table and must stand alone on its line", "put it on a line of its own");
        return std::nullopt;
      }
      const ResolvedBoard* b = bound_board(*binding, catalog, where, diags);
      if (!b) return std::nullopt;
      return pin_table_html(*b);
    }
    if (name == "pin") {
      const ResolvedBoard* b = bound_board(*binding, catalog, where, diags);
      if (!b) return std::nullopt;
      std::string why;
      auto text = pin_reference(*b, args, why);
      if (!text) {
        diags.error(where, "{{ pin " + args + " }}: " + why, "name a connector of " + b->spec() + ", such as {{ pin HE0 }}");
        return std::nullopt;
      }
      return "<span class=\"pin-ref\">" + escape(*text) + "</span>";
    }
    if (name == "wiring-checklist" || name == "jumper-table") {
      if (!build) {
        diags.error(build_id.empty() ? where : build_where,
                    build_id.empty() ? "{{ " + name + " }} needs a build, and the page is not bound to one"
                                     : "the page's build '" + build_id + "' is not in diagrams/",
                    "add 'build: ID' (a file diagrams/ID.xml) to the front matter");
        return std::nullopt;
      }
      if (!block) {
        diags.error(where, "{{ " + name + " }} makes a list or table and must stand alone on its line",
                    "put it on a line of its own");
        return std::nullopt;
      }
      Diagnostics local;
      auto board = diagram::resolve_board(*build, catalog, local);
      if (!board) {
        diags.append(local);
        return std::nullopt;
      }
      return name == "wiring-checklist" ? checklist_html(*build, *board) : jumper_table_html(*build, *board);
    }
    if (name == "mcu") {
      const ResolvedBoard* b = bound_board(*binding, catalog, where, diags);
      if (!b) return std::nullopt;
      if (!b->mcu) {
        diags.error(where, "{{ mcu " + args + " }} needs a board with an MCU variant", "bind the page to BOARD@REVISION+MCU");
        return std::nullopt;
      }
      const Mcu& m = *b->mcu;
      const std::pair<const char*, const std::string*> fields[] = {
          {"part", &m.part}, {"clock", &m.clock}, {"flash", &m.flash}, {"crystal", &m.crystal},
          {"bootloader", &m.bootloader}, {"flash-start", &m.flash_start}, {"id", &m.id}};
      for (const auto& [key, value] : fields)
        if (args == key) return escape(*value);
      diags.error(where, "{{ mcu " + args + " }}: unknown field", "use part, clock, flash, crystal, bootloader, flash-start or id");
      return std::nullopt;
    }
    if (name == "variants") {
      if (variant_links.empty()) {
        diags.error(where, "{{ variants }} lists a page's variants, and this page has none",
                    "declare them under 'variants:' in the front matter");
        return std::nullopt;
      }
      std::string html = "<ul class=\"variants\">\n";
      for (const auto& [title, url] : variant_links)
        html += "<li><a href=\"" + escape(relative_url(page_url_here, url)) + "\">" + escape(title) + "</a></li>\n";
      return html + "</ul>\n";
    }
    diags.error(where, "unknown expression '{{ " + name + (args.empty() ? "" : " " + args) + " }}'",
                "known: {{ page.KEY }}, {{ site.KEY }}, {{ include NAME }}, {{ pin ID }}, {{ pins }}, {{ mcu FIELD }}, "
                "{{ variants }}, {{ wiring-checklist }}, {{ jumper-table }}");
    return std::nullopt;
  };
  return ctx;
}

}  // namespace wb::site
