using System.CommandLine;
using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer catalog remove &lt;ids or files&gt; --db catalog.db</c>: removes tracks (a file is found by its content hash).</summary>
internal static class CatalogRemoveCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var tracks = new Argument<string[]>("tracks") { Description = "Track ids (64 hex digits) or audio files (removed by their content).", Arity = ArgumentArity.OneOrMore };
        var catalogOptions = CatalogOptions.Either();
        var command = new Command("remove", "Remove tracks from a catalog.") { tracks };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: true, cancellationToken).ConfigureAwait(false);
            int removed = 0, missing = 0;
            foreach (string track in parse.GetValue(tracks)!)
            {
                string id = await TrackReference.ResolveIdAsync(track, cancellationToken).ConfigureAwait(false);
                if (await catalog.RemoveAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    removed++;
                    await output.WriteLineAsync($"removed {id} ({track})").ConfigureAwait(false);
                }
                else
                {
                    missing++;
                    await error.WriteLineAsync($"mer: {track}: not in the catalog").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync($"removed {removed}, not found {missing}; {catalog.Name} holds {await catalog.CountAsync(cancellationToken).ConfigureAwait(false)} tracks")
                .ConfigureAwait(false);
            return removed > 0 || missing == 0 ? ExitCodes.Success : ExitCodes.InputError;
        }));
        return command;
    }
}
