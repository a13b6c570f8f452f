// Video input: files, URIs, GStreamer pipelines and cameras through cv::VideoCapture.
#include "shim_internal.hpp"

#include <opencv2/videoio/registry.hpp>

#include <memory>

namespace {

// EPCV_OK when this OpenCV has the API for files and streams (or for cameras); otherwise the
// failure, recorded.
int32_t check_api(int32_t api, bool camera, int* cv_api) {
  *cv_api = epcv::to_cv_api(api);
  if (*cv_api < 0) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "unknown video API " + std::to_string(api));
  }
  if (*cv_api == cv::CAP_ANY) {
    return EPCV_OK;
  }
  const auto backends = camera ? cv::videoio_registry::getCameraBackends() : cv::videoio_registry::getStreamBackends();
  if (!epcv::has_backend(backends, *cv_api)) {
    return epcv::fail(EPCV_ERR_UNSUPPORTED, std::string("this OpenCV has no ") + epcv::api_name(api) +
                                                (camera ? " backend for cameras" : " backend for video files and streams"));
  }
  return EPCV_OK;
}

int32_t finish_open(std::unique_ptr<epcv_capture> c, int32_t api, epcv_capture** out) {
  if (!c->capture.isOpened()) {
    return epcv::fail(EPCV_ERR_OPEN, std::string("no video backend could open it (API preference: ") +
                                         epcv::api_name(api) + ")");
  }
  c->backend = c->capture.getBackendName();
  *out = c.release();
  return EPCV_OK;
}

int to_cv_property(int32_t property) {
  switch (property) {
    case EPCV_CAP_FPS: return cv::CAP_PROP_FPS;
    case EPCV_CAP_WIDTH: return cv::CAP_PROP_FRAME_WIDTH;
    case EPCV_CAP_HEIGHT: return cv::CAP_PROP_FRAME_HEIGHT;
    case EPCV_CAP_FRAME_COUNT: return cv::CAP_PROP_FRAME_COUNT;
    case EPCV_CAP_POS_FRAMES: return cv::CAP_PROP_POS_FRAMES;
    case EPCV_CAP_POS_MSEC: return cv::CAP_PROP_POS_MSEC;
    default: return -1;
  }
}

}  // namespace

extern "C" {

EPCV_API int32_t epcv_capture_open(const char* source, int32_t api, epcv_capture** out) {
  return epcv::guarded([&]() -> int32_t {
    if (source == nullptr || out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "source or out is NULL");
    }
    if (source[0] == '\0') {
      return epcv::fail(EPCV_ERR_ARGUMENT, "video source is empty");
    }
    int cv_api = 0;
    if (const int32_t s = check_api(api, false, &cv_api); s != EPCV_OK) {
      return s;
    }
    auto c = std::make_unique<epcv_capture>();
    c->capture.open(source, cv_api);
    return finish_open(std::move(c), api, out);
  });
}

EPCV_API int32_t epcv_capture_open_device(int32_t index, int32_t api, epcv_capture** out) {
  return epcv::guarded([&]() -> int32_t {
    if (out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "out is NULL");
    }
    if (index < 0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "camera index must not be negative, got " + std::to_string(index));
    }
    int cv_api = 0;
    if (const int32_t s = check_api(api, true, &cv_api); s != EPCV_OK) {
      return s;
    }
    auto c = std::make_unique<epcv_capture>();
    c->capture.open(index, cv_api);
    return finish_open(std::move(c), api, out);
  });
}

EPCV_API int32_t epcv_capture_read(epcv_capture* capture, epcv_mat* dst, int32_t* got_frame) {
  return epcv::guarded([&]() -> int32_t {
    if (capture == nullptr || dst == nullptr || got_frame == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "capture, image or got_frame is NULL");
    }
    *got_frame = 0;
    // grab + retrieve rather than read(): read() releases the destination at the end of the stream,
    // and the caller's reused image would lose its memory.
    if (!capture->capture.grab()) {
      return EPCV_OK;
    }
    if (!capture->capture.retrieve(dst->mat) || dst->mat.empty()) {
      return EPCV_OK;
    }
    *got_frame = 1;
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_capture_get(const epcv_capture* capture, int32_t property, double* value) {
  return epcv::guarded([&]() -> int32_t {
    if (capture == nullptr || value == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "capture or value is NULL");
    }
    const int prop = to_cv_property(property);
    if (prop < 0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "unknown capture property " + std::to_string(property));
    }
    *value = capture->capture.get(prop);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_capture_set(epcv_capture* capture, int32_t property, double value, int32_t* accepted) {
  return epcv::guarded([&]() -> int32_t {
    if (capture == nullptr || accepted == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "capture or accepted is NULL");
    }
    const int prop = to_cv_property(property);
    if (prop < 0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "unknown capture property " + std::to_string(property));
    }
    *accepted = capture->capture.set(prop, value) ? 1 : 0;
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_capture_backend(const epcv_capture* capture, const char** name) {
  if (capture == nullptr || name == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "capture or name is NULL");
  }
  *name = capture->backend.c_str();
  return EPCV_OK;
}

EPCV_API int32_t epcv_capture_release(epcv_capture* capture) {
  return epcv::guarded([&]() -> int32_t {
    delete capture;
    return EPCV_OK;
  });
}

}  // extern "C"
