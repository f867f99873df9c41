// The public face of the trained topic segmenter (include/dossier/segment.h).
#include "dossier/segment.h"
#include "segment/topic_segmenter.h"

namespace dossier {

TrainedUnitSegmenter::TrainedUnitSegmenter() = default;
TrainedUnitSegmenter::~TrainedUnitSegmenter() = default;
TrainedUnitSegmenter::TrainedUnitSegmenter(TrainedUnitSegmenter&&) noexcept = default;
TrainedUnitSegmenter& TrainedUnitSegmenter::operator=(TrainedUnitSegmenter&&) noexcept = default;

bool TrainedUnitSegmenter::Load(const std::string& path, std::string* error) {
  auto m = std::make_unique<segment_internal::TopicSegmenter>();
  if (!m->Load(path, error)) return false;
  impl_ = std::move(m);
  return true;
}

std::vector<uint32_t> TrainedUnitSegmenter::Segment(const std::vector<std::string_view>& units) const {
  return impl_ ? impl_->Segment(units) : SegmentUnits(units);
}

}  // namespace dossier
