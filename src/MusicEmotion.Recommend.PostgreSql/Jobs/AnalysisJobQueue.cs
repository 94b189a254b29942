using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using Npgsql;
using NpgsqlTypes;

namespace MusicEmotion.Recommend.PostgreSql.Jobs;

/// <summary>
/// The analysis work of a <see cref="PostgresTrackCatalog"/>, kept in the same database (<c>analysis_jobs</c>): one
/// job per audio file. Workers on any number of machines claim jobs under leases (<c>FOR UPDATE SKIP LOCKED</c>, so
/// two workers never claim the same job and none waits for another), renew the leases while they work, and finish a
/// job by storing its track and marking it done in one transaction. A job whose worker dies is claimed again once its
/// lease expires; a failed attempt is retried after a delay, and a job that has used its attempts is set aside with
/// its error. All times are the database server's, so the workers' clocks do not matter. Thread-safe.
/// </summary>
/// <remarks>
/// Exactly once per content hash: a track is stored only by the transaction that also finishes its job and only if
/// no track with the same SHA-256 is there (<c>ON CONFLICT DO NOTHING</c>), and a job is finished only by the holder
/// of its current lease token. A worker killed mid-job leaves nothing behind but a lease that expires.
/// </remarks>
public sealed class AnalysisJobQueue
{
    private const int EnqueueBatch = 5000;
    private readonly PostgresTrackCatalog _catalog;
    private readonly string _jobs;

    /// <summary>Creates the queue of <paramref name="catalog"/> (which is not disposed by it).</summary>
    public AnalysisJobQueue(PostgresTrackCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _jobs = $"{catalog.Schema}.analysis_jobs";
    }

    /// <summary>The catalog the jobs fill.</summary>
    public PostgresTrackCatalog Catalog => _catalog;

    /// <summary>
    /// Records a job for every file not already known. A file set aside after failing is queued again with fresh
    /// attempts (asking again is how to retry it); files queued, running or done are left as they are.
    /// </summary>
    /// <param name="paths">Absolute paths of audio files, readable by every worker (e.g. on shared storage).</param>
    /// <param name="maxAttempts">Attempts each new job gets before it is set aside (1–100).</param>
    /// <param name="cancellationToken">Cancels between batches (batches already written stay queued).</param>
    /// <exception cref="ArgumentException">A path is empty, relative or holds a NUL character.</exception>
    /// <exception cref="CatalogException">The database cannot be written.</exception>
    public Task<EnqueueResult> EnqueueAsync(IEnumerable<string> paths, int maxAttempts = 3, CancellationToken cancellationToken = default) =>
        EnqueueCoreAsync(paths, maxAttempts, null, cancellationToken);

    /// <summary>
    /// As <see cref="EnqueueAsync"/>, and also queues again, with fresh attempts, every file whose job is done but whose
    /// stored track is not <paramref name="current"/> (<see cref="CurrentAnalysis.IsCurrent"/>: another model made it,
    /// e.g. an earlier shipped model, or the same note-aware model before the melody block existed): the worker that
    /// takes it re-analyses the file and replaces the row only once the new analysis is complete
    /// (<see cref="CompleteAsync"/>), so the old row stays until then, and stays when the file cannot be analysed any
    /// more. Counted in <see cref="EnqueueResult.Reanalysis"/>. A worker also re-analyses a file whose new job finds
    /// such a row (stored by <c>mer catalog add</c>, say); enqueueing cannot know that without hashing.
    /// </summary>
    /// <param name="paths">Absolute paths of audio files, readable by every worker (e.g. on shared storage).</param>
    /// <param name="current">What the workers' analyser makes (<see cref="TrackAnalyzer.CurrentAnalysis"/>, or <see cref="CurrentAnalysis.Of"/> its model).</param>
    /// <param name="maxAttempts">Attempts each new or re-queued job gets before it is set aside (1–100).</param>
    /// <param name="cancellationToken">Cancels between batches (batches already written stay queued).</param>
    /// <exception cref="ArgumentException">A path is empty, relative or holds a NUL character, or a model field is empty.</exception>
    /// <exception cref="CatalogException">The database cannot be written.</exception>
    public Task<EnqueueResult> EnqueueForModelAsync(IEnumerable<string> paths, CurrentAnalysis current, int maxAttempts = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(current.ModelName, nameof(current));
        ArgumentException.ThrowIfNullOrWhiteSpace(current.ModelVersion, nameof(current));
        return EnqueueCoreAsync(paths, maxAttempts, current, cancellationToken);
    }

