using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Journeys;

public sealed class JourneyPlannerTests
{
    private static readonly MoodPath CalmToEnergetic = MoodPath.Through(new MoodPoint(0.4, -0.6), new MoodPoint(0.3, 0.6));

    /// <summary>Arousal from -0.6 to 0.6 at valence 0.3: the first of two stretches runs from -0.6 to 0.</summary>
    private static readonly MoodPath Rising = MoodPath.Through(new MoodPoint(0.3, -0.6), new MoodPoint(0.3, 0.6));

    [Fact]
    public async Task Plans_songs_whose_curves_follow_the_path_in_order_without_repeats()
    {
        using var catalog = new InMemoryTrackCatalog();
        // Twelve songs, each a ramp over a twelfth of the arousal range, added in shuffled order.
        foreach (int i in new[] { 7, 2, 11, 0, 5, 9, 3, 10, 1, 6, 8, 4 })
        {
            float from = -0.6f + (i * 0.1f), to = from + 0.1f;
            await catalog.AddAsync(Track($"ramp{i}", TestTracks.Ramp(from, to, 40), TestTracks.Ramp(0.4f - (i * 0.01f), 0.4f - ((i + 1) * 0.01f), 40)));
        }

        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);
        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 12 });

        plan.Steps.Select(s => s.SourceName).Should().Equal(Enumerable.Range(0, 12).Select(i => $"ramp{i}"));
        plan.Steps.Select(s => s.TrackId).Should().OnlyHaveUniqueItems();
        plan.PathError.Should().BeLessThan(0.06);
        plan.MeanHandOverJump.Should().BeLessThan(0.1);
        plan.Steps[0].HandOverJump.Should().BeNull();
        plan.Steps[0].PathFrom.Should().Be(0);
        plan.Steps[^1].PathTo.Should().Be(1);
        plan.Steps[1].StartSeconds.Should().Be(40);
        plan.Steps[0].Explanation.Should().StartWith("Opens the journey");
        plan.Steps[^1].Explanation.Should().Contain("ends the journey");
    }

    [Fact]
    public async Task Prefers_the_song_whose_start_continues_the_last_song_among_songs_with_the_same_mean()
    {
        using var catalog = new InMemoryTrackCatalog();
        // The first song rises into the middle; two candidates share a mean, but only one starts where the first ends.
        await catalog.AddAsync(Track("opening", TestTracks.Ramp(-0.6f, 0f, 60), TestTracks.Flat(0.3f)));
        await catalog.AddAsync(Track("continues", TestTracks.Ramp(0f, 0.6f, 60), TestTracks.Flat(0.3f)));
        await catalog.AddAsync(Track("jumps", TestTracks.Ramp(0.6f, 0f, 60), TestTracks.Flat(0.3f)));
        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);

        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 2 });

        plan.Steps.Select(s => s.SourceName).Should().Equal("opening", "continues");
        plan.Steps[1].HandOverJump.Should().BeLessThan(JourneyMeasures.HandOverJump(catalogTimeline("opening"), catalogTimeline("jumps")));
        plan.Steps[1].Explanation.Should().Contain("from the last song");

        EmotionTimeline catalogTimeline(string name) => catalog.ReadAllAsync().ToBlockingEnumerable().Single(t => t.SourceName == name).Timeline;
    }

    [Fact]
    public async Task Chooses_candidates_for_a_stretch_by_how_their_curve_follows_it_not_by_their_mean()
    {
        using var catalog = new InMemoryTrackCatalog();
        // On the first stretch (arousal -0.6 to 0) "against" has the stretch's mean but falls while the path rises;
        // "follows" rises with it, a little lower. With one candidate per stretch, only the curve can pick "follows".
        await catalog.AddAsync(Track("against", TestTracks.Ramp(0f, -0.6f, 30), TestTracks.Flat(0.3f, 30)));
        await catalog.AddAsync(Track("follows", TestTracks.Ramp(-0.65f, -0.05f, 30), TestTracks.Flat(0.3f, 30)));
        await catalog.AddAsync(Track("second", TestTracks.Ramp(0f, 0.6f, 30), TestTracks.Flat(0.3f, 30)));
        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version,
            new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 1, RefinementMoves = 0 });

        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });

        plan.Steps.Select(s => s.SourceName).Should().Equal("follows", "second");
        plan.Steps[0].PathError.Should().BeApproximately(0.05, 1e-4);
    }

    [Fact]
    public async Task A_liked_song_a_little_farther_by_mean_still_competes_for_a_stretch()
    {
        using var catalog = new InMemoryTrackCatalog();
        // One stretch, one candidate: "on path" follows it (about 0.01 off), "beside" lies 0.04 to the side and "liked"
        // 0.045, but the liked bonus (0.05) makes "liked" the cheapest. Scoring must not stop at "beside".
        await catalog.AddAsync(Track("on path", TestTracks.Ramp(-0.6f, 0.6f, 30), TestTracks.Flat(0.3f, 30)));
        await catalog.AddAsync(Track("beside", TestTracks.Flat(0f, 30), TestTracks.Flat(0.34f, 30)));
        TrackRecord liked = Track("liked", TestTracks.Ramp(-0.6f, 0.6f, 30), TestTracks.Flat(0.345f, 30));
        await catalog.AddAsync(liked);
        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version, new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 1 });

        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = Rising, Songs = 1, Liked = [liked.Id] });
        JourneyPlan withoutLikes = await planner.PlanAsync(new JourneyRequest { Path = Rising, Songs = 1 });

        plan.Steps.Select(s => s.SourceName).Should().Equal("liked");
        withoutLikes.Steps.Select(s => s.SourceName).Should().Equal("on path");
    }

    [Fact]
    public async Task The_local_search_swaps_songs_a_narrow_beam_put_in_the_wrong_order()
    {
        using var catalog = new InMemoryTrackCatalog();
        // "low" fits the first stretch a little worse than "middle" does, but "middle" is the only one that fits the
        // second: a greedy search (one partial journey, one candidate per stretch) takes "middle" first.
        await catalog.AddAsync(Track("middle", TestTracks.Flat(-0.1f, 30), TestTracks.Flat(0.3f, 30)));
        await catalog.AddAsync(Track("low", TestTracks.Flat(-0.55f, 30), TestTracks.Flat(0.3f, 30)));
        var greedy = new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 1, RefinementMoves = 0 };
        var refined = new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 1 };

        JourneyPlan before = await new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version, greedy).PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });
        JourneyPlan after = await new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version, refined).PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });
        JourneyPlan wide = await new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version).PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });

        before.Steps.Select(s => s.SourceName).Should().Equal("middle", "low");
        after.Steps.Select(s => s.SourceName).Should().Equal("low", "middle");
        after.PathError.Should().BeLessThan(before.PathError);
        wide.Steps.Select(s => s.TrackId).Should().Equal(after.Steps.Select(s => s.TrackId));
    }

    [Fact]
    public async Task The_local_search_replaces_a_song_whose_end_jumps_away_from_the_rest_of_the_journey()
    {
        using var catalog = new InMemoryTrackCatalog();
        // "flat" fits the first stretch best on its own (0.15 off) but ends far below where "rise" starts; "offset"
        // fits a little worse (0.2 off, to the side) and ends near it: 0.15 + 0.4 against 0.2 + 0.28.
        await catalog.AddAsync(Track("flat", TestTracks.Flat(-0.3f, 30), TestTracks.Flat(0.3f, 30)));
        await catalog.AddAsync(Track("offset", TestTracks.Ramp(-0.6f, 0f, 30), TestTracks.Flat(0.5f, 30)));
        await catalog.AddAsync(Track("rise", TestTracks.Ramp(0f, 0.6f, 30), TestTracks.Flat(0.3f, 30)));
        var greedy = new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 2, RefinementMoves = 0 };
        var refined = new JourneyPlannerOptions { BeamWidth = 1, CandidatesPerStep = 2 };

        JourneyPlan before = await new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version, greedy).PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });
        JourneyPlan after = await new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version, refined).PlanAsync(new JourneyRequest { Path = Rising, Songs = 2 });

        before.Steps.Select(s => s.SourceName).Should().Equal("flat", "rise");
        after.Steps.Select(s => s.SourceName).Should().Equal("offset", "rise");
        after.MeanHandOverJump.Should().BeLessThan(before.MeanHandOverJump);
        (after.PathError + after.MeanHandOverJump).Should().BeLessThan(before.PathError + before.MeanHandOverJump);
    }

    [Fact]
    public async Task Plans_are_deterministic_whatever_order_the_catalog_holds_its_tracks_in()
    {
        // Twenty songs with twins of equal curves: ties are broken by id, not by the order the catalog returns them in.
        TrackRecord[] tracks = Enumerable.Range(0, 20)
            .Select(i => Track($"song{i}", TestTracks.Ramp(-0.6f + ((i % 10) * 0.12f), -0.5f + ((i % 10) * 0.12f), 30), TestTracks.Flat(0.3f + ((i % 10 % 3) * 0.05f), 30)))
            .ToArray();
        using var forwards = new InMemoryTrackCatalog();
        using var backwards = new InMemoryTrackCatalog();
        foreach (TrackRecord t in tracks)
        {
            await forwards.AddAsync(t);
        }

        foreach (TrackRecord t in tracks.Reverse())
        {
            await backwards.AddAsync(t);
        }

        var request = new JourneyRequest { Path = Rising, Songs = 8 };
        JourneyPlan a = await new JourneyPlanner(forwards, TestTracks.Model, TestTracks.Version).PlanAsync(request);
        JourneyPlan b = await new JourneyPlanner(backwards, TestTracks.Model, TestTracks.Version).PlanAsync(request);

        a.Steps.Select(s => s.TrackId).Should().Equal(b.Steps.Select(s => s.TrackId));
        a.Steps.Select(s => s.TrackId).Should().OnlyHaveUniqueItems().And.HaveCount(8);
    }

    [Fact]
    public async Task Never_plans_disliked_excluded_stale_or_filtered_tracks_and_prefers_liked_ones()
    {
        using var catalog = new InMemoryTrackCatalog();
        // The liked song and its twin fit the first half; the better fits of the second half are all ruled out but one.
        TrackRecord liked = Track("liked", TestTracks.Ramp(-0.6f, 0f, 30), TestTracks.Flat(0.4f, 30));
        TrackRecord twin = Track("twin", TestTracks.Ramp(-0.6f, 0f, 30), TestTracks.Flat(0.4f, 30));
        TrackRecord disliked = Track("disliked", TestTracks.Ramp(0f, 0.6f, 30), TestTracks.Flat(0.35f, 30));
        TrackRecord excluded = Track("excluded", TestTracks.Ramp(0f, 0.6f, 30), TestTracks.Flat(0.35f, 30));
        TrackRecord longOne = Track("long", TestTracks.Ramp(0f, 0.6f, 900), TestTracks.Flat(0.35f, 900));
        TrackRecord stale = Track("stale", TestTracks.Ramp(0f, 0.6f, 30), TestTracks.Flat(0.35f, 30), version: "0.9");
        TrackRecord fallback = Track("fallback", TestTracks.Ramp(0.1f, 0.4f, 30), TestTracks.Flat(0.3f, 30));
        foreach (TrackRecord t in new[] { liked, twin, disliked, excluded, longOne, stale, fallback })
        {
            await catalog.AddAsync(t);
        }

        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);
        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest
        {
            Path = CalmToEnergetic,
            Songs = 2,
            Liked = [liked.Id],
            Disliked = [disliked.Id],
            ExcludeIds = [excluded.Id],
            MaxDurationSeconds = 600,
        });

        plan.Steps.Select(s => s.SourceName).Should().Equal("liked", "fallback");
        plan.Steps[0].Liked.Should().BeTrue();
        plan.Steps[0].Explanation.Should().Contain("one of your liked songs");
        plan.StaleTracks.Should().Be(1);
        plan.EligibleTracks.Should().Be(3);
    }

    [Fact]
    public async Task Never_plans_a_track_without_music_and_measures_only_the_music_seconds()
    {
        using var catalog = new InMemoryTrackCatalog();
        // "silent" would fit the path perfectly if its zeros were moods; "tail-silence" ends in 20 s of silence whose
        // zeros would pull its tail towards the middle of the plane.
        TrackRecord calm = Track("calm", TestTracks.Ramp(-0.6f, 0f, 40), TestTracks.Flat(0.35f, 40));
        TrackRecord silent = WithPresence(Track("silent", TestTracks.Ramp(0f, 0.6f, 40), TestTracks.Flat(0.35f, 40)), _ => MusicPresence.Silence);
        float[] arousal = [.. TestTracks.Ramp(0.6f, 0.6f, 40), .. TestTracks.Flat(0f, 20)];
        TrackRecord tailSilence = WithPresence(Track("tail-silence", arousal, TestTracks.Flat(0.3f, 60)), s => s < 40 ? MusicPresence.Music : MusicPresence.Silence);
        foreach (TrackRecord t in new[] { calm, silent, tailSilence })
        {
            await catalog.AddAsync(t);
        }

        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);
        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 3 });

        plan.Steps.Select(s => s.SourceName).Should().Equal("calm", "tail-silence");
        plan.Shortened.Should().BeTrue();
        plan.NoMusicTracks.Should().Be(1);
        plan.EligibleTracks.Should().Be(2);
        plan.Steps[1].Tail.Arousal.Should().BeApproximately(0.6, 1e-6, "the silent seconds carry no mood");
        JourneyMeasures.Mean(tailSilence.Timeline)!.Value.Arousal.Should().BeApproximately(0.6, 1e-6);
        JourneyMeasures.PathError(tailSilence.Timeline, MoodPath.Through(new MoodPoint(0.3, 0.6), new MoodPoint(0.3, 0.6)), 0, 1).Should().BeApproximately(0, 1e-6);

        Func<Task> likedSilence = () => planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, Liked = [silent.Id] });
        (await likedSilence.Should().ThrowAsync<RecommendationException>()).Which.Reason.Should().Be(RecommendationFailure.NoMusicTrack);

        using var onlySilence = new InMemoryTrackCatalog();
        await onlySilence.AddAsync(silent);
        Func<Task> nothing = () => new JourneyPlanner(onlySilence, TestTracks.Model, TestTracks.Version).PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 2 });
        (await nothing.Should().ThrowAsync<RecommendationException>()).Which.Message.Should().Contain("1 without music");
    }

    [Fact]
    public async Task Plans_for_a_target_duration_and_says_when_the_catalog_runs_short()
    {
        using var catalog = new InMemoryTrackCatalog();
        for (int i = 0; i < 8; i++)
        {
            await catalog.AddAsync(Track($"song{i}", TestTracks.Flat(-0.6f + (i * 0.15f), 120), TestTracks.Flat(0.3f, 120)));
        }

        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);
        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, TargetDurationSeconds = 600 });
        plan.Steps.Should().HaveCount(5);
        plan.DurationSeconds.Should().Be(600);
        plan.Shortened.Should().BeFalse();

        JourneyPlan tooLong = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 20 });
        tooLong.Steps.Should().HaveCount(8);
        tooLong.Shortened.Should().BeTrue();
    }

    [Fact]
    public async Task Mentions_tempo_and_key_at_a_hand_over_and_weighs_them_when_moods_tie()
    {
        using var catalog = new InMemoryTrackCatalog();
        // Two candidates for the second half with the same curve: only tempo and key tell them apart.
        await catalog.AddAsync(Track("first", TestTracks.Ramp(-0.6f, 0f, 40), TestTracks.Flat(0.4f, 40), tempo: 120, key: new MusicalKey(9, MusicalMode.Minor, 0.9)));
        await catalog.AddAsync(Track("far key", TestTracks.Ramp(0f, 0.6f, 40), TestTracks.Flat(0.35f, 40), tempo: 150, key: new MusicalKey(6, MusicalMode.Major, 0.9)));
        await catalog.AddAsync(Track("same key", TestTracks.Ramp(0f, 0.6f, 40), TestTracks.Flat(0.35f, 40), tempo: 124, key: new MusicalKey(0, MusicalMode.Major, 0.9)));
        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);

        JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = CalmToEnergetic, Songs = 2 });

        plan.Steps.Select(s => s.SourceName).Should().Equal("first", "same key");
        plan.Steps[1].KeyRelation.Should().Be(KeyRelation.Relative);
        plan.Steps[1].Explanation.Should().Contain("the relative key of the last song (A minor to C major)").And.Contain("4 BPM faster (124 BPM)");
    }

    [Fact]
    public async Task Refuses_bad_requests_with_the_reason()
    {
        using var catalog = new InMemoryTrackCatalog();
        TrackRecord track = Track("one", TestTracks.Flat(0f, 30), TestTracks.Flat(0f, 30));
        await catalog.AddAsync(track);
        var planner = new JourneyPlanner(catalog, TestTracks.Model, TestTracks.Version);

        async Task<RecommendationException> Refusal(JourneyRequest r) => (await FluentActions.Awaiting(() => planner.PlanAsync(r)).Should().ThrowAsync<RecommendationException>()).Which;

        (await Refusal(new JourneyRequest { Path = CalmToEnergetic })).Reason.Should().Be(RecommendationFailure.InvalidRequest);
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, TargetDurationSeconds = 60 })).Reason.Should().Be(RecommendationFailure.InvalidRequest);
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 0 })).Message.Should().Contain("between 1 and 200");
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, Liked = [new string('a', 64)] })).Reason.Should().Be(RecommendationFailure.UnknownTrack);
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, Liked = [track.Id], Disliked = [track.Id] })).Message.Should().Contain("both liked and disliked");
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, Disliked = [track.Id] })).Reason.Should().Be(RecommendationFailure.NoEligibleTracks);
        (await Refusal(new JourneyRequest { Path = CalmToEnergetic, Songs = 2, MinDurationSeconds = 40 })).Reason.Should().Be(RecommendationFailure.NoEligibleTracks);
    }

    [Fact]
    public void Moods_parse_from_names_quadrants_and_coordinates()
    {
        MoodPoint.Parse("calm").Should().Be(MoodNames.All["calm"]);
        MoodPoint.Parse("Q2").Should().Be(new MoodPoint(-0.5, 0.5));
        MoodPoint.Parse(" 0.4,-0.5 ").Should().Be(new MoodPoint(0.4, -0.5));
        MoodPoint.TryParse("1.5,0", out _).Should().BeFalse();
        MoodPoint.TryParse("elated", out _).Should().BeFalse();
        FluentActions.Invoking(() => MoodPoint.Parse("elated")).Should().Throw<FormatException>().WithMessage("*calm*");
        MoodNames.WordFor(new MoodPoint(0.3, -0.6)).Should().Be("calm");
        MoodNames.WordFor(new MoodPoint(-0.5, 0.6)).Should().Be("angry");
        MoodNames.WordFor(new MoodPoint(0.02, 0.03)).Should().Be("neutral");
    }

    [Fact]
    public void A_path_is_travelled_at_constant_speed_through_its_points()
    {
        var path = new MoodPath([new MoodPoint(0, -1), new MoodPoint(0, 0), new MoodPoint(1, 0)]);
        path.Length.Should().BeApproximately(2, 1e-12);
        path.At(0.25).Should().Be(new MoodPoint(0, -0.5));
        path.At(0.75).Should().Be(new MoodPoint(0.5, 0));
        path.At(2).Should().Be(new MoodPoint(1, 0));
        new MoodPath([new MoodPoint(0.2, 0.2)]).At(0.5).Should().Be(new MoodPoint(0.2, 0.2));
        FluentActions.Invoking(() => new MoodPath([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new MoodPath([new MoodPoint(0, 2)])).Should().Throw<ArgumentException>().WithMessage("*off the plane*");
    }

    [Fact]
    public void Hand_over_windows_are_the_last_and_first_seconds_at_most_a_third_of_the_song()
    {
        var rising = new EmotionTimeline(TestTracks.Ramp(-0.9f, 0.9f, 30), TestTracks.Flat(0f, 30), 30);
        JourneyMeasures.WindowFor(rising, 20).Should().Be(10);
        JourneyMeasures.Head(rising).Arousal.Should().BeApproximately(TestTracks.Ramp(-0.9f, 0.9f, 30).Take(10).Average(), 1e-6);
        JourneyMeasures.Tail(rising).Arousal.Should().BeApproximately(TestTracks.Ramp(-0.9f, 0.9f, 30).TakeLast(10).Average(), 1e-6);
        float[] ramp = TestTracks.Ramp(-0.9f, 0.9f, 30);
        JourneyMeasures.HandOverJump(rising, rising).Should().BeApproximately(ramp.TakeLast(10).Average() - ramp.Take(10).Average(), 1e-6);
        JourneyMeasures.PathError([rising], MoodPath.Through(new MoodPoint(0, -0.9), new MoodPoint(0, 0.9))).Should().BeLessThan(0.02);
    }

    [Fact]
    public void Keys_relate_on_the_circle_of_fifths()
    {
        var c = new MusicalKey(0, MusicalMode.Major, 1);
        c.RelationTo(c).Should().Be(KeyRelation.Same);
        c.RelationTo(new MusicalKey(9, MusicalMode.Minor, 1)).Should().Be(KeyRelation.Relative);
        new MusicalKey(9, MusicalMode.Minor, 1).RelationTo(c).Should().Be(KeyRelation.Relative);
        c.RelationTo(new MusicalKey(7, MusicalMode.Major, 1)).Should().Be(KeyRelation.Fifth);
        c.RelationTo(new MusicalKey(5, MusicalMode.Major, 1)).Should().Be(KeyRelation.Fifth);
        c.RelationTo(new MusicalKey(0, MusicalMode.Minor, 1)).Should().Be(KeyRelation.Parallel);
        c.RelationTo(new MusicalKey(6, MusicalMode.Major, 1)).Should().Be(KeyRelation.Distant);
        c.RelationTo(new MusicalKey(4, MusicalMode.Minor, 1)).Should().Be(KeyRelation.Distant);
    }

    private static TrackRecord Track(string name, float[] arousal, float[] valence, string version = TestTracks.Version, float tempo = 0, MusicalKey? key = null)
    {
        TrackRecord record = TestTracks.Make(name, [], arousal, valence, version: version);
        var values = record.Descriptors.ToArray();
        values[TrackDescriptors.IndexOf("tempo_bpm")] = tempo;
        var descriptors = new TrackDescriptors(values, key ?? new MusicalKey(0, MusicalMode.Major, 0.2));
        return record with { Descriptors = descriptors, Blocks = TrackVectorBlocks.From(descriptors, record.Timeline, TrackVectorOptions.DefaultArcLength) };
    }

    private static TrackRecord WithPresence(TrackRecord record, Func<int, MusicPresence> presence)
    {
        EmotionTimeline t = record.Timeline;
        var timeline = new EmotionTimeline(t.Arousal, t.Valence, t.DurationSeconds, Enumerable.Range(0, t.Count).Select(presence).ToArray());
        return record with { Timeline = timeline, Blocks = TrackVectorBlocks.From(record.Descriptors, timeline, TrackVectorOptions.DefaultArcLength) };
    }
}
