using System.Diagnostics;
using System.Text.Json;
using MusicEmotion.Cli.Commands;

namespace MusicEmotion.Cli.Tests.Commands;

/// <summary>Real files for the tagging tests, made by ffmpeg from the demo piece, and ffmpeg's and ffprobe's view of them.</summary>
internal static class TaggedFiles
{
    /// <summary>The encoders of each format tested.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Encoders = new Dictionary<string, string[]>
    {
        ["mp3"] = ["-c:a", "libmp3lame", "-b:a", "128k"],
        ["flac"] = ["-c:a", "flac"],
        ["ogg"] = ["-c:a", "libvorbis", "-q:a", "3"],
        ["opus"] = ["-c:a", "libopus", "-b:a", "64k"],
        ["m4a"] = ["-c:a", "aac", "-b:a", "128k"],
    };

    /// <summary>Writes the demo piece (<paramref name="seconds"/> long) as <c>song.{ext}</c> in <paramref name="folder"/> for each format; returns the paths.</summary>
    public static string[] Make(string folder, double seconds = 8, string name = "song")
    {
        string wav = Path.Combine(folder, $"{name}.source.wav");
        File.WriteAllBytes(wav, PcmWav.Encode16(DemoCommand.Synthesize(seconds), 22050, 1));
        string[] files = Encoders.Select(e =>
        {
            string path = Path.Combine(folder, $"{name}.{e.Key}");
            Run("ffmpeg", ["-v", "error", "-y", "-i", wav, .. e.Value, path]);
            return path;
        }).ToArray();
        File.Delete(wav);
        return files;
    }

    /// <summary>Writes <paramref name="seconds"/> of digital silence as <paramref name="name"/> (its extension picks the format).</summary>
    public static string Silence(string folder, string name, double seconds = 8)
    {
        string path = Path.Combine(folder, name);
        Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Encoders[Path.GetExtension(name)[1..]], path]);
        return path;
    }

    /// <summary>The decoded samples of <paramref name="path"/> as ffmpeg gives them (32-bit float, native rate and channels).</summary>
    public static byte[] Decoded(string path) => Run("ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-f", "f32le", "-"]);

    /// <summary>Every tag ffprobe sees in <paramref name="path"/> (format and stream tags; keys upper-cased).</summary>
    public static Dictionary<string, string> Probe(string path)
    {
        using JsonDocument json = JsonDocument.Parse(Run("ffprobe", ["-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", path]));
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(JsonElement holder)
        {
            if (holder.TryGetProperty("tags", out JsonElement t))
            {
                foreach (JsonProperty p in t.EnumerateObject())
                {
                    tags[p.Name] = p.Value.GetString()!;
                }
            }
        }

        Add(json.RootElement.GetProperty("format"));
        foreach (JsonElement stream in json.RootElement.GetProperty("streams").EnumerateArray())
        {
            Add(stream);
        }

        return tags;
    }

    private static byte[] Run(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        string errors = process.StandardError.ReadToEnd();
        copy.Wait();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
    }
}
