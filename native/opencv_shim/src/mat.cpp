// Images: cv::Mat behind an opaque handle.
#include "shim_internal.hpp"

namespace {

bool valid_type(int32_t type) {
  const int depth = CV_MAT_DEPTH(type);
  return type >= 0 && depth <= CV_64F && CV_MAT_CN(type) >= 1 && CV_MAT_CN(type) <= 4;
}

int32_t check_shape(int32_t rows, int32_t cols, int32_t type) {
  if (rows <= 0 || cols <= 0) {
    return epcv::fail(EPCV_ERR_ARGUMENT,
                      "image size must be positive, got " + std::to_string(cols) + "x" + std::to_string(rows));
  }
  if (!valid_type(type)) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "unsupported image type code " + std::to_string(type));
  }
  return EPCV_OK;
}

}  // namespace

extern "C" {

EPCV_API int32_t epcv_mat_create_empty(epcv_mat** out) {
  return epcv::guarded([&]() -> int32_t {
    if (out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "out is NULL");
    }
    *out = new epcv_mat();
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_mat_create(int32_t rows, int32_t cols, int32_t type, epcv_mat** out) {
  return epcv::guarded([&]() -> int32_t {
    if (out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "out is NULL");
    }
    if (const int32_t s = check_shape(rows, cols, type); s != EPCV_OK) {
      return s;
    }
    auto* m = new epcv_mat();
    try {
      m->mat.create(rows, cols, type);
    } catch (...) {
      delete m;
      throw;
    }
    *out = m;
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_mat_wrap(int32_t rows, int32_t cols, int32_t type, void* data, int64_t step, epcv_mat** out) {
  return epcv::guarded([&]() -> int32_t {
    if (out == nullptr || data == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "data or out is NULL");
    }
    if (const int32_t s = check_shape(rows, cols, type); s != EPCV_OK) {
      return s;
    }
    const int64_t row_bytes = static_cast<int64_t>(cols) * static_cast<int64_t>(CV_ELEM_SIZE(type));
    if (step < row_bytes) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "row step " + std::to_string(step) + " is less than a row of " +
                                               std::to_string(row_bytes) + " bytes");
    }
    auto* m = new epcv_mat();
    m->mat = cv::Mat(rows, cols, type, data, static_cast<size_t>(step));
    *out = m;
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_mat_ensure(epcv_mat* mat, int32_t rows, int32_t cols, int32_t type) {
  return epcv::guarded([&]() -> int32_t {
    if (mat == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "image is NULL");
    }
    if (const int32_t s = check_shape(rows, cols, type); s != EPCV_OK) {
      return s;
    }
    mat->mat.create(rows, cols, type);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_mat_info_get(const epcv_mat* mat, epcv_mat_info* info) {
  if (mat == nullptr || info == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "image or info is NULL");
  }
  const cv::Mat& m = mat->mat;
  info->rows = m.rows;
  info->cols = m.cols;
  info->channels = m.channels();
  info->type = m.type();
  info->step = m.empty() ? 0 : static_cast<int64_t>(m.step[0]);
  info->data = m.empty() ? nullptr : m.data;
  return EPCV_OK;
}

EPCV_API int32_t epcv_mat_release(epcv_mat* mat) {
  return epcv::guarded([&]() -> int32_t {
    delete mat;
    return EPCV_OK;
  });
}

}  // extern "C"
