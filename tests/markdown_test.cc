// Markdown pages: GFM, front matter, heading and figure ids, diagrams,
// admonitions, includes, {{ }} expressions, Liquid errors, references, and
// `wirebook md`. Expected HTML is exact where the markup is ours.
#include <catch2/catch.hpp>

#include <map>

#include "markdown/markdown.h"
#include "support.h"

using namespace wb;
using namespace wb::markdown;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Context ctx(const std::string& file = "page.md") {
  Context c;
  c.file = file;
  return c;
}

// Renders and requires no errors.
Rendered ok(const std::string& body, Context c = ctx(), int first_line = 1) {
  Diagnostics d;
  Rendered r = render(body, c, d, first_line);
  INFO(d.str());
  REQUIRE(d.empty());
  return r;
}

std::string html(const std::string& body, Context c = ctx()) { return ok(body, c).html; }

// The messages of a page that must fail, one "file:line:column: error: ..." each.
std::string errors(const std::string& body, Context c = ctx(), int first_line = 1) {
  Diagnostics d;
  render(body, c, d, first_line);
  REQUIRE_FALSE(d.empty());
  return d.str();
}

// Snippets from a map, as the site build would read content/_includes/.
Context with_includes(std::map<std::string, std::string> files) {
  Context c = ctx();
  c.include = [files](const std::string& name, const Location& where,
                      Diagnostics& diags) -> std::optional<std::pair<std::string, std::string>> {
    auto it = files.find(name);
    if (it == files.end()) {
      diags.error(where, "no snippet '" + name + "'", "");
      return std::nullopt;
    }
    return std::make_pair(it->second, "content/_includes/" + name);
  };
  return c;
}

Context with_diagrams() {
  Context c = ctx();
  c.diagram = [](const std::string& spec, const Location&, Diagnostics&) -> std::optional<DiagramUrls> {
    std::string base = "../diagrams/" + url_slug(spec);
    return DiagramUrls{base + ".png", base + "@2x.png", base + ".svg", base + ".pdf", "Octopus Pro V1.1 pin diagram"};
  };
  return c;
}

}  // namespace

// --- cmark-gfm ---

