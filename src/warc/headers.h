// Header fields shared by WARC records and HTTP messages: "Name: value" lines, names matched
// without regard to case.
#ifndef DOSSIER_WARC_HEADERS_H_
#define DOSSIER_WARC_HEADERS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The first field named `name` (ASCII case ignored), "" when absent.
std::string_view FindHeader(const HeaderList& headers, std::string_view name);
// `s` without leading and trailing spaces and tabs.
std::string_view TrimHeaderValue(std::string_view s);
// ASCII lower case.
std::string LowerAscii(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_WARC_HEADERS_H_
