using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MusicEmotion.Tests.Shared;

/// <summary>
/// A real PostgreSQL server started for the tests in a temporary folder (initdb + pg_ctl, trust authentication,
/// listening on 127.0.0.1 only, a free port) and stopped and deleted after them. PostgreSQL refuses to run as root:
/// when the tests run as root the server runs as the <c>postgres</c> account the Debian package creates (else
/// <c>nobody</c>) through <c>runuser</c>. The binaries are found through <c>$MER_PG_BIN</c>, else the newest
/// <c>/usr/lib/postgresql/*/bin</c>, else <c>pg_ctl</c> on the PATH. Missing binaries skip the tests on a developer
/// machine but fail them under CI (<c>CI=true</c>, where scripts/ensure-prerequisites.sh installs them); a server
/// that does not start always fails them.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string? _bin;
    private readonly string? _folder;
    private readonly string? _runAs;
    private readonly string? _unavailable;
    private readonly Exception? _startFailure;
    private int _databases;

    /// <summary>Starts the server (xUnit creates one per test collection).</summary>
    public PostgresServer()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            _unavailable = "PostgreSQL's server binaries (initdb, pg_ctl) were not found (install Debian's postgresql package, or set MER_PG_BIN to their folder); this test needs a real PostgreSQL";
            return;
        }

        try
        {
            _runAs = Environment.UserName == "root" || GetUid() == 0 ? (UserExists("postgres") ? "postgres" : "nobody") : null;
            _folder = Path.Combine(Path.GetTempPath(), "mer-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(_folder);
            if (_runAs is not null)
            {
                Run("chown", [_runAs, _folder]);
            }

            string data = Path.Combine(_folder, "data");
            RunServerTool("initdb", ["-D", data, "-U", "mer", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
            for (int attempt = 0; ; attempt++)
            {
                Port = FreePort();
                try
                {
                    RunServerTool("pg_ctl", ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start",
                        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200"]);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 2)
                {
                    // The port was taken between choosing and binding it; try another.
                }
            }
        }
        catch (Exception ex)
        {
            _startFailure = ex;
        }
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Skips (binaries absent on a developer machine) or fails (under CI, or when the server did not start) the calling test when there is no server.</summary>
    public void Require()
    {
        if (_unavailable is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(_unavailable + " (CI must have it: scripts/ensure-prerequisites.sh installs it)");
            }

            Skip.If(true, _unavailable);
        }

        if (_startFailure is not null)
        {
            throw new InvalidOperationException($"The test PostgreSQL server did not start: {_startFailure.Message}{Log()}", _startFailure);
        }
    }

    /// <summary>A connection string to <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=mer;Database={database};Pooling=true;Timeout=15";

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        Require();
        string name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            RunServerTool("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Not running (it failed to start).
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Log()
    {
        string log = _folder is null ? "" : Path.Combine(_folder, "server.log");
        return File.Exists(log) ? Environment.NewLine + File.ReadAllText(log) : "";
    }

    private void RunServerTool(string tool, string[] arguments)
    {
        string path = Path.Combine(_bin!, tool);
        if (_runAs is null)
        {
            Run(path, arguments);
        }
        else
        {
            Run("runuser", ["-u", _runAs, "--", path, .. arguments]);
        }
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static string? FindBinaries()
    {
        string? configured = Environment.GetEnvironmentVariable("MER_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            string? newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out int v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool UserExists(string name) => File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(name + ":", StringComparison.Ordinal));

    private static int GetUid()
    {
        try
        {
            string status = File.ReadAllText("/proc/self/status");
            string? line = status.Split('\n').FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line is null ? -1 : int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}

/// <summary>The tests that share one PostgreSQL server (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
