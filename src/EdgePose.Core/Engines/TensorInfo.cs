namespace EdgePose.Core.Engines;

/// <summary>Name, element type and shape of one model input or output.</summary>
public sealed record TensorInfo(string Name, TensorElementType ElementType, TensorShape Shape)
{
    public override string ToString() => $"{Name} {ElementType} {Shape}";
}
