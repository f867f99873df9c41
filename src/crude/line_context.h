// What a short line shares with the lines around it, for the line classifier.
//
// A subheading announces what the next paragraphs develop, so it shares content words with them
// ("History of failed security agreements" / "Current proposals for Ukrainian security
// guarantees..."), or spells out as an acronym what they write in full ("MAGA" / "Make America
// Great Again"). A related-story link, a video title or an advert between two paragraphs has the
// same shape (short, no final stop) but is about something else. Shape alone cannot tell them
// apart; these counts can.
#ifndef DOSSIER_CRUDE_LINE_CONTEXT_H_
#define DOSSIER_CRUDE_LINE_CONTEXT_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

// The content words of a line as crude stems: lower-cased words of four letters or more, not
// stopwords, cut to their first five letters ("Ukraine" and "Ukrainian" -> "ukrai", "agreement"
// and "agreements" -> "agree"). Hashed, sorted, unique. Only the first `max_bytes` are read: the
// opening of a paragraph is what develops a heading.
std::vector<uint64_t> ContentStems(std::string_view line, size_t max_bytes = 400);

// How many of `stems` (sorted, from ContentStems) occur in `other`'s stems.
int SharedStems(const std::vector<uint64_t>& stems, const std::vector<uint64_t>& other);

// True when an all-capital word of 3-6 letters in `line` ("MAGA", "NHS") is the initials of
// consecutive capitalised words in `text` ("Make America Great Again", "National Health Service").
bool AcronymSpelledOutIn(std::string_view line, std::string_view text);

// A question in question form: ends with '?' and opens with an interrogative or an auxiliary
// ("What would...?", "How did we get here?", "Is it over?"); not a quoted question.
bool QuestionForm(std::string_view line);

}  // namespace dossier

#endif  // DOSSIER_CRUDE_LINE_CONTEXT_H_
