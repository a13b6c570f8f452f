namespace EdgePose.Core.Sources;

/// <summary>How rtspsrc carries the RTP stream (its protocols property).</summary>
public enum RtspTransport
{
    /// <summary>Interleaved in the RTSP TCP connection: passes firewalls, no packet loss.</summary>
    Tcp,

    /// <summary>Separate UDP ports: lowest latency, frames may break up when packets are lost.</summary>
    Udp,
}