TEST_CASE("GFM extensions are on and raw HTML passes, but not <script>", "[markdown]") {
  CHECK(html("| a | b |\n|---|---|\n| 1 | 2 |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n"
        "</tr>\n</tbody>\n</table>\n");
  CHECK(html("~~old~~ new\n") == "<p><del>old</del> new</p>\n");
  CHECK(html("see www.example.org now\n") == "<p>see <a href=\"http://www.example.org\">www.example.org</a> now</p>\n");
  CHECK(html("- [x] done\n- [ ] todo\n") ==
        "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n"
        "<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n</ul>\n");
  CHECK(html("Remove <span style=\"color: red\">all</span> jumpers.\n") ==
        "<p>Remove <span style=\"color: red\">all</span> jumpers.</p>\n");
  CHECK(html("a <script>alert(1)</script>\n") == "<p>a &lt;script>alert(1)&lt;/script></p>\n");
  CHECK_FALSE(has(html("# T\n\ntext\n\n- a\n"), "data-sourcepos"));
}

// --- front matter ---

TEST_CASE("front matter: known keys, unknown keys kept, body line", "[markdown]") {
  const std::string page =
      "---\n"
      "title: \"Wiring: the Octopus\"\n"
      "description: How to wire it\n"
      "nav_order: 2.5\n"
      "parent: Boards\n"
      "nav_exclude: true\n"
      "sidebar_label: Octopus\n"
      "image: images/board.png\n"
      "aliases:\n"
      "  - /old/octopus/\n"
      "  - /older/\n"
      "layout: default\n"
      "extra: {count: 3, tags: [a, b], quoted: \"12\"}\n"
      "---\n"
      "# Body\n";
  Diagnostics d;
  std::string body;
  FrontMatter fm = parse_front_matter(page, "content/octopus.md", d, &body);
  INFO(d.str());
  REQUIRE(d.empty());
  CHECK(fm.title == "Wiring: the Octopus");
  CHECK(fm.description == "How to wire it");
  REQUIRE(fm.nav_order);
  CHECK(*fm.nav_order == 2.5);
  CHECK(fm.parent == "Boards");
  CHECK(fm.nav_exclude);
  CHECK(fm.sidebar_label == "Octopus");
  CHECK(fm.image == "images/board.png");
  CHECK(fm.aliases == std::vector<std::string>{"/old/octopus/", "/older/"});
  CHECK(fm.all["layout"] == "default");
  CHECK(fm.all["extra"]["count"] == 3);
  CHECK(fm.all["extra"]["tags"] == nlohmann::json::array({"a", "b"}));
  CHECK(fm.all["extra"]["quoted"] == "12");
  CHECK(fm.all["nav_exclude"] == true);
  CHECK(fm.body_line == 15);
  CHECK(body == "# Body\n");

  FrontMatter one = parse_front_matter("---\naliases: /old/\n---\n", "p.md", d, &body);
  CHECK(one.aliases == std::vector<std::string>{"/old/"});
  CHECK(d.empty());

  FrontMatter none = parse_front_matter("# Just text\n", "p.md", d, &body);
  CHECK(d.empty());
  CHECK(none.body_line == 1);
  CHECK(none.title.empty());
  CHECK(body == "# Just text\n");
}

TEST_CASE("front matter errors point at the value in the page", "[markdown]") {
  auto fails = [](const std::string& text) {
    Diagnostics d;
    std::string body;
    parse_front_matter(text, "content/p.md", d, &body);
    REQUIRE_FALSE(d.empty());
    return d.str();
  };
  CHECK(has(fails("---\ntitle: T\nnav_order: abc\n---\n"), "content/p.md:3:12: error: 'nav_order' must be a number, not 'abc'"));
  CHECK(has(fails("---\naliases: {a: b}\n---\n"), "content/p.md:2:10: error: 'aliases' must be a list of old URLs"));
  CHECK(has(fails("---\nnav_exclude: maybe\n---\n"), "content/p.md:2:14: error: 'nav_exclude' must be true or false"));
  CHECK(has(fails("---\ntitle: [a, b]\n---\n"), "content/p.md:2:8: error: 'title' must be text"));
  CHECK(has(fails("---\ntitle: ok\n  bad: indent\n---\n"), "content/p.md:3:6: error: bad YAML in the front matter"));
  CHECK(has(fails("---\ntitle: never closed\n"), "content/p.md:1:1: error: the front matter that starts with '---' is never closed"));
}

TEST_CASE("messages after front matter carry the page's line numbers", "[markdown]") {
  Diagnostics d;
  std::string body;
  const std::string page = "---\ntitle: T\n---\n\nText {{ page.missing }}.\n";
  FrontMatter fm = parse_front_matter(page, "content/p.md", d, &body);
  Context c = ctx("content/p.md");
  c.page = fm.all;
  render(body, c, d, fm.body_line);
  CHECK(d.str() == "content/p.md:5:6: error: page has no 'missing'\n"
                   "  hint: add 'missing:' to the page's front matter, or fix the name\n");
}

// --- headings ---

TEST_CASE("headings get GitHub slugs, unique within the page, with a link symbol", "[markdown]") {
  CHECK(github_slug("Color PIN Diagram for BTT Octopus Pro V1.0") == "color-pin-diagram-for-btt-octopus-pro-v10");
  CHECK(github_slug("(FAN & MOTOR POWER & PROBE) Voltage") == "fan--motor-power--probe-voltage");
  CHECK(github_slug("snake_case and-dash") == "snake_case-and-dash");
  CHECK(url_slug("octopus-pro@v1.1/pinout") == "octopus-pro-v1-1-pinout");

  Rendered r = ok("# Power\n\n## Power\n\n### Power\n\n## `code` and *em*\n");
  CHECK(r.html ==
        "<h1 id=\"power\">Power<a class=\"anchor\" href=\"#power\" aria-label=\"Link to this section\">#</a></h1>\n"
        "<h2 id=\"power-1\">Power<a class=\"anchor\" href=\"#power-1\" aria-label=\"Link to this section\">#</a></h2>\n"
        "<h3 id=\"power-2\">Power<a class=\"anchor\" href=\"#power-2\" aria-label=\"Link to this section\">#</a></h3>\n"
        "<h2 id=\"code-and-em\"><code>code</code> and <em>em</em><a class=\"anchor\" href=\"#code-and-em\" "
        "aria-label=\"Link to this section\">#</a></h2>\n");
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[1].level == 2);
  CHECK(r.headings[1].id == "power-1");
  CHECK(r.headings[3].text == "code and em");
  CHECK(r.headings[2].where.str() == "page.md:5:1");
}

TEST_CASE("kramdown {#id} wins, is kept exactly and may carry aliases", "[markdown]") {
  Rendered r = ok("## Wiring the Fans {#Fan_Wiring}\n\n## Power\n\n# Power {#power}\n\n"
                  "### Probe {#probe aliases=\"old-probe z-probe\"}\n");
  CHECK(has(r.html, "<h2 id=\"Fan_Wiring\">Wiring the Fans<a class=\"anchor\" href=\"#Fan_Wiring\""));
  // The explicit "power" further down is claimed first; the slug moves aside.
  CHECK(has(r.html, "<h2 id=\"power-1\">Power<a"));
  CHECK(has(r.html, "<h1 id=\"power\">Power<a"));
  CHECK(has(r.html, "<h3 id=\"probe\"><span class=\"alias\" id=\"old-probe\"></span><span class=\"alias\" "
                    "id=\"z-probe\"></span>Probe<a class=\"anchor\" href=\"#probe\""));
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[0].text == "Wiring the Fans");
  CHECK(r.headings[3].aliases == std::vector<std::string>{"old-probe", "z-probe"});
}

