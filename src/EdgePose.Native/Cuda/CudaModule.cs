using System.Runtime.InteropServices;
using System.Text;

namespace EdgePose.Native.Cuda;

/// <summary>
/// A module loaded from PTX text (cuModuleLoadDataEx): the driver compiles it for the GPU at hand. A PTX
/// the driver refuses throws <see cref="CudaException"/> with the driver's own compile log.
/// </summary>
public sealed class CudaModule : CudaContextBoundHandle
{
    /// <summary>How the message of a module the driver refused begins.</summary>
    internal const string RefusedPrefix = "the CUDA driver refused PTX module ";

    private const int LogBytes = 8192;

    internal static unsafe CudaModule Load(CudaPrimaryContext context, ReadOnlySpan<byte> ptx, string name)
    {
        // The driver wants a NUL-terminated image.
        var image = new byte[ptx.Length + 1];
        ptx.CopyTo(image);
        var log = new byte[LogBytes];
        using var scope = context.Push();
        nint module;
        CudaResult result;
        fixed (byte* img = image)
        fixed (byte* logBuffer = log)
        {
            int* options = stackalloc int[2] { CudaDriverApi.JitErrorLogBuffer, CudaDriverApi.JitErrorLogBufferSize };
            void** values = stackalloc void*[2] { logBuffer, (void*)(nint)LogBytes };
            result = CudaDriverApi.cuModuleLoadDataEx(out module, img, 2, options, values);
        }

        if (result != CudaResult.Success)
        {
            throw new CudaException($"{RefusedPrefix}{name}: {CudaException.Describe(result)}{LogText(log)}") { Result = result };
        }

        var m = new CudaModule();
        m.Attach(context, module);
        return m;
    }

    /// <summary>The kernel named <paramref name="name"/> (its extern "C" name); valid while this module is alive.</summary>
    public unsafe CudaFunction GetFunction(string name)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* n = bytes)
        {
            CudaException.ThrowIfFailed(CudaDriverApi.cuModuleGetFunction(out var f, handle, n), $"cuModuleGetFunction({name})");
            return new CudaFunction(f, name);
        }
    }

    /// <summary>The driver's log as "; log: ..." on one line, or nothing when it is empty.</summary>
    internal static string LogText(ReadOnlySpan<byte> log)
    {
        int end = log.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? log : log[..end]).Trim();
        return text.Length == 0 ? string.Empty : "; driver log: " + string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    protected override CudaResult Free(nint value) => CudaDriverApi.cuModuleUnload(value);
}
