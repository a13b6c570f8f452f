namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The EdgePose kernels on a GPU: loads the embedded PTX for the device's architecture and queues the
/// preprocess (frame → letterboxed model input) and the postprocess (raw output → decode, sort, NMS,
/// gather → the compact result in pinned host memory) on a stream, with no host synchronisation. The
/// postprocess is recorded once as a CUDA graph per buffers and parameters and then launched with one
/// call (one launch one by one where the driver has no graphs). The context is pushed on the calling
/// thread for each call, never assumed current.
/// </summary>
public sealed unsafe class CudaKernels : IDisposable
{
    // The kernels (extern "C" names) of each module.
    private static readonly (string Module, string Function)[] s_functions =
    [
        ("preprocess", "ep_preprocess"),
        ("preprocess", "ep_preprocess_x2"),
        ("preprocess", "ep_preprocess_x4"),
        ("preprocess", "ep_preprocess_taps"),
        ("preprocess", "ep_preprocess_batch"),
        ("decode", "ep_decode"),
        ("sort", "ep_rank_sort"),
        ("nms", "ep_nms_mask"),
        ("nms", "ep_nms_reduce"),
        ("gather", "ep_gather"),
    ];

    private readonly CudaPrimaryContext _context;
    private readonly List<CudaModule> _modules = [];
    private readonly CudaFunction[] _preprocess = new CudaFunction[5]; // by pixels per thread: 1, 2, 4
    private readonly CudaFunction _preprocessTaps;
    private readonly CudaFunction _preprocessBatch;
    private readonly CudaFunction _decode;
    private readonly CudaFunction _sort;
    private readonly CudaFunction _nmsMask;
    private readonly CudaFunction _nmsReduce;
    private readonly CudaFunction _gather;

    private CudaKernels(CudaPrimaryContext context, PtxCatalog catalog, int architecture)
    {
        _context = context;
        Architecture = architecture;
        try
        {
            var functions = new Dictionary<string, CudaFunction>(StringComparer.Ordinal);
            foreach (var kernel in PtxCatalog.Kernels)
            {
                var module = context.LoadModule(catalog.Read(kernel, architecture), PtxCatalog.ResourceName(kernel, architecture));
                _modules.Add(module);
                foreach (var (inModule, function) in s_functions)
                {
                    if (inModule == kernel)
                    {
                        functions[function] = module.GetFunction(function);
                    }
                }
            }

            _preprocess[1] = functions["ep_preprocess"];
            _preprocess[2] = functions["ep_preprocess_x2"];
            _preprocess[4] = functions["ep_preprocess_x4"];
            _preprocessTaps = functions["ep_preprocess_taps"];
            _preprocessBatch = functions["ep_preprocess_batch"];
            _decode = functions["ep_decode"];
            _sort = functions["ep_rank_sort"];
            _nmsMask = functions["ep_nms_mask"];
            _nmsReduce = functions["ep_nms_reduce"];
            _gather = functions["ep_gather"];
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Each kernel's name with the registers and local bytes per thread the driver compiled it to.</summary>
    public IEnumerable<(string Kernel, int Registers, int LocalBytes)> Resources()
    {
        using var scope = _context.Push();
        foreach (var f in (CudaFunction[])[_preprocess[1], _preprocess[2], _preprocess[4], _preprocessTaps, _preprocessBatch, _decode, _sort, _nmsMask, _nmsReduce, _gather])
        {
            var (registers, local) = f.Resources();
            yield return (f.Name, registers, local);
        }
    }

    /// <summary>The PTX architecture loaded (e.g. 87 for sm_87).</summary>
    public int Architecture { get; }

    /// <summary>Loads the kernels for <paramref name="device"/> into <paramref name="context"/> (its primary context).</summary>
    public static CudaKernels Load(CudaPrimaryContext context, CudaDevice device, PtxCatalog? catalog = null)
    {
        catalog ??= PtxCatalog.Embedded;
        int arch = catalog.ChooseArchitecture(device.ComputeCapability);
        return new CudaKernels(context, catalog, arch);
    }

    /// <summary>
    /// Queues the letterbox of the image at device address <paramref name="source"/> into the model input at
    /// <paramref name="destination"/> (3 × H × W float32 or float16, as <paramref name="p"/> says).
    /// </summary>
    public void Preprocess(ulong source, in PreprocessParams p, ulong destination, CudaStream stream) =>
        Preprocess(source, p, destination, stream, KernelLaunchConfig.PreprocessPixels);

    /// <summary>The preprocess with the kernel variant of <paramref name="pixelsPerThread"/> (1, 2 or 4) output pixels per thread (for benchmarks).</summary>
    public void Preprocess(ulong source, in PreprocessParams p, ulong destination, CudaStream stream, int pixelsPerThread) =>
        Preprocess(source, p, destination, stream, pixelsPerThread, KernelLaunchConfig.PreprocessBlockX, KernelLaunchConfig.PreprocessBlockY);

    /// <summary>The preprocess with blocks of <paramref name="blockX"/> × <paramref name="blockY"/> threads (for benchmarks).</summary>
    internal void Preprocess(ulong source, in PreprocessParams p, ulong destination, CudaStream stream, int pixelsPerThread, int blockX, int blockY)
    {
        if (source == 0 || destination == 0)
        {
            throw new ArgumentException("preprocess needs device addresses for its source and destination");
        }

        if (pixelsPerThread is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelsPerThread), pixelsPerThread, "the preprocess kernels write 1, 2 or 4 pixels per thread");
        }

        var config = KernelLaunchConfig.Preprocess(p, pixelsPerThread, blockX, blockY);
        using var scope = _context.Push();
        ulong src = source, dst = destination;
        PreprocessParams pp = p;
        void** args = stackalloc void*[3] { &src, &pp, &dst };
        Launch(_preprocess[pixelsPerThread], config, stream, args);
    }

