using System.Net.Http.Headers;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>Builds upload requests.</summary>
internal static class UploadRequests
{
    /// <summary>A multipart form with <paramref name="content"/> in the field <paramref name="field"/> under <paramref name="fileName"/> (sent as filename*, so any characters travel).</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName = "song.wav", string field = "file", string contentType = "audio/wav")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileNameStar = fileName };
        return new MultipartFormDataContent { file };
    }

    /// <summary>Posts <paramref name="content"/> to /api/tracks.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, string fileName = "song.wav", string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tracks") { Content = Form(content, fileName) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return client.SendAsync(request);
    }
}
