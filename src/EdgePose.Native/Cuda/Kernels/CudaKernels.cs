namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The EdgePose kernels on a GPU: loads the embedded PTX for the device's architecture and queues the
/// preprocess (frame → letterboxed model input) and the postprocess (raw output → decode, sort, NMS,
/// gather → one copy of the compact result to pinned host memory) on a stream, with no host
/// synchronisation. The context is pushed on the calling thread for each call, never assumed current.
/// </summary>
public sealed unsafe class CudaKernels : IDisposable
{
    // The kernels (extern "C" names) of each module.
    private static readonly (string Module, string Function)[] s_functions =
    [
        ("preprocess", "ep_preprocess"),
        ("decode", "ep_decode"),
        ("sort", "ep_rank_sort"),
        ("nms", "ep_nms_mask"),
        ("nms", "ep_nms_reduce"),
        ("gather", "ep_gather"),
    ];

    private readonly CudaPrimaryContext _context;
    private readonly List<CudaModule> _modules = [];
    private readonly CudaFunction _preprocess;
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

            _preprocess = functions["ep_preprocess"];
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
    public void Preprocess(ulong source, in PreprocessParams p, ulong destination, CudaStream stream)
    {
        if (source == 0 || destination == 0)
        {
            throw new ArgumentException("preprocess needs device addresses for its source and destination");
        }

        var config = KernelLaunchConfig.Preprocess(p);
        using var scope = _context.Push();
        ulong src = source, dst = destination;
        PreprocessParams pp = p;
        void** args = stackalloc void*[3] { &src, &pp, &dst };
        Launch(_preprocess, config, stream, args);
    }

    /// <summary>
    /// Queues decode, sort, NMS and gather of the raw output at device address <paramref name="raw"/> (one
    /// image), and the copy of the result into <paramref name="buffers"/>' pinned memory. Read
    /// <see cref="CudaPostprocessBuffers.HostResultWords"/> after the stream passes this point.
    /// </summary>
    public void Postprocess(ulong raw, in DecodeParams p, CudaPostprocessBuffers buffers, CudaStream stream)
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
        buffers.Counter.FillAsync(0, 1, stream);
        ulong output = raw;
        DecodeParams pp = p;
        ulong counter = Address(buffers.Counter), keys = Address(buffers.Keys), boxes = Address(buffers.Boxes);
        ulong anchors = Address(buffers.Anchors), classes = Address(buffers.Classes), scores = Address(buffers.Scores);
        ulong order = Address(buffers.Order), mask = Address(buffers.Mask), removed = Address(buffers.Removed);
        ulong keep = Address(buffers.Keep), result = Address(buffers.Result);

        void** decode = stackalloc void*[8] { &output, &pp, &counter, &keys, &boxes, &anchors, &classes, &scores };
        Launch(_decode, KernelLaunchConfig.Decode(p), stream, decode);
        void** sort = stackalloc void*[4] { &pp, &counter, &keys, &order };
        Launch(_sort, KernelLaunchConfig.Sort(p), stream, sort);
        void** nmsMask = stackalloc void*[6] { &pp, &counter, &order, &boxes, &classes, &mask };
        Launch(_nmsMask, KernelLaunchConfig.NmsMask(p), stream, nmsMask);
        void** reduce = stackalloc void*[6] { &pp, &counter, &mask, &removed, &keep, &result };
        Launch(_nmsReduce, KernelLaunchConfig.NmsReduce, stream, reduce);
        void** gather = stackalloc void*[9] { &output, &pp, &order, &keep, &boxes, &anchors, &classes, &scores, &result };
        Launch(_gather, KernelLaunchConfig.Gather(p), stream, gather);
        buffers.Result.CopyToHostAsync(buffers.HostResult, 4 * (ulong)p.ResultWords, stream);
    }

    public void Dispose()
    {
        foreach (var m in _modules)
        {
            m.Dispose();
        }

        _modules.Clear();
    }

    private static ulong Address(CudaDeviceBuffer buffer) => (ulong)buffer.DevicePointer;

    private static void Launch(CudaFunction function, KernelLaunchConfig c, CudaStream stream, void** args) =>
        function.Launch(c.GridX, c.GridY, c.BlockX, c.BlockY, stream, args);
}
