#pragma once
// Setting model fields from attribute text. The XML reader and the overlay
// patches both go through here, so a patch accepts exactly the attributes the
// base format does and reports bad values the same way.
#include <string>

#include "board/model.h"

namespace wb {

// Each returns "" on success, or a message saying what is wrong with the value
// (the caller adds the location). An unknown attribute name gives a message
// starting with "unknown attribute".
std::string set_part_attribute(Part&, const std::string& name, const std::string& value);
std::string set_pin_attribute(Pin&, const std::string& name, const std::string& value);
std::string set_signal_attribute(DriverSignal&, const std::string& name, const std::string& value);
std::string set_setting_attribute(Setting&, const std::string& name, const std::string& value);

// Whether a part of this type may carry the attribute (templates accept all).
bool part_accepts(PartType, const std::string& name);
// The attribute names a part of this type accepts, for hints.
std::string part_attribute_list(PartType);

// Parses a decimal number; false if the text is not entirely a number.
bool parse_number(const std::string& text, double& out);
bool parse_int(const std::string& text, int& out);
std::vector<std::string> split_words(const std::string& text);

}  // namespace wb
