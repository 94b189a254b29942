using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MusicEmotion.Server.Load;

/// <summary>
/// Sends every upload of a plan at once (one connection each), retrying an upload answered 503 (or 429) after the Retry-After
/// it was given, up to <see cref="MaxRetries"/> times, and records each outcome and its timings.
/// </summary>
internal sealed class UploadLoadRunner(HttpClient client)
{
    /// <summary>Most retries of one upload after 503 or 429.</summary>
    public int MaxRetries { get; init; } = 30;

    /// <summary>The API key to send, if the service needs one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Sends the plan; returns the results in plan order and the wall time.</summary>
    public async Task<(IReadOnlyList<UploadResult> Results, TimeSpan Wall)> RunAsync(IReadOnlyList<UploadCase> plan, CancellationToken cancellationToken)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<UploadResult>[] tasks = plan.Select(c => Task.Run(async () =>
        {
            await start.Task.ConfigureAwait(false);
            return await SendAsync(c, cancellationToken).ConfigureAwait(false);
        }, cancellationToken)).ToArray();
        long began = Stopwatch.GetTimestamp();
        start.SetResult();
        UploadResult[] results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return (results, Stopwatch.GetElapsedTime(began));
    }

    private async Task<UploadResult> SendAsync(UploadCase upload, CancellationToken cancellationToken)
    {
        long first = Stopwatch.GetTimestamp();
        int busy = 0;
        for (int attempt = 1; ; attempt++)
        {
            long sent = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                using HttpRequestMessage request = Request(upload);
                response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                return new UploadResult(upload, 0, null, attempt, busy, Stopwatch.GetElapsedTime(sent), Stopwatch.GetElapsedTime(first), ex.Message);
            }

            using (response)
            {
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                TimeSpan took = Stopwatch.GetElapsedTime(sent);
                // Busy (503), or this client's share of admissions is taken (429): wait as asked, then try again.
                bool busyAnswer = response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests;
                if (busyAnswer && attempt <= MaxRetries)
                {
                    busy++;
                    TimeSpan wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    // A little jitter so refused uploads do not all come back in the same millisecond.
                    await Task.Delay(wait + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250)), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (busyAnswer)
                {
                    busy++;
                }

                return new UploadResult(upload, (int)response.StatusCode, ProblemCode(body), attempt, busy, took, Stopwatch.GetElapsedTime(first), null);
            }
        }
    }

    private HttpRequestMessage Request(UploadCase upload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/tracks");
        if (ApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", ApiKey);
        }

        var file = new ByteArrayContent(upload.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (!upload.AsMultipart)
        {
            request.Content = file;
            return request;
        }

        // The name goes in filename* (RFC 5987), so hostile names with control characters travel as they are.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = upload.FileName };
        var form = new MultipartFormDataContent { file };
        request.Content = form;
        return request;
    }

    private static string? ProblemCode(string body)
    {
        if (string.IsNullOrEmpty(body) || body[0] != '{')
        {
            return null;
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out JsonElement code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
