using System.Buffers;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;
using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Recommend.Hnsw;

/// <summary>
/// Approximate maximum-inner-product search over a hierarchical navigable small-world graph (HNSW, Malkov and
/// Yashunin), built by USearch: a query visits a few thousand vectors instead of all of them, so its cost grows with
/// the logarithm of the catalog rather than linearly, at the price of sometimes missing a true neighbour (recall@10
/// ≥ 0.95 measured at the default settings; see docs/benchmarks.md). Vectors are stored as 32-bit floats, so
/// <see cref="TryGetVector"/> returns them exactly. The index can be saved, loaded back into memory, or viewed
/// memory-mapped (read-only, opened in milliseconds, paged in by the operating system as queries touch it).
/// Thread-safe: searches run concurrently (up to <see cref="HnswIndexOptions.Threads"/> at once), writes exclusively.
/// </summary>
/// <remarks>
/// Keys are any <see cref="long"/> except −1 (USearch's reserved "no key"). A filter passed to
/// <see cref="Search"/> is applied while the graph is walked; when it rejects most candidates the search is repeated
/// with a wider beam (8× then 64× k), and a filter that lets through almost nothing may still return fewer than k matches.
/// </remarks>
public sealed class HnswVectorIndex : IVectorIndex
{
    private static readonly UsearchNative.FilterCallback FilterThunk = Filter;
    private readonly UsearchHandle _handle;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _contexts;
    private int _count;
    private long _capacity;
    private int _expansionSearch;
    private bool _disposed;

    /// <summary>Creates an empty index for vectors of <paramref name="dimension"/> values.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public HnswVectorIndex(int dimension, HnswIndexOptions? options = null)
        : this(Create(dimension, options ??= new HnswIndexOptions()), dimension, options, readOnly: false, count: 0)
    {
    }

    private HnswVectorIndex(UsearchHandle handle, int dimension, HnswIndexOptions options, bool readOnly, int count)
    {
        _handle = handle;
        Dimension = dimension;
        Options = options;
        IsReadOnly = readOnly;
        _count = count;
        _contexts = new SemaphoreSlim(options.Threads, options.Threads);
        IntPtr index = _handle.DangerousGetHandle();
        UsearchNative.usearch_change_threads_search(index, (UIntPtr)options.Threads, out IntPtr error);
        UsearchNative.Check(error, "setting the search threads");
        UsearchNative.usearch_change_expansion_search(index, (UIntPtr)options.ExpansionSearch, out error);
        UsearchNative.Check(error, "setting the search expansion");
        _expansionSearch = options.ExpansionSearch;
        if (!readOnly)
        {
            UsearchNative.usearch_change_threads_add(index, (UIntPtr)options.Threads, out error);
            UsearchNative.Check(error, "setting the build threads");
            UsearchNative.usearch_change_expansion_add(index, (UIntPtr)options.ExpansionAdd, out error);
            UsearchNative.Check(error, "setting the build expansion");
        }

        _capacity = (long)(ulong)UsearchNative.usearch_capacity(index, out error);
        UsearchNative.Check(error, "reading the capacity");
    }

    /// <inheritdoc />
    public string Kind => "hnsw";

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The settings in use.</summary>
    public HnswIndexOptions Options { get; }

