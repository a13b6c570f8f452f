using System.Threading.Channels;
using EdgePose.Core.Datasets.Splits;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;

namespace EdgePose.Train.Data;

/// <summary>
/// Feeds the trainer: each epoch the items in a seeded shuffled order, cut into batches that worker threads
/// decode and augment ahead of the trainer. A bounded channel holds the batches in order (at most
/// <c>workers</c> being built, <c>workers</c> waiting), so memory stays bounded and the trainer only waits
/// when the workers are slower than the model. Each sample's randomness depends only on (seed, epoch,
/// position): the same seed gives the same batches whatever the thread timing.
/// </summary>
public sealed class BatchLoader(PoseDataset data, SampleAugmenter augmenter, int batchSize, int workers, ulong seed, AugmentOptions options)
{
    /// <summary>Longest wait for one batch before the loader is considered stuck.</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(10);

    public int BatchesPerEpoch => (data.Items.Count + batchSize - 1) / batchSize;

    /// <summary>The batches of <paramref name="epoch"/> of <paramref name="epochs"/>, in order; dispose each after use.</summary>
    public IEnumerable<TrainBatch> Epoch(int epoch, int epochs, CancellationToken ct)
    {
        var order = Enumerable.Range(0, data.Items.Count).ToArray();
        new SeededShuffle(seed + (ulong)epoch).Shuffle(order);
        bool mosaic = options.MosaicIn(epoch, epochs);
        int n = BatchesPerEpoch;
        var channel = Channel.CreateBounded<Task<TrainBatch>>(new BoundedChannelOptions(Math.Max(1, workers)) { SingleReader = true, SingleWriter = true });
        using var gate = new SemaphoreSlim(Math.Max(1, workers));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    for (int b = 0; b < n; b++)
                    {
                        int first = b * batchSize;
                        var build = Task.Run(
                            async () =>
                            {
                                await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                                try
                                {
                                    return Build(order, first, Math.Min(batchSize, order.Length - first), epoch, mosaic);
                                }
                                finally
                                {
                                    gate.Release();
                                }
                            },
                            stop.Token);
                        await channel.Writer.WriteAsync(build, stop.Token).ConfigureAwait(false);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.TryComplete(e);
                }
            },
            stop.Token);

        try
        {
            for (int b = 0; b < n; b++)
            {
                var built = Await(channel.Reader.ReadAsync(stop.Token).AsTask(), "no batch from the data workers", stop.Token);
                yield return Await(built, "a batch took too long to build", stop.Token);
            }
        }
        finally
        {
            stop.Cancel();
            Drain(channel.Reader);
            try
            {
                producer.Wait(BatchTimeout, CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The producer stops by cancellation; its errors travel through the batches.
            }
        }
    }

    /// <summary>The task's result within <see cref="BatchTimeout"/>, its own exception (not an aggregate) on failure.</summary>
    private static T Await<T>(Task<T> task, string what, CancellationToken ct)
    {
        try
        {
            if (!task.Wait(BatchTimeout, ct))
            {
                throw new TimeoutException($"{what} within {BatchTimeout.TotalMinutes:0} minutes");
            }
        }
        catch (AggregateException)
        {
            // Rethrown unwrapped below.
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>One batch built on the calling thread: the samples at positions first.. of the epoch's order.</summary>
    public TrainBatch Build(int[] order, int first, int count, int epoch, bool mosaic)
    {
        var batch = new TrainBatch(count, augmenter.ImageSize, data.Keypoints, data.Dims);
        try
        {
            var box = Letterbox.Compute(augmenter.ImageSize, augmenter.ImageSize, augmenter.ImageSize, augmenter.ImageSize);
            for (int i = 0; i < count; i++)
            {
                var (image, labels) = augmenter.Build(order[first + i], mosaic, new SampleRandom(seed, epoch, first + i));
                using (image)
                {
                    var bgr = image.AsBgrImage();
                    LetterboxTensorWriter.Write(box, bgr.Pixels, bgr.Stride, batch.NextSlot());
                }

                batch.Add(labels);
            }

            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static void Drain(ChannelReader<Task<TrainBatch>> reader)
    {
        while (reader.TryRead(out var t))
        {
            t.ContinueWith(d => d.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }
}
