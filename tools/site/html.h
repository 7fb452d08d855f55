#pragma once
// Small HTML helpers: escaping and filling {{name}} slots in templates.
#include <map>
#include <string>

namespace wb::site {

std::string escape(const std::string& text);
// Replaces every {{name}} with values[name] (already HTML); unknown names
// are left empty.
std::string fill(const std::string& tmpl, const std::map<std::string, std::string>& values);
// "octopus-pro@v1.1/pinout" -> "octopus-pro-v1-1-pinout": lower case, runs
// of other characters become one dash.
std::string slug(const std::string& text);

}  // namespace wb::site
