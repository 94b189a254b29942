using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features;

/// <summary>
/// The feature kinds a recipe (and so a model card) may name: the built-in <c>logMel</c>, <c>mfcc</c> and
/// <c>descriptors</c> (see <see cref="FeatureKind"/>), plus the kinds a host registers with <see cref="Add"/>, e.g. a
/// CQT or an embedding computed by its own <see cref="IFeatureExtractor"/>. <see cref="CreateStream"/> builds the
/// stream of a whole recipe: the built-in kinds share one spectrum per frame, registered kinds run beside them on the
/// same samples, and every frame's row holds the kinds' columns in recipe order.
/// </summary>
/// <remarks>
/// Names are compared ignoring case. Register kinds while configuring the host; reading is thread-safe and lock-free
/// (every <see cref="Add"/> publishes a new table, never changed afterwards).
/// </remarks>
/// <example>
/// <code>
/// var kinds = new FeatureKindRegistry();
/// kinds.Add("chromaCqt", settings => new MyCqtExtractor(settings));
/// IFeatureStream stream = kinds.CreateStream(["logMel", "chromaCqt"], settings);
/// </code>
/// </example>
public sealed class FeatureKindRegistry
{
    private static readonly Dictionary<string, FeatureKind> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logMel"] = FeatureKind.LogMel,
        ["mfcc"] = FeatureKind.Mfcc,
        ["descriptors"] = FeatureKind.Descriptors,
    };

    // Copy on write: readers take the current table without a lock; Add publishes a new one.
    private Dictionary<string, Func<FeatureSettings, IFeatureExtractor>> _custom = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry of the built-in kinds only.</summary>
    public static FeatureKindRegistry BuiltIn { get; } = new();

    /// <summary>Every kind a recipe may name: the built-in ones, then the registered ones.</summary>
    public IReadOnlyList<string> Names => [.. Enum.GetValues<FeatureKind>().Select(NameOf), .. _custom.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The name recipes use for a built-in kind: <c>logMel</c>, <c>mfcc</c>, <c>descriptors</c>.</summary>
    public static string NameOf(FeatureKind kind) => kind switch
    {
        FeatureKind.LogMel => "logMel",
        FeatureKind.Mfcc => "mfcc",
        FeatureKind.Descriptors => "descriptors",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feature kind."),
    };

    /// <summary>The built-in kind called <paramref name="name"/>, if it is one.</summary>
    public static bool TryGetBuiltIn(string name, out FeatureKind kind) => BuiltIns.TryGetValue(name, out kind);

    /// <summary>Registers a kind computed by <paramref name="factory"/>'s extractors.</summary>
    /// <param name="name">The name recipes and model cards use (letters, digits, '-', '_', '.'; not a built-in name).</param>
    /// <param name="factory">Creates the kind's extractor for a recipe's settings. Its streams must frame the signal like
    /// the built-in kinds (one frame per <see cref="FeatureSettings.HopLength"/>, centred as the settings say), so that
    /// every kind of a recipe yields the same number of frames.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The name is empty, malformed, a built-in name or already registered.</exception>
    public FeatureKindRegistry Add(string name, Func<FeatureSettings, IFeatureExtractor> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.Length > 64)
        {
            throw new ArgumentException($"Feature kind name '{name}' may hold only letters, digits, '-', '_' and '.' (at most 64 characters).", nameof(name));
        }

        if (ReferenceEquals(this, BuiltIn))
        {
            throw new InvalidOperationException("FeatureKindRegistry.BuiltIn is shared and read-only; register kinds in a registry of your own.");
        }

        if (BuiltIns.ContainsKey(name))
        {
            throw new ArgumentException($"'{name}' is a built-in feature kind.", nameof(name));
        }

        Dictionary<string, Func<FeatureSettings, IFeatureExtractor>> current, updated;
        do
        {
            current = Volatile.Read(ref _custom);
            if (current.ContainsKey(name))
            {
                throw new ArgumentException($"Feature kind '{name}' is already registered.", nameof(name));
            }

            updated = new Dictionary<string, Func<FeatureSettings, IFeatureExtractor>>(current, StringComparer.OrdinalIgnoreCase) { [name] = factory };
        }
        while (Interlocked.CompareExchange(ref _custom, updated, current) != current);

        return this;
    }

    /// <summary>Whether a recipe may name <paramref name="name"/>.</summary>
    public bool Contains(string name) => name is not null && (BuiltIns.ContainsKey(name) || _custom.ContainsKey(name));

    /// <summary>Creates the extractor of kind <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such kind is registered.</exception>
    public IFeatureExtractor CreateExtractor(string name, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (TryGetBuiltIn(name, out FeatureKind kind))
        {
            return FeatureExtractorFactory.Create(kind, settings);
        }

        if (_custom.TryGetValue(name, out var factory))
        {
            return factory(settings) ?? throw new InvalidOperationException($"The factory of feature kind '{name}' returned no extractor.");
        }

        throw Unknown(name);
    }

    /// <summary>The columns a recipe of <paramref name="kinds"/> produces per frame.</summary>
    /// <exception cref="KeyNotFoundException">A kind is not registered.</exception>
    public int WidthOf(IReadOnlyList<string> kinds, FeatureSettings settings) => ColumnNamesOf(kinds, settings).Count;

    /// <summary>The name of every column of a recipe of <paramref name="kinds"/>, kind by kind.</summary>
    /// <exception cref="KeyNotFoundException">A kind is not registered.</exception>
    public IReadOnlyList<string> ColumnNamesOf(IReadOnlyList<string> kinds, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.SelectMany(k => CreateExtractor(k, settings).FeatureNames).ToArray();
    }

    /// <summary>
    /// Creates the stream of a recipe: one row per frame holding the columns of <paramref name="kinds"/> in order. The
    /// built-in kinds share one framer and one spectrum per frame; registered kinds run their own streams beside them.
    /// </summary>
    /// <exception cref="ArgumentException">No kind, or a kind named twice.</exception>
    /// <exception cref="KeyNotFoundException">A kind is not registered.</exception>
    public IFeatureStream CreateStream(IReadOnlyList<string> kinds, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (kinds.Count == 0 || kinds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != kinds.Count)
        {
            throw new ArgumentException($"A recipe names each feature kind at most once, and at least one (got {string.Join(", ", kinds)}).", nameof(kinds));
        }

        var builtIn = new List<(FeatureKind Kind, int Position)>();
        var custom = new List<(string Name, IFeatureExtractor Extractor, int Position)>();
        for (int i = 0; i < kinds.Count; i++)
        {
            if (TryGetBuiltIn(kinds[i], out FeatureKind kind))
            {
                builtIn.Add((kind, i));
            }
            else
            {
                custom.Add((kinds[i], CreateExtractor(kinds[i], settings), i));
            }
        }

        int[] widths = kinds.Select(k => CreateExtractor(k, settings).Width).ToArray();
        int[] offsets = new int[widths.Length];
        for (int i = 1; i < widths.Length; i++)
        {
            offsets[i] = offsets[i - 1] + widths[i - 1];
        }

        var parts = new List<IFeatureStream>();
        var targets = new List<int[]>();
        var names = new List<string>();
        if (builtIn.Count > 0)
        {
            IFeatureStream shared = FeatureExtractorFactory.CreateStream(builtIn.Select(b => b.Kind).ToArray(), settings);
            if (custom.Count == 0)
            {
                return shared; // the built-in kinds in recipe order: their columns are already where they belong
            }

            parts.Add(shared);
            targets.Add(builtIn.SelectMany(b => Enumerable.Range(offsets[b.Position], widths[b.Position])).ToArray());
            names.Add(string.Join("+", builtIn.Select(b => NameOf(b.Kind))));
        }

        foreach ((string name, IFeatureExtractor extractor, int first, int last) in Combined(custom))
        {
            parts.Add(extractor.CreateStream());
            targets.Add(Enumerable.Range(offsets[first], offsets[last] + widths[last] - offsets[first]).ToArray());
            names.Add(name);
        }

        return parts.Count == 1 && custom.Count == 1 && kinds.Count == 1
            ? parts[0]
            : new AlignedFeatureStream(parts, targets, names, widths.Sum());
    }

    /// <summary>
    /// The registered kinds' extractors, neighbours in the recipe merged where the first can combine with the next
    /// (<see cref="ICombinableFeatureExtractor"/>): each entry covers the recipe positions first..last.
    /// </summary>
    private static List<(string Name, IFeatureExtractor Extractor, int First, int Last)> Combined(List<(string Name, IFeatureExtractor Extractor, int Position)> custom)
    {
        var merged = new List<(string Name, IFeatureExtractor Extractor, int First, int Last)>();
        foreach ((string name, IFeatureExtractor extractor, int position) in custom)
        {
            if (merged.Count > 0 && merged[^1] is { } previous && previous.Last == position - 1
                && previous.Extractor is ICombinableFeatureExtractor combinable && combinable.CombineWith(extractor) is { } combined)
            {
                if (combined.Width != previous.Extractor.Width + extractor.Width)
                {
                    throw new InvalidOperationException($"Combining feature kinds {previous.Name} and {name} gave {combined.Width} columns, not {previous.Extractor.Width} + {extractor.Width}.");
                }

                merged[^1] = ($"{previous.Name}+{name}", combined, previous.First, position);
            }
            else
            {
                merged.Add((name, extractor, position, position));
            }
        }

        return merged;
    }

    private KeyNotFoundException Unknown(string name) =>
        new($"Feature kind '{name}' is not registered (known: {string.Join(", ", Names)}); register it with FeatureKindRegistry.Add or services.AddFeatureKind.");
}
