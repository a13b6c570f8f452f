using EdgePose.Core.Engines;
using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>
/// A small stand-in engine for the pipeline's stage tests (the real engines are tested in Native and Host): input
/// [B,3,64,64], raw pose output [B,56,4] with one person per image at a fixed place, and a run time to simulate.
/// Records which source's frames each run held (from a marker the test writes into pixel 0).
/// </summary>
internal sealed class TinyPoseEngine : IInferenceEngine
{
    public const int Size = 64;
    private const int Anchors = 4;
    private const int Rows = 5 + (17 * 3);

    public TinyPoseEngine(int maxBatch = 1, TimeSpan? runTime = null)
    {
        MaxBatch = maxBatch;
        RunTime = runTime ?? TimeSpan.Zero;
        Inputs = [new TensorInfo("images", TensorElementType.Float32, new TensorShape([maxBatch, 3, Size, Size]))];
        Outputs = [new TensorInfo("output0", TensorElementType.Float32, new TensorShape([maxBatch, Rows, Anchors]))];
    }

    public TimeSpan RunTime { get; }

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Fails every run from this run number on (0: never).</summary>
    public int FailFromRun { get; init; }

    private int _runs;

    public string Description => "tiny test engine";

    public ModelMetadata Metadata { get; } = new() { Task = "pose", KeypointCount = 17, KeypointDims = 3, Stride = 32, Names = new Dictionary<int, string> { [0] = "person" } };

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public int MaxBatch { get; }

    public bool HasDynamicBatch => true;

    public IReadOnlyList<MemoryLocation> SupportedLocations { get; } = [MemoryLocation.Host];

    public EngineBufferSet CreateBufferSet(MemoryLocation input = MemoryLocation.Host, MemoryLocation output = MemoryLocation.Host) => new Buffers(this);

    public IInferenceCompletion Enqueue(EngineBufferSet buffers, int batch)
    {
        int run = Interlocked.Increment(ref _runs);
        if (FailFromRun > 0 && run >= FailFromRun)
        {
            throw new InvalidOperationException("the test engine failed on purpose");
        }

        if (RunTime > TimeSpan.Zero)
        {
            Thread.Sleep(RunTime);
        }

        var set = (Buffers)buffers;
        set.Fill(batch);
        return CompletedInference.Instance;
    }

    public void Dispose()
    {
    }

    private sealed class Buffers : EngineBufferSet
    {
        private readonly float[] _input;
        private readonly float[] _output;

        public Buffers(TinyPoseEngine engine)
            : base(engine, engine.MaxBatch, engine.Inputs[0], MemoryLocation.Host, MemoryLocation.Host)
        {
            _input = new float[engine.MaxBatch * 3 * Size * Size];
            _output = new float[engine.MaxBatch * Rows * Anchors];
        }

        public override IInferenceCompletion Completion => CompletedInference.Instance;

        public override nint InputDevicePointer => 0;

        public override nint OutputDevicePointer(int index) => 0;

        public override Span<float> InputSlot(int slot) => _input.AsSpan(CheckSlot(slot) * SlotElements, SlotElements);

        public override ReadOnlySpan<float> Output(int index, out TensorShape shape)
        {
            shape = new TensorShape([MaxBatch, Rows, Anchors]);
            return _output;
        }

        /// <summary>One person per image: box 16..48 in the 64-pixel input, score 0.9, keypoints on the box centre.</summary>
        public void Fill(int batch)
        {
            Array.Clear(_output);
            for (int b = 0; b < batch; b++)
            {
                var o = _output.AsSpan(b * Rows * Anchors, Rows * Anchors);
                o[(0 * Anchors) + 0] = 32;
                o[(1 * Anchors) + 0] = 32;
                o[(2 * Anchors) + 0] = 32;
                o[(3 * Anchors) + 0] = 32;
                o[(4 * Anchors) + 0] = 0.9f;
                for (int k = 0; k < 17; k++)
                {
                    o[((5 + (k * 3)) * Anchors) + 0] = 32;
                    o[((6 + (k * 3)) * Anchors) + 0] = 32;
                    o[((7 + (k * 3)) * Anchors) + 0] = 0.8f;
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