TEST_CASE("bad or repeated ids are errors at the attribute block", "[markdown]") {
  CHECK(has(errors("# A {#x}\n\n## B {#x}\n"), "page.md:3:6: error: the id 'x' is used twice on this page"));
  CHECK(has(errors("# A {#x}\n\n## B {#y aliases=\"x\"}\n"), "page.md:3:6: error: the id 'x' is used twice"));
  CHECK(has(errors("Intro\n\n## Bad {#two words}\n"), "page.md:3:8: error: unexpected 'words' in {#two words}"));
  CHECK(has(errors("## Bad {#id class=\"x\"}\n"), "page.md:1:8: error: unknown attribute 'class'"));
}

// --- figures ---

TEST_CASE("an image alone in its paragraph is a figure", "[markdown]") {
  Rendered r = ok("![Board top](images/Octopus_Pro_PREP.png)\n");
  CHECK(r.html ==
        "<figure id=\"octopus_pro_prep\" class=\"figure\"><a class=\"anchor\" href=\"#octopus_pro_prep\" "
        "aria-label=\"Link to this figure\">#</a><a class=\"zoom\" href=\"images/Octopus_Pro_PREP.png\"><img "
        "src=\"images/Octopus_Pro_PREP.png\" alt=\"Board top\" loading=\"lazy\"></a><figcaption>Board top</figcaption>"
        "</figure>\n");
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].id == "octopus_pro_prep");
  CHECK(r.figures[0].src == "images/Octopus_Pro_PREP.png");
  CHECK(r.figures[0].alt == "Board top");
  CHECK(r.figures[0].caption == "Board top");
  CHECK(r.figures[0].image == "images/Octopus_Pro_PREP.png");
  CHECK_FALSE(r.figures[0].diagram);
  CHECK(r.figures[0].where.str() == "page.md:1:1");

  // No alt and no title: no caption. A title is the caption when there is no alt.
  CHECK(html("![](a.png)\n") ==
        "<figure id=\"a\" class=\"figure\"><a class=\"anchor\" href=\"#a\" aria-label=\"Link to this figure\">#</a>"
        "<a class=\"zoom\" href=\"a.png\"><img src=\"a.png\" alt=\"\" loading=\"lazy\"></a></figure>\n");
  CHECK(has(html("![](a.png \"The title\")\n"), "<figcaption>The title</figcaption>"));
  // Text beside the image: an ordinary inline image.
  CHECK(html("![](a.png) Next step.\n") == "<p><img src=\"a.png\" alt=\"\" /> Next step.</p>\n");
}

TEST_CASE("figure ids: {#id} as written, else from the file name, never the position", "[markdown]") {
  Rendered r = ok("![A](x/Wiring.png){#Wiring_SPI}\n\n![B](y/wiring.jpg) {#w2 aliases=\"old-w2\"}\n\n"
                  "![C](a/Board.png)\n\n![D](b/board.png?v=2)\n\n![E](c/board.svg)\n");
  REQUIRE(r.figures.size() == 5);
  CHECK(r.figures[0].id == "Wiring_SPI");
  CHECK(r.figures[1].id == "w2");
  CHECK(r.figures[1].aliases == std::vector<std::string>{"old-w2"});
  CHECK(r.figures[2].id == "board");
  CHECK(r.figures[3].id == "board-1");
  CHECK(r.figures[4].id == "board-2");
  CHECK(has(r.html, "<figure id=\"w2\" class=\"figure\"><span class=\"alias\" id=\"old-w2\"></span><a class=\"anchor\""));
  // Adding a figure in front does not rename the ones after it.
  Rendered more = ok("![Z](z/extra.png)\n\n![A](x/Wiring.png){#Wiring_SPI}\n\n![C](a/Board.png)\n");
  CHECK(more.figures[2].id == "board");
}

