// Our video API preference values and OpenCV's.
#include "shim_internal.hpp"

namespace epcv {

int to_cv_api(int32_t api) {
  switch (api) {
    case EPCV_API_ANY: return cv::CAP_ANY;
    case EPCV_API_FFMPEG: return cv::CAP_FFMPEG;
    case EPCV_API_GSTREAMER: return cv::CAP_GSTREAMER;
    case EPCV_API_V4L2: return cv::CAP_V4L2;
    default: return -1;
  }
}

const char* api_name(int32_t api) {
  switch (api) {
    case EPCV_API_ANY: return "any";
    case EPCV_API_FFMPEG: return "FFmpeg";
    case EPCV_API_GSTREAMER: return "GStreamer";
    case EPCV_API_V4L2: return "V4L2";
    default: return "unknown";
  }
}

bool has_backend(const std::vector<cv::VideoCaptureAPIs>& backends, int cv_api) {
  for (const cv::VideoCaptureAPIs b : backends) {
    if (static_cast<int>(b) == cv_api) {
      return true;
    }
  }
  return false;
}

}  // namespace epcv
