// OpenCV version and what its build has for video I/O, read from cv::getBuildInformation().
#include "shim_internal.hpp"

#include <sstream>

namespace {

// The value of the first "  <key>:   <value>" line of the build information, trimmed; "" if absent.
std::string build_value(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) {
      continue;
    }
    const size_t colon = start + key.size();
    if (colon >= line.size() || line[colon] != ':') {
      continue;
    }
    const size_t value = line.find_first_not_of(' ', colon + 1);
    return value == std::string::npos ? std::string() : line.substr(value);
  }
  return {};
}

int32_t says_yes(const std::string& text, const std::string& key) {
  return build_value(text, key).rfind("YES", 0) == 0 ? 1 : 0;
}

const std::string& build_text() {
  static const std::string text = cv::getBuildInformation();
  return text;
}

}  // namespace

extern "C" {

EPCV_API int32_t epcv_version_string(const char** version) {
  return epcv::guarded([&]() -> int32_t {
    if (version == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "version is NULL");
    }
    static const std::string v = cv::getVersionString();
    *version = v.c_str();
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_build_information(const char** text) {
  return epcv::guarded([&]() -> int32_t {
    if (text == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "text is NULL");
    }
    *text = build_text().c_str();
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_get_build_info(epcv_build_info* info) {
  return epcv::guarded([&]() -> int32_t {
    if (info == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "info is NULL");
    }
    const std::string& text = build_text();
    info->version_major = cv::getVersionMajor();
    info->version_minor = cv::getVersionMinor();
    info->version_revision = cv::getVersionRevision();
    info->has_ffmpeg = says_yes(text, "FFMPEG");
    info->has_gstreamer = says_yes(text, "GStreamer");
    info->has_v4l2 = says_yes(text, "v4l/v4l2");
    return EPCV_OK;
  });
}

}  // extern "C"
