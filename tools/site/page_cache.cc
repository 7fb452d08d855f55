#include "site/page_cache.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>

#include "draw/atomic_write.h"
#include "util/binary_io.h"
#include "util/hash.h"
#include "util/mapped_file.h"
#include "util/tool_identity.h"

namespace wb::site {
namespace {

constexpr std::string_view kMagic = "wirebook page cache 1\n";

uint64_t key_of(const std::string& body, const markdown::Context& ctx, int first_line) {
  Hasher h;
  h.add(kMagic).add(body).add(ctx.file).add(ctx.site.dump()).add(ctx.page.dump()).add(uint64_t(first_line));
  return h.value();
}

uint64_t answer_hash(const std::optional<std::pair<std::string, std::string>>& a) {
  Hasher h;
  h.add(uint64_t(a.has_value()));
  if (a) h.add(a->first).add(a->second);
  return h.value();
}
uint64_t answer_hash(const std::optional<markdown::DiagramUrls>& a) {
  Hasher h;
  h.add(uint64_t(a.has_value()));
  if (a) h.add(a->png).add(a->png2x).add(a->svg).add(a->pdf).add(a->title);
  return h.value();
}
uint64_t answer_hash(const std::optional<std::string>& a) {
  Hasher h;
  h.add(uint64_t(a.has_value()));
  if (a) h.add(*a);
  return h.value();
}

// --- the file format ---

void put(BinaryWriter& w, const Location& l) {
  w.str(l.file);
  w.num(uint64_t(l.line));
  w.num(uint64_t(l.column));
}
void put(BinaryWriter& w, const std::vector<std::string>& v) {
  w.num(v.size());
  for (const auto& s : v) w.str(s);
}

void put(BinaryWriter& w, const std::vector<PageCache::Call>& calls, const markdown::Rendered& r) {
  w.num(calls.size());
  for (const auto& c : calls) {
    w.num(uint64_t(c.kind));
    w.str(c.name);
    w.str(c.args);
    w.num(c.block);
    put(w, c.where);
    w.num(c.answer);
  }
  w.str(r.html);
  w.num(r.headings.size());
  for (const auto& h : r.headings) {
    w.num(uint64_t(h.level));
    w.str(h.id);
    w.str(h.text);
    put(w, h.aliases);
    put(w, h.where);
  }
  w.num(r.figures.size());
  for (const auto& f : r.figures) {
    for (const auto* s : {&f.id, &f.src, &f.alt, &f.caption, &f.image}) w.str(*s);
    put(w, f.aliases);
    w.num(f.diagram);
    put(w, f.where);
  }
  w.num(r.references.size());
  for (const auto& ref : r.references) {
    w.str(ref.target);
    w.num(ref.image);
    put(w, ref.where);
  }
}

void get(BinaryReader& r, Location& l) {
  l.file = r.str();
  l.line = int(r.num());
  l.column = int(r.num());
}
void get(BinaryReader& r, std::vector<std::string>& v) {
  uint64_t n = r.num();
  for (uint64_t i = 0; i < n && r.ok(); ++i) v.push_back(r.str());
}

// Counts read from a file are trusted only as far as the data goes: every
// loop stops as soon as the reader fails.
std::vector<PageCache::Call> get_calls(BinaryReader& r) {
  std::vector<PageCache::Call> calls;
  for (uint64_t n = r.num(), i = 0; i < n && r.ok(); ++i) {
    PageCache::Call c;
    c.kind = char(r.num());
    c.name = r.str();
    c.args = r.str();
    c.block = r.num() != 0;
    get(r, c.where);
    c.answer = r.num();
    calls.push_back(std::move(c));
  }
  return calls;
}

markdown::Rendered get_rendered(BinaryReader& r) {
  markdown::Rendered out;
  out.html = r.str();
  for (uint64_t n = r.num(), i = 0; i < n && r.ok(); ++i) {
    markdown::Heading h;
    h.level = int(r.num());
    h.id = r.str();
    h.text = r.str();
    get(r, h.aliases);
    get(r, h.where);
    out.headings.push_back(std::move(h));
  }
  for (uint64_t n = r.num(), i = 0; i < n && r.ok(); ++i) {
    markdown::Figure f;
    for (auto* s : {&f.id, &f.src, &f.alt, &f.caption, &f.image}) *s = r.str();
    get(r, f.aliases);
    f.diagram = r.num() != 0;
    get(r, f.where);
    out.figures.push_back(std::move(f));
  }
  for (uint64_t n = r.num(), i = 0; i < n && r.ok(); ++i) {
    markdown::Reference ref;
    ref.target = r.str();
    ref.image = r.num() != 0;
    get(r, ref.where);
    out.references.push_back(std::move(ref));
  }
  return out;
}

// Asks the recorded questions again; true when every answer is the same.
bool replay(const std::vector<PageCache::Call>& calls, const markdown::Context& ctx) {
  for (const auto& c : calls) {
    Diagnostics scratch;
    uint64_t answer;
    if (c.kind == 'i' && ctx.include) answer = answer_hash(ctx.include(c.name, c.where, scratch));
    else if (c.kind == 'd' && ctx.diagram) answer = answer_hash(ctx.diagram(c.name, c.where, scratch));
    else if (c.kind == 'e' && ctx.expression) answer = answer_hash(ctx.expression(c.name, c.args, c.block, c.where, scratch));
    else return false;
    if (answer != c.answer || !scratch.empty()) return false;
  }
  return true;
}

}  // namespace

std::string PageCache::shard_path(int shard) const {
  static const char* digits = "0123456789abcdef";
  return dir_ + "/" + digits[shard / 16] + digits[shard % 16];
}

PageCache::PageCache(std::string dir) : dir_(std::move(dir)) {
  shards_.resize(kShards);
  for (int shard = 0; shard < kShards; ++shard) {
    MappedFile file(shard_path(shard).c_str());
    std::string_view view = file.data();
    // The last eight bytes are a hash of the rest: a damaged file is never read.
    if (view.size() < kMagic.size() + 8 || view.substr(0, kMagic.size()) != kMagic) continue;
    uint64_t stored;
    std::memcpy(&stored, view.data() + view.size() - 8, 8);
    view.remove_suffix(8);
    if (Hasher().add(view).value() != stored) continue;
    shards_[shard] = std::move(file);
    BinaryReader r(view.substr(kMagic.size()));
    if (r.str() != tool_identity()) continue;
    std::vector<std::pair<uint64_t, std::string_view>> entries;
    for (uint64_t n = r.num(), i = 0; i < n && r.ok(); ++i) {
      uint64_t key = r.num();
      std::string_view blob = r.view();
      entries.emplace_back(key, blob);
    }
    if (!r.ok() || !r.at_end()) continue;
    shard_hash_[shard] = stored;
    for (const auto& [key, blob] : entries) old_.emplace(key, blob);
  }
}

markdown::Rendered PageCache::render(const std::string& body, const markdown::Context& ctx, Diagnostics& diags,
                                     int first_line, bool* reused) {
  const uint64_t key = key_of(body, ctx, first_line);
  if (reused) *reused = false;
  if (auto it = old_.find(key); it != old_.end()) {
    BinaryReader r(it->second);
    auto calls = get_calls(r);
    if (r.ok() && replay(calls, ctx)) {
      markdown::Rendered rendered = get_rendered(r);
      if (r.ok() && r.at_end()) {
        if (reused) *reused = true;
        std::lock_guard lock(mutex_);
        current_.push_back({key, "", it->second});
        return rendered;
      }
    }
  }
  // Render with every answer recorded.
  auto calls = std::make_shared<std::vector<Call>>();
  markdown::Context recording = ctx;
  if (ctx.include)
    recording.include = [calls, inner = ctx.include](const std::string& name, const Location& where, Diagnostics& d) {
      auto answer = inner(name, where, d);
      calls->push_back({'i', name, "", false, where, answer_hash(answer)});
      return answer;
    };
  if (ctx.diagram)
    recording.diagram = [calls, inner = ctx.diagram](const std::string& name, const Location& where, Diagnostics& d) {
      auto answer = inner(name, where, d);
      calls->push_back({'d', name, "", false, where, answer_hash(answer)});
      return answer;
    };
  if (ctx.expression)
    recording.expression = [calls, inner = ctx.expression](const std::string& name, const std::string& args, bool block,
                                                          const Location& where, Diagnostics& d) {
      auto answer = inner(name, args, block, where, d);
      calls->push_back({'e', name, args, block, where, answer_hash(answer)});
      return answer;
    };
  Diagnostics local;
  markdown::Rendered rendered = markdown::render(body, recording, local, first_line);
  if (local.empty()) {
    Saved saved{key, "", {}};
    BinaryWriter w(saved.owned);
    put(w, *calls, rendered);
    std::lock_guard lock(mutex_);
    current_.push_back(std::move(saved));
  }
  diags.append(local);
  return rendered;
}

bool PageCache::save(std::string* error) {
  std::vector<Saved> entries;
  {
    std::lock_guard lock(mutex_);
    entries.swap(current_);
  }
  // Sorted, so the same pages always give the same files.
  std::sort(entries.begin(), entries.end(), [](const Saved& a, const Saved& b) { return a.key < b.key; });
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  bool ok = true;
  for (int shard = 0; shard < kShards; ++shard) {
    std::string data(kMagic);
    BinaryWriter w(data);
    w.str(tool_identity());
    size_t count = 0;
    for (const auto& e : entries) count += e.key % kShards == uint64_t(shard);
    w.num(count);
    for (const auto& e : entries)
      if (e.key % kShards == uint64_t(shard)) {
        w.num(e.key);
        w.str(e.bytes());
      }
    uint64_t hash = Hasher().add(data).value();
    if (hash == shard_hash_[shard]) continue;  // unchanged
    data.append(reinterpret_cast<const char*>(&hash), 8);
    ok = draw::write_file_atomically(shard_path(shard), data, error) && ok;
  }
  entries.clear();
  old_.clear();
  shards_.clear();
  return ok;
}

}  // namespace wb::site
