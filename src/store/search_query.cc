#include "store/search_query.h"

#include <vector>

namespace dossier::store {
namespace {

struct Term {
  std::string text;  // the words of a word or a phrase, as typed
  bool prefix = false, negated = false, phrase = false;
};

// Control characters (NUL included: FTS5 would end the query there) separate words like spaces.
bool IsSpace(char c) { return c == ' ' || (static_cast<unsigned char>(c) < 0x20) || c == 0x7f; }

// unicode61 keeps letters and digits (any non-ASCII byte may start one); a term made only of ASCII
// punctuation would be an empty FTS5 phrase, which is left out rather than sent.
bool HasWordCharacter(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  return false;
}

std::string Quoted(const Term& t) {
  std::string out = "\"";
  for (char c : t.text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  if (t.prefix) out += " *";
  return out;
}

// The user's terms, and for each whether it is OR'ed with the one before.
void ParseTerms(std::string_view q, std::vector<Term>* terms_out, std::vector<bool>* or_out) {
  std::vector<Term>& terms = *terms_out;
  std::vector<bool>& or_before = *or_out;
  // Tokens: a phrase in double quotes (an unbalanced quote runs to the end), or a run of non-space.
  bool pending_or = false;
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    Term t;
    if (q[i] == '-' && i + 1 < q.size() && !IsSpace(q[i + 1])) {
      t.negated = true;
      ++i;
    }
    if (q[i] == '"') {
      const size_t close = q.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? q.size() : close;
      t.text = std::string(q.substr(i + 1, end - i - 1));
      t.phrase = true;
      i = close == std::string_view::npos ? q.size() : close + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !IsSpace(q[end])) ++end;
      t.text = std::string(q.substr(i, end - i));
      i = end;
      if (!t.negated && t.text == "OR") {
        pending_or = !terms.empty();
        continue;
      }
      while (!t.text.empty() && t.text.back() == '*') {
        t.text.pop_back();
        t.prefix = true;
      }
    }
    if (!HasWordCharacter(t.text)) continue;
    or_before.push_back(pending_or && !t.negated && !terms.empty() && !terms.back().negated);
    pending_or = false;
    terms.push_back(std::move(t));
  }
}

// Positive terms: runs joined by OR form groups, groups are AND'ed; exclusions follow as NOT.
// `quote` renders one term; `and_op`, `or_op`, `not_op` are the query language's operators.
template <typename QuoteFn>
bool Render(std::string_view q, QuoteFn quote, const char* and_op, const char* or_op, const char* not_op,
            std::string* out, std::string* error) {
  std::vector<Term> terms;
  std::vector<bool> or_before;
  ParseTerms(q, &terms, &or_before);
  std::string positive, negative;
  size_t groups = 0;
  for (size_t k = 0; k < terms.size(); ++k) {
    const Term& t = terms[k];
    if (t.negated) {
      negative += not_op + quote(t);
      continue;
    }
    if (or_before[k]) {
      // Reopen the last group: "(a" + " OR b" ... closed below.
      positive.pop_back();  // the group's ')'
      positive += or_op + quote(t) + ")";
    } else {
      if (groups++) positive += and_op;
      positive += "(" + quote(t) + ")";
    }
  }
  if (positive.empty()) {
    *error = terms.empty() ? "the query has no words to look for" : "the query needs a word that is not excluded";
    return false;
  }
  *out = negative.empty() ? positive : "(" + positive + ")" + negative;
  return true;
}

// A tsquery operand: the term in single quotes (quotes doubled, backslashes escaped), which
// to_tsquery parses into its words: one word, or a phrase of them (a <-> b); ':*' makes the last a
// prefix. Words with no letters or digits vanish in the parser, as they do in FTS5.
std::string TsQuoted(const Term& t) {
  std::string out = "'";
  for (char c : t.text) {
    if (c == '\\') out.push_back('\\');
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
  if (t.prefix) out += ":*";
  return out;
}

}  // namespace

bool ToFtsQuery(std::string_view q, std::string* fts, std::string* error) {
  return Render(q, Quoted, " AND ", " OR ", " NOT ", fts, error);
}

bool ToTsQuery(std::string_view q, std::string* tsquery, std::string* error) {
  return Render(q, TsQuoted, " & ", " | ", " & !", tsquery, error);
}

}  // namespace dossier::store
