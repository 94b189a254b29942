using System.Globalization;
using Microsoft.Playwright;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// Seconds without music on the page, in Debian's Chromium against the service on 127.0.0.1: a song with 8 s of silence
/// before and after shows those seconds greyed, its curves and path over the music seconds only and a note that the
/// figures leave them out; a file of silence alone says "no music" in the library and in the details, with no mood.
/// </summary>
public sealed class NoMusicPageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Seconds_without_music_are_greyed_and_a_silent_file_has_no_mood()
    {
        Chromium.Executable();
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using (var client = new HttpClient { BaseAddress = address })
        {
            (await UploadRequests.PostAsync(client, TestAudio.WavInSilence(8, 20, seed: 31), "framed by silence.wav")).EnsureSuccessStatusCode();
            (await UploadRequests.PostAsync(client, PcmWav.Encode16(new float[22050 * 15], 22050, 1), "only silence.wav")).EnsureSuccessStatusCode();
        }

        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        List<string> problems = Chromium.WatchProblems(page);
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("#library-list .track-row")).ToHaveCountAsync(2);

        // The silent file: no mood in the library, "no music" in the details, no statistics, no mean on the plane.
        ILocator silentRow = page.Locator("#library-list .track-row", new PageLocatorOptions { HasText = "only silence" });
        await Expect(silentRow.Locator(".mood-dot.none")).ToHaveCountAsync(1);
        await Expect(silentRow.Locator(".sub")).ToContainTextAsync("no music");
        await silentRow.Locator(".open").ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync("only silence.wav");
        await Expect(page.Locator("#track-meta")).ToHaveTextAsync("0:15 · no music");
        await Expect(page.Locator("#no-music-note")).ToContainTextAsync("No music detected");
        await Expect(page.Locator("#facts")).ToContainTextAsync("none (no music)");
        await Expect(page.Locator("#stat-table tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#timeline-chart rect.no-music")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline-chart polyline.curve")).ToHaveCountAsync(0);
        await Expect(page.Locator("#plane-chart polyline.path")).ToHaveCountAsync(0);
        await Expect(page.Locator("#plane-chart .mean")).ToHaveCountAsync(0);
        await Expect(page.Locator("#now")).ToContainTextAsync("no music");

        // The framed song: the silent seconds at both ends are greyed; one curve per dimension over the music between.
        await page.Locator("#library-list .track-row .open", new PageLocatorOptions { HasText = "framed by silence" }).ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync("framed by silence.wav");
        ILocator greyed = page.Locator("#timeline-chart rect.no-music");
        await Expect(greyed).ToHaveCountAsync(2);
        int[][] runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i => new[]
        {
            int.Parse((await greyed.Nth(i).GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture),
            int.Parse((await greyed.Nth(i).GetAttributeAsync("data-end"))!, CultureInfo.InvariantCulture),
        }));
        runs[0].Should().Equal(0, 8);
        runs[1][0].Should().BeInRange(27, 29, "the music ends 28 s in");
        await Expect(page.Locator("#timeline-chart polyline.curve.arousal")).ToHaveCountAsync(1);
        int musicPoints = int.Parse((await page.Locator("#timeline-chart polyline.curve.arousal").GetAttributeAsync("data-points"))!, CultureInfo.InvariantCulture);
        musicPoints.Should().Be(runs[1][0] - 8);
        await Expect(page.Locator("#plane-chart polyline.path")).ToHaveAttributeAsync("data-points", musicPoints.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#no-music-note")).ToContainTextAsync("without music (greyed)");
        await Expect(page.Locator("#stat-table tbody tr")).ToHaveCountAsync(2);

        // Hovering a greyed second reads "no music", not a mood.
        LocatorBoundingBoxResult chart = (await page.Locator("#timeline-chart svg").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(chart.X + 60, chart.Y + (chart.Height / 2));
        await Expect(page.Locator("#tooltip")).ToContainTextAsync("no music");
        string screenshot = Path.Combine(Chromium.ArtifactFolder(), "page-no-music.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        problems.Should().BeEmpty();
    }
}
