namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// Tap tables of the preprocess for the last few frame geometries, in device memory: what OpenCV's resize
/// tabulates once per size (source indices and fixed-point weights of every resized column and row). A table is
/// made by one small kernel the first time its geometry is seen, queued on the caller's stream before the
/// preprocess that reads it; later frames of that geometry read it and skip the per-pixel double-precision tap
/// math. Up to <see cref="Capacity"/> geometries (one per camera resolution); a new one replaces the oldest. The
/// default capacity covers the images of one batched launch: the tables applied for a batch all stay until it runs.
/// Use it from one stream: a replaced table is rewritten in stream order, after the launches that read it.
/// </summary>
public sealed class CudaPreprocessTaps : IDisposable
{
    /// <summary>Geometries kept by default: as many as a batched preprocess launch takes images.</summary>
    public const int DefaultCapacity = KernelLaunchConfig.PreprocessBatchMax;

    private readonly CudaDeviceBuffer _tables;
    private readonly PreprocessParams?[] _held;
    private readonly ulong _tableBytes;
    private int _next;

    /// <summary>Tables for a <paramref name="targetWidth"/> × <paramref name="targetHeight"/> model input (a resized image is never larger).</summary>
    public CudaPreprocessTaps(CudaPrimaryContext context, int targetWidth, int targetHeight, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        TargetWidth = targetWidth;
        TargetHeight = targetHeight;
        _tableBytes = (ulong)(targetWidth + targetHeight) * PreprocessParams.TapEntryBytes;
        _tables = context.AllocateDevice(_tableBytes * (ulong)capacity);
        _held = new PreprocessParams?[capacity];
    }

    public int TargetWidth { get; }

    public int TargetHeight { get; }

    public int Capacity => _held.Length;

    /// <summary>Tables made so far (a table per new geometry; for tests and metrics).</summary>
    public long TablesMade { get; private set; }

    /// <summary>
    /// <paramref name="p"/> reading its geometry's table, which is queued on <paramref name="stream"/> first if
    /// no table held has that geometry.
    /// </summary>
    public PreprocessParams Apply(CudaKernels kernels, in PreprocessParams p, CudaStream stream)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        if (p.TargetWidth != TargetWidth || p.TargetHeight != TargetHeight)
        {
            throw new ArgumentException($"tap tables made for a {TargetWidth}x{TargetHeight} input, parameters for {p.TargetWidth}x{p.TargetHeight}", nameof(p));
        }

        int slot = Find(p);
        if (slot < 0)
        {
            slot = _next;
            _next = (_next + 1) % _held.Length;
            kernels.PreprocessTaps(p, Address(slot), stream);
            _held[slot] = p;
            TablesMade++;
        }

        return p.WithTaps(Address(slot));
    }

    public void Dispose() => _tables.Dispose();

    private int Find(in PreprocessParams p)
    {
        for (int i = 0; i < _held.Length; i++)
        {
            if (_held[i] is { } held && held.SameTaps(p))
            {
                return i;
            }
        }

        return -1;
    }

    private ulong Address(int slot) => (ulong)_tables.DevicePointer + ((ulong)slot * _tableBytes);
}
