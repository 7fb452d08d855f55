#include "board/catalog.h"

#include <algorithm>
#include <filesystem>

#include "board/overlay.h"
#include "board/reader.h"
#include "board/validate.h"
#include "util/xml_source.h"

namespace fs = std::filesystem;

namespace wb {

std::string BoardSpec::str() const {
  std::string s = board + "@" + revision;
  if (!mcu.empty()) s += "+" + mcu;
  return s;
}

std::optional<BoardSpec> parse_board_spec(const std::string& text) {
  auto at = text.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == text.size()) return std::nullopt;
  BoardSpec s;
  s.board = text.substr(0, at);
  std::string rest = text.substr(at + 1);
  auto plus = rest.find('+');
  s.revision = rest.substr(0, plus);
  if (plus != std::string::npos) s.mcu = rest.substr(plus + 1);
  if (s.revision.empty() || (plus != std::string::npos && s.mcu.empty())) return std::nullopt;
  return s;
}

Catalog Catalog::load(const std::string& root, Diagnostics& diags) {
  Catalog c;
  fs::path dir = fs::path(root) / "boards";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({dir.lexically_normal().string()}, "there is no boards/ folder under the root",
                "pass --root pointing at the folder that holds boards/, diagrams/, content/ and site/");
    return c;
  }
  for (const auto& f : xml_files_in(dir)) {
    auto board = read_board(f.string(), diags);
    if (!board) continue;
    if (board->id != f.stem().string())
      diags.error(board->where, "board id '" + board->id + "' does not match the file name '" + f.filename().string() + "'",
                  "rename the file to " + board->id + ".xml or change the id");
    if (c.board(board->id)) {
      diags.error(board->where, "a second board with id '" + board->id + "'", "board ids must be unique");
      continue;
    }
    c.boards_.push_back(std::move(*board));
  }
  return c;
}

const Board* Catalog::board(const std::string& id) const {
  for (const auto& b : boards_)
    if (b.id == id) return &b;
  return nullptr;
}

std::optional<ResolvedBoard> Catalog::resolve(const BoardSpec& spec, Diagnostics& diags) const {
  const Board* b = board(spec.board);
  if (!b) {
    std::string ids;
    for (const auto& x : boards_) ids += (ids.empty() ? "" : ", ") + x.id;
    diags.error({"boards/" + spec.board + ".xml"}, "there is no board '" + spec.board + "'",
                ids.empty() ? "add boards/" + spec.board + ".xml" : "known boards: " + ids);
    return std::nullopt;
  }
  size_t before = diags.size();
  auto r = wb::resolve(*b, spec.revision, spec.mcu, diags);
  if (!r) return std::nullopt;
  validate(*r, diags);
  if (diags.size() != before) return std::nullopt;
  return r;
}

void Catalog::check_all(Diagnostics& diags) const {
  for (const auto& b : boards_) {
    for (const auto& rev : b.revisions) {
      Diagnostics local;
      if (auto r = wb::resolve(b, rev.id, "", local)) validate(*r, local);
      diags.append(local);
    }
    for (const auto& m : b.mcus) {
      for (const auto& rev : m.revisions)
        if (!b.revision(rev))
          diags.error(m.where, "MCU variant '" + m.id + "' names revision '" + rev + "', which the board does not have",
                      "fix revisions=\"...\"");
      for (const auto& rev : b.revisions) {
        if (!m.revisions.empty() && std::find(m.revisions.begin(), m.revisions.end(), rev.id) == m.revisions.end())
          continue;
        if (m.ops.empty()) continue;  // same parts as the plain revision, already checked
        Diagnostics local;
        if (auto r = wb::resolve(b, rev.id, m.id, local)) validate(*r, local);
        diags.append(local);
      }
    }
  }
}

}  // namespace wb
