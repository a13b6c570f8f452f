namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>Waiting for received MQTT messages, as the test subscribers collect them.</summary>
internal static class TopicWait
{
    /// <summary>
    /// The messages of <paramref name="messages"/> on topics ending in <paramref name="suffix"/>, polled every 20 ms for up
    /// to <paramref name="seconds"/> until there are <paramref name="count"/>.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ForAsync<T>(Func<IReadOnlyList<T>> messages, Func<T, string> topic, string suffix, int count, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = messages().Where(m => topic(m).EndsWith(suffix, StringComparison.Ordinal)).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(20);
        }
    }
}
