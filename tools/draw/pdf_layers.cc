#include "draw/pdf_layers.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <vector>

namespace wb::draw {
namespace {

// The name under which above's page knows below's content.
constexpr std::string_view kFormName = "/WirebookBelow";

struct Object {
  int number = 0;
  size_t offset = 0;
  std::string_view text;  // "N 0 obj\n...endobj\n", as written
};

// The objects of a PDF as cairo writes one: a header, objects one after
// another, a cross-reference table of fixed-width rows, and the trailer.
struct Document {
  std::string_view header;
  std::vector<Object> objects;  // in file order
  std::string_view trailer;     // "<< /Size ... >>\n"
  int size = 0;                 // object numbers are below this

  const Object* find(int number) const {
    for (const auto& o : objects)
      if (o.number == number) return &o;
    return nullptr;
  }
};

std::optional<long> parse_number(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  long value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end == s.data()) return std::nullopt;
  return value;
}

std::optional<Document> parse(std::string_view pdf) {
  size_t xref = pdf.rfind("\nxref\n0 ");
  if (xref == std::string_view::npos) return std::nullopt;
  ++xref;
  size_t rows = pdf.find('\n', xref + 5);
  auto count = parse_number(pdf.substr(xref + 7));
  if (rows == std::string_view::npos || !count || *count < 1) return std::nullopt;
  constexpr size_t kRow = 20;  // "0000000015 00000 n \n"
  size_t table = rows + 1, trailer = table + kRow * static_cast<size_t>(*count);
  if (trailer > pdf.size() || pdf.substr(trailer, 8) != "trailer\n") return std::nullopt;
  size_t startxref = pdf.find("startxref\n", trailer);
  if (startxref == std::string_view::npos) return std::nullopt;

  Document doc;
  doc.size = static_cast<int>(*count);
  doc.trailer = pdf.substr(trailer + 8, startxref - trailer - 8);
  for (int n = 1; n < doc.size; ++n) {
    std::string_view row = pdf.substr(table + kRow * n, kRow);
    auto offset = parse_number(row.substr(0, 10));
    if (row[17] != 'n' || !offset || *offset <= 0 || size_t(*offset) >= xref)
      return std::nullopt;
    doc.objects.push_back({n, static_cast<size_t>(*offset), {}});
  }
  std::sort(doc.objects.begin(), doc.objects.end(), [](const Object& a, const Object& b) { return a.offset < b.offset; });
  for (size_t i = 0; i < doc.objects.size(); ++i) {
    Object& o = doc.objects[i];
    size_t end = i + 1 < doc.objects.size() ? doc.objects[i + 1].offset : xref;
    o.text = pdf.substr(o.offset, end - o.offset);
    if (!o.text.starts_with(std::to_string(o.number) + " 0 obj\n") || !o.text.ends_with("endobj\n")) return std::nullopt;
  }
  doc.header = pdf.substr(0, doc.objects.empty() ? xref : doc.objects.front().offset);
  return doc;
}

// The object number in "KEY N 0 R".
std::optional<int> reference(std::string_view text, std::string_view key) {
  size_t at = text.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(at + key.size());
  int n = 0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (error != std::errc() || end == rest.data() || !std::string_view(end, rest.data() + rest.size()).starts_with(" 0 R"))
    return std::nullopt;
  return n;
}

const Object* page_of(const Document& doc) {
  const Object* page = nullptr;
  for (const auto& o : doc.objects) {
    size_t at = o.text.find("/Type /Page");
    if (at == std::string_view::npos || o.text.substr(at + 11, 1) == "s") continue;
    if (page) return nullptr;  // more than one page
    page = &o;
  }
  return page;
}

std::string_view media_box(std::string_view page) {
  size_t at = page.find("/MediaBox [");
  if (at == std::string_view::npos) return {};
  size_t end = page.find(']', at);
  return end == std::string_view::npos ? std::string_view{} : page.substr(at, end - at);
}

std::string stream_object(int number, std::string_view data) {
  return std::to_string(number) + " 0 obj\n<< /Length " + std::to_string(data.size()) + " >>\nstream\n" +
         std::string(data) + "\nendstream\nendobj\n";
}

// An object's text under another number.
std::string renumbered(const Object& o, int number) {
  return std::to_string(number) + " 0 obj\n" + std::string(o.text.substr(o.text.find('\n') + 1));
}

// below's content stream as a form XObject, object `number`: its length
// written in place, drawn with below's resources (object `resources`).
std::optional<std::string> form_object(const Document& doc, const Object& content, int number, int resources,
                                       std::string_view box) {
  std::string_view text = content.text;
  size_t stream = text.find(">>\nstream\n");
  if (stream == std::string_view::npos) return std::nullopt;
  std::string_view dict = text.substr(0, stream);
  size_t dict_start = dict.find("<<");
  auto length_ref = reference(dict, "/Length ");
  if (dict_start == std::string_view::npos || !length_ref) return std::nullopt;
  const Object* length = doc.find(*length_ref);
  if (!length) return std::nullopt;
  auto value = parse_number(length->text.substr(length->text.find("obj\n") + 4));
  if (!value) return std::nullopt;
  std::string ref = "/Length " + std::to_string(*length_ref) + " 0 R";
  std::string body(dict.substr(dict_start));
  size_t at = body.find(ref);
  if (at == std::string::npos) return std::nullopt;
  body.replace(at, ref.size(),
               "/Type /XObject\n   /Subtype /Form\n   /BBox [" + std::string(box) + " ]\n   /Resources " +
                   std::to_string(resources) + " 0 R\n   /Length " + std::to_string(*value));
  return std::to_string(number) + " 0 obj\n" + body + std::string(text.substr(stream));
}

}  // namespace

