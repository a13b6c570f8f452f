using System.Text;
using EdgePose.Native.Cuda;
using EdgePose.Native.Tests.Cuda;

namespace EdgePose.GpuCheck;

/// <summary>
/// Bad inputs only a GPU can produce: a PTX module the driver refuses (its error name and compile log
/// must reach the message) and an allocation beyond the GPU's memory (CUDA_ERROR_OUT_OF_MEMORY, named).
/// </summary>
internal static class GpuErrorChecks
{
    public static IEnumerable<(string Check, bool Passed, string Message)> Run(GpuSession gpu)
    {
        yield return Expect("refused PTX", () =>
        {
            using var m = gpu.Context.LoadModule(Encoding.ASCII.GetBytes(".version 7.0\n.target sm_53\n.address_size 64\n.visible .entry broken() { this is not ptx; }\n\0"), "broken.ptx");
        }, "CUDA_ERROR_INVALID_PTX");
        yield return Expect("out of memory", () =>
        {
            using var b = gpu.Context.AllocateDevice(1UL << 50);
        }, "CUDA_ERROR_OUT_OF_MEMORY");
    }

    private static (string, bool, string) Expect(string check, Action action, string name)
    {
        try
        {
            action();
            return (check, false, "no error");
        }
        catch (CudaException e)
        {
            return (check, e.Message.Contains(name, StringComparison.Ordinal) && !e.Message.Contains('\n'), e.Message);
        }
    }
}
