// ept_build_engine_from_onnx: ONNX file -> serialised TensorRT plan.
#include "api_guard.hpp"
#include "blob.hpp"
#include "dims.hpp"
#include "entropy_calibrator.hpp"
#include "log_forwarder.hpp"
#include "network_inputs.hpp"
#include "onnx_parser_errors.hpp"
#include "optimization_profile.hpp"
#include "progress.hpp"
#include "tensor_types.hpp"
#include "timing_cache.hpp"
#include "trt_includes.hpp"

#include <memory>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

using ept::fail;
using ept::withTensorRtErrors;

constexpr char const* kParsePhase = "Parsing ONNX";
constexpr char const* kBuildPhase = "Building engine";
constexpr char const* kCachePhase = "Saving timing cache";

nvinfer1::NetworkDefinitionCreationFlags networkFlags()
{
#if NV_TENSORRT_MAJOR >= 10
    return 0U; // explicit batch is the only mode (and 11 builds strongly typed networks by default)
#else
    return 1U << static_cast<uint32_t>(nvinfer1::NetworkDefinitionCreationFlag::kEXPLICIT_BATCH);
#endif
}

bool fileExists(char const* path)
{
    struct stat info{};
    return stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

ept_status validate(char const* onnxPath, ept_build_options const* o, ept_blob** out)
{
    if (onnxPath == nullptr)
    {
        return ept::nullArgument("ept_build_engine_from_onnx", "onnx_path");
    }
    if (o == nullptr)
    {
        return ept::nullArgument("ept_build_engine_from_onnx", "options");
    }
    if (out == nullptr)
    {
        return ept::nullArgument("ept_build_engine_from_onnx", "out_plan");
    }
    if (o->struct_size != sizeof(ept_build_options))
    {
        return fail(EPT_INVALID_ARGUMENT, "ept_build_options.struct_size is " + std::to_string(o->struct_size)
            + ", this library expects " + std::to_string(sizeof(ept_build_options)) + " (mismatched EdgePose builds)");
    }
    if ((o->precision_flags & ~(EPT_PRECISION_FP16 | EPT_PRECISION_INT8)) != 0)
    {
        return fail(EPT_INVALID_ARGUMENT, "unknown precision flags " + std::to_string(o->precision_flags));
    }
    if (o->max_batch < 0 || o->input_profile_count < 0 || (o->input_profile_count > 0 && o->input_profiles == nullptr))
    {
        return fail(EPT_INVALID_ARGUMENT, "max_batch and input_profile_count must not be negative");
    }
    if (o->optimization_level < -1 || o->optimization_level > 5)
    {
        return fail(EPT_INVALID_ARGUMENT, "optimisation level must be 0..5 (or -1 for the default), got "
            + std::to_string(o->optimization_level));
    }
    if (o->calibrator != nullptr && (o->calibrator->next_batch == nullptr || (o->precision_flags & EPT_PRECISION_INT8) == 0))
    {
        return fail(EPT_INVALID_ARGUMENT, "a calibrator needs a batch callback and the INT8 precision flag");
    }
    if (!fileExists(onnxPath))
    {
        return fail(EPT_IO_ERROR, std::string("ONNX file not found: ") + onnxPath);
    }
    return EPT_OK;
}

// Precision and device settings; returns EPT_OK or a failure with its message set.
ept_status configurePrecision(nvinfer1::IBuilderConfig& config, ept_build_options const& o, bool quantised)
{
    bool const fp16 = (o.precision_flags & EPT_PRECISION_FP16) != 0;
    bool const int8 = (o.precision_flags & EPT_PRECISION_INT8) != 0;
    if (int8 && !quantised && o.calibrator == nullptr)
    {
        return fail(EPT_INVALID_ARGUMENT, "INT8 without calibration needs a quantised (QDQ) ONNX, and this one has no "
                                          "QuantizeLinear/DequantizeLinear nodes: give calibration images");
    }
#if EPT_HAS_PRECISION_FLAGS
    EPT_ALLOW_DEPRECATED_BEGIN
    if (fp16)
    {
        config.setFlag(nvinfer1::BuilderFlag::kFP16);
    }
    if (int8)
    {
        config.setFlag(nvinfer1::BuilderFlag::kINT8);
    }
    EPT_ALLOW_DEPRECATED_END
#else
    if (fp16)
    {
        return fail(EPT_UNSUPPORTED, "TensorRT " + std::to_string(NV_TENSORRT_MAJOR)
                + " builds strongly typed networks only: FP16 must come from the ONNX itself (export it with half=True)");
    }
    if (int8 && o.calibrator != nullptr)
    {
        return fail(EPT_UNSUPPORTED, "TensorRT " + std::to_string(NV_TENSORRT_MAJOR)
                + " has no INT8 calibration: export a quantised (QDQ) ONNX instead");
    }
#endif
    if (o.dla_core >= 0)
    {
#if EPT_HAS_PRECISION_FLAGS
        if (!fp16 && !int8)
        {
            return fail(EPT_INVALID_ARGUMENT, "DLA runs FP16 or INT8 only: build with FP16 or INT8");
        }
#endif
        config.setDefaultDeviceType(nvinfer1::DeviceType::kDLA);
        config.setDLACore(o.dla_core);
        config.setFlag(nvinfer1::BuilderFlag::kGPU_FALLBACK);
    }
    return EPT_OK;
}

ept_status build(char const* onnxPath, ept_build_options const& o, ept_blob** out)
{
    auto& logger = ept::LogForwarder::instance();
    ept::ProgressReporter progress(o.progress, o.progress_user);
    auto const cancelled = []() { return fail(EPT_CANCELLED, "engine build cancelled"); };

    if (!progress.phaseStart(kParsePhase, nullptr, 0))
    {
        return cancelled();
    }
    std::unique_ptr<nvinfer1::IBuilder> builder(nvinfer1::createInferBuilder(logger));
    if (!builder)
    {
        return fail(EPT_CUDA_ERROR, withTensorRtErrors("TensorRT could not create a builder (no usable GPU?)"));
    }
    if (o.dla_core >= 0 && o.dla_core >= builder->getNbDLACores())
    {
        return fail(EPT_UNSUPPORTED, "DLA core " + std::to_string(o.dla_core) + " does not exist: this device has "
            + std::to_string(builder->getNbDLACores()) + " DLA cores");
    }
    std::unique_ptr<nvinfer1::INetworkDefinition> network(builder->createNetworkV2(networkFlags()));
    if (!network)
    {
        return fail(EPT_INTERNAL, withTensorRtErrors("TensorRT could not create a network definition"));
    }
    std::unique_ptr<nvonnxparser::IParser> parser(nvonnxparser::createParser(*network, logger));
    if (!parser)
    {
        return fail(EPT_INTERNAL, withTensorRtErrors("TensorRT could not create its ONNX parser"));
    }
    if (!parser->parseFromFile(onnxPath, static_cast<int>(nvinfer1::ILogger::Severity::kWARNING)))
    {
        return fail(EPT_PARSE_FAILED, std::string("TensorRT's ONNX parser rejected ") + onnxPath + ": "
            + ept::describeParserErrors(*parser));
    }
    if (!progress.phaseFinish(kParsePhase))
    {
        return cancelled();
    }

    std::unique_ptr<nvinfer1::IBuilderConfig> config(builder->createBuilderConfig());
    if (!config)
    {
        return fail(EPT_INTERNAL, withTensorRtErrors("TensorRT could not create a builder configuration"));
    }
    auto const status = configurePrecision(*config, o, ept::hasQuantizeLayers(*network));
    if (status != EPT_OK)
    {
        return status;
    }
    if (o.workspace_bytes > 0)
    {
        config->setMemoryPoolLimit(nvinfer1::MemoryPoolType::kWORKSPACE, static_cast<std::size_t>(o.workspace_bytes));
    }
    if (o.optimization_level >= 0)
    {
#if EPT_HAS_OPTIMIZATION_LEVEL
        config->setBuilderOptimizationLevel(o.optimization_level);
#else
        return fail(EPT_UNSUPPORTED, "the builder optimisation level needs TensorRT 8.6 or newer");
#endif
    }

    std::vector<ept::InputRange> ranges;
    std::string error;
    auto const inputs = ept::networkInputs(*network);
    if (!ept::planInputRanges(inputs, o, ranges, error))
    {
        return fail(EPT_INVALID_ARGUMENT, error);
    }
    auto const* profile = ept::addProfile(*builder, *config, ranges, error);
    if (profile == nullptr && !error.empty())
    {
        return fail(EPT_INVALID_ARGUMENT, withTensorRtErrors(error));
    }

    std::optional<ept::TimingCacheFile> timingCache;
    if (o.timing_cache_path != nullptr)
    {
        timingCache.emplace(*config, o.timing_cache_path);
        if (timingCache->failed())
        {
            return fail(EPT_INTERNAL, withTensorRtErrors("TensorRT could not create a timing cache"));
        }
    }

#if EPT_HAS_PRECISION_FLAGS
    std::unique_ptr<ept::EntropyCalibrator> calibrator;
    if (o.calibrator != nullptr)
    {
        std::vector<ept::CalibrationInput> calibrationInputs;
        for (std::size_t i = 0; i < inputs.size(); ++i)
        {
            calibrationInputs.push_back({inputs[i].name, ept::toEptType(inputs[i].type), ranges[i].opt});
        }
        calibrator = std::make_unique<ept::EntropyCalibrator>(*o.calibrator, std::move(calibrationInputs));
        EPT_ALLOW_DEPRECATED_BEGIN
        config->setInt8Calibrator(calibrator.get());
        if (profile != nullptr && !config->setCalibrationProfile(profile))
        {
            return fail(EPT_INVALID_ARGUMENT, withTensorRtErrors("TensorRT rejected the calibration profile"));
        }
        EPT_ALLOW_DEPRECATED_END
    }
#endif

#if EPT_HAS_PROGRESS_MONITOR
    ept::ProgressMonitor monitor(progress);
    config->setProgressMonitor(&monitor);
#endif

    if (!progress.phaseStart(kBuildPhase, nullptr, 0))
    {
        return cancelled();
    }
    std::unique_ptr<nvinfer1::IHostMemory> plan(builder->buildSerializedNetwork(*network, *config));
#if EPT_HAS_PROGRESS_MONITOR
    config->setProgressMonitor(nullptr);
#endif
    if (progress.cancelled())
    {
        return cancelled();
    }
#if EPT_HAS_PRECISION_FLAGS
    if (calibrator && !calibrator->abortReason().empty())
    {
        return fail(EPT_CANCELLED, "INT8 calibration stopped: " + calibrator->abortReason());
    }
    if (calibrator && calibrator->batchesFed() == 0 && !plan)
    {
        return fail(EPT_BUILD_FAILED, withTensorRtErrors("INT8 calibration got no batches"));
    }
#endif
    if (!plan || plan->size() == 0)
    {
        return fail(EPT_BUILD_FAILED, withTensorRtErrors(std::string("TensorRT could not build an engine from ") + onnxPath));
    }
    if (!progress.phaseFinish(kBuildPhase))
    {
        return cancelled();
    }

    if (timingCache)
    {
        progress.phaseStart(kCachePhase, nullptr, 0);
        timingCache->save(*config);
        progress.phaseFinish(kCachePhase);
    }

    *out = new ept_blob{std::move(plan)};
    return EPT_OK;
}

} // namespace

extern "C" ept_status ept_build_engine_from_onnx(const char* onnx_path, const ept_build_options* options, ept_blob** out_plan)
{
    return ept::guarded("ept_build_engine_from_onnx", [&]() -> ept_status {
        if (out_plan != nullptr)
        {
            *out_plan = nullptr;
        }
        auto const status = validate(onnx_path, options, out_plan);
        return status != EPT_OK ? status : build(onnx_path, *options, out_plan);
    });
}
