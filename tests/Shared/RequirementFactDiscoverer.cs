using Xunit.Abstractions;
using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>
/// Discovers facts whose attribute is an <see cref="IRequirementAttribute"/>: a test whose demanded precondition
/// is missing becomes one failing test case with the reason; any other is discovered as a plain fact.
/// </summary>
public sealed class RequirementFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public const string TypeName = "EdgePose.Tests." + nameof(RequirementFactDiscoverer);

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RequirementFailure.Of(factAttribute) is { } reason
            ? [RequirementFailure.TestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