    /// <summary>
    /// <see cref="CurrentAnalysis.IsCurrent"/> in SQL, negated: the row <paramref name="alias"/> of the tracks table is
    /// not what the analysis in parameters <c>$p</c> (model name), <c>$p+1</c> (version) and <c>$p+2</c> (whether it
    /// gives the melody block) makes. The enqueue and the completion of a job share it; <see cref="CurrentParameters"/>
    /// fills the three parameters.
    /// </summary>
    private static string NotCurrent(string alias, int p) =>
        $"({alias}.model_name <> ${p}::text OR {alias}.model_version <> ${p + 1}::text OR (${p + 2}::boolean AND {alias}.melody IS NULL))";

    private static void CurrentParameters(NpgsqlCommand command, CurrentAnalysis? current)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)current?.ModelName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)current?.ModelVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)current?.GivesMelody ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
    }

    private async Task<EnqueueResult> EnqueueCoreAsync(IEnumerable<string> paths, int maxAttempts, CurrentAnalysis? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAttempts, 100);
        string[] files = paths.Distinct(StringComparer.Ordinal).ToArray();
        foreach (string path in files)
        {
            if (string.IsNullOrWhiteSpace(path) || !System.IO.Path.IsPathFullyQualified(path) || path.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{path}' is not an absolute file path; workers on other machines must be able to open it as it is written.", nameof(paths));
            }
        }

        int queued = 0, requeued = 0, reanalysis = 0;
        for (int start = 0; start < files.Length; start += EnqueueBatch)
        {
            string[] batch = files[start..Math.Min(files.Length, start + EnqueueBatch)];
            (int q, int r, int a) = await _catalog.GuardAsync(async () =>
            {
                // $3-$5 (what the workers make) null: done jobs are left alone. Otherwise a done job whose track is not
                // current goes back to pending; its row stays until a worker has the new analysis (CompleteAsync).
                await using NpgsqlCommand command = _catalog.DataSource.CreateCommand($"""
                    WITH input AS (SELECT unnest($1::text[]) AS path),
                    requeued AS (
                        UPDATE {_jobs} j SET state = 'pending', attempts = 0, max_attempts = $2, available_utc = now(), updated_utc = now(),
                            last_error = NULL, error_type = NULL
                        FROM input i WHERE md5(j.path) = md5(i.path) AND j.path = i.path AND j.state = 'failed'
                        RETURNING j.job_id),
                    reanalysis AS (
                        UPDATE {_jobs} j SET state = 'pending', attempts = 0, max_attempts = $2, available_utc = now(), updated_utc = now(),
                            outcome = NULL, last_error = NULL, error_type = NULL
                        FROM input i, {_catalog.Schema}.tracks t
                        WHERE $3::text IS NOT NULL AND md5(j.path) = md5(i.path) AND j.path = i.path AND j.state = 'done'
                            AND t.id = j.track_id AND {NotCurrent("t", 3)}
                        RETURNING j.job_id),
                    inserted AS (
                        INSERT INTO {_jobs} (path, max_attempts) SELECT path, $2 FROM input ON CONFLICT DO NOTHING RETURNING job_id)
                    SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM requeued), (SELECT count(*) FROM reanalysis);
                    """);
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxAttempts });
                CurrentParameters(command, current);
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
            }).ConfigureAwait(false);
            queued += q;
            requeued += r;
            reanalysis += a;
        }

        return new EnqueueResult(queued, requeued, files.Length - queued - requeued - reanalysis) { Reanalysis = reanalysis };
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> jobs for <paramref name="workerId"/>: pending jobs whose retry delay has
    /// passed and running jobs whose lease has expired, oldest first, skipping rows other workers are claiming. Jobs
    /// whose lease expired on their last attempt are set aside first.
    /// </summary>
    /// <returns>The jobs claimed (empty when there is nothing to do now).</returns>
    /// <exception cref="CatalogException">The database cannot be reached.</exception>
    public async Task<IReadOnlyList<AnalysisJob>> ClaimAsync(string workerId, int count, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.FromSeconds(1));
        return await _catalog.GuardAsync<IReadOnlyList<AnalysisJob>>(async () =>
        {
            await using NpgsqlConnection connection = await _catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var abandon = new NpgsqlCommand($"""
                UPDATE {_jobs} SET state = 'failed', lease_token = NULL, lease_owner = NULL, lease_expires_utc = NULL, updated_utc = now(), error_type = 'LeaseExpired',
                    last_error = 'its worker (' || coalesce(lease_owner, '?') || ') stopped before finishing (killed, crashed or cut off from the database) on its last allowed attempt (' || attempts || ' of ' || max_attempts || ')'
                    || coalesce('; the attempt before failed with: ' || last_error, '')
                WHERE job_id IN (SELECT job_id FROM {_jobs} WHERE state = 'running' AND lease_expires_utc < now() AND attempts >= max_attempts FOR UPDATE SKIP LOCKED);
                """, connection))
            {
                await abandon.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var claim = new NpgsqlCommand($"""
                WITH next AS (
                    SELECT job_id FROM {_jobs}
                    WHERE (state = 'pending' AND available_utc <= now()) OR (state = 'running' AND lease_expires_utc < now())
                    ORDER BY job_id
                    LIMIT $1
                    FOR UPDATE SKIP LOCKED)
                UPDATE {_jobs} j SET state = 'running', attempts = j.attempts + 1, lease_token = gen_random_uuid(), lease_owner = $2,
                    lease_expires_utc = now() + $3, updated_utc = now()
                FROM next WHERE j.job_id = next.job_id
                RETURNING j.job_id, j.path, j.attempts, j.max_attempts, j.lease_token;
                """, connection);
            claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
            claim.Parameters.Add(new NpgsqlParameter<string> { TypedValue = workerId });
            claim.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval });
            var jobs = new List<AnalysisJob>(count);
            await using NpgsqlDataReader reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                jobs.Add(new AnalysisJob(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetGuid(4)));
            }

            jobs.Sort((a, b) => a.JobId.CompareTo(b.JobId));
            return jobs;
        }).ConfigureAwait(false);
    }

    /// <summary>Extends the leases of the jobs with <paramref name="leaseTokens"/> to <paramref name="lease"/> from now.</summary>
    /// <returns>The tokens still held; a token missing from it was taken over (stop working on that job).</returns>
    /// <exception cref="CatalogException">The database cannot be reached.</exception>
    public async Task<IReadOnlySet<Guid>> RenewAsync(IReadOnlyCollection<Guid> leaseTokens, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leaseTokens);
        if (leaseTokens.Count == 0)
        {
            return new HashSet<Guid>();
        }

        return await _catalog.GuardAsync<IReadOnlySet<Guid>>(async () =>
        {
            await using NpgsqlCommand renew = _catalog.DataSource.CreateCommand(
                $"UPDATE {_jobs} SET lease_expires_utc = now() + $2 WHERE lease_token = ANY($1) AND state = 'running' RETURNING lease_token;");
            renew.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = leaseTokens.ToArray() });
            renew.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval });
            var held = new HashSet<Guid>();
            await using NpgsqlDataReader reader = await renew.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                held.Add(reader.GetGuid(0));
            }

            return held;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes <paramref name="job"/>: stores <paramref name="track"/> (unless a track with its id made by the same
    /// model is already there; a row with its id that is not what <paramref name="track"/>'s analysis makes, i.e. made by
    /// another model or without the melody block the track has (<see cref="CurrentAnalysis.IsCurrent"/>), is replaced:
    /// <see cref="JobCompletion.Reanalysed"/>)
    /// and marks the job done, in one transaction, provided the caller still holds the lease. With a null track the
    /// job is marked done as already present (the caller found <paramref name="trackId"/> in the catalog). A replaced
    /// row's job is recorded as <c>added</c> (it stored a track).
    /// </summary>
    /// <exception cref="CatalogException">The track is invalid or the database cannot be written (nothing is).</exception>
    public async Task<JobCompletion> CompleteAsync(AnalysisJob job, string trackId, TrackRecord? track, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        string id = TrackId.Normalize(trackId);
        if (track is not null)
        {
            TrackRows.Validate(track, _catalog.Name);
            if (track.Id != id)
            {
                throw new ArgumentException($"The track's id {track.Id} differs from the job's track id {id}.", nameof(track));
            }
        }

        return await _catalog.GuardAsync(async () =>
        {
            await using NpgsqlConnection connection = await _catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            bool replaced = false;
            if (track is not null)
            {
                await using var stale = new NpgsqlCommand(
                    $"DELETE FROM {_catalog.Schema}.tracks t WHERE t.id = $1 AND {NotCurrent("t", 2)};", connection, transaction);
                stale.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
                CurrentParameters(stale, new CurrentAnalysis(track.ModelName, track.ModelVersion, track.Blocks.Melody is not null));
                replaced = await stale.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }

            bool added = track is not null && await _catalog.InsertAsync(connection, transaction, track, cancellationToken).ConfigureAwait(false);
            await using var finish = new NpgsqlCommand($"""
                UPDATE {_jobs} SET state = 'done', outcome = $3, track_id = $4, lease_token = NULL, lease_owner = NULL, lease_expires_utc = NULL,
                    updated_utc = now(), last_error = NULL, error_type = NULL
                WHERE job_id = $1 AND lease_token = $2 AND state = 'running';
                """, connection, transaction);
            finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = job.JobId });
            finish.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = job.LeaseToken });
            finish.Parameters.Add(new NpgsqlParameter<string> { TypedValue = added ? "added" : "already_present" });
            finish.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            if (await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return JobCompletion.LeaseLost;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return added ? (replaced ? JobCompletion.Reanalysed : JobCompletion.Added) : JobCompletion.AlreadyPresent;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a failed attempt: the job goes back to the queue, available again after
    /// <paramref name="retryDelay"/> × the attempt's number, or is set aside when it has used its attempts.
    /// </summary>
    /// <exception cref="CatalogException">The database cannot be written.</exception>
    public async Task<JobFailure> FailAsync(AnalysisJob job, string error, string? errorType, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryDelay, TimeSpan.Zero);
        return await _catalog.GuardAsync(async () =>
        {
            await using NpgsqlCommand fail = _catalog.DataSource.CreateCommand($"""
                UPDATE {_jobs} SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
                    available_utc = now() + $3 * attempts, last_error = $4, error_type = $5,
                    lease_token = NULL, lease_owner = NULL, lease_expires_utc = NULL, updated_utc = now()
                WHERE job_id = $1 AND lease_token = $2 AND state = 'running'
                RETURNING state;
                """);
            fail.Parameters.Add(new NpgsqlParameter<long> { TypedValue = job.JobId });
            fail.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = job.LeaseToken });
            fail.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retryDelay, NpgsqlDbType = NpgsqlDbType.Interval });
            fail.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Shorten(error.Replace('\0', ' '), 4000) });
            fail.Parameters.Add(new NpgsqlParameter { Value = (object?)errorType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            object? state = await fail.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return state switch
            {
                "failed" => JobFailure.SetAside,
                "pending" => JobFailure.Retrying,
                _ => JobFailure.LeaseLost,
            };
        }).ConfigureAwait(false);
    }

    /// <summary>Gives a claimed job back untouched (a worker shutting down): it is claimable at once and the attempt does not count.</summary>
    /// <returns>False when the lease had already been taken over.</returns>
    /// <exception cref="CatalogException">The database cannot be written.</exception>
    public async Task<bool> ReleaseAsync(AnalysisJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await _catalog.GuardAsync(async () =>
        {
            await using NpgsqlCommand release = _catalog.DataSource.CreateCommand($"""
                UPDATE {_jobs} SET state = 'pending', attempts = greatest(attempts - 1, 0), available_utc = now(),
                    lease_token = NULL, lease_owner = NULL, lease_expires_utc = NULL, updated_utc = now()
                WHERE job_id = $1 AND lease_token = $2 AND state = 'running';
                """);
            release.Parameters.Add(new NpgsqlParameter<long> { TypedValue = job.JobId });
            release.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = job.LeaseToken });
            return await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }).ConfigureAwait(false);
    }

    /// <summary>Whether any job is pending or running (false once everything is done or set aside).</summary>
    /// <exception cref="CatalogException">The database cannot be reached.</exception>
    public async Task<bool> HasOpenJobsAsync(CancellationToken cancellationToken = default) =>
        await _catalog.GuardAsync(async () =>
        {
            await using NpgsqlCommand command = _catalog.DataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {_jobs} WHERE state IN ('pending', 'running'));");
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }).ConfigureAwait(false);

    /// <summary>Counts jobs by state and lists up to <paramref name="failures"/> set-aside or retrying files.</summary>
    /// <remarks>Counting scans the job table: about a second per ten million jobs.</remarks>
    /// <exception cref="CatalogException">The database cannot be reached.</exception>
    public async Task<AnalysisQueueStatus> GetStatusAsync(int failures = 20, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(failures, 10_000);
        return await _catalog.GuardAsync(async () =>
        {
            await using NpgsqlConnection connection = await _catalog.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            long[] counts = new long[9];
            await using (var count = new NpgsqlCommand($"""
                SELECT count(*) FILTER (WHERE state = 'pending'),
                       count(*) FILTER (WHERE state = 'pending' AND last_error IS NOT NULL),
                       count(*) FILTER (WHERE state = 'running' AND lease_expires_utc >= now()),
                       count(*) FILTER (WHERE state = 'running' AND lease_expires_utc < now()),
                       count(*) FILTER (WHERE state = 'done' AND outcome = 'added'),
                       count(*) FILTER (WHERE state = 'done' AND outcome = 'already_present'),
                       count(*) FILTER (WHERE state = 'failed'),
                       count(DISTINCT lease_owner) FILTER (WHERE state = 'running' AND lease_expires_utc >= now()),
                       count(*) FILTER (WHERE state = 'done' AND updated_utc > now() - interval '1 minute')
                FROM {_jobs};
                """, connection, snapshot))
            await using (NpgsqlDataReader reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < counts.Length; i++)
                {
                    counts[i] = reader.GetInt64(i);
                }
            }

            long tracks;
            await using (var trackCount = new NpgsqlCommand($"SELECT count(*) FROM {_catalog.Schema}.tracks;", connection, snapshot))
            {
                tracks = (long)(await trackCount.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var failed = new List<FailedJob>();
            await using (var list = new NpgsqlCommand($"""
                SELECT path, attempts, max_attempts, last_error, error_type, updated_utc, state = 'failed' FROM {_jobs}
                WHERE last_error IS NOT NULL AND state IN ('failed', 'pending')
                ORDER BY state = 'failed' DESC, updated_utc DESC LIMIT $1;
                """, connection, snapshot))
            {
                list.Parameters.Add(new NpgsqlParameter<int> { TypedValue = failures });
                await using NpgsqlDataReader reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    failed.Add(new FailedJob(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4), new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero), reader.GetBoolean(6)));
                }
            }

            await snapshot.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new AnalysisQueueStatus(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], (int)counts[7], counts[8], tracks, failed);
        }).ConfigureAwait(false);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
