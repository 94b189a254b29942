using System.CommandLine;
using MusicEmotion.Cli.Commands;
using MusicEmotion.Cli.Output;

namespace MusicEmotion.Cli;

/// <summary>The <c>mer</c> command tree, runnable in-process (tests call <see cref="RunAsync"/> directly).</summary>
internal static class MerApp
{
    /// <summary>Builds the root command with every sub-command writing to the given writers.</summary>
    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("mer — MusicEmotion: per-second arousal and valence, features and recommendations for music.")
        {
            InfoCommand.Create(output, error),
            FeaturesCommand.Create(output, error),
            DatasetCommand.Create(output, error),
            EvalCommand.Create(output, error),
            AnalyzeCommand.Create(output, error), DemoCommand.Create(output, error),
            NotesCommand.Create(output, error, NoteFeatureHarmony.Instance),
            CatalogCommand.Create(output, error),
            RecommendCommand.Create(output, error),
            JourneyCommand.Create(output, error),
            TagCommand.Create(output, error),
            WorkerCommand.Create(output, error),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        RootCommand root = CreateRootCommand(output, error);
        ParseResult parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
