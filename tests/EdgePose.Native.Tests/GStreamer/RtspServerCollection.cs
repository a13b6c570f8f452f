using EdgePose.Tests;

namespace EdgePose.Native.Tests.GStreamer;

/// <summary>
/// Tests against the real RTSP test server run alone (no other test's pipelines or threads come and go meanwhile,
/// and the encoder does not compete for the CPU with them) and share one server; tests that crash a server start
/// their own.
/// </summary>
[CollectionDefinition(nameof(RtspServerCollection), DisableParallelization = true)]
public sealed class RtspServerCollection : ICollectionFixture<RtspTestServer>;
