using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OnnxRuntime;

/// <summary>Tests that count the process's threads run alone, so no other test's sessions come and go meanwhile.</summary>
[CollectionDefinition(nameof(ThreadCountingCollection), DisableParallelization = true)]
public sealed class ThreadCountingCollection;

/// <summary>
/// The thread settings reach ONNX Runtime: its pools are made with the session, one thread fewer than asked (the
/// calling thread is the last), so the process's thread count shows them.
/// </summary>
[Collection(nameof(ThreadCountingCollection))]
public sealed class ExecutionModeTests
{
    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Parallel_executor_adds_an_inter_op_pool_of_the_asked_size()
    {
        var sequential = ThreadsAdded(new OnnxRuntimeOptions { IntraOpThreads = 1 });
        var parallel = ThreadsAdded(new OnnxRuntimeOptions { IntraOpThreads = 1, InterOpThreads = 4 });

        Assert.Equal(3, parallel - sequential);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Intra_op_threads_size_the_session_s_pool()
    {
        var one = ThreadsAdded(new OnnxRuntimeOptions { IntraOpThreads = 1 });
        var four = ThreadsAdded(new OnnxRuntimeOptions { IntraOpThreads = 4 });

        Assert.Equal(3, four - one);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx")]
    public void Parallel_executor_gives_the_sequential_executor_s_output()
    {
        float[] Run(OnnxRuntimeOptions options)
        {
            using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel, options);
            using var set = engine.CreateBufferSet();
            set.InputSlot(0).Fill(114f / 255f);
            engine.Enqueue(set, 1);
            return set.Output(0, out _).ToArray();
        }

        Assert.Equal(Run(new OnnxRuntimeOptions { IntraOpThreads = 1 }), Run(new OnnxRuntimeOptions { IntraOpThreads = 1, InterOpThreads = 2 }));
    }

    /// <summary>Threads the process has while a session with <paramref name="options"/> is open, less those before.</summary>
    private static int ThreadsAdded(OnnxRuntimeOptions options)
    {
        // A first session warms up what ONNX Runtime makes once per process (its environment, logging).
        using (new OnnxRuntimeEngine(TestPaths.FloatHeadModel, new OnnxRuntimeOptions { IntraOpThreads = 1 }))
        {
        }

        // Threads born with the session, by id: an idle thread of an earlier test (GLib's pool keeps GStreamer's for
        // 15 s) that ends meanwhile does not count.
        var before = Threads();
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel, options);
        return Threads().Except(before).Count();
    }

    private static string[] Threads() => [.. Directory.GetDirectories("/proc/self/task").Select(Path.GetFileName).OfType<string>()];
}
