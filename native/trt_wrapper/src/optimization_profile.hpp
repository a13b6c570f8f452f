// The optimisation profile for a network with dynamic inputs: min/opt/max per dynamic input, from
// explicit ept_input_profile entries or, for inputs whose only dynamic dimension is the batch, from
// max_batch (1..max_batch, optimised for max_batch).
#pragma once

#include "edgepose_trt.h"
#include "network_inputs.hpp"
#include "trt_includes.hpp"

#include <string>
#include <vector>

namespace ept {

struct InputRange
{
    std::string name;
    nvinfer1::Dims min;
    nvinfer1::Dims opt;
    nvinfer1::Dims max;
    bool dynamic; // false: the network fixes this input's shape (min = opt = max)
};

// Every network input's range. False with a one-line reason when the options do not fit the network.
bool planInputRanges(std::vector<NetworkInput> const& inputs, ept_build_options const& options,
    std::vector<InputRange>& ranges, std::string& error);

// Adds one profile with the dynamic inputs' ranges to config; returns it (null when none is needed).
// Throws nothing; on failure returns null and sets error.
nvinfer1::IOptimizationProfile* addProfile(nvinfer1::IBuilder& builder, nvinfer1::IBuilderConfig& config,
    std::vector<InputRange> const& ranges, std::string& error);

} // namespace ept