TEST_CASE("the Voron level-6 heading form is a figure, a stray closing bracket tolerated", "[markdown]") {
  Rendered r = ok("###### ![](./images/Octopus_Pro_PREP-Removal_150.png) {#Octopus_Pro_PREP-Removal_SPI}\n\n"
                  "###### ![](./images/ConnectPitoMCU-Instructions.png)] {#ConnectPitoMCU-Instructions_2}\n");
  CHECK(r.html ==
        "<figure id=\"Octopus_Pro_PREP-Removal_SPI\" class=\"figure\"><a class=\"anchor\" "
        "href=\"#Octopus_Pro_PREP-Removal_SPI\" aria-label=\"Link to this figure\">#</a><a class=\"zoom\" "
        "href=\"./images/Octopus_Pro_PREP-Removal_150.png\"><img src=\"./images/Octopus_Pro_PREP-Removal_150.png\" "
        "alt=\"\" loading=\"lazy\"></a></figure>\n"
        "<figure id=\"ConnectPitoMCU-Instructions_2\" class=\"figure\"><a class=\"anchor\" "
        "href=\"#ConnectPitoMCU-Instructions_2\" aria-label=\"Link to this figure\">#</a><a class=\"zoom\" "
        "href=\"./images/ConnectPitoMCU-Instructions.png\"><img src=\"./images/ConnectPitoMCU-Instructions.png\" "
        "alt=\"\" loading=\"lazy\"></a></figure>\n");
  CHECK(r.headings.empty());
  REQUIRE(r.figures.size() == 2);
  CHECK(r.figures[1].where.str() == "page.md:3:8");
}

// --- diagrams ---

TEST_CASE("diagram embeds become figures with 1x/2x PNG and downloads", "[markdown]") {
  Context c = with_diagrams();
  std::string asked;
  auto base = c.diagram;
  c.diagram = [&](const std::string& spec, const Location& at, Diagnostics& d) {
    asked = spec + " at " + at.str();
    return base(spec, at, d);
  };
  Rendered r = ok("Intro.\n\n![Octopus Pro pins](diagram:octopus-pro@v1.1/pinout)\n", c);
  CHECK(asked == "octopus-pro@v1.1/pinout at page.md:3:1");
  CHECK(r.html ==
        "<p>Intro.</p>\n"
        "<figure id=\"octopus-pro-v1-1-pinout\" class=\"figure diagram\"><a class=\"anchor\" "
        "href=\"#octopus-pro-v1-1-pinout\" aria-label=\"Link to this figure\">#</a>"
        "<a class=\"zoom\" href=\"../diagrams/octopus-pro-v1-1-pinout@2x.png\"><img "
        "src=\"../diagrams/octopus-pro-v1-1-pinout.png\" srcset=\"../diagrams/octopus-pro-v1-1-pinout.png 1x, "
        "../diagrams/octopus-pro-v1-1-pinout@2x.png 2x\" alt=\"Octopus Pro pins\" loading=\"lazy\"></a>"
        "<figcaption>Octopus Pro pins<p class=\"downloads\">Download: "
        "<a href=\"../diagrams/octopus-pro-v1-1-pinout@2x.png\">PNG</a> "
        "<a href=\"../diagrams/octopus-pro-v1-1-pinout.svg\">SVG</a> "
        "<a href=\"../diagrams/octopus-pro-v1-1-pinout.pdf\">PDF</a></p></figcaption></figure>\n");
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].diagram);
  CHECK(r.figures[0].image == "../diagrams/octopus-pro-v1-1-pinout@2x.png");
  CHECK(r.figures[0].src == "diagram:octopus-pro@v1.1/pinout");
  // Diagram references are checked when resolved, not by the link check.
  CHECK(r.references.empty());

  Rendered plain = ok("![](diagram:octopus-pro@v1.1/pinout){#pins}\n", c);
  CHECK(plain.figures[0].id == "pins");
  CHECK(has(plain.html, "alt=\"Octopus Pro V1.1 pin diagram\""));
  CHECK(has(plain.html, "<figcaption>Octopus Pro V1.1 pin diagram<p class=\"downloads\">"));

  CHECK(has(errors("![](diagram:octopus-pro@v1.1/pinout)\n"), "page.md:1:1: error: diagram embeds are not available here"));
}

// --- admonitions ---

TEST_CASE("Docusaurus admonitions, with titles, nested, Markdown inside", "[markdown]") {
  CHECK(html(":::warning\nCheck the **polarity**.\n:::\n") ==
        "<div class=\"admonition admonition-warning\">\n<p class=\"admonition-title\">Warning</p>\n"
        "<p>Check the <strong>polarity</strong>.</p>\n</div>\n");
  for (const char* kind : {"note", "tip", "info", "caution", "warning", "danger"}) {
    INFO(kind);
    CHECK(has(html(std::string(":::") + kind + "\nx\n:::\n"),
              std::string("<div class=\"admonition admonition-") + kind + "\">"));
  }
  CHECK(has(html(":::danger Mains voltage\nx\n:::\n"), "<p class=\"admonition-title\">Mains voltage</p>"));
  CHECK(has(html(":::tip[Use ferrules]\nx\n:::\n"), "<p class=\"admonition-title\">Use ferrules</p>"));
  CHECK(html("::::note Outer\n:::tip\n- inner\n:::\n::::\n") ==
        "<div class=\"admonition admonition-note\">\n<p class=\"admonition-title\">Outer</p>\n"
        "<div class=\"admonition admonition-tip\">\n<p class=\"admonition-title\">Tip</p>\n"
        "<ul>\n<li>inner</li>\n</ul>\n</div>\n</div>\n");
  // In fenced code ::: stays text.
  CHECK(html("```\n:::note\n```\n") == "<pre><code>:::note\n</code></pre>\n");
}

