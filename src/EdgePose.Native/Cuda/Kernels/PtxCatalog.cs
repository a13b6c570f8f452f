using System.Globalization;
using System.Reflection;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The kernels' PTX embedded in this assembly (resources EdgePose.Kernels.&lt;kernel&gt;.sm_&lt;NN&gt;.ptx, built
/// by CMake from native/kernels), and the choice among its architectures for a GPU: the newest one not
/// newer than the GPU, which the driver then compiles for it.
/// </summary>
public sealed class PtxCatalog
{
    public const string ResourcePrefix = "EdgePose.Kernels.";

    /// <summary>The kernel modules, one per native/kernels/*.cu.</summary>
    public static readonly IReadOnlyList<string> Kernels = ["preprocess", "decode", "sort", "nms", "gather"];

    private static readonly Lazy<PtxCatalog> s_embedded = new(() =>
    {
        var assembly = typeof(PtxCatalog).Assembly;
        return new PtxCatalog(assembly.GetManifestResourceNames(), name => Read(assembly, name));
    });

    private readonly Dictionary<string, SortedSet<int>> _architectures = new(StringComparer.Ordinal);
    private readonly Func<string, byte[]> _read;

    /// <summary>A catalog over resource names (and a reader for them); names that are not PTX resources are ignored.</summary>
    public PtxCatalog(IEnumerable<string> resourceNames, Func<string, byte[]> read)
    {
        _read = read;
        foreach (var name in resourceNames)
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".ptx", StringComparison.Ordinal))
            {
                continue;
            }

            // <kernel>.sm_<NN>
            var stem = name[ResourcePrefix.Length..^".ptx".Length];
            int dot = stem.LastIndexOf(".sm_", StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(stem.AsSpan(dot + 4), NumberStyles.None, CultureInfo.InvariantCulture, out var arch))
            {
                continue;
            }

            var kernel = stem[..dot];
            if (!_architectures.TryGetValue(kernel, out var set))
            {
                _architectures[kernel] = set = [];
            }

            set.Add(arch);
        }
    }

    /// <summary>The PTX embedded in EdgePose.Native.</summary>
    public static PtxCatalog Embedded => s_embedded.Value;

    /// <summary>Architectures (e.g. 53, 72, 87) that every kernel has PTX for.</summary>
    public IReadOnlyList<int> Architectures
    {
        get
        {
            IEnumerable<int>? common = null;
            foreach (var kernel in Kernels)
            {
                if (!_architectures.TryGetValue(kernel, out var set))
                {
                    return [];
                }

                common = common is null ? set : common.Intersect(set);
            }

            return (common ?? []).Order().ToList();
        }
    }

    /// <summary>
    /// The architecture to load on a GPU of <paramref name="capability"/>: the newest not above it. Throws
    /// <see cref="CudaException"/> saying why when there is none.
    /// </summary>
    public int ChooseArchitecture(ComputeCapability capability)
    {
        var archs = Architectures;
        if (archs.Count == 0)
        {
            throw new CudaException("no CUDA kernel PTX is embedded in EdgePose.Native: clang-19 was not found when native/kernels was built (scripts/setup.sh installs it)");
        }

        int gpu = (capability.Major * 10) + capability.Minor;
        int chosen = -1;
        foreach (var a in archs)
        {
            if (a <= gpu)
            {
                chosen = a;
            }
        }

        return chosen >= 0
            ? chosen
            : throw new CudaException($"GPU compute capability {capability} is older than the oldest kernel PTX (sm_{archs[0]})");
    }

    /// <summary>The PTX text of <paramref name="kernel"/> for <paramref name="architecture"/>.</summary>
    public byte[] Read(string kernel, int architecture)
    {
        if (!_architectures.TryGetValue(kernel, out var set) || !set.Contains(architecture))
        {
            throw new CudaException($"no PTX of kernel {kernel} for sm_{architecture} is embedded");
        }

        return _read(ResourceName(kernel, architecture));
    }

    public static string ResourceName(string kernel, int architecture) =>
        string.Create(CultureInfo.InvariantCulture, $"{ResourcePrefix}{kernel}.sm_{architecture}.ptx");

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new CudaException($"embedded PTX {name} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
