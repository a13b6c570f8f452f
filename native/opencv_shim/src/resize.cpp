// cv::resize into a reused image or into caller memory (no allocation on the hot path).
#include "shim_internal.hpp"

#include <opencv2/imgproc.hpp>

namespace {

int32_t check_target(int32_t width, int32_t height, int32_t interpolation) {
  if (width <= 0 || height <= 0) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "resize target must be positive, got " + std::to_string(width) + "x" +
                                             std::to_string(height));
  }
  if (interpolation < EPCV_INTER_NEAREST || interpolation > EPCV_INTER_LINEAR_EXACT) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "unknown interpolation " + std::to_string(interpolation));
  }
  return EPCV_OK;
}

int32_t check(const epcv_mat* src, int32_t width, int32_t height, int32_t interpolation) {
  if (src == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "source image is NULL");
  }
  if (src->mat.empty()) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "source image is empty");
  }
  return check_target(width, height, interpolation);
}

// EPCV_OK when a region of rows x cols pixels of the type fits rows `step` bytes apart.
int32_t check_region(const char* what, const uint8_t* data, int32_t cols, int32_t rows, int64_t step, int32_t type) {
  if (data == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, std::string(what) + " memory is NULL");
  }
  if (cols <= 0 || rows <= 0) {
    return epcv::fail(EPCV_ERR_ARGUMENT, std::string(what) + " size must be positive, got " + std::to_string(cols) +
                                             "x" + std::to_string(rows));
  }
  const int64_t row_bytes = static_cast<int64_t>(cols) * static_cast<int64_t>(CV_ELEM_SIZE(type));
  if (step < row_bytes) {
    return epcv::fail(EPCV_ERR_ARGUMENT, std::string(what) + " step " + std::to_string(step) +
                                             " is less than a row of " + std::to_string(row_bytes) + " bytes");
  }
  return EPCV_OK;
}

// Our enum uses OpenCV's numbers; the switch keeps that an explicit, checked fact.
int to_cv_interpolation(int32_t interpolation) {
  switch (interpolation) {
    case EPCV_INTER_NEAREST: return cv::INTER_NEAREST;
    case EPCV_INTER_LINEAR: return cv::INTER_LINEAR;
    case EPCV_INTER_CUBIC: return cv::INTER_CUBIC;
    case EPCV_INTER_AREA: return cv::INTER_AREA;
    case EPCV_INTER_LANCZOS4: return cv::INTER_LANCZOS4;
    default: return cv::INTER_LINEAR_EXACT;
  }
}

}  // namespace

extern "C" {

EPCV_API int32_t epcv_resize(const epcv_mat* src, epcv_mat* dst, int32_t width, int32_t height, int32_t interpolation) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check(src, width, height, interpolation); s != EPCV_OK) {
      return s;
    }
    if (dst == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "destination image is NULL");
    }
    if (dst == src) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "source and destination are the same image");
    }
    cv::resize(src->mat, dst->mat, cv::Size(width, height), 0.0, 0.0, to_cv_interpolation(interpolation));
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_resize_into(const epcv_mat* src, uint8_t* dst, int32_t width, int32_t height, int64_t dst_step,
                                  int32_t interpolation) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check(src, width, height, interpolation); s != EPCV_OK) {
      return s;
    }
    if (dst == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "destination memory is NULL");
    }
    const int64_t row_bytes = static_cast<int64_t>(width) * static_cast<int64_t>(src->mat.elemSize());
    if (dst_step < row_bytes) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "destination step " + std::to_string(dst_step) +
                                               " is less than a row of " + std::to_string(row_bytes) + " bytes");
    }
    cv::Mat target(height, width, src->mat.type(), dst, static_cast<size_t>(dst_step));
    cv::resize(src->mat, target, target.size(), 0.0, 0.0, to_cv_interpolation(interpolation));
    if (target.data != dst) {
      return epcv::fail(EPCV_ERR_INTERNAL, "cv::resize reallocated the caller's destination");
    }
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_resize_buffer(const uint8_t* src, int32_t src_width, int32_t src_height, int64_t src_step,
                                    int32_t type, uint8_t* dst, int32_t dst_width, int32_t dst_height, int64_t dst_step,
                                    int32_t interpolation) {
  return epcv::guarded([&]() -> int32_t {
    if (type != EPCV_TYPE_8UC3 && type != EPCV_TYPE_8UC1) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "resize of caller memory takes 8-bit BGR or gray, got type " + std::to_string(type));
    }
    if (const int32_t s = check_region("source", src, src_width, src_height, src_step, type); s != EPCV_OK) {
      return s;
    }
    if (const int32_t s = check_region("destination", dst, dst_width, dst_height, dst_step, type); s != EPCV_OK) {
      return s;
    }
    if (const int32_t s = check_target(dst_width, dst_height, interpolation); s != EPCV_OK) {
      return s;
    }
    // Mat headers over the caller's memory: cv::Mat does not write through a const source.
    const cv::Mat source(src_height, src_width, type, const_cast<uint8_t*>(src), static_cast<size_t>(src_step));
    cv::Mat target(dst_height, dst_width, type, dst, static_cast<size_t>(dst_step));
    cv::resize(source, target, target.size(), 0.0, 0.0, to_cv_interpolation(interpolation));
    if (target.data != dst) {
      return epcv::fail(EPCV_ERR_INTERNAL, "cv::resize reallocated the caller's destination");
    }
    return EPCV_OK;
  });
}

}  // extern "C"
