// Internal to the shim: the structs behind the opaque handles and the exception guard that keeps
// every C++ exception on this side of the C interface.
#pragma once

#include "edgepose_cv.h"

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <new>
#include <string>
#include <vector>

struct epcv_mat {
  cv::Mat mat;
};

struct epcv_buffer {
  std::vector<uchar> bytes;
};

struct epcv_capture {
  cv::VideoCapture capture;
  std::string backend;
};

struct epcv_writer {
  cv::VideoWriter writer;
  int width = 0;
  int height = 0;
};

namespace epcv {

// Records message as the calling thread's last error and returns status.
int32_t fail(epcv_status status, const std::string& message) noexcept;
int32_t fail(epcv_status status, const char* message) noexcept;

// One line describing an OpenCV exception: "OpenCV error in 'resize': !ssize.empty() (code -215)".
std::string describe(const cv::Exception& e);

// Runs body (which returns an epcv_status) and turns any exception into a status and a message.
template <typename Body>
int32_t guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const cv::Exception& e) {
    try {
      return fail(EPCV_ERR_OPENCV, describe(e));
    } catch (...) {
      return fail(EPCV_ERR_OPENCV, "OpenCV error");
    }
  } catch (const std::bad_alloc&) {
    return fail(EPCV_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(EPCV_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(EPCV_ERR_INTERNAL, "unknown C++ exception");
  }
}

// The OpenCV video API preference for one of ours; -1 for an unknown value.
int to_cv_api(int32_t api);
const char* api_name(int32_t api);

// Whether OpenCV lists cv_api among backends (getStreamBackends(), getCameraBackends() or
// getWriterBackends(): these exist in every OpenCV 4, JetPack's 4.1 included).
bool has_backend(const std::vector<cv::VideoCaptureAPIs>& backends, int cv_api);

}  // namespace epcv
