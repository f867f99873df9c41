// The title a stored document is listed and searched under.
#ifndef DOSSIER_STORE_DOCUMENT_TITLE_H_
#define DOSSIER_STORE_DOCUMENT_TITLE_H_

#include "dossier/corpus_store.h"

namespace dossier::store {

// Crude text has no page title: its first story's headline stands in, so that search results and
// lists have something to show. Both ways into the store (a Document, analysis JSON) call this.
inline void FillDisplayTitle(CorpusDocument* doc) {
  if (doc->title.empty() && !doc->stories.empty()) doc->title = doc->stories.front().title;
}

}  // namespace dossier::store

#endif  // DOSSIER_STORE_DOCUMENT_TITLE_H_
