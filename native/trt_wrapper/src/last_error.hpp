// The calling thread's last error message, and the one place that turns failures into ept_status.
#pragma once

#include "edgepose_trt.h"

#include <string>

namespace ept {

// Stores message as this thread's last error and returns status (for `return fail(...)`).
ept_status fail(ept_status status, std::string message);

// Appends TensorRT's error log of the current call (see ErrorCapture), if any, to message.
std::string withTensorRtErrors(std::string message);

} // namespace ept
