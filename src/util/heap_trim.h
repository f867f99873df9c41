// Giving freed heap memory back to the operating system after a large document's temporaries.
//
// glibc's allocator keeps freed memory in the heap for reuse, and after a large block served by
// mmap is freed it raises its mmap threshold (up to 32 MB), so the next large temporaries come
// from the heap too. On one large input (a 12 MB scrape analysed as one document) that left
// ~20 MB of dead pages resident through the rest of the run: the per-line copies, the edit lists
// and the story segmenter's arrays, all freed before the tokens are made.
#ifndef DOSSIER_UTIL_HEAP_TRIM_H_
#define DOSSIER_UTIL_HEAP_TRIM_H_

#include <cstddef>

namespace dossier {

// Returns whole free pages of the heap to the system (malloc_trim on glibc; nothing elsewhere).
// It walks the allocator's free lists, so callers use it after large documents only: for a batch
// of small ones it would cost time and free nothing worth having.
void ReturnFreedHeapPages();

// The document size from which the analyzer calls it.
constexpr size_t kHeapTrimMinBytes = size_t{1} << 20;

}  // namespace dossier

#endif  // DOSSIER_UTIL_HEAP_TRIM_H_
