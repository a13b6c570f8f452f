namespace EdgePose.Train.Models;

/// <summary>One built layer, as Ultralytics' model summary lists it: index, from, repeats, parameters, module, arguments.</summary>
public sealed record LayerInfo(int Index, int[] From, int Repeats, long Parameters, string Module, string Arguments, long OutChannels, double Stride);
