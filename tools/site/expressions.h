#pragma once
// What a page may refer to while it renders: snippets in content/_includes/,
// diagram embeds, and {{ ... }} expressions backed by board data (a page
// bound to a board with `board: octopus-pro@v1.1` in its front matter).
#include <string>

#include "board/catalog.h"
#include "markdown/markdown.h"
#include "site/config.h"
#include "site/diagrams.h"
#include "site/pages.h"

namespace wb::site {

markdown::Context page_context(const Page& page, const SiteConfig& config, const Catalog& catalog,
                               DiagramService& diagrams, const std::string& root);

}  // namespace wb::site
