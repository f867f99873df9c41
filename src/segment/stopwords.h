// A compiled-in English stopword list for lexical-cohesion segmentation.
#ifndef DOSSIER_SEGMENT_STOPWORDS_H_
#define DOSSIER_SEGMENT_STOPWORDS_H_

#include <string_view>

namespace dossier::segment_internal {

// True for a lower-case English function word or a very common, topic-neutral word.
bool IsStopword(std::string_view lower_word);

// The same answer from a std::unordered_set of the words: the plain version IsStopword's table is
// tested against (tests/segment/stopwords_test.cc).
bool IsStopwordReference(std::string_view lower_word);

}  // namespace dossier::segment_internal

#endif  // DOSSIER_SEGMENT_STOPWORDS_H_
