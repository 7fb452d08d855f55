#include "jumpers/jumpers.h"

#include "jumpers/views.h"
#include "scene/render.h"

namespace wb::jumpers {

const char* view_name(JumperView v) {
  switch (v) {
    case JumperView::RemoveAll: return "remove-all";
    case JumperView::SetThese: return "set-these";
    case JumperView::VoltageSelection: return "voltage-selection";
    case JumperView::DipSwitch: return "dip-switch";
  }
  return "jumpers";
}

scene::Scene jumper_layout(const diagram::Build& build, const ResolvedBoard& board, JumperView view) {
  switch (view) {
    case JumperView::RemoveAll: return remove_all_view(build, board);
    case JumperView::SetThese: return set_these_view(build, board);
    case JumperView::VoltageSelection: return voltage_view(build, board);
    case JumperView::DipSwitch: return dip_switch_view(build, board);
  }
  return {};
}

std::string render(const diagram::Build& build, const ResolvedBoard& board, JumperView view, draw::Format format,
                   double scale) {
  return scene::render(jumper_layout(build, board, view), format, scale);
}

}  // namespace wb::jumpers
