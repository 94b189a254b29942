using Microsoft.Playwright;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright through ExecutablePath (Playwright's own browser download is never used).
/// Tests skip with a reason when it is not installed; <c>.ci/run</c> installs it.
/// </summary>
internal static class Chromium
{
    /// <summary>Flags for this machine: headless without sandbox or GPU, and no background traffic to the closed network.</summary>
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--autoplay-policy=no-user-gesture-required",
    ];

    /// <summary>The browser executable: <c>$CHROMIUM_PATH</c>, else Debian's <c>/usr/bin/chromium</c>; skips the test when neither exists.</summary>
    public static string Executable()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        string[] candidates = string.IsNullOrEmpty(configured) ? ["/usr/bin/chromium", "/usr/bin/chromium-browser"] : [configured];
        string? found = candidates.FirstOrDefault(File.Exists);
        Skip.If(found is null, $"Chromium is not installed ({string.Join(", ", candidates)} missing): apt-get install chromium (.ci/run does), or set CHROMIUM_PATH");
        return found!;
    }

    /// <summary>Launches the browser.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Executable(),
        Headless = true,
        Args = Flags,
        Timeout = 60_000,
    });

    /// <summary>Collects the page's console errors and warnings and its uncaught errors (a test expects none).</summary>
    public static List<string> WatchProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        return problems;
    }

    /// <summary>Where test screenshots go: <c>$MUSICEMOTION_TEST_ARTIFACTS</c>, else <c>artifacts/test-screenshots</c> under the repository.</summary>
    public static string ArtifactFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("MUSICEMOTION_TEST_ARTIFACTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.CreateDirectory(configured).FullName;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "test-screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-screenshots")).FullName;
    }
}
