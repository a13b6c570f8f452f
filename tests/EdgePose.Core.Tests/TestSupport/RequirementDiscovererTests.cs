using System.Reflection;
using EdgePose.Tests;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EdgePose.Core.Tests.TestSupport;

/// <summary>
/// The discoverers behind the requirement attributes: a demanded, missing precondition becomes a test case that
/// fails with the reason (it cannot pass by skipping); otherwise the test is discovered as xunit would.
/// </summary>
public class RequirementDiscovererTests
{
    private const string Missing = "no-such-folder/no-such-model.onnx";

    [Fact]
    public void Demanded_missing_fact_is_discovered_as_one_case_that_fails_with_the_reason()
    {
        using var demand = RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1");

        var cases = DiscoverFact(nameof(Samples.NeedsMissingFile));

        var failing = Assert.IsType<ExecutionErrorTestCase>(Assert.Single(cases));
        Assert.Equal($"EDGEPOSE_REQUIRE_SHARED=1 demands it, but {SkipReasons.MissingShared([Missing])}", failing.ErrorMessage);
    }

    [Fact]
    public void Undemanded_missing_fact_is_discovered_as_a_skipped_case_with_the_reason()
    {
        using var demand = RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, null);

        var cases = DiscoverFact(nameof(Samples.NeedsMissingFile));

        var skipped = Assert.Single(cases);
        Assert.IsNotType<ExecutionErrorTestCase>(skipped);
        Assert.Equal(SkipReasons.MissingShared([Missing]), skipped.SkipReason);
    }

    [Fact]
    public void Fact_with_nothing_missing_is_discovered_as_a_case_that_runs()
    {
        using var demand = RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1");

        var cases = DiscoverFact(nameof(Samples.NeedsNothing));

        var runs = Assert.Single(cases);
        Assert.IsNotType<ExecutionErrorTestCase>(runs);
        Assert.Null(runs.SkipReason);
    }

    [Fact]
    public void Demanded_missing_theory_is_discovered_as_one_case_that_fails_with_the_reason()
    {
        using var demand = RequiredEnvironment.Override(RequiredEnvironment.SharedVariable, "1");
        var method = Method(nameof(Samples.TheoryNeedsMissingFile));

        var cases = new RequirementTheoryDiscoverer(new NullMessageSink()).Discover(new NoOptions(), method, AttributeOf<RequiresSharedTheoryAttribute>(method)).ToList();

        var failing = Assert.IsType<ExecutionErrorTestCase>(Assert.Single(cases));
        Assert.Contains(SkipReasons.MissingShared([Missing])!, failing.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirement_attributes_name_the_discoverers_of_this_assembly()
    {
        var fact = CustomAttributeData.GetCustomAttributes(typeof(RequiresSharedFactAttribute)).Single(a => a.AttributeType == typeof(XunitTestCaseDiscovererAttribute));
        var theory = CustomAttributeData.GetCustomAttributes(typeof(RequiresSharedTheoryAttribute)).Single(a => a.AttributeType == typeof(XunitTestCaseDiscovererAttribute));

        Assert.Equal([RequirementFactDiscoverer.TypeName, "EdgePose.Core.Tests"], fact.ConstructorArguments.Select(a => (string)a.Value!));
        Assert.Equal([RequirementTheoryDiscoverer.TypeName, "EdgePose.Core.Tests"], theory.ConstructorArguments.Select(a => (string)a.Value!));
        Assert.Equal(typeof(RequirementFactDiscoverer), typeof(RequirementFactDiscoverer).Assembly.GetType(RequirementFactDiscoverer.TypeName));
        Assert.Equal(typeof(RequirementTheoryDiscoverer), typeof(RequirementTheoryDiscoverer).Assembly.GetType(RequirementTheoryDiscoverer.TypeName));
    }

    /// <summary>Discovers <paramref name="name"/> of <see cref="Samples"/>, reading each case's skip reason before the override ends.</summary>
    private static List<IXunitTestCase> DiscoverFact(string name)
    {
        var method = Method(name);
        var cases = new RequirementFactDiscoverer(new NullMessageSink()).Discover(new NoOptions(), method, AttributeOf<RequiresSharedFactAttribute>(method)).ToList();
        _ = cases.Select(c => c.SkipReason).ToList();
        return cases;
    }

    private static IAttributeInfo AttributeOf<T>(TestMethod method) =>
        method.Method.GetCustomAttributes(typeof(T)).Single();

    private static TestMethod Method(string name)
    {
        var type = typeof(Samples);
        var assembly = new Xunit.Sdk.TestAssembly(Reflector.Wrap(type.Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "requirement samples"), Reflector.Wrap(type));
        return new TestMethod(testClass, Reflector.Wrap(type.GetMethod(name)!));
    }

    /// <summary>Methods the discoverers are pointed at. Not public, so xunit itself never discovers them.</summary>
#pragma warning disable xUnit1000 // private on purpose: these are samples for the discoverers, not tests of this run
    private static class Samples
#pragma warning restore xUnit1000
    {
        [RequiresSharedFact(Missing)]
        public static void NeedsMissingFile()
        {
        }

        [RequiresSharedFact]
        public static void NeedsNothing()
        {
        }

        [RequiresSharedTheory(Missing)]
        [InlineData(1)]
        public static void TheoryNeedsMissingFile(int value) => _ = value;
    }

    private sealed class NoOptions : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}
