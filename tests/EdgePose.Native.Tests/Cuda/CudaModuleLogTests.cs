using System.Text;
using EdgePose.Native.Cuda;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>How the driver's compile log of a refused PTX is put into the one-line error.</summary>
public class CudaModuleLogTests
{
    [Fact]
    public void A_multi_line_driver_log_becomes_one_line()
    {
        var log = new byte[64];
        Encoding.ASCII.GetBytes("ptxas application ptx input, line 9; error\nptxas fatal\n").CopyTo(log, 0);

        Assert.Equal("; driver log: ptxas application ptx input, line 9; error | ptxas fatal", CudaModule.LogText(log));
    }

    [Fact]
    public void An_empty_log_adds_nothing()
    {
        Assert.Equal(string.Empty, CudaModule.LogText(new byte[16]));
    }
}
