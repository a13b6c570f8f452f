using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// One batch in flight: its own engine buffer set, the frames in its slots and their letterboxes. A pipeline
/// owns a few (<see cref="PipelineOptions.BatchesInFlight"/>), so one is filled while another runs in the engine
/// and a third is decoded. Allocated once.
/// </summary>
internal sealed class BatchJob : IDisposable
{
    public BatchJob(EngineBufferSet buffers, int maxBatch)
    {
        Buffers = buffers;
        Frames = new Frame[maxBatch];
        Boxes = new Letterbox[maxBatch];
    }

    public EngineBufferSet Buffers { get; }

    public Frame[] Frames { get; }

    public Letterbox[] Boxes { get; }

    public int Count { get; set; }

    public int MaxBatch => Frames.Length;

    public bool IsFull => Count == Frames.Length;

    public void Add(Frame frame)
    {
        frame.Stamps.Mark(PipelineStage.Queue);
        Frames[Count++] = frame;
    }

    /// <summary>Forgets the frames (already handed on or returned); a slot handed on is null.</summary>
    public void Clear()
    {
        Array.Clear(Frames, 0, Count);
        Count = 0;
    }

    public void Dispose() => Buffers.Dispose();
}
