// Hashing of feature names (with a string or a small integer value) into the 32-bit feature ids
// that LinearModel folds into its buckets. One definition for every learned stage, so the same
// feature always gets the same id; changing it means retraining every model.
#ifndef DOSSIER_ML_FEATURE_HASH_H_
#define DOSSIER_ML_FEATURE_HASH_H_

#include <cstdint>
#include <string_view>

namespace dossier {

// FNV-1a 32 over the name, a separator byte, then the value's bytes.
inline uint32_t FeatureHash(std::string_view name, std::string_view value) {
  uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  h = (h ^ 0xffu) * 16777619u;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// The same for an integer value, without building a string (a different separator keeps the two
// kinds of value apart).
inline uint32_t FeatureHash(std::string_view name, int value) {
  uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  h = (h ^ 0xfeu) * 16777619u;
  const uint32_t v = static_cast<uint32_t>(value);
  for (int i = 0; i < 4; ++i) h = (h ^ ((v >> (8 * i)) & 0xffu)) * 16777619u;
  return h;
}

}  // namespace dossier

#endif  // DOSSIER_ML_FEATURE_HASH_H_
