// Video output through cv::VideoWriter: files by fourcc, or GStreamer pipelines from appsrc.
#include "shim_internal.hpp"

#include <opencv2/videoio/registry.hpp>

#include <cstring>
#include <memory>

extern "C" {

EPCV_API int32_t epcv_writer_open(const char* path, int32_t api, const char* fourcc, double fps, int32_t width,
                                  int32_t height, epcv_writer** out) {
  return epcv::guarded([&]() -> int32_t {
    if (path == nullptr || fourcc == nullptr || out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "path, fourcc or out is NULL");
    }
    if (path[0] == '\0') {
      return epcv::fail(EPCV_ERR_ARGUMENT, "video destination is empty");
    }
    if (std::strlen(fourcc) != 4) {
      return epcv::fail(EPCV_ERR_ARGUMENT, std::string("fourcc must be 4 characters, got '") + fourcc + "'");
    }
    if (!(fps > 0.0) || fps > 1000.0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "fps must be in (0, 1000], got " + std::to_string(fps));
    }
    if (width <= 0 || height <= 0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "frame size must be positive, got " + std::to_string(width) + "x" +
                                               std::to_string(height));
    }
    const int cv_api = epcv::to_cv_api(api);
    if (cv_api < 0 || api == EPCV_API_V4L2) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "video writer API must be any, FFmpeg or GStreamer, got " + std::to_string(api));
    }
    if (cv_api != cv::CAP_ANY && !epcv::has_backend(cv::videoio_registry::getWriterBackends(), cv_api)) {
      return epcv::fail(EPCV_ERR_UNSUPPORTED, std::string("this OpenCV has no ") + epcv::api_name(api) + " backend for writing video");
    }
    const int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
    auto w = std::make_unique<epcv_writer>();
    w->writer.open(path, cv_api, code, fps, cv::Size(width, height), true);
    if (!w->writer.isOpened()) {
      return epcv::fail(EPCV_ERR_OPEN, std::string("no video backend could open it for writing with fourcc '") + fourcc +
                                           "' (API preference: " + epcv::api_name(api) + ")");
    }
    w->width = width;
    w->height = height;
    *out = w.release();
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_writer_write(epcv_writer* writer, const epcv_mat* frame) {
  return epcv::guarded([&]() -> int32_t {
    if (writer == nullptr || frame == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "writer or frame is NULL");
    }
    const cv::Mat& m = frame->mat;
    if (m.type() != CV_8UC3 || m.cols != writer->width || m.rows != writer->height) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "frame is " + std::to_string(m.cols) + "x" + std::to_string(m.rows) + " with " +
                                               std::to_string(m.channels()) + " channel(s); the writer takes 8-bit BGR " +
                                               std::to_string(writer->width) + "x" + std::to_string(writer->height));
    }
    writer->writer.write(m);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_writer_release(epcv_writer* writer) {
  return epcv::guarded([&]() -> int32_t {
    if (writer != nullptr) {
      std::unique_ptr<epcv_writer> owned(writer);
      owned->writer.release();
    }
    return EPCV_OK;
  });
}

}  // extern "C"
