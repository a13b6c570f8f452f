// What the builder needs to know about a parsed network: its inputs and whether it is quantised (QDQ).
#pragma once

#include "trt_includes.hpp"

#include <string>
#include <vector>

namespace ept {

struct NetworkInput
{
    std::string name;
    nvinfer1::DataType type;
    nvinfer1::Dims dims; // -1 for dynamic dimensions
    bool isShapeTensor;
};

std::vector<NetworkInput> networkInputs(nvinfer1::INetworkDefinition& network);

// True when the network has Quantize/Dequantize layers (an explicitly quantised ONNX).
bool hasQuantizeLayers(nvinfer1::INetworkDefinition& network);

} // namespace ept
