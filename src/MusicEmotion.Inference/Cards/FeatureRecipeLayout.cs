using MusicEmotion.Features;

namespace MusicEmotion.Inference.Cards;

/// <summary>Where the columns of each kind of a <see cref="FeatureRecipe"/> sit in a frame's row.</summary>
public sealed class FeatureRecipeLayout
{
    private readonly int[] _offsets;
    private readonly int[] _widths;

    private FeatureRecipeLayout(IReadOnlyList<string> kinds, int[] offsets, int[] widths, IReadOnlyList<string> columnNames)
    {
        Kinds = kinds;
        _offsets = offsets;
        _widths = widths;
        ColumnNames = columnNames;
    }

    /// <summary>The recipe's kinds, in row order.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The name of every column, kind by kind.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Columns per row.</summary>
    public int Width => ColumnNames.Count;

    /// <summary>The layout of <paramref name="recipe"/>, its kinds looked up in <paramref name="kinds"/>.</summary>
    /// <exception cref="KeyNotFoundException">The recipe names a kind that <paramref name="kinds"/> does not hold.</exception>
    public static FeatureRecipeLayout Of(FeatureRecipe recipe, FeatureKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(kinds);
        int[] offsets = new int[recipe.Kinds.Count];
        int[] widths = new int[recipe.Kinds.Count];
        var names = new List<string>();
        for (int i = 0; i < recipe.Kinds.Count; i++)
        {
            IReadOnlyList<string> columns = kinds.CreateExtractor(recipe.Kinds[i], recipe.Settings).FeatureNames;
            offsets[i] = names.Count;
            widths[i] = columns.Count;
            names.AddRange(columns);
        }

        return new FeatureRecipeLayout(recipe.Kinds.ToArray(), offsets, widths, names.ToArray());
    }

    /// <summary>The first column of the kind called <paramref name="kind"/> (ignoring case), or -1 when the recipe does not name it.</summary>
    public int OffsetOf(string kind)
    {
        int index = IndexOf(kind);
        return index < 0 ? -1 : _offsets[index];
    }

    /// <summary>The columns of the kind called <paramref name="kind"/>, or 0 when the recipe does not name it.</summary>
    public int WidthOf(string kind)
    {
        int index = IndexOf(kind);
        return index < 0 ? 0 : _widths[index];
    }

    private int IndexOf(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        for (int i = 0; i < Kinds.Count; i++)
        {
            if (string.Equals(Kinds[i], kind, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
