using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// An engine checked as a pose model for a pipeline: its input (size, batch), its output layout and decoder.
/// Errors name the model and what is wrong.
/// </summary>
public sealed class PoseModel
{
    public PoseModel(IInferenceEngine engine, PredictorOptions options, string name)
    {
        Engine = engine;
        Name = name;
        Input = ModelInput.From(engine, options.ImageSize, name);
        if (engine.Outputs.Count == 0)
        {
            throw new InputException($"{name}: the model has no outputs");
        }

        Layout = OutputLayoutResolver.Resolve(engine.Outputs[0], engine.Metadata, options.KeypointShape, name);
        Decoder = PoseDecoders.Create(Layout);
    }

    public IInferenceEngine Engine { get; }

    /// <summary>The model in messages (its file name).</summary>
    public string Name { get; }

    public ModelInput Input { get; }

    public OutputLayout Layout { get; }

    public IPoseDecoder Decoder { get; }

    public int KeypointCount => Layout.KeypointCount;
}
