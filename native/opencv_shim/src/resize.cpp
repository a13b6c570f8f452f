// cv::resize into a reused image or into caller memory (no allocation on the hot path).
#include "shim_internal.hpp"

#include <opencv2/imgproc.hpp>

namespace {

int32_t check(const epcv_mat* src, int32_t width, int32_t height, int32_t interpolation) {
  if (src == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "source image is NULL");
  }
  if (src->mat.empty()) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "source image is empty");
  }
  if (width <= 0 || height <= 0) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "resize target must be positive, got " + std::to_string(width) + "x" +
                                             std::to_string(height));
  }
  if (interpolation < EPCV_INTER_NEAREST || interpolation > EPCV_INTER_LINEAR_EXACT) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "unknown interpolation " + std::to_string(interpolation));
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

}  // extern "C"
