namespace EdgePose.Core.Meta;

/// <summary>A colour as red, green, blue bytes.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);
