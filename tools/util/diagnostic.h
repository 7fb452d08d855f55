#pragma once
// Errors about user input. Every message names file:line:column, says what is
// wrong and how to fix it; commands collect them and exit 1 if any was raised.
#include <string>
#include <vector>

namespace wb {

struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string str() const;  // "file:line:column"
};

struct Diagnostic {
  Location where;
  std::string message;  // what is wrong
  std::string hint;     // how to fix it
  std::string str() const;
};

class Diagnostics {
 public:
  void error(const Location& where, std::string message, std::string hint);
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  void append(const Diagnostics& other);
  // All messages, one per line, sorted by file, line and column.
  std::string str() const;

 private:
  std::vector<Diagnostic> list_;
};

// Maps byte offsets in a text to line and column numbers.
class LineIndex {
 public:
  LineIndex(std::string file, const std::string& text);
  Location at(size_t offset) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<size_t> starts_;
  const std::string* text_;
};

}  // namespace wb
