// ept_engine and ept_context: a deserialised engine (with the runtime that must outlive it) and an
// execution context on it. The caller keeps an engine alive while any of its contexts is.
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <memory>
#include <string>
#include <vector>

struct ept_engine
{
    std::unique_ptr<nvinfer1::IRuntime> runtime; // declared first: destroyed after the engine
    std::unique_ptr<nvinfer1::ICudaEngine> engine;
    std::vector<std::string> ioNames;            // by ABI index
};

struct ept_context
{
    ept_engine* owner;
    std::unique_ptr<nvinfer1::IExecutionContext> context;
};

namespace ept {

// The name of I/O tensor index, or null (with the last error set) when index is out of range.
char const* ioName(ept_engine const& engine, int32_t index, char const* function);

// The name of input index, or null when index is out of range or names an output.
char const* inputName(ept_engine const& engine, int32_t index, char const* function);

} // namespace ept
