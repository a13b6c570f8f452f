// Thread-local last error and the description of OpenCV exceptions.
#include "shim_internal.hpp"

#include <opencv2/core/utils/logger.hpp>

namespace {

thread_local std::string t_last_error;

// Messages cross the interface as one line.
void set_one_line(const char* message) {
  t_last_error.assign(message != nullptr ? message : "");
  for (char& c : t_last_error) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  while (!t_last_error.empty() && t_last_error.back() == ' ') {
    t_last_error.pop_back();
  }
}

}  // namespace

namespace epcv {

int32_t fail(epcv_status status, const char* message) noexcept {
  try {
    set_one_line(message);
  } catch (...) {
    t_last_error.clear();
  }
  return status;
}

int32_t fail(epcv_status status, const std::string& message) noexcept { return fail(status, message.c_str()); }

std::string describe(const cv::Exception& e) {
  std::string s = "OpenCV error";
  if (!e.func.empty()) {
    s += " in '" + e.func + "'";
  }
  s += ": " + (e.err.empty() ? std::string("unknown") : e.err) + " (code " + std::to_string(e.code) + ")";
  return s;
}

}  // namespace epcv

extern "C" {

EPCV_API int32_t epcv_last_error(const char** message) {
  if (message == nullptr) {
    return EPCV_ERR_ARGUMENT;
  }
  *message = t_last_error.c_str();
  return EPCV_OK;
}

EPCV_API int32_t epcv_set_log_level(int32_t level) {
  return epcv::guarded([&]() -> int32_t {
    if (level < 0 || level > 6) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "log level must be 0 (silent) to 6 (verbose), got " + std::to_string(level));
    }
    cv::utils::logging::setLogLevel(static_cast<cv::utils::logging::LogLevel>(level));
    return EPCV_OK;
  });
}

}  // extern "C"