TEST_CASE("GitHub alerts render as admonitions", "[markdown]") {
  CHECK(html("> [!WARNING]\n> Unplug the printer.\n") ==
        "<div class=\"admonition admonition-warning\">\n<p class=\"admonition-title\">Warning</p>\n"
        "<p>Unplug the printer.</p>\n</div>\n");
  const std::map<std::string, std::string> kinds = {
      {"NOTE", "note\">\n<p class=\"admonition-title\">Note"},
      {"TIP", "tip\">\n<p class=\"admonition-title\">Tip"},
      {"IMPORTANT", "important\">\n<p class=\"admonition-title\">Important"},
      {"WARNING", "warning\">\n<p class=\"admonition-title\">Warning"},
      {"CAUTION", "caution\">\n<p class=\"admonition-title\">Caution"}};
  for (const auto& [marker, expected] : kinds) {
    INFO(marker);
    CHECK(has(html("> [!" + marker + "]\n> body\n"), "<div class=\"admonition admonition-" + expected + "</p>"));
  }
  CHECK(html("> [!NOTE]\n>\n> Two *paragraphs*.\n>\n> Here.\n") ==
        "<div class=\"admonition admonition-note\">\n<p class=\"admonition-title\">Note</p>\n"
        "<p>Two <em>paragraphs</em>.</p>\n<p>Here.</p>\n</div>\n");
  CHECK(html("> Just a quote.\n") == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n");
}

TEST_CASE("admonition errors: unknown kind, never closed, nothing to close", "[markdown]") {
  CHECK(has(errors("Text\n\n:::warn\nx\n:::\n"), "page.md:3:4: error: unknown admonition kind 'warn'\n"
                                                  "  hint: use :::note, :::tip"));
  CHECK(has(errors("Text\n\n:::note\nnever closed\n"), "page.md:3:1: error: ':::note' is never closed\n"
                                                        "  hint: add a line ':::'"));
  CHECK(has(errors("Text\n:::\n"), "page.md:2:1: error: ':::' closes no admonition"));
  CHECK(has(errors("Text\n\n> [!WARN]\n> x\n"), "page.md:3:3: error: unknown alert kind '[!WARN]'"));
}

// --- includes ---

TEST_CASE("{{ include NAME }} inserts a snippet, recursively", "[markdown]") {
  Context c = with_includes({{"endstop-warning.md", ":::warning Endstop cables\nSwap the {{ page.title }} wires.\n:::\n"},
                             {"pins.md", "no pins here\n"},
                             {"outer.md", "Outer line.\n\n{{ include inner.md }}\n"},
                             {"inner.md", "Inner *line*.\n"}});
  c.page = {{"title", "T"}};
  CHECK(html("# X\n\n{{ include endstop-warning.md }}\n", c) ==
        "<h1 id=\"x\">X<a class=\"anchor\" href=\"#x\" aria-label=\"Link to this section\">#</a></h1>\n"
        "<div class=\"admonition admonition-warning\">\n<p class=\"admonition-title\">Endstop cables</p>\n"
        "<p>Swap the T wires.</p>\n</div>\n");
  CHECK(html("{{ include outer.md }}\n\nAfter.\n", c) == "<p>Outer line.</p>\n<p>Inner <em>line</em>.</p>\n<p>After.</p>\n");
  // In code the line stays as written.
  CHECK(html("```\n{{ include outer.md }}\n```\n", c) == "<pre><code>{{ include outer.md }}\n</code></pre>\n");
}

TEST_CASE("include errors: inside a snippet, cycles, depth, missing", "[markdown]") {
  Context c = with_includes({{"bad.md", "Fine line.\n\nValue {{ page.nope }} here.\n"},
                             {"a.md", "a\n{{ include b.md }}\n"},
                             {"b.md", "b\n{{ include a.md }}\n"},
                             {"deep.md", "{{ include deep2.md }}\n"}});
  // Messages for snippet lines point at the snippet.
  CHECK(has(errors("Intro.\n\n{{ include bad.md }}\n", c), "content/_includes/bad.md:3:7: error: page has no 'nope'"));
  CHECK(has(errors("{{ include a.md }}\n", c), "content/_includes/b.md:2:1: error: include cycle: a.md -> b.md -> a.md"));
  CHECK(has(errors("Text\n{{ include nothere.md }}\n", c), "page.md:2:1: error: no snippet 'nothere.md'"));
  CHECK(has(errors("Text {{ include a.md }} inline\n", c), "page.md:1:6: error: '{{ include a.md }}' must be alone on its line"));
  CHECK(has(errors("{{ include a.md }}\n"), "page.md:1:1: error: {{ include a.md }}: includes are not available here"));

  std::map<std::string, std::string> chain;
  for (int i = 0; i < 10; ++i) chain["s" + std::to_string(i)] = "{{ include s" + std::to_string(i + 1) + " }}\n";
  chain["s10"] = "end\n";
  std::string deep = errors("{{ include s0 }}\n", with_includes(chain));
  CHECK(has(deep, "content/_includes/s7:1:1: error: includes nested more than 8 deep: s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> s6 -> s7 -> s8"));
}

// --- expressions ---

TEST_CASE("{{ page.x }} and {{ site.x }} in text and URLs, not in code", "[markdown]") {
  Context c = ctx();
  c.page = {{"title", "Octopus & <Pro>"}, {"board", {{"rev", "v1.1"}, {"order", 3}}}, {"ratio", 2.5}};
  c.site = {{"url", "https://docs.example.org"}, {"title", "Printer docs"}};
  CHECK(html("Wiring {{ page.title }}, rev {{page.board.rev}} #{{ page.board.order }} x{{ page.ratio }}.\n", c) ==
        "<p>Wiring Octopus &amp; &lt;Pro&gt;, rev v1.1 #3 x2.5.</p>\n");
  CHECK(html("[home]({{ site.url }}/start/) ![logo]({{ site.url }}/logo.png) text\n", c) ==
        "<p><a href=\"https://docs.example.org/start/\">home</a> <img src=\"https://docs.example.org/logo.png\" "
        "alt=\"logo\" /> text</p>\n");
  CHECK(html("# {{ site.title }}\n", c) ==
        "<h1 id=\"printer-docs\">Printer docs<a class=\"anchor\" href=\"#printer-docs\" "
        "aria-label=\"Link to this section\">#</a></h1>\n");
  CHECK(html("<span title=\"{{ page.title }}\">x</span>\n", c) == "<p><span title=\"Octopus &amp; &lt;Pro&gt;\">x</span></p>\n");
  CHECK(html("Write `{{ page.title }}` to show it.\n", c) == "<p>Write <code>{{ page.title }}</code> to show it.</p>\n");
  CHECK(html("```md\n{{ page.title }} {{ page.missing }}\n```\n", c) ==
        "<pre><code class=\"language-md\">{{ page.title }} {{ page.missing }}\n</code></pre>\n");
  CHECK(html("Code:\n\n    {{ page.missing }} {% if %}\n", c) ==
        "<p>Code:</p>\n<pre><code>{{ page.missing }} {% if %}\n</code></pre>\n");
  CHECK(html("Escaped \\{{ page.title }}.\n", c) == "<p>Escaped {{ page.title }}.</p>\n");
}

TEST_CASE("expression errors name the expression and its place", "[markdown]") {
  Context c = ctx();
  c.page = {{"title", "T"}, {"list", {1, 2}}};
  CHECK(errors("Intro\n\nA {{ page.nope }} b\n", c) ==
        "page.md:3:3: error: page has no 'nope'\n  hint: add 'nope:' to the page's front matter, or fix the name\n");
  CHECK(has(errors("x {{ site.url }}\n", c), "page.md:1:3: error: site has no 'url'"));
  CHECK(has(errors("x {{ page.list }}\n", c), "page.md:1:3: error: '{{ page.list }}' is a list, not text"));
  CHECK(has(errors("x {{ page.title | upcase }}\n", c), "page.md:1:3: error: '{{ page.title | upcase }}': filters"));
  CHECK(has(errors("ü {{ }}\n", c), "page.md:1:3: error: empty expression '{{ }}'"));
  CHECK(has(errors("The pin is {{ pin HE0 }}.\n", c), "page.md:1:12: error: unknown expression '{{ pin HE0 }}'"));
  CHECK(has(errors("[x]({{ pin HE0 }})\n", c), "page.md:1:5: error: '{{ pin HE0 }}' cannot be used in a link"));
}

TEST_CASE("other {{ NAME args }} go to the context, block when alone on a line", "[markdown]") {
  Context c = ctx();
  std::vector<std::string> calls;
  c.expression = [&](const std::string& name, const std::string& args, bool block, const Location& where,
                     Diagnostics&) -> std::optional<std::string> {
    calls.push_back(name + "|" + args + "|" + (block ? "block" : "inline") + "|" + where.str());
    if (block) return "<table class=\"pins\"><tr><td>" + args + "</td></tr></table>\n";
    return "<code class=\"pin\">PA0</code>";
  };
  CHECK(html("Heater on {{ pin HE0 }} now.\nNext line\n{{ pins octopus-pro@v1.1 }}\nAfter.\n", c) ==
        "<p>Heater on <code class=\"pin\">PA0</code> now.\nNext line</p>\n"
        "<table class=\"pins\"><tr><td>octopus-pro@v1.1</td></tr></table>\n<p>After.</p>\n");
  CHECK(calls == std::vector<std::string>{"pin|HE0|inline|page.md:1:11", "pins|octopus-pro@v1.1|block|page.md:3:1"});
}

// --- Liquid ---

TEST_CASE("Liquid tags stop with an error at the {%, but not in code", "[markdown]") {
  std::string e = errors("Intro.\n\n{% assign url = \"x\" %}\n\nText {%- if site.url == \"a\" -%} more\n");
  CHECK(has(e, "page.md:3:1: error: Liquid tags such as '{% assign %}' are not supported\n"
               "  hint: use {{ page.x }} or {{ site.x }} for values, {{ include NAME }} for text shared between "
               "pages, and variant blocks"));
  CHECK(has(e, "page.md:5:6: error: Liquid tags such as '{% if %}' are not supported"));
  CHECK(has(errors("<div>{% endif %}</div>\n"), "page.md:1:6: error: Liquid tags such as '{% endif %}'"));
  CHECK(has(errors("[x]({% link a.md %})\n"), "page.md:1:5: error: Liquid tags such as '{% link %}'"));
  CHECK(html("Use `{% raw %}` in Jekyll.\n\n```liquid\n{% if x %}\n```\n") ==
        "<p>Use <code>{% raw %}</code> in Jekyll.</p>\n<pre><code class=\"language-liquid\">{% if x %}\n</code></pre>\n");
}

TEST_CASE("the seed's Liquid tags are reported at their line and column", "[markdown]") {
  const std::string file = wbtest::fixture("seeds/liquid-assign.md");
  const std::string text = wbtest::read_file(file);
  Diagnostics d;
  std::string body;
  FrontMatter fm = parse_front_matter(text, "seeds/liquid-assign.md", d, &body);
  Context c = ctx("seeds/liquid-assign.md");
  c.page = fm.all;
  render(body, c, d, fm.body_line);
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].where.str() == "seeds/liquid-assign.md:5:1");
  CHECK(has(d.list()[0].message, "Liquid tags such as '{% assign %}' are not supported"));

  auto r = wbtest::run_wirebook({"md"}, text);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has(r.err, "<stdin>:5:1: error: Liquid tags such as '{% assign %}' are not supported"));
}

