// Gunzip's correct path, apart: zlib alone. Gunzip (include/dossier/html.h) inflates members with
// libdeflate first and falls back to this for any stream it cannot do whole; tests compare the two.
#ifndef DOSSIER_HTML_GUNZIP_H_
#define DOSSIER_HTML_GUNZIP_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

// Gunzip with zlib only: the same bytes, or the same error, as Gunzip.
bool GunzipWithZlib(std::string_view bytes, std::string* out, std::string* error,
                    uint64_t max_output = uint64_t{1} << 31);

}  // namespace dossier

#endif  // DOSSIER_HTML_GUNZIP_H_
