using System.Text.RegularExpressions;

namespace MusicEmotion.Recommend.Tests.Docs;

/// <summary>
/// The documents stay true: README.md's C# samples compile (ReadmeSamples.cs holds them, line for line), and
/// docs/architecture.md's dependency graph is the one the csproj files declare.
/// </summary>
public sealed partial class DocsTests
{
    [Fact]
    public void Every_csharp_block_of_the_readme_is_compiled_by_ReadmeSamples()
    {
        string root = RepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        string[] compiled = Lines(File.ReadAllText(Path.Combine(root, "tests", "MusicEmotion.Recommend.Tests", "Docs", "ReadmeSamples.cs")));
        MatchCollection blocks = CsharpBlock().Matches(readme);

        blocks.Should().HaveCountGreaterThanOrEqualTo(4, "README.md has its C# samples");
        foreach (Match block in blocks)
        {
            string[] lines = Lines(block.Groups[1].Value);
            string[] usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal)).ToArray();
            string[] body = lines[usings.Length..];
            if (usings.Length > 0)
            {
                compiled.Should().Contain(usings, "the block's using directives are the file's");
            }

            IndexOfRun(compiled, body).Should().BeGreaterThanOrEqualTo(0, $"this README block must stand verbatim in ReadmeSamples.cs:\n{block.Groups[1].Value}");
        }
    }

    [Fact]
    public void The_architecture_documents_the_project_references_of_every_library_and_application()
    {
        string root = RepositoryRoot();
        string architecture = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        string graph = GraphBlock().Match(architecture).Groups[1].Value;
        Dictionary<string, string[]> documented = graph.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split("->"))
            .ToDictionary(
                parts => parts[0].Trim(),
                parts => parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray());

        Dictionary<string, string[]> actual = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => ProjectReference().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray());

        documented.Keys.Should().BeEquivalentTo(actual.Keys, "every project under src has its line");
        foreach ((string project, string[] references) in actual)
        {
            documented[project].Should().Equal(references, $"docs/architecture.md's line for {project} lists its csproj's ProjectReferences");
        }
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static int IndexOfRun(string[] haystack, string[] run)
    {
        for (int i = 0; i + run.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, run.Length).SequenceEqual(run))
            {
                return i;
            }
        }

        return -1;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicEmotion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MusicEmotion.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"## Dependency graph.*?```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphBlock();

    [GeneratedRegex(@"<ProjectReference Include=""[^""]*[\\/]([^\\/""]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
