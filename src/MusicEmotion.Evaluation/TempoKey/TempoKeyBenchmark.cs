using System.Collections.Concurrent;
using System.Diagnostics;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Evaluation.Csv;
using MusicEmotion.Features;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Harmony;
using MusicalKey = MusicEmotion.Features.Descriptors.MusicalKey;

namespace MusicEmotion.Evaluation.TempoKey;

/// <summary>
/// How right are the tempo and key the library estimates (and the audio features report)? Pieces whose tempo and key are
/// known: <see cref="GeneratedPieces"/>, and MIDI files of EMOPIA and VGMIDI rendered with FluidSynth exactly as
/// ../shared/data/README.md says, scored against the tempo and key the files state (<see cref="StatedTempoKey"/>).
/// </summary>
internal static class TempoKeyBenchmark
{
    /// <summary>The General MIDI soundfont the datasets' README renders with.</summary>
    public const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /// <summary>The MIDI files of an EMOPIA (labels.csv) or VGMIDI (clips.csv) folder, of <paramref name="split"/> (null: all).</summary>
    public static IReadOnlyList<string> MidiFiles(string folder, string table, string? split)
    {
        CsvTable csv = CsvTable.Read(Path.Combine(Datasets.DatasetPaths.RequireFolder(folder), table));
        int midi = csv.Require("midi"), splitColumn = csv.Require("split");
        return csv.Rows.Where(r => split is null || r[splitColumn] == split)
            .Select(r => Datasets.DatasetPaths.ResolveInside(folder, r[midi], csv.Path)).ToArray();
    }

    /// <summary>Estimates the generated pieces.</summary>
    public static IReadOnlyList<TempoKeyResult> Generated() => GeneratedPieces.All().AsParallel().AsOrdered()
        .Select(p =>
        {
            TrackDescriptors d = Estimate(GeneratedPieces.Synthesize(p.Tempo, p.Key));
            return new TempoKeyResult("generated", p.Name, p.Tempo, p.Key, d.TempoBpm, d.Key);
        }).ToArray();

    /// <summary>
    /// Renders each MIDI file with FluidSynth, estimates its tempo and key and pairs them with what it states; with a
    /// <paramref name="transcriber"/>, also the key of the render's transcribed notes (<see cref="TempoKeyResult.NoteKey"/>).
    /// </summary>
    /// <exception cref="DatasetFormatException">FluidSynth or its soundfont is missing.</exception>
    public static async Task<IReadOnlyList<TempoKeyResult>> RenderedAsync(string set, IReadOnlyList<string> midiFiles, int jobs, IProgress<int>? progress,
        NoteTranscriber? transcriber, CancellationToken cancellationToken)
    {
        if (!File.Exists(SoundFont))
        {
            throw new DatasetFormatException(SoundFont, "the General MIDI soundfont is missing (apt-get install fluidsynth fluid-soundfont-gm)");
        }

        string work = Directory.CreateTempSubdirectory("mer-tempo-key-").FullName;
        var results = new ConcurrentBag<(int Index, TempoKeyResult Result)>();
        int done = 0;
        try
        {
            await Parallel.ForEachAsync(midiFiles.Select((f, i) => (f, i)), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    StatedTempoKey stated = StatedTempoKey.Read(item.f);
                    string wav = Path.Combine(work, $"{item.i}.wav");
                    await RenderAsync(item.f, wav, token).ConfigureAwait(false);
                    using ISampleSource source = AudioLoader.Default.Open(wav, token).ToMonoAt(22050);
                    var extractor = new TrackDescriptorExtractor(new FeatureSettings());
                    var buffer = new float[22050];
                    int read;
                    while ((read = source.Read(buffer)) > 0)
                    {
                        extractor.Push(buffer.AsSpan(0, read));
                    }

                    MusicalKey? noteKey = transcriber is null ? null : await NoteKeyAsync(transcriber, wav, token).ConfigureAwait(false);
                    File.Delete(wav);
                    TrackDescriptors d = extractor.Complete();
                    results.Add((item.i, new TempoKeyResult(set, Path.GetFileNameWithoutExtension(item.f), stated.TempoBpm, stated.Key, d.TempoBpm, d.Key)
                    {
                        NoteKey = noteKey,
                        NotesTranscribed = transcriber is not null,
                    }));
                    progress?.Report(Interlocked.Increment(ref done));
                }).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return results.OrderBy(r => r.Index).Select(r => r.Result).ToArray();
    }

    /// <summary>The key of the whole piece from its transcribed notes, as <see cref="NoteFeatureAnalyzer"/> summarises it.</summary>
    private static async Task<MusicalKey?> NoteKeyAsync(NoteTranscriber transcriber, string wav, CancellationToken cancellationToken)
    {
        NoteTranscription transcription = await transcriber.TranscribeAsync(wav, cancellationToken).ConfigureAwait(false);
        return NoteFeatureAnalyzer.Analyze(transcription).Track.Key is { } key
            ? new MusicalKey(key.Tonic, key.Mode == KeyMode.Minor ? MusicalMode.Minor : MusicalMode.Major, key.Strength)
            : null;
    }

    private static TrackDescriptors Estimate(float[] samples)
    {
        var extractor = new TrackDescriptorExtractor(new FeatureSettings());
        extractor.Push(samples);
        return extractor.Complete();
    }

    private static async Task RenderAsync(string midi, string wav, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("fluidsynth") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-ni", "-q", "-F", wav, "-r", "22050", "-g", "0.6", SoundFont, midi })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DatasetFormatException(midi, "fluidsynth is not installed (apt-get install fluidsynth fluid-soundfont-gm)", ex);
        }

        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(wav))
            {
                throw new DatasetFormatException(midi, $"fluidsynth could not render it ({process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
            }
        }
    }
}
