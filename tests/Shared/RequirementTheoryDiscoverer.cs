using Xunit.Abstractions;
using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>The theory counterpart of <see cref="RequirementFactDiscoverer"/>: one failing test case for the whole theory.</summary>
public sealed class RequirementTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public const string TypeName = "EdgePose.Tests." + nameof(RequirementTheoryDiscoverer);

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        RequirementFailure.Of(theoryAttribute) is { } reason
            ? [RequirementFailure.TestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
