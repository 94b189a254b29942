using System.Text;

namespace MusicEmotion.Server.Load;

/// <summary>
/// Builds the uploads of a run from real 4Q clips: about 55 % distinct clips (a fifth of them under hostile file
/// names), 25 % duplicates of those, 20 % bad files (empty, text, noise, a corrupt MP3, a truncated MP3, a body that is
/// not a form). Shuffled with a fixed seed, so a run is repeatable.
/// </summary>
internal static class LoadPlan
{
    private static readonly string[] HostileNames =
    [
        "../../../../tmp/evil.mp3", "..\\..\\windows\\system32\\x.mp3", "/etc/passwd", "song\u202Egnp.mp3", "line\r\nbreak.mp3", "   ", "con.mp3",
    ];

    /// <summary>The uploads for a run of <paramref name="uploads"/> (at least 10).</summary>
    /// <param name="dataFolder">The shared data folder (with <c>4q/labels.csv</c> and its audio).</param>
    /// <param name="uploads">How many uploads.</param>
    /// <param name="seed">Shuffle seed.</param>
    public static IReadOnlyList<UploadCase> Build(string dataFolder, int uploads, int seed = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(uploads, 10);
        int distinct = (int)Math.Round(uploads * 0.55);
        int duplicates = (int)Math.Round(uploads * 0.25);
        int bad = uploads - distinct - duplicates;
        string[] clips = Clips(dataFolder, distinct + 1);
        var random = new Random(seed);
        var cases = new List<UploadCase>(uploads);

        for (int i = 0; i < distinct; i++)
        {
            string name = i % 5 == 4 ? HostileNames[i / 5 % HostileNames.Length] : Path.GetFileName(clips[i]);
            cases.Add(new UploadCase(i % 5 == 4 ? "real clip, hostile name" : "real clip", name, File.ReadAllBytes(clips[i]), UploadKind.Original, []));
        }

        for (int i = 0; i < duplicates; i++)
        {
            UploadCase original = cases[random.Next(distinct)];
            cases.Add(original with { Label = "duplicate", FileName = "copy of " + original.FileName, Kind = UploadKind.Duplicate });
        }

        byte[] spare = File.ReadAllBytes(clips[distinct]);
        for (int i = 0; i < bad; i++)
        {
            cases.Add(Bad(i, spare, random));
        }

        return cases.OrderBy(_ => random.Next()).ToArray();
    }

    private static UploadCase Bad(int index, byte[] clip, Random random)
    {
        byte[] noise = new byte[20_000 + index];
        random.NextBytes(noise);
        switch (index % 6)
        {
            case 0:
                return new UploadCase("empty file", "empty.mp3", [], UploadKind.Bad, [400]);
            case 1:
                return new UploadCase("text file", "notes.mp3", Encoding.UTF8.GetBytes($"not audio at all, file {index}\n"), UploadKind.Bad, [415]);
            case 2:
                noise[0] = 0x00; // no audio signature
                return new UploadCase("random bytes", "noise.wav", noise, UploadKind.Bad, [415]);
            case 3:
                "ID3"u8.CopyTo(noise); // claims an MP3 tag, the rest is noise
                return new UploadCase("corrupt MP3", "corrupt.mp3", noise, UploadKind.Bad, [422]);
            case 4:
                // The first part of a real clip, a little longer each time so every one is a distinct file.
                return new UploadCase("truncated MP3", "cut.mp3", clip[..(clip.Length / 4 + index)], UploadKind.Bad, [422]);
            default:
                return new UploadCase("raw body, not a form", "raw.mp3", clip[..(clip.Length / 2 + index)], UploadKind.Bad, [415], AsMultipart: false);
        }
    }

    /// <summary>Clip paths from 4Q, alternating quadrants so the library is varied.</summary>
    private static string[] Clips(string dataFolder, int count)
    {
        string labels = Path.Combine(dataFolder, "4q", "labels.csv");
        if (!File.Exists(labels))
        {
            throw new FileNotFoundException($"{labels} is missing: the load run uploads real clips from the shared data (give --data)", labels);
        }

        var byQuadrant = File.ReadLines(labels).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length > 3)
            .GroupBy(f => f[1])
            .OrderBy(g => g.Key)
            .Select(g => g.Select(f => Path.Combine(dataFolder, "4q", f[3])).Where(File.Exists).ToArray())
            .ToArray();
        var clips = new List<string>(count);
        for (int i = 0; clips.Count < count; i++)
        {
            string[] quadrant = byQuadrant[i % byQuadrant.Length];
            int n = i / byQuadrant.Length;
            if (n >= quadrant.Length && byQuadrant.All(q => n >= q.Length))
            {
                throw new InvalidOperationException($"{labels} lists fewer than {count} clips");
            }

            if (n < quadrant.Length)
            {
                clips.Add(quadrant[n]);
            }
        }

        return clips.ToArray();
    }
}
