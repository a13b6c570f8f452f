namespace EdgePose.Core.Events.Spool;

/// <summary>What <see cref="SpoolRecord.TryRead"/> found.</summary>
public enum SpoolReadResult
{
    /// <summary>A whole, intact record.</summary>
    Record,

    /// <summary>Nothing more: the data ended exactly after the previous record.</summary>
    End,

    /// <summary>The data ends inside a record (its writing was cut short).</summary>
    Truncated,

    /// <summary>A record with an impossible length or a CRC that does not match.</summary>
    Corrupt,
}