    /// <summary>
    /// Queues the letterboxes of a batch in one launch: image i from device address <paramref name="sources"/>[i]
    /// with <paramref name="images"/>[i] into <paramref name="destinations"/>[i], 1 to
    /// <see cref="KernelLaunchConfig.PreprocessBatchMax"/> images (each may have its own size, format and options).
    /// </summary>
    public void PreprocessBatch(ReadOnlySpan<ulong> sources, ReadOnlySpan<PreprocessParams> images, ReadOnlySpan<ulong> destinations, CudaStream stream)
    {
        if (sources.Length != images.Length || destinations.Length != images.Length)
        {
            throw new ArgumentException($"a batched preprocess needs one source and one destination per image: {sources.Length} sources, {images.Length} parameters, {destinations.Length} destinations");
        }

        var config = KernelLaunchConfig.PreprocessBatch(images);
        var batch = default(PreprocessBatchParams);
        for (int i = 0; i < images.Length; i++)
        {
            if (sources[i] == 0 || destinations[i] == 0)
            {
                throw new ArgumentException($"image {i} of the batched preprocess has no device address for its source or destination");
            }

            batch.Image[i] = images[i];
            batch.Source[i] = sources[i];
            batch.Destination[i] = destinations[i];
        }

        batch.Count = images.Length;
        using var scope = _context.Push();
        void** args = stackalloc void*[1] { &batch };
        _preprocessBatch.Launch(config.GridX, config.GridY, config.GridZ, config.BlockX, config.BlockY, stream, args);
    }

    /// <summary>
    /// Queues the tap table of <paramref name="p"/>'s geometry (<see cref="PreprocessParams.TapCount"/> entries of
    /// <see cref="PreprocessParams.TapEntryBytes"/>) into device memory at <paramref name="taps"/>, for preprocess
    /// launches with <see cref="PreprocessParams.Taps"/> set to that address (see <see cref="CudaPreprocessTaps"/>).
    /// </summary>
    public void PreprocessTaps(in PreprocessParams p, ulong taps, CudaStream stream)
    {
        if (taps == 0)
        {
            throw new ArgumentException("the tap table needs a device address", nameof(taps));
        }

        using var scope = _context.Push();
        PreprocessParams pp = p;
        ulong table = taps;
        void** args = stackalloc void*[2] { &pp, &table };
        Launch(_preprocessTaps, KernelLaunchConfig.PreprocessTaps(p), stream, args);
    }

    /// <summary>
    /// Queues decode, sort, NMS and gather of the raw output at device address <paramref name="raw"/> (one
    /// image) into <paramref name="buffers"/>' result. Read <see cref="CudaPostprocessBuffers.HostResultWords"/>
    /// after the stream passes this point. The first call for a (raw, parameters) pair records a CUDA graph and
    /// later calls launch it, for the first 8 pairs of these buffers; further pairs launch kernel by kernel.
    /// </summary>
    public void Postprocess(ulong raw, in DecodeParams p, CudaPostprocessBuffers buffers, CudaStream stream) =>
        Postprocess(raw, p, buffers, stream, useGraph: true);

