// The ONNX parser's errors in one line: "node 12 'Conv_3' (Conv): <text>; ...".
#pragma once

#include "trt_includes.hpp"

#include <string>

namespace ept {

std::string describeParserErrors(nvonnxparser::IParser const& parser);

} // namespace ept
