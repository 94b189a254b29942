using System.Net;
using System.Text.Json;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>Reads problem details answers.</summary>
internal static class Problem
{
    /// <summary>Checks that <paramref name="response"/> is problem+json with <paramref name="status"/> and <paramref name="code"/>; returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        JsonElement json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        json.GetProperty("code").GetString().Should().Be(code, body);
        json.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        return json;
    }
}
