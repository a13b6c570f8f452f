namespace EdgePose.Core.Engines;

/// <summary>
/// A tensor shape. A dimension below zero is dynamic (unknown until run time); <see cref="DimNames"/>
/// keeps the symbolic name an ONNX file gives it, where there is one.
/// </summary>
public readonly record struct TensorShape(long[] Dims)
{
    public int Rank => Dims.Length;

    /// <summary>
    /// Symbolic names of the dimensions as the model file gives them ("batch", "height"), one per axis,
    /// null for an axis without a name; null as a whole when the source has none. Not part of equality.
    /// </summary>
    public IReadOnlyList<string?>? DimNames { get; init; }

    public long this[int axis] => Dims[axis];

    public bool IsFixed => Array.TrueForAll(Dims, d => d >= 0);

    /// <summary>Product of the dimensions; throws for a dynamic shape.</summary>
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var d in Dims)
            {
                if (d < 0)
                {
                    throw new InvalidOperationException($"shape {this} has a dynamic dimension");
                }

                n *= d;
            }

            return n;
        }
    }

    public override string ToString() => "[" + string.Join(",", Dims.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    public bool Equals(TensorShape other) => Dims.AsSpan().SequenceEqual(other.Dims);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in Dims)
        {
            h.Add(d);
        }

        return h.ToHashCode();
    }
}
