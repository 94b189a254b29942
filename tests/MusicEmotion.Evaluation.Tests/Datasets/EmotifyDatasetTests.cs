using MusicEmotion.Evaluation.Datasets;

namespace MusicEmotion.Evaluation.Tests;

public sealed class EmotifyDatasetTests : IDisposable
{
    private const string RatingsHeader = "track_id, amazement, solemnity, tenderness, nostalgia, calmness, power, joyful_activation, tension, sadness, mood, liked, disliked";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Profiles_are_means_of_the_listeners_votes()
    {
        _folder.WriteText("tracks.csv", "track_id,genre,audio\n1,rock,rock/1.mp3\n2,pop,pop/2.mp3\n3,classical,classical/3.mp3\n");
        _folder.WriteText("ratings.csv", RatingsHeader + "\n"
            + "1,1,0,0,1,0,1,1,0,0,4,1,0\n"
            + "1,0,0,0,1,0,0,1,1,0,2,0,1\n"
            + "2,0,1,1,0,1,0,0,0,1,1,0,1\n"
            + "1,1,0,0,0,0,1,1,1,0,3,1,0\n"
            + "99,1,1,1,1,1,1,1,1,1,5,1,0\n");

        IReadOnlyList<EmotifyTrack> tracks = EmotifyDataset.Load(_folder.Path);

        tracks.Select(t => t.Id).Should().Equal("1", "2"); // 3 has no rating, 99 is not a listed track
        EmotifyTrack one = tracks[0];
        one.Genre.Should().Be("rock");
        one.AudioPath.Should().Be(Path.Combine(_folder.Path, "rock", "1.mp3"));
        one.Ratings.Should().Be(3);
        one.GemsProfile.Should().HaveCount(9);
        one.GemsProfile.Zip(new[] { 2 / 3.0, 0, 0, 2 / 3.0, 0, 2 / 3.0, 1, 2 / 3.0, 0 }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-12);
        one.MeanMood.Should().BeApproximately(3.0, 1e-12);
        one.LikedShare.Should().BeApproximately(2 / 3.0, 1e-12);

        EmotifyTrack two = tracks[1];
        two.Ratings.Should().Be(1);
        two.GemsProfile.Should().Equal(0, 1, 1, 0, 1, 0, 0, 0, 1);
        two.MeanMood.Should().Be(1);
        two.LikedShare.Should().Be(0);
        EmotifyDataset.GemsNames.Should().HaveCount(9).And.StartWith("amazement").And.EndWith("sadness");
    }

    [Fact]
    public void Non_numeric_rating_is_an_error_with_line()
    {
        _folder.WriteText("tracks.csv", "track_id,genre,audio\n1,rock,1.mp3\n");
        _folder.WriteText("ratings.csv", RatingsHeader + "\n1,1,0,0,1,0,1,1,0,0,4,1,0\n1,1,0,0,1,0,1,1,0,0,four,1,0\n");
        FluentActions.Invoking(() => EmotifyDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*ratings.csv: line 3: 'four' is not a number");
    }

    [Fact]
    public void Missing_gems_column_or_file_is_an_error()
    {
        _folder.WriteText("tracks.csv", "track_id,genre,audio\n1,rock,1.mp3\n");
        FluentActions.Invoking(() => EmotifyDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*ratings.csv: file not found");

        _folder.WriteText("ratings.csv", "track_id,amazement,mood,liked\n1,1,3,1\n");
        FluentActions.Invoking(() => EmotifyDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*missing column 'solemnity'*");
    }

    [Fact]
    public void Audio_outside_the_folder_is_rejected()
    {
        _folder.WriteText("tracks.csv", "track_id,genre,audio\n1,rock,/etc/passwd\n");
        _folder.WriteText("ratings.csv", RatingsHeader + "\n1,1,0,0,1,0,1,1,0,0,4,1,0\n");
        FluentActions.Invoking(() => EmotifyDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*tracks.csv line 2: audio reference '/etc/passwd'*");
    }
}
