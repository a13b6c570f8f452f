namespace EdgePose.Native.Cuda;

/// <summary>
/// An instantiated CUDA graph (CUgraphExec): work recorded once from a stream by <see cref="Capture"/>,
/// then queued again with one <see cref="Launch"/>, which costs the host one call and the GPU no gaps
/// between the recorded kernels. The recorded launches keep their arguments, so a graph belongs to
/// one set of buffers and parameters.
/// </summary>
public sealed class CudaGraph : CudaContextBoundHandle
{
    private const int CaptureModeThreadLocal = 1; // CU_STREAM_CAPTURE_MODE_THREAD_LOCAL
    private static int s_unsupported;

    /// <summary>False once the driver turned out to lack graph instantiation (drivers before CUDA 11.4).</summary>
    public static bool Supported => Volatile.Read(ref s_unsupported) == 0;

    /// <summary>
    /// Records what <paramref name="enqueue"/> queues on <paramref name="stream"/> (nothing runs) and
    /// instantiates it; null when this driver has no graphs. The context must be current.
    /// </summary>
    public static CudaGraph? Capture(CudaPrimaryContext context, CudaStream stream, Action enqueue)
    {
        if (!Supported)
        {
            return null;
        }

        try
        {
            CudaException.ThrowIfFailed(CudaDriverApi.cuStreamBeginCapture(stream.RawHandle, CaptureModeThreadLocal), "cuStreamBeginCapture");
        }
        catch (EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unsupported, 1);
            return null;
        }

        // The capture is ended even when enqueue fails, so the stream is usable again; enqueue's failure wins.
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            enqueue();
        }
        catch (Exception e)
        {
            failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }

        var ended = CudaDriverApi.cuStreamEndCapture(stream.RawHandle, out nint graph);
        try
        {
            failure?.Throw();
            CudaException.ThrowIfFailed(ended, "cuStreamEndCapture");
            nint exec;
            try
            {
                CudaException.ThrowIfFailed(CudaDriverApi.cuGraphInstantiateWithFlags(out exec, graph, 0), "cuGraphInstantiateWithFlags");
            }
            catch (EntryPointNotFoundException)
            {
                Volatile.Write(ref s_unsupported, 1);
                return null;
            }

            var g = new CudaGraph();
            g.Attach(context, exec);
            return g;
        }
        finally
        {
            if (graph != 0)
            {
                CudaDriverApi.cuGraphDestroy(graph);
            }
        }
    }

    /// <summary>Queues the recorded work on <paramref name="stream"/>.</summary>
    public void Launch(CudaStream stream) =>
        CudaException.ThrowIfFailed(CudaDriverApi.cuGraphLaunch(handle, stream.RawHandle), "cuGraphLaunch");

    protected override CudaResult Free(nint value) => CudaDriverApi.cuGraphExecDestroy(value);
}
