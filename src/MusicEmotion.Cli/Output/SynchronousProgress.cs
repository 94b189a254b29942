namespace MusicEmotion.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back on the reporting thread, one report at a time
/// (<see cref="Progress{T}"/> would post to the thread pool, out of order).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> callback) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            callback(value);
        }
    }
}
