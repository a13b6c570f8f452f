using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Processing;

/// <summary>
/// Pre- and post-processing on the CPU: <see cref="LetterboxPreprocessor"/> on BGR host frames, then the model's
/// decoder and <see cref="Letterbox.Unmap"/>. The reference every other processor is held equal to.
/// </summary>
public sealed class CpuFrameProcessor : IFrameProcessor
{
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly IPoseDecoder _decoder;

    public CpuFrameProcessor(int inputWidth, int inputHeight, IPoseDecoder decoder, IBgrResizer resizer)
    {
        _preprocessor = new LetterboxPreprocessor(resizer, inputWidth, inputHeight);
        _decoder = decoder;
    }

    /// <summary>The CPU processing of <paramref name="model"/>'s input and output.</summary>
    public static CpuFrameProcessor For(PoseModel model, IBgrResizer resizer) =>
        new(model.Input.Width, model.Input.Height, model.Decoder, resizer);

    public string Description => "CPU";

    public EngineBufferSet CreateBufferSet(IInferenceEngine engine) => engine.CreateBufferSet();

    public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot) =>
        _preprocessor.Write(frame.AsBgrImage(), buffers, slot);

    public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections)
    {
        _decoder.Decode(buffers.Output(0, out _), slot, options, detections);
        box.Unmap(detections);
    }

    public void Dispose()
    {
    }
}
