#include "segment/stopwords.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_set>

namespace dossier::segment_internal {
namespace {

// Origin: the English stopword list distributed with NLTK (the "english" list of the stopwords
// corpus, 179 words; itself derived from the SMART/Porter lists), extended by hand with the
// remaining closed-class words of the SMART stop list (van Rijsbergen / Salton) that matter for
// topic cohesion (numbers spelled out, modal and auxiliary forms, vague adverbs), and with a few
// reporting verbs and fillers that occur in every news story ("said", "told", "according", "also",
// "would", "could") and therefore carry no topic. Written out here (no external file) so the
// segmenter has no data dependency.
constexpr const char* kWords[] = {
    // NLTK english
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "you're", "you've", "you'll",
    "you'd", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "she's",
    "her", "hers", "herself", "it", "it's", "its", "itself", "they", "them", "their", "theirs",
    "themselves", "what", "which", "who", "whom", "this", "that", "that'll", "these", "those", "am",
    "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does",
    "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while",
    "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during",
    "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over",
    "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how",
    "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
    "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
    "don't", "should", "should've", "now", "d", "ll", "m", "o", "re", "ve", "y", "ain", "aren",
    "aren't", "couldn", "couldn't", "didn", "didn't", "doesn", "doesn't", "hadn", "hadn't", "hasn",
    "hasn't", "haven", "haven't", "isn", "isn't", "ma", "mightn", "mightn't", "mustn", "mustn't",
    "needn", "needn't", "shan", "shan't", "shouldn", "shouldn't", "wasn", "wasn't", "weren",
    "weren't", "won", "won't", "wouldn", "wouldn't",
    // SMART additions (closed class and vague words)
    "a's", "able", "about", "above", "according", "accordingly", "across", "actually", "afterwards",
    "almost", "alone", "along", "already", "also", "although", "always", "among", "amongst",
    "another", "anybody", "anyhow", "anyone", "anything", "anyway", "anyways", "anywhere", "apart",
    "around", "aside", "away", "became", "become", "becomes", "becoming", "beforehand", "behind",
    "beside", "besides", "best", "better", "beyond", "brief", "came", "cannot", "cant", "certain",
    "certainly", "clearly", "come", "comes", "consequently", "could", "course", "currently",
    "definitely", "despite", "done", "eight", "either", "else", "elsewhere", "enough", "especially",
    "etc", "even", "ever", "every", "everybody", "everyone", "everything", "everywhere", "exactly",
    "example", "except", "far", "fifth", "first", "five", "followed", "following", "follows",
    "former", "formerly", "forth", "four", "furthermore", "get", "gets", "getting", "given", "gives",
    "go", "goes", "going", "gone", "got", "gotten", "hardly", "hence", "hereafter", "hereby",
    "herein", "hereupon", "however", "hundred", "ie", "indeed", "inner", "insofar", "instead",
    "inward", "keep", "keeps", "kept", "know", "knows", "known", "last", "lately", "later", "latter",
    "latterly", "least", "less", "lest", "let", "let's", "like", "liked", "likely", "little", "look",
    "looking", "looks", "mainly", "many", "may", "maybe", "mean", "meanwhile", "merely", "might",
    "moreover", "mostly", "much", "must", "namely", "near", "nearly", "necessary", "need", "needs",
    "neither", "never", "nevertheless", "next", "nine", "nobody", "non", "none", "noone", "normally",
    "nothing", "novel", "nowhere", "obviously", "often", "oh", "ok", "okay", "one", "ones", "onto",
    "others", "otherwise", "ought", "outside", "overall", "particular", "particularly", "per",
    "perhaps", "placed", "please", "plus", "possible", "presumably", "probably", "provides", "quite",
    "rather", "really", "reasonably", "regarding", "regardless", "regards", "relatively",
    "respectively", "right", "said", "say", "saying", "says", "second", "secondly", "see", "seeing",
    "seem", "seemed", "seeming", "seems", "seen", "self", "selves", "sensible", "sent", "serious",
    "seriously", "seven", "several", "shall", "since", "six", "somebody", "somehow", "someone",
    "something", "sometime", "sometimes", "somewhat", "somewhere", "soon", "sorry", "specified",
    "specify", "specifying", "still", "sub", "sup", "sure", "take", "taken", "tell", "tends", "th",
    "thank", "thanks", "thanx", "thats", "thence", "thereafter", "thereby", "therefore", "therein",
    "theres", "thereupon", "think", "third", "thorough", "thoroughly", "though", "three",
    "throughout", "thru", "thus", "together", "took", "toward", "towards", "tried", "tries", "truly",
    "try", "trying", "twice", "two", "un", "unless", "unlikely", "unto", "upon", "us", "use", "used",
    "useful", "uses", "using", "usually", "value", "various", "via", "viz", "vs", "want", "wants",
    "way", "welcome", "well", "went", "whatever", "whence", "whenever", "whereafter", "whereas",
    "whereby", "wherein", "whereupon", "wherever", "whether", "whither", "whoever", "whole",
    "whose", "willing", "wish", "within", "without", "wonder", "would", "yes", "yet", "zero",
    "make", "makes", "made", "making", "told", "tells", "asked", "ask", "put", "puts", "thing",
    "things", "yesterday", "today", "tomorrow", "ago", "mr", "mrs", "ms", "dr", "st", "n't", "'s",
    "'ll", "'re", "'ve", "'d", "'m",
};

const std::unordered_set<std::string_view>& Set() {
  static const std::unordered_set<std::string_view> set(std::begin(kWords), std::end(kWords));
  return set;
}

// The same words in an open-addressed table (linear probing, under a quarter full) with a short
// hash: every word of every line is asked (line features, story segmenter), and std::hash over a
// std::unordered_set cost more than the rest of the word's handling. Words longer than the longest
// stopword are answered without hashing.
class StopwordTable {
 public:
  StopwordTable() {
    for (const char* w : kWords) {
      const std::string_view word(w);
      longest_ = std::max(longest_, word.size());
      size_t i = Slot(word);
      while (!slots_[i].empty() && slots_[i] != word) i = (i + 1) & (kSlots - 1);
      slots_[i] = word;  // a word listed twice lands on itself
    }
  }

  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() > longest_) return false;  // no stopword is empty
    for (size_t i = Slot(w);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].empty()) return false;
      if (slots_[i] == w) return true;
    }
  }

 private:
  static constexpr size_t kSlots = 4096;
  static_assert(std::size(kWords) * 4 < kSlots);
  static size_t Slot(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return (h ^ (h >> 15)) & (kSlots - 1);
  }
  std::array<std::string_view, kSlots> slots_{};
  size_t longest_ = 0;
};

}  // namespace

bool IsStopword(std::string_view lower_word) {
  static const StopwordTable table;
  return table.Contains(lower_word);
}

bool IsStopwordReference(std::string_view lower_word) { return Set().count(lower_word) != 0; }

}  // namespace dossier::segment_internal
