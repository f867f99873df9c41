// String names of the document model's enums, as they appear in the JSON output.
#include "dossier/document.h"

namespace dossier {

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kBody: return "body";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kCaption: return "caption";
    case BlockKind::kMedia: return "media";
    case BlockKind::kConsent: return "consent";
    case BlockKind::kOther: return "other";
  }
  return "other";
}

bool IsArticleKind(BlockKind kind) {
  return kind == BlockKind::kBody || kind == BlockKind::kHeading || kind == BlockKind::kListItem;
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kQuote: return "quote";
    case TokenKind::kDash: return "dash";
    case TokenKind::kEllipsis: return "ellipsis";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kHandle: return "handle";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kEmoji: return "emoji";
  }
  return "word";
}

std::string_view RepairKindName(RepairKind kind) {
  switch (kind) {
    case RepairKind::kInvalidUtf8: return "invalid_utf8";
    case RepairKind::kNormalization: return "normalization";
    case RepairKind::kGluedWords: return "glued_words";
  }
  return "normalization";
}

}  // namespace dossier
