// ept_blob: host memory TensorRT serialised (a plan), owned until ept_blob_destroy.
#pragma once

#include "edgepose_trt.h"
#include "trt_includes.hpp"

#include <memory>

struct ept_blob
{
    std::unique_ptr<nvinfer1::IHostMemory> memory;
};
