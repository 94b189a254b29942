using MusicEmotion.Features;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Streams the frames a <see cref="FeatureRecipe"/> asks for, the kinds' columns concatenated in recipe order into one
/// row per frame. The kinds are looked up in a <see cref="FeatureKindRegistry"/>: the built-in kinds share one framer
/// and one spectrum per frame, kinds a host registered run beside them and are aligned frame by frame
/// (<see cref="FeatureKindRegistry.CreateStream"/>). No allocation per frame.
/// </summary>
internal sealed class FeatureRecipeStream : IFeatureStream
{
    private readonly IFeatureStream _stream;

    /// <summary>Creates the stream for <paramref name="recipe"/> from the kinds of <paramref name="kinds"/> (default: the built-in kinds only).</summary>
    /// <exception cref="KeyNotFoundException">The recipe names a kind that <paramref name="kinds"/> does not hold.</exception>
    public FeatureRecipeStream(FeatureRecipe recipe, FeatureKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        kinds ??= FeatureKindRegistry.BuiltIn;
        Layout = FeatureRecipeLayout.Of(recipe, kinds);
        _stream = kinds.CreateStream(recipe.Kinds, recipe.Settings);
        if (_stream.Width != Layout.Width)
        {
            throw new InvalidOperationException($"The feature stream of [{string.Join(", ", recipe.Kinds)}] yields {_stream.Width} columns, its extractors declare {Layout.Width}.");
        }
    }

    /// <summary>Sum of the widths of the recipe's kinds (looked up in <paramref name="kinds"/>, default the built-in kinds).</summary>
    /// <exception cref="KeyNotFoundException">The recipe names a kind that <paramref name="kinds"/> does not hold.</exception>
    public static int WidthOf(FeatureRecipe recipe, FeatureKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return (kinds ?? FeatureKindRegistry.BuiltIn).WidthOf(recipe.Kinds, recipe.Settings);
    }

    /// <summary>Where each kind's columns sit in a row, and every column's name.</summary>
    public FeatureRecipeLayout Layout { get; }

    /// <inheritdoc />
    public int Width => Layout.Width;

    /// <summary>Column names, kind by kind.</summary>
    public IReadOnlyList<string> FeatureNames => Layout.ColumnNames;

    /// <inheritdoc />
    public long FramesWritten => _stream.FramesWritten;

    /// <inheritdoc />
    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink) => _stream.Push(samples, sink);

    /// <inheritdoc />
    public void Complete(IFeatureFrameSink sink) => _stream.Complete(sink);
}
