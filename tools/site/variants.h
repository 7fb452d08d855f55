#pragma once
// One source, many pages. A page whose front matter lists `variants` (each
// with an id and keys such as title and board) renders once per variant at
// STEM-ID.html, plus itself as an overview. Blocks fenced with
//   :::variant f429-v1.0 h723-v1.0      (these variant ids)
//   :::variant mcu=h723 revision=v1.0   (variants whose board matches)
// appear only on the matching variants' pages. {{ variants }} lists the
// variant pages.
#include <vector>

#include "site/pages.h"

namespace wb::site {

// Adds the variant pages of every page that declares variants. Front matter
// keys of a variant override the source's for that page.
void expand_variants(std::vector<Page>& pages, Diagnostics& diags);

// The body of `page` with the variant blocks that do not apply blanked out
// (line numbers stay the same, so messages still point at the source).
std::string variant_body(const Page& page, Diagnostics& diags);

}  // namespace wb::site
