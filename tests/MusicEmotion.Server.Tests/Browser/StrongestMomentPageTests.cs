using System.Text.Json;
using Microsoft.Playwright;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// The statistics panel's "Strongest moment", in Debian's Chromium against the service on 127.0.0.1: a real 4Q clip whose
/// strongest moment stands out (the API's <c>summary.strongestMomentStandsOut</c>, the rule of the description) shows it as
/// a link that plays from there; a steady synthetic chord, whose curve is flat, says "none stands out" and has no link.
/// </summary>
public sealed class StrongestMomentPageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_strongest_moment_is_shown_only_when_it_stands_out()
    {
        Chromium.Executable();
        string clip = TestAudio.FourQClips("Q1", 1)[0];
        string clipName = Path.GetFileName(clip);
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        JsonElement song, chord;
        using (var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(3) })
        {
            song = await UploadAndReadAsync(client, await File.ReadAllBytesAsync(clip), clipName);
            chord = await UploadAndReadAsync(client, TestAudio.Wav(30, seed: 5), "steady chord.wav");
        }

        // What the service says, and that the two files cover both cases (so the page's two branches are both shown).
        JsonElement songSummary = song.GetProperty("summary"), chordSummary = chord.GetProperty("summary");
        songSummary.GetProperty("strongestMomentStandsOut").GetBoolean().Should().BeTrue("a real song's loudest second stands out of its mean mood");
        song.GetProperty("description").GetString().Should().Contain("most intense moment", "the description follows the same rule");
        chordSummary.GetProperty("strongestMomentStandsOut").GetBoolean().Should().BeFalse("a steady chord's curve is flat");
        chordSummary.GetProperty("strongestMoments").GetArrayLength().Should().BeGreaterThan(0, "there is a strongest second; it just does not stand out");
        chord.GetProperty("description").GetString().Should().NotContain("most intense moment");
        int second = songSummary.GetProperty("strongestMoments")[0].GetProperty("second").GetInt32();

        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        List<string> problems = Chromium.WatchProblems(page);
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("#library-list .track-row")).ToHaveCountAsync(2);

        // The flat chord: the row is there, with no link.
        await page.Locator("#library-list .track-row .open", new PageLocatorOptions { HasText = "steady chord" }).ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync("steady chord.wav");
        ILocator facts = page.Locator("#facts");
        await Expect(facts.Locator("dt", new LocatorLocatorOptions { HasText = "Strongest moment" })).ToHaveCountAsync(1);
        await Expect(facts.Locator("dd.none-stands-out")).ToHaveTextAsync("none stands out");
        await Expect(facts.Locator("dt:text('Strongest moment') + dd button")).ToHaveCountAsync(0);
        string flatShot = Path.Combine(Chromium.ArtifactFolder(), "page-strongest-moment-none.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = flatShot, FullPage = true });
        output.WriteLine($"screenshot: {flatShot}");

        // The real clip: the link names the second and plays from it.
        await page.Locator("#library-list .track-row .open", new PageLocatorOptions { HasText = clipName }).ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync(clipName);
        await Expect(facts.Locator("dd.none-stands-out")).ToHaveCountAsync(0);
        ILocator link = facts.Locator("dt:text('Strongest moment') + dd button");
        await Expect(link).ToContainTextAsync($"{second / 60}:{second % 60:00}");
        await link.ClickAsync();
        await page.WaitForFunctionAsync("(s) => { const a = document.getElementById('audio'); return Math.abs(a.currentTime - s) < 1.5; }", second);

        string screenshot = Path.Combine(Chromium.ArtifactFolder(), "page-strongest-moment.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        problems.Should().BeEmpty();
    }

    private static async Task<JsonElement> UploadAndReadAsync(HttpClient client, byte[] audio, string name)
    {
        using HttpResponseMessage upload = await UploadRequests.PostAsync(client, audio, name);
        string id = (await TrackJson.ReadAsync(upload)).GetProperty("id").GetString()!;
        return await TrackJson.ReadAsync(await client.GetAsync($"/api/tracks/{id}"));
    }
}