// --- references ---

TEST_CASE("every link and image target is returned with its place", "[markdown]") {
  Context c = ctx();
  c.site = {{"url", "https://x.org"}};
  Rendered r = ok("# T\n\nSee [wiring](wiring.md#fans) and\n> [home]({{ site.url }}/) ü ![i](img/a.png)\n\n"
                  "![Fig](img/b.png)\n\n- <https://example.org/> and https://b.org/\n",
                  c, 10);
  REQUIRE(r.references.size() == 6);
  CHECK(r.references[0].target == "wiring.md#fans");
  CHECK_FALSE(r.references[0].image);
  CHECK(r.references[0].where.str() == "page.md:12:5");
  CHECK(r.references[1].target == "https://x.org/");
  CHECK(r.references[1].where.str() == "page.md:13:3");
  CHECK(r.references[2].target == "img/a.png");
  CHECK(r.references[2].image);
  CHECK(r.references[2].where.str() == "page.md:13:29");
  CHECK(r.references[3].target == "img/b.png");
  CHECK(r.references[3].where.str() == "page.md:15:1");
  CHECK(r.references[4].target == "https://example.org/");
  CHECK(r.references[4].where.str() == "page.md:17:3");
  CHECK(r.references[5].target == "https://b.org/");
  CHECK(r.references[5].where.str() == "page.md:17:30");
}

