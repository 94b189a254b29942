using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Recommending;

/// <summary>Explanations name the key when the liked key and the candidate's are known and the same or closely related.</summary>
public sealed class KeyExplanationTests
{
    private static readonly MusicalKey AMinor = new(9, MusicalMode.Minor, 0.9);

    private static async Task<InMemoryTrackCatalog> CatalogWith(params TrackRecord[] named)
    {
        var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 40; i++)
        {
            float[] sound = TestTracks.Sound(100 + i, 8).Select(v => v * 0.3f).ToArray();
            await catalog.AddAsync(TestTracks.Make($"filler {i}", sound, TestTracks.Flat(((i % 9) - 4) / 10f), key: new MusicalKey(i % 12, MusicalMode.Major, 0.2)));
        }

        foreach (TrackRecord track in named)
        {
            await catalog.AddAsync(track);
        }

        return catalog;
    }

    private static TrackRecord Song(string name, MusicalKey key, float shift = 0) =>
        TestTracks.Make(name, [3, shift, 0, 0.2f], TestTracks.Flat(0.2f), key: key);

    private static async Task<Dictionary<string, string>> ExplanationsAsync(InMemoryTrackCatalog catalog, string[] liked, ITempoKeySource? tempoKey = null)
    {
        using var recommender = new Recommender(catalog, TestTracks.Model, TestTracks.Version, new RecommenderOptions { Weights = BlockWeights.DescriptorsOnly }, tempoKey);
        RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest { Liked = liked, K = 50 });
        return result.Items.ToDictionary(r => r.SourceName, r => r.Explanation);
    }

    [Fact]
    public async Task The_same_or_a_related_key_is_named_and_a_distant_parallel_or_weak_key_is_not()
    {
        TrackRecord liked = Song("liked", AMinor);
        InMemoryTrackCatalog catalog = await CatalogWith(
            liked,
            Song("same", new MusicalKey(9, MusicalMode.Minor, 0.8), 0.1f),
            Song("relative", new MusicalKey(0, MusicalMode.Major, 0.8), 0.2f),
            Song("fifth", new MusicalKey(4, MusicalMode.Minor, 0.8), 0.3f),
            Song("parallel", new MusicalKey(9, MusicalMode.Major, 0.8), 0.4f),
            Song("distant", new MusicalKey(3, MusicalMode.Major, 0.8), 0.5f),
            Song("weak", new MusicalKey(9, MusicalMode.Minor, 0.3), 0.6f));

        Dictionary<string, string> said = await ExplanationsAsync(catalog, [liked.Id]);

        said["same"].Should().Contain("in the same key (A minor)");
        said["relative"].Should().Contain("in a related key (relative: A minor to C major)");
        said["fifth"].Should().Contain("in a related key (a fifth: A minor to E minor)");
        foreach (string name in new[] { "parallel", "distant", "weak" })
        {
            said[name].Should().NotContain("key", $"{name}: a parallel or distant key is not a likeness, and a weak key is not known");
        }

        // The key belongs to the sound part: it follows the similar descriptor groups, before the mood.
        said["same"].Should().MatchRegex("^similar [^;]+; in the same key \\(A minor\\)");
    }

    [Fact]
    public async Task Several_liked_songs_name_a_key_only_when_they_all_share_it()
    {
        TrackRecord first = Song("first", AMinor), second = Song("second", new MusicalKey(9, MusicalMode.Minor, 0.75), 0.05f);
        TrackRecord other = Song("other key", new MusicalKey(2, MusicalMode.Minor, 0.9), 0.08f);
        TrackRecord candidate = Song("candidate", new MusicalKey(9, MusicalMode.Minor, 0.8), 0.1f);
        InMemoryTrackCatalog catalog = await CatalogWith(first, second, other, candidate);

        (await ExplanationsAsync(catalog, [first.Id, second.Id]))["candidate"].Should().Contain("in the same key (A minor)");
        (await ExplanationsAsync(catalog, [first.Id, other.Id]))["candidate"].Should().NotContain("key", "the liked songs are in A minor and D minor");
    }

    [Fact]
    public async Task The_key_comes_from_the_tempo_and_key_source()
    {
        TrackRecord liked = Song("liked", AMinor);
        InMemoryTrackCatalog catalog = await CatalogWith(liked, Song("same", new MusicalKey(9, MusicalMode.Minor, 0.8), 0.1f));

        (await ExplanationsAsync(catalog, [liked.Id]))["same"].Should().Contain("in the same key (A minor)");
        (await ExplanationsAsync(catalog, [liked.Id], new DescriptorTempoKeySource(0.85)))["same"].Should().NotContain("key", "the candidate's key (0.8) is below this source's threshold");
    }
}