    /// <summary>The postprocess, with or without its CUDA graph (for benchmarks and the parity checks).</summary>
    public void Postprocess(ulong raw, in DecodeParams p, CudaPostprocessBuffers buffers, CudaStream stream, bool useGraph)
    {
        if (raw == 0)
        {
            throw new ArgumentException("postprocess needs the device address of the raw output", nameof(raw));
        }

        if (!buffers.Fits(p))
        {
            throw new ArgumentException("the postprocess buffers were made for other decode parameters", nameof(buffers));
        }

        using var scope = _context.Push();
        if (useGraph && CudaGraph.Supported)
        {
            var graph = buffers.Graphs.Find(raw, p, out bool mayRecord);
            if (graph is null && mayRecord)
            {
                var q = p;
                graph = CudaGraph.Capture(_context, stream, () => EnqueuePostprocess(raw, q, buffers, stream));
                if (graph is not null)
                {
                    buffers.Graphs.Add(raw, p, graph);
                }
            }

            if (graph is not null)
            {
                graph.Launch(stream);
                return;
            }
        }

        EnqueuePostprocess(raw, p, buffers, stream);
    }

    public void Dispose()
    {
        foreach (var m in _modules)
        {
            m.Dispose();
        }

        _modules.Clear();
    }

    /// <summary>Steps of the postprocess, in order: counter reset, decode, sort, NMS mask, NMS walk, gather, result copy.</summary>
    internal const int PostprocessSteps = 7;

    /// <summary>Queues the first <paramref name="steps"/> steps of the postprocess, one launch each (for the per-step timings).</summary>
    internal void EnqueuePostprocess(ulong raw, in DecodeParams p, CudaPostprocessBuffers buffers, CudaStream stream, int steps = PostprocessSteps)
    {
        using var scope = _context.Push();
        buffers.Counter.FillAsync(0, 2, stream);
        ulong output = raw;
        DecodeParams pp = p;
        ulong counter = Address(buffers.Counter), keys = Address(buffers.Keys), boxes = Address(buffers.Boxes);
        ulong anchors = Address(buffers.Anchors), classes = Address(buffers.Classes), scores = Address(buffers.Scores);
        ulong order = Address(buffers.Order), mask = Address(buffers.Mask), removed = Address(buffers.Removed);
        ulong keep = Address(buffers.Keep), result = buffers.ResultDeviceAddress, sorted = Address(buffers.SortedBoxes);

        void** decode = stackalloc void*[8] { &output, &pp, &counter, &keys, &boxes, &anchors, &classes, &scores };
        if (steps > 1)
        {
            Launch(_decode, KernelLaunchConfig.Decode(p), stream, decode);
        }

        void** sort = stackalloc void*[7] { &pp, &counter, &keys, &boxes, &classes, &order, &sorted };
        if (steps > 2)
        {
            Launch(_sort, KernelLaunchConfig.Sort(p), stream, sort);
        }

        void** nmsMask = stackalloc void*[4] { &pp, &counter, &sorted, &mask };
        if (steps > 3)
        {
            Launch(_nmsMask, KernelLaunchConfig.NmsMask(p), stream, nmsMask);
        }

        void** reduce = stackalloc void*[6] { &pp, &counter, &mask, &removed, &keep, &result };
        if (steps > 4)
        {
            Launch(_nmsReduce, KernelLaunchConfig.NmsReduce, stream, reduce);
        }

        void** gather = stackalloc void*[10] { &output, &pp, &counter, &order, &keep, &boxes, &anchors, &classes, &scores, &result };
        if (steps > 5)
        {
            Launch(_gather, KernelLaunchConfig.Gather(p), stream, gather);
        }

        if (steps > 6 && buffers.Result is not null)
        {
            buffers.Result.CopyToHostAsync(buffers.HostResult!, 4 * (ulong)p.ResultWords, stream);
        }
    }

    private static ulong Address(CudaDeviceBuffer buffer) => (ulong)buffer.DevicePointer;

    private static void Launch(CudaFunction function, KernelLaunchConfig c, CudaStream stream, void** args) =>
        function.Launch(c.GridX, c.GridY, c.BlockX, c.BlockY, stream, args);
}
