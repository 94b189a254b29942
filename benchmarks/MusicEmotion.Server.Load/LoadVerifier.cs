using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace MusicEmotion.Server.Load;

/// <summary>
/// Checks, after a run, that the service kept its promises: no 5xx but 503; every real clip accepted, every bad file
/// refused with the expected status; exactly one 201 per new clip; every accepted track complete (curves of the
/// right length, stored audio byte-identical to the upload); nothing else in the catalog; and, when the service's
/// data folder is on this machine, exactly one audio file per track and no staged leftovers.
/// </summary>
internal sealed class LoadVerifier(HttpClient client)
{
    /// <summary>The ids in the catalog (to call before the run).</summary>
    public async Task<HashSet<string>> CatalogIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int offset = 0; ; )
        {
            using JsonDocument page = JsonDocument.Parse(await client.GetStringAsync($"api/tracks?offset={offset}&limit=1000", cancellationToken).ConfigureAwait(false));
            JsonElement items = page.RootElement.GetProperty("items");
            foreach (JsonElement item in items.EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetString()!);
            }

            if (!page.RootElement.GetProperty("hasMore").GetBoolean() || items.GetArrayLength() == 0)
            {
                return ids;
            }

            offset += items.GetArrayLength();
        }
    }

    /// <summary>The problems found (empty when all is well).</summary>
    /// <param name="results">The run's results.</param>
    /// <param name="before">The catalog's ids before the run.</param>
    /// <param name="dataDirectory">The service's data folder, when it is on this machine (null skips the file checks).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public async Task<IReadOnlyList<string>> VerifyAsync(IReadOnlyList<UploadResult> results, HashSet<string> before, string? dataDirectory,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (UploadResult r in results)
        {
            if (r.Status >= 500 && r.Status != 503)
            {
                problems.Add($"{r.Case.Label} '{r.Case.FileName}': answered {r.Status} {r.Code}");
            }
            else if (r.Status == 0)
            {
                problems.Add($"{r.Case.Label} '{r.Case.FileName}': no answer ({r.Error})");
            }
            else if (r.Case.Kind == UploadKind.Bad && !r.Case.ExpectedStatuses.Contains(r.Status))
            {
                problems.Add($"{r.Case.Label}: answered {r.Status} {r.Code}, expected {string.Join(" or ", r.Case.ExpectedStatuses)}");
            }
            else if (r.Case.Kind != UploadKind.Bad && !r.Accepted)
            {
                problems.Add($"{r.Case.Label} '{r.Case.FileName}': answered {r.Status} {r.Code} after {r.Attempts} attempts, expected 201 or 200");
            }
        }

        var accepted = results.Where(r => r.Accepted).GroupBy(r => r.Case.Id).ToArray();
        foreach (var group in accepted)
        {
            int created = group.Count(r => r.Status == 201);
            int expected = before.Contains(group.Key) ? 0 : 1;
            if (created != expected)
            {
                problems.Add($"track {group.Key}: {created} uploads answered 201, expected {expected}");
            }

            problems.AddRange(await CheckTrackAsync(group.Key, group.First().Case.Content, cancellationToken).ConfigureAwait(false));
        }

        foreach (UploadResult r in results.Where(r => r.Case.Kind == UploadKind.Bad && r.Case.Content.Length > 0 && !before.Contains(r.Case.Id)))
        {
            using HttpResponseMessage response = await client.GetAsync($"api/tracks/{r.Case.Id}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"{r.Case.Label} was refused but GET of its id answered {(int)response.StatusCode}");
            }
        }

        HashSet<string> after = await CatalogIdsAsync(cancellationToken).ConfigureAwait(false);
        var expectedIds = new HashSet<string>(before.Concat(accepted.Select(g => g.Key)), StringComparer.Ordinal);
        if (!after.SetEquals(expectedIds))
        {
            problems.Add($"the catalog holds {after.Count} tracks; expected {expectedIds.Count} ({after.Except(expectedIds).Count()} unexpected, {expectedIds.Except(after).Count()} missing)");
        }

        if (dataDirectory is not null)
        {
            problems.AddRange(CheckFiles(dataDirectory, after));
        }

        return problems;
    }

    private async Task<IEnumerable<string>> CheckTrackAsync(string id, byte[] content, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        using (HttpResponseMessage response = await client.GetAsync($"api/tracks/{id}", cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return [$"track {id}: GET answered {(int)response.StatusCode}"];
            }

            using JsonDocument track = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            JsonElement root = track.RootElement;
            double duration = root.GetProperty("durationSeconds").GetDouble();
            int arousal = root.GetProperty("arousal").GetArrayLength(), valence = root.GetProperty("valence").GetArrayLength();
            int seconds = root.GetProperty("summary").GetProperty("seconds").GetInt32();
            if (arousal != valence || arousal != seconds || Math.Abs(arousal - Math.Ceiling(duration)) > 1 || arousal == 0)
            {
                problems.Add($"track {id}: {arousal} arousal and {valence} valence values for {duration:0.0} s (summary: {seconds})");
            }

            if (string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()))
            {
                problems.Add($"track {id}: no description");
            }
        }

        byte[] audio = await client.GetByteArrayAsync($"api/tracks/{id}/audio", cancellationToken).ConfigureAwait(false);
        if (audio.Length != content.Length || Convert.ToHexStringLower(SHA256.HashData(audio)) != id)
        {
            problems.Add($"track {id}: the stored audio ({audio.Length} bytes) is not the uploaded file ({content.Length} bytes)");
        }

        return problems;
    }

    private static IEnumerable<string> CheckFiles(string dataDirectory, HashSet<string> ids)
    {
        string audio = Path.Combine(dataDirectory, "audio");
        string staging = Path.Combine(audio, ".staging");
        if (Directory.Exists(staging) && Directory.EnumerateFileSystemEntries(staging).Any())
        {
            yield return $"{staging} still holds {Directory.EnumerateFileSystemEntries(staging).Count()} staged uploads";
        }

        var stored = Directory.EnumerateFiles(audio, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(staging, StringComparison.Ordinal) && Path.GetFileName(f) != ".lock")
            .ToArray();
        // A track's audio is named by its id; the notes its analysis transcribed are kept beside it as <id>.notes-1.mid.
        foreach (string file in stored.Where(f => !ids.Contains(Path.GetFileName(f)) && !ids.Contains(Path.GetFileName(f).Replace(".notes-1.mid", "", StringComparison.Ordinal))))
        {
            yield return $"orphan file {file}";
        }

        foreach (string id in ids.Where(id => !File.Exists(Path.Combine(audio, id[..2], id))))
        {
            yield return $"track {id} has no audio file";
        }
    }
}
