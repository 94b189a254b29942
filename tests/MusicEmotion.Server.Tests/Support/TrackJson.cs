using System.Text.Json;

namespace MusicEmotion.Server.Tests.Support;

/// <summary>Reads JSON answers.</summary>
internal static class TrackJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => e.GetSingle()).ToArray();
}