// --- the Voron seed page ---

TEST_CASE("the Voron Octopus Pro seed page renders with all its anchors", "[markdown]") {
  const std::string text = wbtest::read_file(wbtest::fixture("seeds/voron-octopus-pro-spi.md"));
  Diagnostics d;
  std::string body;
  FrontMatter fm = parse_front_matter(text, "seeds/voron-octopus-pro-spi.md", d, &body);
  CHECK(fm.title == "Stand-in for the Voron Octopus Pro SPI wiring page");
  CHECK(fm.nav_exclude);
  CHECK(fm.all["layout"] == "default");
  Context c = ctx("seeds/voron-octopus-pro-spi.md");
  c.page = fm.all;
  Rendered r = render(body, c, d, fm.body_line);
  INFO(d.str());
  REQUIRE(d.empty());

  const std::vector<std::string> ids = {
      "Octopus_Pro_PREP-Removal_SPI",       "Octopus_Pro_F446_SPI_Mode_for_Prep",
      "Octopus_Pro_F446_SPI_VoltageSelect", "Voron2_Wiring_Diagram_Octopus_ProF446_V1_SPI",
      "Octopus_Pro_SPI_Heatsinks",          "v2_octopus_pro_pi_onlyPWR_2",
      "v2_octopus_Pro_to_PI_UART_2",        "ConnectPitoMCU-Instructions_2",
      "BTTOctopus_Pro-ssr-SPI-wiring",      "BTT-Octopus-Pro-V1.0-color-PIN_2",
      "BIGTREETECH_Octopus_Pro-PIN-original_2"};
  REQUIRE(r.figures.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    CHECK(r.figures[i].id == ids[i]);
    CHECK(has(r.html, "<figure id=\"" + ids[i] + "\" class=\"figure\"><a class=\"anchor\" href=\"#" + ids[i] + "\""));
  }
  CHECK(r.figures[7].src == "./images/stand-in-09.png");  // the seed's stray-']' figure
  CHECK(r.figures[0].where.str() == "seeds/voron-octopus-pro-spi.md:22:8");

  // Every in-page link of the seed finds its heading.
  std::vector<std::string> anchors;
  for (const auto& h : r.headings) anchors.push_back(h.id);
  for (const auto& f : r.figures) anchors.push_back(f.id);
  int in_page = 0;
  for (const auto& ref : r.references) {
    if (ref.target.empty() || ref.target[0] != '#') continue;
    ++in_page;
    INFO(ref.target << " at " << ref.where.str());
    CHECK(std::find(anchors.begin(), anchors.end(), ref.target.substr(1)) != anchors.end());
  }
  CHECK(in_page == 3);
  CHECK(has(r.html, "<h2 id=\"mini-12864-display\">mini 12864 Display<a class=\"anchor\" href=\"#mini-12864-display\""));
  CHECK(has(r.html, "<h3 id=\"power\">Power<a"));
  CHECK(has(r.html, "<h2 id=\"after-i-have-wired-up-the-mcu-board-what-comes-next\">After I have Wired up the MCU "
                    "Board, What Comes Next?<span> <br> </span><a class=\"anchor\""));
  // Raw HTML and the comment block pass through; the step icons stay inline images.
  CHECK(has(r.html, "<span style=\"color: #f4ed68;\">coloured</span>"));
  CHECK(has(r.html, "<!--\nStand-in for the seed's note to editors."));
  CHECK(has(r.html, "<p><img src=\"./images/stand-in-14.png\" alt=\"\" />   Next-step text"));
}

