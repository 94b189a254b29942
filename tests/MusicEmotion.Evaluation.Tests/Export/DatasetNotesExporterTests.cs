using System.Text.Json.Nodes;
using MusicEmotion.Evaluation.Export;
using MusicEmotion.Features.IO;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Evaluation.Tests;

/// <summary><c>mer dataset notes</c>: per-second note features beside an export, with real transcriptions.</summary>
public sealed class DatasetNotesExporterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_a_row_per_second_beside_each_exported_clip_and_resumes_without_redoing_or_mixing()
    {
        _folder.Write("ref/piece.wav", PcmWav.Encode16(SynthesizedMusic.Render(SynthesizedMusic.Piece(6), 22050, 6.3), 22050, 1));
        _folder.Write("ref/quiet/silence.wav", PcmWav.Encode16(new float[22050 * 3], 22050, 1));
        string export = _folder.File("export");
        ExportSet[] sets = [ExportSet.Parse(_folder.File("ref"), ExportSetKind.Reference)];
        await DatasetExporter.ExportAsync(new DatasetExportRequest { Recipe = FeatureRecipe.CreateDefault(), OutputFolder = export, Sets = sets, Parallelism = 1 });
        _folder.Write("ref/late.wav", PcmWav.Encode16(new float[22050], 22050, 1)); // added after the export: not in its index
        var request = new DatasetNotesRequest { ExportFolder = export, Sets = sets, Parallelism = 2 };

        DatasetNotesResult first = await DatasetNotesExporter.ExportAsync(request);

        first.Written.Should().Be(2);
        first.NotInExport.Should().Be(1);
        first.Skipped.Should().BeEmpty();
        int width = NoteFeatureColumns.NamesOf(NoteFeatureColumns.Kinds).Count;
        float[,] piece = ReadNpy(Path.Combine(export, "notes", "reference", "piece.npy"));
        float[,] silence = ReadNpy(Path.Combine(export, "notes", "reference", "quiet_silence.npy"));
        (piece.GetLength(0), piece.GetLength(1)).Should().Be((7, width), "6.3 s start 7 seconds");
        (silence.GetLength(0), silence.GetLength(1)).Should().Be((3, width));
        silence.Cast<float>().Should().OnlyContain(v => v == 0);
        int keyStrength = NoteFeatureColumns.NamesOf(NoteFeatureColumns.Kinds).ToList().IndexOf("harmony.key_strength");
        piece[3, keyStrength].Should().BeGreaterThan(0.5f, "the piece is in C major");
        JsonNode columns = JsonNode.Parse(File.ReadAllText(Path.Combine(export, "notes", "columns.json")))!;
        columns["columns"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(NoteFeatureColumns.NamesOf(NoteFeatureColumns.Kinds));
        columns["version"]!.GetValue<int>().Should().Be(DatasetNotesExporter.DefinitionsVersion);

        DatasetNotesResult again = await DatasetNotesExporter.ExportAsync(request);
        File.Delete(Path.Combine(export, "notes", "reference", "quiet_silence.npy"));
        DatasetNotesResult resumed = await DatasetNotesExporter.ExportAsync(request);

        (again.Written, again.AlreadyDone).Should().Be((0, 2));
        (resumed.Written, resumed.AlreadyDone).Should().Be((1, 1));
        Directory.EnumerateFiles(Path.Combine(export, "notes"), "*.tmp-*", SearchOption.AllDirectories).Should().BeEmpty();
        Func<Task> otherKinds = () => DatasetNotesExporter.ExportAsync(request with { Kinds = ["harmony"] });
        await otherKinds.Should().ThrowAsync<ArgumentException>().WithMessage("*other columns*");
        Func<Task> unknown = () => DatasetNotesExporter.ExportAsync(request with { Kinds = ["timbre"] });
        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("*notes, harmony, melody*");
    }

    [Fact]
    public async Task An_export_folder_without_an_index_is_refused_with_a_clear_message()
    {
        _folder.Write("ref/piece.wav", PcmWav.Encode16(new float[22050], 22050, 1));
        var request = new DatasetNotesRequest { ExportFolder = _folder.File("nothing"), Sets = [ExportSet.Parse(_folder.File("ref"), ExportSetKind.Reference)] };

        Func<Task> run = () => DatasetNotesExporter.ExportAsync(request);

        await run.Should().ThrowAsync<DatasetFormatException>().WithMessage("*mer dataset export*");
    }

    private static float[,] ReadNpy(string path)
    {
        NpyArray m = NpyReader.Read(path);
        float[] values = m.ToSingleArray();
        var result = new float[m.Rows, m.Columns];
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = 0; c < m.Columns; c++)
            {
                result[r, c] = values[(r * m.Columns) + c];
            }
        }

        return result;
    }
}
