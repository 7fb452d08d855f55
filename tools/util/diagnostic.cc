#include "util/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace wb {

std::string Location::str() const {
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    s += ":" + std::to_string(column > 0 ? column : 1);
  }
  return s;
}

std::string Diagnostic::str() const {
  std::string s = where.str() + ": error: " + message;
  if (!hint.empty()) s += "\n  hint: " + hint;
  return s;
}

void Diagnostics::error(const Location& where, std::string message, std::string hint) {
  // Every revision of a board re-checks the shared base parts: say a problem once.
  for (const auto& d : list_)
    if (d.message == message && d.where.file == where.file && d.where.line == where.line &&
        d.where.column == where.column)
      return;
  list_.push_back({where, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.list_) error(d.where, d.message, d.hint);
}

std::string Diagnostics::str() const {
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
  std::string s;
  for (const auto& d : sorted) {
    s += d.str() + "\n";
  }
  return s;
}

LineIndex::LineIndex(std::string file, const std::string& text) : file_(std::move(file)), text_(&text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

Location LineIndex::at(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  size_t start = starts_[line - 1];
  // Columns count characters, not bytes: skip UTF-8 continuation bytes.
  int column = 1;
  for (size_t i = start; i < offset && i < text_->size(); ++i)
    if ((static_cast<unsigned char>((*text_)[i]) & 0xC0) != 0x80) ++column;
  return {file_, static_cast<int>(line), column};
}

}  // namespace wb
