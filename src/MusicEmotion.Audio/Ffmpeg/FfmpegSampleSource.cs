using MusicEmotion.Audio.Wav;

namespace MusicEmotion.Audio.Ffmpeg;

/// <summary>
/// Streams samples decoded by an ffmpeg child process. ffmpeg writes 32-bit float WAV to its standard
/// output; this source parses it with the managed <see cref="WavSampleSource"/>, so memory stays bounded.
/// Input comes from a file path, or from a <see cref="Stream"/> pumped into ffmpeg's standard input.
/// Cancelling the token or disposing the source kills the process. When ffmpeg fails, the exception
/// carries ffmpeg's own error text.
/// </summary>
internal sealed class FfmpegSampleSource : ISampleSource
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);
    private readonly FfmpegProcess _process;
    private readonly string _sourceName;
    private readonly Stream? _input;
    private readonly Task _inputPump = Task.CompletedTask;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private readonly CancellationTokenSource _pumpCancellation = new();
    private readonly WavSampleSource _wav;
    private Exception? _inputError;
    private bool _finished;
    private bool _disposed;

    internal FfmpegSampleSource(FfmpegProcess process, Stream? input, string sourceName, CancellationToken cancellationToken)
    {
        _process = process;
        _input = input;
        _sourceName = sourceName;
        _cancellationToken = cancellationToken;
        _registration = cancellationToken.Register(static state => ((FfmpegProcess)state!).Kill(), process);
        if (input is not null)
        {
            _inputPump = Task.Run(PumpInputAsync, CancellationToken.None); // the pump ends when the process is killed on cancellation
        }

        try
        {
            _wav = new WavSampleSource(process.StandardOutput, sourceName, leaveOpen: true);
        }
        catch (AudioFormatException ex)
        {
            Exception failure = cancellationToken.IsCancellationRequested
                ? new OperationCanceledException(cancellationToken)
                : Failure(ex);
            Dispose();
            throw failure;
        }
    }

    /// <inheritdoc />
    public AudioFormat Format => _wav.Format;

    /// <inheritdoc />
    public long? LengthInFrames => null;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _cancellationToken.ThrowIfCancellationRequested();
        if (_finished)
        {
            return 0;
        }

        int n;
        try
        {
            n = _wav.Read(buffer);
        }
        catch (AudioFormatException ex)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            throw Failure(ex);
        }

        if (n > 0)
        {
            return n;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        int? exitCode = _process.WaitForExit(ExitWait);
        _cancellationToken.ThrowIfCancellationRequested();
        if (_inputError is not null)
        {
            throw new AudioFormatException(_sourceName, $"reading the input stream failed: {_inputError.Message}", _inputError);
        }

        if (exitCode != 0)
        {
            throw Failure(null);
        }

        _finished = true;
        return 0;
    }

    private AudioFormatException Failure(Exception? inner)
    {
        int? exitCode = _process.WaitForExit(ExitWait);
        string code = exitCode is { } c ? $"exit code {c}" : "did not exit";
        return new AudioFormatException(_sourceName, $"ffmpeg could not decode it ({code}): {_process.ErrorText()}", inner);
    }

    private async Task PumpInputAsync()
    {
        Stream stdin = _process.StandardInput;
        try
        {
            await _input!.CopyToAsync(stdin, 1 << 16, _pumpCancellation.Token).ConfigureAwait(false);
        }
        catch (IOException) when (_process.Process.HasExited || _pumpCancellation.IsCancellationRequested)
        {
            // ffmpeg stopped reading (it failed or was killed): its exit code tells the story.
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or InvalidOperationException)
        {
            _inputError = ex;
        }
        finally
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Kills ffmpeg if it is still running and releases the input stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _registration.Dispose();
        _pumpCancellation.Cancel();
        _process.Kill();
        try
        {
            _inputPump.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _wav?.Dispose();
        _process.Dispose();
        _input?.Dispose();
        _pumpCancellation.Dispose();
    }
}
