using MusicEmotion.Audio.Fuzz;
using SharpFuzz;

// Under afl-fuzz (see fuzz/README.md): SharpFuzz's persistent loop hands each input over as a stream.
// Without afl-fuzz, `MusicEmotion.Audio.Fuzz <file>...` runs the given files once each (to replay a finding).
if (args.Length > 0)
{
    foreach (string path in args)
    {
        AudioInputTarget.Run(File.ReadAllBytes(path));
        Console.WriteLine($"ok: {path}");
    }

    return;
}

Fuzzer.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    AudioInputTarget.Run(copy.ToArray());
});
