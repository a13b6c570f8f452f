using EdgePose.Tests;

namespace EdgePose.Core.Tests.TestSupport;

/// <summary>EDGEPOSE_REQUIRE_SHARED / EDGEPOSE_REQUIRE_GPU turn a missing precondition from a skip into a failure.</summary>
public class RequiredEnvironmentTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" YES ", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    public void Variable_demands_its_precondition_only_when_set_to_1_true_or_yes(string? value, bool required) =>
        Assert.Equal(required, RequiredEnvironment.IsSet(value));

    [Fact]
    public void Missing_precondition_is_a_skip_with_the_reason_when_not_demanded()
    {
        var verdict = RequiredEnvironment.Judge("shared file missing: /x/y.onnx", RequiredEnvironment.SharedVariable, required: false);

        Assert.Equal("shared file missing: /x/y.onnx", verdict.SkipReason);
        Assert.Null(verdict.FailureReason);
        Assert.False(verdict.Runs);
    }

    [Fact]
    public void Missing_precondition_is_a_failure_naming_the_variable_and_the_reason_when_demanded()
    {
        var verdict = RequiredEnvironment.Judge("no NVIDIA GPU is visible to the CUDA driver", RequiredEnvironment.GpuVariable, required: true);

        Assert.Null(verdict.SkipReason);
        Assert.Equal("EDGEPOSE_REQUIRE_GPU=1 demands it, but no NVIDIA GPU is visible to the CUDA driver", verdict.FailureReason);
        Assert.False(verdict.Runs);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Present_precondition_runs_whether_demanded_or_not(bool required) =>
        Assert.True(RequiredEnvironment.Judge(null, RequiredEnvironment.SharedVariable, required).Runs);

    [Fact]
    public void First_unmet_precondition_decides()
    {
        var skip = new RequirementVerdict("a", null);
        var fail = new RequirementVerdict(null, "b");

        Assert.Equal(fail, RequiredEnvironment.First(default, fail, skip));
        Assert.Equal(skip, RequiredEnvironment.First(skip, fail));
        Assert.True(RequiredEnvironment.First(default, default).Runs);
    }

    [Fact]
    public void Override_applies_to_its_variable_until_disposed()
    {
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1"))
        {
            Assert.True(RequiredEnvironment.IsRequired(RequiredEnvironment.SharedVariable));
            using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "0"))
            {
                Assert.False(RequiredEnvironment.IsRequired(RequiredEnvironment.SharedVariable));
            }

            Assert.True(RequiredEnvironment.IsRequired(RequiredEnvironment.SharedVariable));
        }

        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, null))
        {
            Assert.False(RequiredEnvironment.IsRequired(RequiredEnvironment.SharedVariable));
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    public void Shared_fact_for_a_missing_file_fails_when_demanded_and_skips_otherwise(string? variable)
    {
        RequiresSharedFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, variable))
        {
            fact = new RequiresSharedFactAttribute("no-such-folder/no-such-model.onnx");
        }

        var reason = SkipReasons.MissingShared(["no-such-folder/no-such-model.onnx"]);
        Assert.NotNull(reason);
        if (variable is null)
        {
            Assert.Equal(reason, fact.Skip);
            Assert.Null(fact.FailureReason);
        }
        else
        {
            Assert.Null(fact.Skip);
            Assert.Equal($"EDGEPOSE_REQUIRE_SHARED=1 demands it, but {reason}", fact.FailureReason);
        }
    }

    [Fact]
    public void Shared_theory_for_a_missing_file_fails_when_demanded()
    {
        RequiresSharedTheoryAttribute theory;
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1"))
        {
            theory = new RequiresSharedTheoryAttribute("no-such-model.onnx");
        }

        Assert.Null(theory.Skip);
        Assert.Contains(SkipReasons.MissingShared(["no-such-model.onnx"])!, theory.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_fact_keeps_a_missing_system_file_a_skip_even_when_shared_is_demanded()
    {
        RequiresFileFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1"))
        {
            fact = new RequiresFileFactAttribute("/no/such/sample.avi");
        }

        Assert.Equal("file missing: /no/such/sample.avi", fact.Skip);
        Assert.Null(fact.FailureReason);
    }

    [Fact]
    public void The_gpu_variable_does_not_demand_shared_files()
    {
        RequiresSharedFactAttribute fact;
        using (RequiredEnvironment.Override(RequiredEnvironment.GpuVariable, "1"))
        using (RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "0"))
        {
            Assert.True(RequiredEnvironment.IsRequired(RequiredEnvironment.GpuVariable));
            fact = new RequiresSharedFactAttribute("no-such-model.onnx");
        }

        Assert.NotNull(fact.Skip);
        Assert.Null(fact.FailureReason);
    }
}
