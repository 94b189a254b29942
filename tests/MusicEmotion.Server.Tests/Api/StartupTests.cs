using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>
/// The real service process refusing to start for a reason its operator can fix: one line on stderr naming the problem
/// and the setting to change, exit code 2, no stack trace anywhere.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Invalid_settings_are_named_in_one_line()
    {
        Refusal refusal = await StartAsync("--urls", "http://127.0.0.1:0", "--MusicEmotion:ApiKey", "short", "--MusicEmotion:MaxConcurrentAnalyses", "0",
            "--MusicEmotion:MinUploadBytesPerSecond", "-1");

        refusal.Line.Should().Contain("MusicEmotion:ApiKey must be at least 16").And.Contain("MaxConcurrentAnalyses").And.Contain("MusicEmotion:MinUploadBytesPerSecond");
    }

    [Fact]
    public async Task A_second_service_on_the_same_folder_names_the_data_directory_setting()
    {
        using var first = new ServerFactory(data: _data);
        first.StartOnLoopback();

        Refusal refusal = await StartAsync("--urls", "http://127.0.0.1:0");

        refusal.Line.Should().Contain("in use by another MusicEmotion service").And.Contain("MusicEmotion:DataDirectory");
    }

    [Fact]
    public async Task A_port_in_use_names_the_urls_setting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Refusal refusal = await StartAsync("--urls", $"http://127.0.0.1:{port}");

        refusal.Line.Should().Contain($"127.0.0.1:{port}").And.Contain("address already in use").And.Contain("--urls");
    }

    [Fact]
    public async Task A_file_that_is_not_a_catalog_names_the_catalog_setting()
    {
        await File.WriteAllTextAsync(_data.File("catalog.db"), "these are not the rows you are looking for");

        Refusal refusal = await StartAsync("--urls", "http://127.0.0.1:0");

        refusal.Line.Should().Contain(_data.File("catalog.db")).And.Contain("MusicEmotion:CatalogPath");
    }

    private sealed record Refusal(string Line);

    /// <summary>Runs the service's own executable on the test's data folder; checks the refusal's form and returns its line.</summary>
    private async Task<Refusal> StartAsync(params string[] arguments)
    {
        string server = Path.Combine(AppContext.BaseDirectory, "MusicEmotion.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _data.Path,
        };
        foreach (string argument in (string[])["exec", server, "--MusicEmotion:DataDirectory", _data.Path, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string output = await stdout, error = await stderr;
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        process.ExitCode.Should().Be(2, $"stderr: {error}\nstdout: {output}");
        lines.Should().ContainSingle($"one line on stderr, got: {error}");
        lines[0].Should().StartWith("MusicEmotion.Server: cannot start: ");
        (output + error).Should().NotContain("   at ", "no stack trace").And.NotContain("Exception", "no exception names");
        return new Refusal(lines[0]);
    }
}
