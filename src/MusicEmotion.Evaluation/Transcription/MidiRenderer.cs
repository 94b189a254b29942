using System.Diagnostics;

namespace MusicEmotion.Evaluation.Transcription;

/// <summary>
/// Renders MIDI to audio exactly as ../shared/data/README.md prescribes for EMOPIA and VGMIDI:
/// <c>fluidsynth -ni -q -F out.wav -r 22050 -g 0.6 /usr/share/sounds/sf2/FluidR3_GM.sf2 in.mid</c>
/// (Debian's <c>fluidsynth</c> and <c>fluid-soundfont-gm</c>). The WAV appears whole or not at all.
/// </summary>
internal sealed class MidiRenderer
{
    /// <summary>Debian's General MIDI soundfont (package fluid-soundfont-gm).</summary>
    public const string DefaultSoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /// <summary>The rendering rate, Hz.</summary>
    public const int SampleRate = 22050;

    /// <summary>The synthesiser's gain.</summary>
    public const string Gain = "0.6";

    private readonly string _program;

    /// <summary>Finds FluidSynth and the soundfont.</summary>
    /// <param name="soundFont">The soundfont; null = <see cref="DefaultSoundFont"/>.</param>
    /// <exception cref="MidiRenderException">FluidSynth is not on the PATH or the soundfont is missing.</exception>
    public MidiRenderer(string? soundFont = null)
    {
        SoundFont = soundFont ?? DefaultSoundFont;
        if (!File.Exists(SoundFont))
        {
            throw new MidiRenderException($"the soundfont {SoundFont} is missing (Debian: apt-get install fluid-soundfont-gm)");
        }

        _program = FindOnPath("fluidsynth")
            ?? throw new MidiRenderException("fluidsynth is not on the PATH (Debian: apt-get install fluidsynth fluid-soundfont-gm)");
    }

    /// <summary>The soundfont in use.</summary>
    public string SoundFont { get; }

    /// <summary>Renders <paramref name="midi"/> to the WAV file <paramref name="wav"/> (replaced if present).</summary>
    /// <exception cref="MidiRenderException">FluidSynth failed or wrote no audio (the message holds what it said).</exception>
    public async Task RenderAsync(string midi, string wav, CancellationToken cancellationToken)
    {
        string temporary = wav + ".tmp-" + Guid.NewGuid().ToString("N") + ".wav";
        try
        {
            var info = new ProcessStartInfo(_program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { "-ni", "-q", "-F", temporary, "-r", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-g", Gain, SoundFont, midi })
            {
                info.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(info) ?? throw new MidiRenderException($"{_program} did not start");
            Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            string said = ((await error.ConfigureAwait(false)) + " " + (await output.ConfigureAwait(false))).ReplaceLineEndings(" ").Trim();
            // A WAV header alone is 44 bytes: anything not longer holds no audio.
            if (process.ExitCode != 0 || !File.Exists(temporary) || new FileInfo(temporary).Length <= 44)
            {
                throw new MidiRenderException($"fluidsynth could not render {Path.GetFileName(midi)} (exit code {process.ExitCode}){(said.Length > 0 ? ": " + said : "")}");
            }

            File.Move(temporary, wav, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