    /// <summary>True for a memory-mapped view (<see cref="View"/>): it can be searched but not changed.</summary>
    public bool IsReadOnly { get; }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>ef at query time: change it at any moment to trade speed for recall.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–65536.</exception>
    public int ExpansionSearch
    {
        get => _expansionSearch;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65_536);
            Write(() =>
            {
                UsearchNative.usearch_change_expansion_search(_handle.DangerousGetHandle(), (UIntPtr)value, out IntPtr error);
                UsearchNative.Check(error, "setting the search expansion");
                _expansionSearch = value;
            }, requireWritable: false);
        }
    }

    /// <summary>Bytes of memory the index holds (graph and vectors; for a view, the part that is not the mapped file).</summary>
    public long MemoryUsageBytes => Read(() =>
    {
        ulong bytes = (ulong)UsearchNative.usearch_memory_usage(_handle.DangerousGetHandle(), out IntPtr error);
        UsearchNative.Check(error, "reading the memory usage");
        return (long)bytes;
    });

    /// <summary>Loads a saved index into memory (it can then be searched and changed).</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <param name="options">Search settings (the graph's own settings come from the file).</param>
    /// <param name="expectedDimension">When given, the index must hold vectors of this length.</param>
    /// <exception cref="HnswIndexException">The file is missing, is not an inner-product USearch index, or has another dimension.</exception>
    public static HnswVectorIndex Load(string path, HnswIndexOptions? options = null, int? expectedDimension = null) =>
        Open(path, options, expectedDimension, view: false);

    /// <summary>
    /// Maps a saved index into memory without reading it (read-only): opening takes milliseconds whatever its size,
    /// pages are read as queries touch them, and several processes viewing one file share its pages.
    /// </summary>
    /// <exception cref="HnswIndexException">As for <see cref="Load"/>.</exception>
    public static HnswVectorIndex View(string path, HnswIndexOptions? options = null, int? expectedDimension = null) =>
        Open(path, options, expectedDimension, view: true);

    /// <summary>Saves the index to <paramref name="path"/> (written to a temporary file beside it, then renamed: a reader never sees half a file).</summary>
    /// <exception cref="HnswIndexException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        Read(() =>
        {
            try
            {
                UsearchNative.usearch_save(_handle.DangerousGetHandle(), temporary, out IntPtr error);
                UsearchNative.Check(error, $"{path}: cannot save the index");
                File.Move(temporary, full, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new HnswIndexException($"{path}: cannot save the index ({ex.Message})", ex);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return 0;
        });
    }

    /// <inheritdoc />
    public void Add(long key, ReadOnlySpan<float> vector)
    {
        CheckKey(key);
        CheckVector(vector);
        float[] copy = ArrayPool<float>.Shared.Rent(Dimension);
        try
        {
            vector.CopyTo(copy);
            Write(() =>
            {
                IntPtr index = _handle.DangerousGetHandle();
                if (RemoveUnderLock(index, key))
                {
                    _count--;
                }

                Reserve(index, _count + 1L);
                UsearchNative.usearch_add(index, unchecked((ulong)key), ref copy[0], ScalarKind.Float32, out IntPtr error);
                UsearchNative.Check(error, $"adding vector {key}");
                _count++;
            });
        }
        finally
        {
            ArrayPool<float>.Shared.Return(copy);
        }
    }

    /// <summary>
    /// Adds many vectors (or replaces those whose keys are present), <paramref name="degreeOfParallelism"/> at a time:
    /// the fast way to build an index from a catalog.
    /// </summary>
    /// <param name="keys">The keys.</param>
    /// <param name="vectors">The vectors, one after another (keys.Count × <see cref="Dimension"/> values).</param>
    /// <param name="degreeOfParallelism">Threads building the graph (at most <see cref="HnswIndexOptions.Threads"/>).</param>
    /// <exception cref="ArgumentException">The lengths disagree, a key is −1 or a vector holds a non-finite value.</exception>
    public void AddRange(IReadOnlyList<long> keys, ReadOnlyMemory<float> vectors, int degreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        if (vectors.Length != (long)keys.Count * Dimension)
        {
            throw new ArgumentException($"{keys.Count} keys need {(long)keys.Count * Dimension} values, not {vectors.Length}.", nameof(vectors));
        }

        for (int i = 0; i < keys.Count; i++)
        {
            CheckKey(keys[i]);
            CheckVector(vectors.Span.Slice(i * Dimension, Dimension));
        }

        Write(() =>
        {
            IntPtr index = _handle.DangerousGetHandle();
            foreach (long key in keys)
            {
                if (RemoveUnderLock(index, key))
                {
                    _count--;
                }
            }

            Reserve(index, _count + (long)keys.Count);
            int added = 0;
            Exception? failure = null;
            Parallel.For(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(degreeOfParallelism, Options.Threads) }, (i, state) =>
            {
                UsearchNative.usearch_add(index, unchecked((ulong)keys[i]), ref MemoryMarshal.GetReference(vectors.Span.Slice(i * Dimension, Dimension)), ScalarKind.Float32, out IntPtr error);
                if (error != IntPtr.Zero)
                {
                    Interlocked.CompareExchange(ref failure, new HnswIndexException($"adding vector {keys[i]}: {Marshal.PtrToStringUTF8(error)}"), null);
                    state.Stop();
                    return;
                }

                Interlocked.Increment(ref added);
            });
            _count += added;
            if (failure is not null)
            {
                throw failure;
            }
        });
    }

    /// <inheritdoc />
    public bool Remove(long key)
    {
        if (key == -1)
        {
            return false;
        }

        bool removed = false;
        Write(() =>
        {
            removed = RemoveUnderLock(_handle.DangerousGetHandle(), key);
            if (removed)
            {
                _count--;
            }
        });
        return removed;
    }

    /// <inheritdoc />
    public bool TryGetVector(long key, Span<float> destination)
    {
        if (destination.Length < Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; vectors have {Dimension}.", nameof(destination));
        }

        if (key == -1)
        {
            return false;
        }

        float[] buffer = ArrayPool<float>.Shared.Rent(Dimension);
        try
        {
            bool found = Read(() =>
            {
                ulong count = (ulong)UsearchNative.usearch_get(_handle.DangerousGetHandle(), unchecked((ulong)key), 1, ref buffer[0], ScalarKind.Float32, out IntPtr error);
                UsearchNative.Check(error, $"reading vector {key}");
                return count > 0;
            });
            if (found)
            {
                buffer.AsSpan(0, Dimension).CopyTo(destination);
            }

            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<long, bool>? accept = null)
    {
        if (query.Length != Dimension)
        {
            throw new ArgumentException($"The query has {query.Length} values; the index holds vectors of {Dimension}.", nameof(query));
        }

        if (results.IsEmpty)
        {
            return 0;
        }

        float[] q = ArrayPool<float>.Shared.Rent(Dimension);
        query.CopyTo(q);
        try
        {
            int wanted = results.Length;
            int total = Count;
            foreach (int widen in accept is null ? [1] : new[] { 1, 8, 64 })
            {
                int count = (int)Math.Min((long)wanted * widen, Math.Max(total, 1));
                (ulong[] keys, float[] distances, int found) = SearchOnce(q, count, accept);
                try
                {
                    if (found >= wanted || count >= total || widen == 64)
                    {
                        int n = Math.Min(found, wanted);
                        for (int i = 0; i < n; i++)
                        {
                            results[i] = new VectorMatch(unchecked((long)keys[i]), 1f - distances[i]);
                        }

                        return n;
                    }
                }
                finally
                {
                    ArrayPool<ulong>.Shared.Return(keys);
                    ArrayPool<float>.Shared.Return(distances);
                }
            }

            return 0;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(q);
        }
    }

    /// <summary>Frees the native index (waits for searches in progress).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _lock.EnterWriteLock();
        try
        {
            _disposed = true;
            _handle.Dispose();
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        _lock.Dispose();
        _contexts.Dispose();
    }

    private (ulong[] Keys, float[] Distances, int Found) SearchOnce(float[] query, int count, Func<long, bool>? accept)
    {
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(count);
        float[] distances = ArrayPool<float>.Shared.Rent(count);
        var context = accept is null ? null : new FilterContext(accept);
        GCHandle state = context is null ? default : GCHandle.Alloc(context);
        try
        {
            int found = Read(() =>
            {
                _contexts.Wait();
                try
                {
                    IntPtr index = _handle.DangerousGetHandle();
                    IntPtr error;
                    ulong n = context is null
                        ? (ulong)UsearchNative.usearch_search(index, ref query[0], ScalarKind.Float32, (UIntPtr)count, ref keys[0], ref distances[0], out error)
                        : (ulong)UsearchNative.usearch_filtered_search(index, ref query[0], ScalarKind.Float32, (UIntPtr)count, FilterThunk, GCHandle.ToIntPtr(state),
                            ref keys[0], ref distances[0], out error);
                    UsearchNative.Check(error, "searching");
                    return (int)n;
                }
                finally
                {
                    _contexts.Release();
                }
            });
            if (context?.Error is { } filterError)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(filterError);
            }

            return (keys, distances, found);
        }
        catch
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<float>.Shared.Return(distances);
            throw;
        }
        finally
        {
            if (state.IsAllocated)
            {
                state.Free();
            }
        }
    }

    private static int Filter(ulong key, IntPtr state)
    {
        var context = (FilterContext)GCHandle.FromIntPtr(state).Target!;
        if (context.Error is not null)
        {
            return 0;
        }

        try
        {
            return context.Accept(unchecked((long)key)) ? 1 : 0;
        }
        catch (Exception ex)
        {
            context.Error = ex; // never let an exception cross the native frames; rethrown after the search
            return 0;
        }
    }

    private static UsearchHandle Create(int dimension, HnswIndexOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var init = new IndexOptions
        {
            metric_kind = MetricKind.Ip,
            quantization = ScalarKind.Float32,
            dimensions = (ulong)dimension,
            connectivity = (ulong)options.Connectivity,
            expansion_add = (ulong)options.ExpansionAdd,
            expansion_search = (ulong)options.ExpansionSearch,
            multi = false,
        };
        IntPtr index = UsearchNative.usearch_init(ref init, out IntPtr error);
        var handle = new UsearchHandle(index);
        if (error != IntPtr.Zero || handle.IsInvalid)
        {
            handle.Dispose();
            UsearchNative.Check(error, "creating the index");
            throw new HnswIndexException("creating the index: USearch returned no index");
        }

        return handle;
    }

    private static HnswVectorIndex Open(string path, HnswIndexOptions? options, int? expectedDimension, bool view)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new HnswIndexOptions();
        options.Validate();
        if (!File.Exists(path))
        {
            throw new HnswIndexException($"{path}: no such index file");
        }

        var metadata = new IndexOptions();
        UsearchNative.usearch_metadata(path, ref metadata, out IntPtr error);
        UsearchNative.Check(error, $"{path}: not a USearch index");
        if (metadata.metric_kind != MetricKind.Ip || metadata.quantization != ScalarKind.Float32 || metadata.dimensions is 0 or > int.MaxValue)
        {
            throw new HnswIndexException($"{path}: not an index of this library (metric {metadata.metric_kind}, scalars {metadata.quantization}, {metadata.dimensions} dimensions; expected inner product over 32-bit floats)");
        }

        int dimension = (int)metadata.dimensions;
        if (expectedDimension is { } expected && expected != dimension)
        {
            throw new HnswIndexException($"{path}: the index holds vectors of {dimension} values, not {expected}; rebuild it");
        }

        var init = new IndexOptions
        {
            metric_kind = MetricKind.Ip,
            quantization = ScalarKind.Float32,
            dimensions = metadata.dimensions,
            expansion_add = (ulong)options.ExpansionAdd,
            expansion_search = (ulong)options.ExpansionSearch,
        };
        IntPtr index = UsearchNative.usearch_init(ref init, out error);
        var handle = new UsearchHandle(index);
        try
        {
            UsearchNative.Check(error, "creating the index");
            if (view)
            {
                UsearchNative.usearch_view(index, Path.GetFullPath(path), out error);
            }
            else
            {
                UsearchNative.usearch_load(index, Path.GetFullPath(path), out error);
            }

            UsearchNative.Check(error, $"{path}: cannot {(view ? "view" : "load")} the index");
            ulong size = (ulong)UsearchNative.usearch_size(index, out error);
            UsearchNative.Check(error, $"{path}: cannot read the index size");
            return new HnswVectorIndex(handle, dimension, options, view, checked((int)size));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private void Reserve(IntPtr index, long needed)
    {
        if (needed <= _capacity)
        {
            return;
        }

        long capacity = Math.Max(needed, Math.Max(1024, _capacity * 2));
        UsearchNative.usearch_reserve(index, checked((UIntPtr)(ulong)capacity), out IntPtr error);
        UsearchNative.Check(error, $"reserving room for {capacity} vectors (out of memory?)");
        _capacity = capacity;
    }

    private static bool RemoveUnderLock(IntPtr index, long key)
    {
        bool present = UsearchNative.usearch_contains(index, unchecked((ulong)key), out IntPtr error);
        UsearchNative.Check(error, $"looking up vector {key}");
        if (!present)
        {
            return false;
        }

        ulong removed = (ulong)UsearchNative.usearch_remove(index, unchecked((ulong)key), out error);
        UsearchNative.Check(error, $"removing vector {key}");
        return removed > 0;
    }

    private void CheckVector(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimension)
        {
            throw new ArgumentException($"The index holds vectors of {Dimension} values, not {vector.Length}.", nameof(vector));
        }

        foreach (float value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("Vectors must hold finite values only.", nameof(vector));
            }
        }
    }

    private static void CheckKey(long key)
    {
        if (key == -1)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "Key −1 is reserved by USearch.");
        }
    }

    private T Read<T>(Func<T> action)
    {
        _lock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return action();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action action, bool requireWritable = true)
    {
        if (requireWritable && IsReadOnly)
        {
            throw new HnswIndexException("This index is a read-only memory-mapped view; load it (HnswVectorIndex.Load) to change it.");
        }

        _lock.EnterWriteLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            action();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private sealed class FilterContext(Func<long, bool> accept)
    {
        public Func<long, bool> Accept { get; } = accept;

        public Exception? Error { get; set; }
    }
}
