// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3),
// 1980), following the reference C implementation published by its author (with its two documented
// departures from the paper: "bli" -> "ble" in step 2 and the extra "logi" -> "log" rule).
#ifndef DOSSIER_SEGMENT_PORTER_STEMMER_H_
#define DOSSIER_SEGMENT_PORTER_STEMMER_H_

#include <string>

namespace dossier::segment_internal {

// Stems a lower-case ASCII word in place. Words of one or two letters, and words holding anything
// other than a-z, are left unchanged.
void PorterStem(std::string& word);

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_PORTER_STEMMER_H_
