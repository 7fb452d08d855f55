#pragma once
// The client-side search index: page titles, headings and figure captions.
#include <string>
#include <vector>

#include "site/pages.h"

namespace wb::site {

std::string search_index_json(const std::vector<const Page*>& pages);

}  // namespace wb::site