std::optional<std::string> stack_pdf_layers(std::string_view below, std::string_view above) {
  auto low = parse(below), high = parse(above);
  if (!low || !high) return std::nullopt;
  const Object *low_page = page_of(*low), *high_page = page_of(*high);
  if (!low_page || !high_page || media_box(low_page->text).empty() ||
      media_box(low_page->text) != media_box(high_page->text))
    return std::nullopt;
  auto low_content = reference(low_page->text, "/Contents ");
  auto high_content = reference(high_page->text, "/Contents ");
  auto low_resources = reference(low_page->text, "/Resources ");
  auto high_resources = reference(high_page->text, "/Resources ");
  if (!low_content || !high_content || !low_resources || !high_resources) return std::nullopt;
  const Object* low_stream = low->find(*low_content);
  const Object* low_res = low->find(*low_resources);
  const Object* high_res = high->find(*high_resources);
  // below's resources move whole: they must refer to no other object.
  if (!low_stream || !low_res || !high_res || low_res->text.find(" 0 R") != std::string_view::npos ||
      high_res->text.find(kFormName) != std::string_view::npos)
    return std::nullopt;

  // New objects: below's resources, below's content as a form, a stream
  // that paints the form.
  const int resources = high->size, form = resources + 1, paint = resources + 2;
  std::string_view box = media_box(low_page->text).substr(11);
  auto form_text = form_object(*low, *low_stream, form, resources, box);
  if (!form_text) return std::nullopt;

  // above's page paints the form, then its own content.
  std::string page(high_page->text);
  std::string contents = "/Contents " + std::to_string(*high_content) + " 0 R";
  size_t at = page.find(contents);
  if (at == std::string::npos) return std::nullopt;
  page.replace(at, contents.size(),
               "/Contents [ " + std::to_string(paint) + " 0 R " + std::to_string(*high_content) + " 0 R ]");
  std::string high_resources_text(high_res->text);
  std::string entry = std::string(kFormName) + " " + std::to_string(form) + " 0 R";
  at = high_resources_text.find("/XObject <<");
  if (at != std::string::npos) {
    high_resources_text.insert(at + 11, " " + entry);
  } else {
    at = high_resources_text.find("<<");
    if (at == std::string::npos) return std::nullopt;
    high_resources_text.insert(at + 2, "\n   /XObject << " + entry + " >>");
  }

  std::string out;
  out.reserve(below.size() + above.size());
  out.append(high->header);
  std::vector<size_t> offsets(static_cast<size_t>(high->size) + 3);
  for (const auto& o : high->objects) {
    offsets[o.number] = out.size();
    if (&o == high_page) out += page;
    else if (&o == high_res) out += high_resources_text;
    else out.append(o.text);
  }
  offsets[resources] = out.size();
  out += renumbered(*low_res, resources);
  offsets[form] = out.size();
  out += *form_text;
  offsets[paint] = out.size();
  out += stream_object(paint, std::string(kFormName) + " Do");

  std::string trailer(high->trailer);
  std::string size = "/Size " + std::to_string(high->size);
  at = trailer.find(size + "\n");
  if (at == std::string::npos) return std::nullopt;
  trailer.replace(at, size.size(), "/Size " + std::to_string(high->size + 3));
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(high->size + 3) + "\n0000000000 65535 f \n";
  char row[32];
  for (size_t n = 1; n < offsets.size(); ++n) {
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", offsets[n]);
    out += row;
  }
  out += "trailer\n" + trailer + "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace wb::draw
