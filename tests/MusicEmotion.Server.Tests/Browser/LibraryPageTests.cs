using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// The library side of the page in Debian's Chromium against the service on 127.0.0.1: the empty state under the drop
/// zone, sizes in MiB, the search over names and moods, full names on hover and in the details, the hover readout after
/// the window is resized, and screenshots at 1440×900, 1280×720 and 390 px wide (saved as artifacts).
/// </summary>
public sealed class LibraryPageTests(ITestOutputHelper output)
{
    private const string LongName = "A very long song title that goes on and on — extended live version recorded at the Royal Albert Hall, remastered (2026).wav";

    [SkippableFact]
    public async Task An_empty_library_says_so_under_the_drop_zone_with_sizes_in_mib()
    {
        Chromium.Executable();
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        List<string> problems = Chromium.WatchProblems(page);

        await page.GotoAsync(address.ToString());

        await Expect(page.Locator("#upload-limits")).ToContainTextAsync("up to 100\u00a0MiB");
        await Expect(page.Locator("#library-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#library")).ToBeHiddenAsync();
        LocatorBoundingBoxResult zone = (await page.Locator("#dropzone").BoundingBoxAsync())!;
        LocatorBoundingBoxResult empty = (await page.Locator("#library-empty").BoundingBoxAsync())!;
        LocatorBoundingBoxResult card = (await page.Locator("section.upload").BoundingBoxAsync())!;
        empty.Y.Should().BeInRange(zone.Y + zone.Height, zone.Y + zone.Height + 30, "the empty state sits right under the drop zone");
        (empty.Y + empty.Height).Should().BeLessThanOrEqualTo(card.Y + card.Height, "inside the upload card");
        await Screenshot(page, "page-empty-1440x900.png");
        problems.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task The_library_is_searchable_names_are_whole_on_hover_and_in_the_details_and_the_readout_follows_a_resize()
    {
        Chromium.Executable();
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();
        using (var client = new HttpClient { BaseAddress = address })
        {
            string[] names = ["first light.wav", "second wind.wav", "third rail.wav", "fourth wall.wav", "fifth element.wav", LongName];
            for (int i = 0; i < names.Length; i++)
            {
                (await UploadRequests.PostAsync(client, TestAudio.Wav(20 + i, seed: 2100 + i), names[i])).EnsureSuccessStatusCode();
            }
        }

        JsonElement[] library;
        using (var client = new HttpClient { BaseAddress = address })
        {
            library = (await client.GetFromJsonAsync<JsonElement>("api/tracks"))!.GetProperty("items").EnumerateArray().ToArray();
        }

        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        List<string> problems = Chromium.WatchProblems(page);
        await page.GotoAsync(address.ToString());
        ILocator rows = page.Locator("#library-list .track-row");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.Locator("#library-empty")).ToBeHiddenAsync();

        // Search by name: every word must match.
        ILocator search = page.Locator("#library-search");
        await search.FillAsync("th");
        await Expect(rows).ToHaveCountAsync(4); // fourth, fifth, third and the long one ("the", "that")
        await search.FillAsync("FIF elem");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("#library-count")).ToHaveTextAsync("(1 of 6)");

        // Search by mood: a quadrant's word finds the songs whose dominant mood it is.
        string quadrant = library[0].GetProperty("dominantQuadrant").GetString()!;
        string word = quadrant switch { "Q1" => "happy", "Q2" => "tense", "Q3" => "sad", _ => "calm" };
        int expected = library.Count(t => t.GetProperty("dominantQuadrant").GetString() == quadrant
            || t.GetProperty("name").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase));
        await search.FillAsync(word);
        await Expect(rows).ToHaveCountAsync(expected);
        await search.FillAsync("no such song");
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(page.Locator("#library-no-match")).ToHaveTextAsync("No song matches “no such song”.");
        await search.FillAsync("");
        await Expect(rows).ToHaveCountAsync(6);

        // The long name: cut in the list, whole on hover (title) and in the details.
        ILocator longRow = rows.Filter(new LocatorFilterOptions { HasText = "A very long song title" }).Locator(".open");
        (await longRow.GetAttributeAsync("title")).Should().StartWith(LongName);
        await longRow.ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync(LongName);
        (await page.Locator("#track-name").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1"))
            .Should().BeTrue("the heading shows the whole name, wrapped");

        // Like a song and ask for varied recommendations: the list shows each score and what variety changed.
        await page.Locator("#library-list button[aria-label^='Like first light']").ClickAsync();
        await page.Locator("#recommend").ClickAsync();
        await Expect(page.Locator("#rec-list .rec")).ToHaveCountAsync(5);
        double[] scores = (await page.Locator("#rec-list .rec .score").AllInnerTextsAsync()).Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        scores.Should().BeInDescendingOrder().And.OnlyContain(v => v >= 0 && v <= 1);
        await Expect(page.Locator("#rec-list .rec .score-parts").First).ToContainTextAsync("match ");
        await Screenshot(page, "page-1440x900.png");

        // Hover the timeline, then resize the window: the readout describes what is under the pointer now, or goes away.
        ILocator timeline = page.Locator("#timeline-chart svg");
        LocatorBoundingBoxResult box = (await timeline.BoundingBoxAsync())!;
        float mouseX = box.X + (box.Width * 0.5f), mouseY = box.Y + (box.Height * 0.5f);
        await page.Mouse.MoveAsync(mouseX, mouseY);
        await Expect(page.Locator("#tooltip")).ToBeVisibleAsync();
        foreach ((int width, int height, string file) in new[] { (1280, 720, "page-1280x720.png"), (1366, 900, null!), (390, 844, "page-390.png") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(300); // the charts redraw on the next frame
            LocatorBoundingBoxResult chart = (await timeline.BoundingBoxAsync())!;
            bool over = mouseX >= chart.X && mouseX <= chart.X + chart.Width && mouseY >= chart.Y && mouseY <= chart.Y + chart.Height;
            if (over)
            {
                await Expect(page.Locator("#tooltip")).ToBeVisibleAsync();
                LocatorBoundingBoxResult tip = (await page.Locator("#tooltip").BoundingBoxAsync())!;
                Math.Abs(tip.X - mouseX).Should().BeLessThan(tip.Width + 30, $"at {width}×{height} the readout stays by the pointer");
                Math.Abs(tip.Y - mouseY).Should().BeLessThan(tip.Height + 40, $"at {width}×{height} the readout stays by the pointer");
                LocatorBoundingBoxResult line = (await page.Locator("#timeline-chart .hover-line").BoundingBoxAsync())!;
                double secondWidth = chart.Width / 20.0;
                Math.Abs(line.X - mouseX).Should().BeLessThan((float)secondWidth + 2, $"at {width}×{height} the hover line is under the pointer");
            }
            else
            {
                await Expect(page.Locator("#tooltip")).ToBeHiddenAsync();
            }

            output.WriteLine($"{width}×{height}: pointer {(over ? "still over" : "no longer over")} the chart");
            if (file is not null)
            {
                await page.Mouse.MoveAsync(0, 0);
                await Screenshot(page, file);
                await page.Mouse.MoveAsync(mouseX, mouseY);
            }
        }

        problems.Should().BeEmpty("the page runs without console errors");
    }

    private async Task Screenshot(IPage page, string name)
    {
        string path = Path.Combine(Chromium.ArtifactFolder(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
