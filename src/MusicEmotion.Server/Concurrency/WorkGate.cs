using System.Diagnostics;

namespace MusicEmotion.Server.Concurrency;

/// <summary>
/// Bounded admission in front of CPU-heavy work. A request first takes an admission (at most
/// <see cref="MaxPending"/> at once, and at most a given number per client, refused at once beyond that, so nothing queues
/// without bound and no client takes them all), then waits for one of
/// <see cref="MaxConcurrent"/> work slots, for at most the wait the caller gives. The average time a slot is held
/// gives the Retry-After suggested to refused clients.
/// </summary>
internal abstract class WorkGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, int> _clients = new(StringComparer.Ordinal);
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
    public Admission? TryAdmit() => TryAdmit(client: null, maxPerClient: int.MaxValue, out _);

    /// <summary>
    /// Takes an admission for <paramref name="client"/> when fewer than <see cref="MaxPending"/> are held in all and fewer
    /// than <paramref name="maxPerClient"/> by this client, so that one client cannot hold every admission.
    /// </summary>
    /// <param name="client">Who asks (<see cref="ClientKey"/>); null (not known) counts in the total only.</param>
    /// <param name="maxPerClient">Admissions one client may hold.</param>
    /// <param name="clientFull">True when the refusal is because this client holds its share (answer 429), false when the gate is full (503, checked first).</param>
    /// <returns>The admission, or null when refused.</returns>
    public Admission? TryAdmit(string? client, int maxPerClient, out bool clientFull)
    {
        clientFull = false;
        lock (_clients)
        {
            if (_pending >= MaxPending)
            {
                return null;
            }

            int held = client is null ? 0 : _clients.GetValueOrDefault(client);
            if (held >= maxPerClient)
            {
                clientFull = true;
                return null;
            }

            _pending++;
            if (client is not null)
            {
                _clients[client] = held + 1;
            }

            return new Admission(this, client);
        }
    }

    /// <summary>Admissions held by <paramref name="client"/> now.</summary>
    public int PendingFor(string client)
    {
        lock (_clients)
        {
            return _clients.GetValueOrDefault(client);
        }
    }

    /// <summary>Disposes the slots.</summary>
    public void Dispose() => _slots.Dispose();

    private void Leave(string? client)
    {
        lock (_clients)
        {
            _pending--;
            if (client is not null && _clients.TryGetValue(client, out int held))
            {
                if (held <= 1)
                {
                    _clients.Remove(client);
                }
                else
                {
                    _clients[client] = held - 1;
                }
            }
        }
    }

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
        private readonly string? _client;
        private int _disposed;

        public Admission(WorkGate gate, string? client)
        {
            _gate = gate;
            _client = client;
        }

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
                _gate.Leave(_client);
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
