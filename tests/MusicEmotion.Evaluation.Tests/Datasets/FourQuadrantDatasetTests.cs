using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Evaluation.Datasets;

namespace MusicEmotion.Evaluation.Tests;

public sealed class FourQuadrantDatasetTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Labels(string body) => _folder.WriteText("labels.csv", "song,quadrant,audio,split,artist,title\n" + body);

    [Fact]
    public void Loads_every_clip_with_full_audio_paths()
    {
        Labels("MT001,Q1,Q1/MT001.mp3,train,\"Doe, Jane\",Happy\nMT002,q2,Q2/MT002.mp3,val,B,Angry\nMT003,3,Q3/MT003.mp3,TRAIN,C,Sad\nMT004, Q4 ,Q4/MT004.mp3,test,D,Calm\n");

        IReadOnlyList<QuadrantClip> clips = FourQuadrantDataset.Load(_folder.Path);

        clips.Select(c => c.Id).Should().Equal("MT001", "MT002", "MT003", "MT004");
        clips.Select(c => c.Quadrant).Should().Equal(EmotionQuadrant.Q1, EmotionQuadrant.Q2, EmotionQuadrant.Q3, EmotionQuadrant.Q4);
        clips[0].AudioPath.Should().Be(Path.Combine(Path.GetFullPath(_folder.Path), "Q1", "MT001.mp3"));
        clips[0].Artist.Should().Be("Doe, Jane");
        clips[0].Title.Should().Be("Happy");
        clips[1].Split.Should().Be("val");
    }

    [Fact]
    public void Split_filter_is_case_insensitive()
    {
        Labels("a,Q1,a.mp3,train,,\nb,Q2,b.mp3,val,,\nc,Q3,c.mp3,TRAIN,,\n");

        FourQuadrantDataset.Load(_folder.Path, "train").Select(c => c.Id).Should().Equal("a", "c");
        FourQuadrantDataset.Load(_folder.Path, "Val").Select(c => c.Id).Should().Equal("b");
        FourQuadrantDataset.Load(_folder.Path, "test").Should().BeEmpty();
    }

    [Fact]
    public void Optional_columns_may_be_absent()
    {
        _folder.WriteText("labels.csv", "audio,quadrant,song\nx.wav,Q4,x\n");

        QuadrantClip clip = FourQuadrantDataset.Load(_folder.Path).Single();

        clip.Should().Be(new QuadrantClip("x", EmotionQuadrant.Q4, "", Path.Combine(Path.GetFullPath(_folder.Path), "x.wav"), "", ""));
        FourQuadrantDataset.Load(_folder.Path, "train").Should().BeEmpty("a file without a split column has no train split");
    }

    [Theory]
    [InlineData("Q5")]
    [InlineData("Q0")]
    [InlineData("high")]
    [InlineData("")]
    [InlineData("Q12")]
    public void Bad_quadrant_is_an_error_with_line(string quadrant)
    {
        Labels($"a,Q1,a.mp3,train,,\nb,{quadrant},b.mp3,train,,\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage($"*labels.csv: line 3: quadrant '{quadrant}' is not Q1..Q4");
    }

    [Fact]
    public void Duplicate_ids_are_an_error()
    {
        Labels("a,Q1,a.mp3,train,,\nb,Q2,b.mp3,train,,\na,Q3,c.mp3,val,,\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*line 4: song 'a' is listed twice");
    }

    [Fact]
    public void Empty_id_is_an_error()
    {
        Labels(" ,Q1,a.mp3,train,,\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*line 2: empty song id");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("audio/../../outside.mp3")]
    [InlineData("..")]
    public void Audio_paths_leaving_the_folder_are_rejected(string reference)
    {
        Labels($"a,Q1,{reference},train,,\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .Where(e => e.DatasetPath.EndsWith("labels.csv line 2"))
            .WithMessage($"*'{reference}'*");
    }

    [Fact]
    public void A_sibling_folder_sharing_the_name_prefix_is_outside()
    {
        string name = Path.GetFileName(_folder.Path);
        Labels($"a,Q1,../{name}-other/a.mp3,train,,\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*points outside the dataset folder*");
    }

    [Fact]
    public void Dot_dot_that_stays_inside_is_allowed()
    {
        Labels("a,Q1,audio/../clips/a.mp3,train,,\n");
        FourQuadrantDataset.Load(_folder.Path).Single().AudioPath.Should().Be(Path.Combine(Path.GetFullPath(_folder.Path), "clips", "a.mp3"));
    }

    [Fact]
    public void Missing_folder_file_or_column_are_errors()
    {
        string missing = Path.Combine(_folder.Path, "nope");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(missing)).Should().Throw<DatasetFormatException>()
            .WithMessage($"{missing}: dataset folder not found");

        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*labels.csv: file not found");

        string file = _folder.WriteText("plain.txt", "x");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(file)).Should().Throw<DatasetFormatException>()
            .WithMessage("*is a file; expected a dataset folder");

        _folder.WriteText("labels.csv", "song,audio\na,a.mp3\n");
        FluentActions.Invoking(() => FourQuadrantDataset.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*missing column 'quadrant'*");
    }

    [Fact]
    public void Quadrant_signs_match_russells_plane()
    {
        ArousalValence.QuadrantOf(0.5, 0.5).Should().Be(EmotionQuadrant.Q1);
        ArousalValence.QuadrantOf(0.5, -0.5).Should().Be(EmotionQuadrant.Q2);
        ArousalValence.QuadrantOf(-0.5, -0.5).Should().Be(EmotionQuadrant.Q3);
        ArousalValence.QuadrantOf(-0.5, 0.5).Should().Be(EmotionQuadrant.Q4);
        ArousalValence.QuadrantOf(0, 0).Should().Be(EmotionQuadrant.Q1);
        EmotionQuadrant.Q2.IsHighArousal().Should().BeTrue();
        EmotionQuadrant.Q2.IsPositiveValence().Should().BeFalse();
        EmotionQuadrant.Q4.IsHighArousal().Should().BeFalse();
        EmotionQuadrant.Q4.IsPositiveValence().Should().BeTrue();
    }
}
