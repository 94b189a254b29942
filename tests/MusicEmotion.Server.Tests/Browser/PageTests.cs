using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using MusicEmotion.Server.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MusicEmotion.Server.Tests.Browser;

/// <summary>
/// The page in a real browser against the real service on 127.0.0.1: two real clips dropped on the page, both songs'
/// curves drawn, playing and seeking, the keyboard, liking one song and getting the other recommended and played;
/// no console errors; a screenshot saved as an artifact.
/// </summary>
public sealed class PageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_dropped_songs_are_drawn_played_seeked_liked_and_recommended()
    {
        Chromium.Executable();
        string[] clips = [TestAudio.FourQClips("Q1", 1)[0], TestAudio.FourQClips("Q3", 1)[0]];
        string[] names = clips.Select(Path.GetFileName).ToArray()!;
        using var factory = new ServerFactory();
        Uri address = factory.StartOnLoopback();

        using IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using IBrowser browser = await Chromium.LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(60_000); // analysis on two busy cores can take seconds
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A media request the page cancels itself (switching songs) is not a failure.
            if (request.Failure != "net::ERR_ABORTED")
            {
                problems.Add($"request failed: {request.Url} {request.Failure}");
            }
        };

        // The page's writes come from its own origin: the browser says so (Origin, Sec-Fetch-Site) and the service accepts them.
        var writes = new List<Task<Dictionary<string, string>>>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                writes.Add(request.AllHeadersAsync());
            }
        };

        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("#model-name")).ToContainTextAsync("model ");

        // Drop both files on the drop zone, as a person dragging them from a file manager.
        await DropFilesAsync(page, "#dropzone", clips);
        await Expect(page.Locator(".upload-item.done")).ToHaveCountAsync(2);
        await Expect(page.Locator("#library-list .track-row")).ToHaveCountAsync(2);

        // Both songs' arousal and valence curves and paths are drawn, one point per second.
        foreach (string name in names)
        {
            await page.Locator("#library-list .track-row .open", new PageLocatorOptions { HasText = name }).ClickAsync();
            await Expect(page.Locator("#track-name")).ToHaveTextAsync(name);
            await CurvesShouldBeDrawnAsync(page);
        }

        // Keyboard: focus the timeline, Enter plays; the playhead moves along the curves.
        ILocator timeline = page.Locator("#timeline-chart svg");
        string startX = (await page.Locator("#timeline-chart .playhead").GetAttributeAsync("x1"))!;
        await timeline.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > 1; }");
        string movedX = (await page.Locator("#timeline-chart .playhead").GetAttributeAsync("x1"))!;
        double.Parse(movedX, CultureInfo.InvariantCulture).Should().BeGreaterThan(double.Parse(startX, CultureInfo.InvariantCulture));

        // Clicking the curve at 60 % of the song seeks there.
        double duration = await page.EvaluateAsync<double>("() => document.getElementById('audio').duration");
        LocatorBoundingBoxResult box = (await timeline.BoundingBoxAsync())!;
        const float left = 44, right = 14; // the chart's margins
        await page.Mouse.ClickAsync(box.X + left + (0.6f * (box.Width - left - right)), box.Y + (box.Height / 2));
        double position = await page.EvaluateAsync<double>("() => document.getElementById('audio').currentTime");
        position.Should().BeApproximately(0.6 * duration, 2.0);
        await Expect(page.Locator("#tooltip")).ToBeVisibleAsync();
        await Expect(page.Locator("#tooltip")).ToContainTextAsync("arousal");
        await Expect(page.Locator("#now")).ToContainTextAsync("valence");

        // Arrow keys step through the song.
        await timeline.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        (await page.EvaluateAsync<double>("() => document.getElementById('audio').currentTime")).Should().BeLessThan(1.5);

        // Under the player: the key of the song's notes and the chord of the current second, as the service's harmony has
        // them, after moving with the keyboard and while the song plays on into the next chord.
        await KeyAndChordsFollowThePlayheadAsync(page, address, timeline);

        // Like the first song; the other comes back as a recommendation, with its explanation, and plays from the list.
        await page.Locator($"#library-list button[aria-label='Like {names[0]}']").ClickAsync();
        await Expect(page.Locator($"#library-list button[aria-label='Like {names[0]}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("#recommend").ClickAsync();
        await Expect(page.Locator("#rec-list .rec")).ToHaveCountAsync(1);
        await Expect(page.Locator("#rec-list .rec .rec-name")).ToHaveTextAsync(names[1]);
        (await page.Locator("#rec-list .rec .why").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        await page.Locator("#rec-list .rec .play").ClickAsync();
        await Expect(page.Locator("#track-name")).ToHaveTextAsync(names[1]);
        await page.WaitForFunctionAsync(
            "(name) => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > 0.5 && document.getElementById('track-name').textContent === name; }",
            names[1]);

        // Leave the pointer over the curves for the screenshot.
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.45f), box.Y + (box.Height * 0.5f));
        string screenshot = Path.Combine(Chromium.ArtifactFolder(), "server-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        new FileInfo(screenshot).Length.Should().BeGreaterThan(50_000);

        problems.Should().BeEmpty("the page runs without console errors");
        Dictionary<string, string>[] headers = await Task.WhenAll(writes);
        headers.Should().HaveCountGreaterThanOrEqualTo(3, "two uploads and a recommendation request");
        headers.Should().OnlyContain(h => h["origin"] == address.GetLeftPart(UriPartial.Authority) && h["sec-fetch-site"] == "same-origin");
    }

    private static async Task KeyAndChordsFollowThePlayheadAsync(IPage page, Uri address, ILocator timeline)
    {
        string id = await page.EvaluateAsync<string>("() => new URL(document.getElementById('download-csv').href).pathname.split('/')[3]");
        using var http = new HttpClient { BaseAddress = address };
        using JsonDocument document = JsonDocument.Parse(await http.GetStringAsync($"api/tracks/{id}/harmony"));
        JsonElement harmony = document.RootElement;
        string key = harmony.GetProperty("key").ValueKind == JsonValueKind.Null ? "none" : harmony.GetProperty("key").GetProperty("label").GetString()!;
        await Expect(page.Locator("#harmony-key")).ToHaveTextAsync($"Key from the notes: {key}");

        // The chroma key of the audio (the track's sound.key) is labelled as such in the heading, apart from the notes' key.
        using JsonDocument track = JsonDocument.Parse(await http.GetStringAsync($"api/tracks/{id}"));
        string chromaKey = track.RootElement.GetProperty("sound").GetProperty("key").GetString()!;
        await Expect(page.Locator("#track-meta")).ToContainTextAsync($" · Key (chroma): {chromaKey}");
        (double Start, double End, string Label)[] chords = [.. harmony.GetProperty("chords").EnumerateArray()
            .Select(c => (c.GetProperty("start").GetDouble(), c.GetProperty("end").GetDouble(), c.GetProperty("label").GetString()!))];
        // The first chord followed at once by another (the notes of a real recording name chords nearly every second).
        int i = Enumerable.Range(0, Math.Max(0, chords.Length - 1)).First(k => chords[k + 1].Start == chords[k].End && chords[k + 1].Label != chords[k].Label && chords[k].Start >= 1);
        (double start, _, string label) = chords[i];

        await page.EvaluateAsync("() => document.getElementById('audio').pause()");
        await timeline.FocusAsync();
        await page.Keyboard.PressAsync("Home");
        for (int second = 0; second < (int)start; second++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        (await page.EvaluateAsync<double>("() => document.getElementById('audio').currentTime")).Should().BeApproximately(start, 0.01);
        await Expect(page.Locator("#harmony-chord")).ToHaveTextAsync($"Chord now: {label}");
        await page.Keyboard.PressAsync("Enter"); // play on into the next chord
        await page.WaitForFunctionAsync(
            "([from, next]) => { const a = document.getElementById('audio'); return !a.paused && a.currentTime >= from && document.getElementById('harmony-chord').textContent === `Chord now: ${next}`; }",
            new object[] { chords[i + 1].Start, chords[i + 1].Label });
    }

    private static async Task CurvesShouldBeDrawnAsync(IPage page)
    {
        int seconds = await page.EvaluateAsync<int>("async () => (await (await fetch(document.getElementById('download-csv').href)).text()).trim().split('\\n').length - 1");
        seconds.Should().BeGreaterThan(20);
        foreach (string selector in new[] { "#timeline-chart polyline.curve.arousal", "#timeline-chart polyline.curve.valence", "#plane-chart polyline.path" })
        {
            ILocator curve = page.Locator(selector);
            string points = (await curve.GetAttributeAsync("points"))!;
            points.Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(seconds, selector);
            LocatorBoundingBoxResult? box = await curve.BoundingBoxAsync();
            box.Should().NotBeNull(selector);
        }

        LocatorBoundingBoxResult line = (await page.Locator("#timeline-chart polyline.curve.arousal").BoundingBoxAsync())!;
        LocatorBoundingBoxResult chart = (await page.Locator("#timeline-chart svg").BoundingBoxAsync())!;
        line.Width.Should().BeGreaterThan(chart.Width * 0.8f, "the curve spans the song");
    }

    /// <summary>Dispatches dragenter, dragover and drop events carrying <paramref name="files"/> (real bytes) on <paramref name="selector"/>.</summary>
    private static async Task DropFilesAsync(IPage page, string selector, string[] files)
    {
        var payload = files.Select(f => new { name = Path.GetFileName(f), data = Convert.ToBase64String(File.ReadAllBytes(f)) }).ToArray();
        IJSHandle transfer = await page.EvaluateHandleAsync(@"(files) => {
            const transfer = new DataTransfer();
            for (const f of files) {
                const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], f.name, { type: 'audio/mpeg' }));
            }
            return transfer;
        }", payload);
        foreach (string type in new[] { "dragenter", "dragover", "drop" })
        {
            await page.DispatchEventAsync(selector, type, new Dictionary<string, object> { ["dataTransfer"] = transfer });
        }
    }
}
