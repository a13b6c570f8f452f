using EdgePose.Core.Errors;
using EdgePose.TensorRt.Compatibility;

namespace EdgePose.TensorRt.Files;

/// <summary>
/// Reads engine files: a plain TensorRT plan (with our sidecar when present) or an Ultralytics .engine.
/// Anything else, and anything cut short, is rejected with one line naming the file.
/// </summary>
public static class EngineFileReader
{
    public static EngineFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"engine file not found: {path}");
        }

        var bytes = File.ReadAllBytes(path);
        if (PlanSignature.Matches(bytes))
        {
            if (bytes.Length < PlanSignature.MinimumPlanLength)
            {
                throw new FormatException($"{path}: truncated TensorRT plan ({bytes.Length} bytes)");
            }

            return new EngineFile(path, EngineFileFormat.Plan, bytes, 0, null, ReadSidecar(path, bytes));
        }

        if (UltralyticsEngineHeader.LooksLikeHeader(bytes))
        {
            var (json, planOffset) = UltralyticsEngineHeader.Read(bytes, path);
            if (bytes.Length - planOffset < PlanSignature.MinimumPlanLength)
            {
                throw new FormatException($"{path}: truncated TensorRT plan after the Ultralytics header ({bytes.Length - planOffset} bytes)");
            }

            return new EngineFile(path, EngineFileFormat.Ultralytics, bytes, planOffset, json, null);
        }

        var what = bytes.Length < PlanSignature.Length
            ? $"the file has only {bytes.Length} bytes"
            : "it starts with neither a TensorRT plan signature nor an Ultralytics metadata header";
        var hint = path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
            ? $" (an ONNX model: build an engine from it with edgepose build-engine --onnx {RebuildCommand.Quote(path)})"
            : "";
        throw new FormatException($"{path} is not a TensorRT engine: {what}{hint}");
    }

    private static EngineSidecar? ReadSidecar(string planPath, byte[] plan)
    {
        var sidecarPath = EngineSidecar.PathFor(planPath);
        if (!File.Exists(sidecarPath))
        {
            return null;
        }

        var sidecar = EngineSidecarJson.Read(File.ReadAllText(sidecarPath), sidecarPath);
        if (sidecar.PlanBytes != plan.Length || !string.Equals(sidecar.PlanSha256, Sha256Hex.Of(plan), StringComparison.OrdinalIgnoreCase))
        {
            var change = sidecar.PlanBytes > plan.Length ? "truncated" : "replaced";
            throw new InputException(
                $"{planPath} does not match its sidecar {sidecarPath} (the plan has {plan.Length} bytes, the sidecar describes {sidecar.PlanBytes} bytes with another sha256): "
                + $"the plan was {change}; rebuild it with: {RebuildCommand.For(planPath, sidecar.Build, sidecar.OnnxPath)}");
        }

        return sidecar;
    }
}
