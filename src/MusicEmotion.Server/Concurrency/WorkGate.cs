using System.Diagnostics;

namespace MusicEmotion.Server.Concurrency;

/// <summary>
/// Bounded admission in front of CPU-heavy work. A request first takes an admission (at most
/// <see cref="MaxPending"/> at once, refused at once beyond that, so nothing queues without bound), then waits for one of
/// <see cref="MaxConcurrent"/> work slots, for at most the wait the caller gives. The average time a slot is held
/// gives the Retry-After suggested to refused clients.
/// </summary>
internal abstract class WorkGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private int _pending;
    private int _running;
    private long _averageTicks;

    protected WorkGate(int maxConcurrent, int maxPending)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        MaxConcurrent = maxConcurrent;
        MaxPending = maxPending;
        _slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    /// <summary>Work items running at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>Requests admitted at once (running, waiting, or still receiving their input).</summary>
    public int MaxPending { get; }

    /// <summary>Requests admitted now.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Work items running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>How long a refused client should wait before trying again: the queue ahead divided by the slots, times the average work time; 1–60 s.</summary>
    public int RetryAfterSeconds
    {
        get
        {
            double average = TimeSpan.FromTicks(Interlocked.Read(ref _averageTicks)).TotalSeconds;
            double estimate = Math.Ceiling(Math.Max(average, 0.5) * Math.Max(1, Pending) / MaxConcurrent);
            return (int)Math.Clamp(estimate, 1, 60);
        }
    }

    /// <summary>Takes an admission when fewer than <see cref="MaxPending"/> are held; dispose it when the request ends.</summary>
    /// <returns>The admission, or null when the gate is full (answer 503).</returns>
    public Admission? TryAdmit()
    {
        while (true)
        {
            int pending = Volatile.Read(ref _pending);
            if (pending >= MaxPending)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _pending, pending + 1, pending) == pending)
            {
                return new Admission(this);
            }
        }
    }

    /// <summary>Disposes the slots.</summary>
    public void Dispose() => _slots.Dispose();

    private void Leave() => Interlocked.Decrement(ref _pending);

    private void Record(TimeSpan elapsed)
    {
        // Exponentially weighted average (weight 0.2 for the newest), good enough for a Retry-After hint.
        long old = Interlocked.Read(ref _averageTicks);
        long next = old == 0 ? elapsed.Ticks : (long)((old * 0.8) + (elapsed.Ticks * 0.2));
        Interlocked.Exchange(ref _averageTicks, next);
    }

    /// <summary>One admitted request.</summary>
    internal sealed class Admission : IDisposable
    {
        private readonly WorkGate _gate;
        private int _disposed;

        public Admission(WorkGate gate) => _gate = gate;

        /// <summary>Waits up to <paramref name="maxWait"/> for a work slot.</summary>
        /// <returns>The slot (dispose it when the work is done), or null when none freed in time.</returns>
        public async Task<IDisposable?> WaitForSlotAsync(TimeSpan maxWait, CancellationToken cancellationToken)
        {
            if (!await _gate._slots.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            Interlocked.Increment(ref _gate._running);
            return new Slot(_gate);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _gate.Leave();
            }
        }
    }

    private sealed class Slot(WorkGate gate) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Record(Stopwatch.GetElapsedTime(_started));
                Interlocked.Decrement(ref gate._running);
                gate._slots.Release();
            }
        }
    }
}
