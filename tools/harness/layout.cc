#include "harness/layout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>

#include "harness/harness.h"
#include "pinout/palette.h"
#include "pinout/placement.h"

namespace wb::harness {

double Node::rows_top() const { return style::kTitleH + (subtitle.empty() ? 0 : style::kSubtitleH) + 4; }

int Node::row(const std::string& key) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == key) return static_cast<int>(i);
  return -1;
}

std::string end_key(const diagram::WireEnd& e) {
  if (e.component.empty()) return "board:" + e.board.connector + "." + std::to_string(e.board.pin);
  return e.component + "." + e.terminal;
}

namespace {

const diagram::Component* find_component(const diagram::Build& b, const std::string& id) {
  for (const auto& c : b.components)
    if (c.id == id) return &c;
  return nullptr;
}

std::string node_id(const diagram::WireEnd& e) {
  return e.component.empty() ? "board:" + e.board.connector : e.component;
}

std::string row_key(const diagram::WireEnd& e) {
  return e.component.empty() ? std::to_string(e.board.pin) : e.terminal;
}

const std::vector<std::pair<std::string, std::string>>& named_colors() {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"red", "#d32f2f"},    {"black", "#212121"},  {"green", "#2e7d32"}, {"blue", "#1565c0"},
      {"yellow", "#fdd835"}, {"white", "#ffffff"},  {"orange", "#ef6c00"}, {"brown", "#6d4c41"},
      {"grey", "#9e9e9e"},   {"gray", "#9e9e9e"},   {"purple", "#7b1fa2"}, {"violet", "#7b1fa2"},
      {"pink", "#ec407a"},
  };
  return names;
}

// The colour name closest to an #rrggbb wire colour, for the label.
std::string nearest_name(Color c) {
  std::string best;
  double d = 1e9;
  for (const auto& [name, hex] : named_colors()) {
    double e = draw::delta_e(c, Color::hex(hex));
    if (e < d) d = e, best = name;
  }
  return best;
}

std::string kind_name(const std::string& kind) {
  static const std::map<std::string, std::string> names = {
      {"psu", "power supply"}, {"ssr", "solid-state relay"}, {"pi", "single-board computer"},
      {"stepper", "stepper motor"}, {"thermistor", "thermistor"}, {"heater", "heater"}, {"fan", "fan"},
      {"endstop", "endstop"}, {"probe", "probe"}, {"display", "display"}, {"led", "LEDs"}};
  auto it = names.find(kind);
  return it == names.end() ? "" : it->second;
}

Node make_node(const diagram::WireEnd& e, const diagram::Build& build, const ResolvedBoard& board) {
  Node n;
  n.id = node_id(e);
  if (e.component.empty()) {
    n.board = true;
    n.title = e.board.connector;
    if (const Part* p = board.part(e.board.connector)) {
      std::string sub = p->ref;
      if (!p->label.empty() && p->label != p->id) sub += (sub.empty() ? "" : " \u00b7 ") + p->label;
      n.subtitle = sub.empty() ? "on the board" : sub;
      std::vector<Pin> pins = p->pins;
      std::sort(pins.begin(), pins.end(), [](const Pin& a, const Pin& b) { return a.n < b.n; });
      for (int k = 1; k <= p->pin_count(); ++k) {
        const Pin* pin = p->pin(k);
        Row r;
        r.key = std::to_string(k);
        r.chip_text = r.key;
        r.chip = pinout::class_color(pin ? pin->function : "");
        r.text = pin && !pin->signal.empty() ? pin->signal : (pin && pin->function == "nc" ? "NC" : "");
        if (r.text.empty()) r.text = "pin " + r.key;
        r.detail = pin ? pin->mcu : "";
        n.rows.push_back(r);
      }
    }
  } else {
    const diagram::Component* c = find_component(build, e.component);
    n.title = c && !c->label.empty() ? c->label : e.component;
    if (c) {
      std::string sub = !c->role.empty() ? c->role : kind_name(c->kind);
      if (!c->voltage.empty()) sub += (sub.empty() ? "" : " \u00b7 ") + c->voltage + " V";
      n.subtitle = sub;
      for (const auto& t : c->terminals) {
        Row r;
        r.key = t.name;
        r.text = t.label.empty() ? t.name : t.label;
        n.rows.push_back(r);
      }
    }
  }
  return n;
}

