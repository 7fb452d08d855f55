#pragma once
// YAML (front matter, site/config.yml) to JSON, the form templates and
// {{ page.x }} read: quoted scalars stay text, true/false become booleans,
// plain numbers become numbers.
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace wb {

nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace wb
