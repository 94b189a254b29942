using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace MusicEmotion.Audio.Ffmpeg;

/// <summary>
/// One running ffmpeg/ffprobe process, started from an argument list (never through a shell), with its
/// standard error collected (the last lines only) so failures can quote ffmpeg's own words.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private const int MaxErrorLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private FfmpegProcess(Process process) => _process = process;

    /// <summary>The install hint used whenever the executable cannot be started.</summary>
    public const string InstallHint =
        "install ffmpeg (Debian/Ubuntu: 'sudo apt-get install ffmpeg'; macOS: 'brew install ffmpeg'; Windows: 'winget install ffmpeg') " +
        "or point FfmpegOptions.FfmpegPath/FfprobePath at the executables";

    public Process Process => _process;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public Stream StandardInput => _process.StandardInput.BaseStream;

    public static FfmpegProcess Start(string executable, IEnumerable<string> arguments, string sourceName, bool redirectInput)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var wrapper = new FfmpegProcess(process);
        process.ErrorDataReceived += wrapper.OnErrorData;
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new AudioDecoderException(sourceName, $"'{executable}' could not be started ({ex.Message}): {InstallHint}", ex);
        }

        process.BeginErrorReadLine();
        return wrapper;
    }

    private void OnErrorData(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            _stderrClosed.TrySetResult();
            return;
        }

        lock (_errorLines)
        {
            _errorLines.Enqueue(e.Data.Length > 500 ? e.Data[..500] : e.Data);
            while (_errorLines.Count > MaxErrorLines)
            {
                _errorLines.Dequeue();
            }
        }
    }

    /// <summary>Waits (bounded) for the process to end and returns its exit code, or null if it did not end in time.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        _process.WaitForExit(); // flushes the asynchronous stderr reader
        _stderrClosed.Task.Wait(TimeSpan.FromSeconds(2));
        return _process.ExitCode;
    }

    /// <summary>ffmpeg's last error lines, joined into one line.</summary>
    public string ErrorText()
    {
        lock (_errorLines)
        {
            string text = string.Join(" | ", _errorLines.Select(l => l.Trim()).Where(l => l.Length > 0));
            return text.Length == 0 ? "no error text" : text;
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Could not signal it; it is exiting anyway.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill();
        try
        {
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
