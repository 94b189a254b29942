namespace MusicEmotion.Server.Api;

/// <summary>The Content-Type served for stored audio, from the container its bytes were sniffed as (never from a client's claim).</summary>
internal static class AudioContentTypes
{
    /// <summary>The media type of <paramref name="container"/> (an <c>AudioSignatures.Identify</c> name); <c>application/octet-stream</c> when unknown.</summary>
    public static string Of(string? container) => container switch
    {
        "mp3" => "audio/mpeg",
        "aac" => "audio/aac",
        "wav" => "audio/wav",
        "flac" => "audio/flac",
        "ogg" => "audio/ogg",
        "mp4" => "audio/mp4",
        "aiff" => "audio/aiff",
        "matroska" => "audio/webm",
        "caf" => "audio/x-caf",
        "asf" => "audio/x-ms-wma",
        "amr" => "audio/amr",
        "ac3" => "audio/ac3",
        "ape" => "audio/x-ape",
        "wavpack" => "audio/x-wavpack",
        "dsd" => "audio/x-dsf",
        _ => "application/octet-stream",
    };
}
