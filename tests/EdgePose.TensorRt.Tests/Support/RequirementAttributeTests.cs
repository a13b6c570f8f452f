using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Support;

/// <summary>
/// EDGEPOSE_REQUIRE_GPU=1 turns the GPU and TensorRT skips into failures with the same reason. Holds on any
/// machine: where the GPU or TensorRT is there, the attribute runs the test whether demanded or not.
/// </summary>
public class RequirementAttributeTests
{
    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    public void Gpu_fact_fails_when_demanded_and_skips_otherwise_with_the_drivers_reason(string? demand)
    {
        RequiresGpuFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.GpuVariable, demand))
        {
            fact = new RequiresGpuFactAttribute();
        }

        AssertVerdict(Reasons.MissingGpu(), demand, fact.Skip, fact.FailureReason);
    }

    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    public void Tensorrt_fact_fails_when_demanded_and_skips_otherwise_with_tensorrts_reason(string? demand)
    {
        RequiresTensorRtFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.GpuVariable, demand))
        {
            fact = new RequiresTensorRtFactAttribute();
        }

        AssertVerdict(Reasons.MissingTensorRt() ?? Reasons.MissingGpu(), demand, fact.Skip, fact.FailureReason);
    }

    [Fact]
    public void Tensorrt_fact_puts_a_demanded_missing_gpu_before_a_missing_shared_file()
    {
        RequiresTensorRtFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.GpuVariable, "1"))
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "0"))
        {
            fact = new RequiresTensorRtFactAttribute("no-such-model.onnx");
        }

        var missing = Reasons.MissingTensorRt() ?? Reasons.MissingGpu();
        if (missing is null)
        {
            Assert.Equal(SkipReasons.MissingShared(["no-such-model.onnx"]), fact.Skip);
            Assert.Null(fact.FailureReason);
        }
        else
        {
            Assert.Null(fact.Skip);
            Assert.Equal($"EDGEPOSE_REQUIRE_GPU=1 demands it, but {missing}", fact.FailureReason);
        }
    }

    private static void AssertVerdict(string? missing, string? demand, string? skip, string? failure)
    {
        if (missing is null)
        {
            Assert.Null(skip);
            Assert.Null(failure);
        }
        else if (demand is null)
        {
            Assert.Equal(missing, skip);
            Assert.Null(failure);
        }
        else
        {
            Assert.Null(skip);
            Assert.Equal($"EDGEPOSE_REQUIRE_GPU=1 demands it, but {missing}", failure);
        }
    }
}
