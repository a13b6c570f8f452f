// Drawing on 8-bit BGR images in place: lines, circles, rectangles, Hershey text.
#include "shim_internal.hpp"

#include <opencv2/imgproc.hpp>

namespace {

constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;
constexpr int kMaxThickness = 32767;  // OpenCV's MAX_THICKNESS (internal to imgproc)

int32_t check_image(const epcv_mat* img) {
  if (img == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "image is NULL");
  }
  if (img->mat.empty() || img->mat.type() != CV_8UC3) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "drawing needs a non-empty 8-bit BGR image");
  }
  return EPCV_OK;
}

int32_t check_style(int32_t thickness, bool may_fill, int32_t line_type) {
  if (line_type != EPCV_LINE_4 && line_type != EPCV_LINE_8 && line_type != EPCV_LINE_AA) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "line type must be 4, 8 or 16 (antialiased), got " + std::to_string(line_type));
  }
  if (thickness == 0 || thickness > kMaxThickness || (thickness < 0 && !may_fill)) {
    return epcv::fail(EPCV_ERR_ARGUMENT, std::string("thickness must be 1..32767") + (may_fill ? " or negative (filled)" : "") +
                                             ", got " + std::to_string(thickness));
  }
  return EPCV_OK;
}

int32_t check_text(const char* text, double font_scale, int32_t thickness) {
  if (text == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "text is NULL");
  }
  if (!(font_scale > 0.0) || font_scale > 1000.0) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "font scale must be in (0, 1000], got " + std::to_string(font_scale));
  }
  if (thickness <= 0 || thickness > kMaxThickness) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "text thickness must be 1..32767, got " + std::to_string(thickness));
  }
  return EPCV_OK;
}

cv::Scalar bgr(uint8_t b, uint8_t g, uint8_t r) { return cv::Scalar(b, g, r); }

}  // namespace

extern "C" {

EPCV_API int32_t epcv_draw_line(epcv_mat* img, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint8_t b, uint8_t g,
                                uint8_t r, int32_t thickness, int32_t line_type) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check_image(img); s != EPCV_OK) return s;
    if (const int32_t s = check_style(thickness, false, line_type); s != EPCV_OK) return s;
    cv::line(img->mat, cv::Point(x1, y1), cv::Point(x2, y2), bgr(b, g, r), thickness, line_type);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_draw_circle(epcv_mat* img, int32_t cx, int32_t cy, int32_t radius, uint8_t b, uint8_t g,
                                  uint8_t r, int32_t thickness, int32_t line_type) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check_image(img); s != EPCV_OK) return s;
    if (const int32_t s = check_style(thickness, true, line_type); s != EPCV_OK) return s;
    if (radius < 0) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "circle radius must not be negative, got " + std::to_string(radius));
    }
    cv::circle(img->mat, cv::Point(cx, cy), radius, bgr(b, g, r), thickness < 0 ? cv::FILLED : thickness, line_type);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_draw_rectangle(epcv_mat* img, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint8_t b,
                                     uint8_t g, uint8_t r, int32_t thickness, int32_t line_type) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check_image(img); s != EPCV_OK) return s;
    if (const int32_t s = check_style(thickness, true, line_type); s != EPCV_OK) return s;
    cv::rectangle(img->mat, cv::Point(x1, y1), cv::Point(x2, y2), bgr(b, g, r), thickness < 0 ? cv::FILLED : thickness,
                  line_type);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_draw_text(epcv_mat* img, const char* text, int32_t x, int32_t y, double font_scale, uint8_t b,
                                uint8_t g, uint8_t r, int32_t thickness, int32_t line_type) {
  return epcv::guarded([&]() -> int32_t {
    if (const int32_t s = check_image(img); s != EPCV_OK) return s;
    if (const int32_t s = check_text(text, font_scale, thickness); s != EPCV_OK) return s;
    if (const int32_t s = check_style(thickness, false, line_type); s != EPCV_OK) return s;
    cv::putText(img->mat, text, cv::Point(x, y), kFont, font_scale, bgr(b, g, r), thickness, line_type);
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_text_size(const char* text, double font_scale, int32_t thickness, int32_t* width,
                                int32_t* height, int32_t* baseline) {
  return epcv::guarded([&]() -> int32_t {
    if (width == nullptr || height == nullptr || baseline == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "width, height or baseline is NULL");
    }
    if (const int32_t s = check_text(text, font_scale, thickness); s != EPCV_OK) return s;
    int base = 0;
    const cv::Size size = cv::getTextSize(text, kFont, font_scale, thickness, &base);
    *width = size.width;
    *height = size.height;
    *baseline = base;
    return EPCV_OK;
  });
}

}  // extern "C"
