using Xunit.Abstractions;
using Xunit.Sdk;

namespace EdgePose.Tests;

/// <summary>Reads a requirement attribute's failure and turns it into a test case that fails with it.</summary>
internal static class RequirementFailure
{
    /// <summary>The failure reason of an <see cref="IRequirementAttribute"/>; null for any other attribute or none set.</summary>
    public static string? Of(IAttributeInfo attribute) =>
        (attribute as IReflectionAttributeInfo)?.Attribute is IRequirementAttribute requirement ? requirement.FailureReason : null;

    /// <summary>A test case that does not run the test and fails with <paramref name="reason"/>.</summary>
    public static IXunitTestCase TestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason) =>
        new ExecutionErrorTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason);
}
