#include "util/yaml_json.h"

#include <cstdlib>

namespace wb {

nlohmann::json yaml_to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: {
      auto a = nlohmann::json::array();
      for (const auto& x : n) a.push_back(yaml_to_json(x));
      return a;
    }
    case YAML::NodeType::Map: {
      auto o = nlohmann::json::object();
      for (const auto& kv : n) o[kv.first.Scalar()] = yaml_to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted: always text
      if (s == "true" || s == "false") return s == "true";
      if (s == "~" || s == "null") return nullptr;
      if (!s.empty() && s.find_first_not_of("0123456789.-+eE") == std::string::npos) {
        char* end = nullptr;
        double d = std::strtod(s.c_str(), &end);
        if (*end == '\0') {
          if (s.find_first_of(".eE") == std::string::npos) return static_cast<long long>(d);
          return d;
        }
      }
      return s;
    }
    default:
      return nullptr;
  }
}

}  // namespace wb
