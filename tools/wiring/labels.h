#pragma once
// Connector labels: "HE0 (PA2)" next to each connector the build uses,
// where it covers no other connector, pin, wire, box or label.
#include <string>
#include <vector>

#include "scene/scene.h"
#include "wiring/model.h"

namespace wb::wiring {

// Adds the labels (Role::Label boxes tagged "connector:ID" with their text)
// and, for labels that had to move away, a short leader to the connector.
// Returns the connectors (and their label texts) for which there was no
// room anywhere near.
std::vector<std::pair<const Part*, std::string>> place_labels(const Layout& layout, scene::Scene& s);

}  // namespace wb::wiring