// --- wirebook md ---

TEST_CASE("wirebook md prints the page's HTML, errors as <stdin>:line:column", "[markdown][cli]") {
  std::string root = wbtest::temp_dir();
  wbtest::write_file(root + "/site/config.yml", "title: Printer docs\nurl: https://docs.example.org/\n");
  wbtest::write_file(root + "/content/_includes/warn.md", ":::caution\nMind the {{ page.part }}.\n:::\n");
  const std::string page =
      "---\ntitle: Octopus\npart: endstop cable\n---\n# {{ page.title }} on {{ site.title }}\n\n"
      "{{ include warn.md }}\n\n![](diagram:octopus-pro@v1.1/pinout)\n";
  auto r = wbtest::run_wirebook({"md", "--root", root}, page);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "<h1 id=\"octopus-on-printer-docs\">Octopus on Printer docs<a class=\"anchor\""));
  CHECK(has(r.out, "<div class=\"admonition admonition-caution\">\n<p class=\"admonition-title\">Caution</p>\n"
                   "<p>Mind the endstop cable.</p>\n</div>\n"));
  CHECK(has(r.out, "<img src=\"diagrams/octopus-pro-v1-1-pinout.png\" srcset=\"diagrams/octopus-pro-v1-1-pinout.png 1x, "
                   "diagrams/octopus-pro-v1-1-pinout@2x.png 2x\""));

  auto bad = wbtest::run_wirebook({"md", "--root", root}, "---\ntitle: T\n---\n\nPin {{ pin HE0 }} and {{ page.nope }}\n");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK(has(bad.err, "<stdin>:5:5: error: '{{ pin ... }}' is not available in wirebook md"));
  CHECK(has(bad.err, "<stdin>:5:23: error: page has no 'nope'"));

  auto help = wbtest::run_wirebook({"md", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "--root"));
  CHECK(wbtest::run_wirebook({"md", "--bogus"}).exit_code == 2);
  CHECK(wbtest::run_wirebook({"md", root + "/missing.md"}).exit_code == 1);
}
