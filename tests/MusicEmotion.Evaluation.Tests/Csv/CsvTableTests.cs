using System.Text;
using MusicEmotion.Evaluation.Csv;

namespace MusicEmotion.Evaluation.Tests;

public class CsvTableTests
{
    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_newlines()
    {
        const string text = "id,name,note\n1,\"Doe, Jane\",plain\n2,\"say \"\"hi\"\"\",\"two\nlines\"\n3,x,\"\"\n";

        CsvTable table = CsvTable.Parse(text, "t.csv");

        table.Header.Should().Equal("id", "name", "note");
        table.Rows.Should().HaveCount(3);
        table.Rows[0].Fields.Should().Equal("1", "Doe, Jane", "plain");
        table.Rows[1].Fields.Should().Equal("2", "say \"hi\"", "two\nlines");
        table.Rows[2].Fields.Should().Equal("3", "x", "");
        table.Rows.Select(r => r.Line).Should().Equal(2, 3, 5);
        table.Path.Should().Be("t.csv");
    }

    [Fact]
    public void Bom_crlf_and_trailing_empty_lines_are_ignored()
    {
        const string text = "\uFEFFsong_id , value\r\n7,0.5\r\n8, -1 \r\n\r\n";

        CsvTable table = CsvTable.Parse(text, "t.csv");

        table.Header.Should().Equal("song_id", "value");
        table.Rows.Should().HaveCount(2);
        table.Rows[0].Fields.Should().Equal("7", "0.5");
        table.Rows[1][1].Should().Be("-1", "the indexer trims");
        table.Rows[1].Fields[1].Should().Be(" -1 ", "raw fields are kept");
        table.IndexOf("SONG_ID").Should().Be(0);
        table.IndexOf("missing").Should().Be(-1);
        table.Require("Value").Should().Be(1);
    }

    [Fact]
    public void Last_line_without_newline_is_a_row()
    {
        CsvTable table = CsvTable.Parse("a,b\n1,2", "t.csv");
        table.Rows.Should().ContainSingle().Which.Fields.Should().Equal("1", "2");
    }

    [Fact]
    public void Reads_a_file_with_a_bom()
    {
        using var folder = new TempDirectory();
        string path = folder.File("bom.csv");
        File.WriteAllText(path, "id,v\r\n1,2\r\n", new UTF8Encoding(true));

        CsvTable table = CsvTable.Read(path);

        table.Header.Should().Equal("id", "v");
        table.Rows.Should().ContainSingle();
        table.Path.Should().Be(path);
    }

    [Fact]
    public void Wrong_field_count_names_file_and_line()
    {
        FluentActions.Invoking(() => CsvTable.Parse("a,b\n1,2\n3,4,5\n", "labels.csv"))
            .Should().Throw<DatasetFormatException>()
            .Where(e => e.DatasetPath == "labels.csv")
            .WithMessage("labels.csv: line 3: 3 fields, but the header has 2");
    }

    [Fact]
    public void Line_numbers_count_newlines_inside_quoted_fields()
    {
        FluentActions.Invoking(() => CsvTable.Parse("a,b\n1,\"x\ny\"\n2\n", "t.csv"))
            .Should().Throw<DatasetFormatException>().WithMessage("t.csv: line 4: 1 fields*");
    }

    [Fact]
    public void Unclosed_quote_is_an_error()
    {
        FluentActions.Invoking(() => CsvTable.Parse("a,b\n1,\"never closed\n2,3\n", "t.csv"))
            .Should().Throw<DatasetFormatException>().WithMessage("t.csv: line 2: a quoted field is never closed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public void Empty_text_is_an_error(string text)
    {
        FluentActions.Invoking(() => CsvTable.Parse(text, "t.csv"))
            .Should().Throw<DatasetFormatException>().WithMessage("t.csv: file is empty*");
    }

    [Fact]
    public void Missing_file_and_missing_column_are_errors()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".csv");
        FluentActions.Invoking(() => CsvTable.Read(path)).Should().Throw<DatasetFormatException>().WithMessage($"{path}: file not found");

        CsvTable table = CsvTable.Parse("a,b\n", "t.csv");
        table.Rows.Should().BeEmpty();
        FluentActions.Invoking(() => table.Require("c")).Should().Throw<DatasetFormatException>()
            .WithMessage("t.csv: missing column 'c' (header: a,b)");
    }
}
