// Image codecs: read and decode as 8-bit BGR (the way Ultralytics does it: bytes, then cv::imdecode),
// encode into a reusable buffer, write files.
#include "shim_internal.hpp"

#include <opencv2/imgcodecs.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include <sys/stat.h>

namespace {

struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

std::string errno_text(int err) { return std::generic_category().message(err); }

// The format the first bytes announce, to tell "not an image" from "a damaged image".
const char* sniff_format(const uint8_t* d, size_t n) {
  auto starts = [&](const char* magic, size_t len) { return n >= len && std::memcmp(d, magic, len) == 0; };
  if (starts("\xFF\xD8\xFF", 3)) return "JPEG";
  if (starts("\x89PNG\r\n\x1A\n", 8)) return "PNG";
  if (starts("BM", 2)) return "BMP";
  if (starts("II*\0", 4) || starts("MM\0*", 4)) return "TIFF";
  if (n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0) return "WebP";
  if (starts("P1", 2) || starts("P2", 2) || starts("P3", 2) || starts("P4", 2) || starts("P5", 2) ||
      starts("P6", 2)) {
    return "PNM";
  }
  return nullptr;
}

int32_t decode(const uint8_t* data, size_t size, cv::Mat& dst) {
  if (size == 0) {
    return epcv::fail(EPCV_ERR_DECODE, "no data (empty file)");
  }
  const char* format = sniff_format(data, size);
  bool ok = false;
  std::string reason;
  cv::Mat decoded;
  try {
    // Into a fresh Mat: decoding into dst itself cannot tell a failure from success when dst already
    // holds an image (cv::imdecode leaves it untouched when no decoder accepts the bytes).
    const cv::Mat bytes(1, static_cast<int>(size), CV_8UC1, const_cast<uint8_t*>(data));
    decoded = cv::imdecode(bytes, cv::IMREAD_COLOR);
    ok = !decoded.empty() && decoded.type() == CV_8UC3;
  } catch (const cv::Exception& e) {
    reason = epcv::describe(e);
  }
  if (ok) {
    // Same size: copy into dst's memory (the caller may hold on to it, or own it); else adopt the result.
    if (dst.rows == decoded.rows && dst.cols == decoded.cols && dst.type() == decoded.type()) {
      decoded.copyTo(dst);
    } else {
      dst = decoded;
    }
    return EPCV_OK;
  }
  if (!reason.empty()) {
    return epcv::fail(EPCV_ERR_DECODE, reason);
  }
  if (format == nullptr) {
    return epcv::fail(EPCV_ERR_DECODE, "not an image format OpenCV can read");
  }
  return epcv::fail(EPCV_ERR_DECODE, std::string("corrupt or truncated ") + format + " data");
}

std::vector<int> encode_params(const epcv_encode_params* p) {
  std::vector<int> v;
  v.reserve(4);
  if (p != nullptr && p->jpeg_quality >= 0) {
    v.push_back(cv::IMWRITE_JPEG_QUALITY);
    v.push_back(p->jpeg_quality);
  }
  if (p != nullptr && p->png_compression >= 0) {
    v.push_back(cv::IMWRITE_PNG_COMPRESSION);
    v.push_back(p->png_compression);
  }
  return v;
}

int32_t check_params(const epcv_encode_params* p) {
  if (p == nullptr) {
    return EPCV_OK;
  }
  if (p->jpeg_quality > 100) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "JPEG quality must be 0..100, got " + std::to_string(p->jpeg_quality));
  }
  if (p->png_compression > 9) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "PNG compression must be 0..9, got " + std::to_string(p->png_compression));
  }
  return EPCV_OK;
}

int32_t encode(const char* ext, const cv::Mat& src, const epcv_encode_params* params, std::vector<uchar>& out) {
  if (src.empty()) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "cannot encode an empty image");
  }
  if (const int32_t s = check_params(params); s != EPCV_OK) {
    return s;
  }
  bool ok = false;
  try {
    ok = cv::imencode(ext, src, out, encode_params(params));
  } catch (const cv::Exception& e) {
    // An unknown extension lands here too ("could not find encoder for the specified extension").
    return epcv::fail(EPCV_ERR_ENCODE, std::string("encoding as '") + ext + "' failed: " + epcv::describe(e));
  }
  if (!ok) {
    return epcv::fail(EPCV_ERR_ENCODE, std::string("the '") + ext + "' encoder failed");
  }
  return EPCV_OK;
}

}  // namespace

