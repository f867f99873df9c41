#include "util/heap_trim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace dossier {

void ReturnFreedHeapPages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace dossier
