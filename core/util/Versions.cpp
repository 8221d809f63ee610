#include "util/Versions.h"

#include <curl/curl.h>
#include <sqlite3.h>

#ifndef MEMSCOPE_VERSION
#define MEMSCOPE_VERSION "dev"
#endif
// Set by core/CMakeLists.txt from the installed hnswlib package (dpkg-query) when it can be found.
#ifndef MEMSCOPE_HNSWLIB_VERSION
#define MEMSCOPE_HNSWLIB_VERSION "unknown"
#endif

namespace memscope::Versions {

std::string memscope() { return MEMSCOPE_VERSION; }

std::string sqlite() { return sqlite3_libversion(); }

std::string hnswlib() { return MEMSCOPE_HNSWLIB_VERSION; }

std::string curl()
{
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    return info && info->version ? info->version : "unknown";
}

} // namespace memscope::Versions