double text_w(const std::string& s, const draw::TextStyle& st) { return scene::measure_text({0, 0}, s, st).w; }

void size_node(Node& n) {
  draw::TextStyle title{11, true, false}, sub{9.5, false, false}, text{style::kTextSize, false, false},
      mono{style::kTextSize, true, true}, chip{9.5, true, false};
  double w = text_w(n.title, title) + 2 * style::kPad;
  if (!n.subtitle.empty()) w = std::max(w, text_w(n.subtitle, sub) + 2 * style::kPad);
  double y = n.rows_top();
  for (auto& r : n.rows) {
    int k = std::max({r.wires[0], r.wires[1], 1});
    r.top = y;
    r.h = style::kRowH + (k - 1) * style::kWireSep;
    y += r.h;
    double rw = 2 * (style::kPad + style::kTerminalW) + std::max(text_w(r.text, text), text_w(r.text, mono));
    if (r.chip) rw += std::max(text_w(r.chip_text, chip) + 8, 22.0) + 6;
    if (!r.detail.empty()) rw += 14 + text_w(r.detail, mono);
    w = std::max(w, rw);
  }
  n.w = std::ceil(w);
  n.h = y + 6;
}

}  // namespace

Layout build_layout(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness) {
  Layout L;
  std::map<std::string, int> index;
  auto node_of = [&](const diagram::WireEnd& e) {
    std::string id = node_id(e);
    auto it = index.find(id);
    if (it != index.end()) return it->second;
    index[id] = static_cast<int>(L.nodes.size());
    L.nodes.push_back(make_node(e, build, board));
    return index[id];
  };
  auto row_of = [&](int node, const diagram::WireEnd& e) {
    Node& n = L.nodes[node];
    int r = n.row(row_key(e));
    if (r >= 0) return r;
    Row row;
    row.key = row_key(e);
    row.text = e.component.empty() ? "pin " + row.key : row.key;
    if (e.component.empty()) {
      row.chip_text = row.key;
      row.chip = pinout::class_color("");
    }
    L.problems.push_back(end_key(e));
    n.rows.push_back(row);
    return static_cast<int>(n.rows.size()) - 1;
  };
  for (size_t i = 0; i < harness.wires.size(); ++i) {
    const auto& w = harness.wires[i];
    Route r;
    r.index = static_cast<int>(i);
    r.a.node = node_of(w.from);
    r.a.row = row_of(r.a.node, w.from);
    r.b.node = node_of(w.to);
    r.b.row = row_of(r.b.node, w.to);
    r.color_name = w.color;
    auto c = wire_color(w.color);
    r.core = c.value_or(Color::hex("#9e9e9e"));
    if (auto slash = w.color.find('/'); slash != std::string::npos) r.stripe = wire_color(w.color.substr(slash + 1));
    std::string text = w.color.empty() ? "" : w.color;
    if (!w.color.empty() && w.color[0] == '#') text = nearest_name(r.core) + " (" + w.color + ")";
    for (const auto* part : {&w.gauge, &w.label})
      if (!part->empty()) text += (text.empty() ? "" : " \u00b7 ") + *part;
    r.label = text;
    L.routes.push_back(r);
  }

  // Layers: board connectors last; a component as far left as its distance
  // (in wires) from the board.
  const int n = static_cast<int>(L.nodes.size());
  std::vector<std::vector<int>> adj(n);
  for (const auto& r : L.routes) {
    adj[r.a.node].push_back(r.b.node);
    adj[r.b.node].push_back(r.a.node);
  }
  std::vector<int> dist(n, -1);
  std::deque<int> queue;
  for (int i = 0; i < n; ++i)
    if (L.nodes[i].board) dist[i] = 0, queue.push_back(i);
  auto flood = [&]() {
    while (!queue.empty()) {
      int u = queue.front();
      queue.pop_front();
      for (int v : adj[u])
        if (dist[v] < 0) dist[v] = dist[u] + 1, queue.push_back(v);
    }
  };
  flood();
  for (int i = 0; i < n; ++i)
    if (dist[i] < 0) {  // a group of components that never reaches the board
      dist[i] = 1;
      queue.push_back(i);
      flood();
    }
  int deepest = 0;
  bool any_board = false;
  for (int i = 0; i < n; ++i) deepest = std::max(deepest, dist[i]), any_board = any_board || L.nodes[i].board;
  // With no board connector at all, the first component mentioned stands
  // left and the wires run away from it.
  for (int i = 0; i < n; ++i) L.nodes[i].layer = any_board ? deepest - dist[i] : dist[i] - 1;
  if (!any_board) deepest -= 1;

  // Which side of a row each wire leaves from, and its slot on that side.
  const int last = deepest;
  for (auto& r : L.routes) {
    int la = L.nodes[r.a.node].layer, lb = L.nodes[r.b.node].layer;
    if (la > lb) std::swap(r.a, r.b), std::swap(la, lb);
    if (la < lb) {
      r.a.side = 1, r.b.side = 0;
    } else {
      int side = L.nodes[r.a.node].board && la == last ? 1 : 0;
      r.a.side = r.b.side = side;
    }
    r.a.slot = L.nodes[r.a.node].rows[r.a.row].wires[r.a.side]++;
    r.b.slot = L.nodes[r.b.node].rows[r.b.row].wires[r.b.side]++;
  }
  for (auto& node : L.nodes) size_node(node);

  // Order within layers (barycentres of the partners' rows, a few sweeps),
  // then tops: each node as close as it can get to the rows it is wired to.
  std::vector<std::vector<int>> layers(deepest + 1);
  for (int i = 0; i < n; ++i) layers[L.nodes[i].layer].push_back(i);
  auto row_y = [&](const End& e) {
    const Row& r = L.nodes[e.node].rows[e.row];
    return L.nodes[e.node].box.y + r.top + r.h / 2;
  };
  auto stack = [&](const std::vector<int>& layer) {
    double y = 0;
    for (int i : layer) {
      L.nodes[i].box.y = y;
      y += L.nodes[i].h + style::kNodeGap;
    }
  };
  for (auto& layer : layers) stack(layer);
  auto partner_mean = [&](int i, bool other_layers_only) {
    double sum = 0, own = 0, count = 0;
    for (const auto& r : L.routes)
      for (int k = 0; k < 2; ++k) {
        const End& me = k ? r.b : r.a;
        const End& them = k ? r.a : r.b;
        if (me.node != i || (other_layers_only && L.nodes[them.node].layer == L.nodes[i].layer)) continue;
        sum += row_y(them);
        own += L.nodes[i].rows[me.row].top + L.nodes[i].rows[me.row].h / 2;
        count += 1;
      }
    return count > 0 ? std::optional<std::pair<double, double>>({sum / count, own / count}) : std::nullopt;
  };
  for (int sweep = 0; sweep < 4; ++sweep) {
    for (int li = 0; li <= deepest; ++li) {
      int l = sweep % 2 ? deepest - li : li;
      auto& layer = layers[l];
      std::vector<std::pair<double, int>> keys;
      for (size_t k = 0; k < layer.size(); ++k) {
        auto m = partner_mean(layer[k], true);
        keys.push_back({m ? m->first : L.nodes[layer[k]].box.y, layer[k]});
      }
      std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t k = 0; k < layer.size(); ++k) layer[k] = keys[k].second;
      // Tops: least-squares fit to the partners, in order, without overlaps.
      std::vector<pinout::Interval> items;
      double y = 0;
      for (int i : layer) {
        auto m = partner_mean(i, true);
        items.push_back({m ? m->first - m->second : y, L.nodes[i].h});
        y += L.nodes[i].h + style::kNodeGap;
      }
      const double inf = std::numeric_limits<double>::infinity();
      auto tops = pinout::place_intervals(items, style::kNodeGap, -inf, inf);
      for (size_t k = 0; k < layer.size(); ++k) L.nodes[layer[k]].box.y = std::round(tops[k] * 2) / 2;
    }
  }
  for (auto& node : L.nodes) node.box.h = node.h;
  return L;
}

std::optional<draw::Color> wire_color(const std::string& name) {
  std::string first = name.substr(0, name.find('/'));
  std::string lower;
  for (char c : first) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [n, hex] : named_colors())
    if (n == lower) return draw::Color::hex(hex);
  return draw::Color::parse(first);
}

}  // namespace wb::harness
