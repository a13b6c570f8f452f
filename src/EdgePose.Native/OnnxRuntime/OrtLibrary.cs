using System.Globalization;
using System.Runtime.InteropServices;
using EdgePose.Core.Errors;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Loads libonnxruntime, checks its version and hands out its C function table (<see cref="OrtApi"/>).
/// </summary>
/// <remarks>
/// <para>
/// The only export used is <c>OrtGetApiBase</c>; everything else is reached through the table it leads to.
/// </para>
/// <para>
/// We ask for C API version <see cref="ApiVersion"/> = 20, the version of ONNX Runtime 1.20 (what
/// scripts/setup.sh installs and what the slot indices in <see cref="OrtApiSlot"/> were counted against).
/// A newer library serves older versions unchanged (the table is append-only), so asking for 20 keeps
/// working with 1.21+; an older library returns null for it, which we report. We ask for no newer version
/// because nothing we call needs one, and because 1.20's <c>GetApi</c> rejects any version above its own.
/// </para>
/// </remarks>
internal static unsafe class OrtLibrary
{
    /// <summary>The C API version requested from <c>OrtApiBase::GetApi</c>.</summary>
    public const uint ApiVersion = 20;

    /// <summary>The oldest ONNX Runtime EdgePose accepts.</summary>
    public static readonly Version MinimumVersion = new(1, 20);

    private static readonly Lazy<OrtApi> s_default = new(LoadDefault);

    /// <summary>The process's ONNX Runtime, found by <see cref="NativeLibraries"/> on first use.</summary>
    /// <exception cref="InputException">The library is missing, not ONNX Runtime, or too old.</exception>
    public static OrtApi Default => s_default.Value;

    private static string SetupHint =>
        $"run scripts/setup.sh or set {NativeLibraries.PathVariable(NativeLibraries.OnnxRuntime)} to libonnxruntime.so {MinimumVersion}+";

    /// <summary>Loads ONNX Runtime from exactly <paramref name="path"/> (no search).</summary>
    /// <exception cref="InputException">The file cannot be loaded, is not ONNX Runtime, or is too old.</exception>
    internal static OrtApi LoadFrom(string path)
    {
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            var why = File.Exists(path) ? "cannot be loaded" : "does not exist";
            throw new InputException($"ONNX Runtime library {path} {why}; {SetupHint}");
        }

        return FromHandle(handle, path);
    }

    /// <summary>Throws unless <paramref name="versionString"/> (e.g. "1.20.1") is at least <see cref="MinimumVersion"/>.</summary>
    internal static void RequireSupportedVersion(string versionString, string where)
    {
        var numeric = versionString.AsSpan();
        var end = 0;
        while (end < numeric.Length && (char.IsAsciiDigit(numeric[end]) || numeric[end] == '.'))
        {
            end++;
        }

        if (!System.Version.TryParse(numeric[..end], out var version))
        {
            throw new InputException($"ONNX Runtime at {where} reports an unreadable version '{versionString}'; {SetupHint}");
        }

        if (version < MinimumVersion)
        {
            throw new InputException(
                $"ONNX Runtime {versionString} at {where} is older than {MinimumVersion.ToString(2)}, which EdgePose needs; {SetupHint}");
        }
    }

    private static OrtApi LoadDefault()
    {
        nint handle;
        try
        {
            handle = NativeLibraries.Load(NativeLibraries.OnnxRuntime);
        }
        catch (DllNotFoundException e)
        {
            throw new InputException(e.Message, e);
        }

        return FromHandle(handle, "libonnxruntime.so");
    }

    private static OrtApi FromHandle(nint library, string where)
    {
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new InputException($"{where} is not ONNX Runtime (it has no OrtGetApiBase); {SetupHint}");
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var getApi = (delegate* unmanaged<uint, nint>)apiBase[0];
        var getVersionString = (delegate* unmanaged<byte*>)apiBase[1];

        var version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "";
        RequireSupportedVersion(version, where);

        var table = getApi(ApiVersion);
        if (table == 0)
        {
            throw new InputException(
                $"ONNX Runtime {version} at {where} does not serve C API version {ApiVersion.ToString(CultureInfo.InvariantCulture)}; {SetupHint}");
        }

        return new OrtApi(table, version);
    }
}
