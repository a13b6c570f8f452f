using EdgePose.Native.OnnxRuntime;

namespace EdgePose.Benchmarks;

/// <summary>
/// Runs the float-head model once on a raw little-endian float32 [1,3,640,640] input file and writes its raw
/// output0 [1,56,8400] beside it: the inputs of scripts/bench-ultralytics-prepost.py (ONNX Runtime, CPU,
/// default options, as Ultralytics' reference ran it).
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --write-output0 IN.f32 OUT.f32 [IN.f32 OUT.f32 ...]
/// </summary>
public static class RawOutputWriter
{
    public static void Run(IReadOnlyList<string> pairs)
    {
        if (pairs.Count == 0 || pairs.Count % 2 != 0)
        {
            throw new ArgumentException("--write-output0 takes pairs of paths: INPUT.f32 OUTPUT.f32");
        }

        using var engine = new OnnxRuntimeEngine(BenchmarkPaths.FloatHeadModel);
        using var set = engine.CreateBufferSet();
        for (int i = 0; i < pairs.Count; i += 2)
        {
            var input = set.InputSlot(0);
            var bytes = File.ReadAllBytes(pairs[i]);
            if (bytes.Length != input.Length * sizeof(float))
            {
                throw new ArgumentException($"{pairs[i]} holds {bytes.Length} bytes, not the {input.Length * sizeof(float)} of a [1,3,640,640] float32 tensor");
            }

            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).CopyTo(input);
            engine.Enqueue(set, 1);
            var output = set.Output(0, out _);
            File.WriteAllBytes(pairs[i + 1], System.Runtime.InteropServices.MemoryMarshal.AsBytes(output).ToArray());
            Console.WriteLine($"{pairs[i + 1]}: {output.Length} floats");
        }
    }
}
