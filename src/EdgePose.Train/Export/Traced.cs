namespace EdgePose.Train.Export;

/// <summary>A tensor of the exported graph: its name and its channels, height and width (the batch is the input's).</summary>
public readonly record struct Traced(string Name, long C, long H, long W);
