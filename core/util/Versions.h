#pragma once

#include <string>

namespace memscope {

// Versions of Memscope and the libraries it runs on, for Help → About and bug reports.
namespace Versions {
std::string memscope();
std::string sqlite();  // of the library loaded at run time (sqlite3_libversion)
std::string hnswlib(); // the header has no version macro: taken from the build's package, else "unknown"
std::string curl();    // of the library loaded at run time (curl_version_info)
} // namespace Versions

} // namespace memscope
