#include "site/search.h"

#include <nlohmann/json.hpp>

namespace wb::site {

std::string search_index_json(const std::vector<const Page*>& pages) {
  nlohmann::ordered_json j;
  j["pages"] = nlohmann::ordered_json::array();
  for (const Page* p : pages) {
    nlohmann::ordered_json e;
    e["title"] = p->title;
    e["url"] = p->url;
    e["headings"] = nlohmann::ordered_json::array();
    for (const auto& h : p->rendered.headings)
      if (h.level > 1 && !h.id.empty()) e["headings"].push_back({{"id", h.id}, {"text", h.text}});
    e["figures"] = nlohmann::ordered_json::array();
    for (const auto& f : p->rendered.figures) {
      std::string caption = f.caption.empty() ? f.alt : f.caption;
      if (!f.id.empty()) e["figures"].push_back({{"id", f.id}, {"caption", caption.empty() ? f.id : caption}});
    }
    j["pages"].push_back(std::move(e));
  }
  return j.dump() + "\n";
}

}  // namespace wb::site
