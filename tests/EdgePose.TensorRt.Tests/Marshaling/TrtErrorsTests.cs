using EdgePose.Core.Errors;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Tests.Marshaling;

/// <summary>Wrapper statuses become exceptions the commands report as one line.</summary>
public class TrtErrorsTests
{
    [Theory]
    [InlineData(TrtStatus.ParseFailed)]
    [InlineData(TrtStatus.InvalidArgument)]
    [InlineData(TrtStatus.IoError)]
    [InlineData(TrtStatus.Unsupported)]
    public void Statuses_about_the_users_input_become_input_exceptions(TrtStatus status)
    {
        var e = TrtErrors.Create(status, "TensorRT's ONNX parser rejected m.onnx: node 3 (Foo): no importer");

        Assert.IsType<InputException>(e);
        Assert.Equal("TensorRT's ONNX parser rejected m.onnx: node 3 (Foo): no importer", e.Message);
    }

    [Theory]
    [InlineData(TrtStatus.BuildFailed)]
    [InlineData(TrtStatus.DeserializeFailed)]
    [InlineData(TrtStatus.CudaError)]
    [InlineData(TrtStatus.Internal)]
    public void Other_failures_keep_their_status(TrtStatus status)
    {
        var e = Assert.IsType<TensorRtException>(TrtErrors.Create(status, "it failed"));

        Assert.Equal(status, e.Status);
    }

    [Fact]
    public void Cancellation_is_an_operation_cancelled_exception() =>
        Assert.IsType<OperationCanceledException>(TrtErrors.Create(TrtStatus.Cancelled, "engine build cancelled"));

    [Fact]
    public void Context_is_put_before_the_message_and_an_empty_message_names_the_status()
    {
        Assert.Equal("output0: bad address", TrtErrors.Create(TrtStatus.InvalidArgument, "bad address", "output0").Message);
        Assert.Equal("TensorRT wrapper returned BuildFailed", TrtErrors.Create(TrtStatus.BuildFailed, "").Message);
    }
}
