using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Recommending;

public sealed class RecommenderTests
{
    private static float[] Axis(params (int Index, float Value)[] entries)
    {
        var values = new float[8];
        foreach ((int index, float value) in entries)
        {
            values[index] = value;
        }

        return values;
    }

    /// <summary>40 tracks of small random sound so that the catalog statistics are stable, plus the named ones.</summary>
    private static async Task<InMemoryTrackCatalog> CatalogWith(params TrackRecord[] named)
    {
        var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 40; i++)
        {
            float[] sound = TestTracks.Sound(100 + i, 8).Select(v => v * 0.3f).ToArray();
            await catalog.AddAsync(TestTracks.Make($"filler {i}", sound, TestTracks.Flat(((i % 9) - 4) / 10f)));
        }

        foreach (TrackRecord track in named)
        {
            await catalog.AddAsync(track);
        }

        return catalog;
    }

    private static Recommender Create(ITrackCatalog catalog, BlockWeights? weights = null) =>
        new(catalog, TestTracks.Model, TestTracks.Version, new RecommenderOptions { Weights = weights ?? BlockWeights.DescriptorsOnly });

    [Fact]
    public async Task The_nearest_tracks_come_first_and_liked_or_disliked_tracks_never_come_back()
    {
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3)), TestTracks.Flat(0.2f));
        TrackRecord twin = TestTracks.Make("twin", Axis((0, 3), (3, 0.3f)), TestTracks.Flat(0.2f));
        TrackRecord cousin = TestTracks.Make("cousin", Axis((0, 2), (3, 1.5f)), TestTracks.Flat(0.2f));
        TrackRecord disliked = TestTracks.Make("disliked", Axis((0, 2.9f), (1, 0.2f)), TestTracks.Flat(0.2f));
        using var recommender = Create(await CatalogWith(liked, twin, cousin, disliked));

        RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest { Liked = [liked.Id], Disliked = [disliked.Id], K = 5 });

        result.Items.Should().HaveCount(5);
        result.Items.Select(r => r.SourceName).Take(2).Should().Equal("twin", "cousin");
        result.Items.Select(r => r.TrackId).Should().NotContain([liked.Id, disliked.Id]);
        result.Items.Select(r => r.Score).Should().BeInDescendingOrder();
        result.SearchKind.Should().Be("exact");
        result.SearchedTracks.Should().Be(44);
        result.Items[0].ClosestLikedId.Should().Be(liked.Id);
        result.Items[0].Blocks.Should().ContainSingle().Which.Block.Should().Be(VectorBlock.Descriptors);
    }

    [Fact]
    public async Task Disliking_a_track_pushes_its_neighbours_down()
    {
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3)), TestTracks.Flat(0f));
        TrackRecord disliked = TestTracks.Make("disliked", Axis((1, 3)), TestTracks.Flat(0f));
        TrackRecord leansDisliked = TestTracks.Make("leans to disliked", Axis((0, 2.4f), (1, 1.8f)), TestTracks.Flat(0f));
        TrackRecord elsewhere = TestTracks.Make("elsewhere", Axis((0, 2.25f), (2, 1.98f)), TestTracks.Flat(0f));
        using var recommender = Create(await CatalogWith(liked, disliked, leansDisliked, elsewhere));

        RecommendationResult plain = await recommender.RecommendAsync(new RecommendationRequest { Liked = [liked.Id], K = 2 });
        RecommendationResult pushed = await recommender.RecommendAsync(new RecommendationRequest { Liked = [liked.Id], Disliked = [disliked.Id], K = 2 });

        plain.Items.Select(r => r.SourceName).Should().Equal("leans to disliked", "elsewhere");
        pushed.Items.Select(r => r.SourceName).Should().Equal("elsewhere", "leans to disliked");
    }

    [Fact]
    public async Task Duration_and_exclusion_filters_apply()
    {
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3)), TestTracks.Flat(0f));
        TrackRecord near = TestTracks.Make("near but long", Axis((0, 3), (2, 0.1f)), TestTracks.Flat(0f, 300));
        TrackRecord excluded = TestTracks.Make("near but excluded", Axis((0, 3), (2, 0.2f)), TestTracks.Flat(0f));
        using var recommender = Create(await CatalogWith(liked, near, excluded));

        RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest
        {
            Liked = [liked.Id],
            ExcludeIds = [excluded.Id],
            MaxDurationSeconds = 120,
            MinDurationSeconds = 10,
            K = 44,
        });

        result.Items.Should().HaveCount(40, "only the 40 fillers are 10 s to 120 s long and not excluded");
        result.Items.Select(r => r.SourceName).Should().OnlyContain(n => n.StartsWith("filler"));
    }

    [Fact]
    public async Task Diversity_gives_way_to_a_different_good_match_instead_of_a_near_duplicate()
    {
        // The named tracks are 100 s long, the fillers 60 s: a duration filter keeps the pool to the three candidates.
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3), (1, 1), (2, 1)), TestTracks.Flat(0f, 100));
        TrackRecord first = TestTracks.Make("copy A", Axis((0, 3), (1, 1.5f), (2, 1)), TestTracks.Flat(0f, 100));
        TrackRecord second = TestTracks.Make("copy B", Axis((0, 3), (1, 1.52f), (2, 1)), TestTracks.Flat(0f, 100));
        TrackRecord other = TestTracks.Make("other", Axis((0, 3), (1, 1), (2, 1.7f)), TestTracks.Flat(0f, 100));
        using var recommender = Create(await CatalogWith(liked, first, second, other));
        var request = new RecommendationRequest { Liked = [liked.Id], K = 2, MinDurationSeconds = 90 };

        RecommendationResult similar = await recommender.RecommendAsync(request);
        RecommendationResult diverse = await recommender.RecommendAsync(request with { Diversity = 0.5 });

        similar.Items.Select(r => r.SourceName).Should().BeEquivalentTo("copy A", "copy B");
        diverse.Items.Select(r => r.SourceName).Should().HaveCount(2).And.Contain("other").And.ContainSingle(n => n.StartsWith("copy"));

        // What reordered the list is visible: without diversity the score is the relevance; with it, the score (the order
        // shown) is the relevance plus the diversity contribution, every value on [0, 1].
        similar.Diversity.Should().Be(0);
        similar.Items.Should().OnlyContain(r => r.DiversityContribution == 0 && r.Score == r.Relevance && r.Relevance == Recommendation.RelevanceOf(r.Similarity));
        diverse.Diversity.Should().Be(0.5);
        diverse.Items.Select(r => r.Score).Should().BeInDescendingOrder();
        diverse.Items.Should().OnlyContain(r => r.Score >= 0 && r.Score <= 1 && Math.Abs(r.Score - (r.Relevance + r.DiversityContribution)) < 1e-12);
        Recommendation skippedCopy = similar.Items.Single(r => r.SourceName != diverse.Items.Single(d => d.SourceName.StartsWith("copy", StringComparison.Ordinal)).SourceName);
        diverse.Items.Single(r => r.SourceName == "other").Relevance.Should().BeLessThan(skippedCopy.Relevance,
            "diversity lists a less relevant track instead of the near-duplicate, and says so with the contributions");
    }

    [Fact]
    public async Task Stale_unknown_and_malformed_requests_fail_with_a_reason()
    {
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3)), TestTracks.Flat(0f));
        TrackRecord stale = TestTracks.Make("old model", Axis((0, 3), (2, 0.1f)), TestTracks.Flat(0f), version: "0.1.0");
        using var recommender = Create(await CatalogWith(liked, stale));

        RecommendationResult result = await recommender.SimilarAsync(liked.Id, 50);
        result.StaleTracks.Should().Be(1);
        result.Items.Select(r => r.TrackId).Should().NotContain(stale.Id);

        async Task<RecommendationFailure> FailureOf(RecommendationRequest request) =>
            (await FluentActions.Awaiting(() => recommender.RecommendAsync(request)).Should().ThrowAsync<RecommendationException>()).Which.Reason;
        (await FailureOf(new RecommendationRequest { Liked = [stale.Id] })).Should().Be(RecommendationFailure.StaleTrack);
        (await FailureOf(new RecommendationRequest { Liked = [TrackId.Compute("nope"u8)] })).Should().Be(RecommendationFailure.UnknownTrack);
        (await FailureOf(new RecommendationRequest { Liked = [] })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = ["<script>"] })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], K = 0 })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], Diversity = 1.5 })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], MinDurationSeconds = 10, MaxDurationSeconds = 5 })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], MinDurationSeconds = -1 })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], MaxDurationSeconds = -5 })).Should().Be(RecommendationFailure.InvalidRequest);
        (await FailureOf(new RecommendationRequest { Liked = [liked.Id], Disliked = [liked.Id.ToUpperInvariant()] })).Should().Be(RecommendationFailure.InvalidRequest);
    }

    [Fact]
    public async Task New_tracks_are_searched_after_they_are_added_and_statistics_refresh_when_the_catalog_grows()
    {
        TrackRecord liked = TestTracks.Make("liked", Axis((0, 3)), TestTracks.Flat(0f));
        InMemoryTrackCatalog catalog = await CatalogWith(liked);
        using var recommender = Create(catalog);
        await recommender.SimilarAsync(liked.Id);
        (await catalog.GetStatisticsAsync())!.TrackCount.Should().Be(41);

        TrackRecord newcomer = TestTracks.Make("newcomer", Axis((0, 3), (4, 0.05f)), TestTracks.Flat(0f));
        await catalog.AddAsync(newcomer);
        RecommendationResult result = await recommender.SimilarAsync(liked.Id, 1);

        result.Items.Single().SourceName.Should().Be("newcomer");
        (await catalog.GetStatisticsAsync())!.TrackCount.Should().Be(41, "one more track is within the 10 % refresh margin");

        for (int i = 0; i < 5; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"late {i}", TestTracks.Sound(500 + i, 8), TestTracks.Flat(0.3f)));
        }

        await recommender.RefreshAsync();
        (await catalog.GetStatisticsAsync())!.TrackCount.Should().Be(47);
    }

    [Fact]
    public async Task Arc_similarity_finds_the_same_shape_whatever_the_sound_and_level()
    {
        TrackRecord liked = TestTracks.Make("build", Axis((0, 3)), TestTracks.Ramp(-0.6f, 0.6f, 90));
        TrackRecord otherBuild = TestTracks.Make("another build", Axis((5, -3)), TestTracks.Ramp(0.0f, 0.9f, 120));
        TrackRecord fade = TestTracks.Make("fade", Axis((0, 3)), TestTracks.Ramp(0.6f, -0.6f, 90));
        using var recommender = new Recommender(await CatalogWith(liked, otherBuild, fade), TestTracks.Model, TestTracks.Version);

        RecommendationResult result = await recommender.SimilarAsync(liked.Id, 43, SimilarityKind.EmotionalArc);

        result.Similarity.Should().Be(SimilarityKind.EmotionalArc);
        result.Items[0].SourceName.Should().Be("another build");
        result.Items[0].Explanation.Should().Contain("the same calm-to-intense build");
        result.Items[^1].SourceName.Should().Be("fade");
        result.Items[0].Blocks.Should().ContainSingle().Which.Block.Should().Be(VectorBlock.EmotionArc);
    }

    [Fact]
    public async Task Explanations_name_what_is_close_and_what_differs()
    {
        int centroid = TrackDescriptors.IndexOf("centroid_mean_hz");
        int tempo = TrackDescriptors.IndexOf("tempo_bpm");
        float[] Sound(float tempoBpm, float centroidHz)
        {
            var values = new float[TrackDescriptors.Names.Count];
            values[tempo] = tempoBpm;
            values[centroid] = centroidHz;
            return values;
        }

        var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 30; i++)
        {
            await catalog.AddAsync(TestTracks.Make($"filler {i}", Sound(80 + (3 * i), 1000 + (60 * i)), TestTracks.Flat(((i % 7) - 3) / 10f)));
        }

        TrackRecord liked = TestTracks.Make("liked", Sound(120, 1500), TestTracks.Flat(-0.4f), TestTracks.Flat(0.3f));
        TrackRecord candidate = TestTracks.Make("candidate", Sound(150, 2800), TestTracks.Flat(0.1f), TestTracks.Flat(0.32f));
        await catalog.AddAsync(liked);
        await catalog.AddAsync(candidate);
        using var recommender = new Recommender(catalog, TestTracks.Model, TestTracks.Version, new RecommenderOptions { Weights = new BlockWeights(0.5, 0.5, 0) });

        RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest { Liked = [liked.Id], K = 32 });
        string explanation = result.Items.Single(r => r.SourceName == "candidate").Explanation;

        explanation.Should().Contain("brighter").And.Contain("faster").And.Contain("more energetic");
        explanation.Should().NotContain("more positive", "valence differs by only 0.02");
        explanation.Should().Contain("similar", "the other descriptor groups are identical");
    }
}
