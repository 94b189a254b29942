using Microsoft.Playwright;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// The page's Journey view in Debian's Chromium against the service on 127.0.0.1: moods chosen, songs planned and drawn
/// along the path each with its own curve, played through (the next song starts when one ends, the playhead moves),
/// saved as M3U8, and a path drawn by hand on the plane; a screenshot at 1440×900 is saved as an artifact.
/// </summary>
public sealed class JourneyPageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Plans_a_journey_from_chosen_or_drawn_moods_plays_it_through_and_saves_it_as_m3u8()
    {
        Chromium.Executable();
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using (var client = new HttpClient { BaseAddress = address })
        {
            for (int i = 0; i < 6; i++)
            {
                (await UploadRequests.PostAsync(client, TestAudio.Wav(12 + (2 * i), seed: 3100 + i), $"song {i + 1}.wav")).EnsureSuccessStatusCode();
            }
        }

        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, AcceptDownloads = true });
        page.SetDefaultTimeout(30_000);
        List<string> problems = Chromium.WatchProblems(page);
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("#library-list .track-row")).ToHaveCountAsync(6);

        // Chosen moods: four songs planned, each drawn with its own curve along the path, each explained.
        await page.Locator("#journey-from").SelectOptionAsync("calm");
        await page.Locator("#journey-to").SelectOptionAsync("energetic");
        await page.Locator("#journey-songs").FillAsync("4");
        await page.Locator("#journey-plan").ClickAsync();
        ILocator steps = page.Locator("#journey-list .journey-step");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(page.Locator("#journey-status")).ToContainTextAsync("4 songs");
        await Expect(page.Locator("#journey-plane .journey-song")).ToHaveCountAsync(4);
        (await page.Locator("#journey-plane .journey-curve").CountAsync()).Should().BeGreaterThanOrEqualTo(4, "each song's own curve is drawn");
        await Expect(page.Locator("#journey-plane .journey-path")).ToHaveCountAsync(1);
        await Expect(page.Locator("#journey-plane .journey-handover")).ToHaveCountAsync(3);
        (await steps.Locator(".journey-why").AllInnerTextsAsync()).Should().OnlyContain(t => t.Length > 10);
        await Screenshot(page, "page-journey-1440x900.png");

        // Play it through: the first song plays, the playhead shows, and when it ends the next one starts.
        await page.Locator("#journey-play").ClickAsync();
        await Expect(page.Locator("#journey-list .journey-step.playing")).ToHaveAttributeAsync("data-index", "0");
        await page.WaitForFunctionAsync("() => document.getElementById('journey-audio').currentTime > 0.2");
        await Expect(page.Locator("#journey-plane .journey-playhead")).ToHaveAttributeAsync("visibility", "visible");
        await Expect(page.Locator("#journey-now")).ToContainTextAsync("1/4");
        await page.EvaluateAsync("() => { const a = document.getElementById('journey-audio'); a.currentTime = a.duration - 0.3; }");
        await Expect(page.Locator("#journey-list .journey-step.playing")).ToHaveAttributeAsync("data-index", "1");
        await Expect(page.Locator("#journey-now")).ToContainTextAsync("2/4");
        (await page.EvaluateAsync<bool>("() => document.getElementById('audio').paused")).Should().BeTrue("the song player is quiet while the journey plays");

        // Save as M3U8: durations, titles and the songs' audio, in playing order.
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#journey-save").ClickAsync());
        string m3u = await File.ReadAllTextAsync((await download.PathAsync())!);
        download.SuggestedFilename.Should().EndWith(".m3u8");
        string[] lines = m3u.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("#EXTM3U");
        lines.Should().Contain("#PLAYLIST:calm → energetic");
        lines.Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal)).Should().HaveCount(4).And.OnlyContain(l => l.Contains(",song "));
        string[] names = (await steps.Locator(".journey-step-name").AllInnerTextsAsync()).ToArray();
        lines.Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(',') + 1)..]).Should().Equal(names);
        lines.Where(l => !l.StartsWith('#')).Should().HaveCount(4).And.OnlyContain(l => l.StartsWith(address.ToString() + "api/tracks/", StringComparison.Ordinal) && l.EndsWith("/audio", StringComparison.Ordinal));

        // A drawn path: drag across the plane from the calm-sad corner to the happy one, then plan along it.
        await page.Locator("#journey-draw").ClickAsync();
        await Expect(page.Locator("#journey-draw")).ToHaveAttributeAsync("aria-pressed", "true");
        LocatorBoundingBoxResult box = (await page.Locator("#journey-plane svg").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.25f), box.Y + (box.Height * 0.75f));
        await page.Mouse.DownAsync();
        for (int i = 1; i <= 10; i++)
        {
            await page.Mouse.MoveAsync(box.X + (box.Width * (0.25f + (0.05f * i))), box.Y + (box.Height * (0.75f - (0.05f * i))));
        }

        await page.Mouse.UpAsync();
        await Expect(page.Locator("#journey-status")).ToContainTextAsync("Path drawn");
        await page.Locator("#journey-songs").FillAsync("3");
        await page.Locator("#journey-plan").ClickAsync();
        await Expect(steps).ToHaveCountAsync(3);
        string drawn = (await page.Locator("#journey-plane .journey-path").GetAttributeAsync("points"))!;
        drawn.Split(' ').Length.Should().BeGreaterThan(5, "the planned path is the one drawn");
        await Expect(page.Locator("#journey-list .journey-step.playing")).ToHaveCountAsync(0, new() { Timeout = 5_000 });

        // Too many songs for the library: the plan is shorter and says so.
        await page.Locator("#journey-clear").ClickAsync();
        await page.Locator("#journey-songs").FillAsync("50");
        await page.Locator("#journey-plan").ClickAsync();
        await Expect(page.Locator("#journey-status")).ToContainTextAsync("Only 6 songs fit");
        problems.Should().BeEmpty();
    }

    private async Task Screenshot(IPage page, string name)
    {
        string path = Path.Combine(Chromium.ArtifactFolder(), name);
        await page.Locator("#journey").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
    }
}