extern "C" {

EPCV_API int32_t epcv_imread(const char* path, epcv_mat* dst) {
  return epcv::guarded([&]() -> int32_t {
    if (path == nullptr || dst == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "path or image is NULL");
    }
    file_ptr f(std::fopen(path, "rb"));
    if (!f) {
      return epcv::fail(EPCV_ERR_NOT_FOUND, errno_text(errno));
    }
    std::vector<uint8_t> bytes;
    // A regular file's size is known: reserve it, so the chunks below never move the buffer.
    struct stat info {};
    if (fstat(fileno(f.get()), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      bytes.reserve(static_cast<size_t>(info.st_size));
    }
    uint8_t chunk[1 << 16];
    size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, f.get())) > 0) {
      bytes.insert(bytes.end(), chunk, chunk + n);
    }
    if (std::ferror(f.get()) != 0) {
      return epcv::fail(EPCV_ERR_NOT_FOUND, "read error: " + errno_text(errno));
    }
    return decode(bytes.data(), bytes.size(), dst->mat);
  });
}

EPCV_API int32_t epcv_imdecode(const uint8_t* data, size_t size, epcv_mat* dst) {
  return epcv::guarded([&]() -> int32_t {
    if ((data == nullptr && size > 0) || dst == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "data or image is NULL");
    }
    if (size > static_cast<size_t>(INT32_MAX)) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "more than 2 GiB of encoded data");
    }
    return decode(data, size, dst->mat);
  });
}

EPCV_API int32_t epcv_imwrite(const char* path, const epcv_mat* src, const epcv_encode_params* params) {
  return epcv::guarded([&]() -> int32_t {
    if (path == nullptr || src == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "path or image is NULL");
    }
    const char* dot = std::strrchr(path, '.');
    const char* slash = std::strrchr(path, '/');
    if (dot == nullptr || (slash != nullptr && dot < slash)) {
      return epcv::fail(EPCV_ERR_ENCODE, "no file extension to choose the image format from");
    }
    std::vector<uchar> bytes;
    if (const int32_t s = encode(dot, src->mat, params, bytes); s != EPCV_OK) {
      return s;
    }
    file_ptr f(std::fopen(path, "wb"));
    if (!f) {
      return epcv::fail(EPCV_ERR_IO, errno_text(errno));
    }
    if (std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size()) {
      return epcv::fail(EPCV_ERR_IO, "write error: " + errno_text(errno));
    }
    if (std::fclose(f.release()) != 0) {
      return epcv::fail(EPCV_ERR_IO, "write error: " + errno_text(errno));
    }
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_buffer_create(epcv_buffer** out) {
  return epcv::guarded([&]() -> int32_t {
    if (out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "out is NULL");
    }
    *out = new epcv_buffer();
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_buffer_data(const epcv_buffer* buffer, const uint8_t** data, size_t* size) {
  if (buffer == nullptr || data == nullptr || size == nullptr) {
    return epcv::fail(EPCV_ERR_ARGUMENT, "buffer, data or size is NULL");
  }
  *data = buffer->bytes.data();
  *size = buffer->bytes.size();
  return EPCV_OK;
}

EPCV_API int32_t epcv_buffer_release(epcv_buffer* buffer) {
  return epcv::guarded([&]() -> int32_t {
    delete buffer;
    return EPCV_OK;
  });
}

EPCV_API int32_t epcv_imencode(const char* ext, const epcv_mat* src, const epcv_encode_params* params,
                               epcv_buffer* out) {
  return epcv::guarded([&]() -> int32_t {
    if (ext == nullptr || src == nullptr || out == nullptr) {
      return epcv::fail(EPCV_ERR_ARGUMENT, "extension, image or buffer is NULL");
    }
    if (ext[0] != '.') {
      return epcv::fail(EPCV_ERR_ARGUMENT, std::string("extension must start with '.', got '") + ext + "'");
    }
    return encode(ext, src->mat, params, out->bytes);
  });
}

}  // extern "C"
